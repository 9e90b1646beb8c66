// Pieces several views show: an account's health as badges, its risk signals as tags, its runway, and
// a pager for a page of a list.

import {el} from './dom.js';
import * as words from './format.js';

export function bandBadge(band, neglected) {
    return el('span', {class: 'badges'},
        el('span', {class: `badge band-${band}`, test: 'band', dataset: {band}}, words.band(band)),
        neglected ? el('span', {class: 'badge neglected', test: 'neglected-flag'}, 'Neglected') : null);
}

/** The marker of an account that needs a call now: a band at risk or worse, neglect, or a risk signal. */
export function flaggedBadge(flagged) {
    return flagged ? el('span', {class: 'badge flagged', test: 'flagged-flag'}, 'Flagged') : null;
}

/** Risk signals' keys as compact tags, each named in words. */
export function signalTags(keys) {
    if (!keys || keys.length === 0) {
        return null;
    }
    return el('ul', {class: 'signal-tags', test: 'signals', 'aria-label': 'Risk signals'},
        keys.map(key => el('li', {class: 'signal-tag', test: 'signal-tag', dataset: {signal: key}}, words.signal(key))));
}

/**
 * When the account will be flagged if nothing happens, and by what: "In 12 days: Neglected". Null when the
 * API gives no runway at all (it does not know of runways); a runway of null means not within a year.
 */
export function runwayText(runway) {
    if (runway === undefined) {
        return null;
    }
    if (runway === null) {
        return 'Not within a year';
    }
    const when = runway.days <= 0 ? 'Now' : `In ${words.days(runway.days)}`;
    return `${when}: ${words.flaggedBecause(runway.because)}`;
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
