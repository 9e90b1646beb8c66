// #/calls — today's call list of one owner: who to call, why, and what to talk about.

import {getJson} from '../api.js';
import {card, el, select, table} from '../dom.js';
import * as words from '../format.js';
import {bandBadge, signalTags} from '../pieces.js';
import {part} from '../page.js';
import {today} from '../time.js';

export const sources = {
    owners: async () => (await getJson('/api/insights/portfolio')).owners.map(owner => owner.ownerId),
    // the leader's today; each account's part of it is that day in the account's own time zone
    list: async (params, loading) => {
        const owner = params.owner || (await loading.owners)[0];
        return owner ? getJson('/api/insights/call-list', {owner, date: today(), size: 50}) : null;
    },
};

export function render({owners, list}, params, navigate) {
    if (!list) {
        return part('no-owners', ['owners', 'list'], card('Today\'s calls', el('p', {class: 'muted', test: 'no-owners'},
            'No account has an owner yet, so nobody has a call list. The overview says how to load data.')));
    }
    return el('div', {class: 'stack'},
        part('heading', ['list'], el('div', {class: 'title-row'},
            el('h1', {}, 'Today\'s calls'),
            el('span', {class: 'muted'}, words.date(list.date)))),
        card(null,
            part('filters', ['owners', 'list'], el('div', {class: 'filters'},
                select('Owner', 'owner', owners.map(id => [id, id]), list.ownerId, value => navigate('/calls', {owner: value})))),
            part('calls', ['list'], calls(list))));
}

function calls(list) {
    if (list.items.length === 0) {
        return el('p', {class: 'muted', test: 'no-calls'}, `Nobody needs a call from ${list.ownerId} today.`);
    }
    // the API gives each item's runway once it knows of runways
    const runways = list.items.some(item => 'runwayDays' in item);
    return table([
        {label: 'Priority', class: 'number', cell: item => Math.round(item.priority)},
        {label: 'Account', cell: item => el('a', {href: `#/accounts/${encodeURIComponent(item.accountId)}`}, item.name)},
        {label: 'Tier', cell: item => words.tier(item.tier)},
        {label: 'Health', cell: item => bandBadge(item.band, item.neglected)},
        {label: 'Risk signals', cell: item => signalTags(item.signals)},
        runways ? {label: 'Flagged in', class: 'number', cell: item => el('span', {test: 'call-runway'}, words.days(item.runwayDays))} : null,
        {label: 'Why call', class: 'reasons', cell: item => el('span', {test: 'call-reason'}, item.reason)},
        {label: 'Agenda', class: 'reasons', cell: item => el('span', {test: 'call-agenda'}, item.agenda)},
    ].filter(Boolean), list.items.map(item => ({data: item, props: {test: 'call', dataset: {accountId: item.accountId}}})),
    {test: 'call-list'});
}
