/*
 * Working on a ticket together: internal notes (apart from the conversation), the customer's history with the
 * seller, and presence (who else has the ticket open or is writing a reply: a heartbeat the API lets lapse after
 * 30 seconds, so it is renewed while the ticket is open).
 */
import {$, el, clear, humanize, timeElement} from './dom.js';
import {api, enc} from './api.js';
import {showProblem} from './problems.js';
import {state} from './state.js';

const HEARTBEAT_MS = 20 * 1000; // inside the API's 30-second lapse
const presence = {ticketId: null, timer: null, activity: 'viewing', replyingUntil: 0};

export function renderNotes(notes) {
  const list = clear($('notes-list'));
  if (!notes || notes.length === 0) {
    list.append(el('li', {className: 'muted', text: 'No notes yet.'}));
    return;
  }
  for (const n of notes) {
    list.append(el('li', {className: 'note', dataset: {noteId: n.noteId}},
      el('div', {className: 'message-head'}, el('strong', {text: n.agentId}), timeElement(n.createdAt)),
      el('div', {className: 'note-text', text: n.text})));
  }
}

async function addNote(e) {
  e.preventDefault();
  const t = state.ticket;
  const text = $('note-text').value;
  if (!t) return;
  if (!text.trim()) {
    showProblem($('note-problem'), {title: 'Empty note', detail: 'Write the note first.', field: 'text'});
    return;
  }
  const button = $('note-add');
  if (button.disabled) return;
  button.disabled = true;
  const result = await api('POST', '/tickets/' + enc(t.id) + '/notes', {body: {text}});
  button.disabled = false;
  if (!result.ok) {
    showProblem($('note-problem'), result.problem);
    return;
  }
  showProblem($('note-problem'), null);
  $('note-text').value = '';
  if (state.ticket && state.ticket.id === t.id) {
    state.ticket.notes = (state.ticket.notes || []).concat([result.data]);
    renderNotes(state.ticket.notes);
  }
}

export function renderHistory(t) {
  const panel = clear($('history-panel'));
  const history = t.history || {tickets: [], orderIds: []};
  const others = (history.tickets || []).filter((h) => h.id !== t.id);
  const orders = (history.orderIds || []).filter((o) => o && o !== t.orderId);
  if (others.length === 0 && orders.length === 0) {
    panel.append(el('p', {className: 'muted', text: 'No other tickets or orders from this customer.'}));
    return;
  }
  if (others.length) {
    panel.append(el('ul', {className: 'plain', id: 'history-tickets'}, others.map((h) => el('li', {dataset: {ticketId: h.id}},
      el('a', {href: '#/tickets/' + enc(h.id), text: h.subject || '(no subject)'}), ' ',
      el('span', {className: 'badge status-' + h.status, text: humanize(h.status)}), ' ',
      h.lastMessageAt || h.createdAt ? el('span', {className: 'muted'}, timeElement(h.lastMessageAt || h.createdAt)) : null))));
  }
  if (orders.length) {
    panel.append(el('p', {id: 'history-orders'}, el('span', {className: 'muted', text: 'Orders: '}), orders.join(', ')));
  }
}

/** The other agents on the ticket, as a warning above it (nothing when the agent is alone). */
export function renderPresence(others) {
  const box = $('presence');
  const list = (others || []).filter((p) => !state.session || p.agentId !== state.session.agent);
  clear(box);
  box.hidden = list.length === 0;
  box.dataset.agents = list.map((p) => p.agentId).join(',');
  box.dataset.replying = String(list.some((p) => p.activity === 'replying'));
  if (!list.length) return;
  const replying = list.filter((p) => p.activity === 'replying').map((p) => p.agentId);
  const viewing = list.filter((p) => p.activity !== 'replying').map((p) => p.agentId);
  box.className = replying.length ? 'notice warning' : 'notice';
  box.append(el('strong', {text: replying.length ? 'Careful: ' : 'Also here: '}),
    replying.length ? replying.join(', ') + (replying.length === 1 ? ' is' : ' are') + ' writing a reply to this ticket now. ' : '',
    viewing.length ? viewing.join(', ') + (viewing.length === 1 ? ' has' : ' have') + ' this ticket open.' : '');
}

async function beat() {
  const id = presence.ticketId;
  if (!id) return;
  const activity = Date.now() < presence.replyingUntil ? 'replying' : 'viewing';
  const result = await api('POST', '/tickets/' + enc(id) + '/presence', {body: {activity}});
  if (presence.ticketId !== id) return;
  if (result.ok) renderPresence(result.data.others);
  // a lapsed heartbeat only hides a warning; it is never an error the agent must act on
}

function schedule() {
  clearTimeout(presence.timer);
  presence.timer = setTimeout(async () => { await beat(); if (presence.ticketId) schedule(); }, HEARTBEAT_MS);
}

/** Starts the heartbeat for the open ticket (viewing). */
export function startPresence(ticketId) {
  stopPresence();
  presence.ticketId = ticketId;
  presence.replyingUntil = 0;
  beat();
  schedule();
}

export function stopPresence() {
  clearTimeout(presence.timer);
  presence.ticketId = null;
  renderPresence([]);
}

/** The agent is typing a reply: say so now (once per heartbeat), and for a heartbeat after the last key. */
export function markReplying() {
  if (!presence.ticketId) return;
  const wasReplying = Date.now() < presence.replyingUntil;
  presence.replyingUntil = Date.now() + HEARTBEAT_MS;
  if (!wasReplying) beat();
}

/** After a reply was sent: back to viewing. */
export function doneReplying() {
  presence.replyingUntil = 0;
  beat();
}

export function wireCollab() {
  $('note-form').addEventListener('submit', addNote);
}
