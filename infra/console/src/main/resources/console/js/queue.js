/*
 * The queue: the seller's tickets, soonest due first, with filters and "load more".
 */
import {$, el, clear, humanize} from './dom.js';
import {api, enc} from './api.js';
import {showProblem} from './problems.js';
import {countdown, dueOf, tickCountdowns} from './sla.js';
import {state} from './state.js';

function readFilters() {
  const form = $('queue-filters');
  const filters = {};
  for (const field of form.elements) {
    if (!field.name || !field.value) continue;
    filters[field.name] = field.name === 'dueBefore' ? new Date(field.value).toISOString() : field.value.trim();
  }
  return filters;
}

export async function loadQueue(append) {
  state.queue.search = null;
  $('search-clear').hidden = true;
  const filters = append ? state.queue.filters : readFilters();
  const params = new URLSearchParams(filters);
  params.set('limit', '25');
  if (append && state.queue.nextCursor) params.set('cursor', state.queue.nextCursor);
  $('queue-status').textContent = 'Loading…';
  $('queue-more').disabled = true;
  const result = await api('GET', '/tickets?' + params.toString());
  $('queue-more').disabled = false;
  if (!result.ok) {
    $('queue-status').textContent = '';
    showProblem($('queue-problem'), result.problem);
    if (!append) clear($('queue-rows'));
    return;
  }
  showProblem($('queue-problem'), null);
  const items = (result.data && result.data.items) || [];
  state.queue = {
    filters,
    nextCursor: result.data.nextCursor || null,
    items: append ? state.queue.items.concat(items) : items
  };
  renderQueue();
}

/** GET /tickets/search: order id, buyer alias or words; the matches in the API's order (order, buyer, words). */
async function searchTickets(q) {
  $('queue-status').textContent = 'Searching…';
  document.body.dataset.ready = 'false';
  const result = await api('GET', '/tickets/search?' + new URLSearchParams({q, limit: '50'}).toString());
  document.body.dataset.ready = 'true';
  if (!result.ok) {
    $('queue-status').textContent = '';
    showProblem($('queue-problem'), result.problem);
    return;
  }
  showProblem($('queue-problem'), null);
  state.queue = {filters: state.queue.filters, nextCursor: null, items: (result.data && result.data.items) || [], search: q};
  $('search-clear').hidden = false;
  renderQueue();
}

function sortByDue(items) {
  // Stable: the API already orders by SLA due; tickets without a due time keep their place at the end.
  return items.map((item, index) => ({item, index, due: dueOf(item)}))
    .sort((a, b) => {
      const da = a.due ? a.due.at : Infinity;
      const db = b.due ? b.due.at : Infinity;
      return da === db ? a.index - b.index : da - db;
    })
    .map((x) => x.item);
}

function renderQueue() {
  const rows = clear($('queue-rows'));
  const items = state.queue.search ? state.queue.items : sortByDue(state.queue.items);
  for (const t of items) {
    const open = () => { location.hash = '#/tickets/' + enc(t.id); };
    const row = el('tr', {dataset: {ticketId: t.id}, className: t.sendFailure ? 'send-failed' : undefined, onclick: open},
      el('td', null, countdown(t)),
      el('td', {className: 'subject'},
        el('a', {href: '#/tickets/' + enc(t.id), text: t.subject || '(no subject)'}),
        t.sendFailure ? el('div', {className: 'send-failure'},
          el('span', {className: 'badge failed', text: 'Reply not sent'}), ' ', t.sendFailure.reason || '') : null,
        t.lastMessagePreview ? el('div', {className: 'preview-line', text: t.lastMessagePreview}) : null,
        t.buyer ? el('div', {className: 'muted', text: t.buyer}) : null),
      el('td', {className: 'channel'}, t.marketplaceName || humanize(t.channel)),
      el('td', null, humanize(t.intent),
        (t.tags || []).includes('needs-triage') ? el('div', null, el('span', {className: 'badge needs-triage', text: 'Needs triage'})) : null),
      el('td', {className: 'tags'}, (t.tags || []).map((tag) => el('span', {className: 'badge', text: tag}))),
      el('td', null, t.priority ? el('span', {className: 'badge ' + t.priority, text: t.priority}) : ''),
      el('td', {text: t.assignee || '—'}),
      el('td', {className: 'nowrap', text: t.orderId || '—'}));
    rows.append(row);
  }
  const n = items.length;
  $('queue-status').textContent = state.queue.search
    ? (n === 0 ? 'No tickets match' : n + (n === 1 ? ' ticket matches' : ' tickets match')) + ' "' + state.queue.search + '"'
    : n === 0 ? 'No tickets match.' : n + (n === 1 ? ' ticket' : ' tickets') + (state.queue.nextCursor ? ', more available' : '');
  $('queue-more').hidden = !state.queue.nextCursor;
  tickCountdowns(); // rows are attached now: mark the overdue ones at once, not at the next tick
}

export const queueScreen = {
  view: 'queue',
  match: () => ({}),
  enter: () => loadQueue(false)
};

export function wireQueue() {
  $('queue-filters').addEventListener('submit', (e) => { e.preventDefault(); loadQueue(false); });
  $('queue-reload').addEventListener('click', () => loadQueue(false));
  $('queue-more').addEventListener('click', () => loadQueue(true));
  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const q = $('search-q').value.trim();
    if (q) searchTickets(q);
    else loadQueue(false);
  });
  $('search-clear').addEventListener('click', () => {
    $('search-q').value = '';
    loadQueue(false);
  });
}
