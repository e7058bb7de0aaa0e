package com.deskbridge.compliance;

import static com.deskbridge.compliance.RuleId.MARKETING;
import static com.deskbridge.compliance.RuleId.OFF_AMAZON_CONTACT;
import static com.deskbridge.compliance.RuleId.REVIEW_REQUEST;

/** Italian cues (folded: "à" → "a"). */
final class ItalianPhrases {
    private static final String REVIEW = "(?:recensione|valutazione|feedback|commento|voto)";
    private static final String POSITIVE_REVIEW = "(?:" + REVIEW + " (?:positiv[ao]|(?:a|da) (?:5|cinque) stelle"
            + "|ottim[ao]|eccellente)|(?:5|cinque) stelle)";

    private ItalianPhrases() {
    }

    static void define(PhraseLexicon x) {
        x.block(OFF_AMAZON_CONTACT,
                "chiamateci", "chiamaci", "telefonateci", "contattateci (?:direttamente )?(?:telefonicamente|via "
                        + "(?:whatsapp|e-?mail|mail|telefono)|al (?:numero|telefono))",
                "scriveteci (?:una )?(?:e-?mail|mail)", "scrivici (?:una )?(?:e-?mail|mail)",
                "(?:il )?nostro (?:sito(?: web| internet)?|numero(?: di telefono)?|negozio online|shop online)",
                "(?:visitate|visita|visiti) il nostro", "seguiteci", "seguici", "(?:al di )?fuori (?:da|di) amazon",
                "la nostra (?:e-?mail|mail|pagina (?:facebook|instagram))");
        x.warn(OFF_AMAZON_CONTACT, "contattateci direttamente", "contattaci direttamente");
        x.block(MARKETING,
                "sconto del \\d{1,2}", "codice (?:sconto|promo(?:zionale)?|coupon)", "buon[io] sconto", "saldi",
                "offert[ae] (?:speciale|speciali|esclusiv[ae]|limitat[ae]|lampo)", "promozion[ei]",
                "(?:scopri|scoprite|date un occhiata a|guarda|visita) (?:i nostri altri|la nostra nuova|i nostri nuovi"
                        + "|la nostra collezione|le nostre novita|il nostro catalogo|gli altri nostri)",
                "nuova collezione", "(?:potrebbe|potrebbero) (?:piacerti|interessarti) anche",
                "sconto (?:sul|per il) (?:suo |tuo )?prossimo", "prossimo acquisto da noi");
        x.block(REVIEW_REQUEST,
                "(?:lasci|lascia|lasciare|lasciateci|lasciarci|scriv|dare|dia|dacci|ci dia|metta|pubblic|ricevere"
                        + "|ottenere)\\w*~5" + POSITIVE_REVIEW,
                POSITIVE_REVIEW + "~4(?:ci aiuterebbe|sarebbe|aiuterebbe)",
                "(?:rimuover|rimuov|eliminar|elimin|modific|cambiar|cambi|ritirar|rivedere)\\w*~3" + REVIEW,
                "in cambio (?:di|della|del) (?:una |un )?" + REVIEW);
        x.warn(REVIEW_REQUEST,
                "(?:lasci|lasciare|lasciarci|lasciateci|scriva|scrivere)~2(?:una|un) (?:recensione|feedback"
                        + "|valutazione)");
    }
}
