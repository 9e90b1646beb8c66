// #/coverage — the advocate programme: is every account someone's, and is each owner keeping cadence?

import {getJson} from '../api.js';
import {card, el, figure, table} from '../dom.js';
import * as words from '../format.js';
import {part} from '../page.js';

export const sources = {
    portfolio: () => getJson('/api/insights/portfolio'),
};

export function render({portfolio}) {
    const owned = portfolio.owners.reduce((sum, owner) => sum + owner.accounts, 0);
    const unowned = portfolio.accounts - owned;
    const keepingCadence = portfolio.owners.filter(owner => owner.withinCadence === owner.accounts).length;
    const worstFirst = [...portfolio.owners].sort((a, b) => (a.coverage - b.coverage) || (b.accounts - a.accounts));
    return part('coverage', ['portfolio'], el('div', {class: 'stack'},
        el('div', {class: 'title-row'}, el('h1', {}, 'Coverage')),
        el('div', {class: 'figures'},
            figure('Owners', words.whole(portfolio.owners.length), {class: 'figure', test: 'owners-count'}),
            figure('Keeping cadence on every account', `${keepingCadence} of ${portfolio.owners.length}`,
                {class: 'figure', test: 'owners-keeping-cadence'}),
            figure('Accounts without an owner', words.whole(unowned),
                {class: unowned > 0 ? 'figure alert' : 'figure', test: 'unowned'},
                unowned > 0 ? 'nobody is looking after these' : 'every account is someone\'s')),
        card('Per owner', portfolio.owners.length === 0
            ? el('p', {class: 'muted'}, 'No accounts yet.')
            : table([
                {label: 'Owner', cell: owner => owner.ownerId},
                {label: 'Accounts', class: 'number', cell: owner => owner.accounts},
                {label: 'Within cadence', class: 'number', cell: owner => owner.withinCadence},
                {label: 'Coverage', cell: owner => coverageBar(owner.coverage)},
                {label: '', cell: owner => el('a', {href: `#/calls?owner=${encodeURIComponent(owner.ownerId)}`}, 'Call list ›')},
            ], worstFirst.map(owner => ({data: owner, props: {test: 'owner', dataset: {owner: owner.ownerId}}})),
            {test: 'coverage'}))));
}

function coverageBar(coverage) {
    const fill = el('span', {class: 'bar-fill'});
    fill.style.width = `${Math.round(Number(coverage) * 100)}%`;
    fill.style.backgroundColor = coverage >= 0.9 ? words.BAND_COLOURS.HEALTHY
        : coverage >= 0.6 ? words.BAND_COLOURS.WATCH : words.BAND_COLOURS.CRITICAL;
    return el('span', {class: 'score-bar'}, el('span', {class: 'bar'}, fill), el('span', {test: 'coverage-share'}, words.share(coverage)));
}
