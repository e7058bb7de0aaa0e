package com.deskbridge.actions;

import com.deskbridge.orderactions.CancellationCommand;
import com.deskbridge.orderactions.CancellationRequest;
import com.deskbridge.orderactions.McfCancellationCommand;
import com.deskbridge.orderactions.OrderCancellationCommand;
import com.deskbridge.orderactions.RefundCommand;
import com.deskbridge.orderactions.RefundRequest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/**
 * What a request becomes before it is recorded: the action a validated command makes, its unguessable time-ordered id,
 * and the hash of the request that an Idempotency-Key is bound to (the same key with another request is refused).
 */
final class NewActions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private NewActions() {
    }

    /** The QUEUED action of a validated command ({@link RefundCommand} or a {@link CancellationCommand}). */
    static OrderAction of(String sellerId, String ticketId, String agentId, Instant buyerRequestAt, Object command, Instant now) {
        String id = newId(now);
        if (command instanceof RefundCommand r) {
            return new OrderAction(sellerId, ticketId, id, ActionType.REFUND, ActionState.QUEUED, r.orderId(), r.marketplaceId(),
                    agentId, r.total().plain(), r.currency(), r.reason().name(), now, buyerRequestAt, now,
                    CommandJson.refund(r), null, null, null, null);
        }
        CancellationCommand c = (CancellationCommand) command;
        if (c instanceof OrderCancellationCommand o) {
            return new OrderAction(sellerId, ticketId, id, ActionType.CANCELLATION, ActionState.QUEUED, o.orderId(), o.marketplaceId(),
                    agentId, null, null, o.reason().name(), now, buyerRequestAt, now, CommandJson.cancellation(o), null, null, null, null);
        }
        McfCancellationCommand m = (McfCancellationCommand) c;
        return new OrderAction(sellerId, ticketId, id, ActionType.MCF_CANCELLATION, ActionState.QUEUED, m.sellerFulfillmentOrderId(),
                m.marketplaceId(), agentId, null, null, null, now, buyerRequestAt, now, CommandJson.mcf(m), null, null, null, null);
    }

    /** Time-ordered, unguessable: 12 hex digits of epoch millis, then 16 random hex digits. */
    static String newId(Instant now) {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return String.format("%012x", now.toEpochMilli()) + HexFormat.of().formatHex(random);
    }

    static String refundHash(String ticketId, RefundRequest r) {
        ObjectNode n = CommandJson.JSON.createObjectNode().put("type", "refund").put("ticketId", ticketId)
                .put("orderId", r.orderId()).put("full", r.full()).put("reason", r.reason() == null ? null : r.reason().name());
        var lines = n.putArray("lines");
        for (RefundRequest.Line l : r.lines()) {
            ObjectNode line = lines.addObject().put("orderItemId", l.orderItemId());
            if (l.quantity() != null) {
                line.put("quantity", l.quantity());
            }
            var comps = line.putArray("components");
            for (RefundRequest.ComponentAmount c : l.components()) {
                comps.addObject().put("component", c.component() == null ? null : c.component().name())
                        .put("amount", c.amount() == null ? null : c.amount().stripTrailingZeros().toPlainString())
                        .put("currency", c.currency());
            }
        }
        return sha256(n.toString());
    }

    static String cancellationHash(String ticketId, CancellationRequest request) {
        ObjectNode n = CommandJson.JSON.createObjectNode().put("type", "cancellation").put("ticketId", ticketId)
                .put("orderId", request.orderId()).put("reason", request.reason() == null ? null : request.reason().name());
        return sha256(n.toString());
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
