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
 * French cues. Spoken French drops "ne" ("ça marche pas"), so the common post-verbal forms are phrases;
 * "pas reçu" / "n'ai pas reçu" are caught by the negation rule on "reçu".
 */
final class FrenchLexicon {
    private FrenchLexicon() {
    }

    static void define(LexiconBuilder b) {
        b.language(Language.FR)
                .negators("ne n pas jamais aucun aucune sans rien ni point")
                .clauseBreaks("mais cependant pourtant sinon");
        deliveries(b);
        refundsAndCancellations(b);
        returnsAndDamage(b);
        questionsAndPraise(b);
    }

    /** Where is my order, delivery problems. */
    private static void deliveries(LexiconBuilder b) {
        b.always(WHERE_IS_MY_ORDER, 4, "où est ma commande", "où est mon colis", "où est mon paquet",
                        "où en est", "où est _ commande", "où est _ colis", "où se trouve", "quand _ livré*",
                        "quand vais je recevoir", "quand vais je", "quand _ recevoir", "quand _ arriver",
                        "quand _ expédi*", "quand _ envoy*", "suivi de commande", "suivi de ma commande",
                        "statut de ma commande", "état de ma commande", "j attends toujours", "toujours rien",
                        "toujours pas arrivé", "toujours pas reçu", "pas encore arrivé", "pas encore reçu",
                        "toujours en attente", "a t elle été expédiée", "a t il été expédié", "aucune nouvelle",
                        "pas de nouvelles")
                .always(WHERE_IS_MY_ORDER, 3, "toujours pas", "pas de colis", "aucun colis", "j attends", "attends _ commande", "en attente", "où est",
                        "ne bouge plus", "ne bouge pas", "suivi ne bouge")
                .always(WHERE_IS_MY_ORDER, 2, "date de livraison", "délai de livraison")
                .always(WHERE_IS_MY_ORDER, 1.5, "numéro de suivi", "suivi", "tracking")
                .whenNegated(WHERE_IS_MY_ORDER, 3, "reçu*", "arriv*", "livré*", "parvenu*", "expédié*", "envoyé*",
                        "livraison");
        b.always(DELIVERY_PROBLEM, 4.5, "indiqué comme livré", "marqué comme livré", "indiqué livré", "indique livré",
                        "affiché comme livré", "soi disant livré", "statut livré", "noté livré", "marqué livré",
                        "mauvaise adresse", "retour à l expéditeur", "retourné à l expéditeur",
                        "renvoyé à l expéditeur", "bloqué en douane", "à la douane", "mauvais article",
                        "mauvais produit", "pas le bon article", "pas le bon produit", "erreur d article",
                        "colis vide", "boîte vide", "carton vide", "livré chez", "livré à une autre",
                        "livraison annulée")
                .always(DELIVERY_PROBLEM, 4, "aurait dû arriver", "aurait du arriver", "devait arriver",
                        "devait être livré", "aurait dû être livré", "délai dépassé", "date dépassée",
                        "il manque", "manquant*", "tentative de livraison", "chez un voisin", "chez le voisin",
                        "voisin*", "en retard")
                .unlessNegated(DELIVERY_PROBLEM, 4, "retard*", "perdu", "égaré", "volé")
                .always(DELIVERY_PROBLEM, 2.5, "douane", "livreur", "transporteur", "point relais");
    }

    /** Refunds, cancellations. */
    private static void refundsAndCancellations(LexiconBuilder b) {
        b.always(REFUND_REQUEST, 4.5, "rembours*", "récupérer mon argent", "mon argent", "remboursement partiel",
                        "être remboursé")
                .always(REFUND_REQUEST, 2.5, "argent", "débité deux fois", "prélevé deux fois");
        b.unlessNegated(CANCELLATION_REQUEST, 5, "annuler ma commande", "annuler la commande",
                        "annuler cette commande", "annuler")
                .always(CANCELLATION_REQUEST, 4, "annulation", "annul*")
                .always(CANCELLATION_REQUEST, 2, "commandé par erreur", "commandé deux fois", "n en ai plus besoin")
                .always(CANCELLATION_REQUEST, 1.5, "ne veux plus")
                .always(PRODUCT_QUESTION, 1.5, "annulation de bruit", "réduction de bruit", "annulation active", "noise cancel*")
                .neutral("annuler mon abonnement");
    }

    /** Returns, damaged items. */
    private static void returnsAndDamage(LexiconBuilder b) {
        b.always(RETURN, 4.5, "étiquette de retour", "bon de retour", "bordereau de retour", "adresse de retour",
                        "politique de retour", "comment retourner", "comment renvoyer", "comment faire un retour",
                        "droit de rétractation", "rétractation", "faire un retour", "demande de retour")
                .unlessNegated(RETURN, 4, "retourner", "renvoyer", "rendre", "échanger", "le retourner",
                        "la retourner", "le renvoyer", "la renvoyer")
                .always(RETURN, 3, "retour", "échange")
                .always(RETURN, 1.5, "renvoyé", "retourné", "j ai renvoyé", "j ai retourné")
                .always(RETURN, 2.5, "trop petit", "trop petite", "trop grand", "trop grande", "ne me va pas",
                        "taille trop", "pas conforme");
        b.unlessNegated(DAMAGED_ITEM, 4, "endommag*", "abîm*", "abim*", "cassé*", "brisé*", "défectueu*",
                        "en panne", "hors service", "écrasé*", "fissur*", "rayé*", "rayure*")
                .always(DAMAGED_ITEM, 4, "fonctionne pas", "marche pas", "marche plus", "fonctionne plus",
                        "s allume pas", "s allume plus", "charge pas", "ne charge plus")
                .unlessNegated(DAMAGED_ITEM, 3.5, "défaut", "tordu*", "déchiré*", "fuit", "fuite", "taché*",
                        "cabossé*", "en morceaux", "troué*")
                .whenNegated(DAMAGED_ITEM, 3.5, "fonctionne", "marche", "allume", "s allume")
                .always(DAMAGED_ITEM, 2.5, "remplacement", "remplacer", "un nouveau", "échange standard");
    }

    /** Product questions, positive feedback. */
    private static void questionsAndPraise(LexiconBuilder b) {
        b.always(PRODUCT_QUESTION, 4, "est il compatible", "est elle compatible", "compatible avec",
                        "quelle taille", "guide des tailles", "en quelle matière", "quelle matière",
                        "comment utiliser", "comment fonctionne", "fonctionne _ avec", "marche _ avec",
                        "mode d emploi", "en stock", "de nouveau disponible", "avant d acheter",
                        "avant de commander", "est ce que _ convient", "est il étanche", "question sur",
                        "une question", "différence entre", "autonomie")
                .always(PRODUCT_QUESTION, 3, "compatib*", "dimensions", "matière", "notice", "garantie",
                        "étanche", "convient", "adapté", "disponible", "taille", "est ce que", "question")
                .always(PRODUCT_QUESTION, 1.5, "est il", "est elle", "peut on");
        b.always(POSITIVE_FEEDBACK, 4, "livraison rapide", "livraison très rapide", "envoi rapide",
                        "expédition rapide", "reçu rapidement", "arrivé rapidement", "arrivé en avance",
                        "arrivé plus tôt", "très satisfait", "très satisfaite", "je recommande", "bien emballé",
                        "conforme à la description", "très bon produit", "super produit", "au top",
                        "merci beaucoup", "mille mercis", "étoiles", "fonctionne parfaitement",
                        "marche parfaitement", "fonctionne très bien", "marche très bien")
                .unlessNegated(POSITIVE_FEEDBACK, 3, "satisfait*", "parfait*", "excellent*", "génial*", "ravi*",
                        "content*", "recommand*", "impeccable", "bravo", "conforme", "magnifique", "top")
                .always(POSITIVE_FEEDBACK, 2.5, "tout va bien", "tout est ok", "merci pour votre aide", "merci de votre aide")
                .always(POSITIVE_FEEDBACK, 1.5, "super", "bien", "rapide", "rapidement")
                .always(POSITIVE_FEEDBACK, 1, "merci");
        b.neutral("bonne journée", "bonne soirée", "pas de problème", "sans problème", "c est dommage",
                "bien à vous", "bien cordialement");
    }
}
