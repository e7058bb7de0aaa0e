package com.deskbridge.domain.inbox;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Whether a buyer message threatens to escalate: an A-to-z claim, a chargeback or dispute, a negative review or
 * feedback, a lawyer or the authorities. Phrases in the languages intake detects; matched on the lower-cased text
 * with accents removed.
 */
public final class EscalationLanguage {
    private static final List<String> CUES = List.of(
            "a-to-z", "a to z", "atoz", "a-z guarantee", "a-bis-z", "a-z-garantie", "garantie a a z", "garanzia dalla a alla z",
            "garantia de la a a la z", "chargeback", "charge back", "dispute", "paypal claim", "lawyer", "attorney",
            "legal action", "sue you", "to court", "negative review", "bad review", "negative feedback", "1 star", "one star",
            "report you", "trading standards", "consumer protection", "anwalt", "rechtsanwalt", "verbraucherzentrale",
            "schlechte bewertung", "negative bewertung", "ruckbuchung", "avocat", "mauvais avis", "avis negatif",
            "avvocato", "recensione negativa", "abogado", "denuncia", "resena negativa", "advocaat", "slechte review",
            "prawnik", "adwokat", "negatywna opinia", "advokat", "polisanmalan");

    private EscalationLanguage() {
    }

    public static boolean in(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String t = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return CUES.stream().anyMatch(t::contains);
    }
}
