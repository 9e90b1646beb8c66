// A view draws its page in parts, each marked with the sources it is drawn from, so that a live
// refresh of some sources puts back only the parts drawn from them: the rest stays as it is, with
// its charts, an open list of options and the place the reader scrolled to.

import {destroyCharts} from './charts.js';

/** Marks node as the part `name` of its view, drawn from `sources` (names of the view's sources). Parts do not nest. */
export function part(name, sources, node) {
    node.dataset.part = name;
    node.dataset.sources = sources.join(' ');
    return node;
}

function partsOf(node) {
    return node.matches('[data-part]') ? [node] : [...node.querySelectorAll('[data-part]')];
}

function drawnFrom(node, sources) {
    return node.dataset.sources.split(' ').some(source => sources.has(source));
}

/**
 * Puts the parts of a fresh drawing of the view that are drawn from the refreshed sources in place
 * of those shown, unless they came out the same; when the view changed its shape (the empty state
 * gave way to the figures), the whole drawing.
 */
export function putBack(view, fresh, refreshed) {
    const shown = partsOf(view);
    const drawn = partsOf(fresh);
    if (shown.map(node => node.dataset.part).join() !== drawn.map(node => node.dataset.part).join()) {
        destroyCharts();
        view.replaceChildren(fresh);
        return;
    }
    shown.forEach((old, index) => {
        const next = drawn[index];
        if (drawnFrom(next, refreshed) && !old.isEqualNode(next)) {
            destroyCharts(old);
            old.replaceWith(next);
        }
    });
}
