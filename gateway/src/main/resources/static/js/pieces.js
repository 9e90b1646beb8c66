// Pieces several views show: an account's health as badges, and a pager for a page of a list.

import {el} from './dom.js';
import * as words from './format.js';

export function bandBadge(band, neglected) {
    return el('span', {class: 'badges'},
        el('span', {class: `badge band-${band}`, test: 'band', dataset: {band}}, words.band(band)),
        neglected ? el('span', {class: 'badge neglected', test: 'neglected-flag'}, 'Neglected') : null);
}

export function pager(page, go) {
    const pages = Math.max(1, Math.ceil(page.total / page.size));
    if (pages === 1) {
        return el('p', {class: 'muted pager'}, `${words.whole(page.total)} in all`);
    }
    return el('div', {class: 'pager'},
        el('button', {type: 'button', disabled: page.page === 0, onclick: () => go(page.page - 1)}, '‹ Previous'),
        el('span', {class: 'muted'}, `Page ${page.page + 1} of ${pages} · ${words.whole(page.total)} in all`),
        el('button', {type: 'button', disabled: page.page + 1 >= pages, onclick: () => go(page.page + 1)}, 'Next ›'));
}
