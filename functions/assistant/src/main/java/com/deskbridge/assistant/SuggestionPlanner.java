package com.deskbridge.assistant;

import com.deskbridge.assistant.SuggestionFacts.ActionStatus;
import com.deskbridge.assistant.SuggestionFacts.Fulfilment;
import com.deskbridge.macros.BuiltInMacros;
import com.deskbridge.macros.Macro;
import com.deskbridge.macros.MacroCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which macros to propose for which facts: at most {@value #MAX} per ticket, the one for the intent and the order's
 * situation first. Pure: the caller renders each candidate with the ticket's live data and checks it.
 *
 * <ul>
 *   <li>Where is my order / delivery problem: an order Amazon fulfils (FBA) gets the referral to Amazon's customer
 *       service with Amazon's tracking number (Amazon handles delivery questions on FBA orders); an order the seller
 *       ships (FBM, MCF) gets the shipping update with the live tracking status (with the carrier link first where
 *       the seller enabled links); an order not known yet gets both, each naming what it still lacks.</li>
 *   <li>Cancellation request: the cancellation confirmation once Amazon confirmed the cancellation (COMPLETED); while
 *       the cancellation is on its way to Amazon, the acknowledgement that it was passed on (the confirmation shown
 *       waiting); on an order that has already shipped, the answer that it can no longer be cancelled with what to do
 *       instead (refuse the parcel or return it); otherwise the confirmation is shown waiting for the cancellation.</li>
 *   <li>Refund request: the refund confirmation with the amount once Amazon confirmed a refund; without one it is shown
 *       naming the missing amount, while one is in flight it waits; the return instructions come second.</li>
 *   <li>Return: the return instructions; damaged item: the damaged-item options; positive feedback: the thanks.</li>
 *   <li>Whatever the intent, a confirmed cancellation or refund on the ticket offers its confirmation.</li>
 *   <li>The seller's own macros for the intent follow the built-in that fits the situation (they are the seller's
 *       words for the intent, but know nothing of the order's state).</li>
 * </ul>
 * A macro missing from the seller's catalog (the carrier-link update while links are off) is skipped.
 */
public final class SuggestionPlanner {
    /** The most suggestions per ticket. */
    public static final int MAX = 3;

    private SuggestionPlanner() {
    }

    public static List<Candidate> plan(SuggestionFacts facts, MacroCatalog catalog) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(catalog, "catalog");
        Map<String, Candidate> chosen = new LinkedHashMap<>();
        String intent = facts.intent();
        if (intent == null || !MacroCatalog.INTENTS.contains(intent)) {
            return List.of();
        }
        List<Candidate> situational = new ArrayList<>();
        List<Candidate> later = new ArrayList<>();
        switch (intent) {
            case "WHERE_IS_MY_ORDER", "DELIVERY_PROBLEM" -> delivery(facts, situational);
            case "CANCELLATION_REQUEST" -> cancellationRequest(facts, situational);
            case "REFUND_REQUEST" -> {
                situational.add(refund(facts.refund()));
                later.add(new Candidate(BuiltInMacros.RETURN_REQUEST, "a refund usually follows the return of the item: "
                        + "how to start the return in the Amazon account", null));
            }
            case "RETURN" -> situational.add(new Candidate(BuiltInMacros.RETURN_REQUEST,
                    "return request: how to start the return in the Amazon account", null));
            case "DAMAGED_ITEM" -> situational.add(new Candidate(BuiltInMacros.DAMAGED_ITEM,
                    "damaged item: asks for photos and offers a replacement or a refund", null));
            case "POSITIVE_FEEDBACK" -> situational.add(new Candidate(BuiltInMacros.POSITIVE_FEEDBACK_THANKS,
                    "kind words: a thank-you (it asks for nothing, no review request)", null));
            default -> {
                // product questions and anything else: only the seller's own macros know the answer
            }
        }
        if (facts.cancellation() == ActionStatus.COMPLETED) {
            later.add(cancellation(ActionStatus.COMPLETED));
        }
        if (facts.refund() == ActionStatus.COMPLETED) {
            later.add(refund(ActionStatus.COMPLETED));
        }
        add(chosen, situational, catalog);
        for (Macro own : catalog.suggest(intent)) {
            if (!own.builtIn()) {
                add(chosen, List.of(new Candidate(own.id(), "the seller's own macro for " + readable(intent), null)), catalog);
            }
        }
        add(chosen, later, catalog);
        return chosen.values().stream().limit(MAX).toList();
    }

    private static void delivery(SuggestionFacts facts, List<Candidate> out) {
        Fulfilment f = facts.fulfilment();
        if (f == Fulfilment.FBA) {
            out.add(new Candidate(BuiltInMacros.FBA_AMAZON_SUPPORT, "Amazon fulfils this order (FBA): Amazon's customer "
                    + "service answers delivery questions; the reply gives Amazon's tracking number", null));
            return;
        }
        String shipped = f == Fulfilment.MCF ? "Amazon ships this order for the seller (MCF)" : "the seller ships this order (FBM)";
        String tracking = facts.trackingKnown() ? "the shipping update with the parcel's live tracking status"
                : "the shipping update; no tracking number is known yet";
        if (f == Fulfilment.UNKNOWN) {
            out.add(new Candidate(BuiltInMacros.FBM_SHIPPING_UPDATE_WITH_LINK, "the order is not known yet: the shipping "
                    + "update with a carrier link, if the seller ships it", null));
            out.add(new Candidate(BuiltInMacros.FBM_SHIPPING_UPDATE, "the order is not known yet: the shipping update, "
                    + "if the seller ships it", null));
            out.add(new Candidate(BuiltInMacros.FBA_AMAZON_SUPPORT, "the order is not known yet: the referral to "
                    + "Amazon, if Amazon fulfils it", null));
            return;
        }
        out.add(new Candidate(BuiltInMacros.FBM_SHIPPING_UPDATE_WITH_LINK, shipped + ": " + tracking
                + " and the carrier's tracking link", null));
        out.add(new Candidate(BuiltInMacros.FBM_SHIPPING_UPDATE, shipped + ": " + tracking, null));
    }

    private static void cancellationRequest(SuggestionFacts facts, List<Candidate> out) {
        if (facts.cancellation() == ActionStatus.PENDING) {
            out.add(new Candidate(BuiltInMacros.CANCELLATION_REQUESTED,
                    "the cancellation is on its way to Amazon: the acknowledgement that it was passed on", null));
        } else if (facts.cancellation() != ActionStatus.COMPLETED && facts.orderShipped()) {
            out.add(new Candidate(BuiltInMacros.CANCELLATION_ALREADY_SHIPPED, "the order has already shipped: too late to "
                    + "cancel; refuse the parcel or return it", null));
        }
        out.add(cancellation(facts.cancellation()));
    }

    private static Candidate cancellation(ActionStatus status) {
        return switch (status) {
            case COMPLETED -> new Candidate(BuiltInMacros.CANCELLATION_CONFIRMATION,
                    "Amazon confirmed the cancellation: the cancellation confirmation", null);
            case PENDING -> new Candidate(BuiltInMacros.CANCELLATION_CONFIRMATION,
                    "the cancellation is on its way to Amazon", "Amazon's confirmation of the cancellation");
            default -> new Candidate(BuiltInMacros.CANCELLATION_CONFIRMATION, "the buyer asks to cancel",
                    "the cancellation: cancel the order first");
        };
    }

    private static Candidate refund(ActionStatus status) {
        return switch (status) {
            case COMPLETED -> new Candidate(BuiltInMacros.REFUND_CONFIRMATION,
                    "Amazon confirmed the refund: the refund confirmation with its amount", null);
            case PENDING -> new Candidate(BuiltInMacros.REFUND_CONFIRMATION, "a refund is on its way to Amazon",
                    "Amazon's confirmation of the refund");
            default -> new Candidate(BuiltInMacros.REFUND_CONFIRMATION,
                    "the buyer asks for a refund: the confirmation, once a refund is issued", null);
        };
    }

    private static void add(Map<String, Candidate> chosen, List<Candidate> candidates, MacroCatalog catalog) {
        for (Candidate c : candidates) {
            if (catalog.find(c.macroId()).isPresent()) {
                chosen.putIfAbsent(c.macroId(), c);
            }
        }
    }

    private static String readable(String intent) {
        return intent.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
