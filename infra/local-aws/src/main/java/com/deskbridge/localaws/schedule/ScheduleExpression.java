package com.deskbridge.localaws.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge / EventBridge Scheduler schedule expression: {@code rate(5 minutes)}, AWS's six-field
 * {@code cron(min hour day-of-month month day-of-week year)} or the one-time {@code at(yyyy-mm-ddThh:mm:ss)}.
 */
public abstract class ScheduleExpression {
    private static final Pattern RATE = Pattern.compile("rate\\(\\s*(\\d+)\\s+(minute|minutes|hour|hours|day|days)\\s*\\)");
    private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)");
    private static final Pattern AT = Pattern.compile("at\\((\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})\\)");

    ScheduleExpression() {
    }

    /**
     * @param expression the expression
     * @param timezone IANA zone for cron and at expressions, or null for UTC
     * @return the parsed expression
     * @throws IllegalArgumentException when it is not valid
     */
    public static ScheduleExpression parse(String expression, String timezone) {
        String text = expression.trim();
        ZoneId zone;
        try {
            zone = timezone == null || timezone.isBlank() ? ZoneOffset.UTC : ZoneId.of(timezone);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown time zone " + timezone, e);
        }
        Matcher rate = RATE.matcher(text);
        if (rate.matches()) {
            long value = Long.parseLong(rate.group(1));
            String unit = rate.group(2);
            if (value < 1) {
                throw new IllegalArgumentException("rate must be positive: " + expression);
            }
            if (value == 1 != !unit.endsWith("s")) {
                throw new IllegalArgumentException("use '1 " + unit.replaceAll("s$", "") + "' or 'N " + unit
                        .replaceAll("s?$", "s") + "': " + expression);
            }
            Duration period = switch (unit.replaceAll("s$", "")) {
                case "minute" -> Duration.ofMinutes(value);
                case "hour" -> Duration.ofHours(value);
                default -> Duration.ofDays(value);
            };
            return new Rate(text, period);
        }
        Matcher cron = CRON.matcher(text);
        if (cron.matches()) {
            return new Cron(text, CronFields.parse(cron.group(1)), zone);
        }
        Matcher at = AT.matcher(text);
        if (at.matches()) {
            return new At(text, LocalDateTime.parse(at.group(1)).atZone(zone).toInstant());
        }
        throw new IllegalArgumentException("not a rate(...), cron(...) or at(...) expression: " + expression);
    }

    /**
     * @param after a time
     * @param start when the schedule started (rates count from there)
     * @return the first fire time strictly after {@code after}, empty when there is none
     */
    public abstract Optional<Instant> nextAfter(Instant after, Instant start);

    /** A {@code rate(...)} schedule: first run one period after the start, then every period. */
    static final class Rate extends ScheduleExpression {
        private final String text;
        private final Duration period;

        Rate(String text, Duration period) {
            this.text = text;
            this.period = period;
        }

        @Override
        public Optional<Instant> nextAfter(Instant after, Instant start) {
            long periods = Math.max(0, Duration.between(start, after).toMillis() / period.toMillis()) + 1;
            Instant next = start.plus(period.multipliedBy(periods));
            while (!next.isAfter(after)) {
                next = next.plus(period);
            }
            return Optional.of(next);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A {@code cron(...)} schedule evaluated in its time zone. */
    static final class Cron extends ScheduleExpression {
        private final String text;
        private final CronFields fields;
        private final ZoneId zone;

        Cron(String text, CronFields fields, ZoneId zone) {
            this.text = text;
            this.fields = fields;
            this.zone = zone;
        }

        @Override
        public Optional<Instant> nextAfter(Instant after, Instant start) {
            return fields.nextAfter(after.atZone(zone)).map(t -> t.toInstant());
        }

        @Override
        public String toString() {
            return zone.equals(ZoneOffset.UTC) ? text : text + " " + zone;
        }
    }

    /** A one-time {@code at(...)} schedule. */
    static final class At extends ScheduleExpression {
        private final String text;
        private final Instant when;

        At(String text, Instant when) {
            this.text = text;
            this.when = when;
        }

        @Override
        public Optional<Instant> nextAfter(Instant after, Instant start) {
            return when.isAfter(after) ? Optional.of(when) : Optional.empty();
        }

        @Override
        public String toString() {
            return text.toLowerCase(Locale.ROOT);
        }
    }
}
