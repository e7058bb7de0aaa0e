/*
 * The helpdesk API client. Every call resolves to {ok, status, data, problem, headers}; nothing throws to the caller.
 * Every failure is an RFC 9457 problem (the API's own, API Gateway's {"message"} answers, or a network error made
 * into one) with at least a title.
 */
import {state} from './state.js';

export const NO_SUCH_ROUTE = 'urn:deskbridge:problem:no-such-route';

export const enc = encodeURIComponent;

/** A problem object for any failed response or network error, with at least a title. */
export function normaliseProblem(status, body, contentType) {
  if (body && typeof body === 'object' && (contentType || '').includes('problem+json')) {
    return Object.assign({status}, body, {title: body.title || 'HTTP ' + status});
  }
  if (body && typeof body === 'object' && typeof body.message === 'string') {
    // API Gateway's own answers: {"message":"Not Found"}, {"message":"Unauthorized"}.
    return {status, title: body.message, detail: gatewayDetail(status), gateway: true};
  }
  // Anything else (an HTML error page, a proxy's text) is never shown: it may hold internals.
  return {status, title: status >= 500 ? 'Something went wrong on our side' : 'The request was refused'};
}

function gatewayDetail(status) {
  if (status === 401) return 'The API did not accept the token. Sign in again.';
  if (status === 403) return 'The token is not allowed to do this.';
  if (status === 404) return 'The API has no such route.';
  if (status === 429) return 'Too many requests; try again shortly.';
  return undefined;
}

/** True when the API (handler or gateway) does not serve the route at all: the feature is not available yet. */
export function isUnavailable(problem) {
  return !!problem && problem.status === 404 && (problem.type === NO_SUCH_ROUTE || problem.gateway === true);
}

export async function request(method, url, options) {
  const opts = options || {};
  const headers = Object.assign({Accept: 'application/json, application/problem+json'}, opts.headers || {});
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (opts.auth !== false && state.session) headers.Authorization = 'Bearer ' + state.session.token;
  let response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      mode: 'cors',
      credentials: 'omit',
      cache: 'no-store'
    });
  } catch (err) {
    return {ok: false, status: 0, problem: {
      title: 'The API cannot be reached',
      detail: 'No answer from ' + url.split('?')[0] + ' (is the local runner running and does it allow this origin?). ' + err.message
    }};
  }
  const contentType = response.headers.get('content-type') || '';
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch (e) { data = text; }
  }
  if (response.ok) return {ok: true, status: response.status, data, headers: response.headers};
  return {ok: false, status: response.status, data, problem: normaliseProblem(response.status, data, contentType)};
}

/** A call to the helpdesk API with the agent's token: {@code path} starts with a slash. */
export function api(method, path, options) {
  return request(method, state.config.apiBaseUrl + path, options);
}

/** A fresh Idempotency-Key: one per reply text, one per refund or cancellation dialog. */
export function newIdempotencyKey() {
  if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
