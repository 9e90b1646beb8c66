// Builds the page from data without ever parsing it as HTML: every value becomes a text node or
// an attribute, so whatever a user typed (a name, a note) shows as text.

/**
 * el('a', {href: '#/', class: 'link', test: 'row'}, 'text', child)
 * `test` sets data-test, `dataset` sets data-* attributes, on<event> adds a listener.
 */
export function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
        if (value === undefined || value === null || value === false) {
            continue;
        }
        if (key === 'class') {
            node.className = value;
        } else if (key === 'test') {
            node.dataset.test = value;
        } else if (key === 'dataset') {
            Object.assign(node.dataset, value);
        } else if (key.startsWith('on')) {
            node.addEventListener(key.slice(2), value);
        } else {
            node.setAttribute(key, value === true ? '' : String(value));
        }
    }
    append(node, children);
    return node;
}

export function append(node, children) {
    for (const child of children.flat(Infinity)) {
        if (child === undefined || child === null || child === false) {
            continue;
        }
        node.append(child instanceof Node ? child : String(child));
    }
    return node;
}

export function clear(node) {
    node.replaceChildren();
    return node;
}

/** A table from column definitions: {label, cell: row => node or text, class?}. */
export function table(columns, rows, props = {}) {
    return el('table', {class: 'grid', ...props},
        el('thead', {}, el('tr', {}, columns.map(column => el('th', {class: column.class}, column.label)))),
        el('tbody', {}, rows.map(row => el('tr', row.props ?? {},
            columns.map(column => el('td', {class: column.class}, column.cell(row.data ?? row)))))));
}

/** A labelled figure, as in the overview's row of numbers. */
export function figure(label, value, props = {}, note) {
    return el('div', {class: 'figure', ...props},
        el('span', {class: 'figure-label'}, label),
        el('span', {class: 'figure-value', test: props.test ? props.test + '-value' : undefined}, value),
        note ? el('span', {class: 'figure-note'}, note) : null);
}

export function card(title, ...children) {
    return el('section', {class: 'card'}, title ? el('h2', {}, title) : null, ...children);
}

/** A select whose options are [value, label] pairs; '' is the "all" choice. */
export function select(label, name, options, selected, onChange) {
    return el('label', {class: 'filter'}, el('span', {}, label),
        el('select', {name, test: 'filter-' + name, onchange: event => onChange(event.target.value)},
            options.map(([value, text]) => el('option', {value, selected: value === (selected ?? '')}, text))));
}
