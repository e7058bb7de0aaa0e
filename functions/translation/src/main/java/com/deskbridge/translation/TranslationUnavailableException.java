package com.deskbridge.translation;

/** The translation engine cannot answer now (throttled, service unavailable, no response); a later call may. */
public class TranslationUnavailableException extends RuntimeException {

    public TranslationUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
