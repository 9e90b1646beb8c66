// #/accounts/{id} — one account: its health with every factor and risk signal, when it will be flagged if nothing
// happens, the score over time, why it moved, and its story.

import {getJson} from '../api.js';
import {card, el, figure, table} from '../dom.js';
import {lineChart} from '../charts.js';
import * as words from '../format.js';
import {recentWeeks} from '../time.js';
import {bandBadge, flaggedBadge, pager} from '../pieces.js';
import {part} from '../page.js';

const TIMELINE_SIZE = 20;

const insights = params => `/api/insights/accounts/${encodeURIComponent(params.id)}`;

export const sources = {
    health: params => getJson(`${insights(params)}/health`),
    // weekly over the recent weeks, the last point now; a week before the account was opened has none
    history: params => getJson(`${insights(params)}/health/history`, recentWeeks()),
    // over the API's default range, the last 30 days up to now
    movement: params => getJson(`${insights(params)}/health/movement`),
    timeline: params => getJson(`/api/outreach/accounts/${encodeURIComponent(params.id)}/timeline`,
        {page: params.page ?? 0, size: TIMELINE_SIZE}),
};

export function render({health, history, movement, timeline}, params, navigate) {
    return el('div', {class: 'stack', test: 'account', dataset: {accountId: health.accountId}},
        el('a', {href: '#/', class: 'back'}, '‹ Portfolio'),
        part('heading', ['health'], el('div', {class: 'title-row'},
            el('h1', {test: 'account-name'}, health.name),
            el('span', {class: 'muted'}, `${health.ownerId} · ${words.tier(health.tier)} · ${words.money(health.annualValue, health.currency)} a year`),
            health.status === 'LOST' ? el('span', {class: 'badge lost'}, 'Lost') : flaggedBadge(health.flagged))),
        part('figures', ['health'], el('div', {class: 'figures'},
            figure('Health', bandBadge(health.band, health.neglected), {class: 'figure', test: 'account-band', dataset: {band: health.band}}),
            figure('Score', health.score, {class: 'figure', test: 'account-score'}, 'out of 100'),
            figure('Last two-way contact', health.daysSinceContact === 0 ? 'Today' : words.days(health.daysSinceContact),
                {class: 'figure', test: 'days-since-contact'}, health.daysSinceContact === 0 ? null : 'ago'),
            figure('Cadence', words.days(health.cadenceDays), {class: 'figure'}, 'expected between contacts'),
            runway(health))),
        part('signals', ['health'], card('Risk signals', signals(health))),
        el('div', {class: 'columns'},
            part('why', ['health'], card('Why', factors(health.factors))),
            part('score', ['history'], card('Score over the last 90 days', scoreChart(history)))),
        part('movement', ['movement'], card('Why the score moved', movementList(movement))),
        part('timeline', ['timeline'], card('Timeline', timelineTable(timeline),
            pager(timeline, page => navigate(`/accounts/${params.id}`, {page})))));
}

/** When it will be flagged if nothing happens; shown once the API knows of runways. */
function runway(health) {
    if (health.runway === undefined) {
        return null;
    }
    const ahead = health.runway;
    return figure('Flagged if nothing happens', ahead ? (ahead.days <= 0 ? 'Now' : `In ${words.days(ahead.days)}`) : 'Not within a year',
        {class: ahead ? 'figure alert' : 'figure', test: 'runway', dataset: ahead ? {days: ahead.days, because: ahead.because} : {}},
        ahead ? `${words.flaggedBecause(ahead.because)}, on ${words.date(ahead.flaggedAt)}` : null);
}

/** Each risk signal raised: its sentence and its figures, each named. */
function signals(health) {
    if (health.signals.length === 0) {
        return el('p', {class: 'muted', test: 'no-signals'}, health.flagged
            ? 'No risk signal raised: the band or neglect flags this account.'
            : 'No risk signal raised.');
    }
    return el('ul', {class: 'signal-list', test: 'signal-list'}, health.signals.map(raised =>
        el('li', {test: 'signal', dataset: {signal: raised.signal}},
            el('strong', {}, words.signal(raised.signal)), ' ',
            el('span', {test: 'signal-reason'}, raised.reason),
            el('dl', {class: 'signal-figures'}, Object.entries(raised.figures ?? {}).map(([name, value]) =>
                el('div', {test: 'signal-figure', dataset: {figure: name}},
                    el('dt', {}, words.figureName(name)), el('dd', {}, words.whole(value))))))));
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

/** Factor by factor, the most points first, each with the events that moved it and what time passing alone did. */
function movementList(movement) {
    const moved = movement.factors.filter(item => item.points !== 0)
        .sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
    return el('div', {test: 'movement'},
        el('p', {test: 'movement-summary'},
            `From ${movement.scoreFrom} (${words.band(movement.bandFrom)}) on ${words.date(movement.from)} `
            + `to ${movement.scoreTo} (${words.band(movement.bandTo)}) on ${words.date(movement.to)}.`),
        capNote(movement.cappedFrom, movement.scoreFrom, movement.weightedFrom, 'Then'),
        capNote(movement.cappedTo, movement.scoreTo, movement.weightedTo, 'Now'),
        moved.length === 0
            ? el('p', {class: 'muted'}, 'No factor moved the score in this time.')
            : el('ul', {class: 'movement-list'}, moved.map(item => factorMovement(item, movement))));
}

/** The score is held below healthy while a weighty factor is at 0: its factors alone would make more. */
function capNote(capped, score, weighted, when) {
    return capped
        ? el('p', {class: 'muted', test: 'movement-cap'}, `${when} the score is held at ${score}, below healthy, `
            + `because a weighty factor is at 0; its factors alone make ${weighted}.`)
        : null;
}

function factorMovement(item, movement) {
    const steps = movement.steps.filter(step => step.factors.some(moved => moved.factor === item.factor));
    const time = movement.time.find(moved => moved.factor === item.factor);
    return el('li', {test: 'movement-factor', dataset: {factor: item.factor}},
        el('strong', {}, words.factor(item.factor)), ' ',
        el('span', {class: 'points', test: 'points'}, words.points(item.points)),
        el('span', {class: 'muted'}, ` (${item.scoreFrom} → ${item.scoreTo} of 100, weight ${item.weightTo})`),
        el('ul', {class: 'reason-list'},
            steps.map(step => el('li', {test: 'movement-step'},
                `${words.date(step.occurredAt)}: ${step.summary} `,
                el('span', {class: 'points'},
                    words.points(step.factors.find(moved => moved.factor === item.factor).points)))),
            time ? el('li', {test: 'movement-time'}, 'Time passing ', el('span', {class: 'points'}, words.points(time.points)))
                : null));
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
