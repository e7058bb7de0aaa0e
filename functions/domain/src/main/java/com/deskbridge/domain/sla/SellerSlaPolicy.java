package com.deskbridge.domain.sla;

import com.deskbridge.domain.ticket.InvalidInputException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A seller's internal response target, stricter than the marketplace's.
 *
 * <h2>Semantics</h2>
 * For a buyer message received at R (the oldest unanswered one):
 * <ul>
 *   <li><b>received in business hours</b>, i.e. {@link BusinessCalendar#isWithinBusinessDay within the business
 *       day}, from its first opening to its last closing, breaks such as lunch included: due when
 *       {@code targetInside} of open time has passed since R (from the end of the break, if received in one);
 *       closed time (breaks, nights, weekends, holidays) does not count;</li>
 *   <li><b>received outside business hours</b> (before the day's first opening, after its last closing, on a
 *       closed day or a holiday): due at the earlier of R + {@code targetOutside} of elapsed (wall-clock) time and
 *       the instant it would have been due had it arrived at the next opening (which is R + {@code targetInside} of
 *       open time, since no open time passes before that opening).</li>
 * </ul>
 * Why this rule: the out-of-hours target is what the seller promises when nobody is at work, so it is plain
 * elapsed time; the minimum guarantees that a message arriving just before opening is never due later than one
 * arriving at the opening, and with no open hours at all only the out-of-hours target applies. A break inside
 * the day counts as business hours because applying the out-of-hours rule there would make a lunch-time message
 * due in the middle of the night, earlier than one received just before lunch. The out-of-hours deadline may
 * fall while the business is closed: that is the promise the seller configured; a seller without out-of-hours
 * cover should choose {@code targetOutside} at least as long as the closures they want covered.
 * Either way the target is capped by the marketplace deadline and a cancellation deadline ({@link SlaCalculator}).
 *
 * <p>{@code atRiskShare}: the ticket is at risk once that share of the target window has been used, measured
 * in the clock that set the deadline (open time for a business-time deadline, elapsed time otherwise).
 *
 * @param targetInside  positive, at most 24 hours (longer would never bind under Amazon's 24-hour deadline)
 * @param targetOutside positive
 * @param atRiskShare   strictly between 0 and 1
 */
public record SellerSlaPolicy(BusinessCalendar calendar, Duration targetInside, Duration targetOutside,
        double atRiskShare) {

    public static final Duration MAX_TARGET_INSIDE = Duration.ofHours(24);
    public static final Duration DEFAULT_TARGET_INSIDE = Duration.ofHours(6);
    public static final Duration DEFAULT_TARGET_OUTSIDE = Duration.ofHours(12);
    public static final double DEFAULT_AT_RISK_SHARE = 0.75;

    /** @throws InvalidInputException naming the offending field */
    public SellerSlaPolicy {
        if (calendar == null) {
            throw new InvalidInputException("calendar", "is required");
        }
        requirePositive(targetInside, "targetInside");
        if (targetInside.compareTo(MAX_TARGET_INSIDE) > 0) {
            throw new InvalidInputException("targetInside", "must be at most 24 hours (was " + targetInside + ")");
        }
        requirePositive(targetOutside, "targetOutside");
        if (!(atRiskShare > 0 && atRiskShare < 1)) {
            throw new InvalidInputException("atRiskShare", "must be between 0 and 1, exclusive (was " + atRiskShare + ")");
        }
    }

    /** A builder taking the raw values the API layer receives (strings and numbers). */
    public static Builder builder() {
        return new Builder();
    }

    private static void requirePositive(Duration value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
        if (value.isNegative() || value.isZero()) {
            throw new InvalidInputException(field, "must be positive (was " + value + ")");
        }
    }

    /**
     * Collects raw policy values; parsing errors are raised at once and invariant errors by {@link #build()}, each
     * as an {@link InvalidInputException} naming the field: {@code timeZone}, {@code businessHours.<DAY>[i]},
     * {@code businessHours.<DAY>}, {@code holidays[i]}, {@code targetInside}, {@code targetOutside},
     * {@code atRiskShare}. Defaults: 6 h inside, 12 h outside, at risk at 0.75, no hours, no holidays. The time
     * zone has no default.
     */
    public static final class Builder {
        private ZoneId zone;
        private final Map<DayOfWeek, List<OpeningWindow>> hours = new EnumMap<>(DayOfWeek.class);
        private final Set<LocalDate> holidays = new HashSet<>();
        private int holidayCount;
        private Duration targetInside = DEFAULT_TARGET_INSIDE;
        private Duration targetOutside = DEFAULT_TARGET_OUTSIDE;
        private double atRiskShare = DEFAULT_AT_RISK_SHARE;

        private Builder() {
        }

        /** An IANA zone id such as {@code Europe/Berlin}. */
        public Builder timeZone(String id) {
            if (id == null || id.isBlank()) {
                throw new InvalidInputException("timeZone", "is required");
            }
            try {
                zone = ZoneId.of(id.trim());
            } catch (DateTimeException e) {
                throw new InvalidInputException("timeZone", "must be a time zone id such as Europe/Berlin (was '" + id + "')");
            }
            return this;
        }

        /**
         * Adds an opening window to a day.
         *
         * @param day    {@code monday} … {@code sunday} or {@code mon} … {@code sun}, any case
         * @param opens  {@code HH:mm}
         * @param closes {@code HH:mm}, or {@code 24:00} for the end of the day
         */
        public Builder open(String day, String opens, String closes) {
            DayOfWeek dayOfWeek = day(day);
            List<OpeningWindow> windows = hours.computeIfAbsent(dayOfWeek, d -> new ArrayList<>());
            String field = "businessHours." + dayOfWeek + "[" + windows.size() + "]";
            try {
                windows.add(OpeningWindow.parse(opens, closes));
            } catch (InvalidInputException e) {
                throw new InvalidInputException(field + "." + e.field(), e.reason());
            }
            return this;
        }

        /** Adds a holiday, an ISO local date ({@code 2026-12-25}); the same date twice is fine. */
        public Builder holiday(String isoDate) {
            String field = "holidays[" + holidayCount++ + "]";
            if (isoDate == null || isoDate.isBlank()) {
                throw new InvalidInputException(field, "is required");
            }
            try {
                holidays.add(LocalDate.parse(isoDate.trim()));
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(field, "must be a date YYYY-MM-DD (was '" + isoDate + "')");
            }
            return this;
        }

        public Builder targetInsideMinutes(long minutes) {
            targetInside = Duration.ofMinutes(minutes);
            return this;
        }

        public Builder targetOutsideMinutes(long minutes) {
            targetOutside = Duration.ofMinutes(minutes);
            return this;
        }

        public Builder atRiskShare(double share) {
            atRiskShare = share;
            return this;
        }

        /** @throws InvalidInputException naming the field of the first broken rule */
        public SellerSlaPolicy build() {
            BusinessCalendar calendar = new BusinessCalendar(zone, new BusinessHours(hours), holidays);
            return new SellerSlaPolicy(calendar, targetInside, targetOutside, atRiskShare);
        }

        private static DayOfWeek day(String value) {
            String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
            for (DayOfWeek d : DayOfWeek.values()) {
                if (v.equals(d.name()) || v.length() == 3 && d.name().startsWith(v)) {
                    return d;
                }
            }
            throw new InvalidInputException("businessHours", "has an unknown day '" + value + "' (monday … sunday)");
        }
    }
}
