package com.deskbridge.carriers;

/** The carrier answered something we cannot read; the message says what was missing, never the body. */
final class MalformedResponseException extends RuntimeException {
    MalformedResponseException(String message) {
        super(message);
    }

    MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
