package com.deskbridge.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.intent.Language;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ComplianceCheckerTest {
    private static final ComplianceChecker CHECKER = new ComplianceChecker();

    private static List<RuleId> rules(String body) {
        return CHECKER.check(body).findings().stream().map(Finding::rule).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "EXTERNAL_LINK|Infos: https://shop-example.com/faq",
        "EXTERNAL_LINK|Siehe www.beispiel-shop.de",
        "EXTERNAL_LINK|Tutto su negozio-esempio.it/guida",
        "EXTERNAL_LINK|Visitez exemple dot fr",
        "EXTERNAL_LINK|Ver tienda-ejemplo[.]es",
        "EMAIL_ADDRESS|Mail: a.b@example.org",
        "EMAIL_ADDRESS|hilfe(at)beispiel.de",
        "EMAIL_ADDRESS|contact chez exemple point com",
        "EMAIL_ADDRESS|info arroba ejemplo punto es",
        "EMAIL_ADDRESS|assistenza [at] esempio [dot] it",
        "PHONE_NUMBER|Ring 020 7946 0958",
        "PHONE_NUMBER|Telefon +49 30 12345678",
        "PHONE_NUMBER|Appelez le 06 12 34 56 78",
        "PHONE_NUMBER|Chiami il 347 123 4567",
        "PHONE_NUMBER|Llame al 600 123 456",
        "EMAIL_ADDRESS|Schreiben Sie an service(at)beispiel-shop(punkt)de",
        "EMAIL_ADDRESS|mail naar info [at] winkel [punt] nl",
        "EMAIL_ADDRESS|napisz: sklep(at)przyklad(kropka)pl",
        "EXTERNAL_LINK|Kijk op winkel punt nl",
        "PHONE_NUMBER|Bel ons op 020 123 4567",
        "PHONE_NUMBER|Zadzwoń: +48 22 123 45 67",
        "PHONE_NUMBER|Ring 08-123 456 78",
        "EMOJI_OR_PICTOGRAPH|Thank you for your patience :)",
        "EMOJI_OR_PICTOGRAPH|Merci beaucoup :-)",
        "EMOJI_OR_PICTOGRAPH|Viel Spaß damit :D",
        "EMOJI_OR_PICTOGRAPH|We love our customers <3",
        "EMOJI_OR_PICTOGRAPH|Tack så mycket ^^",
        "EMOJI_OR_PICTOGRAPH|Sorry for the mix-up xD",
        "EMOJI_OR_PICTOGRAPH|Rating ★★★",
        "EMOJI_OR_PICTOGRAPH|Danke 🙏",
    })
    void detectsEachRuleInEachLanguage(RuleId rule, String body) {
        assertThat(rules(body)).contains(rule);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Your order 302-1234567-1234567 ships today.",
        "UPS 1Z999AA10123456784 and DHL JJD000390007768012 are both on their way.",
        "Delivered on 12.03.2025, refund of 1.299,00 € issued, 3 items, postcode 10115.",
        "The carrier will call you before delivery.",
        "We reviewed your case and the review is complete.",
        "Thank you for your kind words.",
        "The meeting is at 10:30, see point a) and b).",
        "Orders under 30 € ship in <30 days.",
        "Wir haben Ihren Fall geprüft. Vielen Dank für Ihre positive Bewertung!",
        "À notre avis, un avis de passage a été déposé.",
        "Il prezzo sale a 9,90 € per le isole.",
        "El paquete sale hoy del almacén.",
        "Return it via https://www.amazon.de/returns or sellercentral.amazon.co.uk, short link amzn.to/3xYz.",
        "Invoice.pdf is attached, e.g. see section 3.5, z.B. Seite 2.",
        "EAN 4006381333931, ASIN B08XYZ1234.",
        "Brand™ and Brand® ©2025 → next step",
        "Nous espérons que vous êtes satisfait. We hope you are satisfied.",
    })
    void trickyTextsTripNoDeterministicDetector(String body) {
        // The learned rules (marketing, review requests, off-Amazon contact) are measured on the corpora instead;
        // on some of these short texts they raise false alarms (README "Language models", known limits).
        assertThat(CHECKER.check(body).findings()).extracting(Finding::rule)
                .allMatch(LearnedRules.RULES::contains);
    }

    @Test
    void offsetsPointAtTheMatchedTextEvenAfterFoldingChangesLengths() {
        String body = "Straße Größe: Besuchen Sie unseren Onlineshop 😀👍🏽 www.straße-shop.de und ruf 0176 1234567 an.";
        ComplianceReport report = CHECKER.check(body);
        assertThat(report.findings()).isNotEmpty();
        for (Finding f : report.findings()) {
            assertThat(body.substring(f.start(), f.end())).isEqualTo(f.matched());
        }
        assertThat(report.findings()).extracting(Finding::matched)
                .contains("😀", "👍🏽", "www.straße-shop.de", "0176 1234567");
    }

    @Test
    void zwjSequencesAndFlagsCountOnce() {
        List<Finding> f = CHECKER.check("Team 👨‍👩‍👧 and 🇩🇪!").findings();
        assertThat(f).extracting(Finding::matched).containsExactly("👨‍👩‍👧", "🇩🇪");
        assertThat(f).allMatch(x -> x.severity() == Severity.BLOCK);
        assertThat(CHECKER.check("Rating ★★★").findings()).allMatch(x -> x.severity() == Severity.BLOCK).isNotEmpty();
        assertThat(rules("Press 1️⃣ now")).containsExactly(RuleId.EMOJI_OR_PICTOGRAPH);
    }

    @Test
    void carrierLinksFollowThePolicy() {
        String body = "Tracking: https://www.dhl.de/de/privatkunden.html?piececode=00340434161234567890 thanks";
        ComplianceReport blocked = new ComplianceChecker(CarrierLinkPolicy.BLOCK).check(body);
        assertThat(blocked.blocked()).isTrue();
        Finding f = blocked.findings().get(0);
        assertThat(f.rule()).isEqualTo(RuleId.EXTERNAL_LINK);
        assertThat(f.saferAlternative()).contains("DHL 00340434161234567890");
        assertThat(new ComplianceChecker(CarrierLinkPolicy.ALLOW_KNOWN_CARRIERS).check(body).findings()).isEmpty();
        assertThat(new ComplianceChecker(CarrierLinkPolicy.ALLOW_KNOWN_CARRIERS)
                .check("See https://track-my-parcel.example.com/x").has(RuleId.EXTERNAL_LINK)).isTrue();
    }

    @Test
    void amazonLookalikesAreNotAmazon() {
        assertThat(rules("https://amazon.de.evil-example.com/login")).contains(RuleId.EXTERNAL_LINK);
        assertThat(rules("myamazon.de/deal")).contains(RuleId.EXTERNAL_LINK);
        assertThat(rules("https://sellercentral.amazon.com.mx/help")).doesNotContain(RuleId.EXTERNAL_LINK);
    }

    @Test
    void everyTextFindingBlocks() {
        ComplianceReport r = CHECKER.check("Mail info@x-shop.de, call +49 30 1234567, see www.x-shop.de :) ★");
        assertThat(r.findings()).isNotEmpty().allMatch(f -> f.severity() == Severity.BLOCK);
        assertThat(r.blocked()).isTrue();
    }

    @Test
    void learnedRulesFindClearViolationsWithTheirSentenceAndLeaveFactsAlone() {
        String review = "Your replacement left today. If you are happy, please leave us a 5-star review on Amazon!";
        ComplianceReport r = CHECKER.check(review);
        assertThat(r.has(RuleId.REVIEW_REQUEST)).isTrue();
        Finding f = r.findings().stream().filter(x -> x.rule() == RuleId.REVIEW_REQUEST).findFirst().orElseThrow();
        assertThat(f.matched()).isEqualTo("If you are happy, please leave us a 5-star review on Amazon!");
        assertThat(f.saferAlternative()).contains("Request a Review");
        assertThat(CHECKER.check("Your order 302-1234567-1234567 was shipped today with DHL.").findings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mit freundlichen Grüßen", "Hallo Anna Müller,", "Kind regards, Megan", "Cordiali saluti,",
        "Un cordial saludo,", "Met vriendelijke groet,", "Z pozdrowieniami", "Vänliga hälsningar", "Hej Anna Müller!",
        "Sehr geehrte Frau Müller,", "Bonjour Madame Dupont,", "Gruß, Jens von GrillGut", "Thanks, Dev at HomeBrew Kitchen",
        "Groetjes, Noor", "Pozdrawiamy serdecznie", "Un saludo, el equipo de Casa Sol"})
    void greetingsAndSignOffsAreSalutations(String sentence) {
        assertThat(Sentences.salutation(sentence)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Best price in our store", "Follow us on Instagram", "Mit freundlichen Grüßen und 10 % Rabatt",
        "Hallo, bitte bewerten Sie uns", "Kind regards, and please leave us a review", "Visit Our Shop",
        "Thanks for shopping with us", "Gruß, und schauen Sie in unseren Shop"})
    void sentencesWithMoreThanAGreetingAreNot(String sentence) {
        assertThat(Sentences.salutation(sentence)).isFalse();
    }

    @Test
    void aReviewAskBetweenGreetingAndSignOffIsTheSpanNeverTheSignOff() {
        String text = "Hallo Anna Müller,\n\nIhr Ersatz ist heute rausgegangen. Wenn Sie zufrieden sind, hinterlassen Sie "
                + "uns bitte eine 5-Sterne-Bewertung auf Amazon!\n\nMit freundlichen Grüßen\nHausrat Schmidt";
        Finding f = CHECKER.check(text).findings().stream().filter(x -> x.rule() == RuleId.REVIEW_REQUEST)
                .findFirst().orElseThrow();
        assertThat(f.matched()).contains("5-Sterne-Bewertung").doesNotContain("Grüßen", "Hallo");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Hi Morgan, the Cyber Monday discount of 20% was applied to your order at checkout; you can see it on your "
            + "invoice as \"Promotion applied\".",
        "Hallo Herr Weber, der Rabatt aus dem Blitzangebot wurde bei Ihrer Bestellung bereits abgezogen, Sie finden ihn "
            + "auf der Rechnung.",
        "Hello, the promotion had ended before you placed your order, so the regular price was charged.",
        "Bonjour, la remise de 15 % de l'offre éclair a bien été appliquée à votre commande, vous la voyez sur la facture.",
    })
    void factsAboutTheBuyersOwnOrderAreSent(String body) {
        assertThat(CHECKER.check(body).blocked()).as(body).isFalse();
    }

    @Test
    void crossSellingWithoutADiscountWordIsMarketingEvenInAPostscript() {
        String ps = "Your replacement lid left today.\nKind regards,\nAnna, Hausrat Schmidt\nP.S. The matching lid for the "
                + "larger pan is now in our store.";
        Finding f = CHECKER.check(ps).findings().stream().filter(x -> x.rule() == RuleId.MARKETING).findFirst()
                .orElseThrow();
        assertThat(f.matched()).contains("matching lid").doesNotContain("Kind regards", "Hausrat Schmidt");
        assertThat(rules("Die Ersatzklinge ist unterwegs. Übrigens: Unser neues Messerset ist jetzt in unserem Shop "
                + "erhältlich.")).contains(RuleId.MARKETING);
        assertThat(rules("Your parcel left today. The matching lid is now in our store.")).contains(RuleId.MARKETING);
    }

    @Test
    void aReplyOfOneOrTwoWordsIsNotDecidedByAModelButStillByTheLexicalRules() {
        for (String text : List.of("Hello", "Hallo!", "Team and!", "Merci beaucoup", "Tack så mycket")) {
            assertThat(rules(text)).as(text).isEmpty();
        }
        assertThat(rules("Hello 😀")).containsExactly(RuleId.EMOJI_OR_PICTOGRAPH);
        assertThat(rules("Hello info@x-shop.de")).contains(RuleId.EMAIL_ADDRESS);
        assertThat(rules("Please leave us a five-star review on Amazon!")).contains(RuleId.REVIEW_REQUEST);
    }

    @Test
    void macroPlaceholdersAreNotReadAsWords() {
        String template = "Hello {{CustomerName}}, thank you for your message about order {{OrderID}}. The parcel left our "
                + "warehouse and is on its way to you. Kind regards, Nordwind Werkzeug";
        assertThat(rules(template)).isEmpty();
        assertThat(LearnedRules.withoutPlaceholders("Hi {{CustomerName}}!")).isEqualTo("Hi                 !");
        assertThat(LearnedRules.withoutPlaceholders("a {{ b")).isEqualTo("a {{ b");
        assertThat(rules("Hello {{CustomerName}}, please leave us a five-star review for order {{OrderID}}!"))
                .contains(RuleId.REVIEW_REQUEST);
    }

    @Test
    void greetingsAndSignOffsAreNotReadByTheModels() {
        assertThat(LearnedRules.modelText("Hello Anna, your parcel is on its way.\nKind regards,\nTom"))
                .isEqualTo("            your parcel is on its way.\n             \n   ");
        assertThat(LearnedRules.modelText("Best price in our store, today only.")).isEqualTo("Best price in our store, today only.");
        assertThat(LearnedRules.modelText("Your parcel left today.\nViele Grüße\nFutterfix Neuss"))
                .isEqualTo("Your parcel left today.\n" + " ".repeat("Viele Grüße".length()) + "\n"
                        + " ".repeat("Futterfix Neuss".length()));
        assertThat(LearnedRules.modelText("Hi!\nBlack Friday Deals\nAll knives 20% off."))
                .isEqualTo("   \nBlack Friday Deals\nAll knives 20% off.");
        assertThat(LearnedRules.modelText("Thanks for waiting.\nKind regards,\nAnna, Hausrat Schmidt\nP.S. Our new lids are in "
                + "the store.")).isEqualTo("Thanks for waiting.\n" + " ".repeat("Kind regards,".length()) + "\n"
                + " ".repeat("Anna, Hausrat Schmidt".length()) + "\n     Our new lids are in the store.");
        // a greeting to a generic addressee: once read, "Chère cliente, cher client," was a marketing span
        for (String greeting : List.of("Chère cliente, cher client,", "Dear customer,", "Dear friend,",
                "Drogi Kliencie,", "Estimados clientes,")) {
            assertThat(LearnedRules.modelText(greeting + "\nYour parcel left today."))
                    .isEqualTo(" ".repeat(greeting.length()) + "\nYour parcel left today.");
        }
        assertThat(rules("Hello, your backpack is with UPS (1Z999AA10123456784) and should arrive soon.")).isEmpty();
        assertThat(rules("Hallo Anna,\nbitte hinterlassen Sie uns eine 5-Sterne-Bewertung!\nViele Grüße"))
                .contains(RuleId.REVIEW_REQUEST);
    }

    @Test
    void shortQuotationsAreNotReadByTheModels() {
        assertThat(LearnedRules.withoutQuotedNames("Sorry that ”Kaffeemühle Classic” did not suit you."))
                .isEqualTo("Sorry that ”" + " ".repeat("Kaffeemühle Classic".length()) + "” did not suit you.");
        assertThat(LearnedRules.withoutQuotedNames("Tracking says „Zugestellt“ and «Livré»."))
                .isEqualTo("Tracking says „" + " ".repeat("Zugestellt".length()) + "“ and «     ».");
        assertThat(LearnedRules.withoutQuotedNames("a \"b\nc\" d")).as("not across a line").isEqualTo("a \"b\nc\" d");
        String longQuote = "\"" + "x".repeat(LearnedRules.MAX_QUOTED + 1) + "\"";
        assertThat(LearnedRules.withoutQuotedNames(longQuote)).as("a long quotation is read").isEqualTo(longQuote);
        // the built-in Swedish return macro, rendered for two products: the product's name decides nothing
        for (String product : List.of("Kaffeemühle Classic", "Vandringsryggsäck 30 l", "Premium Bestseller Deluxe")) {
            assertThat(rules("Hej Jana!\n\nTack för ditt meddelande om beställning 028-5550001-0000001. Vi beklagar att ”"
                    + product + "” inte motsvarade dina förväntningar.\n\nDu kan starta returen direkt i ditt "
                    + "Amazon-konto: gå till ”Dina beställningar”, välj den här beställningen och klicka på ”Returnera "
                    + "eller ersätt varor”. Amazon visar sedan returetiketten och nästa steg.\n\nSå snart varan är "
                    + "tillbaka hos oss behandlar vi din återbetalning utan dröjsmål. Om du har frågor om returen "
                    + "svarar du bara på det här meddelandet.\n\nVänliga hälsningar\nNordlicht Textil"))
                    .as(product).isEmpty();
        }
        assertThat(rules("Please leave us a \"five-star\" review for order 028-5550001-0000001!"))
                .contains(RuleId.REVIEW_REQUEST);
    }

    @Test
    void subjectFindingsHaveNoOffsets() {
        ComplianceReport r = CHECKER.check(new OutgoingMessage("Hello", "Write to info@x-shop.de 🎉", null, null));
        assertThat(r.findings()).extracting(Finding::rule)
                .containsExactlyInAnyOrder(RuleId.EMAIL_ADDRESS, RuleId.EMOJI_OR_PICTOGRAPH);
        assertThat(r.findings()).allMatch(f -> f.start() == -1 && f.end() == -1);
    }

    @Test
    void attachmentTypesAndSizes() {
        List<AttachmentInfo> files = List.of(
                new AttachmentInfo("invoice.pdf", "application/pdf", 200_000),
                new AttachmentInfo("photo.JPG", "image/jpeg", 3_000_000),
                new AttachmentInfo("label.png", null, 10L * 1024 * 1024),
                new AttachmentInfo("notes.txt", "text/plain", 10),
                new AttachmentInfo("party.gif", "image/gif", 100),
                new AttachmentInfo("video.mp4", "video/mp4", 100),
                new AttachmentInfo("letter.docx", "", 100),
                new AttachmentInfo("fake.pdf", "application/x-msdownload", 100),
                new AttachmentInfo("scan.pdf", "application/pdf", 10L * 1024 * 1024 + 1));
        ComplianceReport r = CHECKER.check(new OutgoingMessage("See attachments.", null, files, Language.EN));
        assertThat(r.findings()).extracting(f -> f.rule() + ":" + f.severity() + ":" + f.matched()).containsExactly(
                "ATTACHMENT_TYPE:BLOCK:party.gif", "ATTACHMENT_TYPE:BLOCK:video.mp4", "ATTACHMENT_TYPE:WARN:letter.docx",
                "ATTACHMENT_TYPE:BLOCK:fake.pdf", "ATTACHMENT_SIZE:BLOCK:scan.pdf");
        assertThat(r.findings()).allMatch(f -> f.start() == -1);
        assertThat(r.blocked()).isTrue();
    }

    @Test
    void oversizedInputIsRejectedClearly() {
        String big = "a".repeat(ComplianceChecker.MAX_BODY_CHARS + 1);
        assertThatThrownBy(() -> CHECKER.check(big)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("body").hasMessageContaining("20000");
        assertThat(CHECKER.check("a".repeat(ComplianceChecker.MAX_BODY_CHARS)).findings()).isEmpty();
    }

    /**
     * Inputs built to make the patterns backtrack or repeat (each within {@link ComplianceChecker#MAX_BODY_CHARS}):
     * the deterministic detectors give exactly the findings the text holds, no more (how long they take is printed
     * by the benchmark, ComplianceBenchmark, not asserted here).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a.|10000|",
        "a|19999|",
        "1 |10000|",
        "leave |3000|",
        "x@|10000|",
        "a-|10000|",
        "(at) |4000|",
        "www.|5000|EXTERNAL_LINK",
        "'w w w . '|2500|",
        "'de punto '|2000|",
        "'x dot '|3000|",
        "'x (at) y '|2000|",
        "'0 / '|5000|",
        "0o|10000|",
        "zero|4000|",
        "'zero '|4000|",
        "'zero ein, '|2000|",
        "😀|10000|EMOJI_OR_PICTOGRAPH",
    })
    void adversarialInputsGiveExactlyTheirDeterministicFindings(String unit, int times, String expected) {
        String body = unit.repeat(times) + (unit.equals("a") ? "@" : "");
        assertThat(body.length()).isLessThanOrEqualTo(ComplianceChecker.MAX_BODY_CHARS);

        ComplianceReport r = CHECKER.check(body);

        List<RuleId> deterministic = List.of(RuleId.EXTERNAL_LINK, RuleId.EMAIL_ADDRESS, RuleId.PHONE_NUMBER,
                RuleId.EMOJI_OR_PICTOGRAPH);
        assertThat(r.findings().stream().map(Finding::rule).filter(deterministic::contains).distinct().toList())
                .as("deterministic findings in %s × %d", unit, times)
                .containsExactlyElementsOf(expected == null ? List.of() : List.of(RuleId.valueOf(expected)));
        assertThat(r.findings()).allMatch(f -> f.start() >= 0 && f.end() <= body.length() && f.start() < f.end());
        if (unit.equals("😀")) {
            assertThat(r.findings()).hasSize(times);
            assertThat(r.blocked()).isTrue();
        }
    }

    @Test
    void parallelChecksGiveTheSameResults() throws Exception {
        List<String> bodies = List.of("Call us at +44 20 7946 0958 😀", "Code SAVE10: 10% off at www.x-shop.com",
                "Laissez un avis 5 étoiles", "Order 302-1234567-1234567 shipped.", "mail: a@b-shop.de");
        List<String> expected = bodies.stream().map(b -> CHECKER.check(b).toString()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    List<String> out = new ArrayList<>();
                    for (int pass = 0; pass < 200; pass++) {
                        out = bodies.stream().map(b -> CHECKER.check(b).toString()).toList();
                    }
                    return out;
                }));
            }
            for (Future<List<String>> f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
