package com.deskbridge.intent;

/**
 * A lexicon cue found in a message, for explaining a classification in the helpdesk UI.
 *
 * @param field       "subject" or "body"
 * @param cue         the lexicon pattern, as written ("where is my order", "beschädig*", "where is _ order")
 * @param matchedText the normalised tokens it matched ("wo ist mein paket")
 * @param language    the lexicon the cue belongs to
 * @param intent      the intent it counted towards, or {@code null} when it counted towards none (a negated
 *                    "damaged", or a neutral phrase such as "noise cancelling")
 * @param weight      what it added to that intent's score (0 when {@code intent} is null)
 * @param negated     whether a negator preceded it in the same clause
 */
public record MatchedCue(String field, String cue, String matchedText, Language language, Intent intent,
                         double weight, boolean negated) {
}
