package com.deskbridge.intent;

import static com.deskbridge.intent.Intent.CANCELLATION_REQUEST;
import static com.deskbridge.intent.Intent.DAMAGED_ITEM;
import static com.deskbridge.intent.Intent.DELIVERY_PROBLEM;
import static com.deskbridge.intent.Intent.POSITIVE_FEEDBACK;
import static com.deskbridge.intent.Intent.PRODUCT_QUESTION;
import static com.deskbridge.intent.Intent.REFUND_REQUEST;
import static com.deskbridge.intent.Intent.RETURN;
import static com.deskbridge.intent.Intent.WHERE_IS_MY_ORDER;

/**
 * German cues. German often negates after the finite verb ("funktioniert nicht", "kam nicht an"), which the
 * preceding-negator rule cannot see, so those word orders are spelled out as phrases.
 */
final class GermanLexicon {
    private GermanLexicon() {
    }

    static void define(LexiconBuilder b) {
        b.language(Language.DE)
                .negators("nicht nich kein keine keinen keiner keinem keines nie niemals ohne nichts weder")
                .clauseBreaks("aber sondern jedoch allerdings doch");
        deliveries(b);
        refundsAndCancellations(b);
        returnsAndDamage(b);
        questionsAndPraise(b);
    }

    /** Where is my order, delivery problems. */
    private static void deliveries(LexiconBuilder b) {
        b.always(WHERE_IS_MY_ORDER, 4, "wo ist mein paket", "wo ist meine bestellung", "wo ist meine lieferung",
                        "wo ist meine sendung", "wo ist _ paket", "wo ist _ bestellung", "wo bleibt",
                        "wann kommt", "wann kommen", "wann wird _ geliefert", "wann wird _ versendet",
                        "wann wird _ verschickt", "wann wird _ zugestellt", "wann kann ich _ rechnen",
                        "wann erhalte ich", "wann bekomme ich", "status meiner bestellung", "stand meiner bestellung",
                        "warte immer noch", "warte noch immer", "warte _ auf", "kam nicht an", "kam noch nicht an",
                        "kommt nicht an", "ist noch nicht da", "immer noch nicht da", "noch nicht da",
                        "nicht angekommen", "wurde _ schon versendet", "schon verschickt", "schon versendet",
                        "bereits versendet", "bereits verschickt")
                .always(WHERE_IS_MY_ORDER, 3, "lieferstatus", "bestellstatus", "sendungsstatus", "wo ist",
                        "immer noch nichts", "noch nichts", "warte", "warten", "bewegt sich nicht",
                        "keine neuigkeiten", "kein update")
                .always(WHERE_IS_MY_ORDER, 2, "liefertermin", "lieferdatum", "voraussichtlich*")
                .always(WHERE_IS_MY_ORDER, 1.5, "tracking", "sendungsverfolgung", "sendungsnummer", "trackingnummer",
                        "tracking nummer")
                .whenNegated(WHERE_IS_MY_ORDER, 3, "erhalten", "bekommen", "angekommen", "eingetroffen",
                        "geliefert", "zugestellt", "versendet", "verschickt", "versandt", "da");
        b.always(DELIVERY_PROBLEM, 4.5, "als zugestellt markiert", "als geliefert markiert",
                        "als zugestellt angezeigt", "als zugestellt", "als geliefert", "angeblich zugestellt",
                        "angeblich geliefert", "status zugestellt", "steht zugestellt", "zugestellt obwohl",
                        "falsche adresse", "falschen adresse", "falscher adresse", "zurück an absender",
                        "zurück an den absender", "zurück zum absender", "an den absender zurück",
                        "im zoll", "beim zoll", "falsche artikel", "falschen artikel", "falscher artikel",
                        "falsches produkt", "falsche ware", "falsche farbe geliefert", "leeres paket",
                        "paket war leer", "karton war leer", "verloren gegangen", "zustellung fehlgeschlagen")
                .always(DELIVERY_PROBLEM, 4, "hätte _ ankommen sollen", "hätte _ kommen sollen",
                        "sollte _ ankommen", "sollte _ kommen", "sollte _ geliefert werden", "überfällig",
                        "zu spät", "liefertermin überschritten", "lieferdatum überschritten", "fehlt",
                        "fehlen", "zustellversuch", "beim nachbarn", "bei einem nachbarn", "nachbar*")
                .unlessNegated(DELIVERY_PROBLEM, 4, "verspät*", "verzöger*", "gestohlen", "verloren", "verschwunden")
                .always(DELIVERY_PROBLEM, 2.5, "zoll", "paketbote", "zusteller", "fahrer");
    }

    /** Refunds, cancellations. */
    private static void refundsAndCancellations(LexiconBuilder b) {
        b.always(REFUND_REQUEST, 4.5, "geld zurück", "mein geld", "rückerstattung", "rückzahlung",
                        "zurückerstatt*", "teilerstattung", "wo bleibt _ erstattung", "geld wieder")
                .always(REFUND_REQUEST, 4, "erstatt*", "gutschrift", "geld")
                .always(REFUND_REQUEST, 2, "doppelt abgebucht", "abgebucht");
        b.unlessNegated(CANCELLATION_REQUEST, 5, "bestellung stornieren", "stornieren", "storniere",
                        "stornieren sie", "bestellung zurückziehen")
                .always(CANCELLATION_REQUEST, 4, "stornier*", "storno", "stornierung", "abbestellen")
                .always(CANCELLATION_REQUEST, 2, "versehentlich bestellt", "aus versehen bestellt",
                        "doppelt bestellt", "brauche _ nicht mehr")
                .always(PRODUCT_QUESTION, 1.5, "noise cancel*", "geräuschunterdrückung")
                .neutral("newsletter abbestellen", "abo kündigen");
    }

    /** Returns, damaged items. */
    private static void returnsAndDamage(LexiconBuilder b) {
        b.always(RETURN, 4.5, "rücksendeetikett", "rücksendeschein", "retourenschein", "retourenlabel",
                        "rücksendung", "rückgabe", "retoure", "umtausch*", "wie kann ich _ zurück*",
                        "widerruf*", "rückversand")
                .unlessNegated(RETURN, 4, "zurückschicken", "zurücksenden", "zurückgeben", "zurücksende*",
                        "zurückschick*", "retournier*", "umtauschen", "schick* _ zurück", "send* _ zurück",
                        "geb* _ zurück")
                .always(RETURN, 3, "retour*", "zurück")
                .always(RETURN, 1.5, "zurückgeschickt", "zurückgesendet", "zurückgegeben", "zurückgesandt")
                .always(RETURN, 2.5, "passt nicht", "zu klein", "zu groß", "zu eng", "zu weit",
                        "nicht wie beschrieben");
        b.unlessNegated(DAMAGED_ITEM, 4, "beschädig*", "kaputt", "defekt*", "zerbrochen", "zerkratzt",
                        "transportschaden", "mangelhaft", "fehlerhaft", "zersplittert", "gesprungen", "schaden")
                .always(DAMAGED_ITEM, 4, "funktioniert nicht", "funktioniert _ nicht", "geht nicht mehr",
                        "geht nicht an", "geht _ nicht an", "lädt nicht", "schaltet sich nicht",
                        "lässt sich nicht", "funktioniert nicht mehr")
                .unlessNegated(DAMAGED_ITEM, 3.5, "kratzer", "delle", "eingedrückt", "gebrochen", "gerissen",
                        "ausgelaufen", "undicht", "verbogen", "zerrissen", "riss", "fleck*")
                .whenNegated(DAMAGED_ITEM, 3.5, "funktioniert", "funktionieren", "einschalten", "aufladen")
                .always(DAMAGED_ITEM, 2.5, "ersatz", "ersatzlieferung", "austausch", "neues gerät");
    }

    /** Product questions, positive feedback. */
    private static void questionsAndPraise(LexiconBuilder b) {
        b.always(PRODUCT_QUESTION, 4, "ist _ kompatibel", "kompatibel", "passt _ zu", "passt das", "passt es",
                        "welche größe", "größentabelle", "aus welchem material", "wie benutze", "wie verwende",
                        "wie funktioniert", "funktioniert _ mit", "wie lange hält", "auf lager", "wieder verfügbar",
                        "wieder lieferbar", "vor dem kauf", "bevor ich bestelle", "bevor ich kaufe", "ist _ geeignet",
                        "wasserdicht", "gibt es _ auch", "unterschied zwischen", "frage zu", "frage zum",
                        "frage zur", "eine frage")
                .always(PRODUCT_QUESTION, 3, "maße", "abmessungen", "material", "bedienungsanleitung", "anleitung",
                        "garantie", "lieferbar", "verfügbar", "geeignet", "kann man", "größe", "frage")
                .always(PRODUCT_QUESTION, 1.5, "ist das", "ist der", "ist die", "hat das", "hat der");
        b.always(POSITIVE_FEEDBACK, 4, "schnelle lieferung", "schnell geliefert", "schneller versand",
                        "schnell angekommen", "super schnell", "blitzschnell", "sehr zufrieden", "tolles produkt",
                        "gerne wieder", "gern wieder", "funktioniert einwandfrei", "funktioniert super",
                        "funktioniert perfekt", "gut verpackt", "top qualität", "sehr gut", "sterne",
                        "vielen lieben dank", "herzlichen dank")
                .unlessNegated(POSITIVE_FEEDBACK, 3, "zufrieden", "empfehl*", "begeistert", "toll", "perfekt",
                        "prima", "klasse", "ausgezeichnet", "hervorragend", "einwandfrei", "wie beschrieben",
                        "freue mich", "glücklich", "spitze")
                .always(POSITIVE_FEEDBACK, 2.5, "alles gut", "alles bestens", "danke für ihre hilfe", "danke für die hilfe")
                .always(POSITIVE_FEEDBACK, 1.5, "super", "top", "gut", "schön")
                .always(POSITIVE_FEEDBACK, 1, "vielen dank", "danke");
        b.neutral("guten tag", "guten morgen", "guten abend", "kein problem", "mit freundlichen grüßen",
                "freundliche grüße");
    }
}
