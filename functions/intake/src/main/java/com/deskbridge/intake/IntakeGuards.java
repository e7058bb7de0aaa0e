package com.deskbridge.intake;

import com.deskbridge.adapters.config.Env;
import com.deskbridge.adapters.logging.SecurityEvents;
import java.time.Clock;

/**
 * What the intake functions hold every message to beyond their wiring (issue 12): the one bucket relay mail may be
 * read from, the queue's maxReceiveCount (on that delivery a message that keeps failing goes to the DLQ with its
 * reason), and the flood gate that keeps one seller's flood off the path every seller shares.
 *
 * @param rawMailBucket the raw-mail bucket (template.yaml RawMailBucket, RAW_MAIL_BUCKET); null trusts no S3
 *                      notification at all
 * @param maxReceives   the queue's maxReceiveCount (INTAKE_MAX_RECEIVES); 0 leaves the last delivery to SQS
 * @param flood         the gate in front of the intake queue (INTAKE_TENANT_SHARE_PER_MINUTE > 0 and
 *                      INTAKE_OVERFLOW_QUEUE_URL); null on the overflow queue, or when off
 * @param forwarded     true for the overflow queue's function: its records were forwarded by the intake function
 * @param events        where refused relay mail and floods are recorded as security events
 */
public record IntakeGuards(String rawMailBucket, int maxReceives, FloodGate flood, boolean forwarded,
                           SecurityEvents events) {
    /** No bucket pinned (S3 notifications are poison), SQS's redrive for what keeps failing, no flood gate. */
    public static final IntakeGuards NONE = new IntakeGuards(null, 0, null, false, SecurityEvents.standard());

    /** The intake queue's function, from the environment template.yaml sets. */
    public static IntakeGuards fromEnvironment(IntakeWiring.Clients clients) {
        int share = Integer.parseInt(Env.get("INTAKE_TENANT_SHARE_PER_MINUTE").orElse("0"));
        SecurityEvents events = SecurityEvents.standard();
        FloodGate flood = share <= 0 ? null : new FloodGate(
                new DynamoDbTenantShares(clients.dynamo(), Env.require("TICKETS_TABLE")),
                new SqsOverflowQueue(clients.sqs(), Env.require("INTAKE_OVERFLOW_QUEUE_URL")), share, events,
                Clock.systemUTC());
        return new IntakeGuards(Env.require("RAW_MAIL_BUCKET"), maxReceivesFromEnvironment(), flood, false, events);
    }

    /** The overflow queue's function, from the environment template.yaml sets. */
    public static IntakeGuards forOverflowFromEnvironment() {
        return new IntakeGuards(Env.require("RAW_MAIL_BUCKET"), maxReceivesFromEnvironment(), null, true,
                SecurityEvents.standard());
    }

    /** Relay mail from {@code bucket} only. */
    public static IntakeGuards rawMailFrom(String bucket) {
        return new IntakeGuards(bucket, 0, null, false, SecurityEvents.standard());
    }

    /** These guards with a flood gate that lets each seller {@code sharePerMinute} messages a minute through. */
    public IntakeGuards withFloodGate(TenantShares shares, OverflowQueue overflow, int sharePerMinute, Clock clock) {
        return new IntakeGuards(rawMailBucket, maxReceives, new FloodGate(shares, overflow, sharePerMinute, events, clock),
                forwarded, events);
    }

    /** These guards for the overflow queue's function. */
    public IntakeGuards forOverflow() {
        return new IntakeGuards(rawMailBucket, maxReceives, null, true, events);
    }

    /** These guards recording security events with {@code recorder}. */
    public IntakeGuards withEvents(SecurityEvents recorder) {
        return new IntakeGuards(rawMailBucket, maxReceives, flood, forwarded, recorder);
    }

    /** The DynamoDB counters of the tickets table and the overflow queue, for tests against emulators. */
    public static TenantShares sharesIn(software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo, String table) {
        return new DynamoDbTenantShares(dynamo, table);
    }

    public static OverflowQueue overflowQueue(software.amazon.awssdk.services.sqs.SqsClient sqs, String queueUrl) {
        return new SqsOverflowQueue(sqs, queueUrl);
    }

    private static int maxReceivesFromEnvironment() {
        return Integer.parseInt(Env.get("INTAKE_MAX_RECEIVES").orElse("0"));
    }
}
