/*
 * A lead's carrier accounts (#/carriers): every carrier with whose account tracks the seller's parcels (the seller's
 * own or the stack's) and its latest check, a form per carrier to connect the seller's own account
 * (PUT /sellers/{id}/carriers/{carrier}: the API tries the credentials with the carrier and stores them write-only) and
 * "Remove" (DELETE: the stack's account is used again). Credentials go from the inputs to the request and nowhere else:
 * the inputs are emptied as the request leaves, and no answer holds one. Leads only.
 */
import {$, el, clear, formatInstant, humanize} from './dom.js';
import {api, enc} from './api.js';
import {showProblem} from './problems.js';
import {isLead} from './session.js';
import {state} from './state.js';

const LABELS = {apiKey: 'API key', clientId: 'Client ID', clientSecret: 'Client secret', delisId: 'DELIS ID', password: 'Password'};

function path(carrier) {
  return '/sellers/' + enc(state.session.seller) + '/carriers' + (carrier ? '/' + enc(carrier) : '');
}

function checkText(check) {
  if (!check) return 'Never connected.';
  const when = formatInstant(check.checkedAt) + (check.checkedBy ? ' by ' + check.checkedBy : '');
  if (check.status === 'verified') return 'Verified ' + when + '.';
  if (check.status === 'removed') return 'Removed ' + when + '.';
  return 'Refused ' + when + (check.reason ? ': ' + check.reason : '.');
}

function say(carrier, text) {
  const status = document.querySelector('#carriers-rows [data-carrier="' + carrier + '"] .carrier-status');
  if (status) status.textContent = text;
}

async function connect(event, item) {
  event.preventDefault();
  const form = event.currentTarget;
  const body = {};
  for (const field of item.fields) {
    const input = form.elements.namedItem(field);
    body[field] = input.value;
    input.value = '';
  }
  form.querySelector('button[type=submit]').disabled = true;
  say(item.carrier, 'Trying the credentials with ' + item.carrier.toUpperCase() + ' …');
  const result = await api('PUT', path(item.carrier), {body});
  if (!result.ok) {
    showProblem($('carriers-problem'), result.problem);
    say(item.carrier, '');
    form.querySelector('button[type=submit]').disabled = false;
    return;
  }
  await load();
  say(item.carrier, result.data.status === 'verified' ? 'Connected: the seller\'s own account tracks its parcels now.'
    : 'The carrier refused them; nothing was stored.');
}

async function remove(item) {
  const result = await api('DELETE', path(item.carrier));
  if (!result.ok) {
    showProblem($('carriers-problem'), result.problem);
    return;
  }
  await load();
  say(item.carrier, 'Removed: the stack\'s account tracks the seller\'s parcels again.');
}

function row(item) {
  const form = el('form', {className: 'carrier-form', autocomplete: 'off', onsubmit: (e) => connect(e, item)},
    item.fields.map((f) => el('label', null, (LABELS[f] || humanize(f)) + ' ',
      el('input', {name: f, type: /secret|password|key/i.test(f) ? 'password' : 'text', required: true, autocomplete: 'off'}))),
    el('button', {type: 'submit', text: item.ownCredentials ? 'Replace' : 'Connect'}));
  return el('tr', {dataset: {carrier: item.carrier, own: String(item.ownCredentials)}},
    el('th', {scope: 'row', text: item.carrier.toUpperCase()}),
    el('td', {className: 'carrier-account', text: item.ownCredentials ? 'Seller\'s own' : 'Stack\'s'}),
    el('td', {className: 'carrier-check', text: checkText(item.lastCheck)}),
    el('td', null, form, item.ownCredentials ? el('button', {type: 'button', className: 'carrier-remove',
      onclick: () => remove(item), text: 'Remove'}) : null, el('div', {className: 'carrier-status', role: 'status'})));
}

async function load() {
  const rows = clear($('carriers-rows'));
  const result = await api('GET', path());
  if (!result.ok) {
    showProblem($('carriers-problem'), result.problem);
    return;
  }
  showProblem($('carriers-problem'), null);
  for (const item of result.data.items) rows.append(row(item));
}

export const carriersScreen = {
  view: 'carriers',
  match: (hash) => (hash === '#/carriers' ? {} : null),
  enter: async () => {
    const lead = isLead();
    $('carriers-leads-only').hidden = lead;
    $('carriers-body').hidden = !lead;
    if (lead) await load();
  }
};
