package com.deskbridge.compliance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Telephone numbers written in words in the eight languages ("zero seven seven zero zero, nine zero zero",
 * "null acht null null", "zéro six, douze, trente-quatre", "tre-tre-tre, uno-due-tre", "nul zes, twaalf,
 * vierendertig", "sześćset jeden, dwieście", "noll sju noll, fyrtiofem"): a run of at least four number words,
 * joined only by spaces, commas and dashes (and "y"/"et" inside a number), that stands for at least seven digits
 * (and at most {@value #MAX_DIGITS}, counting tens as two and hundreds as three).
 * Compound words ("vierundfünfzig", "zesenvijftig", "fyrtiofem", "trentaquattro", "veintitrés") are split into
 * their parts. One pass over the folded text; each word is split by a bounded dynamic programme. Thread-safe.
 */
final class SpelledNumbers {
    private static final int MIN_WORDS = 4;
    private static final int MIN_DIGITS = 7;
    /** Longer runs ("zero zero zero …" for a whole page) are no phone number (digits are over-counted up to 2×). */
    private static final int MAX_DIGITS = 40;
    private static final int MAX_WORD = 30;
    /** Number morpheme → digits it stands for (1 unit, 2 teen or tens, 3 hundreds, 0 joiner inside a word). */
    private static final Map<String, Integer> MORPHEMES = new HashMap<>();

    static {
        put(1, "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", // en
                "null", "eins", "zwei", "zwo", "drei", "vier", "funf", "sechs", "sieben", "acht", "neun", // de
                "un", "deux", "trois", "quatre", "cinq", "sept", "huit", "neuf", // fr
                "uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove", // it
                "cero", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", // es
                "nul", "een", "twee", "drie", "vijf", "zes", "zeven", "negen", // nl
                "jeden", "jedna", "dwa", "trzy", "cztery", "piec", "szesc", "siedem", "osiem", "dziewiec", // pl
                "noll", "en", "ett", "tva", "fyra", "fem", "sex", "sju", "atta", "nio", // sv
                "oh", "double"); // "oh seven seven double oh": "double" stands for the digit it repeats
        put(2, "triple", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
                "zehn", "elf", "zwolf", "zwanzig", "dreissig", "vierzig", "funfzig", "sechzig", "siebzig", "achtzig",
                "neunzig", "zehn", "sechzehn", "siebzehn",
                "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "vingt", "trente", "quarante",
                "cinquante", "soixante",
                "dieci", "undici", "dodici", "tredici", "quattordici", "quindici", "sedici", "diciassette",
                "diciotto", "diciannove", "venti", "trenta", "quaranta", "cinquanta", "sessanta", "settanta",
                "ottanta", "novanta", "vent", "trent", "quarant", "cinquant", "sessant", "settant", "ottant",
                "novant",
                "diez", "once", "doce", "trece", "catorce", "quince", "dieciseis", "diecisiete", "dieciocho",
                "diecinueve", "veinte", "veinti", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta",
                "ochenta", "noventa",
                "tien", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien",
                "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig",
                "dziesiec", "jedenascie", "dwanascie", "trzynascie", "czternascie", "pietnascie", "szesnascie",
                "siedemnascie", "osiemnascie", "dziewietnascie", "dwadziescia", "trzydziesci", "czterdziesci",
                "piecdziesiat", "szescdziesiat", "siedemdziesiat", "osiemdziesiat", "dziewiecdziesiat",
                "tio", "elva", "tolv", "tretton", "fjorton", "femton", "sexton", "sjutton", "arton", "nitton",
                "tjugo", "trettio", "fyrtio", "femtio", "sextio", "sjuttio", "attio", "nittio");
        put(3, "hundred", "hundert", "cent", "cento", "cien", "ciento", "doscientos", "trescientos",
                "cuatrocientos", "quinientos", "seiscientos", "setecientos", "ochocientos", "novecientos", "honderd",
                "sto", "dwiescie", "trzysta", "czterysta", "piecset", "szescset", "siedemset", "osiemset",
                "dziewiecset", "hundra");
        put(0, "und", "y", "i");
    }

    private SpelledNumbers() {
    }

    private static void put(int digits, String... words) {
        for (String w : words) {
            MORPHEMES.putIfAbsent(w, digits);
        }
    }

    /** Adds a {@link RuleId#PHONE_NUMBER} span for every spelled-out number of {@code text}. */
    static void scan(FoldedText text, String explanation, String alternative, List<Span> out) {
        String f = text.folded();
        int n = f.length();
        int runStart = -1;
        int runEnd = -1;
        int words = 0;
        int digits = 0;
        int i = 0;
        while (i < n) {
            if (!isLetter(f.charAt(i))) {
                char c = f.charAt(i);
                if (runStart >= 0 && !(c == ' ' || c == ',' || c == '-' || c == '\t')) {
                    emit(text, runStart, runEnd, words, digits, explanation, alternative, out);
                    runStart = -1;
                }
                i++;
                continue;
            }
            int j = i;
            while (j < n && isLetter(f.charAt(j))) {
                j++;
            }
            int value = j - i <= MAX_WORD ? digits(f, i, j) : -1;
            boolean joiner = (j - i == 1 && f.charAt(i) == 'y') || (j - i == 2 && f.startsWith("et", i));
            if (value > 0) {
                if (runStart < 0) {
                    runStart = i;
                    words = 0;
                    digits = 0;
                }
                runEnd = j;
                words++;
                digits += value;
            } else if (!(joiner && runStart >= 0)) {
                if (runStart >= 0) {
                    emit(text, runStart, runEnd, words, digits, explanation, alternative, out);
                }
                runStart = -1;
            }
            i = j;
        }
        if (runStart >= 0) {
            emit(text, runStart, runEnd, words, digits, explanation, alternative, out);
        }
    }

    private static void emit(FoldedText text, int start, int end, int words, int digits, String explanation,
            String alternative, List<Span> out) {
        if (words >= MIN_WORDS && digits >= MIN_DIGITS && digits <= MAX_DIGITS) {
            out.add(new Span(RuleId.PHONE_NUMBER, Severity.BLOCK, text.rawStart(start), text.rawEnd(end),
                    explanation, alternative));
        }
    }

    /** The digits word {@code f[from, to)} stands for when it is made of number morphemes only, else 0. */
    private static int digits(String f, int from, int to) {
        int len = to - from;
        int[] best = new int[len + 1];
        java.util.Arrays.fill(best, -1);
        best[0] = 0;
        for (int a = 0; a < len; a++) {
            if (best[a] < 0) {
                continue;
            }
            for (int b = a + 1; b <= Math.min(len, a + 16); b++) {
                Integer d = MORPHEMES.get(f.substring(from + a, from + b));
                if (d != null && (d > 0 || a > 0)) {
                    best[b] = Math.max(best[b], Math.max(best[a], d));
                }
            }
        }
        return best[len] <= 0 ? 0 : best[len];
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z';
    }
}
