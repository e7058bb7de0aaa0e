package com.deskbridge.localaws.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScheduleExpressionTest {
    private static final Instant START = Instant.parse("2024-03-01T10:15:30Z"); // a Friday

    private static Instant next(String expression, String zone, String after) {
        return ScheduleExpression.parse(expression, zone).nextAfter(Instant.parse(after), START).orElseThrow();
    }

    @Test
    void rates() {
        assertThat(ScheduleExpression.parse("rate(5 minutes)", null).nextAfter(START, START))
                .contains(START.plusSeconds(300));
        assertThat(ScheduleExpression.parse("rate(1 hour)", null).nextAfter(START.plusSeconds(3700), START))
                .contains(START.plusSeconds(7200));
        assertThatThrownBy(() -> ScheduleExpression.parse("rate(1 minutes)", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cronWithQuestionMarkRangesListsAndSteps() {
        assertThat(next("cron(0 3 * * ? *)", null, "2024-03-01T10:15:30Z")).isEqualTo("2024-03-02T03:00:00Z");
        assertThat(next("cron(0/15 9-17 ? * MON-FRI *)", null, "2024-03-01T17:50:00Z"))
                .isEqualTo("2024-03-04T09:00:00Z");
        assertThat(next("cron(5,35 * ? * 2 *)", null, "2024-03-04T10:06:00Z")).isEqualTo("2024-03-04T10:35:00Z");
        assertThat(next("cron(0 12 L * ? *)", null, "2024-02-01T00:00:00Z")).isEqualTo("2024-02-29T12:00:00Z");
        assertThat(next("cron(0 8 ? * 6#3 *)", null, "2024-03-01T00:00:00Z")).isEqualTo("2024-03-15T08:00:00Z");
        assertThat(next("cron(0 0 1 JAN ? 2030)", null, "2024-03-01T00:00:00Z")).isEqualTo("2030-01-01T00:00:00Z");
    }

    @Test
    void timezones() {
        // 03:00 in Berlin is 02:00 UTC in winter
        assertThat(next("cron(0 3 * * ? *)", "Europe/Berlin", "2024-03-01T10:00:00Z")).isEqualTo("2024-03-02T02:00:00Z");
        assertThat(next("at(2030-05-01T12:00:00)", "America/New_York", "2024-01-01T00:00:00Z"))
                .isEqualTo("2030-05-01T16:00:00Z");
        assertThat(ScheduleExpression.parse("at(2020-01-01T00:00:00)", null).nextAfter(START, START)).isEmpty();
    }

    @Test
    void invalidExpressionsAreRejected() {
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 3 * * *)", null)).hasMessageContaining("6 fields");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 3 * * MON *)", null)).hasMessageContaining("'?'");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(61 3 * * ? *)", null)).hasMessageContaining("minutes");
        assertThatThrownBy(() -> ScheduleExpression.parse("every day", null)).hasMessageContaining("rate(");
        assertThatThrownBy(() -> ScheduleExpression.parse("rate(1 day)", "Mars/Olympus")).hasMessageContaining("zone");
    }
}
