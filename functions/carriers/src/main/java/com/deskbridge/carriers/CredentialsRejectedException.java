package com.deskbridge.carriers;

/**
 * The carrier refused our credentials even after a fresh token (or re-read key). Names the upstream and the secret,
 * never its contents: an operator has to fix the secret, retrying will not help.
 */
final class CredentialsRejectedException extends RuntimeException {
    CredentialsRejectedException(String upstream, String secretName) {
        super(upstream + " rejected the credentials in secret " + secretName);
    }
}
