package com.deskbridge.actions;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where actions live in the single tickets table (same conventions as the adapters' TicketKeys: every key starts
 * with the seller, GSI3 "DueBySweep" is shared by write-sharded work queues):
 *
 * <pre>
 * item            PK                                   SK               GSI3PK / GSI3SK (sparse)
 * ticket          S#{seller}#T#{ticket}                TICKET           (owned by the ticket store)
 * action          S#{seller}#T#{ticket}                A#{actionId}     ACTQ#{0..3} / {queuedAt}#{seller}#{ticket}#{actionId} while waiting for a feed
 * idempotency     S#{seller}#IDEM#{key}                IDEM             -
 * order ledger    S#{seller}#ORDER#{orderId}           ACTIONS          -   (version + actionId→ticketId: serialises actions per order)
 * feed attempt    S#{seller}#FEEDATTEMPT#{attemptId}   FEEDATTEMPT      FEEDS#{0..3} / {createdAt}#{seller}#{attemptId} until its result is in
 * (channel action  S#{seller}#T#{ticket}                A#{actionId}     CHCONF#{0..3} / {nextCheckAt}#{submittedAt}#{seller}#{ticket}#{actionId} while its channel has not confirmed it)
 * feed pointer    FEED#{amazonFeedId} (Amazon-wide) FEED             -
 * createFeed budget S#{seller}#QUOTA#feeds.createFeed  QUOTA            -
 * awaiting approval S#{seller}#APPROVALS              A#{actionId}     -   (one per refund awaiting a lead's approval)
 * refund day cap  S#{seller}#CAP#{agent}               DAY#{yyyy-mm-dd} -   (refunds and amount_{CUR} of one agent's UTC day)
 * ship-to seen    S#{seller}#ORDER#{orderId}           SHIPTO           -   (fingerprint of where the order goes, when it changed)
 * </pre>
 * Action sort keys start with {@code A#}, never {@code E}, because the evidence log reads {@code begins_with(SK, "E")}.
 */
final class Keys {
    static final String PK = "PK";
    static final String SK = "SK";
    static final String GSI3PK = "GSI3PK";
    static final String GSI3SK = "GSI3SK";
    static final String GSI3 = "DueBySweep";
    static final String EXPIRES_AT = "expiresAt";
    static final int SHARDS = 4;

    static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Keys() {
    }

    /** The primary key of an item of the tickets table. */
    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }

    static String seller(String sellerId) {
        return "S#" + sellerId + "#";
    }

    static String ticketPk(String sellerId, String ticketId) {
        return seller(sellerId) + "T#" + ticketId;
    }

    static String actionSk(String actionId) {
        return "A#" + actionId;
    }

    static String idempotencyPk(String sellerId, String key) {
        return seller(sellerId) + "IDEM#" + key;
    }

    static String ledgerPk(String sellerId, String orderId) {
        return seller(sellerId) + "ORDER#" + orderId;
    }

    static String approvalsPk(String sellerId) {
        return seller(sellerId) + "APPROVALS";
    }

    static String capPk(String sellerId, String agentId) {
        return seller(sellerId) + "CAP#" + agentId;
    }

    static String channelAttemptPk(String sellerId, String idempotencyKey) {
        return seller(sellerId) + "CHANNELATTEMPT#" + idempotencyKey;
    }

    static String attemptPk(String sellerId, String attemptId) {
        return seller(sellerId) + "FEEDATTEMPT#" + attemptId;
    }

    /**
     * Amazon's feed ids are Amazon-wide, and its notifications name the selling partner by Amazon's merchant id, not by
     * our seller id: the pointer is keyed by the feed id alone and names our seller.
     */
    static String feedPk(String feedId) {
        return "FEED#" + feedId;
    }

    static String quotaPk(String sellerId, String operation) {
        return seller(sellerId) + "QUOTA#" + operation;
    }

    static int shard(String id) {
        return Math.floorMod(id.hashCode(), SHARDS);
    }

    static String queuePk(int shard) {
        return "ACTQ#" + shard;
    }

    /** Channel actions (eBay, Shopify) awaiting their channel's confirmation, by the time of their next check. */
    static String confirmPk(int shard) {
        return "CHCONF#" + shard;
    }

    static String feedsPk(int shard) {
        return "FEEDS#" + shard;
    }

    static String time(Instant at) {
        return SORTABLE.format(at);
    }
}
