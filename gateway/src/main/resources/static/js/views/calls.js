// #/calls — today's call list of one owner: who to call, why, and what to talk about.

import {getJson} from '../api.js';
import {card, el, select, table} from '../dom.js';
import * as words from '../format.js';
import {bandBadge} from '../parts.js';
import {today} from '../time.js';

export async function load(params) {
    const portfolio = await getJson('/api/insights/portfolio');
    const owners = portfolio.owners.map(owner => owner.ownerId);
    const owner = params.owner || owners[0];
    // the leader's today; each account's part of it is that day in the account's own time zone
    const list = owner ? await getJson('/api/insights/call-list', {owner, date: today(), size: 50}) : null;
    return {owners, owner, list};
}

export function render({owners, owner, list}, params, navigate) {
    if (!owner) {
        return card('Today\'s calls', el('p', {class: 'muted', test: 'no-owners'},
            'No account has an owner yet, so nobody has a call list. The overview says how to load data.'));
    }
    return el('div', {class: 'stack'},
        el('div', {class: 'title-row'},
            el('h1', {}, 'Today\'s calls'),
            el('span', {class: 'muted'}, words.date(list.date))),
        card(null,
            el('div', {class: 'filters'},
                select('Owner', 'owner', owners.map(id => [id, id]), owner, value => navigate('/calls', {owner: value}))),
            calls(list)));
}

function calls(list) {
    if (list.items.length === 0) {
        return el('p', {class: 'muted', test: 'no-calls'}, `Nobody needs a call from ${list.ownerId} today.`);
    }
    return table([
        {label: 'Priority', class: 'number', cell: item => Math.round(item.priority)},
        {label: 'Account', cell: item => el('a', {href: `#/accounts/${encodeURIComponent(item.accountId)}`}, item.name)},
        {label: 'Tier', cell: item => words.tier(item.tier)},
        {label: 'Health', cell: item => bandBadge(item.band, item.neglected)},
        {label: 'Why call', class: 'reasons', cell: item => el('span', {test: 'call-reason'}, item.reason)},
        {label: 'Agenda', class: 'reasons', cell: item => el('span', {test: 'call-agenda'}, item.agenda)},
    ], list.items.map(item => ({data: item, props: {test: 'call'}})), {test: 'call-list'});
}
