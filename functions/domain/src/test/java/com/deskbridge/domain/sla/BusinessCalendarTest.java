package com.deskbridge.domain.sla;

import static com.deskbridge.domain.sla.SlaFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private static final Instant FAR = at("2027-12-31T00:00Z");
    private final BusinessCalendar office = SlaFixtures.office().calendar();

    private static BusinessCalendar sundayOnly(String zone, String opens, String closes) {
        return SellerSlaPolicy.builder().timeZone(zone).open("sunday", opens, closes).build().calendar();
    }

    @Test
    void openAtOpeningClosedAtClosingAndOverLunch() {
        assertThat(office.isOpenAt(at("2026-06-03T08:00+02:00"))).isTrue();
        assertThat(office.isOpenAt(at("2026-06-03T07:59:59.999999999+02:00"))).isFalse();
        assertThat(office.isOpenAt(at("2026-06-03T11:59:59.999999999+02:00"))).isTrue();
        assertThat(office.isOpenAt(at("2026-06-03T12:00+02:00"))).isFalse();
        assertThat(office.isOpenAt(at("2026-06-03T13:00+02:00"))).isTrue();
        assertThat(office.isOpenAt(at("2026-06-03T18:00+02:00"))).isFalse();
        assertThat(office.isOpenAt(at("2026-06-06T10:00+02:00"))).as("Saturday").isFalse();
        assertThat(office.isOpenAt(at("2026-12-24T10:00+01:00"))).as("holiday").isFalse();
    }

    @Test
    void businessDaySpanIncludesLunchButNotEveningWeekendOrHoliday() {
        assertThat(office.isWithinBusinessDay(at("2026-06-03T12:30+02:00"))).isTrue();
        assertThat(office.isWithinBusinessDay(at("2026-06-03T08:00+02:00"))).isTrue();
        assertThat(office.isWithinBusinessDay(at("2026-06-03T18:00+02:00"))).isFalse();
        assertThat(office.isWithinBusinessDay(at("2026-06-03T07:00+02:00"))).isFalse();
        assertThat(office.isWithinBusinessDay(at("2026-06-06T12:30+02:00"))).isFalse();
        assertThat(office.isWithinBusinessDay(at("2026-12-24T12:30+01:00"))).isFalse();
    }

    @Test
    void addsOpenTimeAcrossLunch() {
        assertThat(office.addOpenTime(at("2026-06-03T09:00+02:00"), Duration.ofHours(6), FAR))
                .contains(at("2026-06-03T16:00+02:00"));
    }

    @Test
    void addsOpenTimeAcrossWeekendEndingExactlyAtAClosing() {
        assertThat(office.addOpenTime(at("2026-06-05T16:00+02:00"), Duration.ofHours(6), FAR))
                .contains(at("2026-06-08T12:00+02:00"));
    }

    @Test
    void addsOpenTimeAcrossHolidaysAndWeekendFromClosedStart() {
        // Wed 23 Dec 20:00 (closed) → Thu 24, Fri 25 holidays, weekend → Mon 28 Dec from 08:00
        assertThat(office.addOpenTime(at("2026-12-23T20:00+01:00"), Duration.ofHours(5), FAR))
                .contains(at("2026-12-28T14:00+01:00"));
    }

    @Test
    void zeroAmountIsTheStartAndHorizonBoundsTheSearch() {
        Instant start = at("2026-06-06T10:00+02:00");
        assertThat(office.addOpenTime(start, Duration.ZERO, FAR)).contains(start);
        assertThat(office.addOpenTime(at("2026-06-05T16:00+02:00"), Duration.ofHours(6), at("2026-06-08T11:59+02:00")))
                .isEmpty();
        assertThat(office.addOpenTime(at("2026-06-05T16:00+02:00"), Duration.ofHours(6), at("2026-06-08T12:00+02:00")))
                .contains(at("2026-06-08T12:00+02:00"));
    }

    @Test
    void neverOpenCalendarNeverReachesOpenTime() {
        BusinessCalendar closed = new BusinessCalendar(ZoneId.of("Europe/Berlin"), BusinessHours.none(), Set.of());
        assertThat(closed.neverOpen()).isTrue();
        assertThat(closed.isOpenAt(at("2026-06-03T10:00+02:00"))).isFalse();
        assertThat(closed.addOpenTime(at("2026-06-03T10:00+02:00"), Duration.ofMinutes(1), FAR)).isEmpty();
        assertThat(closed.openTimeBetween(at("2026-06-01T00:00Z"), at("2026-06-30T00:00Z"))).isZero();
    }

    @Test
    void openTimeBetweenCountsOnlyOpenTime() {
        assertThat(office.openTimeBetween(at("2026-06-05T16:00+02:00"), at("2026-06-08T10:00+02:00")))
                .isEqualTo(Duration.ofHours(4));
        assertThat(office.openTimeBetween(at("2026-06-08T10:00+02:00"), at("2026-06-05T16:00+02:00"))).isZero();
    }

    @Test
    void windowsAcrossMidnightJoinIntoContinuousOpenTime() {
        BusinessCalendar late = SellerSlaPolicy.builder().timeZone("Europe/Berlin")
                .open("fri", "22:00", "24:00").open("sat", "00:00", "02:00").build().calendar();
        assertThat(late.isOpenAt(at("2026-06-06T00:00+02:00"))).isTrue();
        assertThat(late.isOpenAt(at("2026-06-06T02:00+02:00"))).isFalse();
        assertThat(late.addOpenTime(at("2026-06-05T23:00+02:00"), Duration.ofHours(2), FAR))
                .contains(at("2026-06-06T01:00+02:00"));
        assertThat(late.addOpenTime(at("2026-06-05T23:00+02:00"), Duration.ofHours(4), FAR))
                .contains(at("2026-06-12T23:00+02:00"));
    }

    @Test
    void springForwardNightHasOneHourLessOpenTimeInBerlin() {
        BusinessCalendar night = sundayOnly("Europe/Berlin", "01:00", "05:00");
        assertThat(night.openTimeBetween(at("2026-03-22T00:00+01:00"), at("2026-03-23T00:00+01:00")))
                .isEqualTo(Duration.ofHours(4));
        assertThat(night.openTimeBetween(at("2026-03-29T00:00+01:00"), at("2026-03-30T00:00+02:00")))
                .isEqualTo(Duration.ofHours(3));
        // three real hours from 01:00 CET reach the 05:00 CEST closing
        assertThat(night.addOpenTime(at("2026-03-29T01:00+01:00"), Duration.ofHours(3), FAR))
                .contains(at("2026-03-29T05:00+02:00"));
    }

    @Test
    void fallBackNightHasOneHourMoreOpenTimeInBerlin() {
        BusinessCalendar night = sundayOnly("Europe/Berlin", "01:00", "05:00");
        assertThat(night.openTimeBetween(at("2026-10-25T00:00+02:00"), at("2026-10-26T00:00+01:00")))
                .isEqualTo(Duration.ofHours(5));
        assertThat(night.addOpenTime(at("2026-10-25T01:00+02:00"), Duration.ofMinutes(270), FAR))
                .contains(at("2026-10-25T04:30+01:00"));
    }

    @Test
    void windowInsideTheGapIsEmptyAndInsideTheOverlapRunsTwice() {
        BusinessCalendar twoToThree = sundayOnly("Europe/Berlin", "02:00", "03:00");
        assertThat(twoToThree.openTimeBetween(at("2026-03-29T00:00+01:00"), at("2026-03-30T00:00+02:00"))).isZero();
        assertThat(twoToThree.isOpenAt(at("2026-03-29T03:30+02:00"))).isFalse();
        assertThat(twoToThree.openTimeBetween(at("2026-10-25T00:00+02:00"), at("2026-10-26T00:00+01:00")))
                .isEqualTo(Duration.ofHours(2));
        assertThat(twoToThree.isOpenAt(at("2026-10-25T02:30+01:00"))).as("second pass of 02:30").isTrue();
    }

    @Test
    void newYorkDstChangesCountRealElapsedTime() {
        BusinessCalendar always = SlaFixtures.alwaysOpen("America/New_York").calendar();
        // spring forward 8 Mar 2026: six real hours from 22:00 EST end at 05:00 EDT
        assertThat(always.addOpenTime(at("2026-03-07T22:00-05:00"), Duration.ofHours(6), FAR))
                .contains(at("2026-03-08T05:00-04:00"));
        // fall back 1 Nov 2026: six real hours from 22:00 EDT end at 03:00 EST
        assertThat(always.addOpenTime(at("2026-10-31T22:00-04:00"), Duration.ofHours(6), FAR))
                .contains(at("2026-11-01T03:00-05:00"));
        assertThat(always.openTimeBetween(at("2026-11-01T00:00-04:00"), at("2026-11-02T00:00-05:00")))
                .isEqualTo(Duration.ofHours(25));
    }

    @Test
    void newYorkBusinessWindowOnSpringForwardDay() {
        BusinessCalendar night = sundayOnly("America/New_York", "00:00", "06:00");
        assertThat(night.openTimeBetween(at("2026-03-08T00:00-05:00"), at("2026-03-09T00:00-04:00")))
                .isEqualTo(Duration.ofHours(5));
        assertThat(night.addOpenTime(at("2026-03-08T01:00-05:00"), Duration.ofHours(4), FAR))
                .contains(at("2026-03-08T06:00-04:00"));
    }
}
