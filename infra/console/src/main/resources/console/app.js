/*
 * Deskbridge agent console: plain JavaScript, no build step, no framework, no external resources.
 * It runs on its own origin and calls the helpdesk API cross-origin with the agent's bearer token, exactly as a
 * deployed helpdesk UI does. Every error is an RFC 9457 problem and is shown (title, detail, field), never a blank
 * screen; routes the API does not serve yet answer 404 "no-such-route" and are shown as "not available yet".
 */
'use strict';

(function () {
  const NO_SUCH_ROUTE = 'urn:deskbridge:problem:no-such-route';
  const AMAZON_DEADLINE_MS = 24 * 60 * 60 * 1000;
  const COMPLIANCE_DEBOUNCE_MS = 350;
  const ACTION_POLL_FIRST_MS = 1000;  // Amazon confirms in seconds to minutes: poll soon, then back off
  const ACTION_POLL_MAX_MS = 5000;
  const ACTION_POLL_FOR_MS = 5 * 60 * 1000; // then the ticket shows the outcome when the agent comes back
  const TERMINAL_ACTION_STATES = ['completed', 'failed'];

  const state = {
    config: null,
    session: null,          // {token, agent, seller, role, expiresAt}
    queue: {items: [], nextCursor: null, filters: {}},
    ticket: null,
    macros: null,
    complianceSeq: 0,
    complianceTimer: null,
    lastFindings: [],
    replyDraft: null,       // {text, key}: the Idempotency-Key of the reply being sent
    dialog: null            // {kind, idempotencyKey, actionId, sending, pollTimer, pollDelay, pollUntil}
  };

  const $ = (id) => document.getElementById(id);

  // ---------------------------------------------------------------------------------------------------------
  // DOM helpers: text always goes through textContent, never innerHTML, so buyer text cannot inject markup.

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    if (attrs) {
      for (const [name, value] of Object.entries(attrs)) {
        if (value === undefined || value === null || value === false) continue;
        if (name === 'className') node.className = value;
        else if (name === 'text') node.textContent = value;
        else if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
        else if (name === 'dataset') Object.assign(node.dataset, value);
        else node.setAttribute(name, value === true ? '' : String(value));
      }
    }
    for (const child of children.flat()) {
      if (child === undefined || child === null || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  function humanize(value) {
    if (!value) return '';
    const s = String(value).replace(/[_-]+/g, ' ').toLowerCase();
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  function formatInstant(iso) {
    if (!iso) return '—';
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return String(iso);
    return d.toLocaleString(undefined, {dateStyle: 'medium', timeStyle: 'short'});
  }

  function timeElement(iso) {
    return el('time', {datetime: iso || undefined, text: formatInstant(iso)});
  }

  function facts(pairs) {
    const dl = el('dl', {className: 'facts'});
    for (const [label, value] of pairs) {
      if (value === undefined || value === null || value === '') continue;
      dl.append(el('dt', {text: label}), el('dd', null, value));
    }
    return dl;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Problems (RFC 9457) and the "not available yet" state.

  /** A problem object for any failed response or network error, with at least a title. */
  function normaliseProblem(status, body, contentType) {
    if (body && typeof body === 'object' && (contentType || '').includes('problem+json')) {
      return Object.assign({status}, body, {title: body.title || 'HTTP ' + status});
    }
    if (body && typeof body === 'object' && typeof body.message === 'string') {
      // API Gateway's own answers: {"message":"Not Found"}, {"message":"Unauthorized"}.
      return {status, title: body.message, detail: gatewayDetail(status), gateway: true};
    }
    return {status, title: 'HTTP ' + status, detail: typeof body === 'string' && body ? body.slice(0, 300) : undefined};
  }

  function gatewayDetail(status) {
    if (status === 401) return 'The API did not accept the token. Sign in again.';
    if (status === 403) return 'The token is not allowed to do this.';
    if (status === 404) return 'The API has no such route.';
    if (status === 429) return 'Too many requests; try again shortly.';
    return undefined;
  }

  /** True when the API (handler or gateway) does not serve the route at all: the feature is not available yet. */
  function isUnavailable(problem) {
    return !!problem && problem.status === 404 && (problem.type === NO_SUCH_ROUTE || problem.gateway === true);
  }

  function problemNode(problem) {
    const meta = [];
    if (problem.field) meta.push('field: ' + problem.field);
    if (problem.status) meta.push('status ' + problem.status);
    if (problem.requestId) meta.push('request ' + problem.requestId);
    return [
      el('div', {className: 'problem-title', text: problem.title || 'Something went wrong'}),
      problem.detail ? el('div', {className: 'problem-detail', text: problem.detail}) : null,
      meta.length ? el('div', {className: 'problem-meta', text: meta.join(' · ')}) : null
    ];
  }

  function showProblem(container, problem) {
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

  function unavailableNode(what, route) {
    return el('div', {className: 'unavailable', 'data-unavailable': route, role: 'note'},
      el('strong', {text: what + ': not available yet. '}),
      'The API does not serve ', el('code', {text: route}), ' yet.');
  }

  function offerSignIn() {
    const banner = $('global-problem');
    clear(banner);
    banner.append(el('div', {className: 'problem-title', text: 'Your session has ended.'}),
      el('button', {type: 'button', onclick: () => { signOut(); }, text: 'Sign in again'}));
    banner.hidden = false;
  }

  // ---------------------------------------------------------------------------------------------------------
  // HTTP: every call resolves to {ok, status, data, problem, headers}; nothing throws to the caller.

  async function request(method, url, options) {
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

  function api(method, path, options) {
    return request(method, state.config.apiBaseUrl + path, options);
  }

  const enc = encodeURIComponent;

  // ---------------------------------------------------------------------------------------------------------
  // Session: a demo token from the local runner's emulated issuer, kept for this browser tab only.

  function loadSession() {
    try {
      const saved = JSON.parse(sessionStorage.getItem('deskbridge.session') || 'null');
      if (saved && saved.token && saved.expiresAt > Date.now()) return saved;
    } catch (e) { /* a corrupt entry is the same as none */ }
    return null;
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
    sessionStorage.setItem('deskbridge.session', JSON.stringify(state.session));
    if (!location.hash || location.hash === '#/sign-in') location.hash = '#/queue';
    else route();
  }

  function signOut() {
    sessionStorage.removeItem('deskbridge.session');
    state.session = null;
    state.queue = {items: [], nextCursor: null, filters: {}};
    $('global-problem').hidden = true;
    location.hash = '#/sign-in';
    route();
  }

  // ---------------------------------------------------------------------------------------------------------
  // SLA countdowns: to dueAt, or to the Amazon 24 h deadline from awaitingReplySince when the API has no dueAt.

  function dueOf(ticket) {
    if (ticket.dueAt) return {at: Date.parse(ticket.dueAt), source: 'SLA target'};
    if (ticket.awaitingReplySince) {
      return {at: Date.parse(ticket.awaitingReplySince) + AMAZON_DEADLINE_MS, source: 'Amazon 24 h'};
    }
    return null;
  }

  function formatRemaining(ms) {
    const overdue = ms < 0;
    let s = Math.floor(Math.abs(ms) / 1000);
    const d = Math.floor(s / 86400); s -= d * 86400;
    const h = Math.floor(s / 3600); s -= h * 3600;
    const m = Math.floor(s / 60); s -= m * 60;
    const pad = (n) => String(n).padStart(2, '0');
    const body = d > 0 ? `${d}d ${h}h ${pad(m)}m ${pad(s)}s` : h > 0 ? `${h}h ${pad(m)}m ${pad(s)}s` : `${m}m ${pad(s)}s`;
    return overdue ? 'overdue ' + body : body;
  }

  function countdown(ticket) {
    const due = dueOf(ticket);
    if (!due || Number.isNaN(due.at)) return el('span', {className: 'countdown none', text: '—'});
    const node = el('span', {className: 'countdown', dataset: {due: String(due.at)}, title: 'Due ' + new Date(due.at).toISOString()});
    updateCountdown(node, Date.now());
    return el('span', null, node, el('span', {className: 'due-source', text: due.source}));
  }

  function updateCountdown(node, now) {
    const remaining = Number(node.dataset.due) - now;
    node.textContent = formatRemaining(remaining);
    const overdue = remaining < 0;
    node.classList.toggle('overdue', overdue);
    node.setAttribute('aria-label', (overdue ? 'Overdue by ' : 'Due in ') + formatRemaining(Math.abs(remaining)));
    const row = node.closest('tr');
    if (row) row.classList.toggle('overdue', overdue);
  }

  function tickCountdowns() {
    const now = Date.now();
    document.querySelectorAll('.countdown[data-due]').forEach((node) => updateCountdown(node, now));
  }

  // ---------------------------------------------------------------------------------------------------------
  // Queue

  function readFilters() {
    const form = $('queue-filters');
    const filters = {};
    for (const field of form.elements) {
      if (!field.name || !field.value) continue;
      filters[field.name] = field.name === 'dueBefore' ? new Date(field.value).toISOString() : field.value.trim();
    }
    return filters;
  }

  async function loadQueue(append) {
    const filters = append ? state.queue.filters : readFilters();
    const params = new URLSearchParams(filters);
    params.set('limit', '25');
    if (append && state.queue.nextCursor) params.set('cursor', state.queue.nextCursor);
    $('queue-status').textContent = 'Loading…';
    $('queue-more').disabled = true;
    const result = await api('GET', '/tickets?' + params.toString());
    $('queue-more').disabled = false;
    if (!result.ok) {
      $('queue-status').textContent = '';
      showProblem($('queue-problem'), result.problem);
      if (!append) clear($('queue-rows'));
      return;
    }
    showProblem($('queue-problem'), null);
    const items = (result.data && result.data.items) || [];
    state.queue = {
      filters,
      nextCursor: result.data.nextCursor || null,
      items: append ? state.queue.items.concat(items) : items
    };
    renderQueue();
  }

  function sortByDue(items) {
    // Stable: the API already orders by SLA due; tickets without a due time keep their place at the end.
    return items.map((item, index) => ({item, index, due: dueOf(item)}))
      .sort((a, b) => {
        const da = a.due ? a.due.at : Infinity;
        const db = b.due ? b.due.at : Infinity;
        return da === db ? a.index - b.index : da - db;
      })
      .map((x) => x.item);
  }

  function renderQueue() {
    const rows = clear($('queue-rows'));
    const items = sortByDue(state.queue.items);
    for (const t of items) {
      const open = () => { location.hash = '#/tickets/' + enc(t.id); };
      const row = el('tr', {dataset: {ticketId: t.id}, onclick: open},
        el('td', null, countdown(t)),
        el('td', {className: 'subject'},
          el('a', {href: '#/tickets/' + enc(t.id), text: t.subject || '(no subject)'}),
          t.buyer ? el('div', {className: 'muted', text: t.buyer}) : null),
        el('td', {text: t.channel || ''}),
        el('td', {text: humanize(t.intent)}),
        el('td', {className: 'tags'}, (t.tags || []).map((tag) => el('span', {className: 'badge', text: tag}))),
        el('td', null, t.priority ? el('span', {className: 'badge ' + t.priority, text: t.priority}) : ''),
        el('td', {text: t.assignee || '—'}),
        el('td', {className: 'nowrap', text: t.orderId || '—'}));
      rows.append(row);
    }
    const n = items.length;
    $('queue-status').textContent = n === 0 ? 'No tickets match.' : n + (n === 1 ? ' ticket' : ' tickets') + (state.queue.nextCursor ? ', more available' : '');
    $('queue-more').hidden = !state.queue.nextCursor;
    tickCountdowns(); // rows are attached now: mark the overdue ones at once, not at the next tick
  }

  // ---------------------------------------------------------------------------------------------------------
  // Ticket view

  async function loadTicket(id) {
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
    document.querySelectorAll('#view-ticket .toolbar button, #reply-send, #tag-add').forEach((b) => { b.disabled = !enabled; });
  }

  function renderTicket() {
    const t = state.ticket;
    setTicketButtonsEnabled(true);
    $('ticket-title').textContent = t.subject || '(no subject)';
    const meta = clear($('ticket-meta'));
    meta.append(
      el('span', {className: 'badge status-' + t.status, id: 'ticket-status', text: humanize(t.status)}), ' ',
      t.priority ? el('span', {className: 'badge ' + t.priority, text: t.priority}) : '', ' ',
      humanize(t.intent), ' · ', t.channel || '', t.marketplaceId ? ' (' + t.marketplaceId + ')' : '',
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
        ['Order', o.orderId], ['Status', humanize(o.status)], ['Fulfilment', o.fulfilmentChannel],
        ['Purchased', timeElement(o.purchaseDate)], ['Deliver by', o.latestDeliveryDate ? timeElement(o.latestDeliveryDate) : null]
      ]));
      if ((o.items || []).length) {
        panel.append(el('ul', {className: 'plain', id: 'order-items'}, o.items.map((i) => el('li', null,
          (i.quantity || i.quantityOrdered || 1) + ' × ' + (i.title || i.sellerSku || i.asin || i.orderItemId || 'item'),
          i.orderItemId ? el('span', {className: 'muted', text: ' (' + i.orderItemId + ')'}) : null))));
      }
    } else if (t.orderId) {
      panel.append(facts([['Order', t.orderId]]),
        el('p', {className: 'muted', id: 'order-missing', text: 'Order details are not in this ticket (yet).'}));
    } else {
      panel.append(el('p', {className: 'muted', text: 'No order is linked to this ticket.'}));
    }
  }

  function renderTracking(t) {
    const panel = clear($('tracking-panel'));
    if (t.enrichment && t.enrichment.state) {
      panel.append(el('div', {className: 'notice', id: 'enrichment-state'},
        el('strong', {text: humanize(t.enrichment.state)}), t.enrichment.detail ? ': ' + t.enrichment.detail : ''));
    }
    const shipments = t.shipments || [];
    if (shipments.length === 0) {
      panel.append(el('p', {className: 'muted', text: 'No tracking information.'}));
      return;
    }
    for (const s of shipments) {
      panel.append(el('div', {className: 'shipment'},
        facts([
          ['Carrier', s.carrier],
          ['Tracking', s.trackingLink && /^https:\/\//.test(s.trackingLink)
            ? el('a', {href: s.trackingLink, target: '_blank', rel: 'noopener noreferrer', text: s.trackingNumber || s.trackingLink})
            : s.trackingNumber],
          ['Status', el('span', {className: 'badge ' + (s.status || '').toLowerCase(), text: humanize(s.status)})],
          ['Estimated', s.estimatedDelivery ? timeElement(s.estimatedDelivery) : null],
          ['Last seen', s.lastLocation]
        ]),
        (s.flags || []).length ? el('p', null, s.flags.map((f) => el('span', {className: 'badge flag-' + String(f).toLowerCase(), text: humanize(f)}))) : null,
        (s.events || []).length ? el('ol', {className: 'events'}, s.events.map((e) => el('li', null,
          timeElement(e.at || e.time || e.timestamp), ' ', humanize(e.status), e.location ? ' · ' + e.location : '',
          e.description ? ' · ' + e.description : ''))) : null));
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
        humanize(a.type), ' ', el('span', {className: 'badge ' + a.state, text: a.state}),
        a.requestedAt ? el('span', {className: 'muted'}, ' ', timeElement(a.requestedAt)) : null,
        a.error || a.failureReason || a.reason
          ? el('div', {className: 'muted', text: a.error || a.failureReason || a.reason}) : null));
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
      state.ticket = Object.assign({}, t, result.data);
      renderTicket();
    } else {
      await loadTicket(t.id);
    }
  }

  function changeTags(add, remove) {
    return ticketCommand($('tag-add'), 'Tags', 'POST', '/tags', {add, remove});
  }

  // ---------------------------------------------------------------------------------------------------------
  // Reply: macros, live compliance preview, send.

  async function loadMacros() {
    const select = $('macro-select');
    clear(select);
    clear($('macro-language'));
    showProblem($('macro-problem'), null);
    const result = state.macros ? {ok: true, data: state.macros} : await api('GET', '/macros');
    if (!result.ok) {
      select.append(el('option', {value: '', text: isUnavailable(result.problem) ? 'Macros not available yet' : 'Macros could not be loaded'}));
      select.disabled = true;
      $('macro-insert').disabled = true;
      if (isUnavailable(result.problem)) {
        const box = $('macro-problem');
        clear(box).append(unavailableNode('Macros', 'GET /macros'));
        box.className = '';
        box.hidden = false;
      } else {
        $('macro-problem').className = 'problem';
        showProblem($('macro-problem'), result.problem);
      }
      return;
    }
    state.macros = result.data;
    select.disabled = false;
    $('macro-insert').disabled = false;
    select.append(el('option', {value: '', text: 'Choose a macro…'}));
    for (const m of (result.data.items || [])) select.append(el('option', {value: m.id, text: m.name || m.id}));
    fillLanguages();
  }

  function fillLanguages() {
    const languages = clear($('macro-language'));
    const macro = ((state.macros && state.macros.items) || []).find((m) => m.id === $('macro-select').value);
    for (const lang of (macro ? macro.languages || [] : [])) languages.append(el('option', {value: lang, text: lang}));
  }

  async function insertMacro() {
    const macroId = $('macro-select').value;
    if (!macroId || !state.ticket) return;
    const box = $('macro-problem');
    box.className = 'problem';
    const result = await api('POST', '/tickets/' + enc(state.ticket.id) + '/macros/' + enc(macroId) + '/render',
      {body: {language: $('macro-language').value || undefined}});
    if (!result.ok) {
      const p = result.problem;
      if (p.status === 422 && Array.isArray(p.missing)) {
        showProblem(box, Object.assign({}, p, {detail: (p.detail ? p.detail.replace(/\.?\s*$/, '. ') : '') + 'Missing: ' + p.missing.join(', ')}));
      } else {
        showProblem(box, p);
      }
      return;
    }
    showProblem(box, null);
    $('reply-text').value = result.data.text || '';
    onReplyInput();
  }

  function onReplyInput() {
    renderPreview($('reply-text').value, []);
    clearTimeout(state.complianceTimer);
    state.complianceTimer = setTimeout(checkCompliance, COMPLIANCE_DEBOUNCE_MS);
  }

  async function checkCompliance() {
    const text = $('reply-text').value;
    const seq = ++state.complianceSeq;
    const status = $('compliance-status');
    if (!text.trim()) {
      status.textContent = '';
      renderFindings(text, []);
      return;
    }
    status.textContent = 'Checking Amazon messaging rules…';
    const result = await api('POST', '/compliance/check', {body: {text}});
    if (seq !== state.complianceSeq) return; // a newer check is under way
    if (!result.ok) {
      renderFindings(text, []);
      if (isUnavailable(result.problem)) {
        status.textContent = '';
        clear(status).append(unavailableNode('Compliance check', 'POST /compliance/check'));
      } else {
        clear(status).append(el('div', {className: 'problem'}, ...problemNode(result.problem).filter(Boolean)));
      }
      status.dataset.state = isUnavailable(result.problem) ? 'unavailable' : 'error';
      return;
    }
    const findings = (result.data && result.data.findings) || [];
    status.dataset.state = findings.length ? 'findings' : 'clean';
    status.textContent = findings.length
      ? findings.length + (findings.length === 1 ? ' problem' : ' problems') + ' with Amazon\'s messaging rules'
        + (result.data.blocked ? ': this text cannot be sent.' : '.')
      : 'No problems found with Amazon\'s messaging rules.';
    renderFindings(text, findings);
  }

  /** The preview: the reply text with every finding's [start, end) range marked. */
  function renderPreview(text, findings) {
    const preview = clear($('reply-preview'));
    const ranges = findings
      .filter((f) => Number.isInteger(f.start) && Number.isInteger(f.end) && f.start >= 0 && f.end <= text.length && f.start < f.end)
      .sort((a, b) => a.start - b.start);
    let pos = 0;
    ranges.forEach((f) => {
      if (f.start < pos) return; // overlapping findings: the first one is marked, all are listed
      preview.append(document.createTextNode(text.slice(pos, f.start)));
      preview.append(el('mark', {dataset: {ruleId: f.ruleId || ''}, title: f.message || f.ruleId, text: text.slice(f.start, f.end)}));
      pos = f.end;
    });
    preview.append(document.createTextNode(text.slice(pos)));
  }

  function renderFindings(text, findings) {
    state.lastFindings = findings;
    renderPreview(text, findings);
    const list = clear($('findings'));
    for (const f of findings) {
      list.append(el('li', {dataset: {ruleId: f.ruleId || ''}},
        el('span', {className: 'rule', text: f.ruleId || 'rule'}), ' ',
        f.severity ? el('span', {className: 'badge severity-' + String(f.severity).toLowerCase(), text: humanize(f.severity)}) : null, ' ',
        f.excerpt ? el('q', {text: f.excerpt}) : null, ' ', f.message || '',
        f.suggestion ? el('div', {className: 'muted'}, 'Instead: ', el('span', {className: 'suggestion', text: f.suggestion})) : null));
    }
  }

  async function sendReply() {
    const t = state.ticket;
    const text = $('reply-text').value;
    if (!t) return;
    if (!text.trim()) {
      showProblem($('reply-problem'), {title: 'Empty reply', detail: 'Write a message first.', field: 'text'});
      return;
    }
    // One Idempotency-Key per reply text: a double click or a retry after a lost answer sends the same key, so the
    // buyer gets the reply once; an edited text is a new reply with a new key.
    if (!state.replyDraft || state.replyDraft.text !== text) state.replyDraft = {text, key: newIdempotencyKey()};
    const button = $('reply-send');
    if (button.dataset.sending === 'true') return;
    button.dataset.sending = 'true';
    button.disabled = true;
    const result = await api('POST', '/tickets/' + enc(t.id) + '/replies',
      {body: {text}, headers: {'Idempotency-Key': state.replyDraft.key}});
    button.dataset.sending = 'false';
    button.disabled = false;
    if (!result.ok) {
      const p = result.problem;
      if (isUnavailable(p)) {
        clear($('reply-problem')).append(unavailableNode('Sending replies', 'POST /tickets/{id}/replies'));
        $('reply-problem').hidden = false;
        return;
      }
      if (p.status === 422 && Array.isArray(p.findings)) renderFindings(text, p.findings);
      showProblem($('reply-problem'), p);
      return;
    }
    showProblem($('reply-problem'), null);
    state.replyDraft = null;
    const reply = (result.data && result.data.reply) || {};
    $('reply-text').value = '';
    renderFindings('', []);
    const status = $('compliance-status');
    status.dataset.state = 'sent';
    status.textContent = reply.duplicate ? 'This reply had already been recorded; it is sent once.'
      : 'Reply recorded' + (reply.sendStatus ? ': ' + reply.sendStatus : '') + '.';
    if (result.data && result.data.ticket && result.data.ticket.id === t.id) {
      state.ticket = result.data.ticket;
      renderTicket();
    } else {
      await loadTicket(t.id);
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Refund / cancellation dialog: input, confirmation, then the action's state, polled until it is final.

  function newIdempotencyKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  function openActionDialog(kind) {
    const t = state.ticket;
    if (!t) return;
    stopPolling();
    state.dialog = {kind, idempotencyKey: newIdempotencyKey(), actionId: null, sending: false};
    $('action-dialog').dataset.idempotencyKey = state.dialog.idempotencyKey;
    $('action-dialog-title').textContent = kind === 'refund' ? 'Refund order ' + t.orderId : 'Cancel order ' + t.orderId;
    $('refund-fields').hidden = kind !== 'refund';
    $('cancel-fields').hidden = kind !== 'cancellation';
    const items = clear($('refund-item'));
    for (const i of ((t.order && t.order.items) || [])) {
      items.append(el('option', {value: i.orderItemId, text: (i.title || i.sellerSku || i.orderItemId)}));
    }
    showActionStep('input');
    showProblem($('action-problem'), null);
    $('action-dialog').showModal();
  }

  function showActionStep(step) {
    $('action-step-input').hidden = step !== 'input';
    $('action-step-confirm').hidden = step !== 'confirm';
    $('action-step-state').hidden = step !== 'state';
    $('action-review').hidden = step !== 'input';
    $('action-confirm').hidden = step !== 'confirm';
    $('action-back').hidden = step !== 'confirm';
    $('action-dialog').dataset.step = step;
  }

  function actionBody() {
    const t = state.ticket;
    if (state.dialog.kind === 'cancellation') return {orderId: t.orderId, reason: $('cancel-reason').value};
    const reason = $('refund-reason').value;
    if (document.querySelector('input[name=refund-kind]:checked').value === 'full') {
      return {orderId: t.orderId, full: true, reason};
    }
    return {orderId: t.orderId, full: false, reason, lines: [{
      orderItemId: $('refund-item').value || null,
      quantity: Number($('refund-quantity').value) || null,
      // the contract's component names; no currency means the order's (the API defaults it)
      components: [{component: 'PRINCIPAL', amount: $('refund-amount').value.trim(),
        currency: $('refund-currency').value.trim().toUpperCase() || undefined}]
    }]};
  }

  function reviewAction() {
    const body = actionBody();
    let summary;
    if (state.dialog.kind === 'cancellation') {
      summary = 'Cancel order ' + body.orderId + ' (reason ' + body.reason + ')?';
    } else if (body.full) {
      summary = 'Refund everything still refundable on order ' + body.orderId + ' (reason ' + body.reason + ')?';
    } else {
      const line = body.lines[0];
      const c = line.components[0];
      if (!/^\d+(\.\d{1,2})?$/.test(c.amount) || Number(c.amount) <= 0) {
        showProblem($('action-problem'), {title: 'Invalid amount', detail: 'Enter a positive amount like 12.50.', field: 'amount'});
        $('refund-amount').focus();
        return;
      }
      summary = 'Refund ' + c.currency + ' ' + c.amount + ' for ' + (line.quantity || 1) + ' × item ' + (line.orderItemId || '?')
        + ' on order ' + body.orderId + ' (reason ' + body.reason + ')?';
    }
    showProblem($('action-problem'), null);
    $('action-summary').textContent = summary;
    showActionStep('confirm');
    $('action-confirm').focus();
  }

  async function confirmAction() {
    const d = state.dialog;
    if (!d || d.sending) return; // a double click sends once; a retry after an error reuses the same key
    d.sending = true;
    $('action-confirm').disabled = true;
    const path = d.kind === 'refund' ? '/refunds' : '/cancellation';
    const result = await api('POST', '/tickets/' + enc(state.ticket.id) + path,
      {body: actionBody(), headers: {'Idempotency-Key': d.idempotencyKey}});
    d.sending = false;
    $('action-confirm').disabled = false;
    if (!result.ok) {
      if (isUnavailable(result.problem)) {
        clear($('action-problem')).append(unavailableNode(d.kind === 'refund' ? 'Refunds' : 'Cancellations', 'POST /tickets/{id}' + path));
        $('action-problem').hidden = false;
      } else {
        showProblem($('action-problem'), result.problem);
      }
      return;
    }
    showProblem($('action-problem'), null);
    const action = (result.data && (result.data.action || result.data)) || {};
    d.actionId = action.actionId || action.id || null;
    showActionStep('state');
    showActionState(action);
    d.pollDelay = ACTION_POLL_FIRST_MS;
    d.pollUntil = Date.now() + ACTION_POLL_FOR_MS;
    if (d.actionId && !TERMINAL_ACTION_STATES.includes(action.state)) schedulePoll();
  }

  function showActionState(action) {
    const badge = $('action-state');
    badge.textContent = action.state || 'requested';
    badge.className = 'badge ' + (action.state || 'requested');
    const detail = action.error || action.failureReason || action.amazonReason || action.detail
      || (action.confirmation ? 'Amazon confirmation ' + action.confirmation : '')
      || (TERMINAL_ACTION_STATES.includes(action.state) ? '' : 'Waiting for Amazon…');
    $('action-state-detail').textContent = detail;
  }

  function schedulePoll() {
    const d = state.dialog;
    d.pollTimer = setTimeout(async () => {
      const result = await api('GET', '/tickets/' + enc(state.ticket.id) + '/actions/' + enc(d.actionId));
      if (state.dialog !== d) return;
      if (!result.ok) {
        showProblem($('action-problem'), result.problem);
      } else {
        showProblem($('action-problem'), null);
        showActionState(result.data.action || result.data);
        if (TERMINAL_ACTION_STATES.includes((result.data.action || result.data).state)) return;
      }
      d.pollDelay = Math.min(Math.round(d.pollDelay * 1.5), ACTION_POLL_MAX_MS);
      if (Date.now() < d.pollUntil) schedulePoll();
      else $('action-state-detail').textContent = 'Still not final; the ticket shows the outcome when Amazon answers.';
    }, d.pollDelay);
  }

  function stopPolling() {
    if (state.dialog && state.dialog.pollTimer) clearTimeout(state.dialog.pollTimer);
  }

  function closeActionDialog() {
    const hadAction = state.dialog && state.dialog.actionId;
    stopPolling();
    state.dialog = null;
    $('action-dialog').close();
    if (hadAction && state.ticket) loadTicket(state.ticket.id);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Evidence

  async function loadEvidence(id) {
    $('evidence-back').href = '#/tickets/' + enc(id);
    const rows = clear($('evidence-rows'));
    const verification = clear($('evidence-verification'));
    verification.hidden = true;
    const result = await api('GET', '/tickets/' + enc(id) + '/evidence');
    if (!result.ok) {
      if (isUnavailable(result.problem)) {
        const box = $('evidence-problem');
        clear(box).append(unavailableNode('Evidence log', 'GET /tickets/{id}/evidence'));
        box.className = '';
        box.hidden = false;
      } else {
        $('evidence-problem').className = 'problem';
        showProblem($('evidence-problem'), result.problem);
      }
      return;
    }
    $('evidence-problem').className = 'problem';
    showProblem($('evidence-problem'), null);
    const v = result.data.verification || {};
    verification.hidden = false;
    verification.dataset.valid = String(!!v.valid);
    verification.className = v.valid ? 'notice' : 'problem';
    verification.textContent = v.valid
      ? 'Chain verified: every entry\'s hash matches its content and its predecessor.'
      : 'Chain broken at entry ' + v.brokenAt + (v.reason ? ': ' + v.reason : '');
    for (const e of (result.data.entries || [])) {
      rows.append(el('tr', {className: v.valid === false && e.sequence === v.brokenAt ? 'broken' : '', dataset: {sequence: e.sequence}},
        el('td', {text: e.sequence}), el('td', null, timeElement(e.recordedAt)), el('td', {text: humanize(e.kind)}),
        el('td', null, el('pre', {text: JSON.stringify(e.payload, null, 2)})),
        el('td', {className: 'hash', title: 'previous ' + (e.previousHash || '—'), text: (e.hash || '').slice(0, 16) + '…'})));
    }
    if (!(result.data.entries || []).length) rows.append(el('tr', null, el('td', {colspan: 5, className: 'muted', text: 'No entries yet.'})));
  }

  // ---------------------------------------------------------------------------------------------------------
  // Routing: #/sign-in, #/queue, #/tickets/{id}, #/tickets/{id}/evidence

  function show(view) {
    for (const v of document.querySelectorAll('.view')) v.hidden = v.id !== 'view-' + view;
    document.body.dataset.view = view;
  }

  async function route() {
    $('booting').hidden = true;
    if (!state.session) {
      $('who').hidden = true;
      show('sign-in');
      $('sign-in-agent').focus();
      return;
    }
    $('who').hidden = false;
    $('who-text').textContent = state.session.agent + ' · ' + state.session.seller + (state.session.role === 'lead' ? ' · lead' : '');
    const hash = location.hash || '#/queue';
    let m;
    if ((m = hash.match(/^#\/tickets\/([^/]+)\/evidence$/))) {
      show('evidence');
      document.body.dataset.ready = 'false';
      await loadEvidence(decodeURIComponent(m[1]));
    } else if ((m = hash.match(/^#\/tickets\/([^/]+)$/))) {
      show('ticket');
      document.body.dataset.ready = 'false';
      const id = decodeURIComponent(m[1]);
      if (!state.ticket || state.ticket.id !== id) {
        $('reply-text').value = '';
        renderFindings('', []);
        $('compliance-status').textContent = '';
        $('ticket-action-status').hidden = true;
        showProblem($('reply-problem'), null);
      }
      await Promise.all([loadTicket(id), loadMacros()]);
    } else {
      show('queue');
      document.body.dataset.ready = 'false';
      await loadQueue(false);
    }
    document.body.dataset.ready = 'true';
  }

  // ---------------------------------------------------------------------------------------------------------
  // Start

  function wire() {
    $('sign-in-form').addEventListener('submit', signIn);
    $('sign-out').addEventListener('click', signOut);
    $('queue-filters').addEventListener('submit', (e) => { e.preventDefault(); loadQueue(false); });
    $('queue-reload').addEventListener('click', () => loadQueue(false));
    $('queue-more').addEventListener('click', () => loadQueue(true));
    $('btn-assign').addEventListener('click', (e) => ticketCommand(e.currentTarget, 'Assign', 'POST', '/assign', {assignee: state.session.agent}));
    $('btn-no-response').addEventListener('click', (e) => ticketCommand(e.currentTarget, 'No response needed', 'POST', '/no-response-needed'));
    $('btn-close').addEventListener('click', (e) => ticketCommand(e.currentTarget, 'Close', 'POST', '/close'));
    $('btn-refresh-tracking').addEventListener('click', (e) => ticketCommand(e.currentTarget, 'Refresh tracking', 'POST', '/tracking/refresh'));
    $('btn-refund').addEventListener('click', () => openActionDialog('refund'));
    $('btn-cancel').addEventListener('click', () => openActionDialog('cancellation'));
    $('tag-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const tag = $('tag-input').value.trim();
      if (tag) changeTags([tag], []).then(() => { $('tag-input').value = ''; });
    });
    $('macro-select').addEventListener('change', fillLanguages);
    $('macro-insert').addEventListener('click', insertMacro);
    $('reply-text').addEventListener('input', onReplyInput);
    $('reply-send').addEventListener('click', sendReply);
    document.querySelectorAll('input[name=refund-kind]').forEach((r) => r.addEventListener('change', () => {
      $('refund-partial').hidden = document.querySelector('input[name=refund-kind]:checked').value !== 'partial';
    }));
    $('action-review').addEventListener('click', reviewAction);
    $('action-back').addEventListener('click', () => showActionStep('input'));
    $('action-confirm').addEventListener('click', confirmAction);
    $('action-dismiss').addEventListener('click', closeActionDialog);
    $('action-dialog').addEventListener('cancel', (e) => { e.preventDefault(); closeActionDialog(); });
    window.addEventListener('hashchange', route);
    setInterval(tickCountdowns, 1000);
  }

  async function boot() {
    wire();
    const config = await request('GET', 'config.json', {auth: false});
    if (!config.ok) {
      $('booting').hidden = true;
      showProblem($('global-problem'), Object.assign({}, config.problem, {title: 'The console configuration could not be loaded'}));
      return;
    }
    state.config = config.data;
    state.session = loadSession();
    await route();
  }

  boot();
})();
