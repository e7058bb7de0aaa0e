package com.deskbridge.macros;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.compliance.CarrierLinkPolicy;
import com.deskbridge.compliance.ComplianceChecker;
import com.deskbridge.compliance.ComplianceReport;
import com.deskbridge.compliance.OutgoingMessage;
import com.deskbridge.intent.Language;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
            assertThat(text).contains(switch (language) {
                case EN -> "€12.50";
                case NL -> "€ 12,50";
                default -> "12,50 €";
            });
        }

        ComplianceChecker checker = macro.usesCarrierLink() ? CARRIER_LINKS : STRICT;
        ComplianceReport report = checker.check(new OutgoingMessage(text, null, List.of(),
                Language.valueOf(language.name())));
        assertThat(report.findings()).as("compliance findings for %s %s:%n%s", id, language, text).isEmpty();
        ComplianceReport detected = checker.check(OutgoingMessage.of(text));
        assertThat(detected.findings()).as("findings with detected language for %s %s", id, language).isEmpty();
    }

    static Stream<Arguments> everyBuiltInInDutchPolishAndSwedish() {
        return everyBuiltInInEveryLanguage().filter(a -> Set.of(MacroLanguage.NL, MacroLanguage.PL, MacroLanguage.SV)
                .contains((MacroLanguage) a.get()[1]));
    }

    /**
     * Dutch, Polish and Swedish buyers get the macro's own text in their language (not the seller's German default):
     * the language's greeting and sign-off, its dates (nl-NL "19-11-2026", pl-PL "19.11.2026", sv-SE "2026-11-19"),
     * amounts and tracking wording, and Amazon's own names for "Your Orders" and the return button on amazon.nl/.pl/.se.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyBuiltInInDutchPolishAndSwedish")
    void dutchPolishAndSwedishBuyersGetTheirOwnTextWithLocalFormats(String id, MacroLanguage language) {
        Macro macro = BuiltInMacros.all().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
        RenderResult.Rendered r = (RenderResult.Rendered) macro.render(SampleValues.all().build(), language,
                MacroLanguage.DE);
        String text = r.text();
        assertThat(r.language()).isEqualTo(language);
        assertThat(text).doesNotContain("{{", "}}", "Guten Tag", "Hello");
        switch (language) {
            case NL -> assertThat(text).startsWith("Beste Anna Müller,").contains("Met vriendelijke groet,");
            case PL -> assertThat(text).startsWith("Dzień dobry Anna Müller,").contains("Z pozdrowieniami");
            case SV -> assertThat(text).startsWith("Hej Anna Müller!").contains("Vänliga hälsningar");
            default -> throw new AssertionError(language);
        }
        Set<Placeholder> used = macro.requiredPlaceholders();
        if (used.contains(Placeholder.SHIP_DATE)) {
            assertThat(text).contains(switch (language) {
                case NL -> "op 19-11-2026 verzonden";
                case PL -> "wysłany dnia 19.11.2026";
                default -> "skickades 2026-11-19";
            }).contains(switch (language) {
                case NL -> "Verwachte bezorging: 22-11-2026";
                case PL -> "Przewidywana dostawa: 22.11.2026";
                default -> "Beräknad leverans: 2026-11-22";
            }).contains(switch (language) {
                case NL -> "Huidige status: onderweg";
                case PL -> "Aktualny status: w drodze";
                default -> "Aktuell status: på väg";
            });
        }
        if (used.contains(Placeholder.REFUND_AMOUNT)) {
            assertThat(text).contains(switch (language) {
                case NL -> "terugbetaling van € 12,50";
                case PL -> "zwrotu kwoty 12,50 €";
                default -> "återbetalning på 12,50 €";
            });
        }
        if (id.equals(BuiltInMacros.RETURN_REQUEST)) {
            assertThat(text).contains(switch (language) {
                case NL -> "“Artikelen retourneren of vervangen”";
                case PL -> "„Zwróć lub wymień produkty”";
                default -> "”Returnera eller ersätt varor”";
            });
        }
        if (language == MacroLanguage.PL) {
            assertThat(text).as("formal Polish address").doesNotContainPattern("(?iU)\\b(ty|twój|twoja|ciebie)\\b");
        }
        if (language == MacroLanguage.NL) {
            assertThat(text).as("Dutch u-form").doesNotContainPattern("(?iU)\\b(je|jij|jouw|jullie)\\b");
        }
        if (language == MacroLanguage.SV) {
            assertThat(text).as("Swedish du-form").doesNotContainPattern("(?U)\\b(Ni|Er|Ert|Era)\\b");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyBuiltInInEveryLanguage")
    void carrierLinkVariantIsBlockedUnderTheDefaultPolicy(String id, MacroLanguage language) {
        Macro macro = BuiltInMacros.all().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
        String text = ((RenderResult.Rendered) macro.render(SampleValues.all().build(), language, null)).text();
        assertThat(STRICT.check(text).clean()).as(id + " " + language).isEqualTo(!macro.usesCarrierLink());
    }
}
