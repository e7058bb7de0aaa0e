/*
 * SLA countdowns: to dueAt, or to the Amazon 24 h deadline from awaitingReplySince when the API has no dueAt.
 */
import {el} from './dom.js';

const AMAZON_DEADLINE_MS = 24 * 60 * 60 * 1000;

export function dueOf(ticket) {
  if (ticket.dueAt) return {at: Date.parse(ticket.dueAt), source: 'SLA target'};
  if (ticket.awaitingReplySince) {
    return {at: Date.parse(ticket.awaitingReplySince) + AMAZON_DEADLINE_MS, source: 'Amazon 24 h'};
  }
  return null;
}

export function formatRemaining(ms) {
  const overdue = ms < 0;
  let s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86400); s -= d * 86400;
  const h = Math.floor(s / 3600); s -= h * 3600;
  const m = Math.floor(s / 60); s -= m * 60;
  const pad = (n) => String(n).padStart(2, '0');
  const body = d > 0 ? `${d}d ${h}h ${pad(m)}m ${pad(s)}s` : h > 0 ? `${h}h ${pad(m)}m ${pad(s)}s` : `${m}m ${pad(s)}s`;
  return overdue ? 'overdue ' + body : body;
}

/** A live countdown to the ticket's due time, with where the due time comes from. */
export function countdown(ticket) {
  const due = dueOf(ticket);
  if (!due || Number.isNaN(due.at)) return el('span', {className: 'countdown none', text: '—'});
  const node = el('span', {className: 'countdown', dataset: {due: String(due.at)}, title: 'Due ' + new Date(due.at).toISOString()});
  updateCountdown(node, Date.now());
  return el('span', null, node, el('span', {className: 'due-source', text: due.source}));
}

function updateCountdown(node, now) {
  const remaining = Number(node.dataset.due) - now;
  node.textContent = formatRemaining(remaining);
  const overdue = remaining < 0;
  node.classList.toggle('overdue', overdue);
  node.setAttribute('aria-label', (overdue ? 'Overdue by ' : 'Due in ') + formatRemaining(Math.abs(remaining)));
  const row = node.closest('tr');
  if (row) row.classList.toggle('overdue', overdue);
}

export function tickCountdowns() {
  const now = Date.now();
  document.querySelectorAll('.countdown[data-due]').forEach((node) => updateCountdown(node, now));
}

/** Every countdown on the page ticks once a second. */
export function startCountdowns() {
  setInterval(tickCountdowns, 1000);
}
