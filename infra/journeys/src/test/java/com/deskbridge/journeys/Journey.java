package com.deskbridge.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What every journey shares: the one local system, the rule-enforcing API client, the intake queue, IMAP, and after
 * each journey the check that nothing it got accepted ended silently and that the console raised no script error.
 * Each journey prints its wall time.
 */
@ExtendWith(Journey.Timer.class)
abstract class Journey {
    /** Generous bound for asynchronous steps on a shared 2-core machine; every wait ends as soon as its condition holds. */
    static final Duration LIMIT = Duration.ofSeconds(60);

    static JourneySystem.Endpoints system;
    static Api api;
    static Intake intake;
    static Mailbox mail;

    @BeforeAll
    static void system() {
        system = JourneySystem.get();
        api = new Api(system);
        intake = new Intake(system);
        mail = new Mailbox(system);
    }

    @AfterEach
    void nothingAcceptedEndedSilently() {
        try {
            Console.noScriptErrors();
            Ledger.assertEverythingAcceptedIsFinal(api);
        } finally {
            Console.release();
        }
    }

    static String agentToken(String seller) {
        return api.token("agent-" + seller, seller, false);
    }

    static String leadToken(String seller) {
        return api.token("lead-" + seller, seller, true);
    }

    /** Polls (bounded, not a timing assertion) until {@code done} holds; returns the last value. */
    static <T> T await(String what, Supplier<T> probe, Predicate<T> done, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        T value = probe.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + limit + " for " + what + "; last: " + value);
            }
            pause();
            value = probe.get();
        }
        return value;
    }

    static <T> T await(String what, Supplier<T> probe, Predicate<T> done) {
        return await(what, probe, done, LIMIT);
    }

    static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The one ticket of the seller whose messages include {@code externalMessageId}, once intake made it. */
    static JsonNode ticketWithMessage(String token, String externalMessageId) {
        String id = await("a ticket with message " + externalMessageId, () -> {
            for (String status : new String[] {"open", "pending", "closed"}) {
                for (JsonNode t : api.get("/tickets?status=" + status + "&limit=100", token).json().path("items")) {
                    JsonNode detail = api.get("/tickets/" + t.path("id").asText(), token).json();
                    for (JsonNode m : detail.path("messages")) {
                        if (externalMessageId.equals(m.path("externalMessageId").asText())) {
                            return t.path("id").asText();
                        }
                    }
                }
            }
            return null;
        }, java.util.Objects::nonNull);
        return api.get("/tickets/" + id, token).json();
    }

    /** The ticket once its order and tracking context is in (COMPLETE or PARTIAL). */
    static JsonNode withContext(String token, String ticketId) {
        JsonNode t = await("order and tracking context on " + ticketId, () -> api.get("/tickets/" + ticketId, token).json(),
                x -> x.path("enrichment").path("state").asText().matches("COMPLETE|PARTIAL|FAILED"));
        assertThat(t.path("enrichment").path("state").asText()).as(t.toString()).isIn("COMPLETE", "PARTIAL");
        return t;
    }

    /**
     * The rule for refused requests: {@code request} is answered 4xx and the seller's tickets and actions are the same
     * after it as before it.
     */
    static Api.Response refused(String token, String what, Supplier<Api.Response> request) {
        Tenant before = Tenant.snapshot(api, token);
        Api.Response response = request.get();
        assertThat(response.status()).as(what + ": " + response).isBetween(400, 499);
        Tenant.assertUnchanged(before, Tenant.snapshot(api, token), what);
        return response;
    }

    /** The ticket's refunds and cancellations, once at least one is recorded. */
    static JsonNode recordedActions(String token, String ticketId) {
        return await("an action recorded on " + ticketId, () -> api.get("/tickets/" + ticketId + "/actions", token).json().path("actions"),
                a -> a.size() > 0);
    }

    /** The action once Amazon's answer is in. */
    static JsonNode finalAction(String token, String ticketId, String actionId) {
        return await("action " + actionId + " final", () -> api.get("/tickets/" + ticketId + "/actions/" + actionId, token).json(),
                a -> a.path("state").asText().matches("COMPLETED|FAILED|ATTENTION_REQUIRED"), Ledger.BOUND);
    }

    /** Prints each journey's wall time (the after-each checks included). */
    static final class Timer implements BeforeEachCallback, AfterEachCallback {
        private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(Timer.class);

        @Override
        public void beforeEach(ExtensionContext context) {
            context.getStore(NS).put("start", System.nanoTime());
        }

        @Override
        public void afterEach(ExtensionContext context) {
            long start = context.getStore(NS).remove("start", Long.class);
            System.out.printf("[journey] %s > %s: %d ms%s%n", context.getRequiredTestClass().getSimpleName(),
                    context.getDisplayName(), (System.nanoTime() - start) / 1_000_000,
                    context.getExecutionException().isPresent() ? " (failed)" : "");
        }
    }
}
