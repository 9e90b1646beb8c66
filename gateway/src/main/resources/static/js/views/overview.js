// #/ — the portfolio at a glance: counts per band, neglect, value at risk, the trend, and who is
// slipping, worst and most valuable first.

import {getJson} from '../api.js';
import {card, el, figure, select, table} from '../dom.js';
import {lineChart} from '../charts.js';
import * as words from '../format.js';
import {recentWeeks} from '../time.js';
import {bandBadge, flaggedBadge, pager, runwayText, signalTags} from '../pieces.js';
import {part} from '../page.js';

const PAGE_SIZE = 25;
// the filters the URL keeps, so that a filtered list can be shared
const FILTERS = ['band', 'owner', 'tier', 'neglected', 'flagged', 'signal', 'runwayWithin'];
const RUNWAY_WITHIN = [['', 'Any time or never'], ['P7D', 'Within 7 days'], ['P30D', 'Within 30 days'], ['P90D', 'Within 90 days']];

export const sources = {
    portfolio: () => getJson('/api/insights/portfolio'),
    trend: () => getJson('/api/insights/portfolio/trend', recentWeeks()),
    accounts: params => getJson('/api/insights/health', {
        band: params.band, owner: params.owner, tier: params.tier, neglected: params.neglected,
        flagged: params.flagged, signal: params.signal, runwayWithin: params.runwayWithin,
        sort: params.sort || 'RISK', page: params.page ?? 0, size: PAGE_SIZE,
    }),
};

export function render({portfolio, trend, accounts}, params, navigate) {
    if (portfolio.accounts === 0 && accounts.total === 0 && !filtered(params)) {
        return part('empty', ['portfolio', 'accounts'], emptyState());
    }
    return el('div', {class: 'stack'},
        part('heading', ['portfolio'], el('div', {class: 'title-row'},
            el('h1', {}, 'Portfolio'),
            el('span', {class: 'muted'}, `${words.whole(portfolio.accounts)} accounts · as of ${words.dateTime(portfolio.asOf)}`))),
        part('figures', ['portfolio'], figures(portfolio)),
        part('trend', ['trend'], card('Health over the last 90 days', trendChart(trend))),
        card('Who is slipping',
            part('filters', ['portfolio', 'accounts'], filters(portfolio, accounts, params, navigate)),
            part('slipping', ['accounts'], atRiskList(accounts, params, navigate))));
}

function filtered(params) {
    return FILTERS.some(name => params[name]);
}

function figures(portfolio) {
    const valueAtRisk = portfolio.valueAtRisk.length === 0
        ? 'None'
        : portfolio.valueAtRisk.map(money => words.money(money.amount, money.currency)).join(' · ');
    return el('div', {class: 'figures', test: 'portfolio'},
        words.BANDS.map(code => figure(words.band(code), words.whole(portfolio.bands[code] ?? 0),
            {class: `figure band-${code}`, test: `band-${code}`})),
        figure('Neglected', words.whole(portfolio.neglected), {class: 'figure neglected', test: 'neglected'},
            'no two-way contact for 1.5 × cadence'),
        figure('Annual value at risk', valueAtRisk, {class: 'figure wide', test: 'value-at-risk'},
            'at risk, critical or neglected'));
}

function trendChart(trend) {
    // each point is the start (00:00 UTC) of its day
    const labels = trend.points.map(point => words.utcDate(point.asOf));
    // the bands pile up to the whole portfolio, the worst at the bottom; neglect is drawn across them
    const series = [...words.BANDS].reverse().map((code, index) => ({
        label: words.band(code),
        colour: words.BAND_COLOURS[code],
        values: trend.points.map(point => point.bands[code] ?? 0),
        fill: index === 0 ? 'origin' : '-1',
        stack: 'bands',
    }));
    series.push({label: 'Neglected', colour: '#553c9a', values: trend.points.map(point => point.neglected),
        dashed: true, stack: 'neglected'});
    return lineChart('trend-chart', labels, series, {stacked: true});
}

/** The API knows of runways once its assessments carry one (null when none is due within a year). */
function knowsRunways(accounts, params) {
    return Boolean(params.runwayWithin) || params.sort === 'RUNWAY' || accounts.items.some(account => 'runway' in account);
}

function filters(portfolio, accounts, params, navigate) {
    const set = name => value => navigate('/', {...params, [name]: value, page: ''});
    return el('div', {class: 'filters'},
        select('Owner', 'owner', [['', 'Every owner'], ...portfolio.owners.map(owner => [owner.ownerId, owner.ownerId])],
            params.owner, set('owner')),
        select('Tier', 'tier', [['', 'Every tier'], ...words.TIERS.map(code => [code, words.tier(code)])],
            params.tier, set('tier')),
        select('Band', 'band', [['', 'Every band'], ...words.BANDS.map(code => [code, words.band(code)])],
            params.band, set('band')),
        select('Neglect', 'neglected', [['', 'Neglected or not'], ['true', 'Neglected only'], ['false', 'Not neglected']],
            params.neglected, set('neglected')),
        select('Flagged', 'flagged', [['', 'Flagged or not'], ['true', 'Flagged only'], ['false', 'Not flagged']],
            params.flagged, set('flagged')),
        select('Risk signal', 'signal', [['', 'Any or none'], ...words.SIGNALS.map(key => [key, words.signal(key)])],
            params.signal, set('signal')),
        knowsRunways(accounts, params) ? [
            select('Flagged if nothing happens', 'runwayWithin', RUNWAY_WITHIN, params.runwayWithin, set('runwayWithin')),
            select('Order', 'sort', [['', 'Most at risk first'], ['RUNWAY', 'Soonest flagged first']], params.sort, set('sort')),
        ] : null);
}

function atRiskList(accounts, params, navigate) {
    if (accounts.items.length === 0) {
        return el('p', {class: 'muted', test: 'no-accounts'}, 'No account matches these filters.');
    }
    const rows = accounts.items.map(account => ({data: account, props: {test: 'account-row', dataset: {accountId: account.accountId}}}));
    return el('div', {},
        table([
            {label: 'Account', cell: account => el('a', {href: `#/accounts/${encodeURIComponent(account.accountId)}`, test: 'account-link'}, account.name)},
            {label: 'Owner', cell: account => account.ownerId},
            {label: 'Tier', cell: account => words.tier(account.tier)},
            {label: 'Band', cell: account => el('span', {class: 'badges'}, bandBadge(account.band, account.neglected),
                flaggedBadge(account.flagged))},
            {label: 'Risk signals', cell: account => signalTags((account.signals ?? []).map(raised => raised.signal))},
            {label: 'Score', class: 'number', cell: account => el('span', {test: 'score'}, account.score)},
            {label: 'Annual value', class: 'number', cell: account => words.money(account.annualValue, account.currency)},
            {label: 'Why', class: 'reasons', cell: account => reasons(account)},
            knowsRunways(accounts, params)
                ? {label: 'Flagged if nothing happens', cell: account => el('span', {test: 'runway'}, runwayText(account.runway))}
                : null,
        ].filter(Boolean), rows, {test: 'at-risk-list'}),
        pager(accounts, page => navigate('/', {...params, page})));
}

/** The weakest factors' reasons, as the API ranks them. */
function reasons(account) {
    const top = account.topReasons ?? [];
    return el('ul', {class: 'reason-list', test: 'reasons'}, top.slice(0, 2).map(reason => el('li', {}, reason)));
}

function emptyState() {
    return el('section', {class: 'card empty', test: 'empty-state'},
        el('h1', {}, 'No accounts yet'),
        el('p', {}, 'Rapport shows who is slipping once it knows your accounts and what you did with them. To try it with a realistic synthetic history, run this in the Rapport directory:'),
        el('pre', {}, './rapport demo'),
        el('p', {}, 'To load your own, open accounts and record contacts through the API with an API key (the key for this machine is in .rapport/api-key):'),
        el('pre', {}, `KEY=$(cat .rapport/api-key)
curl -s -X POST ${window.location.origin}/api/accounts -H "X-Api-Key: $KEY" -H 'Content-Type: application/json' \\
  -d '{"name":"Acme Ltd","tier":"KEY","annualValue":120000,"currency":"EUR","ownerId":"alice","timezone":"Europe/Paris"}'`),
        el('p', {}, 'README.md explains both: the sections "A quick tour" (every request, with examples) and "Security" (API keys and users). This page updates by itself as data arrives.'));
}
