// #/losses — the clients we lost: why, whether we asked them, and how early Rapport warned.

import {getJson} from '../api.js';
import {card, el, figure, select, table} from '../dom.js';
import {barChart} from '../charts.js';
import * as words from '../format.js';
import {pager} from '../pieces.js';
import {part} from '../page.js';
import {daysAgo} from '../time.js';

const WINDOWS = [['90', 'Last 90 days'], ['365', 'Last 12 months'], ['730', 'Last 2 years']];
const PAGE_SIZE = 50;

export const sources = {
    report: params => getJson('/api/insights/losses',
        {from: daysAgo(Number(params.days) || 365), page: params.page ?? 0, size: PAGE_SIZE}),
};

export function render({report}, params, navigate) {
    const reasons = Object.entries(report.byReason);
    return part('losses', ['report'], el('div', {class: 'stack'},
        el('div', {class: 'title-row'},
            el('h1', {}, 'Losses'),
            el('span', {class: 'muted'}, `${words.date(report.from)} to ${words.date(report.to)}`),
            select('Window', 'days', WINDOWS, params.days || '365', days => navigate('/losses', {days}))),
        el('div', {class: 'figures', test: 'loss-figures'},
            figure('Accounts lost', words.whole(report.total), {class: 'figure', test: 'losses-count'}),
            figure('Exit interviews', words.share(report.interviewCoverage), {class: 'figure', test: 'interview-coverage'},
                'of losses, the client was asked why'),
            figure('Flagged before the loss', words.share(report.flaggedShare), {class: 'figure', test: 'flagged-share'},
                'at risk, critical, neglected or a risk signal first'),
            figure('Median warning', words.days(report.medianLeadTimeDays), {class: 'figure', test: 'median-lead-time'},
                'from the first flag to the loss')),
        el('div', {class: 'columns'},
            card('Why we lost them', reasons.length === 0
                ? el('p', {class: 'muted'}, 'No losses in this window.')
                : barChart('reasons-chart', reasons.map(([reason]) => words.code(reason)),
                    reasons.map(([, count]) => count), '#c05621')),
            card('Lost to', competitors(report.byCompetitor))),
        card('Every loss', lossTable(report.items),
            report.total > 0 ? pager(report, page => navigate('/losses', {days: params.days, page})) : null)));
}

function competitors(byCompetitor) {
    const entries = Object.entries(byCompetitor ?? {});
    if (entries.length === 0) {
        return el('p', {class: 'muted'}, 'No competitor named.');
    }
    return table([
        {label: 'Competitor', cell: ([name]) => name},
        {label: 'Losses', class: 'number', cell: ([, count]) => count},
    ], entries);
}

function lossTable(items) {
    if (items.length === 0) {
        return el('p', {class: 'muted', test: 'no-losses'}, 'No account was lost in this window.');
    }
    return table([
        {label: 'Account', cell: loss => el('a', {href: `#/accounts/${encodeURIComponent(loss.accountId)}`}, loss.name ?? loss.accountId)},
        {label: 'Lost', cell: loss => words.date(loss.lostAt)},
        {label: 'Why', cell: loss => words.code(loss.primaryReason)},
        {label: 'Competitor', cell: loss => loss.competitor ?? '—'},
        {label: 'Interviewed', cell: loss => loss.interviewed ? 'Yes' : el('span', {class: 'warning'}, 'Not yet')},
        {label: 'First flagged', cell: loss => loss.firstFlaggedAt ? `${words.date(loss.firstFlaggedAt)} (${words.code(loss.flaggedAs)})` : 'Never'},
        {label: 'Warning', class: 'number', cell: loss => words.days(loss.leadTimeDays)},
    ], items.map(loss => ({data: loss, props: {test: 'loss'}})), {test: 'loss-list'});
}
