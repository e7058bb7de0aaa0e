package com.deskbridge.domain.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.domain.ticket.InvalidInputException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class SellerSlaPolicyValidationTest {

    private static SellerSlaPolicy.Builder berlin() {
        return SellerSlaPolicy.builder().timeZone("Europe/Berlin");
    }

    private static void assertRejected(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void buildsAPolicyFromRawValues() {
        SellerSlaPolicy p = berlin().open("Mon", "08:00", "12:00").open("MONDAY", "13:00", "18:00")
                .open("sunday", "20:00", "24:00").holiday("2026-12-25").holiday("2026-12-25")
                .targetInsideMinutes(360).targetOutsideMinutes(720).atRiskShare(0.8).build();
        assertThat(p.calendar().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(p.calendar().hours().on(DayOfWeek.MONDAY)).containsExactly(
                new OpeningWindow(LocalTime.of(8, 0), LocalTime.of(12, 0)),
                new OpeningWindow(LocalTime.of(13, 0), LocalTime.of(18, 0)));
        assertThat(p.calendar().hours().on(DayOfWeek.SUNDAY).get(0).closesAtEndOfDay()).isTrue();
        assertThat(p.calendar().hours().on(DayOfWeek.TUESDAY)).isEmpty();
        assertThat(p.calendar().holidays()).containsExactly(LocalDate.of(2026, 12, 25));
        assertThat(p.targetInside()).isEqualTo(Duration.ofHours(6));
        assertThat(p.targetOutside()).isEqualTo(Duration.ofHours(12));
        assertThat(p.atRiskShare()).isEqualTo(0.8);
    }

    @Test
    void builderDefaultsAreSixTwelveAndThreeQuarters() {
        SellerSlaPolicy p = berlin().build();
        assertThat(p.targetInside()).isEqualTo(Duration.ofHours(6));
        assertThat(p.targetOutside()).isEqualTo(Duration.ofHours(12));
        assertThat(p.atRiskShare()).isEqualTo(0.75);
        assertThat(p.calendar().neverOpen()).isTrue();
    }

    @Test
    void windowsAreSortedWhateverTheInputOrder() {
        SellerSlaPolicy p = berlin().open("fri", "13:00", "18:00").open("fri", "08:00", "12:00").build();
        assertThat(p.calendar().hours().on(DayOfWeek.FRIDAY)).extracting(OpeningWindow::opens)
                .containsExactly(LocalTime.of(8, 0), LocalTime.of(13, 0));
    }

    @Test
    void rejectsUnknownMissingAndMalformedTimeZones() {
        assertRejected(() -> SellerSlaPolicy.builder().timeZone("Mars/Olympus_Mons"), "timeZone");
        assertRejected(() -> SellerSlaPolicy.builder().timeZone("not a zone!"), "timeZone");
        assertRejected(() -> SellerSlaPolicy.builder().timeZone(" "), "timeZone");
        assertRejected(() -> SellerSlaPolicy.builder().build(), "timeZone");
    }

    @Test
    void rejectsOverlappingWindowsOnADayButAcceptsTouchingOnes() {
        assertRejected(() -> berlin().open("tue", "08:00", "12:00").open("tue", "11:00", "14:00").build(),
                "businessHours.TUESDAY");
        assertRejected(() -> berlin().open("tue", "20:00", "24:00").open("tue", "22:00", "23:00").build(),
                "businessHours.TUESDAY");
        assertThat(berlin().open("tue", "08:00", "12:00").open("tue", "12:00", "13:00").build()
                .calendar().hours().on(DayOfWeek.TUESDAY)).hasSize(2);
    }

    @Test
    void rejectsWindowsThatDoNotEndAfterTheyStart() {
        assertRejected(() -> berlin().open("wed", "12:00", "12:00"), "businessHours.WEDNESDAY[0].closes");
        assertRejected(() -> berlin().open("wed", "08:00", "12:00").open("wed", "22:00", "02:00"),
                "businessHours.WEDNESDAY[1].closes");
    }

    @Test
    void rejectsMalformedTimesAndDays() {
        assertRejected(() -> berlin().open("wed", "8am", "12:00"), "businessHours.WEDNESDAY[0].opens");
        assertRejected(() -> berlin().open("wed", "24:00", "24:00"), "businessHours.WEDNESDAY[0].opens");
        assertRejected(() -> berlin().open("wed", "08:00", null), "businessHours.WEDNESDAY[0].closes");
        assertRejected(() -> berlin().open("someday", "08:00", "12:00"), "businessHours");
        assertRejected(() -> berlin().open("mo", "08:00", "12:00"), "businessHours");
    }

    @Test
    void midnightAsClosingMeansTheEndOfTheDay() {
        OpeningWindow wholeDay = OpeningWindow.parse("00:00", "00:00");
        assertThat(wholeDay.closesAtEndOfDay()).isTrue();
        assertThat(OpeningWindow.parse("18:00", "24:00")).isEqualTo(new OpeningWindow(LocalTime.of(18, 0), LocalTime.MIDNIGHT));
    }

    @Test
    void rejectsMalformedHolidaysNamingTheirPosition() {
        assertRejected(() -> berlin().holiday("2026-12-24").holiday("24.12.2026"), "holidays[1]");
        assertRejected(() -> berlin().holiday(""), "holidays[0]");
    }

    @Test
    void rejectsTargetsThatAreNotPositiveOrInsideTargetsOverADay() {
        assertRejected(() -> berlin().targetInsideMinutes(0).build(), "targetInside");
        assertRejected(() -> berlin().targetInsideMinutes(-5).build(), "targetInside");
        assertRejected(() -> berlin().targetInsideMinutes(24 * 60 + 1).build(), "targetInside");
        assertRejected(() -> berlin().targetOutsideMinutes(0).build(), "targetOutside");
        assertThat(berlin().targetInsideMinutes(24 * 60).build().targetInside()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void rejectsAtRiskSharesOutsideTheOpenUnitInterval() {
        for (double share : List.of(0.0, 1.0, -0.1, 1.5, Double.NaN)) {
            assertRejected(() -> berlin().atRiskShare(share).build(), "atRiskShare");
        }
        assertThat(berlin().atRiskShare(0.01).build().atRiskShare()).isEqualTo(0.01);
    }
}
