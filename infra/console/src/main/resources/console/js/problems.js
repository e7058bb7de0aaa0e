/*
 * Problems (RFC 9457) on screen: title, detail and what the agent needs to quote (field, status, request id), and the
 * "not available yet" state for routes the API does not serve.
 */
import {$, el, clear} from './dom.js';

let sessionEnded = () => {};

/** What "Sign in again" does (set once by the app: sign out and show the sign-in screen). */
export function onSessionEnded(handler) {
  sessionEnded = handler;
}

const TYPE_PREFIX = 'urn:deskbridge:problem:';
const SIGN_IN = {title: 'Your sign-in does not allow this', text: 'Sign in again; ask your lead if this needs the lead role.'};

/**
 * What agents read for each of the API's problem types (functions/api/openapi.yaml): a sentence of ours, or the API's
 * own detail where that detail is written for agents ({detail: true}). Internal errors get a reference to quote,
 * never the API's text; unknown client errors show the API's title and detail, unknown server errors neither.
 */
const FOR_AGENTS = {
  'ticket-not-found': {title: 'Ticket not found', text: 'This ticket does not exist for your seller account.'},
  'action-not-found': {title: 'Refund or cancellation not found', text: 'Reload the ticket to see its refunds and cancellations.'},
  'macro-not-found': {title: 'Macro not found', text: 'The macro was removed; choose another one.'},
  'macro-values-missing': {title: 'The macro needs data this ticket does not have', detail: true},
  'no-order-context': {title: 'The order details are not loaded yet', text: 'Try again in a minute, or use Refresh tracking.'},
  'reply-not-compliant': {title: 'The reply breaks Amazon\'s messaging rules', detail: true},
  'reply-collision': {title: 'Another agent is replying to this ticket', detail: true},
  'reply-channel-not-supported': {title: 'Replies on this channel cannot be sent from Deskbridge', detail: true},
  'reply-channel-not-configured': {title: 'Replies on this channel are not set up for this seller', detail: true},
  'amazon-account-not-connected': {title: 'The seller\'s Amazon account is not connected',
    text: 'Refunds and cancellations need the Amazon account connected to Deskbridge; ask your lead.'},
  'upstream-unavailable': {title: 'Amazon or the carrier did not answer in time', text: 'Nothing was changed. Try again in a minute.'},
  'idempotency-key-reused': {title: 'This request was already sent with other values', text: 'Close the dialog and start again.'},
  'action-unreadable': {title: 'The request does not fit the order', detail: true},
  'invalid-parameter': {title: 'Please check your input', detail: true},
  'malformed-body': {title: 'The console sent a request the API could not read', text: 'Reload the page and try again.'},
  'body-too-large': {title: 'The text is too long', text: 'Shorten it and try again.'},
  'no-seller': SIGN_IN, 'no-agent': SIGN_IN, 'invalid-roles': SIGN_IN, 'forbidden': SIGN_IN, 'not-an-access-token': SIGN_IN,
  'internal-error': {title: 'Something went wrong on our side',
    text: 'Nothing you entered is lost. Try again; if it keeps happening, give your lead the reference below.', reference: true}
};

/** The problem as agents see it: {title, detail, field, reference}; raw API text only where it is meant for agents. */
export function forAgents(problem) {
  const slug = typeof problem.type === 'string' && problem.type.startsWith(TYPE_PREFIX) ? problem.type.slice(TYPE_PREFIX.length) : null;
  const known = slug ? FOR_AGENTS[slug] : null;
  if (known) {
    return {title: known.title, detail: known.detail ? problem.detail : known.text,
      field: known.detail ? problem.field : undefined, reference: known.reference ? problem.requestId : undefined};
  }
  if (problem.status >= 500 || (slug === null && problem.type)) {
    return {title: 'Something went wrong on our side', reference: problem.requestId,
      detail: 'Nothing you entered is lost. Try again in a minute; if it keeps happening, tell your lead.'};
  }
  // the console's own problems, the gateway's answers, network errors and the API's other client errors
  return {title: problem.title, detail: problem.detail, field: problem.field};
}

export function problemNode(problem) {
  const shown = forAgents(problem);
  const meta = [];
  if (shown.field) meta.push('field: ' + shown.field);
  if (shown.reference) meta.push('reference ' + shown.reference);
  return [
    el('div', {className: 'problem-title', text: shown.title || 'Something went wrong'}),
    shown.detail ? el('div', {className: 'problem-detail', text: shown.detail}) : null,
    meta.length ? el('div', {className: 'problem-meta', text: meta.join(' · ')}) : null
  ];
}

/** Shows the problem in {@code container}, or hides the container when there is none. */
export function showProblem(container, problem) {
  clear(container);
  if (!problem) {
    container.hidden = true;
    return;
  }
  container.append(...problemNode(problem).filter(Boolean));
  container.dataset.problemType = problem.type || '';
  container.hidden = false;
  if (problem.status === 401) offerSignIn();
}

export function unavailableNode(what, route) {
  return el('div', {className: 'unavailable', 'data-unavailable': route, role: 'note'},
    el('strong', {text: what + ': not available yet. '}),
    'The API does not serve ', el('code', {text: route}), ' yet.');
}

function offerSignIn() {
  const banner = $('global-problem');
  clear(banner);
  banner.append(el('div', {className: 'problem-title', text: 'Your session has ended.'}),
    el('button', {type: 'button', onclick: () => { sessionEnded(); }, text: 'Sign in again'}));
  banner.hidden = false;
}
