/*
 * Hash routing: #/sign-in, then one screen per route (#/queue, #/tickets/{id}, #/tickets/{id}/evidence, ...).
 * A screen is {view, match(hash) -> params or null, enter(params) -> promise, leave()?}; its view is the section
 * with id "view-<view>". The body's data-view and data-ready say which screen shows and whether it has loaded.
 */
import {$} from './dom.js';
import {state} from './state.js';

let screens = [];
let fallback = null;
let current = null;

/** The screens in match order; {@code defaultScreen} shows for any other hash (the queue). */
export function setScreens(list, defaultScreen) {
  screens = list;
  fallback = defaultScreen;
}

function show(view) {
  for (const v of document.querySelectorAll('.view')) v.hidden = v.id !== 'view-' + view;
  document.body.dataset.view = view;
}

export async function route() {
  $('booting').hidden = true;
  if (!state.session) {
    leaveCurrent(null);
    $('who').hidden = true;
    $('nav-settings').hidden = true;
    $('nav-audits').hidden = true;
    $('nav-team').hidden = true;
    $('nav-carriers').hidden = true;
    show('sign-in');
    $('sign-in-agent').focus();
    return;
  }
  $('who').hidden = false;
  $('who-text').textContent = state.session.agent + ' · ' + state.session.seller + (state.session.role === 'lead' ? ' · lead' : '');
  $('nav-settings').hidden = state.session.role !== 'lead'; // the API refuses agents anyway (403)
  $('nav-audits').hidden = state.session.role !== 'lead';
  $('nav-team').hidden = state.session.role !== 'lead';
  $('nav-carriers').hidden = state.session.role !== 'lead';
  const hash = location.hash || '#/inbox';
  let screen = fallback;
  let params = {};
  for (const s of screens) {
    const p = s.match(hash);
    if (p) {
      screen = s;
      params = p;
      break;
    }
  }
  leaveCurrent(screen);
  current = screen;
  show(screen.view);
  document.body.dataset.ready = 'false';
  await screen.enter(params);
  document.body.dataset.ready = 'true';
}

function leaveCurrent(next) {
  if (current && current !== next && current.leave) current.leave();
  if (!next) current = null;
}
