// #/accounts/{id} — one account: its health with every factor, the score over time, and its story.

import {getJson} from '../api.js';
import {card, el, figure, table} from '../dom.js';
import {lineChart} from '../charts.js';
import * as words from '../format.js';
import {recentWeeks} from '../time.js';
import {bandBadge, pager} from '../pieces.js';
import {part} from '../page.js';

const TIMELINE_SIZE = 20;

const insights = params => `/api/insights/accounts/${encodeURIComponent(params.id)}`;

export const sources = {
    health: params => getJson(`${insights(params)}/health`),
    // weekly over the recent weeks, the last point now; a week before the account was opened has none
    history: params => getJson(`${insights(params)}/health/history`, recentWeeks()),
    timeline: params => getJson(`/api/outreach/accounts/${encodeURIComponent(params.id)}/timeline`,
        {page: params.page ?? 0, size: TIMELINE_SIZE}),
};

export function render({health, history, timeline}, params, navigate) {
    return el('div', {class: 'stack', test: 'account', dataset: {accountId: health.accountId}},
        el('a', {href: '#/', class: 'back'}, '‹ Portfolio'),
        part('heading', ['health'], el('div', {class: 'title-row'},
            el('h1', {test: 'account-name'}, health.name),
            el('span', {class: 'muted'}, `${health.ownerId} · ${words.tier(health.tier)} · ${words.money(health.annualValue, health.currency)} a year`),
            health.status === 'LOST' ? el('span', {class: 'badge lost'}, 'Lost') : null)),
        part('figures', ['health'], el('div', {class: 'figures'},
            figure('Health', bandBadge(health.band, health.neglected), {class: 'figure', test: 'account-band', dataset: {band: health.band}}),
            figure('Score', health.score, {class: 'figure', test: 'account-score'}, 'out of 100'),
            figure('Last two-way contact', health.daysSinceContact === 0 ? 'Today' : words.days(health.daysSinceContact),
                {class: 'figure', test: 'days-since-contact'}, health.daysSinceContact === 0 ? null : 'ago'),
            figure('Cadence', words.days(health.cadenceDays), {class: 'figure'}, 'expected between contacts'))),
        el('div', {class: 'columns'},
            part('why', ['health'], card('Why', factors(health.factors))),
            part('score', ['history'], card('Score over the last 90 days', scoreChart(history)))),
        part('timeline', ['timeline'], card('Timeline', timelineTable(timeline),
            pager(timeline, page => navigate(`/accounts/${params.id}`, {page})))));
}

function factors(list) {
    const weakestFirst = [...list].sort((a, b) => (a.score - b.score) || (b.weight - a.weight));
    return table([
        {label: 'Factor', cell: item => words.factor(item.factor)},
        {label: 'Score', class: 'number', cell: item => scoreBar(item.score)},
        {label: 'Weight', class: 'number', cell: item => item.weight},
        {label: 'What it means', class: 'reasons', cell: item => el('span', {test: 'reason'}, item.reason)},
    ], weakestFirst.map(item => ({data: item, props: {test: 'factor', dataset: {factor: item.factor}}})), {test: 'factors'});
}

function scoreBar(score) {
    const bar = el('span', {class: 'bar-fill'});
    bar.style.width = `${Math.max(0, Math.min(100, score))}%`;
    bar.style.backgroundColor = score >= 75 ? words.BAND_COLOURS.HEALTHY : score >= 50 ? words.BAND_COLOURS.WATCH
        : score >= 25 ? words.BAND_COLOURS.AT_RISK : words.BAND_COLOURS.CRITICAL;
    return el('span', {class: 'score-bar'}, el('span', {class: 'bar'}, bar), el('span', {}, score));
}

function scoreChart(history) {
    return lineChart('score-chart', history.points.map(point => words.date(point.asOf)),
        [{label: 'Score', colour: '#2b6cb0', values: history.points.map(point => point.score), fill: true}],
        {min: 0, max: 100});
}

function timelineTable(timeline) {
    if (timeline.items.length === 0) {
        return el('p', {class: 'muted'}, 'Nothing recorded yet.');
    }
    return table([
        {label: 'When', cell: item => words.dateTime(item.occurredAt)},
        {label: 'What', cell: item => words.code(item.type)},
        {label: 'Summary', class: 'reasons', cell: item => el('span', {test: 'summary'}, item.summary)},
        {label: 'By', cell: item => item.staffId ?? '—'},
    ], timeline.items.map(item => ({data: item, props: {test: 'timeline-item'}})), {test: 'timeline'});
}
