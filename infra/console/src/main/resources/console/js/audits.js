/*
 * A lead's compliance audits (#/audits, #/audits/{id}): the seller's audits with their compliant share, "run audit
 * now" (POST /audits with a fresh Idempotency-Key, the last full quarter), and one report: its sample by agent and
 * source, every violation with rule, excerpt (from the redacted copy), agent and macro, the templates to fix with the
 * safer alternative, the trend against earlier audits and the CSV download (GET /audits/{id}/csv, with the token).
 * Leads only: an agent sees that the screen is for leads and nothing is asked of the API.
 */
import {$, el, clear, formatInstant} from './dom.js';
import {api, enc, newIdempotencyKey} from './api.js';
import {showProblem} from './problems.js';
import {isLead} from './session.js';

let csvUrl = null;

function percent(share) {
  return typeof share === 'number' ? Math.round(share * 1000) / 10 + ' %' : '—';
}

function leadsOnly() {
  const lead = isLead();
  $('audits-leads-only').hidden = lead;
  $('audits-body').hidden = !lead;
  return lead;
}

async function loadList() {
  const rows = clear($('audits-rows'));
  const result = await api('GET', '/audits');
  if (!result.ok) {
    showProblem($('audits-problem'), result.problem);
    return;
  }
  showProblem($('audits-problem'), null);
  $('audits-empty').hidden = result.data.audits.length > 0;
  for (const a of result.data.audits) {
    rows.append(el('tr', {dataset: {auditId: a.id}},
      el('td', null, el('a', {href: '#/audits/' + enc(a.id), text: a.period})),
      el('td', {text: a.trigger === 'scheduled' ? 'Scheduled' : 'On demand' + (a.requestedBy ? ' (' + a.requestedBy + ')' : '')}),
      el('td', {text: formatInstant(a.createdAt)}),
      el('td', {text: a.sampled + ' of ' + a.population}),
      el('td', {className: 'share', text: percent(a.compliantShare)}),
      el('td', {text: String(a.violations)})));
  }
}

async function runNow(event) {
  event.preventDefault();
  const button = $('audit-run');
  button.disabled = true;
  $('audit-run-status').textContent = 'Running the audit of the last full quarter …';
  const result = await api('POST', '/audits', {headers: {'Idempotency-Key': newIdempotencyKey()}});
  button.disabled = false;
  if (!result.ok) {
    $('audit-run-status').textContent = '';
    showProblem($('audits-problem'), result.problem);
    return;
  }
  $('audit-run-status').textContent = 'Audit of ' + result.data.period + ' done: ' + percent(result.data.compliantShare) + ' compliant.';
  location.hash = '#/audits/' + enc(result.data.id);
}

function strataTable(strata) {
  return el('table', {className: 'metrics', id: 'audit-strata'},
    el('caption', {text: 'Sample by agent and source'}),
    el('thead', null, el('tr', null, ['Agent', 'Source', 'Sent', 'Sampled'].map((h) => el('th', {scope: 'col', text: h})))),
    el('tbody', null, strata.map((s) => el('tr', null, el('td', {text: s.agentId || 'automatic'}), el('td', {text: s.source}),
      el('td', {text: String(s.population)}), el('td', {text: String(s.sampled)})))));
}

function violationsTable(violations) {
  if (!violations.length) return el('p', {id: 'audit-no-violations', text: 'No violations in the sample.'});
  return el('table', {className: 'metrics', id: 'audit-violations'},
    el('caption', {text: 'Violations'}),
    el('thead', null, el('tr', null, ['Rule', 'Excerpt', 'Agent', 'Source', 'Macro', 'Sent', 'Instead'].map((h) => el('th', {scope: 'col', text: h})))),
    el('tbody', null, violations.map((v) => el('tr', {dataset: {rule: v.rule, agent: v.agentId || '', macro: v.macroId || ''}},
      el('td', {text: v.rule}), el('td', {className: 'excerpt', text: v.excerpt}), el('td', {text: v.agentId || 'automatic'}),
      el('td', {text: v.source}), el('td', {text: v.macroId || '—'}), el('td', {text: formatInstant(v.sentAt)}),
      el('td', {text: v.alternative || '—'})))));
}

function templatesList(fixes) {
  if (!fixes.length) return null;
  return el('section', {id: 'audit-templates', 'aria-label': 'Templates to fix'},
    el('h4', {text: 'Fix these templates'}),
    el('ul', null, fixes.map((f) => el('li', {dataset: {macro: f.macroId}},
      el('strong', {text: 'Fix this template: ' + f.macroId}),
      ' (' + f.violations + (f.violations === 1 ? ' violation: ' : ' violations: ') + f.rules.join(', ') + ')',
      f.alternatives.length ? el('div', {className: 'alternative', text: 'Safer: ' + f.alternatives.join(' · ')}) : null))));
}

function trendList(trend, id) {
  return el('section', {id: 'audit-trend', 'aria-label': 'Trend'},
    el('h4', {text: 'Trend'}),
    el('ol', null, trend.map((t) => el('li', {dataset: {auditId: t.auditId}, className: t.auditId === id ? 'current' : ''},
      t.period + ' (' + formatInstant(t.createdAt) + '): ' + percent(t.compliantShare) + ' compliant, '
      + t.violations + (t.violations === 1 ? ' violation' : ' violations')))));
}

async function downloadCsv(id) {
  const result = await api('GET', '/audits/' + enc(id) + '/csv');
  if (!result.ok) {
    showProblem($('audit-problem'), result.problem);
    return;
  }
  const text = typeof result.data === 'string' ? result.data : '';
  if (csvUrl) URL.revokeObjectURL(csvUrl);
  csvUrl = URL.createObjectURL(new Blob([text], {type: 'text/csv'}));
  const link = $('audit-csv-link');
  link.href = csvUrl;
  link.download = 'audit-' + id + '.csv';
  link.dataset.rows = String(Math.max(0, text.split('\r\n').filter((l) => l).length - 1));
  link.hidden = false;
  link.click();
}

async function loadReport(id) {
  const panel = clear($('audit-report'));
  $('audit-csv-link').hidden = true;
  const result = await api('GET', '/audits/' + enc(id));
  if (!result.ok) {
    showProblem($('audit-problem'), result.problem);
    return;
  }
  showProblem($('audit-problem'), null);
  const r = result.data;
  $('audit-title').textContent = 'Audit ' + r.period;
  panel.append(
    el('p', {id: 'audit-summary'}, el('strong', {className: 'share', text: percent(r.compliantShare)}),
      ' of ' + r.sampled + ' sampled replies compliant (' + r.population + ' sent in ' + r.from + ' to ' + r.to + ', exclusive); '
      + r.violations.length + (r.violations.length === 1 ? ' violation.' : ' violations.')),
    el('button', {type: 'button', id: 'audit-csv', onclick: () => downloadCsv(r.id), text: 'Download CSV'}),
    templatesList(r.templatesToFix), violationsTable(r.violations), strataTable(r.strata), trendList(r.trend, r.id));
}

export const auditsScreen = {
  view: 'audits',
  match: (hash) => {
    if (hash === '#/audits') return {};
    const m = hash.match(/^#\/audits\/([a-z0-9]+)$/);
    return m ? {id: m[1]} : null;
  },
  enter: async (params) => {
    if (!leadsOnly()) return;
    $('audit-run-status').textContent = '';
    $('audit-detail').hidden = !params.id;
    $('audits-list').hidden = !!params.id;
    if (params.id) await loadReport(params.id);
    else await loadList();
  }
};

export function wireAudits() {
  $('audit-run').addEventListener('click', runNow);
}
