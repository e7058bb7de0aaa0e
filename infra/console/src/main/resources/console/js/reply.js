/*
 * The reply box: macros, the live compliance preview (findings marked in the text), and sending.
 */
import {$, el, clear, humanize} from './dom.js';
import {api, enc, isUnavailable, newIdempotencyKey} from './api.js';
import {problemNode, showProblem, unavailableNode} from './problems.js';
import {loadTicket, updateTicket} from './ticket.js';
import {doneReplying, markReplying} from './collab.js';
import {state} from './state.js';

const COMPLIANCE_DEBOUNCE_MS = 350;

export async function loadMacros() {
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
  // the buyer's language (their latest message's) is chosen when the macro has a text in it
  const buyer = buyerLanguage();
  if (buyer && [...languages.options].some((o) => o.value === buyer)) languages.value = buyer;
}

/** The language of the ticket's latest buyer message, if intake detected one. */
function buyerLanguage() {
  const messages = (state.ticket && state.ticket.messages) || [];
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i].direction !== 'out' && messages[i].language) return messages[i].language;
  }
  return null;
}

async function insertMacro() {
  const macroId = $('macro-select').value;
  const box = $('macro-problem');
  box.className = 'problem';
  showProblem(box, null); // the last macro's problem is not this one's
  if (!macroId || !state.ticket) return;
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
  state.replySuggestion = null; // a macro the agent picked, not a suggestion
  $('reply-text').value = result.data.text || '';
  onReplyInput();
}

function onReplyInput() {
  markReplying();
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

/** Sends the reply; {@code override}: the agent chose "Send anyway" after a collision warning. */
async function sendReply(override) {
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
  const headers = {'Idempotency-Key': state.replyDraft.key};
  if (override === true) headers['Collision-Override'] = 'true';
  // from a suggestion: the API records it as sent as suggested, or as edited when the text changed
  const body = state.replySuggestion ? {text, suggestionId: state.replySuggestion.id} : {text};
  const result = await api('POST', '/tickets/' + enc(t.id) + '/replies', {body, headers});
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
    if (p.type === 'urn:deskbridge:problem:reply-collision') {
      $('reply-problem').append(el('div', {className: 'form-actions'},
        el('button', {type: 'button', id: 'reply-send-anyway', className: 'danger', onclick: () => sendReply(true), text: 'Send anyway'})));
    }
    return;
  }
  doneReplying();
  showProblem($('reply-problem'), null);
  state.replyDraft = null;
  state.replySuggestion = null;
  const reply = (result.data && result.data.reply) || {};
  $('reply-text').value = '';
  renderFindings('', []);
  const status = $('compliance-status');
  status.dataset.state = 'sent';
  status.textContent = reply.duplicate ? 'This reply had already been recorded; it is sent once.'
    : 'Reply recorded' + (reply.sendStatus ? ': ' + reply.sendStatus : '') + '.';
  if (result.data && result.data.ticket && result.data.ticket.id === t.id) {
    updateTicket(result.data.ticket); // keeps the order and tracking panels the reply's answer does not carry
  } else {
    await loadTicket(t.id);
  }
}

/** An empty reply box for another ticket: no text, findings, status or problem of the last one. */
export function resetReply() {
  state.replySuggestion = null;
  $('reply-text').value = '';
  renderFindings('', []);
  $('compliance-status').textContent = '';
  showProblem($('reply-problem'), null);
  if (!$('macro-problem').querySelector('.unavailable')) showProblem($('macro-problem'), null);
  if ($('macro-select').options.length) $('macro-select').value = '';
}

/** "Edit first": the suggestion's text in the reply box; sent from there it is recorded as the suggestion, edited or not. */
export function useSuggestion(s) {
  state.replySuggestion = {id: s.id, macroId: s.macroId};
  $('reply-text').value = s.text;
  onReplyInput();
  $('reply-text').focus();
}

export function wireReply() {
  $('macro-select').addEventListener('change', () => {
    if (!$('macro-problem').querySelector('.unavailable')) showProblem($('macro-problem'), null); // a new macro: no stale error
    fillLanguages();
  });
  $('macro-insert').addEventListener('click', insertMacro);
  $('reply-text').addEventListener('input', onReplyInput);
  $('reply-send').addEventListener('click', () => sendReply(false));
}
