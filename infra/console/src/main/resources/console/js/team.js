/*
 * A lead's accountability screen (#/team): what each agent did in the last 30 days (GET /metrics/agents) and how
 * agents take the assistant's suggestions, per macro and per intent (GET /metrics/suggestions), with the macros
 * agents keep editing flagged "fix this template". Leads only: an agent sees that the screen is for leads.
 */
import {$, el, clear, humanize} from './dom.js';
import {api} from './api.js';
import {showProblem} from './problems.js';
import {isLead} from './session.js';
import {duration} from './settings.js';

function percent(x) {
  return typeof x === 'number' ? Math.round(x * 1000) / 10 + ' %' : '—';
}

function table(id, caption, headers, rows) {
  return el('table', {className: 'metrics', id},
    el('caption', {text: caption}),
    el('thead', null, el('tr', null, headers.map((h) => el('th', {scope: 'col', text: h})))),
    el('tbody', null, rows));
}

/** The agent's actions of these types summed: requested, completed, failed or rejected, open. */
function outcomes(actions, types) {
  const sum = {requested: 0, completed: 0, failedOrRejected: 0, open: 0};
  for (const t of types) {
    const c = (actions || {})[t];
    if (!c) continue;
    sum.requested += c.requested;
    sum.completed += c.completed;
    sum.failedOrRejected += c.failed + c.rejected;
    sum.open += c.open;
  }
  return sum;
}

function outcomeCells(prefix, sum) {
  return ['requested', 'completed', 'failedOrRejected', 'open'].map((k) =>
    el('td', {className: prefix + '-' + k, text: String(sum[k])}));
}

function counts(obj) {
  return Object.entries(obj || {}).map(([k, v]) => humanize(k) + ' ' + v).join(', ') || '—';
}

async function loadAgents() {
  const panel = clear($('team-agents'));
  const r = await api('GET', '/metrics/agents');
  if (!r.ok) {
    showProblem($('team-problem'), r.problem);
    return;
  }
  const agents = r.data.agents || [];
  if (agents.length === 0) {
    panel.append(el('p', {className: 'muted', text: 'No agent activity from ' + r.data.from + ' to ' + r.data.to + '.'}));
    return;
  }
  panel.append(table('team-agents-table', 'Agents, ' + r.data.from + ' to ' + r.data.to,
    ['Agent', 'Replies sent', 'By source', 'First responses', 'Median first reply', '90 % within', 'Within 24 h',
      'Blocked before send', 'Suggestions used', 'Suggestions edited', 'Refunds requested', 'Refunds completed',
      'Refunds failed or rejected', 'Refunds open', 'Cancellations requested', 'Cancellations completed',
      'Cancellations failed or rejected', 'Cancellations open'],
    agents.map((a) => el('tr', {dataset: {agent: a.agentId}},
      el('th', {scope: 'row', text: a.agentId}), el('td', {className: 'replies', text: String(a.repliesSent)}),
      el('td', {text: counts(a.bySource)}), el('td', {text: String(a.firstResponses)}),
      el('td', {text: duration(a.medianFirstResponseSeconds)}), el('td', {text: duration(a.p90FirstResponseSeconds)}),
      el('td', {text: percent(a.shareWithin24h)}), el('td', {className: 'blocked', text: String(a.blockedBeforeSend)}),
      el('td', {className: 'used', text: String(a.suggestionsUsed)}), el('td', {className: 'edited', text: String(a.suggestionsEdited)}),
      outcomeCells('refunds', outcomes(a.actions, ['REFUND'])),
      outcomeCells('cancellations', outcomes(a.actions, ['CANCELLATION', 'MCF_CANCELLATION']))))));
}

function acceptanceRow(line, label) {
  return el('tr', {dataset: {key: line.key}},
    el('th', {scope: 'row'}, label, line.fixTemplate ? el('span', {className: 'badge fix-template', text: 'Fix this template'}) : null),
    el('td', {className: 'shown', text: String(line.shown)}), el('td', {className: 'used', text: String(line.used)}),
    el('td', {className: 'edited', text: String(line.edited)}), el('td', {text: String(line.ignored)}),
    el('td', {text: percent(line.acceptedShare)}), el('td', {text: percent(line.editedShare)}));
}

async function loadAcceptance() {
  const panel = clear($('team-suggestions'));
  const r = await api('GET', '/metrics/suggestions');
  if (!r.ok) {
    showProblem($('team-problem'), r.problem);
    return;
  }
  const head = ['', 'Shown', 'Sent as suggested', 'Sent edited', 'Ignored', 'Accepted', 'Edited'];
  const o = r.data.overall;
  panel.append(el('p', {id: 'team-suggestions-overall'}, o.shown + ' suggestions shown, ' + o.used + ' sent as suggested, '
    + o.edited + ' sent edited, ' + o.ignored + ' ignored.'));
  const names = new Map(((await macroNames()) || []).map((m) => [m.id, m.name]));
  panel.append(table('team-by-macro', 'By macro', head, r.data.byMacro.map((l) => acceptanceRow(l, names.get(l.key) || l.key))));
  panel.append(table('team-by-intent', 'By intent', head, r.data.byIntent.map((l) => acceptanceRow(l, humanize(l.key)))));
  const fix = r.data.byMacro.filter((l) => l.fixTemplate);
  if (fix.length) {
    panel.append(el('p', {className: 'notice', id: 'team-fix-templates'}, 'Agents keep editing ',
      fix.map((l) => names.get(l.key) || l.key).join(', '), ': change the template text so it fits as it is.'));
  }
}

async function macroNames() {
  const r = await api('GET', '/macros');
  return r.ok ? r.data.items : null;
}

export const teamScreen = {
  view: 'team',
  match: (hash) => (hash === '#/team' ? {} : null),
  enter: async () => {
    const lead = isLead();
    $('team-leads-only').hidden = lead;
    $('team-body').hidden = !lead;
    showProblem($('team-problem'), null);
    if (!lead) return;
    await Promise.all([loadAgents(), loadAcceptance()]);
  }
};
