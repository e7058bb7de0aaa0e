package com.deskbridge.compliance;

import static com.deskbridge.compliance.RuleId.MARKETING;
import static com.deskbridge.compliance.RuleId.OFF_AMAZON_CONTACT;
import static com.deskbridge.compliance.RuleId.REVIEW_REQUEST;

/** German cues (folded: "ä" → "a", "ß" → "ss"). */
final class GermanPhrases {
    private static final String REVIEW = "(?:bewertung|rezension|feedback|beurteilung|kundenbewertung)(?:en)?";
    private static final String POSITIVE = "(?:positive[nr]?|gute[nr]?|sehr gute[nr]?|5 ?sterne|funf ?sterne"
            + "|top|ausgezeichnete[nr]?|hervorragende[nr]?)";

    private GermanPhrases() {
    }

    static void define(PhraseLexicon x) {
        x.block(OFF_AMAZON_CONTACT,
                "rufen sie uns~2an", "ruf uns~2an", "kontaktieren sie uns (?:direkt )?(?:telefonisch|per (?:e-?mail"
                        + "|mail|telefon|whatsapp))",
                "(?:schreiben|mailen) sie uns (?:direkt )?(?:eine |an |per )?(?:e-?mail|mail)",
                "unsere?[nr]? (?:telefonnummer|handynummer|e-?mail-?adresse|webseite|website|homepage|online-?shop"
                        + "|onlineshop|webshop)",
                "besuchen sie (?:uns|unsere?n?) (?:auf|im|online|shop|webshop|website|webseite|homepage|onlineshop)",
                "auf unserer (?:website|webseite|homepage)", "folgen sie uns", "telefonisch (?:erreichbar|kontaktieren)",
                "ausserhalb (?:von )?amazon", "direkt bei uns (?:bestellen|kaufen)",
                "unter (?:der|folgender|unserer) (?:nummer|telefonnummer)");
        x.warn(OFF_AMAZON_CONTACT, "kontaktieren sie uns direkt", "melden sie sich direkt");
        x.block(MARKETING,
                "\\d{1,2} ?% rabatt", "rabatt(?:code|gutschein|aktion)", "gutschein(?:code|e)?",
                "(?:sommer|winter|oster|weihnachts|black friday)[- ]?(?:sale|schlussverkauf|aktion|angebot)",
                "schlussverkauf", "sonderangebot(?:e)?", "angebot des (?:tages|monats)", "nur fur kurze zeit",
                "(?:entdecken|schauen|besuchen) sie (?:sich )?(?:auch )?unsere (?:anderen|weiteren|neuen|neueste)"
                        + "~1(?:produkte|artikel|kollektion|modelle|angebote)",
                "neue kollektion", "unsere (?:neue|aktuelle) kollektion", "das konnte ihnen auch gefallen",
                "(?:rabatt|nachlass|prozent) (?:auf|fur) ihre nachste", "ihre nachste bestellung bei uns",
                "sparen sie (?:jetzt )?\\d", "exklusive[ns]? (?:angebot|rabatt|aktion)", "aktionsangebot");
        x.block(REVIEW_REQUEST,
                "(?:bitte|hinterlassen|geben|schreiben|uber|freuen uns uber|wurden uns)~5" + POSITIVE + " ?-?"
                        + REVIEW,
                POSITIVE + " ?-?" + REVIEW + "~4(?:hinterlassen|geben|abgeben|schreiben|freuen|dankbar|ware|wurde)",
                "mit (?:5|funf) sternen (?:bewerten|zu bewerten)", "(?:5|funf) sterne (?:geben|vergeben)",
                REVIEW + "~3(?:zu )?(?:entfernen|loschen|andern|zuruckziehen|anpassen|uberarbeiten|zuruckzunehmen"
                        + "|zuruckzuziehen|abzuandern|abandern)",
                "(?:andern|entfernen|loschen|uberarbeiten|anpassen|korrigieren) sie (?:bitte )?(?:ihre|ihr|die|das)~2"
                        + REVIEW,
                "(?:gebt|geben|vergeben|schenken)~4(?:5|funf) sterne",
                "(?:im austausch|als gegenleistung) (?:fur|gegen)~3" + REVIEW,
                "(?:gutschein|erstattung|geschenk|rabatt)~8(?:wenn|sobald|falls)~6(?:bewert\\w*|rezension|feedback|sterne\\w*)");
        x.warn(REVIEW_REQUEST,
                "(?:eine|ein|ihre|ihr) " + REVIEW + " (?:zu )?(?:hinterlassen|abgeben|schreiben|abzugeben)",
                "bewerten sie uns", "hinterlassen sie (?:uns )?(?:eine|ein|ihre)~1" + REVIEW);
    }
}
