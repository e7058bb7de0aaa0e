package com.deskbridge.adapters.dynamodb;

import static com.deskbridge.adapters.dynamodb.TicketKeys.GSI1PK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.GSI1SK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.GSI3PK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.GSI3SK;
import static com.deskbridge.adapters.dynamodb.TicketKeys.PK;

import com.deskbridge.domain.lifecycle.TicketTransition;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.domain.ticket.TicketStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The ticket update that stops its response clock (an agent's reply, "no response needed", closing): the ticket
 * moves to {@code status}, forgets its SLA timeline and leaves the due index.
 *
 * <p>Two forms, tried in order. {@link #usual} applies when no escalation is waiting to be published and takes the
 * ticket out of the due index. {@link #withPendingEscalation} applies when the sweep has recorded escalation events
 * it has not published yet: the ticket stays in the index, due now, so the sweep publishes them and, finding no
 * timeline left, removes it. Either way no recorded transition is lost.
 */
final class ClockStop {
    private final String table;
    private final Map<String, AttributeValue> key;
    private final Map<String, AttributeValue> values = new HashMap<>();
    private final String sets;
    private final String extraCondition;

    /**
     * @param extraSets      more "name = :value" assignments (values in {@code extraValues})
     * @param extraCondition a further condition both forms must meet, or null
     */
    ClockStop(String table, SellerId seller, TicketId id, TicketStatus status, Instant at, String extraSets,
              Map<String, AttributeValue> extraValues, String extraCondition) {
        this.table = table;
        this.key = Map.of(PK, AttributeValue.fromS(TicketKeys.ticketPk(seller, id)),
                TicketKeys.SK, AttributeValue.fromS(TicketKeys.TICKET_SK));
        values.putAll(extraValues);
        values.put(":stopStatus", AttributeValue.fromS(status.wireName()));
        values.put(":stopPk", AttributeValue.fromS(TicketKeys.statusPk(seller, status)));
        values.put(":stopAt", AttributeValue.fromS(TicketKeys.time(at)));
        values.put(":dueNow", AttributeValue.fromS(TicketKeys.dueSk(at, id)));
        this.sets = "SET #status = :stopStatus, " + GSI1PK + " = :stopPk, " + GSI1SK + " = :stopAt"
                + (extraSets == null || extraSets.isBlank() ? "" : ", " + extraSets);
        this.extraCondition = extraCondition;
    }

    /**
     * The update for a clock-stopping {@link TicketTransition}: its status, stop time and the pending-escalation rule's
     * form ({@link TicketTransition#keepsDueEntry()}).
     */
    static Update of(String table, SellerId seller, TicketId id, TicketTransition transition, String extraSets,
                     Map<String, AttributeValue> extraValues, String extraCondition) {
        ClockStop stop = new ClockStop(table, seller, id, transition.after().status(), transition.after().queueKey(),
                extraSets, extraValues, extraCondition);
        return transition.keepsDueEntry() ? stop.withPendingEscalation() : stop.usual();
    }

    /** Includes a failed send's mark: an agent has acted on the ticket since. */
    private static final String FORGET = "awaitingReplySince, dueAt, " + DynamoDbDueIndex.MILESTONES + ", "
            + DynamoDbDueIndex.FIRED + ", " + FailedSend.SEND_FAILURE;

    Update usual() {
        return update(sets + " REMOVE " + FORGET + ", " + GSI3PK + ", " + GSI3SK,
                "attribute_exists(" + PK + ") AND attribute_not_exists(" + DynamoDbDueIndex.OUTBOX + ")",
                Map.of());
    }

    Update withPendingEscalation() {
        return update(sets + ", " + GSI3SK + " = :dueNow REMOVE " + FORGET,
                "attribute_exists(" + PK + ") AND attribute_exists(" + GSI3PK + ")", Map.of());
    }

    private Update update(String expression, String condition, Map<String, AttributeValue> more) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.putAll(more);
        // Only the values the expression uses may be sent.
        all.keySet().removeIf(name -> !expression.contains(name) && !(extraCondition != null && extraCondition.contains(name)));
        return Update.builder()
                .tableName(table)
                .key(key)
                .updateExpression(expression)
                .conditionExpression(extraCondition == null ? condition : condition + " AND " + extraCondition)
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(all)
                .build();
    }
}
