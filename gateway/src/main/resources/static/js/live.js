// Live updates: the event stream (server-sent events) from the current head, so the page does
// not replay history. The browser resumes after the last event it saw (Last-Event-ID) when the
// connection drops; when the gateway refuses the stream, the page starts again from there.

import {getJson, query} from './api.js';

const RETRY_MS = 10_000;

/** Every event type of the published language: the stream sends each under its type. */
async function publishedTypes() {
    const schemas = await getJson('/api/events/schemas');
    return [...new Set(schemas.items.map(schema => schema.type))];
}

/** The newest position the feed serves up to: following after it skips history. */
async function head() {
    return (await getJson('/api/events/head')).position;
}

/**
 * Calls onEvent(item) with the feed item of every new event ({position, type, subject, time, data, ...});
 * onState('live' | 'reconnecting') says whether the page is following.
 */
export async function follow(onEvent, onState) {
    const types = await publishedTypes();
    let position = await head();

    const connect = () => {
        const stream = new EventSource(query('/api/events/stream', {after: position}));
        // the stream opens with a comment at once, so "live" means connected, not merely asked for
        stream.onopen = () => onState('live');
        stream.onerror = () => {
            onState('reconnecting');
            if (stream.readyState === EventSource.CLOSED) {
                // refused outright (the session ended, too many readers): ask again later;
                // getJson sends the browser to the login page if the session is gone
                setTimeout(() => getJson('/signed-in').then(connect, () => setTimeout(connect, RETRY_MS)), RETRY_MS);
            }
        };
        for (const type of types) {
            stream.addEventListener(type, message => {
                position = Number(message.lastEventId) || position;
                onEvent(JSON.parse(message.data));
            });
        }
    };
    connect();
}

/**
 * Runs fn once calls stop coming for `quiet` ms, at the latest `most` ms after the first of a burst,
 * and never sooner than `gap` ms after it last ran: often enough to follow, seldom enough to read.
 */
export function paced(fn, {quiet, most, gap}) {
    let timer = null;
    let first = null;
    let last = -Infinity;
    return () => {
        const now = Date.now();
        first ??= now;
        clearTimeout(timer);
        const due = Math.max(last + gap, Math.min(now + quiet, first + most));
        timer = setTimeout(() => {
            first = null;
            last = Date.now();
            fn();
        }, due - now);
    };
}
