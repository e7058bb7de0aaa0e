package com.deskbridge.automation;

import static com.deskbridge.automation.Fixtures.berlin;
import static com.deskbridge.automation.Fixtures.message;
import static com.deskbridge.automation.Fixtures.policy;
import static com.deskbridge.automation.Fixtures.settings;
import static com.deskbridge.automation.Fixtures.shortlyAfter;
import static com.deskbridge.automation.Fixtures.utc;
import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.automation.AutoReplyDecision.NoReply;
import com.deskbridge.automation.AutoReplyDecision.Reply;
import com.deskbridge.compliance.ComplianceChecker;
import com.deskbridge.compliance.OutgoingMessage;
import com.deskbridge.domain.sla.SellerSlaPolicy;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.intent.Language;
import com.deskbridge.macros.MacroLanguage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The built-in weekend acknowledgement (product.md §4: "a message arriving in the weekend window (Friday 20:00 –
 * Monday 08:00) gets an acknowledgement stating when the seller will answer"), read in the seller's time zone and
 * stating the day of the seller's next opening from the business calendar, holidays included.
 */
class WeekendAcknowledgementTest {
    private final AutoReplyEngine engine = new AutoReplyEngine();

    private AutoReplyDecision decide(Instant receivedAt, SellerAutomationSettings settings) {
        return engine.decide(message(receivedAt).build(), settings, shortlyAfter(receivedAt));
    }

    private static String ackText(AutoReplyDecision d) {
        assertThat(d).isInstanceOf(Reply.class);
        Reply r = (Reply) d;
        assertThat(r.ruleId()).isEqualTo(BuiltInRules.WEEKEND_ACKNOWLEDGEMENT);
        assertThat(r.automatic()).isTrue();
        return r.text();
    }

    // Berlin in winter is UTC+1: Friday 2026-11-20 20:00 local is 19:00Z, Monday 2026-11-23 08:00 local is 07:00Z.
    @ParameterizedTest(name = "{0} → acknowledged: {1}")
    @CsvSource({
            "2026-11-20T18:59:00Z, false", // Fri 19:59 Berlin
            "2026-11-20T19:00:00Z, true", // Fri 20:00 Berlin
            "2026-11-22T12:00:00Z, true", // Sunday noon
            "2026-11-23T06:59:00Z, true", // Mon 07:59 Berlin
            "2026-11-23T07:00:00Z, false" // Mon 08:00 Berlin
    })
    void windowEdgesInTheSellersTimeZone(String receivedAt, boolean acknowledged) {
        AutoReplyDecision d = decide(utc(receivedAt), berlin());
        if (acknowledged) {
            assertThat(ackText(d)).contains("on Monday, 23 November 2026");
        } else {
            assertThat(d).isInstanceOfSatisfying(NoReply.class, n -> {
                assertThat(n.reason()).isEqualTo("no automatic-reply rule matched");
                assertThat(n.ruleId()).isNull();
            });
        }
    }

    @Test
    void theWindowIsTheSellersWallClockNotUtc() {
        // 19:30Z on Friday is 20:30 in Berlin: inside, although it is before 20:00 in UTC.
        assertThat(decide(utc("2026-11-20T19:30:00Z"), berlin())).isInstanceOf(Reply.class);
        // 07:30Z on Monday is 08:30 in Berlin: outside, although it is before 08:00 in UTC.
        assertThat(decide(utc("2026-11-23T07:30:00Z"), berlin())).isInstanceOf(NoReply.class);

        SellerAutomationSettings newYork = settings(policy("America/New_York"), false).build();
        // Friday 20:00 in New York (UTC-5) is Saturday 01:00Z; 23:00Z on Friday is only 18:00 there.
        assertThat(ackText(decide(utc("2026-11-21T01:00:00Z"), newYork))).contains("on Monday, 23 November 2026");
        assertThat(decide(utc("2026-11-20T23:00:00Z"), newYork)).isInstanceOf(NoReply.class);
        assertThat(decide(utc("2026-11-20T19:30:00Z"), newYork)).isInstanceOf(NoReply.class);
    }

    /** 2026-10-25: Berlin goes from CEST (UTC+2) back to CET (UTC+1) at 03:00 local. */
    @ParameterizedTest(name = "{0} → acknowledged: {1}")
    @CsvSource({
            "2026-10-23T17:59:00Z, false", // Fri 19:59 CEST
            "2026-10-23T18:00:00Z, true", // Fri 20:00 CEST
            "2026-10-25T00:30:00Z, true", // Sun 02:30 CEST, first occurrence
            "2026-10-25T01:30:00Z, true", // Sun 02:30 CET, second occurrence
            "2026-10-26T06:00:00Z, true", // Mon 07:00 CET (08:00 if the summer offset were kept)
            "2026-10-26T06:59:00Z, true", // Mon 07:59 CET
            "2026-10-26T07:00:00Z, false" // Mon 08:00 CET
    })
    void daylightSavingChangeWeekendInBerlin(String receivedAt, boolean acknowledged) {
        AutoReplyDecision d = decide(utc(receivedAt), berlin());
        if (acknowledged) {
            assertThat(ackText(d)).contains("on Monday, 26 October 2026");
        } else {
            assertThat(d).isInstanceOf(NoReply.class);
        }
    }

    @Test
    void aHolidayMondayPushesTheStatedDayToTuesday() {
        SellerAutomationSettings settings = berlin("2026-10-26");
        assertThat(ackText(decide(utc("2026-10-23T18:30:00Z"), settings))).contains("on Tuesday, 27 October 2026")
                .doesNotContain("Monday");
        assertThat(ackText(decide(utc("2026-10-26T06:59:00Z"), settings))).contains("on Tuesday, 27 October 2026");
        // Christmas: Friday 25 December and Monday 28 December closed, so the answer comes on Tuesday 29th.
        SellerAutomationSettings christmas = berlin("2026-12-25", "2026-12-28");
        Instant thursdayEvening = utc("2026-12-24T19:00:00Z");
        assertThat(decide(thursdayEvening, christmas)).as("Thursday evening is not in the weekend window")
                .isInstanceOf(NoReply.class);
        assertThat(ackText(decide(utc("2026-12-26T10:00:00Z"), christmas))).contains("on Tuesday, 29 December 2026");
    }

    @Test
    void theStatedDayFollowsTheSellersHoursNotAFixedMonday() {
        // A seller who opens only on Wednesdays answers a weekend message on Wednesday.
        SellerSlaPolicy wednesdays = SellerSlaPolicy.builder().timeZone("Europe/Berlin").open("wed", "09:00", "12:00")
                .build();
        SellerAutomationSettings settings = settings(wednesdays, false).build();
        assertThat(ackText(decide(utc("2026-11-21T10:00:00Z"), settings))).contains("on Wednesday, 25 November 2026");
    }

    @Test
    void noAcknowledgementWhileTheSellerIsAtWork() {
        // Open on Saturdays 10:00–14:00: a Saturday-noon message will be answered by the agents on duty.
        SellerSlaPolicy saturdays = SellerSlaPolicy.builder().timeZone("Europe/Berlin").open("sat", "10:00", "14:00")
                .open("mon", "08:00", "18:00").build();
        SellerAutomationSettings settings = settings(saturdays, false).build();
        assertThat(decide(utc("2026-11-21T11:00:00Z"), settings)).isInstanceOf(NoReply.class);
        // Saturday evening: closed again; the next opening is Monday.
        assertThat(ackText(decide(utc("2026-11-21T19:00:00Z"), settings))).contains("on Monday, 23 November 2026");
        // Saturday 07:00 Berlin: the seller opens later that day, and the acknowledgement says so.
        assertThat(ackText(decide(utc("2026-11-21T06:00:00Z"), settings))).contains("on Saturday, 21 November 2026");
    }

    @Test
    void theDayIsComputedWhenTheReplyIsSentNotWhenTheMessageArrived() {
        // Received Monday 07:59, processed at 08:30: the seller is open, so no acknowledgement goes out.
        Instant received = utc("2026-11-23T06:59:00Z");
        Clock processedLate = Clock.fixed(utc("2026-11-23T07:30:00Z"), ZoneOffset.UTC);
        assertThat(engine.decide(message(received).build(), berlin(), processedLate)).isInstanceOf(NoReply.class);
    }

    @Test
    void aSellerWithoutAnyOpeningCannotPromiseADay() {
        SellerSlaPolicy never = SellerSlaPolicy.builder().timeZone("Europe/Berlin").build();
        AutoReplyDecision d = decide(utc("2026-11-21T10:00:00Z"), settings(never, false).build());
        assertThat(d).isInstanceOfSatisfying(NoReply.class, n -> {
            assertThat(n.ruleId()).isEqualTo(BuiltInRules.WEEKEND_ACKNOWLEDGEMENT);
            assertThat(n.reason()).contains("no opening in the next 31 days");
        });
    }

    @Test
    void positiveFeedbackIsNotAcknowledged() {
        Instant saturday = utc("2026-11-21T10:00:00Z");
        assertThat(engine.decide(message(saturday).intent("POSITIVE_FEEDBACK").build(), berlin(),
                shortlyAfter(saturday))).isInstanceOf(NoReply.class);
    }

    @Test
    void everyChannelIsAcknowledged() {
        Instant saturday = utc("2026-11-21T10:00:00Z");
        TicketFacts mail = TicketFacts.builder(Fixtures.SELLER, Fixtures.TICKET, Channel.EMAIL, saturday)
                .intent("RETURN").build();
        assertThat(engine.decide(mail, berlin(), shortlyAfter(saturday))).isInstanceOf(Reply.class);
    }

    @ParameterizedTest
    @EnumSource(MacroLanguage.class)
    void inTheBuyersLanguageStatingTheDayAndCompliant(MacroLanguage language) {
        Instant saturday = utc("2026-10-24T10:00:00Z");
        AutoReplyDecision d = engine.decide(message(saturday).buyerLanguage(language).build(),
                berlin("2026-10-26"), shortlyAfter(saturday));
        String text = ackText(d);
        assertThat(((Reply) d).language()).isEqualTo(language);
        String expected = switch (language) {
            case EN -> "on Tuesday, 27 October 2026";
            case DE -> "am Dienstag, 27.10.2026";
            case FR -> "le mardi 27/10/2026";
            case IT -> "risponderà martedì 27/10/2026";
            case ES -> "el martes 27/10/2026";
            case NL -> "beantwoordt het op dinsdag 27-10-2026";
            case PL -> "odpowie na nią we wtorek, 27.10.2026";
            case SV -> "besvarar det på tisdag 2026-10-27";
        };
        assertThat(text).contains(expected).contains(Fixtures.SHOP).doesNotContain("{{", "}}");
        ComplianceChecker checker = new ComplianceChecker();
        assertThat(checker.check(new OutgoingMessage(text, null, List.of(), Language.valueOf(language.name())))
                .findings()).as(text).isEmpty();
        assertThat(checker.check(OutgoingMessage.of(text)).findings()).as("detected language: " + text).isEmpty();
    }

    @Test
    void unknownBuyerLanguageFallsBackToTheSellersDefault() {
        Instant saturday = utc("2026-11-21T10:00:00Z");
        SellerAutomationSettings german = SellerAutomationSettings.builder().shopName(Fixtures.SHOP)
                .slaPolicy(policy("Europe/Berlin"))
                .macros(com.deskbridge.macros.MacroCatalog.builtIns(
                        new com.deskbridge.macros.MacroSettings(MacroLanguage.DE, false)))
                .build();
        AutoReplyDecision d = engine.decide(message(saturday).build(), german, shortlyAfter(saturday));
        assertThat(((Reply) d).language()).isEqualTo(MacroLanguage.DE);
        assertThat(((Reply) d).text()).contains("am Montag, 23.11.2026");
    }
}
