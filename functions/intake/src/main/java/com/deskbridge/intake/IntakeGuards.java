package com.deskbridge.intake;

import com.deskbridge.adapters.config.Env;

/**
 * What the intake function holds every message to beyond its wiring (issue 12): the one bucket relay mail may be
 * read from, and the queue's maxReceiveCount, on which a message that keeps failing goes to the DLQ with its reason.
 *
 * @param rawMailBucket the raw-mail bucket (template.yaml RawMailBucket, RAW_MAIL_BUCKET); null trusts no S3
 *                      notification at all
 * @param maxReceives   the intake queue's maxReceiveCount (INTAKE_MAX_RECEIVES); 0 leaves the last delivery to SQS
 */
public record IntakeGuards(String rawMailBucket, int maxReceives) {
    /** No bucket pinned (S3 notifications are poison), SQS's redrive for what keeps failing. */
    public static final IntakeGuards NONE = new IntakeGuards(null, 0);

    /** From the environment template.yaml sets. */
    public static IntakeGuards fromEnvironment() {
        return new IntakeGuards(Env.require("RAW_MAIL_BUCKET"), Integer.parseInt(Env.get("INTAKE_MAX_RECEIVES").orElse("0")));
    }

    /** Relay mail from {@code bucket} only. */
    public static IntakeGuards rawMailFrom(String bucket) {
        return new IntakeGuards(bucket, 0);
    }
}
