/*
 * The smart inbox (#/inbox, where the console opens): every view with its live count and first tickets, each with
 * its priority score and the reasons for it (GET /inbox); one view in full (#/inbox/{view}: GET /tickets?view=…)
 * with its groups of similar tickets (GET /inbox/groups?view=…). A group is answered in one pass: every ticket's own
 * rendered reply is previewed, one confirmation sends each through POST /tickets/{id}/replies with its own
 * Idempotency-Key (kept per ticket, so clicking again never sends twice), and each ticket shows its own result.
 */
import {$, el, clear, humanize} from './dom.js';
import {api, enc, newIdempotencyKey} from './api.js';
import {showProblem, forAgents} from './problems.js';
import {countdown, tickCountdowns} from './sla.js';
import {state} from './state.js';

/** Per ticket of a group being sent: {key, suggestionId, text, result: 'sent'|'already-sent'|'blocked'|'failed', detail}. */
const sends = new Map();
let openGroup = null;

function scoreNode(t) {
  if (!t.score) return null;
  return el('span', {className: 'score', title: t.score.summary || undefined},
    el('span', {className: 'badge score-value', text: String(t.score.value)}), ' ',
    el('span', {className: 'score-reasons', text: (t.score.reasons || []).join(' · ')}));
}

function ticketLine(t) {
  return el('li', {className: 'inbox-ticket', dataset: {ticketId: t.id}},
    el('a', {href: '#/tickets/' + enc(t.id), text: t.subject || '(no subject)'}), ' ',
    scoreNode(t), ' ', t.orderId ? el('span', {className: 'muted nowrap', text: t.orderId}) : null);
}

async function loadInbox() {
  const box = clear($('inbox-views'));
  const result = await api('GET', '/inbox');
  if (!result.ok) {
    showProblem($('inbox-problem'), result.problem);
    return;
  }
  showProblem($('inbox-problem'), null);
  const views = (result.data && result.data.views) || [];
  // "Mine" first: the agent's own work, then the views in the API's order
  const ordered = views.filter((v) => v.view === 'mine').concat(views.filter((v) => v.view !== 'mine'));
  for (const v of ordered) {
    box.append(el('section', {className: 'card inbox-view' + (v.view === 'mine' ? ' mine' : ''), dataset: {view: v.view}},
      el('h3', null, el('a', {href: '#/inbox/' + enc(v.view), text: v.title}), ' ',
        el('span', {className: 'badge count', dataset: {count: String(v.count)}, text: String(v.count)})),
      v.tickets.length ? el('ol', {className: 'plain'}, v.tickets.map(ticketLine))
        : el('p', {className: 'muted', text: 'Nothing here.'})));
  }
}

async function loadView(view) {
  openGroup = null;
  $('inbox-view-title').textContent = humanize(view);
  const rows = clear($('inbox-view-rows'));
  clear($('inbox-groups'));
  $('inbox-group').hidden = true;
  const [listing, groups] = await Promise.all([
    api('GET', '/tickets?' + new URLSearchParams({view, limit: '50'}).toString()),
    api('GET', '/inbox/groups?' + new URLSearchParams({view}).toString())]);
  if (!listing.ok) {
    showProblem($('inbox-view-problem'), listing.problem);
    return;
  }
  showProblem($('inbox-view-problem'), null);
  const items = listing.data.items || [];
  for (const t of items) {
    rows.append(el('tr', {dataset: {ticketId: t.id}},
      el('td', null, countdown(t)),
      el('td', {className: 'subject'}, el('a', {href: '#/tickets/' + enc(t.id), text: t.subject || '(no subject)'}),
        t.lastMessagePreview ? el('div', {className: 'preview-line', text: t.lastMessagePreview}) : null),
      el('td', null, scoreNode(t)),
      el('td', {text: t.assignee || '—'}),
      el('td', {className: 'nowrap', text: t.orderId || '—'})));
  }
  $('inbox-view-status').textContent = items.length === 0 ? 'No tickets in this view.'
    : items.length + (items.length === 1 ? ' ticket' : ' tickets') + (listing.data.nextCursor ? ', more available' : '');
  tickCountdowns();
  if (!groups.ok) {
    showProblem($('inbox-view-problem'), groups.problem);
    return;
  }
  renderGroups(view, groups.data);
}

function renderGroups(view, data) {
  const box = clear($('inbox-groups'));
  if (!data.groups.length) {
    box.append(el('p', {className: 'muted', id: 'inbox-no-groups', text: 'No similar tickets to answer together here.'}));
    return;
  }
  for (const g of data.groups) {
    box.append(el('div', {className: 'group-line', dataset: {groupKey: g.key}},
      el('strong', {text: g.count + ' tickets'}), ' answered with ', el('q', {text: g.macroName}), ' ',
      el('button', {type: 'button', className: 'open-group', onclick: () => showGroup(g), text: 'Open group'})));
  }
}

function resultText(s) {
  if (!s || !s.result) return 'Not sent yet';
  if (s.result === 'sent') return 'Sent';
  if (s.result === 'already-sent') return 'Sent (already recorded)';
  if (s.result === 'blocked') return 'Blocked: ' + s.detail;
  return 'Failed: ' + s.detail;
}

function showGroup(g) {
  openGroup = g;
  $('inbox-group').hidden = false;
  $('group-title').textContent = g.count + ' tickets: ' + g.macroName;
  $('group-confirm-step').hidden = true;
  $('group-send').hidden = false;
  renderGroupItems();
  $('group-title').scrollIntoView({block: 'start'});
}

function renderGroupItems() {
  const g = openGroup;
  const list = clear($('group-items'));
  for (const item of g.items) {
    const s = sendOf(item);
    list.append(el('li', {className: 'group-item card', dataset: {ticketId: item.ticketId, result: (s && s.result) || 'pending'}},
      el('div', null, el('a', {href: '#/tickets/' + enc(item.ticketId), text: item.subject || '(no subject)'}),
        item.orderId ? el('span', {className: 'muted', text: ' · ' + item.orderId}) : null),
      el('div', {className: 'preview group-text', text: item.text}),
      el('div', {className: 'group-result', text: resultText(s)})));
  }
  const waiting = g.items.filter((i) => !done(sendOf(i))).length;
  $('group-send').disabled = waiting === 0;
  $('group-send').textContent = waiting === 0 ? 'All sent' : 'Send ' + waiting + (waiting === 1 ? ' reply…' : ' replies…');
}

/** This ticket's send of this suggestion; a later suggestion for the same ticket is a new reply. */
function sendOf(item) {
  const s = sends.get(item.ticketId);
  return s && s.suggestionId === item.suggestionId ? s : undefined;
}

function done(s) {
  return !!s && (s.result === 'sent' || s.result === 'already-sent' || s.result === 'blocked');
}

function askConfirmation() {
  const waiting = openGroup.items.filter((i) => !done(sendOf(i))).length;
  $('group-confirm-text').textContent = 'Send ' + waiting + (waiting === 1 ? ' reply' : ' replies')
    + ', each to its own buyer with the text shown above?';
  $('group-confirm-step').hidden = false;
  $('group-send').hidden = true;
}

/** One confirmation: each ticket through the reply route with its own key; a failure does not stop the others. */
async function sendGroup() {
  const g = openGroup;
  const button = $('group-confirm');
  if (button.dataset.sending === 'true') return;
  button.dataset.sending = 'true';
  button.disabled = true;
  $('group-status').textContent = 'Sending…';
  for (const item of g.items) {
    let s = sendOf(item);
    if (done(s)) continue; // sent (or refused for good) already: never twice
    if (!s) {
      s = {key: newIdempotencyKey(), suggestionId: item.suggestionId};
      sends.set(item.ticketId, s);
    }
    const r = await api('POST', '/tickets/' + enc(item.ticketId) + '/replies',
      {body: {text: item.text, suggestionId: item.suggestionId}, headers: {'Idempotency-Key': s.key}});
    if (r.ok) {
      s.result = r.data.reply && r.data.reply.duplicate ? 'already-sent' : 'sent';
    } else if (r.problem.type === 'urn:deskbridge:problem:reply-not-compliant') {
      s.result = 'blocked';
      s.detail = (r.problem.findings || []).map((f) => f.message || f.ruleId).join('; ') || forAgents(r.problem).title;
    } else {
      s.result = 'failed';
      const shown = forAgents(r.problem);
      s.detail = shown.title + (shown.detail ? ': ' + shown.detail : '');
    }
    renderGroupItems();
  }
  button.dataset.sending = 'false';
  button.disabled = false;
  $('group-confirm-step').hidden = true;
  $('group-send').hidden = false;
  const counts = {sent: 0, blocked: 0, failed: 0};
  for (const item of g.items) {
    const s = sendOf(item);
    if (s && (s.result === 'sent' || s.result === 'already-sent')) counts.sent++;
    else if (s && s.result === 'blocked') counts.blocked++;
    else counts.failed++;
  }
  $('group-status').textContent = counts.sent + ' sent, ' + counts.blocked + ' blocked, ' + counts.failed + ' not sent'
    + (counts.failed ? ': send again to retry them (the sent ones are not sent twice).' : '.');
  renderGroupItems();
}

export const inboxScreen = {
  view: 'inbox',
  match: (hash) => (hash === '#/inbox' ? {} : null),
  enter: loadInbox
};

export const inboxViewScreen = {
  view: 'inbox-view',
  match: (hash) => {
    const m = hash.match(/^#\/inbox\/([a-z-]+)$/);
    return m ? {view: m[1]} : null;
  },
  enter: (params) => loadView(params.view)
};

export function wireInbox() {
  $('inbox-reload').addEventListener('click', loadInbox);
  $('group-send').addEventListener('click', askConfirmation);
  $('group-confirm').addEventListener('click', sendGroup);
  $('group-cancel').addEventListener('click', () => {
    $('group-confirm-step').hidden = true;
    $('group-send').hidden = false;
  });
  $('group-close').addEventListener('click', () => {
    $('inbox-group').hidden = true;
    $('group-status').textContent = '';
    if (openGroup) {
      const view = location.hash.replace(/^#\/inbox\//, '');
      openGroup = null;
      loadView(view);
    }
  });
}
