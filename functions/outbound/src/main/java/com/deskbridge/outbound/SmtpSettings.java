package com.deskbridge.outbound;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how {@link SmtpOutboundChannel} connects. In AWS this is the SES SMTP endpoint with
 * {@link Security#STARTTLS} and a credentials secret; in the local runner an in-process test server with
 * {@link Security#NONE} and no secret.
 *
 * @param host              SMTP host name
 * @param port              e.g. 587 for STARTTLS, 465 for SMTPS, any port for a local test server
 * @param security          transport security
 * @param credentialsSecret name of the secret with fields {@code username} and {@code password}
 *                          ({@link com.deskbridge.http.SecretSource}); null for a server without authentication
 * @param timeout           connect, read and write timeout
 * @param heloName          the name announced in EHLO, or null for the local host name
 */
public record SmtpSettings(String host, int port, Security security, String credentialsSecret, Duration timeout,
                           String heloName) {

    /** Transport security. */
    public enum Security {
        /** Plain SMTP; only for a local test server. */
        NONE,
        /** Upgrade with STARTTLS and refuse to send if the server does not offer it (SES on 587). */
        STARTTLS,
        /** TLS from the first byte (SES on 465). */
        SMTPS
    }

    public SmtpSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1-65535");
        }
        Objects.requireNonNull(security, "security");
        timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        credentialsSecret = credentialsSecret == null || credentialsSecret.isBlank() ? null : credentialsSecret;
    }

    /** A local server without TLS or authentication (the local runner's test server). */
    public static SmtpSettings local(String host, int port) {
        return new SmtpSettings(host, port, Security.NONE, null, Duration.ofSeconds(10), null);
    }
}
