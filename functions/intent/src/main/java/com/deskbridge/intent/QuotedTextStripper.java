package com.deskbridge.intent;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Separates what the buyer wrote in this message from what it carries along, line by line and without regular
 * expressions on buyer text, in the eight marketplace languages:
 * <ul>
 *   <li>Amazon's relay frame: the text between "----- Begin message -----" and "----- End message -----" (and their
 *       translations: "Beginn der Nachricht", "Début du message", "Messaggio:", "Mensaje:", "Bericht:", …) is the
 *       message; the end marker and the "For Your Information …" footer after it are dropped;</li>
 *   <li>quoted history: lines starting with "&gt;", and everything from a reply header on — a line ending in ":" that
 *       names the writer ("On … wrote:", "Am … schrieb …:", "Le … a écrit :", "Il … ha scritto:", "El … escribió:",
 *       "Op … schreef …:", "W dniu … napisał(a):", "Den … skrev …:", also when the header wraps onto a second
 *       line), a dashed separator such as "-----Original Message-----", "Ursprüngliche Nachricht", "Forwarded
 *       message", "Weitergeleitete Nachricht", and a mail client's "From:/Von:/De:/Da:/Van:/Od:/Från:" block followed
 *       within three lines by a "Sent:/Date:/Subject:"-like header;</li>
 *   <li>a signature from "-- " on, and "Sent from my …" lines.</li>
 * </ul>
 * What the buyer wrote is {@link Parts#own()}; the quoted or forwarded text is {@link Parts#carried()}, which the
 * classifier reads only when the buyer's own text just points at it ("see below", a forwarded carrier notice).
 * Stateless and thread-safe.
 */
public final class QuotedTextStripper {
    /** What the buyer wrote, and what the message carries along (quoted history, forwarded blocks). */
    public record Parts(String own, String carried) {
    }

    private static final List<String> ATTRIBUTION_VERBS = List.of("wrote", "schrieb", "geschrieben", "a ecrit",
            "ha scritto", "escribio", "schreef", "geschreven", "napisal", "skrev");
    private static final List<String> HISTORY_SEPARATORS = List.of("original message", "original-nachricht",
            "ursprungliche nachricht", "message d'origine", "message d’origine", "message original",
            "messaggio originale", "mensaje original", "oorspronkelijk bericht", "origineel bericht",
            "oryginalna wiadomosc", "ursprungligt meddelande", "forwarded message", "weitergeleitete nachricht",
            "message transfere", "messaggio inoltrato", "mensaje reenviado", "doorgestuurd bericht",
            "wiadomosc przekazana", "przekazana wiadomosc", "vidarebefordrat meddelande");
    private static final List<String> END_MARKS = List.of("end message", "end of message", "ende der nachricht",
            "fin du message", "fine messaggio", "fine del messaggio", "fin del mensaje", "einde bericht",
            "koniec wiadomosci", "slut pa meddelandet", "meddelandet slut");
    private static final List<String> HEADER_FROM = List.of("from:", "von:", "de :", "de:", "da:", "van:", "od:",
            "fran:");
    private static final List<String> HEADER_NEXT = List.of("sent:", "date:", "subject:", "to:", "gesendet:",
            "datum:", "betreff:", "an:", "envoye :", "envoye:", "objet :", "objet:", "a :", "inviato:", "oggetto:",
            "data:", "enviado:", "asunto:", "fecha:", "para:", "verzonden:", "onderwerp:", "aan:", "wyslano:",
            "temat:", "do:", "skickat:", "amne:", "till:");
    private static final List<String> SENT_FROM = List.of("sent from my ", "von meinem ", "envoye de mon ",
            "inviato da ", "enviado desde mi ", "verzonden vanaf mijn ", "verstuurd vanaf mijn ", "wyslane z ",
            "wyslano z mojego ", "skickat fran min ", "get outlook for");
    private static final List<String> FOOTERS = List.of("for your information:", "zu ihrer information:",
            "pour votre information", "per tua informazione", "para tu informacion", "ter informatie:",
            "dla twojej informacji", "for din information");

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\n|\r");

    private QuotedTextStripper() {
    }

    /** The text before any recognised quoted history or signature; {@code ""} for {@code null}. */
    public static String strip(String text) {
        return split(text).own();
    }

    /** The buyer's own text and the carried-along text. */
    public static Parts split(String text) {
        if (text == null || text.isEmpty()) {
            return new Parts("", "");
        }
        String[] lines = LINE_BREAK.split(text, -1);
        String[] folded = new String[lines.length];
        for (int i = 0; i < lines.length; i++) {
            folded[i] = TextNormalizer.fold(lines[i]).strip();
        }
        StringBuilder own = new StringBuilder(text.length());
        StringBuilder carried = new StringBuilder();
        boolean history = false;
        for (int i = 0; i < lines.length; i++) {
            String line = folded[i];
            if (isDashed(line)) {
                String inner = dashedText(line);
                if (containsAny(inner, END_MARKS)) {
                    break;
                }
                if (containsAny(inner, HISTORY_SEPARATORS) || (inner.isEmpty() && line.length() == 2)
                        || (inner.endsWith(":") && containsAny(inner, ATTRIBUTION_VERBS))) {
                    history = true;
                }
                continue;
            }
            if (startsWithAny(line, FOOTERS)) {
                break;
            }
            if (!history && startsHistory(folded, i)) {
                history = true;
            }
            if (startsWithAny(line, SENT_FROM)) {
                continue;
            }
            if (history || line.startsWith(">")) {
                carried.append(unquote(lines[i])).append('\n');
            } else {
                own.append(lines[i]).append('\n');
            }
        }
        return new Parts(own.toString(), carried.toString());
    }

    private static String unquote(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == '>' || line.charAt(i) == ' ')) {
            i++;
        }
        return line.substring(i);
    }

    /** "-----…-----", "__________", "-- " and "---" lines. */
    private static boolean isDashed(String line) {
        if (line.length() < 2) {
            return false;
        }
        char c = line.charAt(0);
        return (c == '-' || c == '_') && line.charAt(1) == c;
    }

    private static String dashedText(String line) {
        int start = 0;
        int end = line.length();
        while (start < end && (line.charAt(start) == '-' || line.charAt(start) == '_' || line.charAt(start) == ' ')) {
            start++;
        }
        while (end > start && (line.charAt(end - 1) == '-' || line.charAt(end - 1) == '_'
                || line.charAt(end - 1) == ' ')) {
            end--;
        }
        return line.substring(start, end);
    }

    private static boolean startsHistory(String[] folded, int i) {
        String line = folded[i];
        if (line.endsWith(":") && line.length() < 200 && containsAny(line, ATTRIBUTION_VERBS)) {
            return true;
        }
        String next = i + 1 < folded.length ? folded[i + 1] : "";
        if (next.endsWith(":") && next.length() < 80 && line.length() < 200 && !line.endsWith(".")
                && containsAny(next, ATTRIBUTION_VERBS) && !containsAny(line, ATTRIBUTION_VERBS)) {
            return isAttributionStart(line);
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

    /** A line that can open a two-line reply header ("On Tue, 4 Nov 2025, Shop &lt;a@b.c&gt;" + "wrote:"). */
    private static boolean isAttributionStart(String line) {
        return startsWithAny(line, List.of("on ", "am ", "le ", "il ", "el ", "op ", "w dniu ", "dnia ", "den "));
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
