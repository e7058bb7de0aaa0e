package com.deskbridge.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail. {@code type} is stable (clients switch on it); {@code detail} is for people;
 * {@code field} names the offending input where there is one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String field, String requestId) {
    static final String TYPE_PREFIX = "urn:deskbridge:problem:";

    static Problem of(String slug, String title, int status, String detail, String instance, String field, String requestId) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, instance, field, requestId);
    }
}
