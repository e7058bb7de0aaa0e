package com.deskbridge.intent;

import java.util.List;

/**
 * Removes what the buyer did not write in this message, where it is recognisable, line by line and without
 * regular expressions:
 * <ul>
 *   <li>lines starting with "&gt;" (quoted replies);</li>
 *   <li>everything from a reply header on: a line starting "On/Am/Le/Il/El", ending in ":" and containing
 *       "wrote/schrieb/a écrit/ha scritto/escribió" — "On … wrote:", "Am … schrieb Name &lt;mail&gt;:", "Le … a écrit :", "Il … ha
 *       scritto:", "El … escribió:" (also when the header wraps onto a second line), the "Original Message"
 *       separators of common mail clients in the five languages, and an Outlook-style "From:/Von:/De :/Da:" block
 *       followed within three lines by a "Sent:/Date:/Subject:"-like header;</li>
 *   <li>everything from a signature separator ("-- ") on, and "Sent from my …" lines.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class QuotedTextStripper {
    private static final List<String> ATTRIBUTION_STARTS = List.of("on ", "am ", "le ", "il ", "el ");
    private static final List<String> ATTRIBUTION_VERBS = List.of(
            "wrote", "schrieb", "geschrieben", "a ecrit", "ha scritto", "escribio");
    private static final List<String> SEPARATORS = List.of(
            "-----original message", "----- original message", "original message -----",
            "ursprungliche nachricht", "message d'origine", "message d’origine", "messaggio originale",
            "mensaje original", "forwarded message", "weitergeleitete nachricht");
    private static final List<String> HEADER_FROM = List.of("from:", "von:", "de :", "de:", "da:");
    private static final List<String> HEADER_NEXT = List.of(
            "sent:", "date:", "subject:", "to:", "gesendet:", "datum:", "betreff:", "an:", "envoye :", "envoye:",
            "objet :", "objet:", "a :", "inviato:", "oggetto:", "data:", "enviado:", "asunto:", "fecha:", "para:");
    private static final List<String> SENT_FROM = List.of(
            "sent from my ", "von meinem ", "envoye de mon ", "inviato da ", "enviado desde mi ", "get outlook for");

    private static final java.util.regex.Pattern LINE_BREAK = java.util.regex.Pattern.compile("\r\n|\n|\r");

    private QuotedTextStripper() {
    }

    /** The text before any recognised quoted history or signature; {@code ""} for {@code null}. */
    public static String strip(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String[] lines = LINE_BREAK.split(text, -1);
        String[] folded = new String[lines.length];
        for (int i = 0; i < lines.length; i++) {
            folded[i] = TextNormalizer.fold(lines[i]).strip();
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < lines.length; i++) {
            String line = folded[i];
            if (startsHistory(folded, i)) {
                break;
            }
            if (line.startsWith(">") || startsWithAny(line, SENT_FROM)) {
                continue;
            }
            out.append(lines[i]).append('\n');
        }
        return out.toString();
    }

    private static boolean startsHistory(String[] folded, int i) {
        String line = folded[i];
        if (line.equals("--") || line.equals("__") || containsAny(line, SEPARATORS)) {
            return true;
        }
        if (startsWithAny(line, ATTRIBUTION_STARTS)) {
            if (line.endsWith(":") && containsAny(line, ATTRIBUTION_VERBS)) {
                return true;
            }
            String next = i + 1 < folded.length ? folded[i + 1] : "";
            if (next.endsWith(":") && next.length() < 80 && containsAny(line + " " + next, ATTRIBUTION_VERBS)) {
                return true;
            }
        }
        if (startsWithAny(line, HEADER_FROM)) {
            for (int j = i + 1; j < Math.min(folded.length, i + 4); j++) {
                if (startsWithAny(folded[j], HEADER_NEXT)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean startsWithAny(String line, List<String> prefixes) {
        for (String p : prefixes) {
            if (line.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsAny(String line, List<String> parts) {
        for (String p : parts) {
            if (line.contains(p)) {
                return true;
            }
        }
        return false;
    }
}
