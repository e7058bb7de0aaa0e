package com.deskbridge.macros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;

class MacroTemplateTest {

    @Test
    void rendersEveryPlaceholderAndKeepsLiteralText() {
        MacroTemplate t = MacroTemplate.parse("Hi {{CustomerName}}, order {{ OrderID }} {single} braces stay.");
        RenderResult r = t.render(SampleValues.all().build(), MacroLanguage.EN);
        assertThat(r).isEqualTo(new RenderResult.Rendered(
                "Hi Anna Müller, order 302-1234567-1234567 {single} braces stay.", MacroLanguage.EN));
        assertThat(t.placeholders()).containsExactly(Placeholder.CUSTOMER_NAME, Placeholder.ORDER_ID);
    }

    @Test
    void templateWithoutPlaceholdersRendersAsIs() {
        assertThat(MacroTemplate.parse("Thank you.").render(MacroValues.none(), MacroLanguage.DE))
                .isEqualTo(new RenderResult.Rendered("Thank you.", MacroLanguage.DE));
    }

    @Test
    void missingValuesAreReportedOnceEachInOrderOfUseNeverRenderedBlank() {
        MacroTemplate t = MacroTemplate.parse("{{CustomerName}}: {{Carrier}} {{TrackingNumber}} {{Carrier}}");
        MacroValues v = MacroValues.builder().text(Placeholder.CUSTOMER_NAME, "Anna")
                .text(Placeholder.CARRIER, "   ").build();
        RenderResult r = t.render(v, MacroLanguage.FR);
        assertThat(r).isInstanceOf(RenderResult.MissingValues.class);
        RenderResult.MissingValues m = (RenderResult.MissingValues) r;
        assertThat(m.missing()).containsExactly(Placeholder.CARRIER, Placeholder.TRACKING_NUMBER);
        assertThat(m.language()).isEqualTo(MacroLanguage.FR);
    }

    @Test
    void unclosedPlaceholderNamesPositionLineAndColumn() {
        MacroValidationException e = catchThrowableOfType(MacroValidationException.class,
                () -> MacroTemplate.parse("Hello,\nyour order {{OrderID is late"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.position()).isEqualTo(18);
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(12);
            assertThat(p.message()).contains("not closed");
            assertThat(p.placeholder()).isEqualTo("{{OrderID is late");
        });
        assertThat(e.getMessage()).contains("line 2, column 12");
    }

    @Test
    void placeholderOpenedAgainBeforeClosingIsUnclosed() {
        MacroValidationException e = catchThrowableOfType(MacroValidationException.class,
                () -> MacroTemplate.parse("{{CustomerName {{OrderID}}"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.position()).isZero();
            assertThat(p.message()).contains("not closed");
        });
    }

    @Test
    void unknownPlaceholderIsNamedWithSuggestionForWrongCase() {
        MacroValidationException e = catchThrowableOfType(MacroValidationException.class,
                () -> MacroTemplate.parse("Dear {{customer_name}}, {{Kundennummer}}"));
        assertThat(e.problems()).hasSize(2);
        assertThat(e.problems().get(0).placeholder()).isEqualTo("customer_name");
        assertThat(e.problems().get(0).position()).isEqualTo(5);
        assertThat(e.problems().get(0).message()).contains("did you mean {{CustomerName}}");
        assertThat(e.problems().get(1).placeholder()).isEqualTo("Kundennummer");
        assertThat(e.problems().get(1).message()).contains("unknown placeholder {{Kundennummer}}")
                .contains("known: CustomerName, OrderID");
    }

    @Test
    void emptyPlaceholderAndStrayClosingBracesAreErrors() {
        MacroValidationException e = catchThrowableOfType(MacroValidationException.class,
                () -> MacroTemplate.parse("a {{ }} b }} c"));
        assertThat(e.problems()).extracting(MacroProblem::position).containsExactly(2, 10);
        assertThat(e.problems()).extracting(MacroProblem::message)
                .containsExactly("empty placeholder '{{}}'", "'}}' without a matching '{{'");
    }

    @Test
    void nullSourceIsRejected() {
        assertThatThrownBy(() -> MacroTemplate.parse(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void renderedNeverAcceptsBlankText() {
        assertThatThrownBy(() -> new RenderResult.Rendered("  \n", MacroLanguage.EN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RenderResult.MissingValues(List.of(), MacroLanguage.EN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tokensMatchTheDocumentedNames() {
        assertThat(Placeholder.ORDER_ID.token()).isEqualTo("{{OrderID}}");
        assertThat(Placeholder.TRACKING_LINK.token()).isEqualTo("{{TrackingLink}}");
        assertThat(Placeholder.byName("DeliveryDate")).contains(Placeholder.DELIVERY_DATE);
        assertThat(Placeholder.byName("deliverydate")).isEmpty();
    }
}
