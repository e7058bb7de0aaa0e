package com.deskbridge.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.domain.ticket.InvalidInputException;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Weekly ranges in wall-clock time, wrapping over the end of the week like the weekend window. */
class WeeklyRangeTest {
    // 2026-11-16 is a Monday.
    private static LocalDateTime at(int dayOfMonth, String time) {
        return LocalDateTime.of(2026, 11, dayOfMonth, 0, 0).with(LocalTime.parse(time));
    }

    @ParameterizedTest(name = "{0} {1} in Fri 20:00 – Mon 08:00: {2}")
    @CsvSource({
            "20, 19:59, false", "20, 20:00, true", "21, 00:00, true", "22, 23:59, true",
            "23, 00:00, true", "23, 07:59, true", "23, 08:00, false", "18, 12:00, false", "16, 07:59, true"})
    void weekendWindowWrapsOverTheEndOfTheWeek(int day, String time, boolean inside) {
        assertThat(BuiltInRules.WEEKEND.contains(at(day, time))).isEqualTo(inside);
    }

    @Test
    void aRangeInsideTheWeekDoesNotWrap() {
        WeeklyRange r = WeeklyRange.parse("tuesday 22:00", "Wed 06:30");
        assertThat(r).isEqualTo(new WeeklyRange(DayOfWeek.TUESDAY, LocalTime.of(22, 0), DayOfWeek.WEDNESDAY,
                LocalTime.of(6, 30)));
        assertThat(r.contains(at(17, "21:59"))).isFalse();
        assertThat(r.contains(at(17, "22:00"))).isTrue();
        assertThat(r.contains(at(18, "06:29"))).isTrue();
        assertThat(r.contains(at(18, "06:30"))).isFalse();
        assertThat(r.contains(at(20, "23:00"))).isFalse();
    }

    @Test
    void aRangeOnOneDayCanAlsoWrapAllWeekRound() {
        // Monday 10:00 to Monday 09:00 covers everything but one hour.
        WeeklyRange r = WeeklyRange.parse("MON 10:00", "MON 09:00");
        assertThat(r.contains(at(16, "09:30"))).isFalse();
        assertThat(r.contains(at(16, "08:59"))).isTrue();
        assertThat(r.contains(at(19, "12:00"))).isTrue();
    }

    @Test
    void badBoundsNameTheField() {
        assertThatThrownBy(() -> WeeklyRange.parse("FRX 20:00", "MON 08:00"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("start");
                    assertThat(e.reason()).contains("unknown day 'FRX'");
                });
        assertThatThrownBy(() -> WeeklyRange.parse("FRI 20:00", "MON 25:00"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("end");
                    assertThat(e.reason()).contains("bad time '25:00'");
                });
        assertThatThrownBy(() -> WeeklyRange.parse("20:00", "MON 08:00"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("start"));
        assertThatThrownBy(() -> WeeklyRange.parse("FRI 20:00", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("end"));
        assertThatThrownBy(() -> WeeklyRange.parse("FRI 20:00", "friday 20:00"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("end");
                    assertThat(e.reason()).contains("zero length");
                });
    }
}
