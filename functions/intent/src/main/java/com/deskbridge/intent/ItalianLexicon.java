package com.deskbridge.intent;

import static com.deskbridge.intent.Intent.CANCELLATION_REQUEST;
import static com.deskbridge.intent.Intent.DAMAGED_ITEM;
import static com.deskbridge.intent.Intent.DELIVERY_PROBLEM;
import static com.deskbridge.intent.Intent.POSITIVE_FEEDBACK;
import static com.deskbridge.intent.Intent.PRODUCT_QUESTION;
import static com.deskbridge.intent.Intent.REFUND_REQUEST;
import static com.deskbridge.intent.Intent.RETURN;
import static com.deskbridge.intent.Intent.WHERE_IS_MY_ORDER;

/** Italian cues ("dov'è" normalises to "dov e"). */
final class ItalianLexicon {
    private ItalianLexicon() {
    }

    static void define(LexiconBuilder b) {
        b.language(Language.IT)
                .negators("non mai nessun nessuna nessuno senza niente nulla né")
                .clauseBreaks("ma però tuttavia invece");
        deliveries(b);
        refundsAndCancellations(b);
        returnsAndDamage(b);
        questionsAndPraise(b);
    }

    /** Where is my order, delivery problems. */
    private static void deliveries(LexiconBuilder b) {
        b.always(WHERE_IS_MY_ORDER, 4, "dov è il mio ordine", "dov è il mio pacco", "dove è il mio", "dov è _ ordine",
                        "dov è _ pacco", "dove si trova", "dove _ ordine", "dove _ pacco", "quando arriv*",
                        "quando _ arriv*", "quando _ spedit*", "quando _ consegn*", "quando _ ricev*",
                        "stato dell ordine", "stato del mio ordine", "stato della spedizione",
                        "sto ancora aspettando", "ancora in attesa", "ancora niente", "nessuna notizia",
                        "non è ancora arrivato", "non ancora arrivato", "non è stato ancora spedito",
                        "è stato spedito", "è già stato spedito")
                .always(WHERE_IS_MY_ORDER, 3, "aspett*", "in attesa", "dov è", "fermo da")
                .always(WHERE_IS_MY_ORDER, 2, "dove")
                .always(WHERE_IS_MY_ORDER, 2, "data di consegna", "tempi di consegna")
                .always(WHERE_IS_MY_ORDER, 1.5, "numero di tracciamento", "tracciamento", "tracking",
                        "numero di spedizione")
                .whenNegated(WHERE_IS_MY_ORDER, 3, "ricevut*", "ricev*", "arrivat*", "arriv*", "consegnat*",
                        "spedit*", "giunto", "pervenut*");
        b.always(DELIVERY_PROBLEM, 4.5, "risulta consegnato", "risulta consegnata", "segnato come consegnato",
                        "contrassegnato come consegnato", "indicato come consegnato", "risulta già consegnato",
                        "indirizzo sbagliato", "indirizzo errato", "rispedito al mittente", "tornato al mittente",
                        "restituito al mittente", "bloccato in dogana", "fermo in dogana", "articolo sbagliato",
                        "prodotto sbagliato", "articolo errato", "prodotto errato", "pacco vuoto",
                        "scatola vuota", "consegnato a un vicino", "consegnato al vicino", "consegna annullata")
                .always(DELIVERY_PROBLEM, 4, "doveva arrivare", "sarebbe dovuto arrivare", "dovevano arrivare",
                        "doveva essere consegnato", "in ritardo", "manca", "mancano", "mancant*",
                        "tentativo di consegna", "vicin*", "data prevista è passata", "è passata la data")
                .unlessNegated(DELIVERY_PROBLEM, 4, "ritard*", "smarrit*", "perso", "persa", "rubat*")
                .always(DELIVERY_PROBLEM, 2.5, "dogana", "corriere", "sbagliat*");
    }

    /** Refunds, cancellations. */
    private static void refundsAndCancellations(LexiconBuilder b) {
        b.always(REFUND_REQUEST, 4.5, "rimbors*", "soldi indietro", "restituzione dei soldi", "riavere i soldi",
                        "i miei soldi", "restituire i soldi", "restituzione del denaro", "riaccredit*")
                .always(REFUND_REQUEST, 3, "soldi", "denaro", "addebitato due volte", "accredit*");
        b.unlessNegated(CANCELLATION_REQUEST, 5, "annullare l ordine", "annullare il mio ordine", "annullare",
                        "cancellare l ordine", "cancellare il mio ordine", "annullate", "annullatemi")
                .always(CANCELLATION_REQUEST, 4, "annull*", "cancellazione dell ordine", "disdire",
                        "cancellare")
                .always(CANCELLATION_REQUEST, 2, "ordinato per errore", "ordinato due volte",
                        "non mi serve più")
                .always(PRODUCT_QUESTION, 1.5, "cancellazione _ rumore", "riduzione del rumore", "noise cancel*")
                .neutral("consegna annullata", "annullare l abbonamento", "cambio indirizzo",
                        "cambio di indirizzo", "cambiare l indirizzo", "cambiare indirizzo");
    }

    /** Returns, damaged items. */
    private static void returnsAndDamage(LexiconBuilder b) {
        b.always(RETURN, 4.5, "etichetta di reso", "etichetta per il reso", "fare il reso", "effettuare il reso",
                        "richiesta di reso", "come faccio il reso", "diritto di recesso", "recesso",
                        "politica di reso", "procedura di reso", "rimandare indietro", "mandare indietro")
                .unlessNegated(RETURN, 4, "restitu*", "rispedire", "rendere", "cambiare taglia",
                        "sostituire con una taglia")
                .always(RETURN, 3.5, "reso", "cambio taglia")
                .always(RETURN, 2.5, "cambio")
                .always(RETURN, 1.5, "restituito", "ho restituito", "rispedito")
                .always(RETURN, 2.5, "troppo piccol*", "troppo grand*", "non mi sta", "non mi va",
                        "non corrisponde alla descrizione");
        b.unlessNegated(DAMAGED_ITEM, 4, "danneggiat*", "rott*", "difettos*", "guast*", "graffiat*", "ammaccat*",
                        "crepat*", "incrinat*", "in pezzi", "frantumat*", "distrutt*")
                .always(DAMAGED_ITEM, 4, "ha smesso di funzionare", "non funziona più", "non si accende",
                        "non si carica", "smesso di funzionare")
                .unlessNegated(DAMAGED_ITEM, 3.5, "difetto", "graffi*", "schiacciat*", "strappat*", "macchiat*",
                        "perde", "piegat*")
                .whenNegated(DAMAGED_ITEM, 3.5, "funziona", "accende", "carica")
                .always(DAMAGED_ITEM, 2.5, "sostituzione", "sostitu*", "un altro");
    }

    /** Product questions, positive feedback. */
    private static void questionsAndPraise(LexiconBuilder b) {
        b.always(PRODUCT_QUESTION, 4, "è compatibile", "compatibile con", "che taglia", "quale taglia",
                        "tabella delle taglie", "guida alle taglie", "di che materiale", "che materiale",
                        "come si usa", "come funziona", "funziona _ con", "va bene per", "è adatto",
                        "prima di acquistare", "prima di ordinare", "una domanda", "vorrei sapere",
                        "è impermeabile", "differenza tra", "torna disponibile", "di nuovo disponibile")
                .always(PRODUCT_QUESTION, 3, "compatibil*", "dimensioni", "misure", "materiale", "istruzioni",
                        "manuale", "garanzia", "impermeabile", "adatto", "disponibil*", "domanda", "taglia",
                        "durata della batteria", "quanto dura")
                .always(PRODUCT_QUESTION, 1.5, "è possibile", "si può");
        b.always(POSITIVE_FEEDBACK, 4, "spedizione veloce", "spedizione rapida", "consegna veloce",
                        "consegna rapida", "arrivato in anticipo", "arrivato prima", "arrivato velocemente",
                        "molto soddisfatt*", "lo consiglio", "la consiglio", "ben imballato", "ottimo prodotto",
                        "prodotto ottimo", "come descritto", "funziona perfettamente", "funziona benissimo",
                        "grazie mille", "stelle", "velocissim*")
                .unlessNegated(POSITIVE_FEEDBACK, 3, "soddisfatt*", "perfett*", "ottim*", "eccellente",
                        "fantastic*", "consiglio", "consigliat*", "bellissim*", "contento", "contenta",
                        "complimenti", "felice", "splendid*")
                .always(POSITIVE_FEEDBACK, 2.5, "tutto ok", "tutto bene", "grazie per l aiuto", "grazie per il vostro aiuto")
                .always(POSITIVE_FEEDBACK, 1.5, "top", "bravi", "veloce", "bene")
                .always(POSITIVE_FEEDBACK, 1, "grazie");
        b.neutral("buona giornata", "buona serata", "nessun problema", "cordiali saluti", "distinti saluti");
    }
}
