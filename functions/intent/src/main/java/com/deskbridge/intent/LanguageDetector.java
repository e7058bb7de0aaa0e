package com.deskbridge.intent;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stop-word language identification, deliberately simple: each token that is a function word of one or more
 * languages adds 1/(number of those languages) to each of them (so "la" or "no" count little), and a few
 * characters specific to one language (ß ä ö ü, ñ ¿ ¡, ç œ ê â î û, ò ì ù) add half a point each, capped at 2.
 * The best language must score at least 1.0 and beat the runner-up by 0.5; otherwise {@link Language#UNKNOWN}.
 * Immutable and thread-safe.
 */
public final class LanguageDetector {
    private static final Map<Language, String> STOP_WORDS = Map.of(
            Language.EN, "the and is my i it to of you have was not for this that with please what when where your "
                    + "me be are has did can would hi hello thanks thank yet still been but order item package parcel "
                    + "received arrived do does how will just",
            Language.DE, "der die das und ist ich nicht mein meine meinen ein eine einen mit habe hat wurde bitte wann "
                    + "wo noch auf fur sie es zu den dem ihr ihnen hallo danke kein keine bestellung paket leider schon "
                    + "aber auch nur bis wie ware guten tag gruss grusse mfg immer mir mich wir uns sich sehr "
                    + "heute",
            Language.FR, "le la les et est je ne pas mon ma mes un une avec ai pour vous des du de au bonjour merci "
                    + "commande colis toujours mais que qui il elle ce cette j n l d qu c est votre suis cordialement "
                    + "toujours encore quand ou moi nous mon sont avez etait",
            Language.IT, "il lo la gli le e non ho mio mia un una con per che di del della sono ma buongiorno grazie "
                    + "ordine pacco ancora ciao salve vorrei come quando dove questo perche ancora mi ha il mio gia "
                    + "cordiali saluti io sono gli ci nel nella anche molto",
            Language.ES, "el la los las y es no mi mis un una con para por que de del he ha pedido paquete hola gracias "
                    + "todavia pero cuando donde como esta este quiero me lo se aun saludos muy mas otro otra pedi al su sus yo "
                    + "tengo hace nos usted ustedes");

    private static final Map<String, Map<Language, Double>> WEIGHTS = buildWeights();

    private LanguageDetector() {
    }

    private static Map<String, Map<Language, Double>> buildWeights() {
        Map<String, List<Language>> owners = new HashMap<>();
        STOP_WORDS.forEach((lang, words) -> {
            for (String w : words.split(" ")) {
                List<Language> list = owners.computeIfAbsent(w, k -> new java.util.ArrayList<>());
                if (!list.contains(lang)) {
                    list.add(lang);
                }
            }
        });
        Map<String, Map<Language, Double>> weights = new HashMap<>();
        owners.forEach((w, langs) -> {
            Map<Language, Double> m = new EnumMap<>(Language.class);
            langs.forEach(l -> m.put(l, 1.0 / langs.size()));
            weights.put(w, m);
        });
        return Map.copyOf(weights);
    }

    /** The language of already normalised tokens plus the raw text (for language-specific characters). */
    public static Language detect(List<String> tokens, String rawText) {
        double[] score = new double[Language.values().length];
        for (String t : tokens) {
            Map<Language, Double> w = WEIGHTS.get(t);
            if (w != null) {
                w.forEach((l, v) -> score[l.ordinal()] += v);
            }
        }
        addCharacterHints(rawText, score);
        int best = -1;
        int second = -1;
        for (int i = 0; i < score.length; i++) {
            if (best < 0 || score[i] > score[best]) {
                second = best;
                best = i;
            } else if (second < 0 || score[i] > score[second]) {
                second = i;
            }
        }
        if (score[best] < 1.0 || score[best] - score[second] < 0.5) {
            return Language.UNKNOWN;
        }
        return Language.values()[best];
    }

    /** Convenience: detects the language of raw text. */
    public static Language detect(String text) {
        return detect(TextNormalizer.tokens(text), text);
    }

    private static void addCharacterHints(String raw, double[] score) {
        double[] hints = new double[score.length];
        int limit = Math.min(raw.length(), 4000);
        for (int i = 0; i < limit; i++) {
            Language l = switch (Character.toLowerCase(raw.charAt(i))) {
                case 'ß', 'ä', 'ö', 'ü' -> Language.DE;
                case 'ñ', '¿', '¡' -> Language.ES;
                case 'ç', 'œ', 'ê', 'â', 'î', 'û', 'ë' -> Language.FR;
                case 'ò', 'ì', 'ù' -> Language.IT;
                default -> null;
            };
            if (l != null) {
                hints[l.ordinal()] = Math.min(2.0, hints[l.ordinal()] + 0.5);
            }
        }
        for (int i = 0; i < score.length; i++) {
            score[i] += hints[i];
        }
    }
}
