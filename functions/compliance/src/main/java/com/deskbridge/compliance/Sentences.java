package com.deskbridge.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a reply into sentences with their offsets, without regular expressions: a sentence ends at a line break
 * or at ". ! ? …" followed by white space or the end (so "12.03.2025", "www.shop.de" and "3.5 kg" do not split).
 * Pieces without a letter are dropped. Knows greetings and sign-offs ({@link #salutation}). Stateless.
 */
final class Sentences {
    /** The longest greeting or sign-off, in words. */
    private static final int SALUTATION_WORDS = 8;
    /**
     * The words greetings and sign-offs are made of in the eight languages ("Hello Anna,", "Sehr geehrte Frau
     * Müller,", "Mit freundlichen Grüßen", "Cordiali saluti", "Un cordial saludo", "Met vriendelijke groet",
     * "Z pozdrowieniami", "Vänliga hälsningar"), lower case.
     */
    private static final Set<String> SALUTATION = Set.copyOf(List.of(
            "hello", "hi", "hey", "dear", "good", "morning", "afternoon", "evening", "kind", "best", "warm", "warmest",
            "regards", "wishes", "sincerely", "yours", "greetings", "cheers", "mr", "mrs", "ms", "team",
            "hallo", "guten", "tag", "morgen", "abend", "liebe", "lieber", "sehr", "geehrte", "geehrter", "frau", "herr",
            "mit", "freundlichen", "freundliche", "grüßen", "grüße", "gruß", "viele", "beste", "besten", "herzliche",
            "herzlichen", "ihr", "ihre", "moin", "servus",
            "bonjour", "bonsoir", "cher", "chère", "madame", "monsieur", "cordialement", "bien", "à", "vous",
            "salutations", "sincères", "meilleures", "l'équipe", "équipe",
            "buongiorno", "buonasera", "salve", "gentile", "gentili", "caro", "cara", "cliente", "cordiali", "distinti",
            "saluti", "un", "cordiale", "saluto", "signor", "signora", "sig", "sig.ra",
            "hola", "estimado", "estimada", "buenos", "buenas", "días", "tardes", "cordial", "saludo", "saludos",
            "atentamente", "cordiales", "señor", "señora", "sr", "sra",
            "beste", "geachte", "goedemorgen", "goedemiddag", "goedendag", "met", "vriendelijke", "groet", "groeten",
            "hartelijke", "meneer", "mevrouw", "klant", "heer",
            "dzień", "dobry", "szanowny", "szanowna", "szanowni", "pani", "panie", "pan", "z", "pozdrowieniami",
            "pozdrawiam", "pozdrowienia", "serdecznie", "serdeczne", "wyrazami", "szacunku",
            "hej", "hejsan", "god", "dag", "vänliga", "hälsningar", "med", "vänlig", "hälsning", "bästa", "kära", "kund"));

    /** One sentence: {@code text.substring(start, end)}. */
    record Sentence(int start, int end, String text) {
    }

    private Sentences() {
    }

    static List<Sentence> split(String text) {
        List<Sentence> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean end = c == '\n' || c == '\r'
                    || ((c == '.' || c == '!' || c == '?' || c == '…') && (i + 1 == n || Character.isWhitespace(text.charAt(i + 1))));
            if (end) {
                add(text, start, c == '\n' || c == '\r' ? i : i + 1, out);
                start = i + 1;
            }
        }
        add(text, start, n, out);
        return out;
    }

    private static void add(String text, int start, int end, List<Sentence> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        for (int i = start; i < end; i++) {
            if (Character.isLetter(text.charAt(i))) {
                out.add(new Sentence(start, end, text.substring(start, end)));
                return;
            }
        }
    }

    /**
     * Whether {@code sentence} is only a greeting or a sign-off: at most {@value #SALUTATION_WORDS} words, at least
     * one of them a greeting or sign-off word and every other one a capitalised name ("Hallo Anna Müller,", "Mit
     * freundlichen Grüßen", "Kind regards, Megan"). "Best price in our store" is not one.
     */
    static boolean salutation(String sentence) {
        int words = 0;
        boolean greeting = false;
        int n = sentence.length();
        int i = 0;
        while (i < n) {
            while (i < n && !Character.isLetter(sentence.charAt(i))) {
                if (Character.isDigit(sentence.charAt(i))) {
                    return false;
                }
                i++;
            }
            int start = i;
            while (i < n && (Character.isLetter(sentence.charAt(i)) || sentence.charAt(i) == '\'' || sentence.charAt(i) == '.'
                    && i + 1 < n && Character.isLetter(sentence.charAt(i + 1)))) {
                i++;
            }
            if (start == i) {
                continue;
            }
            if (++words > SALUTATION_WORDS) {
                return false;
            }
            String word = sentence.substring(start, i);
            if (SALUTATION.contains(word.toLowerCase(Locale.ROOT))) {
                greeting = true;
            } else if (!Character.isUpperCase(word.charAt(0))) {
                return false;
            }
        }
        return greeting;
    }
}
