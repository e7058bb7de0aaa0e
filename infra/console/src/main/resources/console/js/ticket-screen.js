/*
 * The ticket screen: the ticket view, its reply box and its refund/cancellation dialog together.
 */
import {$} from './dom.js';
import {loadTicket} from './ticket.js';
import {loadMacros, resetReply} from './reply.js';
import {startPresence, stopPresence} from './collab.js';
import {loadReviewRequest, loadSuggestions} from './assistant.js';
import {state} from './state.js';

export const ticketScreen = {
  view: 'ticket',
  match: (hash) => {
    const m = hash.match(/^#\/tickets\/([^/]+)$/);
    return m ? {id: decodeURIComponent(m[1])} : null;
  },
  enter: async (params) => {
    if (!state.ticket || state.ticket.id !== params.id) {
      resetReply();
      $('ticket-action-status').hidden = true;
    }
    const [found] = await Promise.all([loadTicket(params.id), loadMacros()]);
    if (found) {
      startPresence(params.id);
      await Promise.all([loadSuggestions(params.id), loadReviewRequest(state.ticket)]);
    } else {
      stopPresence();
    }
  },
  leave: stopPresence
};
