package com.deskbridge.domain;

import static com.deskbridge.domain.Messages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.domain.ticket.Attachment;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.domain.ticket.TicketId;
import java.util.List;
import org.junit.jupiter.api.Test;

class InboundMessageTest {

    @Test
    void messagesOfOneThreadShareATicketAndOthersDoNot() {
        InboundMessage first = message().externalId("a").build();
        InboundMessage second = message().externalId("b").orderId("99-0000000-0000000").build();
        InboundMessage otherThread = message().externalId("c").threadKey("thread-2").build();
        InboundMessage otherSeller = message().externalId("a").seller("seller-2").build();
        InboundMessage otherChannel = message().externalId("a").channel(Channel.SHOPIFY).build();

        assertThat(second.ticketId()).isEqualTo(first.ticketId());
        assertThat(otherThread.ticketId()).isNotEqualTo(first.ticketId());
        assertThat(otherSeller.ticketId()).isNotEqualTo(first.ticketId());
        assertThat(otherChannel.ticketId()).isNotEqualTo(first.ticketId());
    }

    @Test
    void withoutThreadKeyTheBuyerAndOrderMakeTheConversation() {
        InboundMessage a = message().channel(Channel.AMAZON).threadKey(null).sender("Ab12@marketplace.amazon.de")
                .orderId("302-1234567-1234567").externalId("1").build();
        InboundMessage sameBuyerOtherCase = message().channel(Channel.AMAZON).threadKey(null)
                .sender("ab12@MARKETPLACE.amazon.de").orderId("302-1234567-1234567").externalId("2").build();
        InboundMessage otherOrder = message().channel(Channel.AMAZON).threadKey(null).sender("ab12@marketplace.amazon.de")
                .orderId("302-7654321-7654321").externalId("3").build();
        InboundMessage noOrder = message().channel(Channel.AMAZON).threadKey(null).sender("ab12@marketplace.amazon.de")
                .orderId(null).externalId("4").build();

        assertThat(sameBuyerOtherCase.ticketId()).isEqualTo(a.ticketId());
        assertThat(otherOrder.ticketId()).isNotEqualTo(a.ticketId());
        assertThat(noOrder.ticketId()).isNotEqualTo(a.ticketId());
        assertThat(a.conversationKey()).isEqualTo("buyer:ab12@marketplace.amazon.de|order:302-1234567-1234567");
    }

    @Test
    void messageKeyDependsOnlyOnChannelAndExternalId() {
        assertThat(message().externalId("x").body("one").build().messageKey())
                .isEqualTo(message().externalId("x").body("two").threadKey("other").build().messageKey());
        assertThat(message().externalId("x").build().messageKey())
                .isNotEqualTo(message().externalId("y").build().messageKey());
        assertThat(message().externalId("x").build().messageKey()).matches("m[a-z2-7]{24}");
    }

    @Test
    void ticketIdsAreUrlSafeAndValidated() {
        assertThat(message().build().ticketId().value()).matches("t[a-z2-7]{24}");
        assertThatThrownBy(() -> TicketId.parse("../etc/passwd"))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("ticketId");
        assertThatThrownBy(() -> TicketId.parse(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void requiredFieldsAreNamedWhenMissing() {
        assertThatThrownBy(() -> message().externalId(" ").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("externalMessageId");
        assertThatThrownBy(() -> message().receivedAt(null).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("receivedAt");
        assertThatThrownBy(() -> message().sender("").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("sender.address");
        assertThatThrownBy(() -> message().seller("bad seller!").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("sellerId");
        assertThatThrownBy(() -> message().body("  ").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("body");
        assertThatThrownBy(() -> Channel.parse("fax", "channel"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("fax");
    }

    @Test
    void anAttachmentAloneIsAMessage() {
        InboundMessage m = message().body("").attachments(List.of(new Attachment("photo.jpg", "image/jpeg", 2048))).build();
        assertThat(m.attachments()).hasSize(1);
        assertThatThrownBy(() -> new Attachment("x.pdf", "application/pdf", -1)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void overlongBodiesAreCutAndFlagged() {
        String longBody = "x".repeat(InboundMessage.MAX_BODY_CHARS + 10);
        InboundMessage m = message().body(longBody).build();
        assertThat(m.body()).hasSize(InboundMessage.MAX_BODY_CHARS);
        assertThat(m.bodyTruncated()).isTrue();
        assertThat(message().build().bodyTruncated()).isFalse();
    }

    @Test
    void aSubjectIsOneBoundedLine() {
        String injected = message().subject("Where is it?\r\nBcc: everyone@example.com\n\tnext").build().subject();
        String overlong = message().subject("x".repeat(998)).build().subject();

        assertThat(injected).isEqualTo("Where is it? Bcc: everyone@example.com next");
        assertThat(overlong).hasSize(InboundMessage.MAX_SUBJECT_CHARS).endsWith("\u2026");
        assertThat(message().subject(" \r\n ").build().subject()).isNull();
    }

    @Test
    void controlAndBidiCharactersFromBuyersAreRemovedWherever() {
        InboundMessage m = message()
                .subject("Refund\u202E\u0000 please\u200B")
                .displayName("Ann\u202Enimda\u2066")
                .body("Hello\u0000 world\u202E!\r\nLine two\u2028Line three \uD83D\uDC69\u200D\uD83D\uDCBB\uDB40\uDC41\uFEFF")
                .orderId("12-34567\u202E-89012")
                .attachments(List.of(new Attachment("invoice\u202Efdp.exe", "application/pdf", 10)))
                .build();

        assertThat(m.subject()).isEqualTo("Refund please");
        assertThat(m.sender().displayName()).isEqualTo("Annnimda");
        assertThat(m.body()).isEqualTo("Hello world!\nLine two\nLine three \uD83D\uDC69\u200D\uD83D\uDCBB");
        assertThat(m.orderId()).isEqualTo("12-34567-89012");
        assertThat(m.attachments().get(0).fileName()).isEqualTo("invoicefdp.exe");
    }

    @Test
    void brokenUtf16BecomesTheReplacementCharacter() {
        assertThat(message().body("a\uD800b\uDC00c").build().body()).isEqualTo("a\uFFFDb\uFFFDc");
    }

    @Test
    void whatIsServedIsCleanEvenWhenItWasStoredBeforeIntakeCleanedIt() {
        com.deskbridge.domain.ticket.TicketMessage stored = com.deskbridge.domain.ticket.TicketMessage.inbound("m1", "ext",
                new com.deskbridge.domain.ticket.Sender("buyer\u202E@example.com", "Eve\u0007"), "Hi\r\nthere",
                "body\u202E\u0000", false, List.of(), java.time.Instant.EPOCH);

        assertThat(stored.body()).isEqualTo("body");
        assertThat(stored.subject()).isEqualTo("Hi there");
        assertThat(stored.sender().address()).isEqualTo("buyer@example.com");
        assertThat(stored.sender().displayName()).isEqualTo("Eve");
    }
}
