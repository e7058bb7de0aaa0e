package com.deskbridge.macros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class MacroTest {

    private static Macro macro(Map<MacroLanguage, String> bodies) {
        return Macro.define(new MacroDefinition("late-parcel", "Late parcel", bodies, Set.of("DELIVERY_PROBLEM")));
    }

    private static Map<MacroLanguage, String> bodies(Object... pairs) {
        Map<MacroLanguage, String> m = new EnumMap<>(MacroLanguage.class);
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((MacroLanguage) pairs[i], (String) pairs[i + 1]);
        }
        return m;
    }

    @Test
    void rendersInTheBuyersLanguageWhenThereIsABody() {
        Macro m = macro(bodies(MacroLanguage.EN, "Shipped on {{ShipDate}}.", MacroLanguage.DE,
                "Versendet am {{ShipDate}}."));
        assertThat(m.render(SampleValues.all().build(), MacroLanguage.DE, MacroLanguage.EN))
                .isEqualTo(new RenderResult.Rendered("Versendet am 19.11.2026.", MacroLanguage.DE));
    }

    @Test
    void fallsBackToTheSellersDefaultLanguage() {
        Macro m = macro(bodies(MacroLanguage.EN, "Shipped on {{ShipDate}}.", MacroLanguage.DE,
                "Versendet am {{ShipDate}}."));
        assertThat(m.render(SampleValues.all().build(), MacroLanguage.IT, MacroLanguage.DE))
                .isEqualTo(new RenderResult.Rendered("Versendet am 19.11.2026.", MacroLanguage.DE));
        assertThat(m.render(SampleValues.all().build(), null, MacroLanguage.DE).language())
                .isEqualTo(MacroLanguage.DE);
    }

    @Test
    void fallsBackToTheFirstAvailableLanguageWhenNeitherExists() {
        Macro m = macro(bodies(MacroLanguage.ES, "Enviado el {{ShipDate}}.", MacroLanguage.FR,
                "Expédié le {{ShipDate}}."));
        assertThat(m.languageFor(MacroLanguage.IT, MacroLanguage.EN)).isEqualTo(MacroLanguage.FR);
        assertThat(m.render(SampleValues.all().build(), MacroLanguage.IT, MacroLanguage.EN))
                .isEqualTo(new RenderResult.Rendered("Expédié le 19/11/2026.", MacroLanguage.FR));
    }

    @Test
    void missingValuesNameTheFallbackLanguage() {
        Macro m = macro(bodies(MacroLanguage.EN, "Shipped with {{Carrier}}."));
        RenderResult r = m.render(MacroValues.none(), MacroLanguage.DE, MacroLanguage.EN);
        assertThat(r).isEqualTo(new RenderResult.MissingValues(java.util.List.of(Placeholder.CARRIER),
                MacroLanguage.EN));
    }

    @Test
    void requiredPlaceholdersAndCarrierLinkFlag() {
        Macro m = macro(bodies(MacroLanguage.EN, "{{Carrier}} {{TrackingNumber}} {{TrackingLink}}"));
        assertThat(m.requiredPlaceholders()).containsExactly(Placeholder.CARRIER, Placeholder.TRACKING_NUMBER,
                Placeholder.TRACKING_LINK);
        assertThat(m.usesCarrierLink()).isTrue();
        assertThat(m.builtIn()).isFalse();
    }

    @Test
    void translationsMustUseTheSamePlaceholders() {
        MacroValidationException e = catchThrowableOfType(MacroValidationException.class, () -> macro(bodies(
                MacroLanguage.EN, "Order {{OrderID}} for {{CustomerName}}",
                MacroLanguage.DE, "Bestellung {{OrderID}} am {{ShipDate}}")));
        assertThat(e.problems()).extracting(MacroProblem::placeholder).containsExactly("CustomerName", "ShipDate");
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.language()).isEqualTo(MacroLanguage.DE));
    }

    @Test
    void everyDefinitionProblemIsReportedAtOnce() {
        Map<MacroLanguage, String> b = bodies(MacroLanguage.EN, " ", MacroLanguage.DE, "x".repeat(4001),
                MacroLanguage.FR, "Bonjour {{Client}}");
        MacroValidationException e = catchThrowableOfType(MacroValidationException.class, () -> Macro.define(
                new MacroDefinition("Bad Id!", "n".repeat(81), b, Set.of("WHERE_IS_MY_ORDER", "SMALL_TALK"))));
        assertThat(e.problems()).extracting(MacroProblem::message).anySatisfy(
                        s -> assertThat(s).contains("id must be"))
                .anySatisfy(s -> assertThat(s).contains("name is 81 characters"))
                .anySatisfy(s -> assertThat(s).contains("unknown intent 'SMALL_TALK'"))
                .anySatisfy(s -> assertThat(s).isEqualTo("body must not be empty"))
                .anySatisfy(s -> assertThat(s).contains("body is 4001 characters"))
                .anySatisfy(s -> assertThat(s).contains("unknown placeholder {{Client}}"));
        assertThat(e.problems()).filteredOn(p -> "Client".equals(p.placeholder())).singleElement()
                .satisfies(p -> {
                    assertThat(p.language()).isEqualTo(MacroLanguage.FR);
                    assertThat(p.macroId()).isEqualTo("Bad Id!");
                    assertThat(p.position()).isEqualTo(8);
                });
        assertThat(e.getMessage()).contains("macro 'Bad Id!', FR, line 1, column 9");
    }

    @Test
    void aMacroNeedsABodyAndAName() {
        MacroValidationException e = catchThrowableOfType(MacroValidationException.class,
                () -> Macro.define(new MacroDefinition("empty", " ", Map.of(), Set.of())));
        assertThat(e.problems()).extracting(MacroProblem::message)
                .containsExactlyInAnyOrder("name must not be empty", "needs a body in at least one language");
    }
}
