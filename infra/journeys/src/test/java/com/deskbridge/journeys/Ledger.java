package com.deskbridge.journeys;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything the system accepted during a journey (a reply or action answered 202, a message put on the intake queue)
 * and the rule that nothing accepted ends silently: each must reach a final state an agent can see within a bounded
 * wait. A reply is final when it is {@code sent} or {@code failed} (with its reason), an action when Amazon's answer
 * is in ({@code COMPLETED}, {@code FAILED}) or it asks for attention, an intake message when it is on a ticket.
 */
final class Ledger {
    private static final Pattern REPLY = Pattern.compile("/tickets/([^/]+)/replies");
    private static final Pattern ACTION = Pattern.compile("/tickets/([^/]+)/(refunds|cancellation)");
    private static final Set<String> FINAL_SEND = Set.of("sent", "failed");
    private static final Set<String> FINAL_ACTION = Set.of("COMPLETED", "FAILED", "ATTENTION_REQUIRED", "REJECTED");
    static final Duration BOUND = Duration.ofSeconds(90);

    /** One accepted thing, the journey (thread) that caused it, and how to look at it. */
    record Entry(String kind, String token, String ticketId, String id, long journey) {
        Entry(String kind, String token, String ticketId, String id) {
            this(kind, token, ticketId, id, Thread.currentThread().getId());
        }
    }

    private static final List<Entry> OPEN = new CopyOnWriteArrayList<>();

    /** What the calling journey got accepted and has not seen final yet (journeys may run in parallel). */
    private static List<Entry> mine() {
        long me = Thread.currentThread().getId();
        return OPEN.stream().filter(e -> e.journey() == me).toList();
    }

    private Ledger() {
    }

    static void recordIfAccepted(Api api, String method, String rawPath, String token, Api.Response response) {
        if (!method.equals("POST") || response.status() != 202) {
            return;
        }
        Matcher reply = REPLY.matcher(rawPath);
        if (reply.matches()) {
            OPEN.add(new Entry("reply", token, reply.group(1), response.json().path("reply").path("messageKey").asText()));
            return;
        }
        Matcher action = ACTION.matcher(rawPath);
        if (action.matches()) {
            OPEN.add(new Entry("action", token, action.group(1), response.json().path("actionId").asText()));
        }
    }

    /** An intake message the queue accepted, identified by its channel message id. */
    static void intakeAccepted(String token, String externalMessageId) {
        OPEN.add(new Entry("message", token, null, externalMessageId));
    }

    /** Waits (bounded) until everything accepted so far is final; fails naming what is not. */
    static void assertEverythingAcceptedIsFinal(Api api) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        List<Entry> pending = mine();
        while (true) {
            List<String> notFinal = new ArrayList<>();
            for (Entry e : pending) {
                String state = state(api, e);
                if (state == null) {
                    notFinal.add(e + " (not yet visible)");
                } else if (!isFinal(e, state)) {
                    notFinal.add(e + " (" + state + ")");
                } else {
                    OPEN.remove(e);
                }
            }
            if (notFinal.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("rule: nothing accepted ends silently. Not final within " + BOUND + ": " + notFinal);
            }
            pending = mine();
            sleep();
        }
    }

    private static boolean isFinal(Entry e, String state) {
        return switch (e.kind()) {
            case "reply" -> FINAL_SEND.contains(state);
            case "action" -> FINAL_ACTION.contains(state);
            default -> state.equals("on a ticket");
        };
    }

    private static String state(Api api, Entry e) {
        switch (e.kind()) {
            case "reply": {
                JsonNode ticket = api.get("/tickets/" + e.ticketId(), e.token()).json();
                for (JsonNode m : ticket.path("messages")) {
                    if (e.id().equals(m.path("id").asText()) || e.id().equals(m.path("externalMessageId").asText())) {
                        return m.path("sendStatus").asText(null);
                    }
                }
                return null;
            }
            case "action":
                return api.get("/tickets/" + e.ticketId() + "/actions/" + e.id(), e.token()).json().path("state").asText(null);
            default:
                return Tenant.snapshot(api, e.token()).hasMessage(e.id()) ? "on a ticket" : null;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }
}
