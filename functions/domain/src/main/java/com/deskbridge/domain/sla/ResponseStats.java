package com.deskbridge.domain.sla;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Response figures for one group of {@link ResponseRecord}s (see {@link ResponseMetrics} for the definitions).
 *
 * @param messages         records in the group
 * @param answered         records with a first response
 * @param pending          unanswered records still inside the 24-hour window at the evaluation instant
 * @param answeredWithin24h answered in less than 24 hours
 * @param breaches         answered after 24 hours or more, or unanswered for 24 hours or more
 * @param shareWithin24h   {@code answeredWithin24h / (messages - pending)}; empty when that is zero
 * @param averageFirstResponse mean first-response time over answered records (truncated to the nanosecond)
 * @param p90FirstResponse nearest-rank 90th percentile of first-response time over answered records
 */
public record ResponseStats(int messages, int answered, int pending, int answeredWithin24h, int breaches,
        OptionalDouble shareWithin24h, Optional<Duration> averageFirstResponse, Optional<Duration> p90FirstResponse) {
}
