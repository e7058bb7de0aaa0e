package com.deskbridge.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends requests to one upstream API the way every adapter must: within the client-side quota, retrying
 * throttling (429), upstream errors (5xx) and lost connections with jittered exponential backoff (a
 * {@code Retry-After} header wins when longer), and logging the upstream's request id with each outcome.
 * Responses with other statuses are returned for the adapter to interpret (404 unknown tracking number,
 * 400 validation errors, ...). Headers are never logged, so tokens cannot leak through here.
 */
public final class UpstreamHttp {

    private static final Logger LOG = Logger.getLogger(UpstreamHttp.class.getName());

    private final String upstream;
    private final HttpClient client;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final Duration maxQuotaWait;
    private final String requestIdHeader;

    /**
     * @param upstream        a short name for logs and errors ("sp-api", "dhl")
     * @param maxQuotaWait    how long a call may wait for a quota permit before giving up with {@link QuotaExhaustedException}
     * @param requestIdHeader the header that carries the upstream's request id ({@code x-amzn-RequestId} for SP-API)
     */
    public UpstreamHttp(String upstream, HttpClient client, Backoff backoff, Sleeper sleeper,
                        Duration maxQuotaWait, String requestIdHeader) {
        this.upstream = Objects.requireNonNull(upstream);
        this.client = Objects.requireNonNull(client);
        this.backoff = Objects.requireNonNull(backoff);
        this.sleeper = Objects.requireNonNull(sleeper);
        this.maxQuotaWait = Objects.requireNonNull(maxQuotaWait);
        this.requestIdHeader = requestIdHeader;
    }

    public String upstream() {
        return upstream;
    }

    /**
     * Sends {@code request} once a permit of {@code quota} is granted; retries transient failures.
     *
     * @return the first response that is neither 429 nor 5xx
     * @throws UpstreamException when retries are used up (status 0 when no response ever arrived)
     * @throws QuotaExhaustedException when no permit becomes available within the allowed wait
     */
    public HttpResponse<String> send(HttpRequest request, Quota quota) {
        UpstreamException last = null;
        for (int attempt = 0; attempt < backoff.maxAttempts(); attempt++) {
            if (attempt > 0) {
                pause(retryDelay(attempt - 1, last));
            }
            awaitPermit(quota);
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                last = new UpstreamException(upstream, "no response from " + request.uri().getHost() + " (" + e.getClass().getSimpleName() + ")", e);
                LOG.log(Level.WARNING, () -> upstream + " " + request.method() + " " + request.uri().getPath() + " failed: " + e.getClass().getSimpleName());
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UpstreamException(upstream, "interrupted", e);
            }
            int status = response.statusCode();
            String requestId = requestIdHeader == null ? null : response.headers().firstValue(requestIdHeader).orElse(null);
            int attemptNo = attempt + 1;
            LOG.log(status >= 400 ? Level.WARNING : Level.FINE, () -> upstream + " " + request.method() + " "
                    + request.uri().getPath() + " -> " + status + " requestId=" + requestId + " attempt=" + attemptNo);
            if (status != 429 && status < 500) {
                return response;
            }
            last = new RetryableStatus(upstream, status, requestId, abbreviate(response.body()),
                    response.headers().firstValue("Retry-After").map(UpstreamHttp::parseRetryAfter).orElse(Duration.ZERO));
        }
        throw last;
    }

    private Duration retryDelay(int retry, UpstreamException last) {
        Duration jittered = backoff.delay(retry);
        if (last instanceof RetryableStatus r && r.retryAfter.compareTo(jittered) > 0) {
            return r.retryAfter;
        }
        return jittered;
    }

    private void awaitPermit(Quota quota) {
        Duration waited = Duration.ZERO;
        while (quota.take() instanceof Quota.Denied denied) {
            if (waited.plus(denied.retryAfter()).compareTo(maxQuotaWait) > 0) {
                throw new QuotaExhaustedException(upstream, denied.retryAfter());
            }
            pause(denied.retryAfter());
            waited = waited.plus(denied.retryAfter());
        }
    }

    private void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamException(upstream, "interrupted", e);
        }
    }

    static Duration parseRetryAfter(String value) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return Duration.ZERO; // HTTP-date form: fall back to our own backoff
        }
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
    }

    /** A 429 or 5xx answer, kept to decide the next wait and to report if retries run out. */
    private static final class RetryableStatus extends UpstreamException {
        private final Duration retryAfter;

        RetryableStatus(String upstream, int status, String requestId, String message, Duration retryAfter) {
            super(upstream, status, requestId, message);
            this.retryAfter = retryAfter;
        }
    }
}
