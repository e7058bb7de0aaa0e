package com.deskbridge.api;

import com.deskbridge.actions.ActionJson;
import com.deskbridge.domain.query.TicketSearchQueries;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.enrichment.AgentTrackingRefresh;
import com.deskbridge.enrichment.EnrichmentState;
import com.deskbridge.enrichment.EvidenceExport;
import com.deskbridge.enrichment.TicketEnrichment;
import com.deskbridge.enrichment.TicketEnrichmentReader;
import com.deskbridge.logistics.EvidenceChain;
import com.deskbridge.logistics.EvidenceLog;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the API shows of a ticket beyond its messages: the order and tracking context (written by the enrichment
 * function), its refunds and cancellations, its hash-chained evidence log with the chain's verification, the A-to-z
 * claim export, the agent's tracking refresh, and the lead's audit export.
 */
final class TicketViews {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TicketContext context;

    TicketContext context() {
        return context;
    }
    private final Supplier<AgentTrackingRefresh> refresh;
    private final CollaborationService collaboration;
    private final TicketSearchQueries search;

    TicketViews(TicketContext context, Supplier<AgentTrackingRefresh> refresh, CollaborationService collaboration,
                TicketSearchQueries search) {
        this.context = context;
        this.refresh = refresh;
        this.collaboration = collaboration;
        this.search = search;
    }

    /**
     * The ticket view: the ticket's own fields and messages plus {@code order}, {@code shipments}, {@code flags},
     * {@code enrichment} (state and detail, e.g. "carrier unavailable, retrying"), {@code actions}, the team's
     * {@code notes} (apart from the conversation), who else has it open ({@code presence}, without {@code viewer}),
     * and the customer's {@code history} with the seller.
     */
    ObjectNode ticketView(TicketDetail ticket, String viewer) {
        return ticketView(ticket, viewer, read(ticket));
    }

    /** The ticket view with the given enrichment (SnapStart priming renders an in-memory one). */
    ObjectNode ticketView(TicketDetail ticket, String viewer, Optional<TicketEnrichment> enrichment) {
        ObjectNode view = JSON.valueToTree(TicketJson.detail(ticket));
        view.setAll(TicketEnrichmentReader.toJson(enrichment));
        view.set("actions", actions(ticket));
        view.set("notes", JSON.valueToTree(collaboration.notes(ticket).stream().map(TicketJson::note).toList()));
        view.set("presence", JSON.valueToTree(collaboration.others(ticket, viewer).stream().map(TicketJson::presence).toList()));
        TicketSearchQueries.History history = search.history(ticket.ticket());
        ObjectNode h = view.putObject("history");
        h.set("tickets", JSON.valueToTree(history.tickets().stream().map(TicketJson::summary).toList()));
        h.set("orderIds", JSON.valueToTree(history.orderIds()));
        return view;
    }

    ArrayNode actions(TicketDetail ticket) {
        ArrayNode list = JSON.createArrayNode();
        context.actions(ticket.ticket().seller().value(), ticket.ticket().id().value()).forEach(a -> list.add(ActionJson.action(a)));
        return list;
    }

    ObjectNode action(TicketDetail ticket, String actionId) {
        return context.action(ticket.ticket().seller().value(), ticket.ticket().id().value(), actionId).map(ActionJson::action)
                .orElseThrow(() -> new ApiProblem("action-not-found", "Action not found", 404,
                        "no action " + actionId + " on this ticket", "actionId", null));
    }

    private Optional<TicketEnrichment> read(TicketDetail ticket) {
        return context.enrichment(ticket.ticket().seller().value(), ticket.ticket().id().value());
    }

    /** {@code ?format=claim}: the A-to-z claim export; otherwise the chain with its verification. */
    ObjectNode evidence(TicketDetail ticket, boolean claim) {
        EvidenceLog.StoredChain chain = context.evidence(ticket.ticket().seller().value(), ticket.ticket().id().value());
        if (claim) {
            Optional<TicketEnrichment> enrichment = read(ticket);
            if (enrichment.isEmpty() || enrichment.get().order() == null) {
                throw new ApiProblem("no-order-context", "The ticket has no order context yet", 409,
                        "an A-to-z export needs the order"
                                + enrichment.map(e -> ", and reading it " + (e.state() == EnrichmentState.FAILED ? "failed" : "is "
                                + e.state().name().toLowerCase(java.util.Locale.ROOT)) + (e.detail().isBlank() ? "" : " (" + e.detail() + ")"))
                                .orElse("") + ": refresh tracking to read it again", null, null);
            }
            return EvidenceExport.forClaim(chain, enrichment.get()).toJson();
        }
        ObjectNode out = JSON.createObjectNode();
        ArrayNode entries = out.putArray("entries");
        for (EvidenceChain.Entry e : chain.entries()) {
            ObjectNode n = entries.addObject();
            n.put("sequence", e.sequence());
            n.put("recordedAt", e.recordedAt().toString());
            n.put("kind", e.kind());
            n.set("payload", JSON.valueToTree(e.payload()));
            n.put("previousHash", e.previousHash());
            n.put("hash", e.hash());
        }
        EvidenceChain.Verification v = chain.verify();
        ObjectNode verification = out.putObject("verification");
        verification.put("valid", v.valid());
        if (v.brokenSequence().isPresent()) {
            verification.put("brokenAt", v.brokenSequence().getAsLong());
        }
        v.problem().ifPresent(p -> verification.put("reason", p.name()));
        verification.put("detail", v.detail());
        if (chain.headHash() != null) {
            out.put("headHash", chain.headHash());
        }
        return out;
    }

    /** 200 with the cached answer (and when it goes stale), or 202 when a refresh was queued. */
    record Refreshed(int status, ObjectNode body) {
    }

    Refreshed refresh(TicketDetail ticket) {
        AgentTrackingRefresh.Result r = refresh.get().refresh(ticket.ticket().seller().value(), ticket.ticket().id().value());
        ObjectNode body = JSON.createObjectNode();
        body.put("outcome", r.outcome().name());
        body.put("fromCache", r.fromCache());
        time(body, "freshUntil", r.freshUntil());
        time(body, "nextCallAt", r.nextCallAt());
        body.put("message", r.message());
        return switch (r.outcome()) {
            case QUEUED -> new Refreshed(202, body);
            case NO_TICKET -> throw new ApiProblem("ticket-not-found", "Ticket not found", 404, "no such ticket for this seller",
                    null, null);
            default -> new Refreshed(200, body);
        };
    }

    /** Everything about the ticket for an audit: the view, its actions, the evidence chain and when this was taken. */
    ObjectNode audit(TicketDetail ticket, SellerId seller, Instant now) {
        ObjectNode out = JSON.createObjectNode();
        out.put("exportedAt", now.toString());
        out.put("sellerId", seller.value());
        out.set("ticket", ticketView(ticket, null));
        out.set("evidence", evidence(ticket, false));
        return out;
    }

    private static void time(ObjectNode node, String field, Instant at) {
        if (at == null) {
            node.putNull(field);
        } else {
            node.put(field, at.toString());
        }
    }
}
