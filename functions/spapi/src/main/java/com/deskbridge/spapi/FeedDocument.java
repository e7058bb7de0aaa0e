package com.deskbridge.spapi;

import java.net.URI;
import java.util.Optional;

/**
 * The answer to {@code getFeedDocument}: a pre-signed download URL and, when Amazon compressed the content,
 * {@code compressionAlgorithm} ({@code GZIP}). {@link #toString()} hides the URL's signature.
 */
public record FeedDocument(String feedDocumentId, URI url, Optional<String> compressionAlgorithm) {

    public boolean gzip() {
        return compressionAlgorithm.map("GZIP"::equalsIgnoreCase).orElse(false);
    }

    @Override
    public String toString() {
        return "FeedDocument[feedDocumentId=" + feedDocumentId + ", url=" + withoutQuery(url) + ", compressionAlgorithm="
                + compressionAlgorithm.orElse("none") + "]";
    }

    static String withoutQuery(URI url) {
        String s = url.toString();
        int q = s.indexOf('?');
        return q < 0 ? s : s.substring(0, q) + "?…";
    }
}
