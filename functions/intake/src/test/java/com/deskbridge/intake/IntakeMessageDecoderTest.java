package com.deskbridge.intake;

import com.deskbridge.adapters.sqs.PoisonMessageException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.Sender;
import com.deskbridge.domain.ticket.SellerId;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class IntakeMessageDecoderTest {
    private static final Instant QUEUED = Instant.parse("2026-11-21T09:00:00Z");
    private final ObjectMapper json = new ObjectMapper();
    private final RecordingRawMail rawMail = new RecordingRawMail();
    private final IntakeMessageDecoder decoder = new IntakeMessageDecoder(json, rawMail).pinnedTo("raw-mail");

    /** Our own port, recorded: the MIME parser and the S3 store have their own tests against the real thing. */
    static final class RecordingRawMail implements RawMail {
        final List<String> fetched = new ArrayList<>();
        final List<SellerId> parsedFor = new ArrayList<>();

        @Override
        public InboundMessage parse(byte[] mime, SellerId seller, Instant fallbackReceivedAt) {
            parsedFor.add(seller);
            return new InboundMessage(Channel.AMAZON, seller, "A1PA6795UKMFR9", new String(mime, StandardCharsets.UTF_8),
                    null, null, new Sender("alias@marketplace.amazon.de", null), null, "text", false, List.of(),
                    fallbackReceivedAt);
        }

        @Override
        public byte[] fetch(String bucket, String key) {
            fetched.add(bucket + "/" + key);
            return ("mail-at-" + key).getBytes(StandardCharsets.UTF_8);
        }
    }

    private ObjectNode envelope() {
        ObjectNode e = json.createObjectNode();
        e.put("version", 1).put("type", "channel-message").put("channel", "shopify").put("sellerId", "s-1")
                .put("marketplaceId", "shop-eu").put("externalMessageId", "m-1").put("threadKey", "conv-1")
                .put("orderId", "#1001").put("subject", "Hi").put("body", "Where is it?")
                .put("receivedAt", "2026-11-21T08:00:00Z");
        e.putObject("sender").put("address", "buyer@example.com").put("displayName", "Ann");
        e.putArray("attachments").addObject().put("fileName", "a.jpg").put("contentType", "image/jpeg").put("sizeBytes", 10);
        return e;
    }

    @Test
    void aChannelEnvelopeBecomesOneMessage() {
        InboundMessage m = decoder.decode(envelope().toString(), QUEUED).get(0);
        assertThat(m.channel()).isEqualTo(Channel.SHOPIFY);
        assertThat(m.seller()).isEqualTo(new SellerId("s-1"));
        assertThat(m.threadKey()).isEqualTo("conv-1");
        assertThat(m.orderId()).isEqualTo("#1001");
        assertThat(m.sender()).isEqualTo(new Sender("buyer@example.com", "Ann"));
        assertThat(m.attachments()).hasSize(1);
        assertThat(m.receivedAt()).isEqualTo(Instant.parse("2026-11-21T08:00:00Z"));
    }

    @Test
    void aSubjectWithLineBreaksOrNineHundredCharactersIsStoredAsOneBoundedLine() {
        InboundMessage injected = decoder.decode(envelope().put("subject", "Hi\r\nBcc: all@example.com").toString(), QUEUED).get(0);
        InboundMessage overlong = decoder.decode(envelope().put("subject", "y".repeat(998)).toString(), QUEUED).get(0);

        assertThat(injected.subject()).isEqualTo("Hi Bcc: all@example.com");
        assertThat(overlong.subject()).hasSize(InboundMessage.MAX_SUBJECT_CHARS);
    }

    @Test
    void aDuplicateKeyIsPoisonNotTheLastOneWins() {
        String twoSellers = envelope().toString().replace("\"sellerId\":\"s-1\"", "\"sellerId\":\"A\",\"sellerId\":\"B\"");

        assertThatThrownBy(() -> decoder.decode(twoSellers, QUEUED)).isInstanceOf(PoisonMessageException.class)
                .hasMessageContaining("duplicate key");
    }

    @Test
    void contentAfterTheEnvelopeIsPoison() {
        assertThatThrownBy(() -> decoder.decode(envelope() + " {\"sellerId\":\"B\"}", QUEUED))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("after the JSON value");
        assertThatThrownBy(() -> decoder.decode(envelope() + "garbage", QUEUED)).isInstanceOf(PoisonMessageException.class);
    }

    @Test
    void aReceiveTimeInTheFutureIsClampedToTheQueuesTimeAndTheClaimKept() {
        InboundMessage m = decoder.decode(envelope().put("receivedAt", "2100-01-01T00:00:00Z").toString(), QUEUED).get(0);

        assertThat(m.receivedAt()).isEqualTo(QUEUED.plus(com.deskbridge.domain.intake.ReceiveWindow.MAX_SKEW));
        assertThat(m.claimedReceivedAt()).isEqualTo(Instant.parse("2100-01-01T00:00:00Z"));
    }

    @Test
    void aReceiveTimeLongBeforeTheQueueIsClampedToTheWindow() {
        InboundMessage m = decoder.decode(envelope().put("receivedAt", "2026-01-01T00:00:00Z").toString(), QUEUED).get(0);

        assertThat(m.receivedAt()).isEqualTo(QUEUED.minus(com.deskbridge.domain.intake.ReceiveWindow.MAX_AGE));
        assertThat(m.claimedReceivedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(decoder.decode(envelope().toString(), QUEUED).get(0).claimedReceivedAt()).as("within the window").isNull();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"1970-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
            "-1000000000-01-01T00:00:00Z", "+1000000000-12-31T23:59:59Z", "2026-13-01T00:00:00Z", "3000-01-01T00:00:00Z"})
    void anUnparseableOrOutOfRangeReceiveTimeIsPoison(String receivedAt) {
        assertThatThrownBy(() -> decoder.decode(envelope().put("receivedAt", receivedAt).toString(), QUEUED))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("receivedAt");
    }

    static List<Arguments> badEnvelopes() {
        return List.of(
                Arguments.of("version missing", (Consumer<ObjectNode>) e -> e.remove("version"), "version"),
                Arguments.of("unknown type", (Consumer<ObjectNode>) e -> e.put("type", "fax"), "type"),
                Arguments.of("channel missing", (Consumer<ObjectNode>) e -> e.remove("channel"), "channel"),
                Arguments.of("unknown channel", (Consumer<ObjectNode>) e -> e.put("channel", "etsy"), "channel"),
                Arguments.of("seller missing", (Consumer<ObjectNode>) e -> e.remove("sellerId"), "sellerId"),
                Arguments.of("seller malformed", (Consumer<ObjectNode>) e -> e.put("sellerId", "a b"), "sellerId"),
                Arguments.of("message id missing", (Consumer<ObjectNode>) e -> e.remove("externalMessageId"), "externalMessageId"),
                Arguments.of("sender missing", (Consumer<ObjectNode>) e -> e.remove("sender"), "sender"),
                Arguments.of("sender address missing", (Consumer<ObjectNode>) e -> ((ObjectNode) e.get("sender")).remove("address"), "sender.address"),
                Arguments.of("received missing", (Consumer<ObjectNode>) e -> e.remove("receivedAt"), "receivedAt"),
                Arguments.of("received malformed", (Consumer<ObjectNode>) e -> e.put("receivedAt", "yesterday"), "receivedAt"),
                Arguments.of("body blank, no files", (Consumer<ObjectNode>) e -> { e.put("body", " "); e.remove("attachments"); }, "body"),
                Arguments.of("number where text", (Consumer<ObjectNode>) e -> e.put("orderId", 42), "orderId"),
                Arguments.of("attachments not a list", (Consumer<ObjectNode>) e -> e.put("attachments", "a.jpg"), "attachments"),
                Arguments.of("attachment size not a number", (Consumer<ObjectNode>) e ->
                        ((ObjectNode) e.get("attachments").get(0)).put("sizeBytes", "big"), "sizeBytes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEnvelopes")
    void aBadEnvelopeIsPoisonNamingWhatIsWrong(String name, Consumer<ObjectNode> breakIt, String named) {
        ObjectNode e = envelope();
        breakIt.accept(e);
        assertThatThrownBy(() -> decoder.decode(e.toString(), QUEUED))
                .isInstanceOf(PoisonMessageException.class)
                .hasMessageContaining(named);
    }

    @Test
    void bodiesThatAreNotJsonObjectsArePoisonWithoutQuotingTheirContent() {
        assertThatThrownBy(() -> decoder.decode("", QUEUED)).isInstanceOf(PoisonMessageException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> decoder.decode("[1,2]", QUEUED)).isInstanceOf(PoisonMessageException.class).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> decoder.decode("{\"body\": \"my secret address is Hauptstr. 1", QUEUED))
                .isInstanceOf(PoisonMessageException.class)
                .hasMessageContaining("not valid JSON")
                .hasMessageNotContaining("Hauptstr");
    }

    @Test
    void aRawMimeEnvelopeIsParsedForItsSeller() {
        ObjectNode e = json.createObjectNode().put("version", 1).put("type", "raw-mime").put("sellerId", "s-9")
                .put("mimeBase64", Base64.getEncoder().encodeToString("MIME".getBytes(StandardCharsets.UTF_8)));
        InboundMessage m = decoder.decode(e.toString(), QUEUED).get(0);
        assertThat(m.seller()).isEqualTo(new SellerId("s-9"));
        assertThat(m.receivedAt()).isEqualTo(QUEUED);
        assertThat(m.externalMessageId()).isEqualTo("MIME");

        e.put("mimeBase64", "***");
        assertThatThrownBy(() -> decoder.decode(e.toString(), QUEUED)).isInstanceOf(PoisonMessageException.class)
                .hasMessageContaining("mimeBase64");
        e.remove("mimeBase64");
        assertThatThrownBy(() -> decoder.decode(e.toString(), QUEUED)).isInstanceOf(PoisonMessageException.class)
                .hasMessageContaining("mimeBase64");
    }

    private String s3Event(String eventName, String key) {
        return s3Event(eventName, "raw-mail", key);
    }

    private String s3Event(String eventName, String bucket, String key) {
        ObjectNode root = json.createObjectNode();
        ObjectNode r = root.putArray("Records").addObject();
        r.put("eventSource", "aws:s3").put("eventName", eventName).put("eventTime", "2026-11-21T08:42:12.345Z");
        ObjectNode s3 = r.putObject("s3");
        s3.putObject("bucket").put("name", bucket);
        s3.putObject("object").put("key", key);
        return root.toString();
    }

    @Test
    void anS3NotificationIsReadFromTheBucketForTheSellerInTheKey() {
        List<InboundMessage> messages = decoder.decode(s3Event("ObjectCreated:Put", "relay/seller-7/abc+def%3D1"), QUEUED);
        assertThat(rawMail.fetched).containsExactly("raw-mail/relay/seller-7/abc def=1");
        assertThat(rawMail.parsedFor).containsExactly(new SellerId("seller-7"));
        assertThat(messages).singleElement()
                .satisfies(m -> assertThat(m.receivedAt()).isEqualTo(Instant.parse("2026-11-21T08:42:12.345Z")));
    }

    @Test
    void s3NotificationsOutsideTheRelayPrefixArePoisonAndOthersCarryNothing() {
        assertThatThrownBy(() -> decoder.decode(s3Event("ObjectCreated:Put", "uploads/x"), QUEUED))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("relay/<sellerId>/");
        assertThatThrownBy(() -> decoder.decode(s3Event("ObjectCreated:Put", "relay/bad seller/x"), QUEUED))
                .isInstanceOf(PoisonMessageException.class);
        assertThat(decoder.decode(s3Event("ObjectRemoved:Delete", "relay/s/x"), QUEUED)).isEmpty();
        assertThat(decoder.decode("{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\"}", QUEUED)).isEmpty();
        assertThat(rawMail.fetched).isEmpty();
    }

    @Test
    void anS3NotificationForAnotherBucketIsPoisonAndNothingIsRead() {
        assertThatThrownBy(() -> decoder.decode(s3Event("ObjectCreated:Put", "attacker-bucket", "relay/seller-7/x"), QUEUED))
                .isInstanceOf(PoisonMessageException.class)
                .hasMessageContaining("not the raw-mail bucket");
        assertThatThrownBy(() -> new IntakeMessageDecoder(json, rawMail).decode(s3Event("ObjectCreated:Put", "relay/s/x"), QUEUED))
                .as("without a pinned bucket no notification is trusted")
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("raw-mail bucket");
        assertThat(rawMail.fetched).isEmpty();
    }
}
