package com.deskbridge.reviews;

import com.deskbridge.actions.SellerAccounts;
import com.deskbridge.logistics.EvidenceLog;
import com.deskbridge.spapi.SolicitationsClient;
import com.deskbridge.spapi.SolicitationsClient.Eligibility;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Asking a buyer for a review the only way Amazon allows: Amazon's own request through the Solicitations API
 * ({@code productReviewAndSellerFeedback}, https://developer-docs.amazon.com/sp-api/docs/solicitations-api-v1-reference),
 * never as text in a reply. Offered while Amazon lists the action for the order (5 to 30 days after delivery); at most
 * one request per order: the request is recorded (conditional on none before, whoever asked and from whichever ticket)
 * before Amazon is called, and the record is removed again when Amazon refuses or cannot be reached, so a request is
 * never sent twice. Who asked and when goes into the ticket's evidence chain ({@code REVIEW_REQUESTED}).
 *
 * <p>Record: {@code S#{seller}#REVIEW#{order}} / {@code REVIEW} with {@code requestedBy}, {@code requestedAt},
 * {@code ticketId}, {@code state} (REQUESTING while Amazon is called, REQUESTED after), once Amazon accepted
 * {@code marketplaceId} and {@code evidence} (PENDING until the evidence entry is written, then WRITTEN). No buyer data.
 * Once Amazon accepted, the agent is answered REQUESTED even when our own writes fail: they are retried, and an
 * evidence entry still missing is written by the next status read.
 */
public final class ReviewRequests {
    private static final String SK_VALUE = "REVIEW";
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(ReviewRequests.class.getName());
    private static final String EVIDENCE_PENDING = "PENDING";
    private static final int WRITE_ATTEMPTS = 3;
    /** The evidence entry of a review request. */
    public static final String EVIDENCE_KIND = "REVIEW_REQUESTED";

    private final SolicitationsClient amazon;
    private final SellerAccounts accounts;
    private final DynamoDbClient dynamo;
    private final String table;
    private final EvidenceLog evidence;
    private final Clock clock;

    public ReviewRequests(SolicitationsClient amazon, SellerAccounts accounts, DynamoDbClient dynamo, String table,
                          EvidenceLog evidence, Clock clock) {
        this.amazon = Objects.requireNonNull(amazon);
        this.accounts = Objects.requireNonNull(accounts);
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
        this.evidence = Objects.requireNonNull(evidence);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Where the review request for an order stands. */
    public enum State {
        /** Amazon lists the review request for the order now: it may be asked. */
        ELIGIBLE,
        /** Amazon does not offer it now (outside 5-30 days after delivery, or asked elsewhere). */
        NOT_ELIGIBLE,
        /** Asked already (from Deskbridge): never again. */
        REQUESTED,
        /** Amazon does not know the order. */
        UNKNOWN_ORDER
    }

    /**
     * @param requestedBy the agent who asked; null unless REQUESTED
     * @param detail      Amazon's reason when it refused; null otherwise
     */
    public record Status(String orderId, State state, String requestedBy, Instant requestedAt, String ticketId,
                         String detail) {
    }

    /** The order's state: the record if asked, else Amazon's answer now. */
    public Status status(String sellerId, String orderId, String marketplaceId) {
        Optional<Status> recorded = recorded(sellerId, orderId);
        if (recorded.isPresent()) {
            return recorded.get();
        }
        Eligibility e = amazon.reviewEligibility(accounts.account(sellerId), orderId, marketplaceId);
        return new Status(orderId, switch (e) {
            case ELIGIBLE -> State.ELIGIBLE;
            case NOT_ELIGIBLE -> State.NOT_ELIGIBLE;
            case UNKNOWN_ORDER -> State.UNKNOWN_ORDER;
        }, null, null, null, null);
    }

    /**
     * Asks Amazon to send its review request, once per order.
     *
     * @return REQUESTED (now, or the earlier request when {@link #alreadyRequested}), or NOT_ELIGIBLE with Amazon's
     *         reason (nothing recorded)
     */
    public Status request(String sellerId, String ticketId, String orderId, String marketplaceId, String agent) {
        Instant now = clock.instant();
        Map<String, AttributeValue> item = new HashMap<>(key(sellerId, orderId));
        item.put("itemType", AttributeValue.fromS("reviewRequest"));
        item.put("state", AttributeValue.fromS("REQUESTING"));
        item.put("requestedBy", AttributeValue.fromS(agent));
        item.put("requestedAt", AttributeValue.fromS(now.toString()));
        item.put("ticketId", AttributeValue.fromS(ticketId));
        try {
            dynamo.putItem(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
        } catch (ConditionalCheckFailedException asked) {
            throw new AlreadyRequested(recorded(sellerId, orderId).orElse(new Status(orderId, State.REQUESTED, null, null,
                    null, null)));
        }
        SolicitationsClient.Created created;
        try {
            created = amazon.requestReview(accounts.account(sellerId), orderId, marketplaceId);
        } catch (RuntimeException e) {
            forget(sellerId, orderId);
            throw e;
        }
        if (!created.created()) {
            forget(sellerId, orderId);
            return new Status(orderId, State.NOT_ELIGIBLE, null, null, null, created.refusal());
        }
        // Amazon accepted: whatever our own writes do from here, the answer is REQUESTED (asking again would be refused
        // by Amazon, and the record keeps anyone from trying). The record and the evidence entry are written through
        // retries; an evidence entry still missing after them stays PENDING on the record and is written by the next
        // read of the order's status.
        retrying("mark the review request REQUESTED", () -> dynamo.updateItem(u -> u.tableName(table)
                .key(key(sellerId, orderId)).updateExpression("SET #s = :s, #e = :pending, marketplaceId = :m")
                .expressionAttributeNames(Map.of("#s", "state", "#e", "evidence"))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("REQUESTED"),
                        ":pending", AttributeValue.fromS(EVIDENCE_PENDING), ":m", AttributeValue.fromS(marketplaceId)))));
        writeEvidence(sellerId, ticketId, orderId, marketplaceId, agent);
        return new Status(orderId, State.REQUESTED, agent, now, ticketId, null);
    }

    /**
     * Appends the REVIEW_REQUESTED entry (retried), then marks the record's evidence WRITTEN.
     *
     * @return whether the entry is written
     */
    private boolean writeEvidence(String sellerId, String ticketId, String orderId, String marketplaceId, String agent) {
        // the entry is timestamped by the chain; who asked is the agent
        boolean appended = retrying("append the REVIEW_REQUESTED evidence entry", () -> evidence.append(sellerId, ticketId,
                EVIDENCE_KIND, Map.of("orderId", orderId, "marketplaceId", marketplaceId, "agentId", agent,
                        "actionType", SolicitationsClient.REVIEW_ACTION, "source", "Solicitations API")));
        if (appended) {
            retrying("mark the review request's evidence WRITTEN", () -> dynamo.updateItem(u -> u.tableName(table)
                    .key(key(sellerId, orderId)).updateExpression("SET #e = :written")
                    .expressionAttributeNames(Map.of("#e", "evidence"))
                    .expressionAttributeValues(Map.of(":written", AttributeValue.fromS("WRITTEN")))));
        }
        return appended;
    }

    /** Runs {@code write} up to {@value #WRITE_ATTEMPTS} times; false (logged, never thrown) when every attempt failed. */
    private static boolean retrying(String what, Runnable write) {
        for (int attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
            try {
                write.run();
                return true;
            } catch (RuntimeException e) {
                if (attempt == WRITE_ATTEMPTS) {
                    LOG.warning("review request: could not " + what + " after " + attempt + " attempts ("
                            + e.getClass().getSimpleName() + "); completed on the next status read");
                    return false;
                }
                try {
                    Thread.sleep(25L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    /** Thrown when the order was asked before: one request per order. */
    public static final class AlreadyRequested extends RuntimeException {
        private final Status earlier;

        AlreadyRequested(Status earlier) {
            super("a review was requested for order " + earlier.orderId() + " already");
            this.earlier = earlier;
        }

        public Status earlier() {
            return earlier;
        }
    }

    private Optional<Status> recorded(String sellerId, String orderId) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).key(key(sellerId, orderId))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        if (EVIDENCE_PENDING.equals(str(item, "evidence")) && str(item, "ticketId") != null
                && str(item, "marketplaceId") != null && str(item, "requestedBy") != null) {
            // Amazon accepted this request but its evidence entry could not be written then: write it now
            writeEvidence(sellerId, str(item, "ticketId"), orderId, str(item, "marketplaceId"), str(item, "requestedBy"));
        }
        return Optional.of(new Status(orderId, State.REQUESTED, str(item, "requestedBy"),
                item.containsKey("requestedAt") ? Instant.parse(str(item, "requestedAt")) : null, str(item, "ticketId"),
                null));
    }

    private void forget(String sellerId, String orderId) {
        dynamo.deleteItem(d -> d.tableName(table).key(key(sellerId, orderId))
                .conditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "state"))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("REQUESTING"))));
    }

    private static Map<String, AttributeValue> key(String sellerId, String orderId) {
        return Map.of("PK", AttributeValue.fromS("S#" + sellerId + "#REVIEW#" + orderId), "SK", AttributeValue.fromS(SK_VALUE));
    }

    private static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }
}
