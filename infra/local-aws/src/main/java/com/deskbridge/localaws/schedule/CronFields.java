package com.deskbridge.localaws.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The six fields of an AWS cron expression: minutes, hours, day-of-month, month, day-of-week, year. Supports
 * {@code *}, {@code ?}, ranges, lists, steps, month and day names, {@code L} and {@code W} in day-of-month, and
 * {@code L} / {@code #} in day-of-week (1 = Sunday), as documented for EventBridge. One of day-of-month and
 * day-of-week must be {@code ?}.
 */
final class CronFields {
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
            "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet months;
    private final BitSet years;
    private final String dayOfMonth;
    private final String dayOfWeek;
    private final BitSet daysOfMonth;
    private final BitSet daysOfWeek;

    private CronFields(BitSet minutes, BitSet hours, String dayOfMonth, BitSet months, String dayOfWeek, BitSet years) {
        this.minutes = minutes;
        this.hours = hours;
        this.months = months;
        this.years = years;
        this.dayOfMonth = dayOfMonth;
        this.dayOfWeek = dayOfWeek;
        if (isSpecial(dayOfMonth) && !dayOfMonth.equals("?") && !dayOfMonth.matches("L|LW|([1-9]|[12]\\d|3[01])W")) {
            throw new IllegalArgumentException("invalid cron day-of-month field '" + dayOfMonth + "'");
        }
        if (isSpecial(dayOfWeek) && !dayOfWeek.equals("?") && !dayOfWeek.matches("([1-7]|[A-Z]{3})(L|#[1-5])")) {
            throw new IllegalArgumentException("invalid cron day-of-week field '" + dayOfWeek + "'");
        }
        this.daysOfMonth = isSpecial(dayOfMonth) ? null : set(dayOfMonth, 1, 31, null, "day-of-month");
        this.daysOfWeek = isSpecial(dayOfWeek) ? null : set(dayOfWeek, 1, 7, DAYS, "day-of-week");
    }

    static CronFields parse(String body) {
        String[] f = body.trim().toUpperCase(Locale.ROOT).split("\\s+");
        if (f.length != 6) {
            throw new IllegalArgumentException("cron needs 6 fields (minutes hours day-of-month month day-of-week year),"
                    + " found " + f.length + ": " + body);
        }
        boolean domAny = f[2].equals("?");
        boolean dowAny = f[4].equals("?");
        if (domAny == dowAny) {
            throw new IllegalArgumentException("exactly one of day-of-month and day-of-week must be '?': " + body);
        }
        return new CronFields(set(f[0], 0, 59, null, "minutes"), set(f[1], 0, 23, null, "hours"), f[2],
                set(f[3], 1, 12, MONTHS, "month"), f[4], set(f[5], 1970, 2199, null, "year"));
    }

    Optional<ZonedDateTime> nextAfter(ZonedDateTime after) {
        ZonedDateTime from = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDate day = from.toLocalDate();
        while (day.getYear() <= 2199) {
            if (!years.get(day.getYear())) {
                day = LocalDate.of(day.getYear() + 1, 1, 1);
                continue;
            }
            if (!months.get(day.getMonthValue())) {
                day = day.withDayOfMonth(1).plusMonths(1);
                continue;
            }
            if (!dayMatches(day)) {
                day = day.plusDays(1);
                continue;
            }
            LocalTime earliest = day.equals(from.toLocalDate()) ? from.toLocalTime() : LocalTime.MIDNIGHT;
            for (int h = hours.nextSetBit(earliest.getHour()); h >= 0 && h < 24; h = hours.nextSetBit(h + 1)) {
                int startMinute = h == earliest.getHour() ? earliest.getMinute() : 0;
                int m = minutes.nextSetBit(startMinute);
                if (m >= 0 && m < 60) {
                    ZonedDateTime candidate = day.atTime(h, m).atZone(after.getZone());
                    if (candidate.isAfter(after)) {
                        return Optional.of(candidate);
                    }
                }
            }
            day = day.plusDays(1);
        }
        return Optional.empty();
    }

    private boolean dayMatches(LocalDate day) {
        if (!dayOfMonth.equals("?")) {
            if (daysOfMonth != null) {
                return daysOfMonth.get(day.getDayOfMonth());
            }
            int last = YearMonth.from(day).lengthOfMonth();
            if (dayOfMonth.equals("L")) {
                return day.getDayOfMonth() == last;
            }
            if (dayOfMonth.equals("LW")) {
                return day.equals(nearestWeekday(day.withDayOfMonth(last)));
            }
            int target = Integer.parseInt(dayOfMonth.substring(0, dayOfMonth.length() - 1));
            return target <= last && day.equals(nearestWeekday(day.withDayOfMonth(target)));
        }
        int dow = day.getDayOfWeek().getValue() % 7 + 1;
        if (daysOfWeek != null) {
            return daysOfWeek.get(dow);
        }
        if (dayOfWeek.endsWith("L")) {
            int wanted = dayIndex(dayOfWeek.substring(0, dayOfWeek.length() - 1));
            return dow == wanted && day.plusWeeks(1).getMonthValue() != day.getMonthValue();
        }
        String[] parts = dayOfWeek.split("#");
        int wanted = dayIndex(parts[0]);
        int nth = Integer.parseInt(parts[1]);
        return dow == wanted && (day.getDayOfMonth() - 1) / 7 + 1 == nth;
    }

    private static LocalDate nearestWeekday(LocalDate day) {
        DayOfWeek d = day.getDayOfWeek();
        if (d == DayOfWeek.SATURDAY) {
            LocalDate friday = day.minusDays(1);
            return friday.getMonthValue() == day.getMonthValue() ? friday : day.plusDays(2);
        }
        if (d == DayOfWeek.SUNDAY) {
            LocalDate monday = day.plusDays(1);
            return monday.getMonthValue() == day.getMonthValue() ? monday
                    : day.with(TemporalAdjusters.previous(DayOfWeek.FRIDAY));
        }
        return day;
    }

    private static boolean isSpecial(String field) {
        return field.equals("?") || field.contains("L") || field.contains("W") || field.contains("#");
    }

    private static int dayIndex(String text) {
        int i = DAYS.indexOf(text);
        return i >= 0 ? i + 1 : Integer.parseInt(text);
    }

    private static BitSet set(String field, int min, int max, List<String> names, String what) {
        BitSet out = new BitSet();
        for (String part : field.split(",")) {
            try {
                int step = 1;
                String range = part;
                int slash = part.indexOf('/');
                if (slash >= 0) {
                    step = Integer.parseInt(part.substring(slash + 1));
                    range = part.substring(0, slash);
                    if (step < 1) {
                        throw new IllegalArgumentException("step must be positive");
                    }
                }
                int from;
                int to;
                if (range.equals("*") || range.equals("?")) {
                    from = min;
                    to = max;
                } else if (range.contains("-")) {
                    String[] ends = range.split("-", 2);
                    from = value(ends[0], names, min);
                    to = value(ends[1], names, min);
                } else {
                    from = value(range, names, min);
                    to = slash >= 0 ? max : from;
                }
                if (from < min || to > max || from > to) {
                    throw new IllegalArgumentException("out of range " + min + "-" + max);
                }
                for (int v = from; v <= to; v += step) {
                    out.set(v);
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("invalid cron " + what + " field '" + field + "': " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static int value(String text, List<String> names, int base) {
        if (names != null) {
            int i = names.indexOf(text);
            if (i >= 0) {
                return i + base;
            }
        }
        return Integer.parseInt(text);
    }
}
