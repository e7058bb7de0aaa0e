package com.deskbridge.intent;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Peak-event tags, from the date a message was received (in the seller's time zone) and from keywords:
 * <ul>
 *   <li>"black-friday": the Black Friday week through Cyber Monday, i.e. the Monday before Black Friday (the day
 *       after the fourth Thursday of November) through the Monday after it — eight days, never reaching December's
 *       second week; or the words "black friday", "black week", "cyber monday" in any language's spelling;</li>
 *   <li>"christmas": 1 December through 6 January (gifts, including Epiphany gifts in Spain and Italy); or the
 *       words "christmas", "xmas", "Weihnachten", "Noël", "Natale", "Navidad", "Reyes Magos";</li>
 *   <li>"prime-day": Amazon sets the dates each year, so there is no computed window: pass the announced dates
 *       as a {@link PeakWindow}; or the words "prime day(s)", "prime deal days", "prime big deal days".</li>
 * </ul>
 * Extra windows may carry any tag. Immutable and thread-safe.
 */
public final class PeakEventCalendar {
    public static final String BLACK_FRIDAY = "black-friday";
    public static final String CHRISTMAS = "christmas";
    public static final String PRIME_DAY = "prime-day";

    private static final List<KeywordMatcher> KEYWORDS = List.of(
            new KeywordMatcher(BLACK_FRIDAY, "black friday", "blackfriday", "black week", "cyber monday",
                    "cybermonday"),
            new KeywordMatcher(CHRISTMAS, "christmas", "xmas", "weihnacht*", "noël", "natale", "navidad",
                    "reyes magos", "nochebuena", "heiligabend"),
            new KeywordMatcher(PRIME_DAY, "prime day", "prime days", "primeday", "prime deal days",
                    "prime big deal days"));

    private final List<PeakWindow> windows;

    /** The computed black-friday and christmas windows only. */
    public PeakEventCalendar() {
        this(List.of());
    }

    /** The computed windows plus {@code extra} (e.g. Prime Day dates). */
    public PeakEventCalendar(List<PeakWindow> extra) {
        this.windows = List.copyOf(extra);
    }

    /** Black Friday of {@code year}: the day after the fourth Thursday of November. */
    public static LocalDate blackFriday(int year) {
        return LocalDate.of(year, Month.NOVEMBER, 1)
                .with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY)).plusDays(1);
    }

    /** The peak tags for a message received on {@code day} (may be null: keywords only) with these tokens. */
    Set<String> tags(LocalDate day, List<String> tokens) {
        Set<String> tags = new LinkedHashSet<>();
        if (day != null) {
            tags.addAll(dateTags(day));
        }
        String[] arr = tokens.toArray(String[]::new);
        for (KeywordMatcher k : KEYWORDS) {
            if (k.matches(arr)) {
                tags.add(k.tag());
            }
        }
        return tags;
    }

    /** Cyber Monday of {@code year}: the Monday after Black Friday. */
    public static LocalDate cyberMonday(int year) {
        return blackFriday(year).plusDays(3);
    }

    /** The tags of the date windows containing {@code day}. */
    public List<String> dateTags(LocalDate day) {
        List<String> tags = new ArrayList<>();
        LocalDate bf = blackFriday(day.getYear());
        if (!day.isBefore(bf.with(TemporalAdjusters.previous(DayOfWeek.MONDAY))) && !day.isAfter(cyberMonday(day.getYear()))) {
            tags.add(BLACK_FRIDAY);
        }
        if (day.getMonth() == Month.DECEMBER || (day.getMonth() == Month.JANUARY && day.getDayOfMonth() <= 6)) {
            tags.add(CHRISTMAS);
        }
        for (PeakWindow w : windows) {
            if (w.contains(day) && !tags.contains(w.tag())) {
                tags.add(w.tag());
            }
        }
        return tags;
    }
}
