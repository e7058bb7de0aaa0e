package com.deskbridge.domain.inbox;

import com.deskbridge.domain.sla.MilestoneKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A ticket's priority score (0–{@link #MAX}) from SLA urgency and risk, with the reasons an agent reads ("Amazon
 * deadline in 2 h · 3rd message on this order · parcel lost"). Pure: the same facts at the same instant give the same
 * score.
 *
 * <p>Weights: the response deadline (passed 40, within the at-risk window 30, within 24 h 10), an A-to-z claim
 * possible 25 (Amazon: the buyer may file once the latest delivery date passed, or 3 days after it when the seller
 * did not answer; https://sellercentral.amazon.com/help/hub/reference/external/G27951), a delivery problem past the
 * latest delivery date 20, a lost or returned parcel 15 (a delay or exception 8), escalation language 15, repeat
 * contact 5 per message beyond the first (at most 15), and the order's value (1 per 25 units of its currency, at most
 * 10).
 *
 * @param value   the score; higher is more urgent
 * @param reasons why, most important first; empty when nothing stands out
 */
public record PriorityScore(int value, List<String> reasons) {
    public static final int MAX = 200;

    public PriorityScore {
        reasons = List.copyOf(reasons);
    }

    /** The reasons as one line, separated by " · ". */
    public String summary() {
        return String.join(" · ", reasons);
    }

    public static PriorityScore of(TicketFacts t, Instant now) {
        int score = 0;
        List<String> reasons = new ArrayList<>();
        if (t.awaitingReply() && t.status() == com.deskbridge.domain.ticket.TicketStatus.OPEN) {
            Instant deadline = t.marketplaceDueAt() != null ? t.marketplaceDueAt() : t.dueAt();
            String whose = t.marketplaceDueAt() != null ? "Amazon deadline" : "Reply deadline";
            if (deadline != null) {
                Duration left = Duration.between(now, deadline);
                if (!left.isNegative() && !left.isZero()) {
                    reasons.add(whose + " in " + human(left));
                    score += t.fired().contains(MilestoneKind.AT_RISK) ? 30 : left.compareTo(Duration.ofHours(24)) <= 0 ? 10 : 0;
                } else {
                    reasons.add(whose + " passed " + human(left.negated()) + " ago");
                    score += 40;
                }
            }
        }
        if (t.aToZEligible()) {
            score += 25;
            reasons.add("A-to-z claim possible");
        }
        if (t.deliveryProblemPastLatestDelivery(now)) {
            score += 20;
            reasons.add("delivery problem past the latest delivery date");
        }
        Set<String> flags = t.deliveryFlags();
        if (flags.contains("LOST")) {
            score += 15;
            reasons.add("parcel lost");
        } else if (flags.contains("RETURNED_TO_SENDER")) {
            score += 15;
            reasons.add("parcel returned to sender");
        } else if (flags.contains("EXCEPTION")) {
            score += 8;
            reasons.add("carrier exception");
        } else if (flags.contains("DELAYED")) {
            score += 8;
            reasons.add("parcel delayed");
        }
        if (t.escalationLanguage()) {
            score += 15;
            reasons.add("escalation language");
        }
        if (t.messageCount() > 1) {
            score += Math.min(15, 5 * (t.messageCount() - 1));
            reasons.add(ordinal(t.messageCount()) + " message on this " + (t.intent() != null ? "order" : "ticket"));
        }
        if (t.orderValue() != null && t.orderValue().signum() > 0) {
            int points = Math.min(10, t.orderValue().divideToIntegralValue(BigDecimal.valueOf(25)).intValue());
            score += points;
            if (points >= 4) {
                reasons.add("order value " + t.orderValue().stripTrailingZeros().toPlainString()
                        + (t.currency() == null ? "" : " " + t.currency()));
            }
        }
        return new PriorityScore(Math.min(MAX, score), reasons);
    }

    static String human(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours + " h";
        }
        return hours / 24 + " d";
    }

    static String ordinal(int n) {
        int mod100 = n % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return String.format(Locale.ROOT, "%d%s", n, suffix);
    }
}
