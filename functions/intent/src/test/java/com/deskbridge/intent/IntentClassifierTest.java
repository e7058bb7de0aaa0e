package com.deskbridge.intent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntentClassifierTest {
    private final IntentClassifier classifier = new IntentClassifier();

    private Intent intentOf(String subject, String body) {
        return classifier.classify(subject, body).intent();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            EN | WHERE_IS_MY_ORDER    | Hello, my order still hasn't arrived. When will it be delivered?
            EN | DAMAGED_ITEM         | The mug arrived cracked and the handle is broken.
            EN | RETURN               | How can I return these trousers? They are too big.
            EN | PRODUCT_QUESTION     | Is this charger compatible with a Pixel 8?
            DE | WHERE_IS_MY_ORDER    | Hallo, ich habe meine Bestellung noch nicht erhalten. Wo ist mein Paket?
            DE | CANCELLATION_REQUEST | Bitte stornieren Sie meine Bestellung, ich brauche sie nicht mehr.
            DE | REFUND_REQUEST       | Ich möchte bitte eine Rückerstattung für die Bestellung.
            DE | DAMAGED_ITEM         | Der Toaster ist leider defekt und funktioniert nicht.
            FR | WHERE_IS_MY_ORDER    | Bonjour, je n'ai pas reçu ma commande, où est mon colis ?
            FR | RETURN               | Je voudrais retourner la robe, elle est trop petite.
            FR | POSITIVE_FEEDBACK    | Livraison rapide, produit parfait, merci beaucoup !
            FR | DELIVERY_PROBLEM     | Le colis est marqué comme livré mais je ne l'ai pas.
            IT | WHERE_IS_MY_ORDER    | Buongiorno, non ho ancora ricevuto il pacco. Quando arriva?
            IT | REFUND_REQUEST       | Vorrei il rimborso dell'ordine per favore.
            IT | DAMAGED_ITEM         | Il telefono non si accende, è difettoso.
            IT | PRODUCT_QUESTION     | Che taglia devo prendere? Di che materiale è?
            ES | WHERE_IS_MY_ORDER    | Hola, todavía no he recibido mi pedido. ¿Dónde está?
            ES | CANCELLATION_REQUEST | Quiero cancelar el pedido, por favor.
            ES | DELIVERY_PROBLEM     | Me enviaron un producto equivocado, pedí otro color.
            ES | POSITIVE_FEEDBACK    | Muy satisfecho, llegó rápido y bien embalado. ¡Lo recomiendo!
            """)
    void classifiesEachLanguage(Language language, Intent expected, String body) {
        IntentResult r = classifier.classify("", body);
        assertThat(r.intent()).isEqualTo(expected);
        assertThat(r.language()).isEqualTo(language);
        assertThat(r.confidence()).isBetween(0.0, 1.0).isGreaterThan(0.0);
        assertThat(r.cues()).anyMatch(c -> c.intent() == expected);
    }

    @Test
    void negatedDamageIsNotDamage() {
        assertThat(intentOf("", "The parcel arrived today, nothing damaged, works great. Thanks!"))
                .isEqualTo(Intent.POSITIVE_FEEDBACK);
        assertThat(intentOf("", "Das Paket kam an, nicht beschädigt, alles gut, danke!"))
                .isEqualTo(Intent.POSITIVE_FEEDBACK);
        assertThat(intentOf("", "The parcel arrived today, the lamp is damaged.")).isEqualTo(Intent.DAMAGED_ITEM);
    }

    @Test
    void negatedReceiptIsWhereIsMyOrderAndPlainReceiptIsNot() {
        assertThat(intentOf("", "Colis pas reçu.")).isEqualTo(Intent.WHERE_IS_MY_ORDER);
        assertThat(intentOf("", "Colis bien reçu, merci beaucoup !")).isEqualTo(Intent.POSITIVE_FEEDBACK);
        assertThat(intentOf("", "Ich habe das Paket nicht erhalten.")).isEqualTo(Intent.WHERE_IS_MY_ORDER);
        assertThat(intentOf("", "I have not received my order yet.")).isEqualTo(Intent.WHERE_IS_MY_ORDER);
        assertThat(intentOf("", "I received my order.")).isEqualTo(Intent.OTHER);
    }

    @Test
    void negationDoesNotCrossAClauseBoundary() {
        IntentResult r = classifier.classify("", "No, it is damaged.");
        assertThat(r.intent()).isEqualTo(Intent.DAMAGED_ITEM);
        IntentResult but = classifier.classify("", "It wasn't late but the box is broken.");
        assertThat(but.intent()).isEqualTo(Intent.DAMAGED_ITEM);
        assertThat(but.scores().get(Intent.DELIVERY_PROBLEM)).isZero();
    }

    @Test
    void requestedActionWinsOverDescribedProblemAndTheProblemIsSecondary() {
        IntentResult r = classifier.classify("", "The parcel arrived damaged, I want a refund.");
        assertThat(r.intent()).isEqualTo(Intent.REFUND_REQUEST);
        assertThat(r.secondary()).isEqualTo(Intent.DAMAGED_ITEM);
        assertThat(intentOf("", "Le colis est arrivé abîmé, je veux le retourner."))
                .isEqualTo(Intent.RETURN);
        assertThat(intentOf("", "Die Vase ist zerbrochen. Bitte schicken Sie Ersatz."))
                .isEqualTo(Intent.DAMAGED_ITEM);
    }

    @Test
    void complaintBeatsPraiseWordsIncludingSarcasm() {
        assertThat(intentOf("", "Great. Three weeks and still waiting. Fantastic service."))
                .isEqualTo(Intent.WHERE_IS_MY_ORDER);
        assertThat(intentOf("", "Tracking was accurate and it arrived early, excellent service!"))
                .isEqualTo(Intent.POSITIVE_FEEDBACK);
    }

    @Test
    void cancelInOtherSensesIsNotACancellation() {
        assertThat(intentOf("", "Do these noise cancelling headphones come with a case?"))
                .isEqualTo(Intent.PRODUCT_QUESTION);
        assertThat(intentOf("", "Please don't cancel my order, I still want it! When will it ship?"))
                .isEqualTo(Intent.WHERE_IS_MY_ORDER);
        assertThat(intentOf("", "Please cancel my order.")).isEqualTo(Intent.CANCELLATION_REQUEST);
    }

    @Test
    void quotedHistoryIsIgnored() {
        String body = "Thanks, all good now, I love it!\n\nOn Tue, 4 Nov 2025 at 09:00, Shop <s@shop.example> wrote:\n"
                + "> Sorry it arrived damaged, do you want a refund or to return it?\n";
        IntentResult r = classifier.classify("Re: Damaged parcel", body);
        assertThat(r.intent()).isEqualTo(Intent.POSITIVE_FEEDBACK);
        assertThat(r.cues()).noneMatch(c -> c.field().equals("body") && c.matchedText().contains("damag"));
        assertThat(intentOf("", "Danke!\n> Ihre Ware ist leider beschädigt.")).isEqualTo(Intent.OTHER);
    }

    @Test
    void replySubjectCountsLittle() {
        IntentResult r = classifier.classify("Re: Refund for damaged item", "Thank you so much, it works perfectly now!");
        assertThat(r.intent()).isEqualTo(Intent.POSITIVE_FEEDBACK);
        assertThat(intentOf("Refund", "")).isEqualTo(Intent.REFUND_REQUEST);
    }

    @Test
    void orderIdsAndTrackingNumbersDoNotConfuseIt() {
        IntentResult r = classifier.classify("Order 302-1234567-7654321",
                "Tracking 1Z999AA10123456784 / JJD000390007876543: where is my parcel?");
        assertThat(r.intent()).isEqualTo(Intent.WHERE_IS_MY_ORDER);
        assertThat(r.cues()).allMatch(c -> !c.matchedText().contains("1z999"));
        assertThat(intentOf("302-1234567-7654321", "1Z999AA10123456784")).isEqualTo(Intent.OTHER);
    }

    @Test
    void typosAndUmlautSpellingsAreCovered() {
        assertThat(intentOf("", "i havent recieved my pakage")).isEqualTo(Intent.WHERE_IS_MY_ORDER);
        assertThat(intentOf("", "Ich moechte eine Rueckerstattung")).isEqualTo(Intent.REFUND_REQUEST);
    }

    @Test
    void emptyAndNullInputsAreOther() {
        IntentResult r = classifier.classify(null, null);
        assertThat(r.intent()).isEqualTo(Intent.OTHER);
        assertThat(r.language()).isEqualTo(Language.UNKNOWN);
        assertThat(r.cues()).isEmpty();
        assertThat(r.confidence()).isEqualTo(1.0);
        assertThat(r.secondary()).isNull();
    }

    @Test
    void hugeInputIsCutAndStaysFast() {
        String body = "where is my order ".repeat(100_000) + "refund";
        IntentResult r = classifier.classify("", body);
        assertThat(r.intent()).isEqualTo(Intent.WHERE_IS_MY_ORDER);
        assertThat(r.cues()).noneMatch(c -> c.intent() == Intent.REFUND_REQUEST);
    }

    @Test
    void eachCueCountsOnce() {
        IntentResult once = classifier.classify("", "refund");
        IntentResult many = classifier.classify("", "refund refund refund refund");
        assertThat(many.scores().get(Intent.REFUND_REQUEST)).isEqualTo(once.scores().get(Intent.REFUND_REQUEST));
    }
}
