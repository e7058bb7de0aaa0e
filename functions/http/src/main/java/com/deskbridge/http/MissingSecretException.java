package com.deskbridge.http;

/**
 * The named secret does not exist (Secrets Manager's ResourceNotFoundException): for a seller's SP-API secret this
 * means the seller has not connected their Amazon account. Not transient: retrying cannot help. The message names the
 * secret, never a value.
 */
public final class MissingSecretException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final String secretName;

    public MissingSecretException(String secretName) {
        super("secret " + secretName + " does not exist");
        this.secretName = secretName;
    }

    public String secretName() {
        return secretName;
    }
}
