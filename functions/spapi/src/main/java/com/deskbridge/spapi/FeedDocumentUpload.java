package com.deskbridge.spapi;

import java.net.URI;

/**
 * The answer to {@code createFeedDocument}: the document id to pass to {@code createFeed} and the pre-signed
 * URL (valid 5 minutes) to PUT the content to. The URL is a bearer credential, so {@link #toString()} hides
 * its query string.
 */
public record FeedDocumentUpload(String feedDocumentId, URI url) {

    @Override
    public String toString() {
        return "FeedDocumentUpload[feedDocumentId=" + feedDocumentId + ", url=" + FeedDocument.withoutQuery(url) + "]";
    }
}
