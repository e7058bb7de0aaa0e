package com.deskbridge.domain.sla;

import com.deskbridge.domain.ticket.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Response-time metrics in the spirit of Amazon's Contact Response Time, for every channel alike (a 24-hour window,
 * independent of the channel deadlines, so channels and agents compare).
 *
 * <ul>
 *   <li><b>within 24 h</b>: first response less than 24 h after receipt (at exactly 24 h it is late, matching the
 *       exclusive deadlines of {@link SlaTimeline});</li>
 *   <li><b>breach</b>: answered 24 h or more after receipt, or still unanswered 24 h or more after receipt at the
 *       evaluation instant {@code asOf};</li>
 *   <li><b>pending</b>: unanswered and less than 24 h old at {@code asOf}: not decided yet, so left out of the
 *       share's denominator;</li>
 *   <li><b>share within 24 h</b> = within / (messages − pending);</li>
 *   <li><b>average</b> and <b>p90</b> first-response time over answered records. p90 is the nearest-rank
 *       percentile: sort the n response times ascending and take the one at 1-based rank ⌈0.9 · n⌉ (n = 1: the
 *       only value; n = 10: the 9th; n = 11: the 10th).</li>
 * </ul>
 * By agent covers answered records with an agent id; unanswered records have no agent and count only overall and
 * by channel.
 */
public final class ResponseMetrics {

    /** The response window of the metric. */
    public static final Duration RESPONSE_WINDOW = Duration.ofHours(24);

    private ResponseMetrics() {
    }

    /** The report for {@code records}, judging unanswered ones at {@code asOf}. */
    public static ResponseReport compute(List<ResponseRecord> records, Instant asOf) {
        Objects.requireNonNull(asOf, "asOf");
        Map<Channel, List<ResponseRecord>> byChannel = new EnumMap<>(Channel.class);
        Map<String, List<ResponseRecord>> byAgent = new TreeMap<>();
        for (ResponseRecord r : records) {
            byChannel.computeIfAbsent(r.channel(), c -> new ArrayList<>()).add(r);
            if (r.agentId() != null && r.firstResponseAt() != null) {
                byAgent.computeIfAbsent(r.agentId(), a -> new ArrayList<>()).add(r);
            }
        }
        Map<Channel, ResponseStats> channelStats = new EnumMap<>(Channel.class);
        byChannel.forEach((c, list) -> channelStats.put(c, stats(list, asOf)));
        Map<String, ResponseStats> agentStats = new TreeMap<>();
        byAgent.forEach((a, list) -> agentStats.put(a, stats(list, asOf)));
        return new ResponseReport(stats(records, asOf), channelStats, agentStats);
    }

    /** The figures for one group. */
    public static ResponseStats stats(List<ResponseRecord> records, Instant asOf) {
        List<Duration> times = new ArrayList<>();
        int pending = 0;
        int within = 0;
        int breaches = 0;
        for (ResponseRecord r : records) {
            Optional<Duration> time = r.responseTime();
            if (time.isPresent()) {
                times.add(time.get());
                if (time.get().compareTo(RESPONSE_WINDOW) < 0) {
                    within++;
                } else {
                    breaches++;
                }
            } else if (Duration.between(r.receivedAt(), asOf).compareTo(RESPONSE_WINDOW) >= 0) {
                breaches++;
            } else {
                pending++;
            }
        }
        int decided = records.size() - pending;
        OptionalDouble share = decided == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) within / decided);
        return new ResponseStats(records.size(), times.size(), pending, within, breaches, share, average(times),
                percentile90(times));
    }

    /** Nearest-rank 90th percentile: the value at 1-based rank ⌈0.9 · n⌉ of the ascending values. */
    static Optional<Duration> percentile90(List<Duration> values) {
        return percentile(values, 90);
    }

    /** Nearest-rank percentile {@code p} (1..100): the value at 1-based rank ⌈p/100 · n⌉ of the ascending values. */
    static Optional<Duration> percentile(List<Duration> values, int p) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int rank = Math.max(1, (p * sorted.size() + 99) / 100);
        return Optional.of(sorted.get(rank - 1));
    }

    private static Optional<Duration> average(List<Duration> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        Duration sum = Duration.ZERO;
        for (Duration d : values) {
            sum = sum.plus(d);
        }
        return Optional.of(sum.dividedBy(values.size()));
    }
}
