// What an event can change on each view, written once. Each view loads named sources (see its
// module's `sources`) and marks each part of the page with the sources it is drawn from; a live
// event asks again only for the sources these rules name, judged from the event and from what the
// view already shows, and only the parts drawn from them are drawn again.

import {startOfUtcDay} from './time.js';

/** Not an event of the stream: the page's own clock, when a UTC day begins. */
export const DAY_BEGAN = 'dashboard.day-began';

// what flags an account or stops flagging it: the band, neglect, a risk signal
const BAND_OR_NEGLECT = ['rapport.insights.health-band-changed', 'rapport.insights.neglect-flag-raised',
    'rapport.insights.neglect-flag-cleared', 'rapport.insights.risk-signal-raised', 'rapport.insights.risk-signal-cleared'];
// who is in the portfolio at all: a lost account leaves it without a band change
const IN_OR_OUT = ['rapport.accounts.account-opened', 'rapport.accounts.account-lost', 'rapport.accounts.account-won-back'];
const OWNER = ['rapport.accounts.account-owner-assigned'];
const PROFILE = ['rapport.accounts.account-profile-changed'];
const LOSS = ['rapport.accounts.account-lost', 'rapport.accounts.account-won-back',
    'rapport.outreach.lost-client-interview-recorded'];
const CALL_DUE = ['rapport.outreach.call-scheduled', 'rapport.outreach.call-rescheduled'];
// the only facts that change no assessment: planned calls and how a pitch ended
const NOT_HEALTH = [...CALL_DUE, 'rapport.outreach.call-completed', 'rapport.outreach.call-missed',
    'rapport.outreach.pitch-outcome-recorded'];

const of = types => event => types.includes(event.type);
const ofHealth = event => event.type !== DAY_BEGAN && !NOT_HEALTH.includes(event.type);
const anyEvent = event => event.type !== DAY_BEGAN;

/** The account is one the view lists in its source's items. */
const listedIn = source => (event, shown) => (shown[source]?.items ?? []).some(item => item.accountId === event.subject);
const ofThisAccount = (event, shown, params) => event.subject === params.id;
/** The trend's points are the starts (00:00 UTC) of days: a change dated today shows from tomorrow's. */
const beforeToday = event => Date.parse(event.time) < startOfUtcDay();
/** The event names the owner shown (an opening, a new owner), or names none and so may be theirs, or nobody is shown yet. */
const mayBeTheOwners = (event, shown) => {
    const named = [event.data?.ownerId, event.data?.previousOwnerId].filter(Boolean);
    return named.length === 0 || !shown.list || named.includes(shown.list.ownerId);
};
const connected = event => event.data?.outcome === 'CONNECTED';

/** Per view: when (the event's type, then what the view shows) and which sources to ask for again. */
const RULES = {
    overview: [
        // the counts, the value at risk, and who is slipping; owners, names and values in the list
        {on: of([...BAND_OR_NEGLECT, ...IN_OR_OUT, ...OWNER, ...PROFILE]), refresh: ['portfolio', 'accounts']},
        // a listed account's score and reasons
        {on: ofHealth, if: listedIn('accounts'), refresh: ['accounts']},
        {on: of([...BAND_OR_NEGLECT, ...IN_OR_OUT, ...PROFILE]), if: beforeToday, refresh: ['trend']},
        {on: of([DAY_BEGAN]), refresh: ['trend']},
    ],
    account: [
        {on: anyEvent, if: ofThisAccount, refresh: ['timeline']},
        {on: ofHealth, if: ofThisAccount, refresh: ['health', 'history', 'movement']},
    ],
    calls: [
        // spoken with (and off the list), or changed
        {on: anyEvent, if: listedIn('list'), refresh: ['list']},
        // one of the owner's accounts may have started slipping, been lost or had a call come due:
        // these events do not say whose account it is
        {on: of([...BAND_OR_NEGLECT, ...IN_OR_OUT, ...OWNER, ...CALL_DUE]), if: mayBeTheOwners, refresh: ['list']},
        {on: of([...IN_OR_OUT, ...OWNER]), refresh: ['owners']},
    ],
    losses: [
        {on: of(LOSS), refresh: ['report']},
        // a listed loss's name, or its history (and so when it was first flagged)
        {on: anyEvent, if: listedIn('report'), refresh: ['report']},
    ],
    // a replay of the whole history: asked for again when a loss is recorded, not on every touch
    backtest: [
        {on: of(LOSS), refresh: ['current', 'proposed']},
    ],
    coverage: [
        // accounts per owner, and which of them were spoken with within their cadence
        {on: of([...BAND_OR_NEGLECT, ...IN_OR_OUT, ...OWNER, ...PROFILE]), refresh: ['portfolio']},
        {on: of(['rapport.outreach.contact-logged']), if: connected, refresh: ['portfolio']},
    ],
};

/** The names of the view's sources the event can change, given what the view shows and its route's params. */
export function touched(view, event, shown, params) {
    const sources = new Set();
    for (const rule of RULES[view] ?? []) {
        if (rule.on(event) && (!rule.if || rule.if(event, shown, params))) {
            rule.refresh.forEach(source => sources.add(source));
        }
    }
    return sources;
}
