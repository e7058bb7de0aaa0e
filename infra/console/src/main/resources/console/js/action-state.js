/*
 * A refund's or cancellation's state as agents read it. States are the API's ActionState values
 * (functions/api/openapi.yaml), compared case-insensitively.
 */
import {money, sameValue} from './dom.js';

const FINAL_STATES = ['COMPLETED', 'FAILED'];

/** True once Amazon answered for good: nothing more to wait for. */
export function isFinal(actionState) {
  return FINAL_STATES.some((s) => sameValue(s, actionState));
}

/** What the agent reads under the state: Amazon's text when it failed, the amount when it is done, else that we wait. */
export function actionDetail(action) {
  if (sameValue(action.state, 'FAILED')) return 'Amazon refused it' + (action.error ? ': ' + action.error : '.');
  if (sameValue(action.state, 'ATTENTION_REQUIRED')) return 'Amazon\'s answer needs a person: check the order in Seller Central.';
  if (sameValue(action.state, 'COMPLETED')) {
    return 'Amazon confirmed it' + (action.amount ? ': ' + money(action.amount) + (sameValue(action.type, 'REFUND') ? ' refunded.' : '.') : '.');
  }
  return 'Waiting for Amazon…';
}
