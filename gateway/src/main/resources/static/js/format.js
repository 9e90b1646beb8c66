// The API's codes in words a sales leader reads.

export const BANDS = ['HEALTHY', 'WATCH', 'AT_RISK', 'CRITICAL'];
export const TIERS = ['STRATEGIC', 'KEY', 'CORE', 'LONG_TAIL'];

const BAND_WORDS = {HEALTHY: 'Healthy', WATCH: 'Watch', AT_RISK: 'At risk', CRITICAL: 'Critical'};
const TIER_WORDS = {STRATEGIC: 'Strategic', KEY: 'Key', CORE: 'Core', LONG_TAIL: 'Long tail'};
const FACTOR_WORDS = {
    contactRecency: 'Contact recency',
    faceTime: 'Face time',
    executiveTouch: 'Executive touch',
    rePitch: 'Re-pitch',
    unmetNeeds: 'Unmet needs',
    voiceOfClient: 'Voice of the client',
    competitorPressure: 'Competitor pressure',
    momentum: 'Momentum',
    unansweredAttempts: 'Unanswered attempts',
};

// the risk signals, in the API's order: each reason enough on its own to flag an account
export const SIGNALS = ['detractorComplaint', 'competitorSighted', 'needPastGrace', 'topAccountOverdue',
    'momentumCollapse', 'unreachable'];
const SIGNAL_WORDS = {
    detractorComplaint: 'Detractor\'s complaint unanswered',
    competitorSighted: 'Competitor sighted',
    needPastGrace: 'Need open too long',
    topAccountOverdue: 'Top account overdue',
    momentumCollapse: 'Contact collapsing',
    unreachable: 'Unreachable',
};
// a signal's figures by the names the API gives them
const FIGURE_WORDS = {
    nps: 'NPS',
    daysUnanswered: 'Days unanswered',
    sightings: 'Sightings',
    daysSinceSighting: 'Days since the last sighting',
    daysOpen: 'Days open',
    needOpenDays: 'Grace, in days',
    daysSinceContact: 'Days since two-way contact',
    cadenceDays: 'Cadence, in days',
    recent: 'Contacts, recent window',
    earlier: 'Contacts, window before',
    windowDays: 'Window, in days',
    attempts: 'Attempts in a row',
};

// the band colours, shared by the stylesheet (as classes) and the charts
export const BAND_COLOURS = {HEALTHY: '#2f855a', WATCH: '#b7791f', AT_RISK: '#dd6b20', CRITICAL: '#c53030'};

export const band = code => BAND_WORDS[code] ?? code;
export const tier = code => TIER_WORDS[code] ?? code;
export const factor = key => FACTOR_WORDS[key] ?? key;
export const signal = key => SIGNAL_WORDS[key] ?? key;

/** A signal's figure: its name in words ("daysOpen" as "Days open" when it has none of its own). */
export function figureName(name) {
    if (FIGURE_WORDS[name]) {
        return FIGURE_WORDS[name];
    }
    const spaced = name.replace(/([A-Z])/g, ' $1').toLowerCase();
    return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** What a runway ends in: a band (AT_RISK, CRITICAL), NEGLECTED, or a signal's key. */
export function flaggedBecause(because) {
    return SIGNAL_WORDS[because] ?? (BAND_WORDS[because] ?? code(because));
}

/** LOSS_REASON or rapport.outreach.contact-logged: "Loss reason", "Contact logged". */
export function code(value) {
    if (value === null || value === undefined) {
        return '—';
    }
    const last = String(value).split('.').pop().replace(/[-_]/g, ' ').toLowerCase();
    return last.charAt(0).toUpperCase() + last.slice(1);
}

export function money(amount, currency) {
    try {
        return new Intl.NumberFormat(undefined, {style: 'currency', currency, maximumFractionDigits: 0})
            .format(Number(amount));
    } catch (unknownCurrency) {
        return `${amount} ${currency}`;
    }
}

export function whole(number) {
    return new Intl.NumberFormat().format(number);
}

/** 0.67 as 67 %; null (nothing to share) as a dash. */
export function share(fraction) {
    return fraction === null || fraction === undefined ? '—' : `${Math.round(Number(fraction) * 100)} %`;
}

export function date(instant) {
    return instant ? new Intl.DateTimeFormat(undefined, {dateStyle: 'medium'}).format(new Date(instant)) : '—';
}

/** The day an instant falls on in UTC: the portfolio's figures are kept per UTC day. */
export function utcDate(instant) {
    return instant ? new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeZone: 'UTC'}).format(new Date(instant)) : '—';
}

export function dateTime(instant) {
    return instant
        ? new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeStyle: 'short'}).format(new Date(instant))
        : '—';
}

/** A change of the score: +16.8, −4.0 (a true minus sign). */
export function points(value) {
    const number = Number(value);
    return `${number < 0 ? '\u2212' : '+'}${Math.abs(number).toFixed(1)}`;
}

export function days(count) {
    return count === null || count === undefined ? '—' : `${count} ${Number(count) === 1 ? 'day' : 'days'}`;
}
