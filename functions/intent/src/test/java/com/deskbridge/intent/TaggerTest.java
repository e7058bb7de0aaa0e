package com.deskbridge.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.domain.ticket.InvalidInputException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaggerTest {
    private static final LocalDate ORDINARY_DAY = LocalDate.of(2025, 3, 12);
    /** The tagger's input from the classifier: an intent, its runner-up and whether it needs triage. */
    private static IntentResult result(Intent intent, Intent secondary, boolean needsTriage) {
        return new IntentResult(intent, needsTriage ? 0.3 : 0.9, needsTriage, Language.EN, 0.5, secondary,
                java.util.Map.of(intent, needsTriage ? 0.3 : 0.9));
    }

    private TagResult tag(Tagger tagger, String subject, String body, LocalDate day) {
        return tagger.tag(result(Intent.OTHER, null, false), subject, body, day);
    }

    @Test
    void everyIntentButOtherHasADefaultTag() {
        assertThat(Tagger.defaultTag(Intent.WHERE_IS_MY_ORDER)).isEqualTo("shipping-status");
        assertThat(Tagger.defaultTag(Intent.DELIVERY_PROBLEM)).isEqualTo("shipping-delay");
        assertThat(Tagger.defaultTag(Intent.RETURN)).isEqualTo("returns");
        assertThat(Tagger.defaultTag(Intent.PRODUCT_QUESTION)).isEqualTo("product-question");
        assertThat(Tagger.defaultTag(Intent.DAMAGED_ITEM)).isEqualTo("damaged");
        assertThat(Tagger.defaultTag(Intent.CANCELLATION_REQUEST)).isEqualTo("cancellation");
        assertThat(Tagger.defaultTag(Intent.REFUND_REQUEST)).isEqualTo("refund");
        assertThat(Tagger.defaultTag(Intent.POSITIVE_FEEDBACK)).isEqualTo("positive-feedback");
        assertThat(Tagger.defaultTag(Intent.OTHER)).isNull();
    }

    @Test
    void tagsPrimaryAndSecondaryIntent() {
        Tagger t = new Tagger(List.of());
        String body = "The parcel arrived damaged, I want a refund.";
        assertThat(t.tag(result(Intent.REFUND_REQUEST, Intent.DAMAGED_ITEM, false), "", body, ORDINARY_DAY).tags())
                .containsExactly("refund", "damaged");
        assertThat(tag(t, "", "ok", ORDINARY_DAY).tags()).isEmpty();
    }

    @Test
    void anUncertainIntentIsMarkedForTriageWithTheReservedTag() {
        Tagger t = new Tagger(List.of());
        assertThat(t.tag(result(Intent.DELIVERY_PROBLEM, null, true), "", "hmm", ORDINARY_DAY).tags())
                .containsExactly("shipping-delay", Tagger.NEEDS_TRIAGE);
        assertThat(t.tag(result(Intent.OTHER, null, true), "", "hmm", ORDINARY_DAY).tags())
                .containsExactly(Tagger.NEEDS_TRIAGE);
        assertThatThrownBy(() -> SellerTagRule.of("mine", RuleKind.KEYWORD, "x", Tagger.NEEDS_TRIAGE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("reserved");
    }

    @Test
    void peakTagsFromDateWindows() {
        assertThat(PeakEventCalendar.blackFriday(2025)).isEqualTo(LocalDate.of(2025, 11, 28));
        assertThat(PeakEventCalendar.blackFriday(2026)).isEqualTo(LocalDate.of(2026, 11, 27));
        PeakEventCalendar cal = new PeakEventCalendar(List.of(
                new PeakWindow("prime-day", LocalDate.of(2025, 7, 8), LocalDate.of(2025, 7, 11))));
        // the Black Friday week through Cyber Monday: Mon 24 Nov to Mon 1 Dec 2025, Mon 23 Nov to Mon 30 Nov 2026
        assertThat(PeakEventCalendar.cyberMonday(2025)).isEqualTo(LocalDate.of(2025, 12, 1));
        assertThat(cal.dateTags(LocalDate.of(2025, 11, 23))).isEmpty();
        assertThat(cal.dateTags(LocalDate.of(2025, 11, 24))).containsExactly("black-friday");
        assertThat(cal.dateTags(LocalDate.of(2025, 11, 30))).containsExactly("black-friday");
        assertThat(cal.dateTags(LocalDate.of(2025, 12, 1))).containsExactly("black-friday", "christmas");
        assertThat(cal.dateTags(LocalDate.of(2025, 12, 2))).containsExactly("christmas");
        assertThat(cal.dateTags(LocalDate.of(2026, 11, 22))).isEmpty();
        assertThat(cal.dateTags(LocalDate.of(2026, 11, 23))).containsExactly("black-friday");
        assertThat(cal.dateTags(LocalDate.of(2026, 11, 30))).containsExactly("black-friday");
        // issue 10: every ticket on 6 December carried both tags
        for (int year = 2024; year <= 2035; year++) {
            assertThat(cal.dateTags(LocalDate.of(year, 12, 6))).as("6 December %d", year).containsExactly("christmas");
        }
        assertThat(cal.dateTags(LocalDate.of(2026, 1, 6))).containsExactly("christmas");
        assertThat(cal.dateTags(LocalDate.of(2026, 1, 7))).isEmpty();
        assertThat(cal.dateTags(LocalDate.of(2025, 7, 8))).containsExactly("prime-day");
        assertThat(cal.dateTags(LocalDate.of(2025, 7, 12))).isEmpty();
    }

    @Test
    void peakTagsFromKeywordsInAnyLanguage() {
        Tagger t = new Tagger(List.of());
        assertThat(tag(t, "", "I bought it on Prime Day, where is my order?", ORDINARY_DAY).tags())
                .containsExactly("prime-day");
        assertThat(tag(t, "Geschenk", "Es ist ein Weihnachtsgeschenk, wann kommt das Paket?", ORDINARY_DAY).tags())
                .contains("christmas");
        assertThat(tag(t, "", "Acheté pendant le Black-Friday", null).tags()).containsExactly("black-friday");
        assertThat(tag(t, "", "Regalo di Natale", null).tags()).containsExactly("christmas");
        assertThat(tag(t, "", "A regular Friday order", null).tags()).isEmpty();
    }

    @Test
    void sellerKeywordRuleMatchesWholeWordsIgnoringCaseAndAccents() {
        Tagger t = new Tagger(List.of(SellerTagRule.of("vip", RuleKind.KEYWORD, "Café Crème", "coffee")));
        assertThat(tag(t, "", "the CAFE CREME machine leaks", ORDINARY_DAY).tags()).contains("coffee");
        assertThat(tag(t, "", "the cafecreme machine", ORDINARY_DAY).tags()).doesNotContain("coffee");
    }

    @Test
    void sellerRuleLooksOnlyAtItsFieldsAndNotAtQuotedHistory() {
        Tagger subjectOnly = new Tagger(List.of(new SellerTagRule("wholesale", RuleKind.KEYWORD, "wholesale",
                "b2b", EnumSet.of(TicketField.SUBJECT))));
        assertThat(tag(subjectOnly, "Wholesale enquiry", "hello", ORDINARY_DAY).tags()).contains("b2b");
        assertThat(tag(subjectOnly, "Hello", "wholesale enquiry", ORDINARY_DAY).tags()).doesNotContain("b2b");
        Tagger body = new Tagger(List.of(SellerTagRule.of("b2b", RuleKind.KEYWORD, "wholesale", "b2b")));
        assertThat(tag(body, "", "thanks\n> wholesale prices attached", ORDINARY_DAY).tags()).doesNotContain("b2b");
    }

    @Test
    void sellerRegexRuleMatchesCaseInsensitively() {
        Tagger t = new Tagger(List.of(SellerTagRule.of("dhl", RuleKind.REGEX, "\\bJJD\\d{10,20}\\b", "dhl-parcel")));
        assertThat(tag(t, "", "tracking jjd000390007876543 please", ORDINARY_DAY).tags()).contains("dhl-parcel");
        assertThat(tag(t, "", "tracking 1Z999AA10123456784", ORDINARY_DAY).tags()).doesNotContain("dhl-parcel");
    }

    @Test
    void runawayRegexIsAbandonedAndReportedNotHung() {
        // no nested quantifier, so it passes the syntax heuristic, but backtracks polynomially (~n^7)
        Tagger t = new Tagger(List.of(SellerTagRule.of("bad", RuleKind.REGEX, "^a+a*a*a*a*a*a*$", "never"),
                SellerTagRule.of("good", RuleKind.KEYWORD, "aaaa", "unused")));
        TagResult r = tag(t, "", "a".repeat(60) + "b", ORDINARY_DAY);
        assertThat(r.skippedRules()).containsExactly("bad");
        assertThat(r.tags()).doesNotContain("never");
    }

    @ParameterizedTest
    @ValueSource(strings = {"(a+)+", "(\\w*\\s?)*x", "((ab)*c)+", "(x{1,5}){2,}", "(?:[a-z]+\\.)*com"})
    void nestedQuantifiersAreRejected(String regex) {
        assertInvalid(() -> SellerTagRule.of("r", RuleKind.REGEX, regex, "t"), "pattern");
    }

    @ParameterizedTest
    @ValueSource(strings = {"(ab)+", "(a+)?", "[a-z]+(\\d+)", "\\(x+\\)+", "(colou?r)\\s+[*+]+", "a{2}(b{1}){3}"})
    void safeQuantifiersAreAccepted(String regex) {
        assertThat(SellerTagRule.of("r", RuleKind.REGEX, regex, "t").pattern()).isEqualTo(regex);
    }

    @Test
    void invalidRulesNameTheField() {
        assertInvalid(() -> SellerTagRule.of("r", RuleKind.REGEX, "(unclosed", "t"), "pattern");
        assertInvalid(() -> SellerTagRule.of("r", RuleKind.REGEX, "(a)\\1", "t"), "pattern");
        assertInvalid(() -> SellerTagRule.of("r", RuleKind.KEYWORD, "", "t"), "pattern");
        assertInvalid(() -> SellerTagRule.of("r", RuleKind.KEYWORD, "?!", "t"), "pattern");
        assertInvalid(() -> SellerTagRule.of("r", RuleKind.KEYWORD, "x".repeat(201), "t"), "pattern");
        assertInvalid(() -> SellerTagRule.of("r", RuleKind.KEYWORD, "x", ""), "tag");
        assertInvalid(() -> SellerTagRule.of("r", RuleKind.KEYWORD, "x", "VIP"), "tag");
        assertInvalid(() -> SellerTagRule.of("r", RuleKind.KEYWORD, "x", "vip customer"), "tag");
        assertInvalid(() -> SellerTagRule.of("r", RuleKind.KEYWORD, "x", "-vip"), "tag");
        assertInvalid(() -> SellerTagRule.of("r", RuleKind.KEYWORD, "x", "v".repeat(41)), "tag");
        assertInvalid(() -> SellerTagRule.of(" ", RuleKind.KEYWORD, "x", "t"), "name");
        assertInvalid(() -> SellerTagRule.of("n".repeat(65), RuleKind.KEYWORD, "x", "t"), "name");
        assertInvalid(() -> SellerTagRule.of("r", null, "x", "t"), "kind");
        assertInvalid(() -> new SellerTagRule("r", RuleKind.KEYWORD, "x", "t", Set.of()), "fields");
        assertInvalid(() -> new SellerTagRule("r", RuleKind.KEYWORD, "x", "t", null), "fields");
    }

    @Test
    void tooManyOrDuplicateRulesAreRejected() {
        List<SellerTagRule> rules = new ArrayList<>();
        for (int i = 0; i <= Tagger.MAX_RULES; i++) {
            rules.add(SellerTagRule.of("rule-" + i, RuleKind.KEYWORD, "word" + i, "t" + i));
        }
        assertInvalid(() -> new Tagger(rules), "rules");
        assertThat(new Tagger(rules.subList(0, Tagger.MAX_RULES))).isNotNull();
        SellerTagRule a = SellerTagRule.of("same", RuleKind.KEYWORD, "a", "a");
        assertInvalid(() -> new Tagger(List.of(a, a)), "rules");
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(field));
    }
}
