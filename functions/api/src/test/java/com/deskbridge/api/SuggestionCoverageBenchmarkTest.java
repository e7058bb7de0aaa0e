package com.deskbridge.api;

import com.deskbridge.assistant.SuggestionCoverage;
import com.deskbridge.enrichment.TicketEnrichment;
import com.deskbridge.localaws.ProjectRoot;
import com.deskbridge.macros.MacroCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's suggestion coverage measured (prints tables, asserts nothing about the figures): the share of tickets
 * with at least one sendable suggestion ({@link com.deskbridge.assistant.Sendable}), per intent,
 * <ol>
 *   <li>on the demo world: one ticket per intent on each order of the SP-API simulator's demo world
 *       ({@code infra/spapi-simulator/src/main/resources/demo-world-spapi.json}), in the marketplace's language, with
 *       the order and parcel context enrichment reads from it (an FBA order's parcel comes from Amazon's shipments
 *       report, which this world does not hold: FBA orders have no tracking here), no refund or cancellation yet;</li>
 *   <li>on the intent training corpus ({@code functions/intent/corpus/train} only; the frozen test split is never
 *       read): each message as a ticket of its labelled intent and language, its order context taken in turn from the
 *       demo world's orders.</li>
 * </ol>
 * <pre>mvn -B -o -pl functions/api -am verify -Dgroups=benchmark -DexcludedGroups=none -Dtest=SuggestionCoverageBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@Tag("benchmark")
class SuggestionCoverageBenchmarkTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = CoverageWorld.NOW;

    /** A demo order as the enrichment function sees it, and the language its marketplace's buyers write in. */
    record DemoOrder(TicketEnrichment.OrderView order, List<TicketEnrichment.ShipmentView> shipments, String language) {
    }

    @Test
    void coverageOnTheDemoWorldAndOnTheTrainingCorpus() throws IOException {
        Path root = ProjectRoot.find();
        List<DemoOrder> orders = demoOrders(root.resolve("infra/spapi-simulator/src/main/resources/demo-world-spapi.json"));
        CoverageWorld world = new CoverageWorld();

        SuggestionCoverage demo = new SuggestionCoverage();
        for (DemoOrder o : orders) {
            for (String intent : new TreeSet<>(MacroCatalog.INTENTS)) {
                demo.add(intent, anySendable(world.suggest(intent, o.language(), o.order(), o.shipments(), List.of())));
            }
        }
        System.out.println(demo.table("suggestion coverage, demo world (" + orders.size() + " orders x "
                + MacroCatalog.INTENTS.size() + " intents, no refund or cancellation yet)"));
        printReasons("demo world");

        SuggestionCoverage corpus = new SuggestionCoverage();
        int i = 0;
        for (JsonNode m : trainingCorpus(root.resolve("functions/intent/corpus/train"))) {
            DemoOrder o = orders.get(i++ % orders.size());
            String intent = m.path("intent").asText();
            corpus.add(intent, anySendable(world.suggest(intent, m.path("language").asText(), o.order(), o.shipments(), List.of())));
        }
        System.out.println(corpus.table("suggestion coverage, intent training corpus (" + i + " messages, labelled intent and"
                + " language, demo world orders in turn)"));
        printReasons("training corpus");
        System.out.printf(Locale.ROOT, "suggestion coverage overall: demo world %.1f %%, training corpus %.1f %%%n",
                100 * demo.overall(), 100 * corpus.overall());
    }

    /** Why tickets had no sendable suggestion, per intent: "no macro", or each suggestion's missing data, block or wait. */
    private final java.util.Map<String, java.util.Map<String, Integer>> reasons = new java.util.TreeMap<>();

    private boolean anySendable(SuggestionService.Suggestions s) {
        boolean any = s.items().stream().anyMatch(SuggestionService.Suggestion::sendable);
        if (!any) {
            String why = s.items().isEmpty() ? "no macro for the intent" : String.join(" | ", s.items().stream().map(i -> i.macroId()
                    + (i.waitingFor() != null ? " waits for " + i.waitingFor() : !i.missing().isEmpty() ? " misses " + i.missing()
                    : " blocked " + i.compliance())).toList());
            reasons.computeIfAbsent(s.intent(), k -> new java.util.TreeMap<>()).merge(why, 1, Integer::sum);
        }
        return any;
    }

    private void printReasons(String title) {
        System.out.println("why not, " + title + ":");
        reasons.forEach((intent, byReason) -> byReason.forEach((why, n) -> System.out.printf(Locale.ROOT, "  %-22s %5d  %s%n", intent, n, why)));
        reasons.clear();
    }

    /** Every message of the training split (never corpus/test). */
    private static List<JsonNode> trainingCorpus(Path train) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(train)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (!line.isBlank()) {
                        out.add(JSON.readTree(line));
                    }
                }
            }
        }
        return out;
    }

    private static List<DemoOrder> demoOrders(Path file) throws IOException {
        List<DemoOrder> out = new ArrayList<>();
        for (JsonNode o : JSON.readTree(file.toFile()).path("orders")) {
            List<TicketEnrichment.ItemView> items = new ArrayList<>();
            for (JsonNode it : o.path("items")) {
                items.add(new TicketEnrichment.ItemView(it.path("orderItemId").asText(), it.path("sku").asText(),
                        it.path("title").asText(), it.path("quantity").asInt(1), it.path("unitPrice").asText(null),
                        o.path("currency").asText()));
            }
            List<TicketEnrichment.PackageView> packages = new ArrayList<>();
            List<TicketEnrichment.ShipmentView> shipments = new ArrayList<>();
            for (JsonNode p : o.path("packages")) {
                String carrier = com.deskbridge.logistics.Carrier.fromName(p.path("carrier").asText()).name(); // as enrichment stores it
                String tracking = p.path("trackingNumber").asText();
                packages.add(new TicketEnrichment.PackageView(carrier, tracking, at(p.path("shipTime").asText(null))));
                String status = "DELIVERED".equals(p.path("status").asText()) ? "Delivered" : "InTransit";
                shipments.add(new TicketEnrichment.ShipmentView(carrier, tracking, status, null, null, false, null, null, false,
                        at(o.path("latestDeliveryDate").asText(null)), null, NOW.minusSeconds(300), NOW.plusSeconds(3600),
                        "carrier", null, List.of(), Set.of(), "fp-" + tracking));
            }
            String channel = "AMAZON".equals(o.path("fulfilledBy").asText()) ? "FBA" : "FBM";
            TicketEnrichment.OrderView view = new TicketEnrichment.OrderView(o.path("orderId").asText(),
                    o.path("marketplaceId").asText(), o.path("status").asText(), channel, at(o.path("purchaseDate").asText(null)),
                    at(o.path("latestShipDate").asText(null)), at(o.path("latestDeliveryDate").asText(null)), items,
                    o.path("currency").asText(), packages);
            String language = "A1PA6795UKMFR9".equals(o.path("marketplaceId").asText()) ? "de" : "en";
            out.add(new DemoOrder(view, shipments, language));
        }
        return out;
    }

    /** The world's times: ISO instants or durations relative to now ("-P3D", "PT0S"). */
    private static Instant at(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.contains("P")) {
            return Instant.parse(value);
        }
        boolean minus = value.startsWith("-");
        String v = value.replaceFirst("^[-+]", "");
        Duration d = v.contains("T") ? Duration.parse(v) : Duration.ofDays(Period.parse(v).getDays());
        return minus ? NOW.minus(d) : NOW.plus(d);
    }
}
