package com.deskbridge.api;

import com.deskbridge.compliance.OutgoingMessage;
import com.deskbridge.domain.sla.Priority;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.domain.ticket.ReplyOrigin;
import com.deskbridge.domain.ticket.TicketFilter;
import com.deskbridge.domain.ticket.TicketStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The queue, one ticket, and what agents do to it: reply, assign, tag, close, "no response needed". */
final class TicketRoutes {
    static final List<Route> ROUTES = List.of(
            new Route("GET /tickets", TicketRoutes::queue),
            new Route("GET /tickets/{id}", call -> ApiResponse.ok(call.app().views().ticketView(call.ticket(),
                    call.request().agent()))),
            new Route("POST /tickets/{id}/replies", TicketRoutes::reply),
            new Route("POST /tickets/{id}/assign", call -> {
                JsonNode body = call.request().jsonObject(Set.of("assignee"));
                call.app().commands().assign(call.seller(), call.ticketId(), ApiRequest.text(body, "assignee", false));
                return detail(call);
            }),
            new Route("POST /tickets/{id}/tags", call -> {
                JsonNode body = call.request().jsonObject(Set.of("add", "remove"));
                call.app().commands().retag(call.seller(), call.ticketId(), ApiRequest.strings(body, "add"),
                        ApiRequest.strings(body, "remove"));
                return detail(call);
            }),
            new Route("POST /tickets/{id}/close", call -> {
                call.app().commands().close(call.seller(), call.ticketId(), call.request().agent());
                return detail(call);
            }),
            new Route("POST /tickets/{id}/no-response-needed", call -> {
                call.app().commands().markNoResponseNeeded(call.seller(), call.ticketId(), call.request().agent());
                return detail(call);
            }),
            Route.readOnly("POST /compliance/check", call -> {
                JsonNode body = call.request().jsonObject(Set.of("text"));
                return ApiResponse.ok(ComplianceJson.report(call.app().compliance()
                        .check(OutgoingMessage.of(ApiRequest.text(body, "text", true)))));
            }));

    /** The header with which an agent sends although another agent is replying. */
    static final String COLLISION_OVERRIDE = "Collision-Override";

    private TicketRoutes() {
    }

    private static ApiResponse detail(Route.Call call) {
        return ApiResponse.ok(TicketJson.detail(call.ticket()));
    }

    private static ApiResponse queue(Route.Call call) {
        ApiRequest request = call.request();
        java.util.Optional<String> view = request.query("view");
        if (view.isPresent()) {
            return InboxRoutes.view(call, view.get(), request.query("limit").map(TicketRoutes::limit).orElse(null));
        }
        TicketFilter filter = new TicketFilter(
                TicketStatus.parse(request.query("status").orElse("open"), "status"),
                request.query("priority").map(p -> enumValue(Priority.class, p, "priority")).orElse(null),
                request.intentQuery("intent").orElse(null),
                request.query("tag").map(String::trim).orElse(null),
                request.query("channel").map(c -> Channel.parse(c, "channel")).orElse(null),
                request.query("assignee").map(String::trim).orElse(null),
                request.instantQuery("dueBefore").orElse(null));
        return ApiResponse.ok(TicketJson.listing(call.app().queries().queue(call.seller(), filter,
                request.query("limit").map(TicketRoutes::limit).orElse(null), request.query("cursor").orElse(null))));
    }

    /**
     * Checks the text against Amazon's messaging rules (422 with the findings when blocked), records the reply (the
     * clock stops), and hands it to the sender. 202: sending happens next, its state shows on the message.
     */
    private static ApiResponse reply(Route.Call call) {
        String key = call.request().header("Idempotency-Key").orElseThrow(() ->
                new InvalidInputException("Idempotency-Key", "header is required: one key per reply, reused on retries"));
        JsonNode body = call.request().jsonObject(Set.of("text", "suggestionId", "macroId"));
        String text = ApiRequest.text(body, "text", true);
        ReplyOrigin origin = SuggestionService.origin(ApiRequest.text(body, "suggestionId", false),
                ApiRequest.text(body, "macroId", false), text);
        boolean override = call.request().header(COLLISION_OVERRIDE).map("true"::equalsIgnoreCase).orElse(false);
        ReplyService.Outcome outcome = call.app().replies().reply(call.ticket(), call.request().agent(), text, key, override,
                origin);
        return ApiResponse.json(202, replied(call, outcome, origin));
    }

    /** The 202 body of a recorded reply, or the problem that refused it (nothing recorded). */
    static Map<String, Object> replied(Route.Call call, ReplyService.Outcome outcome, ReplyOrigin origin) {
        if (outcome instanceof ReplyService.Collision collision) {
            throw new ApiProblem("reply-collision", "Another agent is replying to this ticket", 409,
                    String.join(", ", collision.agents()) + " is writing a reply right now: read the ticket again, or send "
                            + "anyway with the header " + COLLISION_OVERRIDE + ": true; nothing was recorded", null,
                    Map.of("agents", collision.agents()));
        }
        if (outcome instanceof ReplyService.ChannelNotSendable refused) {
            throw new ApiProblem("reply-channel-not-configured", "This seller has not set up replies on this channel", 409,
                    "replies on " + refused.channel().wireName() + " tickets need " + switch (refused.channel()) {
                        case EBAY -> "the seller's eBay authorisation (eBay onboarding)";
                        case SHOPIFY, EMAIL -> "the shop's support address to mail them from (the shop's channel settings)";
                        case AMAZON -> "the Amazon channel";
                    } + ": until then answer the buyer in " + refused.channel().wireName()
                            + "'s own tool; nothing was recorded and the clock keeps running",
                    null, Map.of("channel", refused.channel().wireName()));
        }
        if (outcome instanceof ReplyService.Blocked blocked) {
            throw new ApiProblem("reply-not-compliant", "Reply breaks Amazon's messaging rules", 422,
                    blocked.report().findings().size() + " finding(s): change the text and send again", "text",
                    Map.of("findings", ComplianceJson.findings(blocked.report())));
        }
        ReplyService.Recorded recorded = (ReplyService.Recorded) outcome;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("reply", Map.of("messageKey", recorded.reply().messageKey(), "duplicate", recorded.reply().duplicate(),
                "source", origin.source().wireName()));
        out.put("ticket", TicketJson.detail(call.ticket()));
        return out;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String raw, String field) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(raw.trim())) {
                return value;
            }
        }
        throw new InvalidInputException(field, "unknown value '" + raw + "'");
    }

    private static Integer limit(String raw) {
        try {
            return Integer.valueOf(raw.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("limit", "must be a whole number (was '" + raw + "')");
        }
    }
}
