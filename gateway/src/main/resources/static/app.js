// The dashboard: hash routes to views, each a module that loads its data and draws it; live
// updates redraw the current view from the event stream.

import {getJson, query} from './js/api.js';
import {clear, el} from './js/dom.js';
import {destroyCharts} from './js/charts.js';
import {debounced, follow} from './js/live.js';
import * as overview from './js/views/overview.js';
import * as account from './js/views/account.js';
import * as calls from './js/views/calls.js';
import * as losses from './js/views/losses.js';
import * as coverage from './js/views/coverage.js';

const ROUTES = [
    {pattern: /^\/$/, name: 'overview', view: overview},
    {pattern: /^\/accounts\/([^/]+)$/, name: 'overview', view: account, keys: ['id']},
    {pattern: /^\/calls$/, name: 'calls', view: calls},
    {pattern: /^\/losses$/, name: 'losses', view: losses},
    {pattern: /^\/coverage$/, name: 'coverage', view: coverage},
];
// a burst of events (an import, the demo loading) redraws at most this often
const QUIET_MS = 800;
const AT_LEAST_EVERY_MS = 5000;
const FOLLOW_AGAIN_MS = 10_000;

const main = document.getElementById('view');
const refreshing = document.querySelector('[data-test="refreshing"]');
const liveState = document.querySelector('[data-test="live"]');

let current = null;
let drawing = 0;

/** #/accounts/42?page=1 as {route, params: {id: '42', page: '1'}}. */
function resolve(hash) {
    const [path, search] = (hash.replace(/^#/, '') || '/').split('?');
    const params = Object.fromEntries(new URLSearchParams(search ?? ''));
    for (const route of ROUTES) {
        const match = route.pattern.exec(path);
        if (match) {
            (route.keys ?? []).forEach((key, index) => params[key] = decodeURIComponent(match[index + 1]));
            return {route, params};
        }
    }
    return null;
}

function navigate(path, params = {}) {
    window.location.hash = query(path, params);
}

/** Loads and draws the current view; quietly (keeping what is shown until the new data is in) on a refresh. */
async function show({quiet}) {
    const ticket = ++drawing;
    if (!quiet) {
        destroyCharts();
        clear(main).append(el('p', {class: 'loading'}, 'Loading…'));
    }
    refreshing.hidden = false;
    try {
        const data = await current.route.view.load(current.params);
        if (ticket !== drawing) {
            return;
        }
        destroyCharts();
        clear(main).append(current.route.view.render(data, current.params, navigate));
    } catch (error) {
        if (ticket === drawing) {
            showError(error, quiet);
        }
    } finally {
        if (ticket === drawing) {
            refreshing.hidden = true;
        }
    }
}

function showError(error, quiet) {
    const message = el('div', {class: 'error', role: 'alert', test: 'error'},
        el('strong', {}, quiet ? 'Could not refresh this page. ' : 'Could not load this page. '),
        error.message ?? String(error),
        el('button', {type: 'button', onclick: () => show({quiet: false})}, 'Try again'));
    if (quiet) {
        main.querySelector('[data-test="error"]')?.remove();
        main.prepend(message);
    } else {
        destroyCharts();
        clear(main).append(message);
    }
}

function onRoute() {
    current = resolve(window.location.hash);
    if (!current) {
        navigate('/');
        return;
    }
    document.querySelectorAll('[data-view]').forEach(link =>
        link.classList.toggle('active', link.dataset.view === current.route.name));
    window.scrollTo(0, 0);
    show({quiet: false});
}

const refresh = debounced(() => show({quiet: true}), QUIET_MS, AT_LEAST_EVERY_MS);

function onEvent(event) {
    const concerns = current?.route.view.concerns;
    if (!concerns || concerns(event, current.params)) {
        refresh();
    }
}

function onLiveState(state) {
    liveState.textContent = state === 'live' ? 'Live' : 'Reconnecting…';
    liveState.dataset.state = state;
}

async function signedIn() {
    const who = await getJson('/signed-in');
    document.querySelector('[data-test="user"]').textContent = who.username;
    if (who.csrf) {
        const logout = document.querySelector('[data-test="logout"]');
        const token = logout.querySelector('input[type="hidden"]');
        token.name = who.csrf.parameterName;
        token.value = who.csrf.token;
    }
}

window.addEventListener('hashchange', onRoute);
onRoute();
signedIn().catch(() => {
    // the view shows what went wrong; the header can stay without a name
});
function startFollowing() {
    follow(onEvent, onLiveState).catch(() => {
        onLiveState('reconnecting');
        setTimeout(startFollowing, FOLLOW_AGAIN_MS);
    });
}

startFollowing();
