// The dashboard: hash routes to views, each a module that loads its sources and draws its page in
// parts; live updates ask again only for the sources an event can change (js/touches.js) and
// draw again only the parts drawn from them (js/page.js).

import {getJson, query} from './js/api.js';
import {clear, el} from './js/dom.js';
import {destroyCharts} from './js/charts.js';
import {follow, paced} from './js/live.js';
import {putBack} from './js/page.js';
import {DAY_BEGAN, touched} from './js/touches.js';
import {untilNextUtcDay} from './js/time.js';
import * as overview from './js/views/overview.js';
import * as account from './js/views/account.js';
import * as calls from './js/views/calls.js';
import * as losses from './js/views/losses.js';
import * as coverage from './js/views/coverage.js';
import * as backtest from './js/views/backtest.js';

// `id` names the view in js/touches.js; `nav` is the link shown as the current one
const ROUTES = [
    {pattern: /^\/$/, id: 'overview', nav: 'overview', view: overview},
    {pattern: /^\/accounts\/([^/]+)$/, id: 'account', nav: 'overview', view: account, keys: ['id']},
    {pattern: /^\/calls$/, id: 'calls', nav: 'calls', view: calls},
    {pattern: /^\/losses$/, id: 'losses', nav: 'losses', view: losses},
    {pattern: /^\/backtest$/, id: 'backtest', nav: 'backtest', view: backtest},
    {pattern: /^\/coverage$/, id: 'coverage', nav: 'coverage', view: coverage},
];
// a lone event shows within a second; a burst (an import, the demo loading) redraws a part at most
// every few seconds, so that what is shown can be read
const LIVE_PACE = {quiet: 800, most: 5000, gap: 4000};
const FOLLOW_AGAIN_MS = 10_000;
// the gateway's clock may be a little behind the browser's: the new day is asked for a minute in
const NEW_DAY_MARGIN_MS = 60_000;

const main = document.getElementById('view');
const refreshing = document.querySelector('[data-test="refreshing"]');
const liveState = document.querySelector('[data-test="live"]');

/**
 * The view shown: its route and params, its sources' data once loaded (null while loading), the
 * events that came while it loaded, and the sources live events have touched since it was drawn.
 */
let current = null;
let fetching = 0;

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

/** Shows "Refreshing…" while any request of the view is out. */
async function fetched(loading) {
    fetching++;
    refreshing.hidden = false;
    try {
        return await loading;
    } finally {
        refreshing.hidden = --fetching === 0;
    }
}

/**
 * Asks for the view's named sources, in the order the view declares them, each given every source
 * as a promise (the fresh one, or what is shown): a source may wait for one declared before it.
 */
async function load(view, names, params, shown = {}) {
    const loading = Object.fromEntries(Object.entries(shown).map(([name, data]) => [name, Promise.resolve(data)]));
    for (const [name, source] of Object.entries(view.sources)) {
        if (names.includes(name)) {
            loading[name] = source(params, loading);
        }
    }
    return Object.fromEntries(await Promise.all(names.map(async name => [name, await loading[name]])));
}

/** Loads every source of the current view and draws all of it. */
async function show() {
    const page = current;
    const view = page.route.view;
    page.data = null;
    destroyCharts();
    clear(main).append(el('p', {class: 'loading'}, 'Loading…'));
    try {
        const data = await fetched(load(view, Object.keys(view.sources), page.params));
        if (page !== current) {
            return;
        }
        page.data = data;
        destroyCharts();
        clear(main).append(view.render(data, page.params, navigate));
        page.early.splice(0).forEach(onEvent);
    } catch (error) {
        if (page === current) {
            page.early = [];
            showError(error, false);
        }
    }
}

/** Asks again for the sources live events touched, and draws again the parts drawn from them. */
async function refresh() {
    const page = current;
    if (!page?.data || page.touched.size === 0) {
        return;
    }
    if (page.refreshing) {
        // the answers of one refresh are put in place before the next is asked for
        page.again = true;
        return;
    }
    const names = [...page.touched];
    page.touched = new Set();
    page.refreshing = true;
    try {
        const fresh = await fetched(load(page.route.view, names, page.params, page.data));
        if (page === current) {
            page.data = {...page.data, ...fresh};
            main.querySelector('[data-test="error"]')?.remove();
            putBack(main, page.route.view.render(page.data, page.params, navigate), new Set(names));
        }
    } catch (error) {
        if (page === current) {
            showError(error, true);
        }
    } finally {
        page.refreshing = false;
        if (page.again) {
            page.again = false;
            refreshSoon();
        }
    }
}

const refreshSoon = paced(refresh, LIVE_PACE);

function showError(error, quiet) {
    const message = el('div', {class: 'error', role: 'alert', test: 'error'},
        el('strong', {}, quiet ? 'Could not refresh this page. ' : 'Could not load this page. '),
        error.message ?? String(error),
        el('button', {type: 'button', onclick: () => show()}, 'Try again'));
    if (quiet) {
        main.querySelector('[data-test="error"]')?.remove();
        main.prepend(message);
    } else {
        destroyCharts();
        clear(main).append(message);
    }
}

function onRoute() {
    const resolved = resolve(window.location.hash);
    if (!resolved) {
        navigate('/');
        return;
    }
    current = {...resolved, data: null, early: [], touched: new Set(), refreshing: false, again: false};
    document.querySelectorAll('[data-view]').forEach(link =>
        link.classList.toggle('active', link.dataset.view === current.route.nav));
    window.scrollTo(0, 0);
    show();
}

function onEvent(event) {
    const page = current;
    if (!page) {
        return;
    }
    if (!page.data) {
        // what the view shows decides what an event changes: judged once it is loaded
        page.early.push(event);
        return;
    }
    const sources = touched(page.route.id, event, page.data, page.params);
    if (sources.size > 0) {
        sources.forEach(source => page.touched.add(source));
        refreshSoon();
    }
}

/** The portfolio's figures are kept per day: when a UTC day begins, the views that show days hear of it. */
function everyNewDay() {
    setTimeout(() => {
        onEvent({type: DAY_BEGAN});
        everyNewDay();
    }, untilNextUtcDay() + NEW_DAY_MARGIN_MS);
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
everyNewDay();
