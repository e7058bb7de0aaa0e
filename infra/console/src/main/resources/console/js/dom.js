/*
 * DOM helpers. Text always goes through textContent, never innerHTML, so buyer text cannot inject markup.
 */

export const $ = (id) => document.getElementById(id);

export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  if (attrs) {
    for (const [name, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'className') node.className = value;
      else if (name === 'text') node.textContent = value;
      else if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
      else if (name === 'dataset') Object.assign(node.dataset, value);
      else node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/**
 * A human label for an API enum value, whatever its spelling: OutForDelivery -> "Out for delivery",
 * ATTENTION_REQUIRED -> "Attention required", needs-triage -> "Needs triage"; short acronyms (FBA, DHL) stay.
 */
export function humanize(value) {
  if (!value) return '';
  const raw = String(value);
  if (/^[A-Z]{2,4}$/.test(raw)) return raw;
  const s = raw.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** True when two enum values are the same, however the API or a caller spelled them (COMPLETED, completed). */
export function sameValue(a, b) {
  return String(a || '').toUpperCase() === String(b || '').toUpperCase();
}

/** Money as agents read it: "USD 12.50". */
export function money(m) {
  return m && m.amount ? (m.currency ? m.currency + ' ' : '') + m.amount : '';
}

export function formatInstant(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return d.toLocaleString(undefined, {dateStyle: 'medium', timeStyle: 'short'});
}

export function timeElement(iso) {
  return el('time', {datetime: iso || undefined, text: formatInstant(iso)});
}

export function facts(pairs) {
  const dl = el('dl', {className: 'facts'});
  for (const [label, value] of pairs) {
    if (value === undefined || value === null || value === '') continue;
    dl.append(el('dt', {text: label}), el('dd', null, value));
  }
  return dl;
}
