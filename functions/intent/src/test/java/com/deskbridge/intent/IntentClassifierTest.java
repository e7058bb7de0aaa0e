package com.deskbridge.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The trained model as the functions use it. Behaviour that holds whatever the exact weights are (the model is
 * retrained when the corpus changes); the frozen test split holds the accuracy ({@code IntentTestSplitTest}).
 */
class IntentClassifierTest {
    /** A stand-in for the Lingua adapter (functions/language) that records what it was asked about. */
    private final List<String> detected = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final IntentClassifier classifier = new IntentClassifier(text -> {
        detected.add(text);
        return text.contains("lamp") ? new LanguageDetector.Detected(Language.EN, 0.9) : LanguageDetector.Detected.UNKNOWN;
    });

    @Test
    void probabilitiesAreCalibratedDistributionsAndTriageFollowsTheThreshold() {
        IntentResult r = classifier.classify("Where is my order?",
                "Hello, I ordered a lamp two weeks ago and it still has not arrived. Where is it?");
        assertThat(r.probabilities()).hasSize(Intent.values().length);
        assertThat(r.probabilities().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.confidence()).isEqualTo(r.probabilities().get(r.intent()));
        assertThat(r.needsTriage()).isEqualTo(r.confidence() < classifier.threshold());
        assertThat(classifier.threshold()).isBetween(0.0, 1.0);
        assertThat(r.language()).isEqualTo(Language.EN);
        assertThat(r.languageConfidence()).isEqualTo(0.9);
    }

    @Test
    void theLanguageIsDetectedOnTheBuyersOwnTextNotTheQuotedHistory() {
        classifier.classify("Re: order", "Where is my parcel? It has been two weeks now.\n\n"
                + "On Mon, 3 Mar 2026 Shop wrote:\n> Ihre Bestellung wurde heute versandt.");
        assertThat(detected).last().asString().contains("Where is my parcel").doesNotContain("Bestellung");
        assertThat(new IntentClassifier(LanguageDetector.NONE).classify("", "Where is my parcel? It has been two weeks.")
                .language()).isEqualTo(Language.UNKNOWN);
    }

    @Test
    void clearMessagesInEachLanguageGetTheirIntent() {
        Map<String, Intent> clear = Map.of(
                "Bitte stornieren Sie meine Bestellung, ich brauche sie nicht mehr.", Intent.CANCELLATION_REQUEST,
                "Je voudrais annuler ma commande s'il vous plaît, je n'en ai plus besoin.", Intent.CANCELLATION_REQUEST,
                "Proszę anulować moje zamówienie, już go nie potrzebuję.", Intent.CANCELLATION_REQUEST,
                "Kunnen jullie mijn bestelling annuleren? Ik heb het niet meer nodig.", Intent.CANCELLATION_REQUEST,
                "Jag vill avbeställa min order, jag behöver den inte längre.", Intent.CANCELLATION_REQUEST);
        clear.forEach((text, intent) -> assertThat(classifier.classify("", text).intent()).as(text).isEqualTo(intent));
    }

    @Test
    void quotedHistoryDoesNotSteerTheResult() {
        String own = "Thank you so much, the replacement works perfectly, you can close this.";
        String quoted = own + "\n\nOn Tue, 4 Nov 2025 at 09:00, Shop <s@shop.example> wrote:\n"
                + "> Sorry it arrived broken, we will send a replacement or refund you, as you prefer.\n";
        assertThat(classifier.classify("", quoted).probabilities())
                .isEqualTo(classifier.classify("", own).probabilities());
    }

    @Test
    void aBuyerWhoOnlyPointsAtAForwardedNoticeIsReadWithIt() {
        String forward = "see below??\n---------- Forwarded message ---------\nFrom: DHL <noreply@dhl.example>\n"
                + "Date: Mon, 3 Mar 2026\nSubject: Ihre Sendung\nYour parcel was returned to the sender.";
        IntentClassifier.Text text = IntentClassifier.Text.of("", forward);
        assertThat(text.read()).contains("returned to the sender");
        assertThat(text.own()).doesNotContain("returned");
    }

    @Test
    void aMessageWithNoWordTheModelKnowsNeedsTriage() {
        for (String text : List.of("asdf", "qwerty zxcv", "???")) {
            assertThat(classifier.classify("", text).needsTriage()).as(text).isTrue();
        }
        assertThat(classifier.classify("Parcel", "asdf").needsTriage()).as("a known subject does not read the body").isTrue();
        assertThat(classifier.classify("", "Where is my parcel? It has not arrived.").needsTriage()).isFalse();
    }

    @Test
    void emptyAndNullInputsAreClassifiedWithoutError() {
        IntentResult r = classifier.classify(null, null);
        assertThat(r.language()).isEqualTo(Language.UNKNOWN);
        assertThat(r.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void hugeInputIsCut() {
        IntentResult r = classifier.classify("", "where is my order ".repeat(100_000));
        assertThat(r.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void theModelFileRoundTrips() throws Exception {
        LinearModel model = classifier.model();
        LinearModel copy = LinearModel.read(new java.io.ByteArrayInputStream(model.toBytes()));
        assertThat(copy.labels()).isEqualTo(model.labels());
        assertThat(copy.features()).isEqualTo(model.features());
        assertThat(copy.parameters()).isEqualTo(model.parameters());
        IntentClassifier again = new IntentClassifier(copy, LanguageDetector.NONE);
        for (String text : List.of("Where is my parcel?", "Das Glas kam zerbrochen an.", "Dziękuję, wszystko ok!")) {
            assertThat(again.classify("", text)).isEqualTo(new IntentClassifier(LanguageDetector.NONE).classify("", text));
        }
    }
}
