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
 * Calls onEvent({type, subject, position}) for every new event; onState('live' | 'reconnecting')
 * says whether the page is following.
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
