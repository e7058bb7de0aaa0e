package com.deskbridge.macros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.junit.jupiter.api.Test;

class MacroCatalogTest {
    private static final MacroSettings DE_NO_LINKS = new MacroSettings(MacroLanguage.DE, false);

    private static MacroDefinition own(String id, String body, String... intents) {
        return new MacroDefinition(id, "Own " + id, Map.of(MacroLanguage.DE, body), Set.of(intents));
    }

    /** One intent name everywhere: the classifier's enum is the truth (it said RETURN, macros said RETURN_REQUEST). */
    @Test
    void macroIntentsAreTheClassifiersIntentNames() {
        assertThat(MacroCatalog.INTENTS).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(com.deskbridge.intent.Intent.values()).map(Enum::name).toList());
        MacroCatalog c = MacroCatalog.builtIns(new MacroSettings(MacroLanguage.EN, true));
        for (com.deskbridge.intent.Intent intent : com.deskbridge.intent.Intent.values()) {
            assertThat(c.suggest(intent.name())).as(intent.name()).isNotNull();
        }
        assertThat(c.suggest("RETURN")).extracting(Macro::id).containsExactly(BuiltInMacros.RETURN_REQUEST);
        assertThat(c.all()).allSatisfy(m -> assertThat(MacroCatalog.INTENTS).containsAll(m.intents()));
    }

    @Test
    void builtInsCoverTheIssueAndEveryLanguage() {
        MacroCatalog c = MacroCatalog.builtIns(new MacroSettings(MacroLanguage.EN, true));
        assertThat(c.all()).extracting(Macro::id).containsExactly(BuiltInMacros.FBM_SHIPPING_UPDATE,
                BuiltInMacros.FBM_SHIPPING_UPDATE_WITH_LINK, BuiltInMacros.FBA_AMAZON_SUPPORT,
                BuiltInMacros.RETURN_REQUEST, BuiltInMacros.DAMAGED_ITEM, BuiltInMacros.CANCELLATION_CONFIRMATION,
                BuiltInMacros.REFUND_CONFIRMATION, BuiltInMacros.POSITIVE_FEEDBACK_THANKS,
                BuiltInMacros.CANCELLATION_ALREADY_SHIPPED, BuiltInMacros.CANCELLATION_REQUESTED);
        assertThat(c.all()).allSatisfy(m -> {
            assertThat(m.languages()).containsExactlyInAnyOrder(MacroLanguage.values());
            assertThat(m.builtIn()).isTrue();
        });
    }

    @Test
    void suggestsByIntentSellerMacrosFirst() {
        MacroCatalog c = MacroCatalog.of(DE_NO_LINKS, List.of(
                own("wo-bleibt", "Ihre Sendung {{TrackingNumber}} ist unterwegs.", "WHERE_IS_MY_ORDER"),
                own("danke", "Danke!", "POSITIVE_FEEDBACK")));
        assertThat(c.suggest("WHERE_IS_MY_ORDER")).extracting(Macro::id)
                .containsExactly("wo-bleibt", BuiltInMacros.FBM_SHIPPING_UPDATE, BuiltInMacros.FBA_AMAZON_SUPPORT);
        assertThat(c.suggest("REFUND_REQUEST")).extracting(Macro::id)
                .containsExactly(BuiltInMacros.REFUND_CONFIRMATION);
        assertThat(c.suggest("PRODUCT_QUESTION")).isEmpty();
        assertThatThrownBy(() -> c.suggest("where_is_my_order")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void carrierLinkMacrosOnlyWhenTheSellerEnabledThem() {
        MacroCatalog off = MacroCatalog.builtIns(DE_NO_LINKS);
        assertThat(off.find(BuiltInMacros.FBM_SHIPPING_UPDATE_WITH_LINK)).isEmpty();
        assertThat(off.all()).noneMatch(Macro::usesCarrierLink);
        assertThatThrownBy(() -> off.render(BuiltInMacros.FBM_SHIPPING_UPDATE_WITH_LINK, SampleValues.all().build(),
                MacroLanguage.DE)).isInstanceOf(NoSuchElementException.class);

        MacroCatalog on = MacroCatalog.builtIns(new MacroSettings(MacroLanguage.DE, true));
        assertThat(on.suggest("WHERE_IS_MY_ORDER")).extracting(Macro::id)
                .contains(BuiltInMacros.FBM_SHIPPING_UPDATE_WITH_LINK);
        RenderResult r = on.render(BuiltInMacros.FBM_SHIPPING_UPDATE_WITH_LINK, SampleValues.all().build(),
                MacroLanguage.DE);
        assertThat(((RenderResult.Rendered) r).text())
                .contains("Sendungsnummer: JJD000390007768012\nSendungsverfolgung des Versanddienstleisters: "
                        + "https://www.dhl.de/");
        RenderResult fr = on.render(BuiltInMacros.FBM_SHIPPING_UPDATE_WITH_LINK, SampleValues.all().build(),
                MacroLanguage.FR);
        assertThat(((RenderResult.Rendered) fr).text())
                .contains("Numéro de suivi : JJD000390007768012\nPage de suivi du transporteur : https://www.dhl.de/");
    }

    @Test
    void sellerMacroWithTrackingLinkIsRejectedWhileLinksAreOff() {
        MacroDefinition d = own("mit-link", "Verfolgen: {{TrackingLink}}", "WHERE_IS_MY_ORDER");
        MacroValidationException e = catchThrowableOfType(MacroValidationException.class,
                () -> MacroCatalog.of(DE_NO_LINKS, List.of(d)));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.macroId()).isEqualTo("mit-link");
            assertThat(p.placeholder()).isEqualTo("TrackingLink");
            assertThat(p.message()).contains("carrier links are disabled");
        });
        assertThat(MacroCatalog.of(new MacroSettings(MacroLanguage.DE, true), List.of(d)).find("mit-link"))
                .isPresent();
    }

    @Test
    void duplicateAndReservedIdsAreRejected() {
        MacroValidationException e = catchThrowableOfType(MacroValidationException.class,
                () -> MacroCatalog.of(DE_NO_LINKS, List.of(own("a", "Eins"), own("a", "Zwei"),
                        own("builtin-refund-confirmation", "Erstattet"))));
        assertThat(e.problems()).extracting(MacroProblem::message).containsExactly(
                "id is used by more than one macro", "ids starting with 'builtin-' are reserved for built-in macros");
    }

    @Test
    void tooManySellerMacrosAreRejected() {
        List<MacroDefinition> many = new ArrayList<>();
        for (int i = 0; i <= MacroCatalog.MAX_SELLER_MACROS; i++) {
            many.add(own("m" + i, "Text " + i));
        }
        assertThatThrownBy(() -> MacroCatalog.of(DE_NO_LINKS, many)).isInstanceOf(MacroValidationException.class)
                .hasMessageContaining("201 macros; at most 200");
    }

    @Test
    void problemsOfSeveralMacrosAreCollected() {
        MacroValidationException e = catchThrowableOfType(MacroValidationException.class,
                () -> MacroCatalog.of(DE_NO_LINKS, List.of(own("one", "{{Name}}"), own("two", "{{OrderID"))));
        assertThat(e.problems()).extracting(MacroProblem::macroId).containsExactly("one", "two");
    }

    @Test
    void rendersWithTheSellersDefaultLanguageAsFallback() {
        MacroCatalog c = MacroCatalog.of(DE_NO_LINKS, List.of(own("nur-de", "Bestellung {{OrderID}}")));
        assertThat(c.render("nur-de", SampleValues.all().build(), MacroLanguage.FR))
                .isEqualTo(new RenderResult.Rendered("Bestellung 302-1234567-1234567", MacroLanguage.DE));
        assertThat(c.render(BuiltInMacros.REFUND_CONFIRMATION, SampleValues.all().build(), null).language())
                .isEqualTo(MacroLanguage.DE);
        assertThatThrownBy(() -> c.render("nope", MacroValues.none(), MacroLanguage.DE))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("nope");
    }

    @Test
    void builtInReportsWhatIsMissing() {
        MacroCatalog c = MacroCatalog.builtIns(DE_NO_LINKS);
        MacroValues v = SampleValues.all().money(Placeholder.REFUND_AMOUNT, null, null).build();
        assertThat(c.render(BuiltInMacros.REFUND_CONFIRMATION, v, MacroLanguage.IT))
                .isEqualTo(new RenderResult.MissingValues(List.of(Placeholder.REFUND_AMOUNT), MacroLanguage.IT));
    }
}
