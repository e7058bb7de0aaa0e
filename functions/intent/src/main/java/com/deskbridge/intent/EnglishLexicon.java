package com.deskbridge.intent;

import static com.deskbridge.intent.Intent.CANCELLATION_REQUEST;
import static com.deskbridge.intent.Intent.DAMAGED_ITEM;
import static com.deskbridge.intent.Intent.DELIVERY_PROBLEM;
import static com.deskbridge.intent.Intent.POSITIVE_FEEDBACK;
import static com.deskbridge.intent.Intent.PRODUCT_QUESTION;
import static com.deskbridge.intent.Intent.REFUND_REQUEST;
import static com.deskbridge.intent.Intent.RETURN;
import static com.deskbridge.intent.Intent.WHERE_IS_MY_ORDER;

/** English cues. Weights: 4–5 unambiguous phrase, 3–3.5 strong word, 2–2.5 supporting, 1–1.5 weak. */
final class EnglishLexicon {
    private EnglishLexicon() {
    }

    static void define(LexiconBuilder b) {
        b.language(Language.EN)
                .negators("not no never t dont didnt doesnt isnt wasnt havent hasnt wont cant cannot without nothing nor")
                .clauseBreaks("but however although though");
        deliveries(b);
        refundsAndCancellations(b);
        returnsAndDamage(b);
        questionsAndPraise(b);
    }

    /** Where is my order, delivery problems. */
    private static void deliveries(LexiconBuilder b) {
        b.always(WHERE_IS_MY_ORDER, 4, "where is my order", "where is my package", "where is my parcel",
                        "where is my item", "where is my delivery", "where is my shipment", "where s my", "wheres my",
                        "where is _ order", "where is _ package", "where is _ parcel", "status of my order",
                        "track my order", "track my package", "tracking my order", "any update on my order",
                        "still waiting for", "still waiting on", "has it shipped", "has my order shipped",
                        "has my order been shipped", "when will _ arrive", "when will _ be delivered",
                        "when will _ ship", "when will i get", "when will i receive", "when can i expect")
                .always(WHERE_IS_MY_ORDER, 3, "order status", "still waiting", "been waiting", "any update",
                        "where is it", "not arrived yet", "not here yet", "still nothing", "no sign of",
                        "tracking hasn t updated", "tracking has not updated", "tracking not updated",
                        "hasn t moved", "has not moved")
                .always(WHERE_IS_MY_ORDER, 2, "expected delivery", "eta",
                        "estimated delivery", "where is")
                .always(WHERE_IS_MY_ORDER, 1.5, "tracking", "delivery date", "tracking number", "tracking info*")
                .whenNegated(WHERE_IS_MY_ORDER, 3, "receiv*", "reciev*", "recived", "arriv*", "deliver*", "shipped",
                        "dispatched", "got it", "get it", "come yet", "showed up", "turned up");
        b.always(DELIVERY_PROBLEM, 4.5, "marked as delivered", "shows as delivered", "shows delivered",
                        "says delivered", "says it was delivered", "says it has been delivered", "status delivered",
                        "confirmed delivered", "delivered to the wrong", "delivered to a different",
                        "returned to sender", "return to sender", "sent back to the sender", "lost in transit",
                        "stuck in customs", "held in customs", "sent me the wrong", "received the wrong",
                        "got the wrong", "wrong item", "wrong product", "empty box", "empty package",
                        "package was empty", "box was empty", "parcel was empty", "delivery was cancelled",
                        "delivery was canceled", "cancelled the delivery", "canceled the delivery")
                .always(DELIVERY_PROBLEM, 4, "was supposed to arrive", "should have arrived", "was due",
                        "past the delivery date", "past the estimated", "past the expected", "overdue",
                        "missing from the package", "missing from the parcel", "missing from the box",
                        "items missing", "item missing", "part missing", "parts missing", "failed delivery",
                        "delivery attempt", "wrong address", "left at the wrong", "left with a neighbour",
                        "left with a neighbor", "got lost")
                .unlessNegated(DELIVERY_PROBLEM, 4, "delay*", "late", "stolen")
                .unlessNegated(DELIVERY_PROBLEM, 3.5, "lost")
                .always(DELIVERY_PROBLEM, 2.5, "customs", "neighbour*", "neighbor*", "missing")
                .always(DELIVERY_PROBLEM, 1.5, "courier", "driver", "carrier");
    }

    /** Refunds, cancellations. */
    private static void refundsAndCancellations(LexiconBuilder b) {
        b.always(REFUND_REQUEST, 4.5, "where is my refund", "money back", "partial refund", "full refund",
                        "refund me", "refund my", "issue a refund", "process the refund", "get a refund",
                        "refund please")
                .unlessNegated(REFUND_REQUEST, 4.5, "want a refund", "like a refund", "want my money",
                        "need a refund")
                .always(REFUND_REQUEST, 3.5, "refund*", "reimburs*", "chargeback", "my money")
                .always(REFUND_REQUEST, 2, "charged twice", "double charged", "credit my");
        b.unlessNegated(CANCELLATION_REQUEST, 5, "cancel my order", "cancel the order", "cancel this order",
                        "cancel order", "cancel it", "cancel my purchase", "cancel the purchase")
                .always(CANCELLATION_REQUEST, 3.5, "cancel*", "stop the order", "stop the shipment",
                        "stop my order")
                .always(CANCELLATION_REQUEST, 2, "ordered by mistake", "no longer need", "don t need it anymore",
                        "accidentally ordered", "ordered twice", "ordered it twice")
                .always(PRODUCT_QUESTION, 1.5, "noise cancel*")
                .neutral("cancel my subscription", "cancel _ subscription", "cancel _ membership",
                        "cancel _ appointment");
        b.neutral("change the delivery address", "change _ address", "good morning", "good afternoon", "good evening", "good day", "no problem");
    }

    /** Returns, damaged items. */
    private static void returnsAndDamage(LexiconBuilder b) {
        b.always(RETURN, 4.5, "how do i return", "how can i return", "how to return", "return label",
                        "returns label", "return address", "return policy", "return shipping", "return window",
                        "return request", "returns process", "return process")
                .unlessNegated(RETURN, 4, "want to return", "like to return", "return it", "return them",
                        "return the item", "return this", "return my", "send it back", "send them back",
                        "send _ back", "exchange it", "exchange for", "swap it")
                .always(RETURN, 3, "return*", "exchange")
                .always(RETURN, 1.5, "returned", "sent it back", "sent back")
                .always(RETURN, 2.5, "doesn t fit", "does not fit", "too small", "too big", "too large",
                        "not as described", "changed my mind");
        b.unlessNegated(DAMAGED_ITEM, 4, "damag*", "broken", "cracked", "smashed", "shattered", "defect*",
                        "faulty", "dead on arrival", "doa", "stopped working", "in pieces", "crushed")
                .unlessNegated(DAMAGED_ITEM, 3.5, "broke", "dented", "scratch*", "torn", "ripped", "leak*",
                        "malfunction*", "crack*", "bent", "stain*", "moldy", "mouldy", "busted", "shorted")
                .whenNegated(DAMAGED_ITEM, 3.5, "work*", "turn on", "turns on", "charge", "charging", "switch on")
                .always(DAMAGED_ITEM, 2.5, "replacement", "replace it", "send a new one", "send another");
    }

    /** Product questions, positive feedback. */
    private static void questionsAndPraise(LexiconBuilder b) {
        b.always(PRODUCT_QUESTION, 4, "is it compatible", "is this compatible", "will it fit", "will this fit",
                        "will it work with", "will this work with", "does it work with", "does this work with",
                        "does it come with", "does this come with", "how do i use", "how to use",
                        "how do i set up", "how to set up", "how do i install", "what size",
                        "which size", "size chart", "size guide", "made of", "is it waterproof",
                        "before i order", "before i buy", "before buying", "difference between", "battery life",
                        "back in stock", "is it available", "in stock")
                .always(PRODUCT_QUESTION, 3, "compatib*", "dimensions", "measurements", "instructions", "manual",
                        "waterproof", "suitable for", "material", "warranty", "restock", "does it", "does this",
                        "can i use", "is it possible to use", "question about", "what is the", "how long does",
                        "how many", "come with", "comes with")
                .always(PRODUCT_QUESTION, 2, "question", "wondering", "available");
        b.always(POSITIVE_FEEDBACK, 4, "fast delivery", "quick delivery", "fast shipping", "quick shipping",
                        "arrived quickly", "arrived early", "arrived fast", "arrived on time", "arrived promptly",
                        "arrived ahead", "great product", "love it", "loves it", "works great", "works perfectly",
                        "works fine", "works well", "great service", "excellent service", "highly recommend",
                        "exactly as described", "will buy again", "would buy again", "well packaged", "well packed",
                        "good quality", "great quality", "five stars", "# stars", "thank you so much",
                        "thanks so much", "very happy", "really happy", "so happy", "very pleased", "super happy")
                .unlessNegated(POSITIVE_FEEDBACK, 3, "happy with", "pleased with", "satisfied", "recommend",
                        "excellent", "awesome", "fantastic", "brilliant", "wonderful", "perfect", "amazing",
                        "as described", "love", "superb", "delighted", "impressed", "thrilled")
                .always(POSITIVE_FEEDBACK, 2.5, "all good", "all fine", "thanks for your help", "thank you for your help",
                        "thanks for the help", "appreciate")
                .always(POSITIVE_FEEDBACK, 1.5, "great", "good", "nice", "lovely")
                .always(POSITIVE_FEEDBACK, 1, "thank you", "thanks", "thx");
    }
}
