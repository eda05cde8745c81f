// Building the page from data without ever parsing data as HTML: text goes into text nodes only.

/**
 * An element with attributes (null and false are left out) and children (strings become text
 * nodes, null is skipped). Nothing here is ever parsed as markup.
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replaces the children of {@code node}. */
export function show(node, ...children) {
  node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined));
}

/**
 * A table: columns are [heading, row => cell content] pairs; {@code rowAttributes} gives each
 * row's attributes (data-* for tests and actions).
 */
export function table(columns, rows, empty, rowAttributes = () => ({})) {
  if (rows.length === 0) {
    return el('p', { class: 'empty' }, empty);
  }
  return el('table', {},
    el('thead', {}, el('tr', {}, columns.map(([heading]) => el('th', { scope: 'col' }, heading)))),
    el('tbody', {}, rows.map((row) => el('tr', rowAttributes(row),
      columns.map(([, cell]) => el('td', {}, cell(row)))))));
}

/** A time as the browser's local date and time, the exact UTC value on hover. */
export function time(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return el('time', { datetime: iso, title: iso }, Number.isNaN(date.getTime()) ? iso : date.toLocaleString());
}

/** A count tile; when {@code onClick} is given it is a button (a filter). */
export function tile(label, count, kind, onClick) {
  const content = [el('span', { class: 'count' }, String(count)), el('span', { class: 'label' }, label)];
  if (!onClick) return el('div', { class: `tile ${kind}`, 'data-tile': label }, content);
  const button = el('button', { type: 'button', class: `tile ${kind}`, 'data-tile': label }, content);
  button.addEventListener('click', onClick);
  return button;
}
