package com.deskbridge.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.logistics.EvidenceChain;
import com.deskbridge.logistics.EvidenceLog;
import com.deskbridge.reviews.ReviewRequests;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import com.deskbridge.spapi.Region;

/**
 * Issue 13's fix: once Amazon accepted a review request, the agent is answered REQUESTED even when writing the evidence
 * entry fails (the SP-API simulator's Solicitations API, DynamoDB Local, the real evidence log behind a wrapper that
 * fails): the write is retried, and an entry still missing is written by the next status read.
 */
class ReviewRequestEvidenceTest {
    private static final String ORDER = Harness.orderId(7);

    /** Order 7 delivered ten days ago: inside Amazon's 5-30 day window. */
    private static void delivered(ObjectNode world) {
        for (var order : world.path("orders")) {
            if (order.path("orderId").asText().equals(ORDER)) {
                ((ObjectNode) order).put("latestDeliveryDate", "-P10D");
            }
        }
    }

    /** The real evidence log, failing the first {@code failures} appends as an unreachable table would. */
    private static EvidenceLog failing(EvidenceLog real, AtomicInteger failures) {
        return new EvidenceLog() {
            @Override
            public EvidenceChain.Entry append(String sellerId, String ticketId, String kind, Map<String, String> payload) {
                if (failures.getAndDecrement() > 0) {
                    throw new IllegalStateException("evidence table unavailable");
                }
                return real.append(sellerId, ticketId, kind, payload);
            }

            @Override
            public StoredChain chain(String sellerId, String ticketId) {
                return real.chain(sellerId, ticketId);
            }
        };
    }

    private static long reviewEntries(Harness h, String ticket) {
        return h.evidence.chain(h.sellerId, ticket).entries().stream()
                .filter(e -> e.kind().equals(ReviewRequests.EVIDENCE_KIND)).count();
    }

    @Test
    void anEvidenceWriteThatFailsOnceIsRetriedAndTheAgentGetsTheRecordedState() {
        try (Harness h = new Harness(ReviewRequestEvidenceTest::delivered, FaultPoint.NONE)) {
            String ticket = h.ticket();
            ReviewRequests reviews = new ReviewRequests(h.spApi.solicitations(), SellerAccounts.byPrefix("deskbridge/spapi/",
                    Region.EU), h.dynamo, h.table, failing(h.evidence, new AtomicInteger(1)), h.clock);
            ReviewRequests.Status status = reviews.request(h.sellerId, ticket, ORDER, Harness.MARKETPLACE, "agent-rita");
            assertThat(status.state()).isEqualTo(ReviewRequests.State.REQUESTED);
            assertThat(status.requestedBy()).isEqualTo("agent-rita");
            assertThat(reviewEntries(h, ticket)).isEqualTo(1);
            assertThat(reviews.status(h.sellerId, ORDER, Harness.MARKETPLACE).state())
                    .isEqualTo(ReviewRequests.State.REQUESTED);
            assertThat(reviewEntries(h, ticket)).as("written once").isEqualTo(1);
        }
    }

    @Test
    void anEvidenceEntryStillMissingAfterTheRetriesIsWrittenByTheNextStatusRead() {
        try (Harness h = new Harness(ReviewRequestEvidenceTest::delivered, FaultPoint.NONE)) {
            String ticket = h.ticket();
            AtomicInteger failures = new AtomicInteger(3);
            ReviewRequests reviews = new ReviewRequests(h.spApi.solicitations(), SellerAccounts.byPrefix("deskbridge/spapi/",
                    Region.EU), h.dynamo, h.table, failing(h.evidence, failures), h.clock);
            ReviewRequests.Status status = reviews.request(h.sellerId, ticket, ORDER, Harness.MARKETPLACE, "agent-rita");
            assertThat(status.state()).as("Amazon accepted: no 500").isEqualTo(ReviewRequests.State.REQUESTED);
            assertThat(reviewEntries(h, ticket)).isZero();

            ReviewRequests.Status read = reviews.status(h.sellerId, ORDER, Harness.MARKETPLACE);
            assertThat(read.state()).isEqualTo(ReviewRequests.State.REQUESTED);
            assertThat(read.requestedBy()).isEqualTo("agent-rita");
            assertThat(reviewEntries(h, ticket)).isEqualTo(1);
            reviews.status(h.sellerId, ORDER, Harness.MARKETPLACE);
            assertThat(reviewEntries(h, ticket)).as("not written twice").isEqualTo(1);
        }
    }
}
