package com.deskbridge.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.assistant.SuggestionFacts.ActionStatus;
import com.deskbridge.assistant.SuggestionFacts.Fulfilment;
import com.deskbridge.macros.BuiltInMacros;
import com.deskbridge.macros.MacroCatalog;
import com.deskbridge.macros.MacroLanguage;
import com.deskbridge.macros.MacroSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionPlannerTest {
    private static final MacroCatalog LINKS_OFF = MacroCatalog.builtIns(new MacroSettings(MacroLanguage.DE, false));
    private static final MacroCatalog LINKS_ON = MacroCatalog.builtIns(new MacroSettings(MacroLanguage.DE, true));

    private static SuggestionFacts facts(String intent, Fulfilment f, boolean tracking, ActionStatus refund,
                                         ActionStatus cancellation) {
        return new SuggestionFacts(intent, 0.9, false, f, tracking, refund, cancellation);
    }

    private static List<String> ids(List<Candidate> c) {
        return c.stream().map(Candidate::macroId).toList();
    }

    @Test
    void whereIsMyOrderFollowsWhoShipsTheOrder() {
        assertThat(ids(SuggestionPlanner.plan(facts("WHERE_IS_MY_ORDER", Fulfilment.FBA, true, ActionStatus.NONE,
                ActionStatus.NONE), LINKS_OFF))).containsExactly(BuiltInMacros.FBA_AMAZON_SUPPORT);
        assertThat(ids(SuggestionPlanner.plan(facts("WHERE_IS_MY_ORDER", Fulfilment.FBM, true, ActionStatus.NONE,
                ActionStatus.NONE), LINKS_OFF))).containsExactly(BuiltInMacros.FBM_SHIPPING_UPDATE);
        assertThat(ids(SuggestionPlanner.plan(facts("DELIVERY_PROBLEM", Fulfilment.FBM, true, ActionStatus.NONE,
                ActionStatus.NONE), LINKS_ON))).as("the carrier link first where the seller enabled links")
                .containsExactly(BuiltInMacros.FBM_SHIPPING_UPDATE_WITH_LINK, BuiltInMacros.FBM_SHIPPING_UPDATE);
    }

    @Test
    void confirmationsWaitForAmazonsConfirmation() {
        List<Candidate> pending = SuggestionPlanner.plan(facts("CANCELLATION_REQUEST", Fulfilment.FBM, false,
                ActionStatus.NONE, ActionStatus.PENDING), LINKS_OFF);
        assertThat(ids(pending)).containsExactly(BuiltInMacros.CANCELLATION_REQUESTED, BuiltInMacros.CANCELLATION_CONFIRMATION);
        assertThat(pending.get(0).waitingFor()).as("true as soon as the cancellation was passed on").isNull();
        assertThat(pending.get(1).waitingFor()).contains("confirmation");
        assertThat(SuggestionPlanner.plan(facts("CANCELLATION_REQUEST", Fulfilment.FBM, false, ActionStatus.NONE,
                ActionStatus.COMPLETED), LINKS_OFF)).singleElement().satisfies(c -> assertThat(c.waitingFor()).isNull());
        List<Candidate> refund = SuggestionPlanner.plan(facts("REFUND_REQUEST", Fulfilment.FBM, false,
                ActionStatus.PENDING, ActionStatus.NONE), LINKS_OFF);
        assertThat(ids(refund)).containsExactly(BuiltInMacros.REFUND_CONFIRMATION, BuiltInMacros.RETURN_REQUEST);
        assertThat(refund.get(0).waitingFor()).isNotNull();
    }

    @Test
    void aCancellationAskedForAfterTheOrderShippedGetsWhatToDoInstead() {
        List<Candidate> shipped = SuggestionPlanner.plan(new SuggestionFacts("CANCELLATION_REQUEST", 0.9, false,
                Fulfilment.FBA, false, ActionStatus.NONE, ActionStatus.NONE, true), LINKS_OFF);
        assertThat(ids(shipped)).containsExactly(BuiltInMacros.CANCELLATION_ALREADY_SHIPPED,
                BuiltInMacros.CANCELLATION_CONFIRMATION);
        assertThat(shipped.get(0).waitingFor()).isNull();
        assertThat(shipped.get(1).waitingFor()).as("nothing to confirm").isNotNull();
        assertThat(ids(SuggestionPlanner.plan(facts("CANCELLATION_REQUEST", Fulfilment.FBM, false, ActionStatus.NONE,
                ActionStatus.NONE), LINKS_OFF))).as("not shipped, nothing cancelled yet: an agent cancels first")
                .containsExactly(BuiltInMacros.CANCELLATION_CONFIRMATION);
        assertThat(ids(SuggestionPlanner.plan(new SuggestionFacts("CANCELLATION_REQUEST", 0.9, false, Fulfilment.FBM, true,
                ActionStatus.NONE, ActionStatus.COMPLETED, true), LINKS_OFF))).as("cancelled after all")
                .containsExactly(BuiltInMacros.CANCELLATION_CONFIRMATION);
    }

    @Test
    void aConfirmedActionIsOfferedWhateverTheIntentAndNeverMoreThanThree() {
        List<Candidate> c = SuggestionPlanner.plan(facts("WHERE_IS_MY_ORDER", Fulfilment.UNKNOWN, false,
                ActionStatus.COMPLETED, ActionStatus.COMPLETED), LINKS_ON);
        assertThat(c).hasSizeLessThanOrEqualTo(SuggestionPlanner.MAX);
        assertThat(ids(SuggestionPlanner.plan(facts("POSITIVE_FEEDBACK", Fulfilment.FBM, true, ActionStatus.COMPLETED,
                ActionStatus.NONE), LINKS_OFF))).containsExactly(BuiltInMacros.POSITIVE_FEEDBACK_THANKS,
                BuiltInMacros.REFUND_CONFIRMATION);
    }

    @Test
    void nothingWithoutAKnownIntent() {
        assertThat(SuggestionPlanner.plan(facts(null, Fulfilment.FBM, true, ActionStatus.NONE, ActionStatus.NONE),
                LINKS_OFF)).isEmpty();
        assertThat(SuggestionPlanner.plan(facts("SOMETHING_ELSE", Fulfilment.FBM, true, ActionStatus.NONE,
                ActionStatus.NONE), LINKS_OFF)).isEmpty();
    }

    @Test
    void aSuggestionIdTellsSentAsSuggestedFromEdited() {
        String text = "Guten Tag,\nIhr Paket ist unterwegs.";
        String id = SuggestionIds.of(BuiltInMacros.FBM_SHIPPING_UPDATE, "de", text);
        SuggestionIds.Parsed parsed = SuggestionIds.parse(id).orElseThrow();
        assertThat(parsed.macroId()).isEqualTo(BuiltInMacros.FBM_SHIPPING_UPDATE);
        assertThat(parsed.language()).isEqualTo("de");
        assertThat(parsed.unchanged(text.replace("\n", "\r\n") + "  ")).as("line endings and outer space").isTrue();
        assertThat(parsed.unchanged(text + " Danke!")).isFalse();
        assertThat(SuggestionIds.parse("not a suggestion")).isEmpty();
    }

    @Test
    void acceptanceFlagsATemplateAgentsKeepEditing() {
        Acceptance.Report r = Acceptance.report(List.of(
                new Acceptance.Counts("m1", "WHERE_IS_MY_ORDER", 10, 2, 4, 4),
                new Acceptance.Counts("m2", "WHERE_IS_MY_ORDER", 10, 6, 1, 3)));
        assertThat(r.byMacro()).filteredOn(Acceptance.Line::fixTemplate).extracting(Acceptance.Line::key).containsExactly("m1");
        assertThat(r.overall().shown()).isEqualTo(20);
        assertThat(r.overall().acceptedShare()).isEqualTo(0.65);
    }
}
