package com.deskbridge.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.logistics.EvidenceChain;
import com.deskbridge.logistics.EvidenceLog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The evidence chain as stored in DynamoDB Local: appends link up, races never fork, tampering is detected. */
class DynamoDbEvidenceLogTest {
    @RegisterExtension
    static final TicketsTableFixture table = TicketsTableFixture.perClass();
    private static int run;

    private final DynamoDbEvidenceLog log = new DynamoDbEvidenceLog(table.client(), table.name(), Clock.systemUTC());

    private static String[] ticket() {
        SellerId seller = new SellerId("ev-seller-" + (++run));
        return new String[] {seller.value(), TicketId.forConversation(seller, Channel.AMAZON, "thread").value()};
    }

    @Test
    void appendsFormAVerifiedChainThatOnlyItsSellerReads() {
        String[] t = ticket();
        log.append(t[0], t[1], EvidenceChain.ORDER_SNAPSHOT, Map.of("orderId", "028-1", "orderStatus", "Shipped"));
        log.append(t[0], t[1], EvidenceChain.TRACKING_OBSERVED, Map.of("carrier", "DHL", "status", "InTransit"));
        EvidenceLog.StoredChain chain = log.chain(t[0], t[1]);
        assertThat(chain.entries()).extracting(EvidenceChain.Entry::sequence).containsExactly(1L, 2L);
        assertThat(chain.verify().valid()).isTrue();
        assertThat(chain.headHash()).isEqualTo(chain.entries().get(1).hash());
        assertThat(log.chain("someone-else", t[1]).entries()).isEmpty();
    }

    @Test
    void appendAllLinksItsEntriesAfterTheHeadInOneStep() {
        String[] t = ticket();
        log.append(t[0], t[1], EvidenceChain.ORDER_SNAPSHOT, Map.of("orderId", "028-1", "orderStatus", "Unshipped"));
        List<EvidenceChain.Entry> added = log.appendAll(t[0], t[1], List.of(
                new EvidenceLog.Record(EvidenceChain.ORDER_SNAPSHOT, Map.of("orderId", "028-1", "orderStatus", "Shipped")),
                new EvidenceLog.Record(EvidenceChain.TRACKING_OBSERVED, Map.of("carrier", "DHL", "status", "InTransit"))));
        assertThat(added).extracting(EvidenceChain.Entry::sequence).containsExactly(2L, 3L);
        EvidenceLog.StoredChain chain = log.chain(t[0], t[1]);
        assertThat(chain.entries()).extracting(EvidenceChain.Entry::kind).containsExactly(EvidenceChain.ORDER_SNAPSHOT,
                EvidenceChain.ORDER_SNAPSHOT, EvidenceChain.TRACKING_OBSERVED);
        assertThat(chain.verify().valid()).isTrue();
        assertThat(chain.headHash()).isEqualTo(added.get(1).hash());
        assertThat(log.appendAll(t[0], t[1], List.of())).isEmpty();
        assertThat(log.chain(t[0], t[1]).entries()).hasSize(3);
    }

    @Test
    void concurrentAppendsNeverForkTheChain() throws Exception {
        String[] t = ticket();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<EvidenceChain.Entry>> results = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String note = "n" + i;
            boolean pair = i % 3 == 0; // two entries in one step: they stay adjacent, the chain still never forks
            results.add(pool.submit((Callable<EvidenceChain.Entry>) () -> pair
                    ? log.appendAll(t[0], t[1], List.of(new EvidenceLog.Record("NOTE", Map.of("note", note)),
                    new EvidenceLog.Record("NOTE", Map.of("note", note + "b")))).get(0)
                    : log.append(t[0], t[1], "NOTE", Map.of("note", note))));
        }
        for (Future<EvidenceChain.Entry> r : results) {
            r.get();
        }
        pool.shutdown();
        EvidenceLog.StoredChain chain = log.chain(t[0], t[1]);
        assertThat(chain.entries()).hasSize(24 + 8);
        assertThat(chain.verify().valid()).isTrue();
        List<String> notes = chain.entries().stream().map(e -> e.payload().get("note")).toList();
        for (int i = 0; i < 24; i += 3) {
            assertThat(notes.indexOf("n" + i + "b")).isEqualTo(notes.indexOf("n" + i) + 1);
        }
    }

    @Test
    void anEditedOrRemovedEntryIsDetected() {
        String[] t = ticket();
        for (int i = 0; i < 3; i++) {
            log.append(t[0], t[1], EvidenceChain.TRACKING_OBSERVED, Map.of("status", "InTransit", "note", "scan " + i));
        }
        String pk = "S#" + t[0] + "#T#" + t[1];
        table.client().updateItem(u -> u.tableName(table.name())
                .key(Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(DynamoDbEvidenceLog.entrySk(2))))
                .updateExpression("SET payload.#s = :v").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("Delivered"))));
        EvidenceChain.Verification altered = log.chain(t[0], t[1]).verify();
        assertThat(altered.valid()).isFalse();
        assertThat(altered.problem()).contains(EvidenceChain.Problem.ALTERED);
        assertThat(altered.brokenSequence()).hasValue(2);

        String[] u = ticket();
        for (int i = 0; i < 3; i++) {
            log.append(u[0], u[1], EvidenceChain.TRACKING_OBSERVED, Map.of("note", "scan " + i));
        }
        table.client().deleteItem(d -> d.tableName(table.name()).key(Map.of("PK", AttributeValue.fromS("S#" + u[0] + "#T#" + u[1]),
                "SK", AttributeValue.fromS(DynamoDbEvidenceLog.entrySk(3)))));
        assertThat(log.chain(u[0], u[1]).verify().problem()).as("tail removed").contains(EvidenceChain.Problem.HEAD_MISMATCH);
    }
}
