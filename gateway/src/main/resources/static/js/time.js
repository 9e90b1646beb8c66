// Moments the dashboard asks about, from the browser's clock.

const DAY_MS = 24 * 3600 * 1000;

/** How far back the charts look: 13 weeks, about 90 days, a point a week. */
export const RECENT_WEEKS = 13;

export function daysAgo(days) {
    return new Date(Date.now() - days * DAY_MS).toISOString();
}

export function weeksAgo(weeks) {
    return daysAgo(weeks * 7);
}

/** Today as the person at the browser counts it (YYYY-MM-DD): the call list's day. */
export function today() {
    const now = new Date();
    return [now.getFullYear(), now.getMonth() + 1, now.getDate()]
        .map((part, index) => String(part).padStart(index === 0 ? 4 : 2, '0'))
        .join('-');
}
