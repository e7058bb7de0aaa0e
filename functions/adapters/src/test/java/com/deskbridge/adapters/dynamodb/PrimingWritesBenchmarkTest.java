package com.deskbridge.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.adapters.aws.PrimingWrites;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * What {@link PrimingWrites}' proxy costs a real request (priming over, every call passed through): the same GetItem and
 * PutItem against DynamoDB Local through the plain client and through the guarded one, alternated in blocks, median
 * per call and the ratio guarded / plain printed (and the proxy's own cost, the difference, in microseconds). Asserts
 * only that both clients read and wrote the same items, never a timing.
 * {@code mvn -B -o -pl functions/adapters -am verify -Dtest=PrimingWritesBenchmarkTest -Ddeskbridge.benchmark=true
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
class PrimingWritesBenchmarkTest {
    private static final int WARM_UP = 2_000;
    private static final int BLOCKS = 20;
    private static final int PER_BLOCK = 100;

    @Test
    @EnabledIfSystemProperty(named = "deskbridge.benchmark", matches = "true")
    void theGuardAddsLittleToEachCallOutsidePriming() {
        try (TicketsTableFixture table = TicketsTableFixture.start()) {
            DynamoDbClient plain = table.client();
            DynamoDbClient guarded = new PrimingWrites().guard(plain);
            for (String op : new String[] {"GetItem", "PutItem"}) {
                for (int i = 0; i < WARM_UP; i++) { // both paths compiled before anything is timed
                    call(op, i % 2 == 0 ? plain : guarded, table.name(), i);
                }
                long[] plainNs = new long[BLOCKS * PER_BLOCK];
                long[] guardedNs = new long[BLOCKS * PER_BLOCK];
                for (int b = 0; b < BLOCKS; b++) {
                    for (int i = 0; i < PER_BLOCK; i++) {
                        int n = b * PER_BLOCK + i;
                        long start = System.nanoTime();
                        call(op, plain, table.name(), n);
                        plainNs[n] = System.nanoTime() - start;
                    }
                    for (int i = 0; i < PER_BLOCK; i++) {
                        int n = b * PER_BLOCK + i;
                        long start = System.nanoTime();
                        call(op, guarded, table.name(), n);
                        guardedNs[n] = System.nanoTime() - start;
                    }
                }
                double p = median(plainNs) / 1e3;
                double g = median(guardedNs) / 1e3;
                System.out.printf(Locale.ROOT, "[benchmark] PrimingWrites outside priming, %s against DynamoDB Local "
                                + "(median of %d calls each): plain %.1f us, guarded %.1f us, ratio %.3f (proxy %+.1f us per call)%n",
                        op, BLOCKS * PER_BLOCK, p, g, g / p, g - p);
            }
            Map<String, AttributeValue> key = Map.of("PK", AttributeValue.fromS("BENCH#proxy"), "SK", AttributeValue.fromS("1"));
            assertThat(guarded.getItem(r -> r.tableName(table.name()).key(key)).item())
                    .isEqualTo(plain.getItem(r -> r.tableName(table.name()).key(key)).item()).isNotEmpty();
        }
    }

    private static void call(String op, DynamoDbClient client, String table, int n) {
        Map<String, AttributeValue> key = Map.of("PK", AttributeValue.fromS("BENCH#proxy"),
                "SK", AttributeValue.fromS(Integer.toString(n % 50)));
        if (op.equals("GetItem")) {
            client.getItem(GetItemRequest.builder().tableName(table).key(key).build());
        } else {
            Map<String, AttributeValue> item = new java.util.HashMap<>(key);
            item.put("n", AttributeValue.fromN(Integer.toString(n)));
            client.putItem(PutItemRequest.builder().tableName(table).item(item).build());
        }
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
    }
}
