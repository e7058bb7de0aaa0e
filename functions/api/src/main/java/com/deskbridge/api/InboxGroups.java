package com.deskbridge.api;

import com.deskbridge.domain.inbox.InboxTicket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Similar tickets of one inbox view, grouped so that an agent can answer them in one pass: tickets whose best sendable
 * suggestion is the same macro form a group (e.g. every where-is-my-order ticket with tracking known gets the shipping
 * update, each rendered with its own order and tracking number). A ticket without a sendable suggestion, or the only one
 * with its macro, is listed apart with the reason, so nothing in the view is silently left out.
 */
final class InboxGroups {
    /** A group needs at least this many tickets; fewer are answered one by one. */
    static final int MIN_GROUP = 2;

    private InboxGroups() {
    }

    /** A ticket of the view with its suggestions (best first), as the assistant made them for this read. */
    record Member(InboxTicket ticket, SuggestionService.Suggestions suggestions) {
    }

    /** One ticket of a group: the suggestion it would be sent with. */
    record Item(InboxTicket ticket, SuggestionService.Suggestion suggestion) {
    }

    /** Tickets whose best sendable suggestion is {@code macroId}, in the view's order. */
    record Group(String key, String macroId, String macroName, List<Item> items) {
    }

    /** A ticket that is answered on its own, and why. */
    record Single(InboxTicket ticket, String reason) {
    }

    record Grouping(List<Group> groups, List<Single> singles) {
    }

    static Grouping of(String view, List<Member> members) {
        Map<String, List<Item>> byMacro = new LinkedHashMap<>();
        List<Single> singles = new ArrayList<>();
        for (Member m : members) {
            Optional<SuggestionService.Suggestion> best = m.suggestions().items().stream()
                    .filter(SuggestionService.Suggestion::sendable).findFirst();
            if (best.isPresent()) {
                byMacro.computeIfAbsent(best.get().macroId(), k -> new ArrayList<>()).add(new Item(m.ticket(), best.get()));
            } else {
                singles.add(new Single(m.ticket(), whyNot(m.suggestions())));
            }
        }
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<String, List<Item>> e : byMacro.entrySet()) {
            List<Item> items = e.getValue();
            if (items.size() >= MIN_GROUP) {
                groups.add(new Group(view + ":" + e.getKey(), e.getKey(), items.get(0).suggestion().macroName(), items));
            } else {
                for (Item i : items) {
                    singles.add(new Single(i.ticket(), "the only ticket here with a sendable '"
                            + i.suggestion().macroName() + "' suggestion: open it to send"));
                }
            }
        }
        groups.sort(Comparator.comparingInt((Group g) -> -g.items().size()));
        return new Grouping(groups, singles);
    }

    /** Why the ticket's first suggestion cannot be sent as it is, in the agent's words. */
    private static String whyNot(SuggestionService.Suggestions s) {
        if (s.items().isEmpty()) {
            return "no suggested reply for its intent";
        }
        SuggestionService.Suggestion first = s.items().get(0);
        if (!first.missing().isEmpty()) {
            return "'" + first.macroName() + "' needs " + String.join(", ", first.missing());
        }
        if (first.waitingFor() != null) {
            return "'" + first.macroName() + "' waits for " + first.waitingFor();
        }
        if (first.compliance() != null && first.compliance().blocked()) {
            return "'" + first.macroName() + "' breaks Amazon's messaging rules as rendered";
        }
        return "no sendable suggestion";
    }
}
