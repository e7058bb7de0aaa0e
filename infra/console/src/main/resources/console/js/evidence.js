/*
 * The evidence view: the ticket's append-only, hash-chained log and the chain's verification.
 */
import {$, el, clear, humanize, timeElement} from './dom.js';
import {api, enc, isUnavailable} from './api.js';
import {showProblem, unavailableNode} from './problems.js';

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

export const evidenceScreen = {
  view: 'evidence',
  match: (hash) => {
    const m = hash.match(/^#\/tickets\/([^/]+)\/evidence$/);
    return m ? {id: decodeURIComponent(m[1])} : null;
  },
  enter: (params) => loadEvidence(params.id)
};
