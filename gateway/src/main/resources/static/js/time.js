// Moments the dashboard asks about, from the browser's clock.

const DAY_MS = 24 * 3600 * 1000;

/** How far back the charts look: 13 weeks, about 90 days, a point a week. */
const RECENT_WEEKS = 13;

/** The query of a chart over the recent weeks: a point a week, the last one now (the API's own clock ends it). */
export function recentWeeks() {
    return {from: daysAgo(RECENT_WEEKS * 7), step: 'P7D'};
}

export function daysAgo(days) {
    return new Date(Date.now() - days * DAY_MS).toISOString();
}

/** The start (00:00 UTC) of the current day: the portfolio's figures are kept per day from there. */
export function startOfUtcDay() {
    return Math.floor(Date.now() / DAY_MS) * DAY_MS;
}

/** Milliseconds until the next UTC day begins. */
export function untilNextUtcDay() {
    return startOfUtcDay() + DAY_MS - Date.now();
}

/** Today as the person at the browser counts it (YYYY-MM-DD): the call list's day. */
export function today() {
    const now = new Date();
    return [now.getFullYear(), now.getMonth() + 1, now.getDate()]
        .map((part, index) => String(part).padStart(index === 0 ? 4 : 2, '0'))
        .join('-');
}
