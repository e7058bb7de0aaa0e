/*
 * Languages (issue 15): the buyer's language on each message with a "Translate" button (the message in the agent's
 * language), and "Reply in my language": the agent writes in their language, previews both texts (what they wrote and
 * what the buyer gets, with the compliance check of the text that is sent) and sends. The local Amazon Translate
 * stand-in cannot translate: its answers are shown as "not translated (local stand-in)", never as a translation.
 */
import {$, el, clear} from './dom.js';
import {api, enc, newIdempotencyKey} from './api.js';
import {showProblem} from './problems.js';
import {loadTicket, updateTicket} from './ticket.js';
import {state} from './state.js';

const LANGUAGE_NAMES = {en: 'English', de: 'German', fr: 'French', it: 'Italian', es: 'Spanish', nl: 'Dutch',
  pl: 'Polish', sv: 'Swedish'};

export function languageName(code) {
  return LANGUAGE_NAMES[code] || code;
}

/** The agent's language: the reply box's choice (English unless changed). */
function agentLanguage() {
  return ($('agent-language') && $('agent-language').value) || 'en';
}

/** Why a text is not a translation, in the agent's words. */
function untranslatedLabel(t) {
  if (t.standIn) return 'not translated (local stand-in)';
  return 'not translated' + (t.note ? ': ' + t.note : '');
}

/** The language badge and "Translate" button of a buyer message (nothing for replies). */
export function messageLanguageControls(m) {
  if (m.direction === 'out') return null;
  const out = el('div', {className: 'message-translation-bar'},
    el('span', {className: 'badge message-language', dataset: {language: m.language || ''},
      title: 'The language the buyer wrote in', text: m.language ? languageName(m.language) : 'Language unknown'}),
    el('button', {type: 'button', className: 'message-translate', dataset: {messageId: m.id || ''},
      onclick: (e) => translateMessage(m, e.target.closest('li')), text: 'Translate'}));
  return out;
}

async function translateMessage(m, item) {
  if (!state.ticket || !item) return;
  let box = item.querySelector('.message-translation');
  if (!box) {
    box = el('div', {className: 'message-translation', role: 'status'});
    item.append(box);
  }
  clear(box).append(el('span', {className: 'muted', text: 'Translating…'}));
  const result = await api('GET', '/tickets/' + enc(state.ticket.id) + '/messages/' + enc(m.id) + '/translation?to='
    + enc(agentLanguage()));
  if (!result.ok) {
    clear(box);
    const problem = el('div', {className: 'problem'});
    box.append(problem);
    showProblem(problem, result.problem);
    return;
  }
  const t = result.data.translation || {};
  box.dataset.translated = String(!!t.translated);
  box.dataset.standIn = String(!!t.standIn);
  clear(box).append(
    el('div', {className: 'muted translation-label', text: t.translated
      ? 'In ' + languageName(t.language) + ' (machine translation):' : 'In ' + languageName(t.language) + ': '
        + untranslatedLabel(t) + '. The original:'}),
    el('div', {className: 'message-body translation-text', text: t.text || ''}));
}

function previewBlock(id, title, text, note) {
  return el('div', {className: 'translation-side', id},
    el('h5', {text: title}), el('div', {className: 'message-body', text: text || ''}),
    note ? el('div', {className: 'muted translation-note', text: note}) : null);
}

async function previewTranslated() {
  const t = state.ticket;
  const text = $('reply-text').value;
  const box = $('translation-preview');
  showProblem($('translation-problem'), null);
  if (!t || !text.trim()) {
    showProblem($('translation-problem'), {title: 'Empty reply', detail: 'Write a message first.', field: 'text'});
    return null;
  }
  const macroId = $('macro-select') ? $('macro-select').value || undefined : undefined;
  const result = await api('POST', '/tickets/' + enc(t.id) + '/replies/translation-preview',
    {body: {text, language: agentLanguage(), macroId}});
  if (!result.ok) {
    clear(box).hidden = true;
    showProblem($('translation-problem'), result.problem);
    return null;
  }
  const texts = result.data.texts;
  const compliance = result.data.compliance || {};
  const sentNote = texts.method === 'macro-native' ? 'The macro\'s own ' + languageName(texts.sent.language) + ' text.'
    : texts.translated ? 'Machine translation.' : untranslatedLabel(texts) + ': the buyer gets the text as written.';
  clear(box).append(el('div', {className: 'translation-sides'},
    previewBlock('translation-written', 'You wrote (' + languageName(texts.written.language) + ')', texts.written.text),
    previewBlock('translation-sent', 'The buyer gets (' + languageName(texts.sent.language) + ')', texts.sent.text, sentNote)),
  el('p', {id: 'translation-compliance', dataset: {state: compliance.blocked ? 'blocked' : 'clean'},
    text: compliance.blocked ? 'The text that would be sent breaks Amazon\'s messaging rules: it cannot be sent.'
      : 'The text that would be sent passes Amazon\'s messaging rules.'}));
  box.hidden = false;
  box.dataset.method = texts.method;
  box.dataset.standIn = String(!!texts.standIn);
  state.translatedDraft = {text, language: agentLanguage(), macroId,
    key: state.translatedDraft && state.translatedDraft.text === text ? state.translatedDraft.key : newIdempotencyKey()};
  $('reply-send-translated').disabled = !!compliance.blocked;
  return texts;
}

async function sendTranslated() {
  const t = state.ticket;
  const draft = state.translatedDraft;
  if (!t || !draft || draft.text !== $('reply-text').value) {
    showProblem($('translation-problem'), {title: 'Preview first', detail: 'Preview the translation of this text before sending it.'});
    return;
  }
  const button = $('reply-send-translated');
  button.disabled = true;
  const result = await api('POST', '/tickets/' + enc(t.id) + '/translated-replies',
    {body: {text: draft.text, language: draft.language, macroId: draft.macroId}, headers: {'Idempotency-Key': draft.key}});
  button.disabled = false;
  if (!result.ok) {
    showProblem($('translation-problem'), result.problem);
    return;
  }
  state.translatedDraft = null;
  $('reply-text').value = '';
  clear($('translation-preview')).hidden = true;
  $('translation-status').textContent = 'Reply recorded in ' + languageName(result.data.texts.sent.language) + '.';
  if (result.data.ticket && result.data.ticket.id === t.id) updateTicket(result.data.ticket);
  else await loadTicket(t.id);
}

export function wireTranslation() {
  $('reply-translate-preview').addEventListener('click', previewTranslated);
  $('reply-send-translated').addEventListener('click', sendTranslated);
  $('reply-text').addEventListener('input', () => {
    if (state.translatedDraft && state.translatedDraft.text !== $('reply-text').value) {
      $('reply-send-translated').disabled = true; // the preview no longer shows this text
    }
  });
}
