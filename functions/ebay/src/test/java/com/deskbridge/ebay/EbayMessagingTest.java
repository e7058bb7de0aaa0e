package com.deskbridge.ebay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.channels.ChannelRejectedException;
import com.deskbridge.channels.MessageInbox;
import com.deskbridge.channels.ReplyChannel;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.sim.ebay.EbaySimulator;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Buyer messages in (polling and platform notifications) and replies out, against the simulator over HTTP. */
class EbayMessagingTest {

    private EbayHarness h;
    private EbayClient client;
    private EbayInbox inbox;

    @BeforeEach
    void start() {
        h = new EbayHarness();
        client = h.client();
        inbox = new EbayInbox(client, h.sellers(), EbayInbox.defaultPlan(5000), () -> 10, h.clock);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void theFirstPollDeliversTheBuyersMessagesWithThreadAndOrderButNotTheSellersOwn() {
        MessageInbox.Poll poll = inbox.poll(EbayHarness.SELLER, MessageInbox.Cursor.initial(h.clock.instant(), Duration.ofDays(2)));
        assertThat(poll.messages()).extracting(InboundMessage::externalMessageId).containsExactly("ebay-msg-0001", "ebay-msg-0002");
        InboundMessage first = poll.messages().get(0);
        assertThat(first.channel()).isEqualTo(Channel.EBAY);
        assertThat(first.seller().value()).isEqualTo(EbayHarness.SELLER);
        assertThat(first.marketplaceId()).isEqualTo("EBAY_DE");
        assertThat(first.threadKey()).isEqualTo("ebay-conv-7781");
        assertThat(first.sender().address()).isEqualTo("k_bergmann");
        assertThat(first.orderId()).isEqualTo("12-34567-89012"); // the buyer's order of the listing
        assertThat(first.body()).startsWith("Hallo, wo ist mein Paket?");
        assertThat(first.receivedAt()).isEqualTo(h.clock.instant().minus(Duration.ofDays(1)));
        assertThat(poll.messages().get(1).orderId()).isEqualTo("12-34567-89013");
        // 1 listing + 2 conversations + 1 getOrders for both messages' orders
        assertThat(poll.callsMade()).isEqualTo(4);
        assertThat(h.sim.callCount("fulfillment.getOrders")).isEqualTo(1);
        // 5,000 Message API calls x 60% / 10 sellers = 300 a day for this seller; at 4 calls a poll every 19.2 minutes
        assertThat(poll.pollAgainIn()).isEqualTo(Duration.ofSeconds(1152));
        assertThat(poll.next().since()).isEqualTo(h.clock.instant().minus(Duration.ofHours(17)));
    }

    @Test
    void aPollWithoutNewsCostsOneCallAndDeliversNothingAgain() {
        MessageInbox.Poll first = inbox.poll(EbayHarness.SELLER, MessageInbox.Cursor.initial(h.clock.instant(), Duration.ofDays(2)));
        int conversationCalls = h.sim.callCount("message.getConversation");
        MessageInbox.Poll again = inbox.poll(EbayHarness.SELLER, first.next());
        assertThat(again.messages()).isEmpty();
        assertThat(again.callsMade()).isEqualTo(1);
        assertThat(h.sim.callCount("message.getConversation")).isEqualTo(conversationCalls);
    }

    @Test
    void aBuyersNewMessageSendsAVerifiableNotificationAndTheNextPollDeliversOnlyIt() {
        MessageInbox.Poll first = inbox.poll(EbayHarness.SELLER, MessageInbox.Cursor.initial(h.clock.instant(), Duration.ofDays(2)));
        h.clock.advance(Duration.ofMinutes(3));
        String id = h.sim.buyerWrites("ebay-conv-7782", "Noch eine Frage zu Bestellung 12-34567-89013: kommt die Kanne einzeln?");

        assertThat(h.notifications).hasSize(1);
        EbaySimulator.PlatformNotification n = h.notifications.get(0);
        EbayPlatformNotifications.Alert alert = new EbayPlatformNotifications(h.secretSource(), EbayHarness.APP_SECRET, h.clock,
                Duration.ofMinutes(10)).verify(n.soapBody());
        assertThat(alert.eventName()).isEqualTo("MyMessagesM2MMessageHeader");
        assertThat(alert.recipientUserId()).isEqualTo("deskbridge_demo_de");

        MessageInbox.Poll next = inbox.poll(EbayHarness.SELLER, first.next());
        assertThat(next.messages()).singleElement().satisfies(m -> {
            assertThat(m.externalMessageId()).isEqualTo(id);
            assertThat(m.threadKey()).isEqualTo("ebay-conv-7782");
            assertThat(m.orderId()).isEqualTo("12-34567-89013"); // named in the text
        });
        assertThat(next.callsMade()).isEqualTo(2); // the listing and the one conversation with news, no order search
    }

    @Test
    void aNewConversationWithoutAListingHasNoOrder() {
        MessageInbox.Poll first = inbox.poll(EbayHarness.SELLER, MessageInbox.Cursor.initial(h.clock.instant(), Duration.ofDays(2)));
        h.clock.advance(Duration.ofMinutes(1));
        String conv = h.sim.buyerStartsConversation(EbayHarness.SELLER, "neu_kunde", null, "Frage", "Liefern Sie nach Österreich?");
        MessageInbox.Poll next = inbox.poll(EbayHarness.SELLER, first.next());
        assertThat(next.messages()).singleElement().satisfies(m -> {
            assertThat(m.threadKey()).isEqualTo(conv);
            assertThat(m.orderId()).isNull();
            assertThat(m.sender().address()).isEqualTo("neu_kunde");
        });
    }

    @Test
    void aReplyGoesIntoTheBuyersConversation() {
        ReplyChannel replies = new EbayReplies(client, h.sellers());
        ReplyChannel.SentReply sent = replies.send(new ReplyChannel.OutboundReply(EbayHarness.SELLER, "ebay-conv-7781", "k_bergmann",
                "12-34567-89012", "Ihr Paket ist mit DHL unterwegs: 00340434161094042559.", "r-1"));
        assertThat(sent.externalMessageId()).isNotBlank();
        assertThat(sent.sentAt()).isEqualTo(h.clock.instant());
        assertThat(h.sim.sellerMessages("ebay-conv-7781")).containsExactly("Ihr Paket ist mit DHL unterwegs: 00340434161094042559.");

        // the seller's reply is not delivered back as a buyer message
        MessageInbox.Poll poll = inbox.poll(EbayHarness.SELLER, new MessageInbox.Cursor(h.clock.instant().minusSeconds(1), java.util.Set.of()));
        assertThat(poll.messages()).isEmpty();
    }

    @Test
    void aReplyWithoutConversationStartsOneWithTheBuyer() {
        ReplyChannel replies = new EbayReplies(client, h.sellers());
        replies.send(new ReplyChannel.OutboundReply(EbayHarness.SELLER, null, "m_muster", "12-34567-89014", "Wir haben storniert.", "r-2"));
        assertThat(h.sim.callCount("message.sendMessage")).isEqualTo(1);
    }

    @Test
    void tooLongRepliesAreRefusedBeforeAnythingIsSentAndEbaysRefusalsAreNamed() {
        ReplyChannel replies = new EbayReplies(client, h.sellers());
        assertThatThrownBy(() -> replies.send(new ReplyChannel.OutboundReply(EbayHarness.SELLER, "ebay-conv-7781", "k_bergmann", null,
                "x".repeat(2001), "r-3")))
                .isInstanceOfSatisfying(ChannelRejectedException.class, e -> assertThat(e.code()).isEqualTo("message-too-long"));
        assertThat(h.sim.callCount("message.sendMessage")).isZero();

        assertThatThrownBy(() -> replies.send(new ReplyChannel.OutboundReply(EbayHarness.SELLER, "no-such-conversation", "k_bergmann",
                null, "Hallo", "r-4")))
                .isInstanceOfSatisfying(ChannelRejectedException.class, e -> assertThat(e.code()).isEqualTo("ebay-355020"));
    }

    @Test
    void forgedStaleAndHostileNotificationsAreRefused() {
        h.sim.buyerWrites("ebay-conv-7781", "Hallo?");
        String soap = h.notifications.get(0).soapBody();
        EbayPlatformNotifications verifier = new EbayPlatformNotifications(h.secretSource(), EbayHarness.APP_SECRET, h.clock,
                Duration.ofMinutes(10));
        String forged = soap.replaceAll("<ebl:NotificationSignature([^>]*)>[^<]+<", "<ebl:NotificationSignature$1>AAAAAAAAAAAAAAAAAAAAAA==<");
        assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOf(EbayPlatformNotifications.RejectedNotification.class)
                .hasMessageContaining("does not match");
        h.clock.advance(Duration.ofMinutes(11));
        assertThatThrownBy(() -> verifier.verify(soap)).isInstanceOf(EbayPlatformNotifications.RejectedNotification.class)
                .hasMessageContaining("more than");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>";
        assertThatThrownBy(() -> verifier.verify(xxe)).isInstanceOf(EbayPlatformNotifications.RejectedNotification.class)
                .hasMessageContaining("without a DTD");
    }

    @Test
    void buyerTextIsKeptWhateverItSays() {
        h.clock.advance(Duration.ofSeconds(5));
        Instant before = h.clock.instant();
        h.sim.buyerWrites("ebay-conv-7781", "<script>alert(1)</script> & \"Anführungszeichen\"");
        MessageInbox.Poll poll = inbox.poll(EbayHarness.SELLER, new MessageInbox.Cursor(before, java.util.Set.of()));
        assertThat(poll.messages()).singleElement().extracting(InboundMessage::body)
                .isEqualTo("<script>alert(1)</script> & \"Anführungszeichen\"");
    }
}
