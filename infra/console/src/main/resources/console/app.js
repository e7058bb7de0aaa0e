/*
 * Deskbridge agent console: plain JavaScript modules, no build step, no framework, no external resources.
 * It runs on its own origin and calls the helpdesk API cross-origin with the agent's bearer token, exactly as a
 * deployed helpdesk UI does. Every error is an RFC 9457 problem, shown as agents read it (problems.js maps each
 * problem type to a sentence; internal errors and raw API text never reach the screen), never a blank screen;
 * routes the API does not serve yet answer 404 "no-such-route" and are shown as "not available yet".
 *
 * One module per screen or concern (js/): api.js (client and problems), problems.js (problems on screen),
 * session.js, sla.js (countdowns), queue.js (queue and search), ticket.js (ticket view), reply.js (reply box),
 * collab.js (notes, customer history, presence), actions.js and action-state.js (refund and cancellation dialog),
 * evidence.js, settings.js (a lead's screen), audits.js (a lead's compliance audits), inbox.js (smart inbox, views,
 * groups), assistant.js (suggested replies, review request), team.js (a lead's agent and suggestion figures), carriers.js
 * (a lead's carrier accounts), router.js.
 * A new screen is a module exporting {view, match, enter, leave?}, a
 * <section id="view-…" class="view"> in index.html and one entry in SCREENS below.
 */
import {$} from './js/dom.js';
import {request} from './js/api.js';
import {onSessionEnded, showProblem} from './js/problems.js';
import {loadSession, signOut, wireSession} from './js/session.js';
import {startCountdowns} from './js/sla.js';
import {queueScreen, wireQueue} from './js/queue.js';
import {wireTicket} from './js/ticket.js';
import {wireReply} from './js/reply.js';
import {wireTranslation} from './js/translation.js';
import {wireActions} from './js/actions.js';
import {wireCollab} from './js/collab.js';
import {ticketScreen} from './js/ticket-screen.js';
import {evidenceScreen} from './js/evidence.js';
import {settingsScreen, wireSettings} from './js/settings.js';
import {auditsScreen, wireAudits} from './js/audits.js';
import {inboxScreen, inboxViewScreen, wireInbox} from './js/inbox.js';
import {wireAssistant} from './js/assistant.js';
import {teamScreen} from './js/team.js';
import {carriersScreen} from './js/carriers.js';
import {route, setScreens} from './js/router.js';
import {state} from './js/state.js';

/** Matched in this order (the queue matches any hash, so it comes last); the console opens on the inbox. */
const SCREENS = [settingsScreen, auditsScreen, carriersScreen, evidenceScreen, ticketScreen, inboxScreen, inboxViewScreen, teamScreen, queueScreen];

function wire() {
  setScreens(SCREENS, queueScreen);
  onSessionEnded(signOut);
  wireSession(route);
  wireQueue();
  wireTicket();
  wireReply();
  wireTranslation();
  wireActions();
  wireCollab();
  wireSettings();
  wireAudits();
  wireInbox();
  wireAssistant();
  window.addEventListener('hashchange', route);
  startCountdowns();
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
