package com.deskbridge.orderactions;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A seller's money controls for refunds (issue 12, "Money controls"): above which amount a refund waits for a lead's
 * approval by a second person, how many refunds and how much money one agent may refund in a UTC day, and how many
 * refunds by one agent within an hour raise a security alert. Amounts are per currency (no exchange rates are assumed):
 *
 * <ul>
 *   <li>{@code approvalThresholds}: a refund whose net amount is above its currency's threshold needs approval. Once
 *   any threshold is set, a refund in a currency without one needs approval too (fail closed: a seller who sets EUR
 *   100 does not mean "unlimited in GBP").</li>
 *   <li>{@code dailyCount}: refunds one agent may request per UTC day (0: no count cap).</li>
 *   <li>{@code dailyAmounts}: money one agent may refund per UTC day, per currency; a currency without an entry has no
 *   amount cap (the count cap still applies).</li>
 *   <li>{@code alertPerHour}: more refunds than this by one agent within a clock hour raise a security event.</li>
 * </ul>
 */
public record RefundControls(Map<String, BigDecimal> approvalThresholds, int dailyCount, Map<String, BigDecimal> dailyAmounts,
                             int alertPerHour) {

    /** What a seller who stored nothing gets: no approval step, 50 refunds per agent and day, an alert above 10 an hour. */
    public static final RefundControls DEFAULT = new RefundControls(Map.of(), 50, Map.of(), 10);

    public RefundControls {
        approvalThresholds = Map.copyOf(new TreeMap<>(Objects.requireNonNull(approvalThresholds)));
        dailyAmounts = Map.copyOf(new TreeMap<>(Objects.requireNonNull(dailyAmounts)));
        if (dailyCount < 0 || alertPerHour < 1) {
            throw new IllegalArgumentException("dailyCount must be >= 0 and alertPerHour >= 1");
        }
        approvalThresholds.values().forEach(RefundControls::nonNegative);
        dailyAmounts.values().forEach(RefundControls::nonNegative);
    }

    private static void nonNegative(BigDecimal amount) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("amounts must not be negative");
        }
    }

    /** Whether a refund of {@code amount} needs a second person's approval. */
    public boolean needsApproval(Money amount) {
        if (approvalThresholds.isEmpty()) {
            return false;
        }
        BigDecimal threshold = approvalThresholds.get(amount.currency());
        return threshold == null || amount.amount().compareTo(threshold) > 0;
    }

    /** The most one agent may refund in {@code currency} per UTC day, when capped. */
    public Optional<BigDecimal> dailyAmount(String currency) {
        return Optional.ofNullable(dailyAmounts.get(currency));
    }
}
