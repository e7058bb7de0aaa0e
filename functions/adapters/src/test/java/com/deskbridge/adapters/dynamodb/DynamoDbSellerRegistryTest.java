package com.deskbridge.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.adapters.sellers.DynamoDbSellerRegistry;
import com.deskbridge.domain.seller.SellerRegistration;
import com.deskbridge.domain.seller.SellerRegistry;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.domain.ticket.SellerId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The seller registry on DynamoDB Local with the template's table: an alias belongs to one seller only. */
class DynamoDbSellerRegistryTest {
    private static final Instant NOW = Instant.parse("2026-12-07T04:00:00Z");
    @RegisterExtension
    static final TicketsTableFixture table = TicketsTableFixture.perClass();
    private static DynamoDbSellerRegistry registry;

    @BeforeAll
    static void start() {
        registry = new DynamoDbSellerRegistry(table.client(), table.name());
    }

    private static SellerRegistration seller(String id, String alias) {
        return new SellerRegistration(new SellerId(id), List.of("A1PA6795UKMFR9", "A13V1IB3VIYZZH"), "eu", "Europe/Berlin",
                alias, NOW, "operator-1");
    }

    @Test
    void registersAndFindsBySellerAndByAlias() {
        registry.register(seller("north-1", "North.Shop"));
        assertThat(registry.find(new SellerId("north-1"))).hasValueSatisfying(r -> {
            assertThat(r.mailAlias()).isEqualTo("north.shop");
            assertThat(r.marketplaces()).containsExactly("A1PA6795UKMFR9", "A13V1IB3VIYZZH");
            assertThat(r.timeZone()).isEqualTo("Europe/Berlin");
            assertThat(r.registeredBy()).isEqualTo("operator-1");
        });
        assertThat(registry.sellerForAlias("north.shop")).contains(new SellerId("north-1"));
        assertThat(registry.sellerForAlias("nobody")).isEmpty();
        assertThat(registry.find(new SellerId("nobody"))).isEmpty();
    }

    @Test
    void aSecondSellerCannotTakeAnAliasAndLeavesNothingBehind() {
        registry.register(seller("first-2", "shared"));
        assertThatThrownBy(() -> registry.register(seller("second-2", "shared")))
                .isInstanceOf(SellerRegistry.SellerConflictException.class).hasMessageContaining("alias shared");
        assertThat(registry.find(new SellerId("second-2"))).isEmpty();
        assertThat(registry.sellerForAlias("shared")).contains(new SellerId("first-2"));
    }

    @Test
    void aSellerIsRegisteredOnce() {
        registry.register(seller("once-3", "once-a"));
        assertThatThrownBy(() -> registry.register(seller("once-3", "once-b")))
                .isInstanceOf(SellerRegistry.SellerConflictException.class).hasMessageContaining("registered already");
        assertThat(registry.sellerForAlias("once-b")).isEmpty();
    }

    @Test
    void refusesWhatIsNotARegistration() {
        assertThatThrownBy(() -> seller("x", "-bad")).isInstanceOf(InvalidInputException.class).hasMessageContaining("mailAlias");
        assertThatThrownBy(() -> new SellerRegistration(new SellerId("x"), List.of(), "eu", "Europe/Berlin", "a", NOW, "o"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("marketplaces");
        assertThatThrownBy(() -> new SellerRegistration(new SellerId("x"), List.of("A1PA6795UKMFR9"), "eu", "Mars/Olympus", "a",
                NOW, "o")).isInstanceOf(InvalidInputException.class).hasMessageContaining("timeZone");
        assertThatThrownBy(() -> new SellerRegistration(new SellerId("x"), List.of("A1PA6795UKMFR9"), "us", "UTC", "a", NOW, "o"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("region");
    }

    @Test
    void anAuthorizationNonceIsUsedUpOnceAndNotAfterItExpires() {
        SellerId seller = new SellerId("nonce-3");
        registry.saveAuthorizationNonce(seller, "n1", NOW.plusSeconds(600));
        assertThat(registry.consumeAuthorizationNonce(new SellerId("other-3"), "n1", NOW)).as("another seller's").isFalse();
        assertThat(registry.consumeAuthorizationNonce(seller, "n1", NOW)).isTrue();
        assertThat(registry.consumeAuthorizationNonce(seller, "n1", NOW)).as("replayed").isFalse();
        registry.saveAuthorizationNonce(seller, "n2", NOW.plusSeconds(600));
        assertThat(registry.consumeAuthorizationNonce(seller, "n2", NOW.plusSeconds(600))).as("expired").isFalse();
        assertThat(registry.consumeAuthorizationNonce(seller, "never", NOW)).isFalse();
    }

    @Test
    void theAmazonConnectionIsRecordedOnTheRegistrationAndOverwrittenByTheNextAttempt() {
        SellerId seller = new SellerId("connect-4");
        assertThatThrownBy(() -> registry.recordAmazonConnection(seller, new com.deskbridge.domain.seller.AmazonConnection(
                com.deskbridge.domain.seller.AmazonConnection.Status.FAILED, null, NOW, "invalid_grant", List.of())))
                .as("an unregistered seller").isInstanceOf(RuntimeException.class);
        registry.register(seller("connect-4", "connect-4"));
        assertThat(registry.amazonConnection(seller)).isEmpty();
        registry.recordAmazonConnection(seller, new com.deskbridge.domain.seller.AmazonConnection(
                com.deskbridge.domain.seller.AmazonConnection.Status.FAILED, null, NOW, "invalid_grant", List.of()));
        assertThat(registry.amazonConnection(seller)).hasValueSatisfying(c -> {
            assertThat(c.status()).isEqualTo(com.deskbridge.domain.seller.AmazonConnection.Status.FAILED);
            assertThat(c.reason()).isEqualTo("invalid_grant");
            assertThat(c.sellingPartnerId()).isNull();
        });
        registry.recordAmazonConnection(seller, new com.deskbridge.domain.seller.AmazonConnection(
                com.deskbridge.domain.seller.AmazonConnection.Status.CONNECTED, "A3PARTNER", NOW.plusSeconds(5), null,
                List.of("ORDER_CHANGE", "FEED_PROCESSING_FINISHED")));
        assertThat(registry.amazonConnection(seller)).hasValueSatisfying(c -> {
            assertThat(c.status()).isEqualTo(com.deskbridge.domain.seller.AmazonConnection.Status.CONNECTED);
            assertThat(c.reason()).isNull();
            assertThat(c.sellingPartnerId()).isEqualTo("A3PARTNER");
            assertThat(c.subscriptions()).containsExactly("ORDER_CHANGE", "FEED_PROCESSING_FINISHED");
        });
        assertThat(registry.find(seller)).isPresent();
    }
}
