package com.deskbridge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.domain.ticket.ReplySource;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AuditsTest {
    private static final SellerId SELLER = new SellerId("audit-seller");
    private static final Pattern LINK = Pattern.compile("www\\.[a-z.]+");
    /** Stands in for the compliance checker: links break EXTERNAL_LINK. */
    private static final AuditCheck CHECKER = copy -> {
        List<AuditCheck.Found> found = new ArrayList<>();
        Matcher m = LINK.matcher(copy.text());
        while (m.find()) {
            found.add(new AuditCheck.Found("EXTERNAL_LINK", m.start(), m.end(), "Remove the content."));
        }
        return found;
    };

    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-02T01:30:00Z"));
    private final InMemoryAuditStore store = new InMemoryAuditStore();
    private final Map<SellerId, AuditSettings> settings = new HashMap<>();
    private final Audits audits = new Audits(store, s -> settings.getOrDefault(s, AuditSettings.DEFAULT), CHECKER, clock);

    /** A seeded quarter (Q3 2026): 300 replies by ann by hand, 150 by ben from macro "shipping" (every 5th with a link). */
    private void seedQuarter(SellerId seller) {
        Instant start = Instant.parse("2026-07-01T08:00:00Z");
        for (int i = 0; i < 300; i++) {
            store.record(new AuditCopy(seller, "t" + i, "rann" + i, "ann", ReplySource.HAND, null, "amazon", "de",
                    start.plus(Duration.ofHours(7 * i)), "Hallo {{CustomerName}}, Ihr Paket ist unterwegs."));
        }
        for (int i = 0; i < 150; i++) {
            String text = i % 5 == 0 ? "Hello {{CustomerName}}, we guarantee delivery tomorrow, see www.myshop.example"
                    : "Hello {{CustomerName}}, we guarantee delivery tomorrow.";
            store.record(new AuditCopy(seller, "u" + i, "rben" + i, "ben", ReplySource.MACRO, "shipping", "amazon", "en",
                    start.plus(Duration.ofHours(13 * i)), text));
        }
    }

    @Test
    void aSellerRuleAddedAfterTheRepliesWereSentFindsThemAndTheirTemplate() {
        seedQuarter(SELLER);
        AuditPeriod q3 = AuditPeriod.lastFullQuarter(clock.instant());
        Audits.Run before = audits.run(SELLER, q3, "au-before", Audits.ON_DEMAND, "lead-1");
        settings.put(SELLER, new AuditSettings(AuditSettings.Schedule.QUARTERLY, 50,
                List.of(new AuditSettings.SellerRule("no-guarantee", "guarantee delivery", "We expect delivery by …"))));
        clock.advance(Duration.ofMinutes(5));

        AuditReport report = audits.run(SELLER, q3, "au-after", Audits.ON_DEMAND, "lead-1").report();
        System.out.printf("[audit] seeded quarter %s: %d sent, sample %d, strata %s, compliant %d (%.2f), violations %d %s%n",
                report.period(), report.population(), report.sampled(), report.strata(), report.compliant(),
                report.compliantShare(), report.violations().size(), report.violations().stream()
                        .collect(java.util.stream.Collectors.groupingBy(AuditReport.Violation::rule,
                                java.util.TreeMap::new, java.util.stream.Collectors.counting())));

        assertThat(q3.label()).isEqualTo("2026-Q3");
        assertThat(report.population()).isEqualTo(450);
        assertThat(report.sampled()).isEqualTo(50);
        assertThat(report.strata()).extracting(AuditSample.Stratum::sampled).containsExactlyInAnyOrder(33, 17);
        assertThat(report.compliant()).isEqualTo(33);
        assertThat(report.compliantShare()).isEqualTo(0.66);
        assertThat(report.violations()).filteredOn(v -> v.rule().equals("SELLER:no-guarantee")).hasSize(17)
                .allSatisfy(v -> {
                    assertThat(v.agentId()).isEqualTo("ben");
                    assertThat(v.macroId()).isEqualTo("shipping");
                    assertThat(v.excerpt()).contains("guarantee delivery").contains("{{CustomerName}}");
                    assertThat(v.alternative()).isEqualTo("We expect delivery by …");
                });
        assertThat(report.templatesToFix()).singleElement().satisfies(fix -> {
            assertThat(fix.macroId()).isEqualTo("shipping");
            assertThat(fix.rules()).contains("SELLER:no-guarantee");
            assertThat(fix.alternatives()).contains("We expect delivery by …");
        });
        assertThat(before.report().violations()).noneMatch(v -> v.rule().startsWith("SELLER:"));
        assertThat(report.trend()).extracting(AuditReport.TrendPoint::auditId).containsExactly("au-before", "au-after");
        assertThat(report.trend().get(1).compliantShare()).isLessThan(report.trend().get(0).compliantShare());
    }

    @Test
    void aViolationTheAgentEditedIntoASuggestionIsNotTheTemplates() {
        Instant at = Instant.parse("2026-08-03T10:00:00Z");
        store.record(new AuditCopy(SELLER, "t1", "r1", "ann", ReplySource.SUGGESTION_EDITED, "returns", "amazon", "en", at,
                "Hello {{CustomerName}}, see www.myshop.example for the return."));
        store.record(new AuditCopy(SELLER, "t2", "r2", "ann", ReplySource.MACRO, "offers", "amazon", "en", at.plusSeconds(60),
                "Hello {{CustomerName}}, offers at www.myshop.example"));

        AuditReport report = audits.run(SELLER, AuditPeriod.lastFullQuarter(clock.instant()), "au-edited",
                Audits.ON_DEMAND, "lead-1").report();

        assertThat(report.violations()).extracting(AuditReport.Violation::macroId).containsExactlyInAnyOrder("returns", "offers");
        assertThat(report.templatesToFix()).extracting(AuditReport.TemplateFix::macroId).containsExactly("offers");
    }

    @Test
    void runningAnAuditIdAgainReturnsTheFirstReport() {
        seedQuarter(SELLER);
        AuditPeriod q3 = AuditPeriod.lastFullQuarter(clock.instant());
        AuditReport first = audits.run(SELLER, q3, "au-1", Audits.ON_DEMAND, "lead-1").report();
        settings.put(SELLER, new AuditSettings(AuditSettings.Schedule.QUARTERLY, 10, List.of()));

        Audits.Run again = audits.run(SELLER, q3, "au-1", Audits.ON_DEMAND, "lead-1");

        assertThat(again.created()).isFalse();
        assertThat(again.report()).isEqualTo(first);
        assertThat(store.reports).hasSize(1);
    }

    @Test
    void theScheduleAuditsEverySellerWhoseSettingsMakeItDueOncePerPeriod() {
        SellerId monthly = new SellerId("monthly-seller");
        SellerId off = new SellerId("off-seller");
        seedQuarter(SELLER);
        seedQuarter(monthly);
        seedQuarter(off);
        settings.put(monthly, new AuditSettings(AuditSettings.Schedule.MONTHLY, 20, List.of()));
        settings.put(off, new AuditSettings(AuditSettings.Schedule.OFF, 50, List.of()));

        List<AuditReport> ran = audits.runDue();

        assertThat(ran).extracting(AuditReport::sellerId, AuditReport::period, AuditReport::trigger)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("audit-seller", "2026-Q3", "scheduled"),
                        org.assertj.core.groups.Tuple.tuple("monthly-seller", "2026-09", "scheduled"));
        assertThat(ran).filteredOn(r -> r.sellerId().equals("monthly-seller")).singleElement()
                .satisfies(r -> assertThat(r.sampled()).isEqualTo(20));
        assertThat(audits.runDue()).isEmpty();
        assertThat(Audits.scheduledId(SELLER, AuditPeriod.quarterOf(LocalDate.of(2026, 8, 1))))
                .isEqualTo(ran.stream().filter(r -> r.sellerId().equals("audit-seller")).findFirst().orElseThrow().id());
    }

    @Test
    void theScheduleLeavesAQuarterlySellerWhoSentNothingInTheQuarterAlone() {
        clock.set(Instant.parse("2026-12-07T01:30:00Z"));
        SellerId recent = new SellerId("recent-seller"); // replies in November only: found through the last full month
        store.record(new AuditCopy(recent, "t1", "r1", "ann", ReplySource.HAND, null, "amazon", "en",
                Instant.parse("2026-11-10T09:00:00Z"), "Hello {{CustomerName}}, it is on its way."));
        seedQuarter(SELLER); // Q3 2026: the last full quarter

        assertThat(audits.runDue()).extracting(AuditReport::sellerId, AuditReport::period)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("audit-seller", "2026-Q3"));
        assertThat(store.reports.values()).noneMatch(r -> r.sellerId().equals("recent-seller"));
    }

    @Test
    void theCsvHasOneRowPerViolationAndDefusesFormulas() {
        seedQuarter(SELLER);
        settings.put(SELLER, new AuditSettings(AuditSettings.Schedule.QUARTERLY, 50,
                List.of(new AuditSettings.SellerRule("g", "guarantee delivery", "=HYPERLINK(\"x\")"))));
        AuditReport report = audits.run(SELLER, AuditPeriod.lastFullQuarter(clock.instant()), "au-csv",
                Audits.ON_DEMAND, "lead-1").report();

        String[] lines = AuditCsv.of(report).split("\r\n");

        assertThat(lines[0]).isEqualTo(String.join(",", AuditCsv.HEADER));
        assertThat(lines).hasSize(1 + report.violations().size());
        assertThat(lines[1]).contains(",ben,macro,shipping,amazon,en,").contains("\"'=HYPERLINK(\"\"x\"\")\"");
    }

    @Test
    void periodsLabelAndSplitIntoQuarters() {
        assertThat(AuditPeriod.lastFullQuarter(Instant.parse("2026-01-15T00:00:00Z")).label()).isEqualTo("2025-Q4");
        assertThat(AuditPeriod.lastFullMonth(Instant.parse("2026-01-15T00:00:00Z")).label()).isEqualTo("2025-12");
        assertThat(new AuditPeriod(LocalDate.of(2026, 2, 10), LocalDate.of(2026, 7, 2)).quarters())
                .containsExactly("2026Q1", "2026Q2", "2026Q3");
    }
}
