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
            "hej", "hejsan", "god", "dag", "vänliga", "hälsningar", "med", "vänlig", "hälsning", "bästa", "kära", "kund",
            "thanks", "thank", "you", "danke", "merci", "grazie", "gracias", "bedankt", "dank", "dziękuję", "dziękujemy",
            "tack", "groetjes", "pozdrawiamy", "pozdro", "besos", "abrazos", "ciao", "lg", "mfg", "vg", "cordialmente",
            "abbraccio", "hälsar", "mvh",
            // the generic addressee of a greeting ("Dear customer,", "Chère cliente, cher client,", "Dear friend,")
            "customer", "customers", "client", "clients", "friend", "friends", "valued", "sir", "madam", "chers",
            "chères", "clienti", "clientes", "cari", "gentilissimo", "gentilissima", "egregio", "egregia", "stimato",
            "stimata", "estimados", "estimadas", "querido", "querida", "kunde", "kundin", "kunden", "klanten",
            "drogi", "droga", "drodzy", "kliencie", "klientko", "kunder"));
    /**
     * Lower-case words that may join a sign-off to the name of a person or shop ("Gruß, Jens von GrillGut", "Thanks,
     * Dev at HomeBrew Kitchen", "Un saludo, el equipo de Casa Sol").
     */
    private static final Set<String> CONNECTORS = Set.of("von", "vom", "at", "from", "of", "the", "de", "du", "des",
            "di", "del", "della", "da", "van", "het", "från", "och", "and", "und", "et", "e", "y", "en", "el", "la", "le",
            "il", "equipo", "équipe", "zespół", "ekipa");

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
     * one of them a greeting or sign-off word and every other one a capitalised name or a word joining one ("Hallo
     * Anna Müller,", "Mit freundlichen Grüßen", "Kind regards, Megan", "Gruß, Jens von GrillGut"). "Best price in our
     * store" is not one.
     */
    static boolean salutation(String sentence) {
        return kind(sentence, SALUTATION_WORDS) == GREETING;
    }

    /**
     * Whether {@code sentence} is only a name: at most {@value #NAME_WORDS} capitalised words or words joining them,
     * no digit ("Harbour &amp; Pine", "Snoepwinkel Oma's Pot") - the signature under a sign-off.
     */
    static boolean name(String sentence) {
        return kind(sentence, NAME_WORDS) == NAME;
    }

    /** The longest signature name, in words. */
    private static final int NAME_WORDS = 5;
    private static final int OTHER = 0;
    private static final int NAME = 1;
    private static final int GREETING = 2;

    /** GREETING (greeting words and names), NAME (names only) or OTHER, for at most {@code maxWords} words. */
    private static int kind(String sentence, int maxWords) {
        int words = 0;
        boolean greeting = false;
        int n = sentence.length();
        int i = 0;
        while (i < n) {
            while (i < n && !Character.isLetter(sentence.charAt(i))) {
                if (Character.isDigit(sentence.charAt(i))) {
                    return OTHER;
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
            if (++words > maxWords) {
                return OTHER;
            }
            String word = sentence.substring(start, i);
            String lower = word.toLowerCase(Locale.ROOT);
            if (SALUTATION.contains(lower)) {
                greeting = true;
            } else if (!Character.isUpperCase(word.charAt(0)) && !CONNECTORS.contains(lower)) {
                return OTHER;
            }
        }
        return greeting ? GREETING : words > 0 ? NAME : OTHER;
    }
}
