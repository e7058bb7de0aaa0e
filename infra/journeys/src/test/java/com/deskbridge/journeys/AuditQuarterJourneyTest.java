package com.deskbridge.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.audit.AuditCopy;
import com.deskbridge.audit.AuditPeriod;
import com.deskbridge.audit.AuditSample;
import com.deskbridge.audit.Audits;
import com.deskbridge.domain.ticket.ReplySource;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.local.PastReplies;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The compliance audit over a seeded past quarter, for a seller of its own: two quarters of replies sent by three
 * agents by hand, from one macro, from suggestions (as suggested and edited) and automatically, a known share of them
 * breaking Amazon's messaging rules, given to the local system through its seeding helper ({@code PastReplies}: each
 * reply recorded and sent the way the API and the sender do it, the sender on the clock of its day). The earlier quarter is
 * audited on demand, the last full quarter by the quarterly schedule (fired through the local system's schedule hook)
 * and once more on demand; every report is checked black-box against the seeds and the sample drawn again from the
 * audit's id.
 */
class AuditQuarterJourneyTest extends Journey {
    private static final String SELLER = "journey-audit-quarter";
    private static final String MACRO = "spare-parts-offer";
    private static final int SAMPLE = 12;
    private static final String[] BUYERS = {"Jana Beispiel", "Lukas Hoffmann", "Emma Larsson", "Tomasz Nowak",
        "Chiara Romano", "Pieter de Vries", "Lucia Herrera", "Camille Dubois"};
    /** Rules decided by the learned models: allowed beside a seed's own rule, never alone. */
    private static final Set<String> LEARNED = Set.of("OFF_AMAZON_CONTACT", "MARKETING", "REVIEW_REQUEST");

    /** A kind of reply: its text ({@code %1$s} buyer name, {@code %2$s} order id) and the rule it breaks, if any. */
    private record Kind(String language, String text, String rule, String evidence) {
    }

    private static final Kind HAND_EN = new Kind("en", "Hello %1$s, thank you for your message about order %2$s. The parcel "
            + "left our warehouse and is on its way to you. Kind regards, Nordwind Werkzeug", null, null);
    private static final Kind HAND_DE = new Kind("de", "Guten Tag %1$s, vielen Dank für Ihre Nachricht zur Bestellung %2$s. "
            + "Das Paket ist unterwegs zu Ihnen. Mit freundlichen Grüßen, Nordwind Werkzeug", null, null);
    private static final Kind PHONE = new Kind("en", "Hello %1$s, if anything about order %2$s is unclear, call us on "
            + "+49 30 1234 5678. Kind regards, Nordwind Werkzeug", "PHONE_NUMBER", "+49 ");
    private static final Kind EMAIL = new Kind("en", "Hello %1$s, please send photos of order %2$s to "
            + "service@nordwind-werkzeug.de. Kind regards, Nordwind Werkzeug", "EMAIL_ADDRESS", "@nordwind-werkzeug.de");
    private static final Kind EMOJI = new Kind("en", "Hello %1$s, your order %2$s is on its way \uD83D\uDE0A Kind regards, "
            + "Nordwind Werkzeug", "EMOJI_OR_PICTOGRAPH", "\uD83D\uDE0A");
    /** The seller's own macro: it points buyers to the shop's website. */
    private static final Kind SPARE_PARTS = new Kind("en", "Hello %1$s, spare parts for order %2$s are listed at "
            + "www.nordwind-werkzeug.de. Kind regards, Nordwind Werkzeug", "EXTERNAL_LINK",
            "www.nordwind-werkzeug.de");
    private static final Kind SHIPPING = new Kind("en", "Hello %1$s, your order %2$s was shipped with DHL. Tracking number: "
            + "00340434161094042557. You can follow the parcel under Your Orders in your Amazon account. Kind regards, "
            + "Nordwind Werkzeug", null, null);
    private static final Kind RETURN = new Kind("en", "Hello %1$s, you can return order %2$s through Your Orders in your "
            + "Amazon account: choose the item and then Return or replace items. Kind regards, Nordwind Werkzeug", null, null);
    private static final Kind RETURN_EDITED = new Kind("en", "Hello %1$s, you can return the item in your Amazon account. For "
            + "order %2$s, also write to returns@nordwind-werkzeug.de. Kind regards, Nordwind Werkzeug",
            "EMAIL_ADDRESS", "@nordwind-werkzeug.de");
    private static final Kind AUTO = new Kind("en", "Hello %1$s, thank you for your message about order %2$s. We will "
            + "answer within one business day. Kind regards, Nordwind Werkzeug", null, null);

    /** One group of seeded replies: who, how, which macro, how many of each kind. */
    private record Group(String agent, ReplySource source, String macro, Map<Kind, Integer> kinds) {
    }

    /** One seeded reply as the journey knows it. */
    private record Seeded(String messageKey, String ticketId, String agent, ReplySource source, String macro, Kind kind,
                          String buyer, String orderId, Instant sentAt) {
        AuditCopy.SentReply ref() {
            return new AuditCopy.SentReply(messageKey, agent, source, sentAt);
        }
    }

    private int serial;

    /** Sends every group's replies spread over the period, interleaved, as they would have been. */
    private List<Seeded> seed(AuditPeriod period, int quarterIndex, List<Group> groups) {
        List<Object[]> plan = new ArrayList<>();
        for (Group g : groups) {
            g.kinds().forEach((kind, n) -> {
                for (int i = 0; i < n; i++) {
                    plan.add(new Object[] {g, kind});
                }
            });
        }
        java.util.Collections.shuffle(plan, new java.util.Random(quarterIndex)); // interleaved, the same every run
        Duration step = Duration.between(period.start(), period.end()).dividedBy(plan.size() + 1);
        List<java.util.concurrent.Callable<Seeded>> sends = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            Group g = (Group) plan.get(i)[0];
            Kind kind = (Kind) plan.get(i)[1];
            int n = ++serial;
            String buyer = BUYERS[n % BUYERS.length];
            String orderId = String.format("306-93%02d%03d-%07d", quarterIndex, n, 4200 + n);
            Instant sentAt = period.start().plus(step.multipliedBy(i + 1)).plusSeconds(n);
            sends.add(() -> {
                PastReplies.Sent sent = JourneySystem.sendPastReply(SELLER, new PastReplies.Reply(g.agent(), g.source(),
                        g.macro(), "aq" + quarterIndex + "x" + n, buyer, orderId, kind.language(),
                        "Hello, a question about my order " + orderId + ". " + buyer,
                        String.format(kind.text(), buyer, orderId), sentAt));
                return new Seeded(sent.messageKey(), sent.ticketId(), g.agent(), g.source(), g.macro(), kind, buyer,
                        orderId, sentAt);
            });
        }
        // four at a time: each reply is a few DynamoDB writes and one SMTP delivery
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<Seeded> out = new ArrayList<>();
            for (java.util.concurrent.Future<Seeded> f : pool.invokeAll(sends)) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("seeding failed", e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private static Map<Kind, Integer> kinds(Object... kindAndCount) {
        Map<Kind, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < kindAndCount.length; i += 2) {
            m.put((Kind) kindAndCount[i], (Integer) kindAndCount[i + 1]);
        }
        return m;
    }

    @Test
    @DisplayName("two seeded quarters (3 agents; hand, macro, suggestion, edited, automatic) -> on-demand audit of the earlier "
            + "one, scheduled audit of the last full quarter through the schedule hook, on-demand again: stratified, "
            + "reproducible sample; the seeded violations with rule, position, excerpt, agent, macro; fix this template; "
            + "trend; CSV; no buyer data")
    void aQuarterOfSeededRepliesIsAuditedByTheScheduleAndOnDemand() {
        String lead = leadToken(SELLER);
        Api.Response settings = api.put("/audit-settings", lead, Map.of("schedule", "quarterly", "sampleSize", SAMPLE));
        assertThat(settings.status()).as(settings.toString()).isEqualTo(200);
        AuditPeriod last = AuditPeriod.lastFullQuarter(Instant.now());
        AuditPeriod earlier = AuditPeriod.quarterOf(last.from().minusDays(1));

        // the earlier quarter: 4 replies, one of them from the macro, breaking a rule; all sampled
        long seeding = System.nanoTime();
        List<Seeded> before = seed(earlier, 1, List.of(
                new Group("agent-mia", ReplySource.HAND, null, kinds(HAND_EN, 1, HAND_DE, 1)),
                new Group("agent-mia", ReplySource.MACRO, MACRO, kinds(SPARE_PARTS, 1)),
                new Group(null, ReplySource.AUTOMATIC, null, kinds(AUTO, 1))));
        JsonNode q2 = created(api.post("/audits", lead, Map.of("from", earlier.from().toString(), "to",
                earlier.to().toString()), "journey-audit-quarter-earlier-" + System.nanoTime()));
        assertThat(q2.path("population").asInt()).isEqualTo(4);
        assertThat(q2.path("sampled").asInt()).isEqualTo(4);
        assertThat(violatingKeys(q2)).isEqualTo(keys(before, s -> s.kind().rule() != null));
        assertThat(q2.path("compliantShare").asDouble()).isEqualTo(0.75);

        // the last full quarter: 24 replies by three agents, 9 breaking rules (5 from the macro, by two agents)
        List<Seeded> quarter = seed(last, 2, List.of(
                new Group("agent-mia", ReplySource.HAND, null, kinds(HAND_EN, 3, HAND_DE, 1, PHONE, 1, EMAIL, 1)),
                new Group("agent-mia", ReplySource.MACRO, MACRO, kinds(SPARE_PARTS, 3)),
                new Group("agent-noah", ReplySource.HAND, null, kinds(HAND_EN, 2, EMOJI, 1)),
                new Group("agent-noah", ReplySource.MACRO, MACRO, kinds(SPARE_PARTS, 2)),
                new Group("agent-noah", ReplySource.SUGGESTION, "builtin-fbm-shipping-update", kinds(SHIPPING, 3)),
                new Group("agent-olga", ReplySource.SUGGESTION_EDITED, "builtin-return-request", kinds(RETURN, 1, RETURN_EDITED, 1)),
                new Group(null, ReplySource.AUTOMATIC, null, kinds(AUTO, 5))));
        System.out.printf("[audit] seeded %d past replies through PastReplies (with the earlier audit) in %d ms%n",
                before.size() + quarter.size(), (System.nanoTime() - seeding) / 1_000_000);

        // the quarterly schedule, fired through the local system's hook: the last full quarter, once
        JourneySystem.fireSchedule("AuditScheduleFunction.Daily");
        JourneySystem.fireSchedule("AuditScheduleFunction.Daily");
        JsonNode list = api.get("/audits", lead).json().path("audits");
        List<JsonNode> scheduled = new ArrayList<>();
        list.forEach(a -> {
            if ("scheduled".equals(a.path("trigger").asText())) {
                scheduled.add(a);
            }
        });
        assertThat(scheduled).as("one scheduled audit in " + list).hasSize(1);
        String scheduledId = scheduled.get(0).path("id").asText();
        assertThat(scheduledId).isEqualTo(Audits.scheduledId(new SellerId(SELLER), last));
        JsonNode report = api.get("/audits/" + scheduledId, lead).json();
        assertThat(report.path("period").asText()).isEqualTo(last.label());
        checkAgainstSeeds(report, quarter);

        // on demand over the same quarter (the default period): another id, another draw, the same truth; the trend
        JsonNode again = created(api.post("/audits", lead, null, "journey-audit-quarter-again-" + System.nanoTime()));
        assertThat(again.path("period").asText()).isEqualTo(last.label());
        checkAgainstSeeds(again, quarter);
        List<String> trend = new ArrayList<>();
        again.path("trend").forEach(p -> trend.add(p.path("auditId").asText() + "=" + p.path("compliantShare").asDouble()));
        assertThat(trend).containsExactly(q2.path("id").asText() + "=0.75",
                scheduledId + "=" + report.path("compliantShare").asDouble(),
                again.path("id").asText() + "=" + again.path("compliantShare").asDouble());

        // the CSV: one row per violation, agents and the macro, no buyer data
        Api.Response csv = api.get("/audits/" + scheduledId + "/csv", lead);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body().split("\r\n")).hasSize(1 + report.path("violations").size());
        assertThat(csv.body()).contains(",agent-mia,macro," + MACRO + ",");
        noBuyerData(csv.body(), quarter);

        printFigures(report);
    }

    /** The report against the seeds: strata, the sample drawn again from the audit id, each violation, the template. */
    private static void checkAgainstSeeds(JsonNode report, List<Seeded> seeds) {
        assertThat(report.path("population").asInt()).isEqualTo(seeds.size());
        assertThat(report.path("sampled").asInt()).isEqualTo(SAMPLE);
        // reproducible: the same population and the audit's id give this very sample
        AuditSample expected = AuditSample.draw(seeds.stream().map(Seeded::ref).toList(), SAMPLE,
                AuditSample.seed(report.path("id").asText()));
        Map<String, Seeded> byKey = seeds.stream().collect(Collectors.toMap(Seeded::messageKey, s -> s));
        Set<String> drawn = expected.replies().stream().map(AuditCopy.SentReply::messageKey).collect(Collectors.toSet());
        Map<String, Integer> strata = new TreeMap<>();
        report.path("strata").forEach(s -> strata.put(s.path("agentId").asText("(automatic)") + "|" + s.path("source").asText()
                + " " + s.path("sampled").asInt() + "/" + s.path("population").asInt(), 1));
        assertThat(strata.keySet()).containsExactlyInAnyOrderElementsOf(expected.strata().stream()
                .map(s -> (s.agentId() == null ? "(automatic)" : s.agentId()) + "|" + s.source() + " " + s.sampled() + "/"
                        + s.population()).toList());
        assertThat(strata).hasSize(7); // every agent × source of the quarter, each sampled at least once
        Set<String> violating = keys(seeds, s -> drawn.contains(s.messageKey()) && s.kind().rule() != null);
        assertThat(violatingKeys(report)).as("the seeded violations of the sample, no others").isEqualTo(violating);
        assertThat(report.path("compliant").asInt()).isEqualTo(SAMPLE - violating.size());
        assertThat(report.path("compliantShare").asDouble())
                .isEqualTo(Math.round(10_000.0 * (SAMPLE - violating.size()) / SAMPLE) / 10_000.0);
        Set<String> ownRuleFound = new HashSet<>();
        for (JsonNode v : report.path("violations")) {
            Seeded s = byKey.get(v.path("messageKey").asText());
            String rule = v.path("rule").asText();
            assertThat(rule.equals(s.kind().rule()) || LEARNED.contains(rule)).as("a seeded rule: " + v).isTrue();
            assertThat(v.path("agentId").asText(null)).isEqualTo(s.agent());
            assertThat(v.path("source").asText()).isEqualTo(s.source().wireName());
            assertThat(v.path("macroId").asText(null)).isEqualTo(s.macro());
            assertThat(v.path("ticketId").asText()).isEqualTo(s.ticketId());
            assertThat(v.path("sentAt").asText()).isEqualTo(s.sentAt().toString());
            assertThat(v.path("alternative").asText()).as("a safer alternative").isNotBlank();
            if (rule.equals(s.kind().rule())) {
                ownRuleFound.add(s.messageKey());
                assertThat(v.path("excerpt").asText()).contains(s.kind().evidence()).contains("{{OrderID}}");
                assertThat(v.path("end").asInt()).isGreaterThan(v.path("start").asInt()).isPositive();
            }
        }
        assertThat(ownRuleFound).as("each violating reply's own rule found").isEqualTo(violating);
        // the macro behind most violations: fix this template, with what to write instead
        JsonNode fix = null;
        for (JsonNode f : report.path("templatesToFix")) {
            assertThat(f.path("macroId").asText()).as("only the violating macro").isEqualTo(MACRO);
            fix = f;
        }
        long fromMacro = seeds.stream().filter(s -> drawn.contains(s.messageKey()) && MACRO.equals(s.macro())).count();
        assertThat(fix).as("fix this template").isNotNull();
        assertThat(fix.path("rules").toString()).contains("EXTERNAL_LINK");
        assertThat(fix.path("violations").asInt()).isGreaterThanOrEqualTo((int) fromMacro);
        assertThat(fix.path("alternatives").toString()).contains("Remove the link");
        noBuyerData(report.toString(), seeds);
    }

    private static void noBuyerData(String text, List<Seeded> seeds) {
        for (Seeded s : seeds) {
            String[] names = s.buyer().split(" ");
            assertThat(text).doesNotContain(s.buyer()).doesNotContain(names[names.length - 1]).doesNotContain(s.orderId());
        }
    }

    private static JsonNode created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private static Set<String> violatingKeys(JsonNode report) {
        Set<String> keys = new HashSet<>();
        report.path("violations").forEach(v -> keys.add(v.path("messageKey").asText()));
        return keys;
    }

    private static Set<String> keys(List<Seeded> seeds, java.util.function.Predicate<Seeded> which) {
        return seeds.stream().filter(which).map(Seeded::messageKey).collect(Collectors.toSet());
    }

    /** The run's figures, for the note: sample, share compliant, violations per rule and per agent. */
    private static void printFigures(JsonNode report) {
        Function<String, Map<String, Long>> per = field -> {
            Map<String, Long> m = new TreeMap<>();
            report.path("violations").forEach(v -> m.merge(v.path(field).asText("(automatic)"), 1L, Long::sum));
            return m;
        };
        List<String> strata = new ArrayList<>();
        report.path("strata").forEach(s -> strata.add(s.path("agentId").asText("(automatic)") + "/" + s.path("source").asText()
                + " " + s.path("sampled").asInt() + " of " + s.path("population").asInt()));
        System.out.printf("[audit] seeded quarter %s (%s): %d sent, sample %d, compliant %d (%.1f %%), violations %d per rule %s "
                        + "per agent %s; strata %s; templates to fix %s%n", report.path("period").asText(),
                report.path("trigger").asText(), report.path("population").asInt(), report.path("sampled").asInt(),
                report.path("compliant").asInt(), 100 * report.path("compliantShare").asDouble(),
                report.path("violations").size(), per.apply("rule"), per.apply("agentId"), strata,
                report.path("templatesToFix"));
    }
}
