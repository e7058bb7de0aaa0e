/*
 * The ticket view: header, conversation, tags, order, tracking, refunds and cancellations, and the toolbar's commands.
 */
import {$, el, clear, humanize, money, timeElement, facts} from './dom.js';
import {api, enc, isUnavailable, NO_SUCH_ROUTE} from './api.js';
import {showProblem} from './problems.js';
import {countdown, tickCountdowns} from './sla.js';
import {actionDetail} from './action-state.js';
import {renderHistory, renderNotes, renderPresence} from './collab.js';
import {state} from './state.js';
import {messageLanguageControls} from './translation.js';

export async function loadTicket(id) {
  const result = await api('GET', '/tickets/' + enc(id));
  if (!result.ok) {
    state.ticket = null;
    $('ticket-title').textContent = 'Ticket ' + id;
    clear($('ticket-meta'));
    clear($('ticket-due'));
    clear($('messages'));
    $('ticket-body').hidden = true; // only the problem: no stale or empty panels
    showProblem($('ticket-problem'), result.problem);
    setTicketButtonsEnabled(false);
    return false;
  }
  showProblem($('ticket-problem'), null);
  $('ticket-body').hidden = false;
  state.ticket = result.data;
  renderTicket();
  return true;
}

function setTicketButtonsEnabled(enabled) {
  document.querySelectorAll('#view-ticket .toolbar button, #reply-send, #tag-add, #note-add').forEach((b) => { b.disabled = !enabled; });
}

/**
 * The ticket after a reply or a command: those answers carry the ticket without its context (order, tracking,
 * actions, notes, history), so what the last full read showed stays until the next one.
 */
export function updateTicket(fresh) {
  const old = state.ticket || {};
  const merged = Object.assign({}, fresh);
  for (const key of ['order', 'shipments', 'flags', 'enrichment', 'actions', 'notes', 'presence', 'history']) {
    if (merged[key] === undefined || (merged[key] === null && old[key])) merged[key] = old[key];
  }
  state.ticket = merged;
  renderTicket();
}

export function renderTicket() {
  const t = state.ticket;
  setTicketButtonsEnabled(true);
  $('ticket-title').textContent = t.subject || '(no subject)';
  const meta = clear($('ticket-meta'));
  meta.append(
    el('span', {className: 'badge status-' + t.status, id: 'ticket-status', text: humanize(t.status)}), ' ',
    t.priority ? el('span', {className: 'badge ' + t.priority, text: t.priority}) : '', ' ',
    (t.tags || []).includes('needs-triage')
      ? el('span', {className: 'badge needs-triage', id: 'ticket-needs-triage', title: 'The classifier was not sure of the intent: check it',
        text: 'Needs triage'}) : '', ' ',
    humanize(t.intent), ' · ', humanize(t.channel), t.marketplaceName ? ' (' + t.marketplaceName + ')' : '',
    t.buyer ? ' · buyer ' + t.buyer : '', ' · assignee ', el('span', {id: 'ticket-assignee', text: t.assignee || 'none'}));
  const due = clear($('ticket-due'));
  due.append(el('div', {className: 'muted', text: 'Reply due'}), t.status === 'closed' ? el('span', {text: 'Closed'}) : countdown(t));
  $('btn-evidence').href = '#/tickets/' + enc(t.id) + '/evidence';
  $('btn-no-response').disabled = t.status === 'closed';
  $('btn-close').disabled = t.status === 'closed';
  $('btn-assign').disabled = !!state.session && t.assignee === state.session.agent;
  $('btn-refund').disabled = !t.orderId;
  $('btn-cancel').disabled = !t.orderId;
  renderTags(t.tags || []);
  renderMessages(t.messages || []);
  renderOrder(t);
  renderTracking(t);
  renderActions(t.actions);
  renderNotes(t.notes);
  renderHistory(t);
  if (t.presence) renderPresence(t.presence);
  tickCountdowns();
}

function renderTags(tags) {
  const list = clear($('tag-list'));
  for (const tag of tags) {
    list.append(el('span', {className: 'badge', dataset: {tag}}, tag,
      el('button', {type: 'button', 'aria-label': 'Remove tag ' + tag, onclick: () => changeTags([], [tag]), text: '×'})));
  }
  if (tags.length === 0) list.append(el('span', {className: 'muted', text: 'none'}));
}

function renderMessages(messages) {
  const list = clear($('messages'));
  if (messages.length === 0) list.append(el('li', {className: 'muted', text: 'No messages.'}));
  for (const m of messages) {
    const direction = m.direction === 'out' ? 'out' : 'in';
    const when = direction === 'out' ? (m.sentAt || m.receivedAt) : m.receivedAt;
    list.append(el('li', {className: 'message ' + direction, dataset: {messageId: m.id || ''}},
      el('div', {className: 'message-head'},
        el('strong', {text: direction === 'out'
          ? (m.automatic ? 'Automatic reply' : 'Reply by ' + (m.agentId || 'agent'))
          : (m.fromName || m.from || 'Buyer')}),
        timeElement(when),
        m.sendStatus ? el('span', {className: 'badge ' + String(m.sendStatus).toLowerCase(), title: m.sendDetail || undefined,
          text: humanize(m.sendStatus)}) : null,
        m.sendDetail ? el('span', {className: 'send-detail', text: m.sendDetail}) : null,
        m.subject ? el('span', {text: m.subject}) : null),
      el('div', {className: 'message-body', text: m.body || ''}),
      messageLanguageControls(m),
      m.bodyTruncated ? el('div', {className: 'muted', text: '(message shortened)'}) : null,
      (m.attachments || []).length ? el('ul', {className: 'plain muted'},
        m.attachments.map((a) => el('li', {text: '📎 ' + a.fileName + ' (' + a.contentType + ', ' + a.sizeBytes + ' bytes)'}))) : null));
  }
}

function renderOrder(t) {
  const panel = clear($('order-panel'));
  if (t.order) {
    const o = t.order;
    panel.append(facts([
      ['Order', o.orderId], ['Status', humanize(o.status)], ['Fulfilment', humanize(o.channel)],
      ['Purchased', o.purchaseDate ? timeElement(o.purchaseDate) : null],
      ['Ship by', o.latestShipDate ? timeElement(o.latestShipDate) : null],
      ['Delivery promised', o.promisedDelivery ? timeElement(o.promisedDelivery) : null]
    ]));
    if ((o.items || []).length) {
      panel.append(el('ul', {className: 'plain', id: 'order-items'}, o.items.map((i) => el('li',
        {dataset: {orderItemId: i.orderItemId || ''}},
        (i.quantity === undefined || i.quantity === null ? 1 : i.quantity) + ' × ' + (i.title || i.sku || 'item'),
        i.itemPrice ? el('span', {className: 'price', text: ' · ' + money(i.itemPrice)}) : null))));
    }
  } else if (t.orderId) {
    panel.append(facts([['Order', t.orderId]]),
      el('p', {className: 'muted', id: 'order-missing', text: 'Order details are not in this ticket (yet).'}));
  } else {
    panel.append(el('p', {className: 'muted', text: 'No order is linked to this ticket.'}));
  }
}

/**
 * The context's state for agents: progress notes as written (e.g. "carrier unavailable, retrying"); a failure as a
 * sentence, since its text can carry the upstream's error.
 */
function enrichmentDetail(e) {
  if (String(e.state).toUpperCase() !== 'FAILED') return e.detail ? ': ' + e.detail : '';
  if (/authoris|authoriz/i.test(e.detail || '')) return ': the seller\'s Amazon authorisation has expired; a lead must authorise Deskbridge again.';
  return ': the order details could not be loaded. Try Refresh tracking later, or look the order up in Seller Central.';
}

function renderTracking(t) {
  const panel = clear($('tracking-panel'));
  if (t.enrichment && t.enrichment.state) {
    panel.append(el('div', {className: 'notice', id: 'enrichment-state'},
      el('strong', {text: humanize(t.enrichment.state)}), enrichmentDetail(t.enrichment)));
  }
  const shipments = t.shipments || [];
  if (shipments.length === 0) {
    panel.append(el('p', {className: 'muted', text: 'No tracking information.'}));
    return;
  }
  for (const s of shipments) {
    panel.append(el('div', {className: 'shipment'},
      facts([
        ['Carrier', humanize(s.carrier)],
        ['Tracking', s.trackingLink && /^https:\/\//.test(s.trackingLink)
          ? el('a', {href: s.trackingLink, target: '_blank', rel: 'noopener noreferrer', text: s.trackingNumber || s.trackingLink})
          : s.trackingNumber],
        ['Status', s.status ? el('span', {className: 'badge tracking-status ' + s.status.toLowerCase(), dataset: {status: s.status},
          text: humanize(s.status)}) : null],
        ['Estimated', s.estimatedDelivery ? timeElement(s.estimatedDelivery) : null],
        ['Last seen', s.lastLocation]
      ]),
      (s.flags || []).length ? el('p', null, s.flags.map((f) => el('span', {className: 'badge flag-' + String(f).toLowerCase(), text: humanize(f)}))) : null,
      (s.lastEvents || []).length ? el('ol', {className: 'events'}, s.lastEvents.map((e) => el('li', null,
        e.at ? timeElement(e.at) : '', ' ', humanize(e.status) || e.rawText || '', e.location ? ' · ' + e.location : ''))) : null));
  }
}

function renderActions(actions) {
  const list = clear($('actions-list'));
  if (!actions || actions.length === 0) {
    list.append(el('li', {className: 'muted', text: 'None.'}));
    return;
  }
  for (const a of actions) {
    list.append(el('li', {dataset: {actionId: a.actionId || a.id}},
      humanize(a.type), a.amount ? ' ' + money(a.amount) : '', ' ',
      el('span', {className: 'badge ' + String(a.state || '').toLowerCase(), dataset: {state: a.state || ''}, text: humanize(a.state)}),
      a.requestedAt ? el('span', {className: 'muted'}, ' ', timeElement(a.requestedAt)) : null,
      el('div', {className: 'muted', text: actionDetail(a)})));
  }
}

/** Runs a ticket command and shows its outcome in the toolbar's status line; reloads the ticket on success. */
async function ticketCommand(button, label, method, path, body) {
  const t = state.ticket;
  if (!t) return;
  button.disabled = true;
  const status = $('ticket-action-status');
  status.hidden = false;
  status.textContent = label + '…';
  const result = await api(method, '/tickets/' + enc(t.id) + path, {body});
  if (!result.ok) {
    status.hidden = true;
    button.disabled = false;
    if (isUnavailable(result.problem)) {
      showProblem($('ticket-problem'), {title: label + ': not available yet',
        detail: 'The API does not serve ' + method + ' /tickets/{id}' + path + ' yet.', status: 404, type: NO_SUCH_ROUTE});
    } else {
      showProblem($('ticket-problem'), result.problem);
    }
    return;
  }
  showProblem($('ticket-problem'), null);
  status.textContent = label + ': done.';
  if (result.data && result.data.id === t.id && result.data.status) {
    updateTicket(result.data);
  } else {
    await loadTicket(t.id);
  }
}

function changeTags(add, remove) {
  return ticketCommand($('tag-add'), 'Tags', 'POST', '/tags', {add, remove});
}

export function wireTicket() {
  $('btn-assign').addEventListener('click', (e) => ticketCommand(e.currentTarget, 'Assign', 'POST', '/assign', {assignee: state.session.agent}));
  $('btn-no-response').addEventListener('click', (e) => ticketCommand(e.currentTarget, 'No response needed', 'POST', '/no-response-needed'));
  $('btn-close').addEventListener('click', (e) => ticketCommand(e.currentTarget, 'Close', 'POST', '/close'));
  $('btn-refresh-tracking').addEventListener('click', (e) => ticketCommand(e.currentTarget, 'Refresh tracking', 'POST', '/tracking/refresh'));
  $('tag-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const tag = $('tag-input').value.trim();
    if (tag) changeTags([tag], []).then(() => { $('tag-input').value = ''; });
  });
}
