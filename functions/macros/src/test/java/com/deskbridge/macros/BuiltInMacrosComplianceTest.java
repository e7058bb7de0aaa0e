package com.deskbridge.macros;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.compliance.CarrierLinkPolicy;
import com.deskbridge.compliance.ComplianceChecker;
import com.deskbridge.compliance.ComplianceReport;
import com.deskbridge.compliance.OutgoingMessage;
import com.deskbridge.intent.Language;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in in every language, filled with realistic values, passes the Buyer–Seller Messaging checker
 * (https://sellercentral.amazon.com/help/hub/reference/external/G200383320) without a single finding. The carrier-link variant is checked under
 * {@link CarrierLinkPolicy#ALLOW_KNOWN_CARRIERS}, the policy a seller enables it with; all others under the
 * default {@link CarrierLinkPolicy#BLOCK}.
 */
class BuiltInMacrosComplianceTest {
    private static final ComplianceChecker STRICT = new ComplianceChecker();
    private static final ComplianceChecker CARRIER_LINKS = new ComplianceChecker(CarrierLinkPolicy.ALLOW_KNOWN_CARRIERS);

    static Stream<Arguments> everyBuiltInInEveryLanguage() {
        List<Arguments> out = new ArrayList<>();
        for (Macro m : BuiltInMacros.all()) {
            for (MacroLanguage l : MacroLanguage.values()) {
                out.add(Arguments.of(m.id(), l));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyBuiltInInEveryLanguage")
    void rendersCompleteAndCompliant(String id, MacroLanguage language) {
        Macro macro = BuiltInMacros.all().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
        RenderResult result = macro.render(SampleValues.all().build(), language, MacroLanguage.EN);

        assertThat(result).isInstanceOf(RenderResult.Rendered.class);
        RenderResult.Rendered rendered = (RenderResult.Rendered) result;
        assertThat(rendered.language()).isEqualTo(language);
        String text = rendered.text();
        assertThat(text).doesNotContain("{{", "}}").contains("302-1234567-1234567", "Anna Müller",
                "Hausrat Schmidt");
        if (macro.requiredPlaceholders().contains(Placeholder.TRACKING_NUMBER)) {
            assertThat(text).contains("JJD000390007768012");
        }
        if (macro.requiredPlaceholders().contains(Placeholder.REFUND_AMOUNT)) {
            assertThat(text).contains(language == MacroLanguage.EN ? "€12.50" : "12,50 €");
        }

        ComplianceChecker checker = macro.usesCarrierLink() ? CARRIER_LINKS : STRICT;
        ComplianceReport report = checker.check(new OutgoingMessage(text, null, List.of(),
                Language.valueOf(language.name())));
        assertThat(report.findings()).as("compliance findings for %s %s:%n%s", id, language, text).isEmpty();
        ComplianceReport detected = checker.check(OutgoingMessage.of(text));
        assertThat(detected.findings()).as("findings with detected language for %s %s", id, language).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyBuiltInInEveryLanguage")
    void carrierLinkVariantIsBlockedUnderTheDefaultPolicy(String id, MacroLanguage language) {
        Macro macro = BuiltInMacros.all().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
        String text = ((RenderResult.Rendered) macro.render(SampleValues.all().build(), language, null)).text();
        assertThat(STRICT.check(text).clean()).as(id + " " + language).isEqualTo(!macro.usesCarrierLink());
    }
}
