package com.deskbridge.api;

import com.deskbridge.domain.ticket.IdempotencyKeyReusedException;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.domain.ticket.TicketNotFoundException;
import com.deskbridge.http.QuotaExhaustedException;
import com.deskbridge.http.UpstreamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps what a route threw onto RFC 9457 problem+json: a stable type, a detail, the field, the request id. */
final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    static ApiResponse answer(RuntimeException thrown, ApiRequest request, String requestId) {
        String path = request.path();
        if (thrown instanceof ApiProblem e) {
            return ApiResponse.problem(e.toProblem(path, requestId));
        }
        if (thrown instanceof ApiLimits.RateLimitedException e) {
            LOG.warn("requestId={} route={} rate limited: {}", requestId, request.routeKey(), e.getMessage());
            return ApiResponse.problem(Problem.of("rate-limited", "Too many requests", 429,
                    e.getMessage() + "; retry after Retry-After seconds", path, null, requestId))
                    .withHeader("retry-after", Long.toString(Math.max(1, (e.retryAfter.toMillis() + 999) / 1000)));
        }
        if (thrown instanceof InvalidInputException e) {
            return ApiResponse.problem(Problem.of("invalid-parameter", "Invalid request parameter", 400,
                    e.getMessage(), path, e.field(), requestId));
        }
        if (thrown instanceof IdempotencyKeyReusedException e) {
            return ApiResponse.problem(Problem.of("idempotency-key-reused", "Idempotency-Key already used for another request",
                    422, e.getMessage(), path, "Idempotency-Key", requestId));
        }
        if (thrown instanceof TicketNotFoundException e) {
            return ApiResponse.problem(Problem.of("ticket-not-found", "Ticket not found", 404,
                    "no ticket " + e.ticketId() + " for this seller", path, null, requestId));
        }
        if (thrown instanceof UpstreamException e) {
            LOG.warn("requestId={} route={} upstream unavailable: {}", requestId, request.routeKey(), e.getMessage());
            long retryAfter = e instanceof QuotaExhaustedException q ? Math.max(1, q.retryAfter().toSeconds()) : 30;
            return ApiResponse.problem(Problem.of("upstream-unavailable", "Amazon or a carrier is unavailable", 503,
                    e.upstream() + " did not answer in time; retry with the same Idempotency-Key", path, null, requestId))
                    .withHeader("retry-after", Long.toString(retryAfter));
        }
        if (thrown instanceof com.deskbridge.channels.ChannelUnavailableException e) {
            LOG.warn("requestId={} route={} channel unavailable: {}", requestId, request.routeKey(), e.getMessage());
            long retryAfter = e.retryAfter().map(d -> Math.max(1, d.toSeconds())).orElse(30L);
            return ApiResponse.problem(Problem.of("upstream-unavailable", "Amazon or a carrier is unavailable", 503,
                    "eBay or Shopify did not answer in time (" + e.getMessage() + "); retry with the same Idempotency-Key", path,
                    null, requestId)).withHeader("retry-after", Long.toString(retryAfter));
        }
        LOG.error("requestId={} route={} failed", requestId, request.routeKey(), thrown);
        return ApiResponse.problem(Problem.of("internal-error", "Internal error", 500,
                "the request failed; quote the requestId when reporting it", path, null, requestId));
    }
}
