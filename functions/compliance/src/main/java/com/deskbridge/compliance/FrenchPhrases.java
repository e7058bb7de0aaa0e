package com.deskbridge.compliance;

import static com.deskbridge.compliance.RuleId.MARKETING;
import static com.deskbridge.compliance.RuleId.OFF_AMAZON_CONTACT;
import static com.deskbridge.compliance.RuleId.REVIEW_REQUEST;

/** French cues (folded: "é" → "e", "œ" → "oe"). */
final class FrenchPhrases {
    private static final String REVIEW = "(?:avis|evaluation|commentaire|note)";
    private static final String POSITIVE_REVIEW = "(?:" + REVIEW + " (?:tres )?(?:positi\\w*|favorable|excellent\\w*"
            + "|(?:de |a )?(?:5|cinq) etoiles)|(?:5|cinq) etoiles)";

    private FrenchPhrases() {
    }

    static void define(PhraseLexicon x) {
        x.block(OFF_AMAZON_CONTACT,
                "appelez nous", "appelez-nous", "contactez nous (?:directement )?par (?:telephone|e-?mail|mail"
                        + "|whatsapp|sms)",
                "(?:ecrivez|envoyez) nous (?:un )?(?:e-?mail|mail|sms)",
                "notre (?:site(?: web| internet)?|boutique en ligne|numero(?: de telephone)?|adresse (?:e-?mail|mail)"
                        + "|page (?:facebook|instagram))",
                "(?:rendez vous|visitez|consultez) (?:sur )?notre (?:site|boutique)", "suivez nous",
                "en dehors d amazon", "hors d amazon", "(?:joignable|disponible) par telephone", "par telephone au");
        x.warn(OFF_AMAZON_CONTACT, "contactez nous directement");
        x.block(MARKETING,
                "(?:code|bon) (?:promo|de reduction|promotionnel)", "bons? d achat", "soldes",
                "offre (?:speciale|exclusive|limitee|promotionnelle)", "remise de \\d{1,2} ?%",
                "(?:decouvrez|jetez un oeil a|consultez|visitez) (?:nos autres|notre nouvelle|nos nouveaux"
                        + "|nos nouvelles|notre gamme|notre collection|notre catalogue|nos produits)",
                "nouvelle collection", "vous (?:aimerez|pourriez aimer) aussi",
                "(?:reduction|remise) (?:sur|pour) votre prochaine", "votre prochaine (?:commande|achat) chez nous",
                "vente flash", "ventes privees");
        x.block(REVIEW_REQUEST,
                "(?:laiss|donn|mett|ecri|publi|attribu|recev|obten|recevoir|obtenir)\\w*~5" + POSITIVE_REVIEW,
                POSITIVE_REVIEW + "~4(?:nous aiderait|serait|nous ferait|aiderait)",
                "(?:retir|supprim|modifi|chang|revoi|reconsider)\\w*~3" + REVIEW + "(?: negati\\w*)?",
                "en echange d (?:un |une |votre )?" + REVIEW, "contre (?:un |une )" + REVIEW);
        x.warn(REVIEW_REQUEST,
                "(?:laissez|laisser|donnez|donner|ecrivez|ecrire|publiez|publier) (?:nous )?(?:un|une|votre) "
                        + "(?:avis|commentaire|evaluation)", "evaluez nous", "notez nous");
    }
}
