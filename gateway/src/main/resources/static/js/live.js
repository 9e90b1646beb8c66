// Live updates: the event stream (server-sent events) from the current head, so the page does
// not replay history. The browser resumes after the last event it saw (Last-Event-ID) when the
// connection drops; when the gateway refuses the stream, the page starts again from there.

import {getJson, query} from './api.js';

// every event the published language names; the stream sends each under its type
const TYPES = [
    'rapport.accounts.account-opened', 'rapport.accounts.account-profile-changed',
    'rapport.accounts.account-owner-assigned', 'rapport.accounts.account-lost', 'rapport.accounts.account-won-back',
    'rapport.outreach.contact-logged', 'rapport.outreach.pitch-made', 'rapport.outreach.pitch-outcome-recorded',
    'rapport.outreach.feedback-received', 'rapport.outreach.unmet-need-raised', 'rapport.outreach.unmet-need-addressed',
    'rapport.outreach.unmet-need-declined', 'rapport.outreach.unmet-need-lost-to-competitor',
    'rapport.outreach.competitor-sighted', 'rapport.outreach.lost-client-interview-recorded',
    'rapport.outreach.call-scheduled', 'rapport.outreach.call-rescheduled', 'rapport.outreach.call-completed',
    'rapport.outreach.call-missed',
    'rapport.insights.health-band-changed', 'rapport.insights.neglect-flag-raised',
    'rapport.insights.neglect-flag-cleared',
];
// what insights concluded: rare, so finding the head by reading them is cheap for the service
const CONCLUSIONS = TYPES.filter(type => type.startsWith('rapport.insights.'));
const PAGE = 1000;
const RETRY_MS = 10_000;

/** The position of the newest event: the feed's `next` once a page is not full. */
async function head() {
    let after = 0;
    for (;;) {
        const page = await getJson('/api/events', {after, limit: PAGE, types: CONCLUSIONS.join(',')});
        after = page.next;
        if (page.items.length < PAGE) {
            return after;
        }
    }
}

/**
 * Calls onEvent({type, subject, position}) for every new event; onState('live' | 'reconnecting')
 * says whether the page is following.
 */
export async function follow(onEvent, onState) {
    let position = await head();

    const connect = () => {
        const stream = new EventSource(query('/api/events/stream', {after: position}));
        // following from here on: whatever happens after `position` arrives, even if the gateway
        // holds the stream's headers until its first event or heartbeat
        onState('live');
        stream.onopen = () => onState('live');
        stream.onerror = () => {
            onState('reconnecting');
            if (stream.readyState === EventSource.CLOSED) {
                // refused outright (the session ended, too many readers): ask again later;
                // getJson sends the browser to the login page if the session is gone
                setTimeout(() => getJson('/signed-in').then(connect, () => setTimeout(connect, RETRY_MS)), RETRY_MS);
            }
        };
        for (const type of TYPES) {
            stream.addEventListener(type, message => {
                position = Number(message.lastEventId) || position;
                const item = JSON.parse(message.data);
                onEvent({type: item.type, subject: item.subject, position});
            });
        }
    };
    connect();
}

/** Runs fn once events stop arriving for `wait` ms, and at least every `most` ms while they keep coming. */
export function debounced(fn, wait, most) {
    let timer = null;
    let first = null;
    return () => {
        const now = Date.now();
        first ??= now;
        clearTimeout(timer);
        const delay = Math.max(0, Math.min(wait, first + most - now));
        timer = setTimeout(() => {
            first = null;
            fn();
        }, delay);
    };
}
