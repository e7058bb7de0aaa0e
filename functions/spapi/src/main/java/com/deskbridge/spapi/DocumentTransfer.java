package com.deskbridge.spapi;

import com.deskbridge.http.Backoff;
import com.deskbridge.http.Sleeper;
import com.deskbridge.http.UpstreamException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.GZIPInputStream;

/**
 * Moves feed documents to and from Amazon's pre-signed S3 URLs: a plain PUT/GET without the SP-API access
 * token (the URL is the credential), byte bodies (documents may be GZIP, feeds_2021-06-30.json getFeedDocument compressionAlgorithm). Lost
 * connections and 5xx are retried with the same jittered backoff as {@link com.deskbridge.http.UpstreamHttp},
 * which is not used here because it reads bodies as text. URLs are never logged with their signature.
 */
final class DocumentTransfer {

    private static final Logger LOG = Logger.getLogger(DocumentTransfer.class.getName());

    private final HttpClient client;
    private final Backoff backoff;
    private final Sleeper sleeper;

    DocumentTransfer(HttpClient client, Backoff backoff, Sleeper sleeper) {
        this.client = client;
        this.backoff = backoff;
        this.sleeper = sleeper;
    }

    void upload(URI url, String contentType, byte[] content) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build();
        HttpResponse<byte[]> response = send(request);
        if (response.statusCode() / 100 != 2) {
            throw new UpstreamException("feed-document-upload", response.statusCode(), requestId(response), s3Code(response));
        }
    }

    /** The document's content, decompressed when {@code gzip}. */
    byte[] download(URI url, boolean gzip) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60)).GET().build();
        HttpResponse<byte[]> response = send(request);
        if (response.statusCode() / 100 != 2) {
            throw new UpstreamException("feed-document-download", response.statusCode(), requestId(response), s3Code(response));
        }
        if (!gzip) {
            return response.body();
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("feed document announced as GZIP could not be decompressed", e);
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        UpstreamException last = null;
        for (int attempt = 0; attempt < backoff.maxAttempts(); attempt++) {
            if (attempt > 0) {
                try {
                    sleeper.sleep(backoff.delay(attempt - 1));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new UpstreamException("feed-document", "interrupted", e);
                }
            }
            try {
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() < 500) {
                    return response;
                }
                last = new UpstreamException("feed-document", response.statusCode(), requestId(response), s3Code(response));
            } catch (IOException e) {
                last = new UpstreamException("feed-document", "no response (" + e.getClass().getSimpleName() + ")", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UpstreamException("feed-document", "interrupted", e);
            }
            int attemptNo = attempt + 1;
            UpstreamException failure = last;
            LOG.log(Level.WARNING, () -> "feed document " + request.method() + " " + FeedDocument.withoutQuery(request.uri())
                    + " failed (attempt " + attemptNo + "): " + failure.getMessage());
        }
        throw last;
    }

    private static String requestId(HttpResponse<?> response) {
        return response.headers().firstValue("x-amz-request-id").or(() -> response.headers().firstValue("x-amzn-RequestId")).orElse(null);
    }

    /** The S3 error code from an XML error body ({@code <Code>SignatureDoesNotMatch</Code>}), if any. */
    private static String s3Code(HttpResponse<byte[]> response) {
        String body = new String(response.body() == null ? new byte[0] : response.body(), java.nio.charset.StandardCharsets.UTF_8);
        int start = body.indexOf("<Code>");
        int end = body.indexOf("</Code>");
        return start >= 0 && end > start ? body.substring(start + 6, end) : "";
    }
}
