package com.deskbridge.adapters.sellers;

import com.deskbridge.domain.seller.AmazonConnection;
import com.deskbridge.domain.seller.CarrierConnection;
import com.deskbridge.domain.seller.SellerRegistration;
import com.deskbridge.domain.seller.SellerRegistry;
import com.deskbridge.domain.ticket.SellerId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The seller registry in the tickets table, under its own key prefix: the registration at
 * {@code PK = SELLER#{seller}, SK = PROFILE}, the alias at {@code PK = ALIAS#{alias}, SK = ALIAS} naming its seller.
 * Both are written in one transaction, each on the condition that its key is new
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html), so two sellers can never
 * hold one alias and a refused registration leaves nothing behind. The Amazon connection lives on the registration
 * item ({@code amazon*} attributes); an authorization request's one-time nonce at
 * {@code PK = SELLER#{seller}, SK = AMAZON_STATE#{nonce}} with a TTL ({@code expiresAt}), used up by a conditional
 * delete, so two callbacks with one state cannot both succeed.
 */
public final class DynamoDbSellerRegistry implements SellerRegistry {
    private static final String PROFILE = "PROFILE";
    private static final String ALIAS = "ALIAS";
    private static final String STATE = "AMAZON_STATE#";
    /** A carrier connection: {@code PK = SELLER#{seller}, SK = CARRIER#{carrier}} (its latest check; never a credential). */
    private static final String CARRIER = "CARRIER#";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbSellerRegistry(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo);
        this.table = Objects.requireNonNull(table);
    }

    @Override
    public void register(SellerRegistration r) {
        Map<String, AttributeValue> profile = Map.of(
                "PK", s(sellerKey(r.seller())), "SK", s(PROFILE), "itemType", s("seller"),
                "sellerId", s(r.seller().value()),
                "marketplaces", AttributeValue.fromL(r.marketplaces().stream().map(AttributeValue::fromS).toList()),
                "region", s(r.region()), "timeZone", s(r.timeZone()), "mailAlias", s(r.mailAlias()),
                "registeredAt", s(r.registeredAt().toString()), "registeredBy", s(r.registeredBy()));
        Map<String, AttributeValue> alias = Map.of("PK", s(aliasKey(r.mailAlias())), "SK", s(ALIAS),
                "itemType", s("seller-alias"), "sellerId", s(r.seller().value()));
        try {
            dynamo.transactWriteItems(t -> t.transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(profile)
                            .conditionExpression("attribute_not_exists(PK)").build()).build(),
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(alias)
                            .conditionExpression("attribute_not_exists(PK)").build()).build()));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (reasons.size() == 2 && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                throw new SellerConflictException("seller " + r.seller().value() + " is registered already");
            }
            if (reasons.size() == 2 && "ConditionalCheckFailed".equals(reasons.get(1).code())) {
                throw new SellerConflictException("mail alias " + r.mailAlias() + " belongs to another seller");
            }
            throw e;
        }
    }

    @Override
    public Optional<SellerRegistration> find(SellerId seller) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Map.of("PK", s(sellerKey(seller)), "SK", s(PROFILE)))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SellerRegistration(seller, item.get("marketplaces").l().stream().map(AttributeValue::s).toList(),
                item.get("region").s(), item.get("timeZone").s(), item.get("mailAlias").s(),
                Instant.parse(item.get("registeredAt").s()), item.get("registeredBy").s()));
    }

    @Override
    public Optional<SellerId> sellerForAlias(String alias) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table)
                .key(Map.of("PK", s(aliasKey(alias)), "SK", s(ALIAS)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(new SellerId(item.get("sellerId").s()));
    }

    @Override
    public void recordAmazonConnection(SellerId seller, AmazonConnection c) {
        Map<String, AttributeValue> values = new java.util.HashMap<>();
        values.put(":status", s(c.status().name()));
        values.put(":at", s(c.updatedAt().toString()));
        values.put(":partner", c.sellingPartnerId() == null ? AttributeValue.fromNul(true) : s(c.sellingPartnerId()));
        values.put(":reason", c.reason() == null ? AttributeValue.fromNul(true) : s(c.reason()));
        values.put(":subs", AttributeValue.fromL(c.subscriptions().stream().map(AttributeValue::fromS).toList()));
        dynamo.updateItem(u -> u.tableName(table).key(Map.of("PK", s(sellerKey(seller)), "SK", s(PROFILE)))
                .conditionExpression("attribute_exists(PK)")
                .updateExpression("SET amazonStatus = :status, amazonUpdatedAt = :at, amazonSellingPartnerId = :partner, "
                        + "amazonReason = :reason, amazonSubscriptions = :subs")
                .expressionAttributeValues(values));
    }

    @Override
    public Optional<AmazonConnection> amazonConnection(SellerId seller) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Map.of("PK", s(sellerKey(seller)), "SK", s(PROFILE)))).item();
        if (item == null || !item.containsKey("amazonStatus")) {
            return Optional.empty();
        }
        return Optional.of(new AmazonConnection(AmazonConnection.Status.valueOf(item.get("amazonStatus").s()),
                text(item, "amazonSellingPartnerId"), Instant.parse(item.get("amazonUpdatedAt").s()), text(item, "amazonReason"),
                item.containsKey("amazonSubscriptions") ? item.get("amazonSubscriptions").l().stream().map(AttributeValue::s).toList()
                        : List.of()));
    }

    @Override
    public void recordCarrierConnection(SellerId seller, CarrierConnection c) {
        Map<String, AttributeValue> item = new java.util.HashMap<>();
        item.put("PK", s(sellerKey(seller)));
        item.put("SK", s(CARRIER + c.carrier()));
        item.put("itemType", s("seller-carrier"));
        item.put("carrier", s(c.carrier()));
        item.put("status", s(c.status().name()));
        item.put("checkedAt", s(c.checkedAt().toString()));
        item.put("stored", AttributeValue.fromBool(c.stored()));
        if (c.reason() != null) {
            item.put("reason", s(c.reason()));
        }
        if (c.checkedBy() != null) {
            item.put("checkedBy", s(c.checkedBy()));
        }
        dynamo.putItem(p -> p.tableName(table).item(item));
    }

    @Override
    public List<CarrierConnection> carrierConnections(SellerId seller) {
        List<CarrierConnection> out = new java.util.ArrayList<>();
        dynamo.queryPaginator(q -> q.tableName(table).consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                        .expressionAttributeValues(Map.of(":pk", s(sellerKey(seller)), ":sk", s(CARRIER))))
                .items().forEach(item -> out.add(new CarrierConnection(item.get("carrier").s(),
                        CarrierConnection.Status.valueOf(item.get("status").s()), Instant.parse(item.get("checkedAt").s()),
                        Boolean.TRUE.equals(item.get("stored").bool()), text(item, "reason"), text(item, "checkedBy"))));
        return out;
    }

    @Override
    public void saveAuthorizationNonce(SellerId seller, String nonce, Instant expires) {
        dynamo.putItem(p -> p.tableName(table).item(Map.of("PK", s(sellerKey(seller)), "SK", s(STATE + nonce),
                "itemType", s("amazon-authorization-state"), "expiresAt", AttributeValue.fromN(Long.toString(expires.getEpochSecond())))));
    }

    @Override
    public boolean consumeAuthorizationNonce(SellerId seller, String nonce, Instant now) {
        try {
            // TTL deletes lazily, so the expiry is checked here too
            dynamo.deleteItem(d -> d.tableName(table).key(Map.of("PK", s(sellerKey(seller)), "SK", s(STATE + nonce)))
                    .conditionExpression("attribute_exists(PK) AND expiresAt > :now")
                    .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond())))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.s() == null ? null : v.s();
    }

    private static String sellerKey(SellerId seller) {
        return "SELLER#" + seller.value();
    }

    private static String aliasKey(String alias) {
        return "ALIAS#" + alias;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
