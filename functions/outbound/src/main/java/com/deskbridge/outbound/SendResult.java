package com.deskbridge.outbound;

import java.util.Objects;

/**
 * What became of one send. The reasons are for agents and logs: they carry the server's status and text, never a
 * credential.
 */
public sealed interface SendResult permits SendResult.Sent, SendResult.RetryableFailure, SendResult.PermanentFailure {

    /** The server accepted the reply. @param messageId the Message-ID header, with angle brackets */
    record Sent(String messageId) implements SendResult {
        public Sent {
            Objects.requireNonNull(messageId, "messageId");
        }
    }

    /** A temporary failure (SMTP 4xx, connection refused or lost, timeout): send again later. */
    record RetryableFailure(String reason) implements SendResult {
        public RetryableFailure {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A failure that retrying will not fix (SMTP 5xx such as 550 mailbox unavailable, bad credentials). */
    record PermanentFailure(String reason) implements SendResult {
        public PermanentFailure {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
