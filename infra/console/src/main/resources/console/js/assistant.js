/*
 * The ticket's assistant panels: suggested replies (GET /tickets/{id}/suggestions) with one-click send through
 * POST /tickets/{id}/replies (each suggestion its own Idempotency-Key; the reply records "suggestion", or
 * "suggestion-edited" when the agent edits it first in the reply box), missing data named, blocked suggestions with
 * their findings; and Amazon's review request (GET/POST /tickets/{id}/review-request) on resolved tickets, with
 * Amazon's eligibility or refusal as a sentence.
 */
import {$, el, clear, formatInstant} from './dom.js';
import {api, enc, newIdempotencyKey} from './api.js';
import {forAgents, showProblem} from './problems.js';
import {loadTicket} from './ticket.js';
import {useSuggestion} from './reply.js';
import {state} from './state.js';

/** suggestionId -> Idempotency-Key: a second click (or a retry after a lost answer) sends the same reply once. */
const keys = new Map();

export async function loadSuggestions(ticketId) {
  const list = clear($('suggestions-list'));
  showProblem($('suggestions-problem'), null);
  $('suggestions-status').textContent = 'Loading suggestions…';
  const result = await api('GET', '/tickets/' + enc(ticketId) + '/suggestions');
  if (!state.ticket || state.ticket.id !== ticketId) return;
  $('suggestions-status').textContent = '';
  if (!result.ok) {
    showProblem($('suggestions-problem'), result.problem);
    return;
  }
  const items = result.data.items || [];
  if (items.length === 0) {
    $('suggestions-status').textContent = 'No suggestion for this ticket\'s intent.';
    return;
  }
  for (const s of items) list.append(suggestionNode(ticketId, s));
}

function suggestionNode(ticketId, s) {
  const findings = (s.compliance && s.compliance.findings) || [];
  const blocked = !!(s.compliance && s.compliance.blocked);
  return el('li', {className: 'suggestion card', dataset: {macroId: s.macroId, sendable: String(s.sendable)}},
    el('div', null, el('strong', {text: s.macroName}), s.language ? el('span', {className: 'muted', text: ' · ' + s.language}) : null,
      s.sendable ? el('span', {className: 'badge sendable', text: 'Ready to send'}) : null),
    el('div', {className: 'muted why', text: (s.reason && s.reason.why) || ''}),
    s.text ? el('div', {className: 'preview suggestion-text', text: s.text}) : null,
    (s.missing || []).length ? el('div', {className: 'missing', text: 'Missing: ' + s.missing.join(', ')}) : null,
    s.waitingFor ? el('div', {className: 'waiting', text: 'Waiting for ' + s.waitingFor}) : null,
    blocked ? el('ul', {className: 'findings blocked-findings'}, findings.map((f) => el('li', {dataset: {ruleId: f.ruleId || ''}},
      el('span', {className: 'rule', text: f.ruleId || 'rule'}), ' ', f.excerpt ? el('q', {text: f.excerpt}) : null, ' ', f.message || ''))) : null,
    el('div', {className: 'form-actions'},
      s.sendable ? el('button', {type: 'button', className: 'primary suggestion-send', onclick: (e) => sendSuggestion(e.currentTarget, ticketId, s),
        text: 'Send'}) : null,
      s.text && s.id ? el('button', {type: 'button', className: 'suggestion-edit', onclick: () => useSuggestion(s), text: 'Edit first'}) : null),
    el('div', {className: 'suggestion-result', role: 'status'}));
}

async function sendSuggestion(button, ticketId, s) {
  if (button.dataset.sending === 'true') return;
  button.dataset.sending = 'true';
  button.disabled = true;
  if (!keys.has(s.id)) keys.set(s.id, newIdempotencyKey());
  const out = button.closest('.suggestion').querySelector('.suggestion-result');
  out.textContent = 'Sending…';
  const r = await api('POST', '/tickets/' + enc(ticketId) + '/replies',
    {body: {text: s.text, suggestionId: s.id}, headers: {'Idempotency-Key': keys.get(s.id)}});
  button.dataset.sending = 'false';
  if (!r.ok) {
    button.disabled = false;
    const shown = forAgents(r.problem);
    out.textContent = shown.title + (shown.detail ? ': ' + shown.detail : '');
    out.dataset.state = 'failed';
    return;
  }
  out.dataset.state = 'sent';
  out.textContent = r.data.reply.duplicate ? 'Already sent; sent once.' : 'Sent as suggested.';
  await loadTicket(ticketId);
}

/** The review request: offered on resolved (closed) tickets only, and only when Amazon offers it for the order. */
export async function loadReviewRequest(ticket) {
  const card = $('review-card');
  const box = clear($('review-state'));
  $('review-request').hidden = true;
  showProblem($('review-problem'), null);
  card.hidden = ticket.status !== 'closed';
  if (card.hidden) return;
  box.textContent = 'Asking Amazon whether the order may get a review request…';
  const r = await api('GET', '/tickets/' + enc(ticket.id) + '/review-request');
  if (!state.ticket || state.ticket.id !== ticket.id) return;
  clear(box);
  if (!r.ok) {
    box.append(el('p', {id: 'review-sentence', text: refusalSentence(r.problem)}));
    box.dataset.state = r.problem.type ? r.problem.type.replace(/^.*:/, '') : 'error';
    return;
  }
  renderReview(r.data);
}

function renderReview(rr) {
  const box = clear($('review-state'));
  box.dataset.state = rr.state;
  box.append(el('p', {id: 'review-sentence', text: reviewSentence(rr)}));
  $('review-request').hidden = !rr.offered;
  $('review-request').disabled = false;
}

function reviewSentence(rr) {
  if (rr.state === 'requested') {
    return 'A review request was sent through Amazon for order ' + rr.orderId
      + (rr.requestedBy ? ' by ' + rr.requestedBy : '') + (rr.requestedAt ? ' on ' + formatInstant(rr.requestedAt) : '')
      + '. Amazon allows one per order.';
  }
  if (rr.state === 'eligible') {
    return 'Amazon offers a review request for order ' + rr.orderId + ' now (5 to 30 days after delivery, once per order).';
  }
  if (rr.state === 'unknown-order') return 'Amazon does not know order ' + rr.orderId + ' for this seller: no review request can be sent.';
  return 'Amazon does not offer a review request for order ' + rr.orderId + ' now'
    + (rr.detail ? ': ' + rr.detail : '') + '. It can be asked 5 to 30 days after delivery, once per order.';
}

function refusalSentence(p) {
  const slug = (p.type || '').replace(/^.*:/, '');
  if (slug === 'review-no-amazon-order') return 'This ticket has no Amazon order: a review can only be requested through Amazon for an Amazon order.';
  if (slug === 'review-already-requested' || slug === 'review-not-eligible') return p.detail ? p.title + ': ' + p.detail + '.' : p.title + '.';
  const shown = forAgents(p);
  return shown.title + (shown.detail ? ': ' + shown.detail : '');
}

async function requestReview() {
  const t = state.ticket;
  const button = $('review-request');
  if (!t || button.disabled) return;
  button.disabled = true;
  const r = await api('POST', '/tickets/' + enc(t.id) + '/review-request');
  if (!r.ok) {
    $('review-request').hidden = true;
    const box = clear($('review-state'));
    box.dataset.state = (r.problem.type || 'error').replace(/^.*:/, '');
    box.append(el('p', {id: 'review-sentence', text: refusalSentence(r.problem)}));
    return;
  }
  renderReview(r.data);
}

export function wireAssistant() {
  $('review-request').addEventListener('click', requestReview);
  $('suggestions-reload').addEventListener('click', () => { if (state.ticket) loadSuggestions(state.ticket.id); });
}
