package com.deskbridge.logistics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Decides, from a tracking snapshot and the promised delivery date, which proactive flags a shipment carries. Pure:
 * time comes from the injected clock.
 * <ul>
 * <li><b>DELAYED</b>: not delivered and now is strictly after the promised delivery (Amazon's LatestDeliveryDate;
 *     the A-to-z window opens 3 days later, https://arcus-www.amazon.ca/gp/help/customer/display.html?nodeId=201889410), or the carrier reports a delay (a delay incident
 *     reason), or the carrier's estimate is later than the promise.</li>
 * <li><b>EXCEPTION</b>: status Exception or AttemptFail (someone has to act).</li>
 * <li><b>LOST</b>: the carrier reports the parcel lost; or status Expired; or the parcel is in transit and the last
 *     carrier event is at least {@link #DEFAULT_SILENCE_BEFORE_LOST} old. Seven days: domestic parcels are scanned at
 *     least daily and international line-haul is typically silent for 3–5 days, so a week without any scan is
 *     abnormal; AfterShip's Expired (30 days) comes far too late for the A-to-z window (3 days after the latest
 *     delivery date). A pre-transit parcel (label only) is never "lost": the seller has not handed it over.</li>
 * <li><b>RETURNED_TO_SENDER</b>: the carrier says the parcel is on its way back or back.</li>
 * </ul>
 */
public final class ProactiveFlags {

    /** How long an in-transit parcel may stay silent before it is flagged LOST. */
    public static final Duration DEFAULT_SILENCE_BEFORE_LOST = Duration.ofDays(7);

    private final Clock clock;
    private final Duration silenceBeforeLost;

    public ProactiveFlags(Clock clock) {
        this(clock, DEFAULT_SILENCE_BEFORE_LOST);
    }

    public ProactiveFlags(Clock clock, Duration silenceBeforeLost) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (silenceBeforeLost.isNegative() || silenceBeforeLost.isZero()) {
            throw new IllegalArgumentException("silenceBeforeLost must be positive");
        }
        this.silenceBeforeLost = silenceBeforeLost;
    }

    /**
     * @param promisedDelivery the latest delivery date promised to the buyer, or null when unknown (FBA)
     */
    public Set<ProactiveFlag> evaluate(TrackingSnapshot snapshot, Instant promisedDelivery) {
        Objects.requireNonNull(snapshot, "snapshot");
        Instant now = clock.instant();
        Set<ProactiveFlag> flags = EnumSet.noneOf(ProactiveFlag.class);
        TrackingStatus status = snapshot.status();
        boolean delivered = status == TrackingStatus.DELIVERED;

        if (!delivered && delayed(snapshot, promisedDelivery, now)) {
            flags.add(ProactiveFlag.DELAYED);
        }
        if (status == TrackingStatus.EXCEPTION || status == TrackingStatus.ATTEMPT_FAIL) {
            flags.add(ProactiveFlag.EXCEPTION);
        }
        if (!delivered && lost(snapshot, now)) {
            flags.add(ProactiveFlag.LOST);
        }
        if (snapshot.returnToSender()) {
            flags.add(ProactiveFlag.RETURNED_TO_SENDER);
        }
        return flags;
    }

    private static boolean delayed(TrackingSnapshot s, Instant promised, Instant now) {
        if (s.incidentReason() != null && s.incidentReason().delay()) {
            return true;
        }
        if (s.latestEvent().map(e -> e.incidentReason() != null && e.incidentReason().delay()).orElse(false)) {
            return true;
        }
        if (promised == null) {
            return false;
        }
        if (now.isAfter(promised)) {
            return true;
        }
        return s.estimatedDelivery() != null && s.estimatedDelivery().isAfter(promised);
    }

    private boolean lost(TrackingSnapshot s, Instant now) {
        if (s.incidentReason() == IncidentReason.CARRIER_PARCEL_LOST || s.status() == TrackingStatus.EXPIRED) {
            return true;
        }
        if (!s.status().inTransit()) {
            return false;
        }
        Instant last = s.lastEventAt().orElse(null);
        return last != null && !now.isBefore(last.plus(silenceBeforeLost));
    }
}
