package com.deskbridge.audit;

import com.deskbridge.domain.ticket.ReplySource;
import com.deskbridge.domain.ticket.SellerId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compliance audit: a stratified random sample of a seller's sent replies in a period ({@link AuditSample}), each
 * audit copy re-checked with the rules as they are now (the compliance checker and the seller's own rules, so a rule
 * added or a model retrained after a reply was sent finds what that reply broke), reported with its violations, the
 * templates to fix and the trend against the seller's earlier audits. Running an audit id twice returns the first
 * report.
 */
public final class Audits {
    public static final String ON_DEMAND = "on-demand";
    public static final String SCHEDULED = "scheduled";
    private static final int EXCERPT_CONTEXT = 40;

    private final AuditStore store;
    private final Function<SellerId, AuditSettings> settings;
    private final AuditCheck check;
    private final Clock clock;

    public Audits(AuditStore store, Function<SellerId, AuditSettings> settings, AuditCheck check, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.settings = Objects.requireNonNull(settings);
        this.check = Objects.requireNonNull(check);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The report and whether this call made it (false: the id had run before). */
    public record Run(AuditReport report, boolean created) {
    }

    /** Runs the audit {@code id} over the period, or returns its report when it ran before. */
    public Run run(SellerId seller, AuditPeriod period, String id, String trigger, String requestedBy) {
        Optional<AuditReport> earlier = store.report(seller, id);
        if (earlier.isPresent()) {
            return new Run(earlier.get(), false);
        }
        AuditSettings current = settings.apply(seller);
        List<AuditCopy.SentReply> population = store.sent(seller, period);
        AuditSample sample = AuditSample.draw(population, current.sampleSize(), AuditSample.seed(id));
        Map<String, AuditCopy> copies = new LinkedHashMap<>();
        store.copies(seller, sample.replies()).forEach(c -> copies.put(c.messageKey(), c));
        List<AuditReport.Violation> violations = new ArrayList<>();
        int compliant = 0;
        int sampled = 0;
        for (AuditCopy.SentReply ref : sample.replies()) {
            AuditCopy copy = copies.get(ref.messageKey());
            if (copy == null) {
                continue; // expired between listing and loading
            }
            sampled++;
            List<AuditCheck.Found> found = new ArrayList<>(check.check(copy));
            found.addAll(sellerRules(current.rules(), copy.text()));
            if (found.isEmpty()) {
                compliant++;
            }
            for (AuditCheck.Found f : found) {
                violations.add(new AuditReport.Violation(copy.messageKey(), copy.ticketId(), copy.agentId(),
                        copy.source().wireName(), copy.macroId(), copy.channel(), copy.language(), copy.sentAt().toString(),
                        f.rule(), f.start(), f.end(), excerpt(copy.text(), f.start(), f.end()), f.alternative()));
            }
        }
        Instant now = clock.instant();
        double share = sampled == 0 ? 1.0 : Math.round(10_000.0 * compliant / sampled) / 10_000.0;
        List<AuditReport.TrendPoint> trend = new ArrayList<>(store.reports(seller).stream()
                .sorted(Comparator.comparing(AuditReport::createdAt)).map(AuditReport::point).toList());
        AuditReport report = new AuditReport(id, seller.value(), trigger, requestedBy, period.label(),
                period.from().toString(), period.to().toString(), now.toString(), population.size(), sampled, compliant,
                share, sample.strata(), violations, templatesToFix(violations), List.of());
        trend.add(report.point());
        report = new AuditReport(report.id(), report.sellerId(), trigger, requestedBy, report.period(), report.from(),
                report.to(), report.createdAt(), report.population(), sampled, compliant, share, report.strata(),
                violations, report.templatesToFix(), trend);
        if (!store.save(seller, report)) {
            return new Run(store.report(seller, id).orElse(report), false); // a concurrent run of the same id won
        }
        return new Run(report, true);
    }

    public Optional<AuditReport> find(SellerId seller, String id) {
        return store.report(seller, id);
    }

    /** The seller's audits, newest first. */
    public List<AuditReport> list(SellerId seller) {
        return store.reports(seller);
    }

    /**
     * The scheduled run: every seller with audit copies in the last full quarter or month whose settings make an audit
     * due now, audited once per period (the id is derived from seller and period). Returns the audits run.
     */
    public List<AuditReport> runDue() {
        Instant now = clock.instant();
        Set<SellerId> sellers = new TreeSet<>(Comparator.comparing(SellerId::value));
        Map<String, Set<SellerId>> byQuarter = sellersByQuarter(now);
        byQuarter.values().forEach(sellers::addAll);
        List<AuditReport> ran = new ArrayList<>();
        for (SellerId seller : sellers) {
            Optional<AuditPeriod> due = settings.apply(seller).schedule().lastFullPeriod(now);
            // a seller found only through another period's quarter (a quarterly seller with replies this month) sent
            // nothing in its due period: no empty audit for it
            if (due.isPresent() && due.get().quarters().stream().anyMatch(q -> byQuarter.get(q).contains(seller))) {
                Run run = run(seller, due.get(), scheduledId(seller, due.get()), SCHEDULED, null);
                if (run.created()) {
                    ran.add(run.report());
                }
            }
        }
        return ran;
    }

    /** The sellers with audit copies in each quarter of the last full quarter and month. */
    private Map<String, Set<SellerId>> sellersByQuarter(Instant now) {
        Set<String> quarters = new LinkedHashSet<>();
        quarters.addAll(AuditPeriod.lastFullQuarter(now).quarters());
        quarters.addAll(AuditPeriod.lastFullMonth(now).quarters());
        Map<String, Set<SellerId>> byQuarter = new LinkedHashMap<>();
        quarters.forEach(q -> byQuarter.put(q, store.sellersWithCopies(q)));
        return byQuarter;
    }

    /**
     * SnapStart priming of the scheduled run, for {@code seller} (the reserved seller, who has no audit copies): the
     * schedule's look-up of the sellers with copies (only their ids are read, and dropped), then the scheduled audit of
     * {@code seller}'s last full quarter. Run it only with a store whose writes are refused: the audit's report is
     * serialised and offered to the store, which must not keep it.
     */
    public AuditReport primeScheduled(SellerId seller) {
        Instant now = clock.instant();
        sellersByQuarter(now);
        AuditPeriod period = AuditPeriod.lastFullQuarter(now);
        return run(seller, period, scheduledId(seller, period), SCHEDULED, null).report();
    }

    /** The id of the scheduled audit of a seller's period: running the schedule again finds it. */
    public static String scheduledId(SellerId seller, AuditPeriod period) {
        return id(seller.value() + "\u0000scheduled\u0000" + period.from() + "\u0000" + period.to());
    }

    /** The id of a lead's on-demand audit, from the request's Idempotency-Key. */
    public static String onDemandId(SellerId seller, String idempotencyKey) {
        return id(seller.value() + "\u0000on-demand\u0000" + idempotencyKey);
    }

    private static String id(String material) {
        return "au" + Long.toUnsignedString(AuditSample.seed(material), 36);
    }

    static List<AuditCheck.Found> sellerRules(List<AuditSettings.SellerRule> rules, String text) {
        List<AuditCheck.Found> found = new ArrayList<>();
        for (AuditSettings.SellerRule rule : rules) {
            Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(rule.phrase().strip()) + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text);
            while (m.find()) {
                found.add(new AuditCheck.Found("SELLER:" + rule.id(), m.start(), m.end(), rule.alternative()));
            }
        }
        return found;
    }

    static String excerpt(String text, int start, int end) {
        if (start < 0) {
            return text.length() <= 2 * EXCERPT_CONTEXT ? text : text.substring(0, 2 * EXCERPT_CONTEXT) + "…";
        }
        int from = Math.max(0, start - EXCERPT_CONTEXT);
        int to = Math.min(text.length(), end + EXCERPT_CONTEXT);
        return (from > 0 ? "…" : "") + text.substring(from, to).replaceAll("\\s+", " ") + (to < text.length() ? "…" : "");
    }

    private static List<AuditReport.TemplateFix> templatesToFix(List<AuditReport.Violation> violations) {
        Map<String, List<AuditReport.Violation>> byMacro = new java.util.TreeMap<>();
        for (AuditReport.Violation v : violations) {
            // an edited suggestion's text is the agent's, not the template's
            if (v.macroId() != null && !v.source().equals(ReplySource.SUGGESTION_EDITED.wireName())) {
                byMacro.computeIfAbsent(v.macroId(), k -> new ArrayList<>()).add(v);
            }
        }
        List<AuditReport.TemplateFix> fixes = new ArrayList<>();
        byMacro.forEach((macro, vs) -> fixes.add(new AuditReport.TemplateFix(macro, vs.size(),
                vs.stream().map(AuditReport.Violation::rule).distinct().sorted().toList(),
                vs.stream().map(AuditReport.Violation::alternative).filter(Objects::nonNull).distinct().toList())));
        fixes.sort(Comparator.comparingInt(AuditReport.TemplateFix::violations).reversed()
                .thenComparing(f -> f.macroId().toLowerCase(Locale.ROOT)));
        return fixes;
    }
}
