// #/backtest — the firm's own history replayed: the share of losses Rapport warned of, how early, and how
// often it flagged accounts that stayed, under the policy in force and, beside it, a proposed one: the
// calibration's proposal where this Rapport has one, or a candidate typed here (kept in the URL).

import {ApiError, getJson, sendJson} from '../api.js';
import {card, el, figure, select, table} from '../dom.js';
import * as words from '../format.js';
import {part} from '../page.js';
import {daysAgo} from '../time.js';

const BACKTEST = '/api/insights/backtest';
const PROPOSAL = '/api/insights/policy/proposal';
const POLICY = '/api/insights/policy';
const WINDOWS = [['', 'All history'], ['365', 'Last 12 months'], ['730', 'Last 2 years']];
const EXAMPLE = '{"cadenceDays": {"KEY": 21}, "signals": {"needOpenDays": 30}}';
const IN_FORCE = 'Policy in force';

const windowOf = params => params.days ? {from: daysAgo(Number(params.days))} : {};

export const sources = {
    // null where this Rapport has no calibration: the page then offers a candidate of one's own
    proposal: async () => {
        try {
            return await getJson(PROPOSAL);
        } catch (error) {
            if (error instanceof ApiError && error.status === 404) {
                return null;
            }
            throw error;
        }
    },
    // over the whole history the proposal's own replay serves; over a window, one of its own
    current: async (params, loading) => {
        const proposal = await loading.proposal;
        return proposal && !params.days ? proposal.current.backtest : getJson(BACKTEST, windowOf(params));
    },
    /** {label, backtest} beside the policy in force, {label, error} for a candidate the API refused, or null. */
    proposed: async (params, loading) => {
        if (params.candidate) {
            return candidate(params);
        }
        const proposal = await loading.proposal;
        if (!proposal?.enough) {
            return null;
        }
        const backtest = params.days
            ? await sendJson('POST', BACKTEST, {...windowOf(params), policy: proposal.proposed.policy})
            : proposal.proposed.backtest;
        return {label: 'Proposed policy', backtest};
    },
};

async function candidate(params) {
    const label = 'Candidate policy';
    let changes;
    try {
        changes = JSON.parse(params.candidate);
    } catch (notJson) {
        return {label, error: `The candidate is not JSON: ${notJson.message}`};
    }
    try {
        return {label, backtest: await sendJson('POST', BACKTEST, {...windowOf(params), policy: changes})};
    } catch (error) {
        if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 401) {
            return {label, error: error.message};
        }
        throw error;
    }
}

export function render({proposal, current, proposed}, params, navigate) {
    const beside = proposed?.backtest ? proposed : null;
    const policies = [{label: IN_FORCE, backtest: current}, ...(beside ? [beside] : [])];
    return el('div', {class: 'stack', test: 'backtest'},
        part('heading', ['current'], el('div', {class: 'title-row'},
            el('h1', {}, 'Backtest'),
            el('span', {class: 'muted', test: 'backtest-window'}, params.days
                ? `Losses and monthly assessments from ${words.date(current.from)} to ${words.date(current.to)}`
                : `All history up to ${words.date(current.to)}`),
            select('Window', 'days', WINDOWS, params.days, days => navigate('/backtest', {...params, days, applied: ''})))),
        params.applied ? el('p', {class: 'notice', role: 'status', test: 'applied'},
            'The proposed policy is in force: assessments from now on use it, those before keep the policy then in force.') : null,
        part('figures', ['current', 'proposed'], figures(current, beside)),
        part('comparison', ['current', 'proposed'], card('Warnings and false alarms', comparison(policies))),
        el('div', {class: 'columns even'},
            part('tiers', ['current', 'proposed'], card('Per tier', perTier(policies))),
            part('reasons', ['current', 'proposed'], card('Per reason for the loss', perReason(policies)))),
        part('outside', ['current', 'proposed'], card('Losses no history could show', outside(policies))),
        part('losses', ['current', 'proposed'], card('How early Rapport warned, loss by loss', lossList(policies))),
        part('proposal', ['proposal', 'proposed'], card('A proposed policy',
            proposalPart(proposal, params, navigate),
            candidateForm(proposed, params, navigate))));
}

function figures(current, beside) {
    const then = beside?.backtest;
    const also = value => then ? ` · ${beside.label.toLowerCase()}: ${value}` : '';
    const {foreseeable, falseAlarms} = current;
    return el('div', {class: 'figures', test: 'backtest-figures'},
        figure('Losses warned of', words.share(foreseeable.flaggedShare), {class: 'figure', test: 'caught'},
            `${foreseeable.flagged} of ${foreseeable.losses} foreseeable losses${also(then ? words.share(then.foreseeable.flaggedShare) : '')}`),
        figure('Median warning', leadDays(foreseeable.leadTimeDays?.median), {class: 'figure', test: 'median-warning'},
            `before the loss${also(then ? leadDays(then.foreseeable.leadTimeDays?.median) : '')}`),
        figure('False alarms', words.share(falseAlarms.share), {class: 'figure', test: 'false-alarms'},
            `${falseAlarms.flagged} of ${falseAlarms.assessments} monthly assessments of accounts that stayed`
            + also(then ? words.share(then.falseAlarms.share) : '')),
        figure('Outside', words.whole(current.outside.losses), {class: 'figure', test: 'outside'},
            'losses no history could show, counted apart'));
}

/** A lead time in whole days (quartiles fall between two losses'). */
function leadDays(value) {
    return value === null || value === undefined ? '—' : words.days(Math.round(Number(value)));
}

/** "67 % (2 of 3)", or a dash when there was nothing to count. */
function caught(recall) {
    return recall ? `${words.share(recall.flaggedShare)} (${recall.flagged} of ${recall.losses})` : '—';
}

function alarms(counted) {
    return counted ? `${words.share(counted.share)} (${counted.flagged} of ${counted.assessments})` : '—';
}

/** Measure by measure, one column per policy. */
function comparison(policies) {
    const measures = [
        ['caught', 'Foreseeable losses warned of', backtest => caught(backtest.foreseeable)],
        ['lower-quartile', 'Warning, lower quartile', backtest => leadDays(backtest.foreseeable.leadTimeDays?.lowerQuartile)],
        ['median', 'Warning, median', backtest => leadDays(backtest.foreseeable.leadTimeDays?.median)],
        ['upper-quartile', 'Warning, upper quartile', backtest => leadDays(backtest.foreseeable.leadTimeDays?.upperQuartile)],
        ['false-alarms', 'False alarms: monthly assessments of accounts that stayed, flagged', backtest => alarms(backtest.falseAlarms)],
    ];
    return table([
        {label: 'Measure', cell: ([, label]) => el('span', {}, label)},
        ...policies.map((policy, index) => ({
            label: policy.label, class: 'number',
            cell: ([key, , value]) => el('span', {test: `measure-${key}`, dataset: {policy: index}}, value(policy.backtest)),
        })),
    ], measures, {test: 'comparison'});
}

/** A tier a row per policy: how many of its losses were warned of, how early, and its false alarms. */
function perTier(policies) {
    const tiers = words.TIERS.filter(tier => policies.some(({backtest}) =>
        backtest.byTier?.[tier] || backtest.falseAlarms.byTier?.[tier]));
    if (tiers.length === 0) {
        return el('p', {class: 'muted'}, 'Nothing to count in this window.');
    }
    return table([
        {label: 'Tier', cell: ({key, first}) => first ? words.tier(key) : null},
        ...policyColumns(policies.length),
        {label: 'False alarms', class: 'number', cell: ({key, backtest}) => alarms(backtest.falseAlarms.byTier?.[key])},
    ], rowsPerPolicy(tiers, policies, 'tier', (backtest, tier) => backtest.byTier?.[tier]), {test: 'per-tier'});
}

function perReason(policies) {
    const reasons = [...new Set(policies.flatMap(({backtest}) => Object.keys(backtest.byReason ?? {})))];
    if (reasons.length === 0) {
        return el('p', {class: 'muted'}, 'No foreseeable loss in this window.');
    }
    return table([
        {label: 'Reason', cell: ({key, first}) => first ? words.code(key) : null},
        ...policyColumns(policies.length),
    ], rowsPerPolicy(reasons, policies, 'reason', (backtest, reason) => backtest.byReason?.[reason]), {test: 'per-reason'});
}

/** The policy's name, where there are two, then the losses warned of and the median warning. */
function policyColumns(count) {
    return [
        count > 1 ? {label: 'Policy', cell: ({label}) => short(label)} : null,
        {label: 'Warned of', class: 'number', cell: ({recall}) => caught(recall)},
        {label: 'Median warning', class: 'number', cell: ({recall}) => leadDays(recall?.leadTimeDays?.median)},
    ].filter(Boolean);
}

/** For each key (a tier, a reason), a row per policy, the key named on the first. */
function rowsPerPolicy(keys, policies, test, recallOf) {
    return keys.flatMap(key => policies.map(({label, backtest}, index) => ({
        data: {key, label, backtest, recall: recallOf(backtest, key), first: index === 0},
        props: {test, class: index === 0 ? null : 'beside', dataset: {[test]: key, policy: index}},
    })));
}

/** "in force", "proposed", "candidate": a column's policy in a word. */
function short(label) {
    return label === IN_FORCE ? 'in force' : label.split(' ')[0].toLowerCase();
}

function outside(policies) {
    const [{backtest}] = policies;
    const reasons = [...(backtest.outside.reasons ?? [])].map(words.code).join(', ');
    return el('div', {test: 'outside-losses'},
        el('p', {}, `${words.whole(backtest.outside.losses)} ${backtest.outside.losses === 1 ? 'loss' : 'losses'} for reasons `
            + `no relationship history can show (${reasons || 'none'}): counted apart, not in the figures above.`),
        policies.map(({label, backtest: replayed}) => el('p', {class: 'muted', test: 'outside-flagged'},
            `${label}: ${replayed.outside.flagged} of them flagged before the loss.`)));
}

/** Each loss, newest first, with a bar as long as the warning under each policy. */
function lossList(policies) {
    const [{backtest}] = policies;
    if (backtest.losses.length === 0) {
        return el('p', {class: 'muted', test: 'no-backtest-losses'}, 'No account was lost in this window.');
    }
    const sameLoss = loss => other => other.accountId === loss.accountId && other.lostAt === loss.lostAt;
    const longest = Math.max(1, ...policies.flatMap(policy => policy.backtest.losses.map(loss => loss.leadTimeDays ?? 0)));
    return table([
        {label: 'Account', cell: ({loss}) => el('a', {href: `#/accounts/${encodeURIComponent(loss.accountId)}`}, loss.name ?? loss.accountId)},
        {label: 'Tier', cell: ({loss}) => words.tier(loss.tier)},
        {label: 'Lost', cell: ({loss}) => words.date(loss.lostAt)},
        {label: 'Why', cell: ({loss}) => el('span', {}, words.code(loss.primaryReason),
            loss.foreseeable ? null : el('span', {class: 'muted'}, ' (outside)'))},
        ...policies.map(({label}, index) => ({
            label: `Warned, ${short(label)}`,
            cell: ({loss}) => warning(policies[index].backtest.losses.find(sameLoss(loss)), longest, index),
        })),
    ], backtest.losses.map(loss => ({data: {loss}, props: {test: 'backtest-loss', dataset: {accountId: loss.accountId}}})),
    {test: 'backtest-losses'});
}

function warning(loss, longest, policy) {
    if (!loss?.firstFlaggedAt) {
        return el('span', {class: 'lead', test: 'lead', dataset: {policy}}, el('span', {class: 'warning'}, 'Not warned'));
    }
    const fill = el('span', {class: 'bar-fill lead-fill'});
    fill.style.width = `${Math.round(100 * (loss.leadTimeDays ?? 0) / longest)}%`;
    return el('span', {class: 'lead', test: 'lead', dataset: {policy, days: loss.leadTimeDays}},
        el('span', {class: 'bar lead-bar'}, fill),
        el('span', {}, `${words.days(loss.leadTimeDays)} before, ${words.code(loss.flaggedAs).toLowerCase()}`));
}

/** The calibration's proposal: why, what it changes, and the way to apply it. */
function proposalPart(proposal, params, navigate) {
    if (proposal === null) {
        return el('p', {class: 'muted', test: 'no-calibration'},
            'This Rapport proposes no calibrated policy: try a candidate of your own below, as changes to the policy in force.');
    }
    if (!proposal.enough) {
        return el('p', {test: 'proposal-why'}, `Calibration keeps the policy in force: ${proposal.why}`);
    }
    const changes = differences(proposal.current.policy, proposal.proposed.policy);
    return el('div', {class: 'stack tight', test: 'proposal'},
        el('p', {test: 'proposal-why'}, `Calibration proposes a policy fitted to the firm's losses: ${proposal.why}`),
        params.candidate ? el('p', {class: 'muted'}, 'A candidate of your own is shown beside the policy in force; ',
            el('a', {href: `#/backtest${params.days ? `?days=${params.days}` : ''}`}, 'show the proposal instead'), '.') : null,
        changes.length === 0 ? el('p', {class: 'muted'}, 'It changes nothing.') : table([
            {label: 'Setting', cell: change => el('code', {}, change.path.join('.'))},
            {label: IN_FORCE, cell: change => setting(change.from)},
            {label: 'Proposed', cell: change => setting(change.to)},
        ], changes.map(change => ({data: change, props: {test: 'proposed-change'}})), {test: 'proposed-changes'}),
        applyControl(changes, params, navigate));
}

function setting(value) {
    return value === undefined || value === null ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The settings two policies set differently, each by its path: a map's entries one by one, a list whole. */
function differences(from, to, path = []) {
    const isMap = value => value !== null && typeof value === 'object' && !Array.isArray(value);
    if (isMap(from) && isMap(to)) {
        return [...new Set([...Object.keys(from), ...Object.keys(to)])]
            .flatMap(key => differences(from[key], to[key], [...path, key]));
    }
    return JSON.stringify(from) === JSON.stringify(to) ? [] : [{path, from, to}];
}

/** The changes as the API takes them: nested by path, an entry the proposal drops set to null. */
function asChanges(changes) {
    const nested = {};
    for (const {path, to} of changes) {
        const parent = path.slice(0, -1).reduce((node, key) => (node[key] ??= {}), nested);
        parent[path[path.length - 1]] = to ?? null;
    }
    return nested;
}

/** A button that asks before it applies: the confirmation names what happens, and takes a note for the record. */
function applyControl(changes, params, navigate) {
    if (changes.length === 0) {
        return null;
    }
    const problem = el('p', {class: 'error', role: 'alert', test: 'apply-error', hidden: true});
    const note = el('input', {id: 'apply-note', type: 'text', name: 'note', value: 'Calibrated from the firm\'s losses', test: 'apply-note'});
    const confirmButton = el('button', {type: 'submit', class: 'button primary', test: 'apply-confirm'}, 'Yes, apply it');
    const confirmation = el('form', {class: 'confirmation', id: 'apply-confirmation', test: 'apply-confirmation', hidden: true,
        'aria-labelledby': 'apply-question'},
    el('p', {id: 'apply-question'}, 'Apply the proposed policy? Every assessment from now on uses it; '
        + 'assessments before keep the policy then in force, and it can be changed again.'),
    el('label', {for: 'apply-note'}, 'Note for the record'), note,
    el('div', {class: 'actions'},
        confirmButton,
        el('button', {type: 'button', class: 'button', test: 'apply-cancel', onclick: () => {
            confirmation.hidden = true;
            open.setAttribute('aria-expanded', 'false');
            open.focus();
        }}, 'Cancel')),
    problem);
    const open = el('button', {type: 'button', class: 'button primary', test: 'apply', 'aria-expanded': 'false',
        'aria-controls': 'apply-confirmation', onclick: () => {
            confirmation.hidden = false;
            open.setAttribute('aria-expanded', 'true');
            confirmButton.focus();
        }}, 'Apply the proposal…');
    confirmation.addEventListener('submit', async event => {
        event.preventDefault();
        confirmButton.disabled = true;
        try {
            await sendJson('PUT', POLICY, {changes: asChanges(changes), note: note.value.trim() || 'Calibrated from the firm\'s losses'});
            navigate('/backtest', {days: params.days, applied: '1'});
        } catch (error) {
            problem.textContent = `The policy was not applied: ${error.message}`;
            problem.hidden = false;
            confirmButton.disabled = false;
        }
    });
    return el('div', {class: 'apply'}, open, confirmation);
}

/** Changes to the policy in force, typed as JSON: the candidate goes into the URL, so its backtest can be shared. */
function candidateForm(proposed, params, navigate) {
    const problem = el('p', {class: 'error', role: 'alert', test: 'candidate-error', hidden: !proposed?.error},
        proposed?.error ? `The candidate was not backtested: ${proposed.error}` : '');
    const text = el('textarea', {id: 'candidate', name: 'candidate', rows: 4, spellcheck: 'false', test: 'candidate',
        placeholder: EXAMPLE, 'aria-describedby': 'candidate-help'});
    text.value = params.candidate ?? '';
    return el('form', {class: 'candidate', test: 'candidate-form', onsubmit: event => {
        event.preventDefault();
        let changes;
        try {
            changes = JSON.parse(text.value);
        } catch (notJson) {
            changes = null;
        }
        if (changes === null || typeof changes !== 'object' || Array.isArray(changes)) {
            problem.textContent = 'Write the changes as one JSON object, for example ' + EXAMPLE;
            problem.hidden = false;
            text.focus();
            return;
        }
        navigate('/backtest', {days: params.days, candidate: JSON.stringify(changes)});
    }},
    el('h3', {}, 'A candidate of your own'),
    el('label', {for: 'candidate'}, 'Changes to the policy in force, as JSON'),
    el('p', {id: 'candidate-help', class: 'muted'}, `Only what changes: ${EXAMPLE} shortens the key accounts' cadence `
        + 'and the grace of an open need. An entry set to null is removed.'),
    text,
    el('div', {class: 'actions'},
        el('button', {type: 'submit', class: 'button primary', test: 'candidate-run'}, 'Backtest this candidate'),
        params.candidate ? el('button', {type: 'button', class: 'button', test: 'candidate-clear',
            onclick: () => navigate('/backtest', {days: params.days})}, 'Clear the candidate') : null),
    problem);
}
