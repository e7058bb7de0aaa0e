package com.deskbridge.ebay;

import com.deskbridge.http.Quota;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * eBay's daily call limits on the client side, so the application stops before eBay answers 429: one budget per API,
 * counted per calendar day in Pacific time (eBay's day runs from midnight to midnight Pacific,
 * https://developer.ebay.com/develop/get-started/api-call-limits). A refused permit says when the next day starts.
 * This implementation counts in this container's memory; functions that run in several containers share the counters
 * through the store that implements {@link Quota} for them.
 */
public final class EbayCallLimits {

    static final ZoneId EBAY_DAY = ZoneId.of("America/Los_Angeles");

    private final Map<EbayApi, DayBudget> budgets = new EnumMap<>(EbayApi.class);

    /** With each API's {@link EbayApi#defaultDailyLimit()}. */
    public EbayCallLimits(Clock clock) {
        this(clock, EbayApi::defaultDailyLimit);
    }

    public EbayCallLimits(Clock clock, ToLongFunction<EbayApi> dailyLimit) {
        for (EbayApi api : EbayApi.values()) {
            budgets.put(api, new DayBudget(clock, dailyLimit.applyAsLong(api)));
        }
    }

    public Quota quota(EbayApi api) {
        return budgets.get(api);
    }

    /** Calls of {@code api} still allowed today. */
    public long remainingToday(EbayApi api) {
        return budgets.get(api).remaining();
    }

    private static final class DayBudget implements Quota {
        private final Clock clock;
        private final long limit;
        private LocalDate day;
        private long used;

        DayBudget(Clock clock, long limit) {
            this.clock = clock;
            this.limit = limit;
        }

        @Override
        public synchronized Decision take() {
            Instant now = clock.instant();
            roll(now);
            if (used < limit) {
                used++;
                return GRANTED;
            }
            Instant nextDay = day.plusDays(1).atStartOfDay(EBAY_DAY).toInstant();
            return new Denied(Duration.between(now, nextDay));
        }

        synchronized long remaining() {
            roll(clock.instant());
            return limit - used;
        }

        private void roll(Instant now) {
            LocalDate today = LocalDate.ofInstant(now, EBAY_DAY);
            if (!today.equals(day)) {
                day = today;
                used = 0;
            }
        }
    }
}
