package com.deskbridge.automation;

import static com.deskbridge.automation.Fixtures.BUYER;
import static com.deskbridge.automation.Fixtures.berlin;
import static com.deskbridge.automation.Fixtures.policy;
import static com.deskbridge.automation.Fixtures.settings;
import static com.deskbridge.automation.Fixtures.shortlyAfter;
import static com.deskbridge.automation.Fixtures.utc;
import static com.deskbridge.automation.Fixtures.wismo;
import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.automation.AutoReplyDecision.NoReply;
import com.deskbridge.automation.AutoReplyDecision.Reply;
import com.deskbridge.logistics.FulfilmentChannel;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The guards before any rule: automation off, one automatic reply per waiting period, no stale replies. */
class EngineGuardsTest {
    private static final Instant WEDNESDAY_NOON = utc("2026-11-18T11:00:00Z");
    private static final Instant SATURDAY = utc("2026-11-21T10:00:00Z");

    private final AutoReplyEngine engine = new AutoReplyEngine();

    @Test
    void nothingWhenTheSellerSwitchedAutomationOff() {
        SellerAutomationSettings off = settings(policy("Europe/Berlin"), false).enabled(false).build();
        assertThat(engine.decide(wismo(WEDNESDAY_NOON, FulfilmentChannel.FBM).build(), off,
                shortlyAfter(WEDNESDAY_NOON))).isInstanceOfSatisfying(NoReply.class,
                n -> assertThat(n.reason()).contains("switched off"));
    }

    @Test
    void noSecondAutomaticReplyInOneWaitingPeriod() {
        Instant first = SATURDAY;
        Instant second = SATURDAY.plusSeconds(600);
        Reply r = (Reply) engine.decide(Fixtures.message(first).build(), berlin(), shortlyAfter(first));

        // The buyer writes again before anyone answered: same waiting period, and it already had its auto-reply.
        TicketFacts again = Fixtures.message(second).waitingSince(first).autoReplyAlreadySent(true)
                .intent("WHERE_IS_MY_ORDER").build();
        assertThat(engine.decide(again, berlin(), shortlyAfter(second))).isInstanceOfSatisfying(NoReply.class,
                n -> assertThat(n.reason()).contains("already got an automatic reply"));

        // Even if the flag were stale (two messages processed concurrently), the record key is the same, so
        // TicketCommands.automaticReply records only one reply for the waiting period.
        TicketFacts racing = Fixtures.message(second).waitingSince(first).build();
        Reply r2 = (Reply) engine.decide(racing, berlin(), shortlyAfter(second));
        assertThat(r2.ruleKey()).isEqualTo(r.ruleKey());

        // A new waiting period (after an agent's reply) gets a new key.
        Instant later = SATURDAY.plusSeconds(3_600);
        Reply next = (Reply) engine.decide(Fixtures.message(later).build(), berlin(), shortlyAfter(later));
        assertThat(next.ruleKey()).isNotEqualTo(r.ruleKey());
    }

    @Test
    void theRuleKeyIsAValidIdempotencyKeyForTicketCommands() {
        Reply r = (Reply) engine.decide(Fixtures.message(SATURDAY).build(), berlin(), shortlyAfter(SATURDAY));
        // TicketCommands accepts [A-Za-z0-9._:-]{8,128} as the key of an automatic reply.
        assertThat(r.ruleKey()).matches("[A-Za-z0-9._:-]{8,128}").isEqualTo("auto:" + SATURDAY.toEpochMilli());
    }

    @Test
    void aMessageProcessedTooLateGetsNoAutomaticReply() {
        Clock late = Clock.fixed(SATURDAY.plus(AutoReplyEngine.MAX_LATENESS).plusSeconds(1), ZoneOffset.UTC);
        assertThat(engine.decide(Fixtures.message(SATURDAY).build(), berlin(), late))
                .isInstanceOfSatisfying(NoReply.class, n -> assertThat(n.reason()).contains("too late"));
        Clock justInTime = Clock.fixed(SATURDAY.plus(AutoReplyEngine.MAX_LATENESS), ZoneOffset.UTC);
        assertThat(engine.decide(Fixtures.message(SATURDAY).build(), berlin(), justInTime)).isInstanceOf(Reply.class);
    }

    @Test
    void logsNeverShowTheBuyersNameOrTheText() {
        TicketFacts facts = wismo(WEDNESDAY_NOON, FulfilmentChannel.FBM).build();
        Reply r = (Reply) engine.decide(facts, berlin(), shortlyAfter(WEDNESDAY_NOON));
        assertThat(facts.toString()).doesNotContain(BUYER).contains("WHERE_IS_MY_ORDER", "FBM");
        assertThat(r.toString()).doesNotContain(BUYER, Fixtures.TRACKING_NUMBER).contains(BuiltInRules.WISMO_FBM);
    }

    @Test
    void anUnclassifiedMessageMatchesOnlyRulesWithoutIntents() {
        TicketFacts unclassified = Fixtures.message(SATURDAY).intent(null).build();
        assertThat(engine.decide(unclassified, berlin(), shortlyAfter(SATURDAY))).isInstanceOf(NoReply.class);
    }
}
