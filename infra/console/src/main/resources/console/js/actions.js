/*
 * The refund and cancellation dialog: input, confirmation, then the action's state, polled until it is final.
 * One Idempotency-Key per dialog: a double click or a retry after an error sends the same request once.
 */
import {$, el, clear, humanize, money} from './dom.js';
import {api, enc, isUnavailable, newIdempotencyKey} from './api.js';
import {showProblem, unavailableNode} from './problems.js';
import {loadTicket} from './ticket.js';
import {actionDetail, isFinal} from './action-state.js';
import {state} from './state.js';

const ACTION_POLL_FIRST_MS = 1000;  // Amazon confirms in seconds to minutes: poll soon, then back off
const ACTION_POLL_MAX_MS = 5000;
const ACTION_POLL_FOR_MS = 5 * 60 * 1000; // then the ticket shows the outcome when the agent comes back
/** The order's line for an order item id. */
function orderItem(orderItemId) {
  const items = (state.ticket && state.ticket.order && state.ticket.order.items) || [];
  return items.find((i) => i.orderItemId === orderItemId) || null;
}

/** The item's name for agents: its title, else its SKU, else its id. */
function itemName(item) {
  return item ? (item.title || item.sku || item.orderItemId || 'item') : 'item';
}

/** Picking an item: its quantity bounds the units, its price is the amount's hint (the agent enters the amount). */
function onItemPicked() {
  const item = orderItem($('refund-item').value);
  $('refund-quantity').max = (item && item.quantity) || '';
  $('refund-quantity').value = 1;
  $('refund-amount').placeholder = item && item.itemPrice ? item.itemPrice.amount : '12.50';
  $('refund-item-price').textContent = item && item.itemPrice
    ? 'The line cost ' + money(item.itemPrice) + ' for ' + (item.quantity || 1) + (item.quantity === 1 ? ' unit.' : ' units.') : '';
}

function openActionDialog(kind) {
  const t = state.ticket;
  if (!t) return;
  stopPolling();
  state.dialog = {kind, idempotencyKey: newIdempotencyKey(), actionId: null, sending: false};
  $('action-dialog').dataset.idempotencyKey = state.dialog.idempotencyKey;
  $('action-dialog-title').textContent = kind === 'refund' ? 'Refund order ' + t.orderId : 'Cancel order ' + t.orderId;
  $('refund-fields').hidden = kind !== 'refund';
  $('cancel-fields').hidden = kind !== 'cancellation';
  // the order's lines that a partial refund can name, with what they cost; the currency is the order's
  const items = clear($('refund-item'));
  for (const i of ((t.order && t.order.items) || []).filter((line) => line.orderItemId)) {
    items.append(el('option', {value: i.orderItemId,
      text: (i.quantity || 1) + ' × ' + itemName(i) + (i.itemPrice ? ' (' + money(i.itemPrice) + ')' : '')}));
  }
  $('refund-item').disabled = items.options.length === 0;
  $('refund-no-items').hidden = items.options.length > 0;
  $('refund-amount').value = '';
  $('refund-currency').value = (t.order && t.order.currency)
    || ((t.order && t.order.items) || []).map((i) => i.itemPrice && i.itemPrice.currency).find(Boolean) || '';
  onItemPicked();
  showActionStep('input');
  showProblem($('action-problem'), null);
  $('action-dialog').showModal();
}

function showActionStep(step) {
  $('action-step-input').hidden = step !== 'input';
  $('action-step-confirm').hidden = step !== 'confirm';
  $('action-step-state').hidden = step !== 'state';
  $('action-review').hidden = step !== 'input';
  $('action-confirm').hidden = step !== 'confirm';
  $('action-back').hidden = step !== 'confirm';
  $('action-dialog').dataset.step = step;
}

function actionBody() {
  const t = state.ticket;
  if (state.dialog.kind === 'cancellation') return {orderId: t.orderId, reason: $('cancel-reason').value};
  const reason = $('refund-reason').value;
  if (document.querySelector('input[name=refund-kind]:checked').value === 'full') {
    return {orderId: t.orderId, full: true, reason};
  }
  return {orderId: t.orderId, full: false, reason, lines: [{
    orderItemId: $('refund-item').value || null,
    quantity: Number($('refund-quantity').value) || null,
    // the contract's component names; no currency means the order's (the API defaults it)
    components: [{component: 'PRINCIPAL', amount: $('refund-amount').value.trim(),
      currency: $('refund-currency').value.trim().toUpperCase() || undefined}]
  }]};
}

function reviewAction() {
  const body = actionBody();
  let summary;
  if (state.dialog.kind === 'cancellation') {
    summary = 'Cancel order ' + body.orderId + ' (reason ' + body.reason + ')?';
  } else if (body.full) {
    summary = 'Refund everything still refundable on order ' + body.orderId + ' (reason ' + body.reason + ')?';
  } else {
    const line = body.lines[0];
    const c = line.components[0];
    if (!line.orderItemId) {
      showProblem($('action-problem'), {title: 'No item to refund', detail: 'The order details are not loaded yet: use a full refund or try again later.', field: 'item'});
      return;
    }
    if (!/^\d+(\.\d{1,2})?$/.test(c.amount) || Number(c.amount) <= 0) {
      showProblem($('action-problem'), {title: 'Invalid amount', detail: 'Enter a positive amount like 12.50.', field: 'amount'});
      $('refund-amount').focus();
      return;
    }
    if (!/^[A-Z]{3}$/.test(c.currency || '')) {
      showProblem($('action-problem'), {title: 'Invalid currency', detail: 'Enter the order\'s three-letter currency, like EUR.', field: 'currency'});
      $('refund-currency').focus();
      return;
    }
    summary = 'Refund ' + c.currency + ' ' + c.amount + ' for ' + (line.quantity || 1) + ' × ' + itemName(orderItem(line.orderItemId))
      + ' on order ' + body.orderId + ' (reason ' + body.reason + ')?';
  }
  showProblem($('action-problem'), null);
  $('action-summary').textContent = summary;
  showActionStep('confirm');
  $('action-confirm').focus();
}

async function confirmAction() {
  const d = state.dialog;
  if (!d || d.sending) return; // a double click sends once; a retry after an error reuses the same key
  d.sending = true;
  $('action-confirm').disabled = true;
  const path = d.kind === 'refund' ? '/refunds' : '/cancellation';
  const result = await api('POST', '/tickets/' + enc(state.ticket.id) + path,
    {body: actionBody(), headers: {'Idempotency-Key': d.idempotencyKey}});
  d.sending = false;
  $('action-confirm').disabled = false;
  if (!result.ok) {
    if (isUnavailable(result.problem)) {
      clear($('action-problem')).append(unavailableNode(d.kind === 'refund' ? 'Refunds' : 'Cancellations', 'POST /tickets/{id}' + path));
      $('action-problem').hidden = false;
    } else {
      showProblem($('action-problem'), result.problem);
    }
    return;
  }
  showProblem($('action-problem'), null);
  const action = (result.data && (result.data.action || result.data)) || {};
  d.actionId = action.actionId || action.id || null;
  showActionStep('state');
  showActionState(action);
  d.pollDelay = ACTION_POLL_FIRST_MS;
  d.pollUntil = Date.now() + ACTION_POLL_FOR_MS;
  if (d.actionId && !isFinal(action.state)) schedulePoll();
}

function showActionState(action) {
  const badge = $('action-state');
  const shown = action.state || 'REQUESTED';
  badge.textContent = humanize(shown);
  badge.className = 'badge ' + String(shown).toLowerCase();
  badge.dataset.state = String(shown).toUpperCase();
  $('action-state-detail').textContent = actionDetail(action);
}

function schedulePoll() {
  const d = state.dialog;
  d.pollTimer = setTimeout(async () => {
    const result = await api('GET', '/tickets/' + enc(state.ticket.id) + '/actions/' + enc(d.actionId));
    if (state.dialog !== d) return;
    if (!result.ok) {
      showProblem($('action-problem'), result.problem);
    } else {
      showProblem($('action-problem'), null);
      showActionState(result.data.action || result.data);
      if (isFinal((result.data.action || result.data).state)) return;
    }
    d.pollDelay = Math.min(Math.round(d.pollDelay * 1.5), ACTION_POLL_MAX_MS);
    if (Date.now() < d.pollUntil) schedulePoll();
    else $('action-state-detail').textContent = 'Still not final; the ticket shows the outcome when Amazon answers.';
  }, d.pollDelay);
}

function stopPolling() {
  if (state.dialog && state.dialog.pollTimer) clearTimeout(state.dialog.pollTimer);
}

function closeActionDialog() {
  const hadAction = state.dialog && state.dialog.actionId;
  stopPolling();
  state.dialog = null;
  $('action-dialog').close();
  if (hadAction && state.ticket) loadTicket(state.ticket.id);
}

export function wireActions() {
  $('btn-refund').addEventListener('click', () => openActionDialog('refund'));
  $('btn-cancel').addEventListener('click', () => openActionDialog('cancellation'));
  document.querySelectorAll('input[name=refund-kind]').forEach((r) => r.addEventListener('change', () => {
    $('refund-partial').hidden = document.querySelector('input[name=refund-kind]:checked').value !== 'partial';
  }));
  $('refund-item').addEventListener('change', onItemPicked);
  $('action-review').addEventListener('click', reviewAction);
  $('action-back').addEventListener('click', () => showActionStep('input'));
  $('action-confirm').addEventListener('click', confirmAction);
  $('action-dismiss').addEventListener('click', closeActionDialog);
  $('action-dialog').addEventListener('cancel', (e) => { e.preventDefault(); closeActionDialog(); });
}
