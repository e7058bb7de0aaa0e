/*
 * What the console holds between screens. One object, shared by the screen modules; each module owns its part.
 */
export const state = {
  config: null,           // {apiBaseUrl, tokenEndpoint} from config.json
  session: null,          // {token, agent, seller, role, expiresAt}
  queue: {items: [], nextCursor: null, filters: {}},
  ticket: null,
  macros: null,
  complianceSeq: 0,
  complianceTimer: null,
  lastFindings: [],
  replyDraft: null,       // {text, key}: the Idempotency-Key of the reply being sent
  replySuggestion: null,  // {id, macroId}: the suggestion the reply box was filled from ("Edit first")
  dialog: null            // {kind, idempotencyKey, actionId, sending, pollTimer, pollDelay, pollUntil}
};
