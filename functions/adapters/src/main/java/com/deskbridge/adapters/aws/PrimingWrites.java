package com.deskbridge.adapters.aws;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * A handler's SDK clients that refuse every write while SnapStart priming runs, so that priming can run the handler's
 * real request path - the store's transactions, the queue hand-overs - and change nothing. Outside
 * {@link #during} the clients pass every call through unchanged.
 *
 * <p>While priming, the service itself refuses each write, so the request is still built, marshalled, signed, sent and
 * its refusal parsed exactly as a real one (what the first request would otherwise pay for):
 * <ul>
 *   <li>DynamoDB PutItem, UpdateItem and DeleteItem get the condition {@code attribute_exists(PK) AND
 *       attribute_not_exists(PK)} added, which no item meets: DynamoDB answers ConditionalCheckFailed and writes
 *       nothing (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ConditionExpressions.html);</li>
 *   <li>a TransactWriteItems gets that condition as a first item (a ConditionCheck on the reserved key
 *       {@code PRIMING#snapstart-priming / PRIMING-GUARD}): DynamoDB cancels the whole transaction, nothing of it is
 *       written, and the caller sees its own first item refused (as for a message stored before)
 *       (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html);</li>
 *   <li>SQS SendMessage and SendMessageBatch go to a sibling of the addressed queue that does not exist
 *       ({@value SnapStartPriming#ABSENT_QUEUE}): SQS answers QueueDoesNotExist;</li>
 *   <li>every other call that is not a read is refused here, without reaching the service;</li>
 *   <li>on a client guarded with a shared index ({@link #guard(DynamoDbClient, String)}: a schedule's), queries of
 *       that index read the reserved partition: the schedule's run finds no work.</li>
 * </ul>
 */
public final class PrimingWrites {
    /** A condition no item can meet. */
    static final String NEVER = "attribute_exists(PK) AND attribute_not_exists(PK)";
    /** What a shared index's key values are prefixed with while priming runs ({@link #guard(DynamoDbClient, String)}). */
    static final String RESERVED_PREFIX = "PRIMING#" + SnapStartPriming.RESERVED_SELLER + "#";
    private static final Set<String> DYNAMO_READS = Set.of("getItem", "query", "scan", "batchGetItem", "transactGetItems",
            "describeTable", "queryPaginator", "scanPaginator", "batchGetItemPaginator");
    private static final Set<String> SQS_READS = Set.of("getQueueUrl", "getQueueAttributes", "listQueues");
    private static final Set<String> CLIENT = Set.of("serviceName", "close", "serviceClientConfiguration", "toString",
            "hashCode", "equals", "waiter", "utilities");

    private volatile boolean active;

    /** Runs {@code request} with every write of this object's clients refused. */
    public void during(Runnable request) {
        active = true;
        try {
            request.run();
        } finally {
            active = false;
        }
    }

    /** Whether priming runs now. */
    public boolean active() {
        return active;
    }

    /** {@code dynamo}, refusing writes while priming runs. */
    public DynamoDbClient guard(DynamoDbClient dynamo) {
        return proxy(DynamoDbClient.class, dynamo, PrimingWrites::refuseWrite);
    }

    /**
     * {@code dynamo}, refusing writes while priming runs, on which a scheduled run finds no work then: its queries of
     * {@code sharedIndex} (the write-sharded work queues every seller's items are on) ask for the same key values
     * under the reserved prefix {@code PRIMING#snapstart-priming#}, a partition nothing is ever written to. The query
     * is built, sent and its (empty) answer parsed as a real one; no seller's item is read into the snapshot, and no
     * work found leads to an upstream call.
     */
    public DynamoDbClient guard(DynamoDbClient dynamo, String sharedIndex) {
        return proxy(DynamoDbClient.class, dynamo, (method, request) -> request instanceof QueryRequest q
                && sharedIndex.equals(q.indexName()) ? q.toBuilder().expressionAttributeValues(
                        reservedPartition(q.expressionAttributeValues())).build() : refuseWrite(method, request));
    }

    private static Map<String, AttributeValue> reservedPartition(Map<String, AttributeValue> values) {
        Map<String, AttributeValue> out = new java.util.HashMap<>(values);
        out.replaceAll((name, v) -> v.s() == null ? v : AttributeValue.fromS(RESERVED_PREFIX + v.s()));
        return out;
    }

    private static SdkRequest refuseWrite(String method, SdkRequest request) {
        if (request instanceof PutItemRequest p) {
            return p.toBuilder().conditionExpression(never(p.conditionExpression())).build();
        }
        if (request instanceof UpdateItemRequest u) {
            return u.toBuilder().conditionExpression(never(u.conditionExpression())).build();
        }
        if (request instanceof DeleteItemRequest d) {
            return d.toBuilder().conditionExpression(never(d.conditionExpression())).build();
        }
        if (request instanceof TransactWriteItemsRequest t && !t.transactItems().isEmpty()) {
            String table = tableOf(t.transactItems().get(0));
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table)
                    .key(Map.of("PK", AttributeValue.fromS("PRIMING#" + SnapStartPriming.RESERVED_SELLER),
                            "SK", AttributeValue.fromS("PRIMING-GUARD")))
                    .conditionExpression(NEVER).build()).build());
            items.addAll(t.transactItems());
            return t.toBuilder().transactItems(items).build();
        }
        if (DYNAMO_READS.contains(method)) {
            return request;
        }
        throw DynamoDbException.builder().statusCode(400).message(method + " refused: SnapStart priming writes nothing")
                .build();
    }

    /** {@code sqs}, sending to no queue while priming runs. */
    public SqsClient guard(SqsClient sqs) {
        return proxy(SqsClient.class, sqs, (method, request) -> {
            if (request instanceof SendMessageRequest m) {
                return m.toBuilder().queueUrl(absent(m.queueUrl())).build();
            }
            if (request instanceof SendMessageBatchRequest b) {
                return b.toBuilder().queueUrl(absent(b.queueUrl())).build();
            }
            if (SQS_READS.contains(method)) {
                return request;
            }
            throw SqsException.builder().statusCode(400).message(method + " refused: SnapStart priming sends nothing")
                    .build();
        });
    }

    private static String never(String condition) {
        return condition == null || condition.isBlank() ? NEVER : "(" + condition + ") AND " + NEVER;
    }

    private static String tableOf(TransactWriteItem item) {
        if (item.put() != null) {
            return item.put().tableName();
        }
        if (item.update() != null) {
            return item.update().tableName();
        }
        if (item.delete() != null) {
            return item.delete().tableName();
        }
        return item.conditionCheck().tableName();
    }

    private static String absent(String queueUrl) {
        return queueUrl.substring(0, queueUrl.lastIndexOf('/') + 1) + SnapStartPriming.ABSENT_QUEUE;
    }

    /** What priming sends instead of {@code request} (a call of {@code method}); throws to refuse it outright. */
    @FunctionalInterface
    private interface Rewrite {
        SdkRequest apply(String method, SdkRequest request);
    }

    private <T> T proxy(Class<T> type, T client, Rewrite rewrite) {
        InvocationHandler handler = (proxy, method, args) -> {
            Method target = method;
            Object[] arguments = args;
            if (active && !CLIENT.contains(method.getName())) {
                SdkRequest request = request(method, args);
                if (request == null) { // an operation without a request object (listQueues()): a read, or refused
                    if (!SQS_READS.contains(method.getName()) && !DYNAMO_READS.contains(method.getName())) {
                        rewrite.apply(method.getName(), null);
                    }
                } else {
                    arguments = new Object[] {rewrite.apply(method.getName(), request)};
                    target = type.getMethod(method.getName(), request.getClass()); // the request variant
                }
            }
            try {
                return target.invoke(client, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    /** The call's request: the request object, or the one its consumer variant builds. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static SdkRequest request(Method method, Object[] args) throws ReflectiveOperationException {
        if (args == null || args.length != 1) {
            return null;
        }
        if (args[0] instanceof SdkRequest r) {
            return r;
        }
        if (args[0] instanceof Consumer consumer) {
            // the consumer variant's builder type is its generic parameter's; its request class is the outer class
            java.lang.reflect.Type param = method.getGenericParameterTypes()[0];
            Class<?> builderType = (Class<?>) ((java.lang.reflect.ParameterizedType) param).getActualTypeArguments()[0];
            Class<?> requestType = builderType.getEnclosingClass();
            Object builder = requestType.getMethod("builder").invoke(null);
            consumer.accept(builder);
            return (SdkRequest) builderType.getMethod("build").invoke(builder);
        }
        return null;
    }

}
