package com.deskbridge.adapters.sqs;

/**
 * The one way an SQS handler says that a message can never succeed (bad JSON, a missing or malformed field, a
 * hostile e-mail, a reply that does not exist): {@link SqsBatch} moves it to the queue's DLQ at once with this
 * reason in the {@code deskbridge-error-reason} attribute, instead of retrying it. The reason is for operators: it
 * never quotes buyer text.
 */
public class PoisonMessageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PoisonMessageException(String reason) {
        super(reason);
    }

    public PoisonMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
