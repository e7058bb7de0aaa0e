/*
 * A lead's screen (#/settings): response-time metrics, the SLA policy, reply settings with the seller's own macros,
 * and tag rules, over GET/PUT /sla-policy, /reply-settings, /tag-rules and GET /metrics/sla (functions/api/openapi.yaml).
 * Leads only: an agent sees that the screen is for leads and nothing is asked of the API. Each form sends the whole
 * document back (the API replaces it), keeping the members this screen does not edit.
 */
import {$, el, clear, humanize} from './dom.js';
import {api} from './api.js';
import {showProblem} from './problems.js';
import {isLead} from './session.js';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const loaded = {policy: null, replySettings: null, rules: []};

export function duration(seconds) {
  if (seconds === undefined || seconds === null) return '—';
  if (seconds < 60) return seconds + ' s';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return minutes + ' min';
  const h = Math.floor(minutes / 60);
  return h + ' h' + (minutes % 60 ? ' ' + (minutes % 60) + ' min' : '');
}

function share(stats) {
  return typeof stats.shareWithin24h === 'number' ? Math.round(stats.shareWithin24h * 1000) / 10 + ' %' : '—';
}

function statsRow(label, s) {
  return el('tr', {dataset: {key: label}}, el('th', {scope: 'row', text: label}), el('td', {text: String(s.messages)}),
    el('td', {text: String(s.answered)}), el('td', {text: share(s)}), el('td', {text: duration(s.averageFirstResponseSeconds)}),
    el('td', {text: duration(s.p90FirstResponseSeconds)}), el('td', {text: String(s.breaches)}), el('td', {text: String(s.pending)}));
}

function statsTable(id, caption, rows) {
  return el('table', {className: 'metrics', id},
    el('caption', {text: caption}),
    el('thead', null, el('tr', null, ['', 'Messages', 'Answered', 'Within 24 h', 'Average first reply', '90 % within',
      'Breaches', 'Waiting'].map((h) => el('th', {scope: 'col', text: h})))),
    el('tbody', null, rows));
}

async function loadMetrics() {
  const panel = clear($('metrics-panel'));
  const result = await api('GET', '/metrics/sla');
  if (!result.ok) {
    showProblem($('metrics-problem'), result.problem);
    return;
  }
  showProblem($('metrics-problem'), null);
  const m = result.data;
  panel.append(el('p', {id: 'metrics-overall'},
    el('strong', {text: share(m.overall)}), ' of ' + m.overall.messages + ' buyer messages answered within 24 hours; ',
    'average first reply ' + duration(m.overall.averageFirstResponseSeconds) + ', ' + m.overall.breaches
    + (m.overall.breaches === 1 ? ' breach' : ' breaches') + ', ' + m.overall.pending + ' waiting.'));
  const channels = Object.entries(m.byChannel || {});
  const agents = Object.entries(m.byAgent || {});
  if (channels.length) panel.append(statsTable('metrics-channels', 'By channel', channels.map(([k, s]) => statsRow(humanize(k), s))));
  if (agents.length) panel.append(statsTable('metrics-agents', 'By agent', agents.map(([k, s]) => statsRow(k, s))));
}

function hoursText(businessHours) {
  return DAYS.filter((d) => (businessHours || {})[d] && businessHours[d].length)
    .map((d) => d + ' ' + businessHours[d].map((h) => h.opens + '-' + h.closes).join(', ')).join('\n');
}

/** The business hours typed one day a line, or a problem naming the line that is not "mon 09:00-17:00[, …]". */
function parseHours(text) {
  const hours = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const m = line.match(/^([a-z]{3})\s+(.+)$/i);
    const day = m && m[1].toLowerCase();
    if (!m || !DAYS.includes(day)) return {problem: 'Start each line with a day (mon … sun): "' + line + '"'};
    hours[day] = [];
    for (const range of m[2].split(',')) {
      const r = range.trim().match(/^(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})$/);
      if (!r) return {problem: 'Write opening hours as 09:00-17:00: "' + line + '"'};
      hours[day].push({opens: r[1], closes: r[2]});
    }
  }
  return {hours};
}

function fillPolicy(data) {
  loaded.policy = data.policy;
  $('sla-default').hidden = !data.default;
  $('sla-zone').value = data.policy.timeZone || '';
  $('sla-inside').value = data.policy.targetInsideMinutes || '';
  $('sla-outside').value = data.policy.targetOutsideMinutes || '';
  $('sla-hours').value = hoursText(data.policy.businessHours);
  $('sla-holidays').value = (data.policy.holidays || []).join(', ');
}

async function savePolicy(e) {
  e.preventDefault();
  const parsed = parseHours($('sla-hours').value);
  if (parsed.problem) {
    showProblem($('sla-problem'), {title: 'Business hours not understood', detail: parsed.problem, field: 'businessHours'});
    return;
  }
  const policy = Object.assign({}, loaded.policy, {timeZone: $('sla-zone').value.trim(), businessHours: parsed.hours,
    holidays: $('sla-holidays').value.split(',').map((d) => d.trim()).filter(Boolean)});
  for (const [key, field] of [['targetInsideMinutes', 'sla-inside'], ['targetOutsideMinutes', 'sla-outside']]) {
    if ($(field).value.trim()) policy[key] = Number($(field).value);
    else delete policy[key];
  }
  await save('/sla-policy', policy, 'sla', fillPolicy);
}

function renderOwnMacros() {
  const list = clear($('rs-macros'));
  const macros = (loaded.replySettings && loaded.replySettings.macros) || [];
  if (!macros.length) list.append(el('li', {className: 'muted', text: 'No macros of your own yet (the built-ins are always there).'}));
  macros.forEach((m, index) => list.append(el('li', {dataset: {macroId: m.id}},
    el('strong', {text: m.name}), ' ', el('span', {className: 'muted', text: Object.keys(m.bodies || {}).join(', ')}), ' ',
    el('button', {type: 'button', className: 'link-button', text: 'Remove', 'aria-label': 'Remove macro ' + m.name,
      onclick: () => { loaded.replySettings.macros.splice(index, 1); renderOwnMacros(); }}))));
}

function fillReplySettings(data) {
  loaded.replySettings = Object.assign({macros: []}, data.replySettings);
  $('rs-shop').value = loaded.replySettings.shopName || '';
  $('rs-language').value = loaded.replySettings.defaultLanguage || 'en';
  $('rs-carrier-links').checked = !!loaded.replySettings.carrierLinks;
  $('rs-auto-replies').checked = !!loaded.replySettings.autoReplies;
  renderOwnMacros();
}

function addMacro() {
  const name = $('rs-macro-name').value.trim();
  const body = $('rs-macro-body').value;
  if (!name || !body.trim()) {
    showProblem($('rs-problem'), {title: 'Name and text needed', detail: 'Give the macro a name and a text.', field: 'macro'});
    return;
  }
  const id = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64) || 'macro';
  const macros = loaded.replySettings.macros || (loaded.replySettings.macros = []);
  const existing = macros.find((m) => m.id === id);
  if (existing) existing.bodies[$('rs-macro-language').value] = body;
  else macros.push({id, name, bodies: {[$('rs-macro-language').value]: body}});
  showProblem($('rs-problem'), null);
  $('rs-macro-name').value = '';
  $('rs-macro-body').value = '';
  $('rs-status').textContent = 'Macro added: save to keep it.';
  renderOwnMacros();
}

async function saveReplySettings(e) {
  e.preventDefault();
  const settings = Object.assign({}, loaded.replySettings, {defaultLanguage: $('rs-language').value,
    carrierLinks: $('rs-carrier-links').checked, autoReplies: $('rs-auto-replies').checked});
  const shop = $('rs-shop').value.trim();
  if (shop) settings.shopName = shop;
  else delete settings.shopName;
  await save('/reply-settings', settings, 'rs', fillReplySettings);
}

function renderRules() {
  const list = clear($('tr-list'));
  if (!loaded.rules.length) list.append(el('li', {className: 'muted', text: 'No tag rules of your own yet.'}));
  loaded.rules.forEach((r, index) => list.append(el('li', {dataset: {rule: r.name}},
    el('strong', {text: r.name}), ': ', humanize(r.kind) + ' ', el('code', {text: r.pattern}), ' → ', el('span', {className: 'badge', text: r.tag}), ' ',
    el('button', {type: 'button', className: 'link-button', text: 'Remove', 'aria-label': 'Remove rule ' + r.name,
      onclick: () => { loaded.rules.splice(index, 1); renderRules(); }}))));
}

function fillRules(data) {
  loaded.rules = ((data.tagRules && data.tagRules.rules) || []).slice();
  renderRules();
}

function addRule() {
  const rule = {name: $('tr-name').value.trim(), kind: $('tr-kind').value, pattern: $('tr-pattern').value.trim(), tag: $('tr-tag').value.trim()};
  if (!rule.name || !rule.pattern || !rule.tag) {
    showProblem($('tr-problem'), {title: 'Name, pattern and tag needed', detail: 'Fill in all three to add a rule.', field: 'rule'});
    return;
  }
  loaded.rules.push(rule);
  showProblem($('tr-problem'), null);
  for (const f of ['tr-name', 'tr-pattern', 'tr-tag']) $(f).value = '';
  $('tr-status').textContent = 'Rule added: save to keep it.';
  renderRules();
}

async function saveRules(e) {
  e.preventDefault();
  await save('/tag-rules', {rules: loaded.rules}, 'tr', fillRules);
}

/** PUTs a settings document; the answer (the stored document) fills the form again. */
async function save(path, body, prefix, fill) {
  const button = $(prefix + '-save');
  button.disabled = true;
  $(prefix + '-status').textContent = 'Saving…';
  const result = await api('PUT', path, {body});
  button.disabled = false;
  if (!result.ok) {
    $(prefix + '-status').textContent = '';
    showProblem($(prefix + '-problem'), result.problem);
    return;
  }
  showProblem($(prefix + '-problem'), null);
  fill(result.data);
  $(prefix + '-status').textContent = 'Saved.';
}

async function load(path, prefix, fill) {
  const result = await api('GET', path);
  if (!result.ok) {
    showProblem($(prefix + '-problem'), result.problem);
    return;
  }
  showProblem($(prefix + '-problem'), null);
  fill(result.data);
}

export const settingsScreen = {
  view: 'settings',
  match: (hash) => (hash === '#/settings' ? {} : null),
  enter: async () => {
    const lead = isLead();
    $('settings-leads-only').hidden = lead;
    $('settings-body').hidden = !lead;
    if (!lead) return;
    for (const prefix of ['sla', 'rs', 'tr']) $(prefix + '-status').textContent = '';
    await Promise.all([loadMetrics(), load('/sla-policy', 'sla', fillPolicy), load('/reply-settings', 'rs', fillReplySettings),
      load('/tag-rules', 'tr', fillRules)]);
  }
};

export function wireSettings() {
  $('sla-form').addEventListener('submit', savePolicy);
  $('reply-settings-form').addEventListener('submit', saveReplySettings);
  $('rs-macro-add').addEventListener('click', addMacro);
  $('tag-rules-form').addEventListener('submit', saveRules);
  $('tr-add').addEventListener('click', addRule);
}
