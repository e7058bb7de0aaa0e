package com.deskbridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.actions.ActionType;
import com.deskbridge.enrichment.TicketEnrichment;
import com.deskbridge.macros.BuiltInMacros;
import com.deskbridge.macros.Macro;
import com.deskbridge.macros.MacroCatalog;
import com.deskbridge.macros.MacroLanguage;
import com.deskbridge.macros.MacroSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's suggestion coverage, as a property of the built-in macros: every built-in macro's intent gets a sendable
 * suggestion ({@link com.deskbridge.assistant.Sendable}) of a macro for that intent, for a fully enriched FBM order
 * and a fully enriched FBA order, in each of the macro's languages. Fully enriched: the order with its item, dates and
 * parcel, the parcel's live tracking, and for refund and cancellation requests the refund or cancellation Amazon
 * confirmed (before that, the confirmation waits by design).
 */
class SuggestionCoverageTest {
    private static final Instant NOW = CoverageWorld.NOW;

    /** A seller-fulfilled (FBM) or Amazon-fulfilled (FBA) order in transit with its parcel, as enrichment writes it. */
    static TicketEnrichment.OrderView order(String orderId, String channel, String carrier, String tracking) {
        return new TicketEnrichment.OrderView(orderId, "A1PA6795UKMFR9", "SHIPPED", channel, NOW.minus(Duration.ofDays(4)),
                NOW.minus(Duration.ofDays(3)), NOW.plus(Duration.ofDays(1)),
                List.of(new TicketEnrichment.ItemView("40211100000001", "KM-CLASSIC", "Kaffeemühle Classic", 1, "49.80", "EUR")),
                "EUR", List.of(new TicketEnrichment.PackageView(carrier, tracking, NOW.minus(Duration.ofDays(3)))));
    }

    static TicketEnrichment.ShipmentView inTransit(String carrier, String tracking, String link) {
        return new TicketEnrichment.ShipmentView(carrier, tracking, "InTransit", "pt", "In transit", false, null, link, false,
                NOW.plus(Duration.ofDays(1)), "Leipzig", NOW.minusSeconds(300), NOW.plusSeconds(3600), "carrier", null,
                List.of(), Set.of(), "fp");
    }

    @Test
    void everyBuiltInMacrosIntentHasASendableSuggestionForFullyEnrichedFbmAndFbaOrdersInEachOfItsLanguages() {
        CoverageWorld world = new CoverageWorld();
        MacroCatalog catalog = MacroCatalog.builtIns(MacroSettings.defaults());
        String tracking = "00340434161094042557";
        List<String> uncovered = new ArrayList<>();
        int cases = 0;
        for (Macro macro : BuiltInMacros.all()) {
            for (String intent : macro.intents()) {
                for (String channel : List.of("FBM", "FBA")) {
                    for (MacroLanguage language : macro.languages()) {
                        List<ActionType> confirmed = switch (intent) {
                            case "REFUND_REQUEST" -> List.of(ActionType.REFUND);
                            case "CANCELLATION_REQUEST" -> List.of(ActionType.CANCELLATION);
                            default -> List.of();
                        };
                        SuggestionService.Suggestions s = world.suggest(intent, language.code(),
                                order("028-5550001-0000001", channel, "DHL", tracking),
                                List.of(inTransit("DHL", tracking, "https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=" + tracking)),
                                confirmed);
                        cases++;
                        boolean covered = s.items().stream().anyMatch(i -> i.sendable()
                                && catalog.find(i.macroId()).orElseThrow().intents().contains(intent)
                                && i.language().equals(language.code()) && i.text() != null && !i.text().isBlank());
                        if (!covered) {
                            uncovered.add(macro.id() + " " + intent + " " + channel + " " + language.code() + ": " + s.items());
                        }
                    }
                }
            }
        }
        assertThat(cases).as("intents x channels x languages of the built-ins").isGreaterThanOrEqualTo(80);
        assertThat(uncovered).as("tickets without a sendable suggestion for their intent").isEmpty();
    }

    @Test
    void aRefundRequestBeforeAnyRefundHasNoSendableRefundConfirmation() {
        SuggestionService.Suggestions s = new CoverageWorld().suggest("REFUND_REQUEST", "de",
                order("028-5550001-0000001", "FBM", "DHL", "00340434161094042557"), List.of(), List.of());
        assertThat(s.items()).filteredOn(i -> i.macroId().equals(BuiltInMacros.REFUND_CONFIRMATION))
                .singleElement().satisfies(i -> {
                    assertThat(i.sendable()).isFalse();
                    assertThat(i.missing()).contains("RefundAmount");
                });
    }
}
