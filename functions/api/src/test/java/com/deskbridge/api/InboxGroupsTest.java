package com.deskbridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.compliance.ComplianceReport;
import com.deskbridge.domain.inbox.InboxTicket;
import com.deskbridge.domain.inbox.PriorityScore;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.domain.ticket.TicketStatus;
import com.deskbridge.domain.ticket.TicketSummary;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InboxGroupsTest {
    private static final SellerId SELLER = new SellerId("s1");
    private static final String VIEW = "where-is-my-order-tracking-known";

    private static InboxTicket ticket(String thread) {
        TicketSummary t = new TicketSummary(TicketId.forConversation(SELLER, Channel.AMAZON, thread), SELLER, Channel.AMAZON,
                "A1PA6795UKMFR9", "302-" + thread, "buyer", "Where is my order?", TicketStatus.OPEN, Instant.EPOCH,
                Instant.EPOCH, Instant.EPOCH, 1, "WHERE_IS_MY_ORDER", Set.of(), null, null, null);
        return new InboxTicket(t, new PriorityScore(10, List.of()));
    }

    private static SuggestionService.Suggestion sendable(String macro, String text) {
        return new SuggestionService.Suggestion("sg-" + text.hashCode(), macro, macro + " name", "en", text, true, "why",
                List.of("TrackingNumber"), List.of(), null, new ComplianceReport(false, List.of()));
    }

    private static SuggestionService.Suggestion missing(String macro, String placeholder) {
        return new SuggestionService.Suggestion(null, macro, macro + " name", "en", null, false, "why",
                List.of(placeholder), List.of(placeholder), null, null);
    }

    private static InboxGroups.Member member(String thread, SuggestionService.Suggestion... items) {
        return new InboxGroups.Member(ticket(thread),
                new SuggestionService.Suggestions("WHERE_IS_MY_ORDER", 0.9, false, "en", List.of(items)));
    }

    @Test
    void ticketsWithTheSameBestSendableMacroFormOneGroupEachWithItsOwnText() {
        InboxGroups.Grouping g = InboxGroups.of(VIEW, List.of(
                member("a", sendable("shipping", "Tracking 1Z1")),
                member("b", missing("shipping", "TrackingNumber"), sendable("apology", "Sorry")),
                member("c", sendable("shipping", "Tracking 1Z3")),
                member("d", missing("shipping", "TrackingNumber")),
                member("e", sendable("thanks", "Thank you")),
                member("f", sendable("apology", "Sorry too"))));

        assertThat(g.groups()).extracting(InboxGroups.Group::key)
                .containsExactly(VIEW + ":shipping", VIEW + ":apology");
        InboxGroups.Group shipping = g.groups().get(0);
        assertThat(shipping.items()).extracting(i -> i.ticket().ticket().orderId()).containsExactly("302-a", "302-c");
        assertThat(shipping.items()).extracting(i -> i.suggestion().text()).containsExactly("Tracking 1Z1", "Tracking 1Z3");
        // the best sendable suggestion counts, not the first one: b's first needs data, its second is sendable
        assertThat(g.groups().get(1).items()).extracting(i -> i.ticket().ticket().orderId()).containsExactly("302-b", "302-f");
        // d cannot be sent (named data missing); e is alone with its macro: both listed apart with the reason
        assertThat(g.singles()).extracting(s -> s.ticket().ticket().orderId()).containsExactlyInAnyOrder("302-d", "302-e");
        assertThat(g.singles()).filteredOn(s -> s.ticket().ticket().orderId().equals("302-d"))
                .extracting(InboxGroups.Single::reason).containsExactly("'shipping name' needs TrackingNumber");
    }

    @Test
    void aViewWithoutSuggestionsHasNoGroups() {
        InboxGroups.Grouping g = InboxGroups.of(VIEW, List.of(member("a")));
        assertThat(g.groups()).isEmpty();
        assertThat(g.singles()).extracting(InboxGroups.Single::reason).containsExactly("no suggested reply for its intent");
    }
}
