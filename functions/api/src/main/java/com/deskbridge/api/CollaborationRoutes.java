package com.deskbridge.api;

import com.deskbridge.domain.query.TicketSearchQueries;
import com.deskbridge.domain.ticket.InternalNote;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.domain.ticket.Presence;
import com.deskbridge.domain.ticket.TicketDetail;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Search, internal notes and presence: how agents find tickets and work them together. */
final class CollaborationRoutes {
    static final List<Route> ROUTES = List.of(
            new Route("GET /tickets/search", CollaborationRoutes::search),
            new Route("POST /tickets/{id}/notes", CollaborationRoutes::note),
            new Route("POST /tickets/{id}/presence", CollaborationRoutes::presence));

    private CollaborationRoutes() {
    }

    private static ApiResponse search(Route.Call call) {
        Integer limit = call.request().query("limit").map(raw -> {
            try {
                return Integer.valueOf(raw.trim());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("limit", "must be a whole number (was '" + raw + "')");
            }
        }).orElse(null);
        TicketSearchQueries.Result result = call.app().search().search(call.seller(),
                call.request().query("q").orElse(null), limit);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", result.items().stream().map(TicketJson::summary).toList());
        out.put("recentTicketsSearched", result.recentTicketsSearched());
        return ApiResponse.ok(out);
    }

    /** 201 with the note: stored apart from the conversation, never sent, never checked against the messaging rules. */
    private static ApiResponse note(Route.Call call) {
        JsonNode body = call.request().jsonObject(Set.of("text"));
        String text = ApiRequest.text(body, "text", true);
        TicketDetail ticket = call.ticket();
        InternalNote note = call.app().collaboration().addNote(ticket, call.request().agent(), text);
        return ApiResponse.json(201, TicketJson.note(note));
    }

    /** Renews the caller's presence (it lapses after 30 seconds) and answers who else has the ticket open. */
    private static ApiResponse presence(Route.Call call) {
        JsonNode body = call.request().jsonObject(Set.of("activity"));
        String raw = ApiRequest.text(body, "activity", true);
        Presence.Activity activity = Presence.Activity.parse(raw, "activity");
        List<Presence> others = call.app().collaboration().mark(call.ticket(), call.request().agent(), activity);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("activity", activity.wireName());
        out.put("expiresInSeconds", CollaborationService.PRESENCE_SECONDS);
        out.put("others", others.stream().map(TicketJson::presence).toList());
        return ApiResponse.ok(out);
    }
}
