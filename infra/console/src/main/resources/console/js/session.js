/*
 * Session: a demo token from the local runner's emulated issuer, kept for this browser tab only.
 */
import {$} from './dom.js';
import {request} from './api.js';
import {showProblem} from './problems.js';
import {state} from './state.js';

const STORAGE_KEY = 'deskbridge.session';
let changed = () => {};

/** The saved session of this tab, unless it has expired. */
export function loadSession() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) || 'null');
    if (saved && saved.token && saved.expiresAt > Date.now()) return saved;
  } catch (e) { /* a corrupt entry is the same as none */ }
  return null;
}

export function isLead() {
  return !!state.session && state.session.role === 'lead';
}

async function signIn(event) {
  event.preventDefault();
  const agent = $('sign-in-agent').value.trim();
  const seller = $('sign-in-seller').value.trim();
  const role = $('sign-in-role').value;
  const missing = !agent ? 'sign-in-agent' : !seller ? 'sign-in-seller' : null;
  if (missing) {
    showProblem($('sign-in-problem'), {title: 'Missing input', detail: 'Agent id and seller id are required.', field: missing === 'sign-in-agent' ? 'agent' : 'seller'});
    $(missing).focus();
    return;
  }
  $('sign-in-submit').disabled = true;
  const roles = role === 'lead' ? ['agent', 'lead'] : ['agent'];
  const result = await request('POST', state.config.tokenEndpoint, {
    auth: false,
    body: {sub: agent, claims: {seller_id: seller, roles}, ttlSeconds: 8 * 3600}
  });
  $('sign-in-submit').disabled = false;
  if (!result.ok || !result.data || !result.data.access_token) {
    showProblem($('sign-in-problem'), result.problem || {title: 'No token in the answer'});
    return;
  }
  showProblem($('sign-in-problem'), null);
  state.session = {
    token: result.data.access_token,
    agent, seller, role,
    expiresAt: Date.now() + (result.data.expires_in || 3600) * 1000
  };
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(state.session));
  if (!location.hash || location.hash === '#/sign-in') location.hash = '#/inbox'; // the console opens on the inbox
  else changed();
}

export function signOut() {
  sessionStorage.removeItem(STORAGE_KEY);
  state.session = null;
  state.queue = {items: [], nextCursor: null, filters: {}};
  $('global-problem').hidden = true;
  location.hash = '#/sign-in';
  changed();
}

/** Wires the sign-in form and the sign-out button; {@code onChange} shows the screen for the new session. */
export function wireSession(onChange) {
  changed = onChange;
  $('sign-in-form').addEventListener('submit', signIn);
  $('sign-out').addEventListener('click', signOut);
}
