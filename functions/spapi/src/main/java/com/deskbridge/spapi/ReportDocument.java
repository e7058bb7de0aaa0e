package com.deskbridge.spapi;

import java.net.URI;
import java.util.Optional;

/**
 * The answer to {@code getReportDocument}: a pre-signed download URL (valid for minutes, no access token needed) and,
 * when Amazon compressed the content, {@code compressionAlgorithm} ({@code GZIP}). {@link #toString()} hides the
 * URL's signature.
 */
public record ReportDocument(String reportDocumentId, URI url, Optional<String> compressionAlgorithm) {

    public boolean gzip() {
        return compressionAlgorithm.map("GZIP"::equalsIgnoreCase).orElse(false);
    }

    @Override
    public String toString() {
        return "ReportDocument[reportDocumentId=" + reportDocumentId + ", url=" + FeedDocument.withoutQuery(url)
                + ", compressionAlgorithm=" + compressionAlgorithm.orElse("none") + "]";
    }
}
