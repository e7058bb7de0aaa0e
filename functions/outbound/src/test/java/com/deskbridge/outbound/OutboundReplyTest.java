package com.deskbridge.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundReplyTest {
    static final String FROM = "service@hausrat-schmidt.example";
    static final String TO = "k8x2mq9v7tzz3hb@marketplace.amazon.de";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Frage zu Bestellung 302-1234567-1234567|Re: Frage zu Bestellung 302-1234567-1234567",
        "Re: Where is my parcel?|Re: Where is my parcel?",
        "RE: Where is my parcel?|RE: Where is my parcel?",
        "AW: Lieferung|AW: Lieferung",
        "RIF: Consegna|RIF: Consegna",
        "  Return request  |Re: Return request",
        "Regarding your order|Re: Regarding your order",
    })
    void replySubjectKeepsAmazonsThreadSubject(String thread, String expected) {
        assertThat(OutboundReply.replySubject(thread)).isEqualTo(expected);
    }

    @Test
    void messageIdIsDeterministicPerIdempotencyKey() {
        OutboundReply a = OutboundReply.inThread(FROM, TO, "Lieferung", "Text", "<abc@relay.amazon.de>", "reply-1");
        OutboundReply again = OutboundReply.inThread(FROM, TO, "Lieferung", "Anderer Text", null, "reply-1");
        OutboundReply other = OutboundReply.inThread(FROM, TO, "Lieferung", "Text", "<abc@relay.amazon.de>", "reply-2");
        assertThat(a.messageId()).isEqualTo(again.messageId()).matches("<deskbridge\\.[0-9a-f]{40}@hausrat-schmidt"
                + "\\.example>").doesNotContain("reply-1");
        assertThat(other.messageId()).isNotEqualTo(a.messageId());
    }

    @Test
    void threadIdsAreNormalizedToAngleBrackets() {
        OutboundReply r = new OutboundReply(FROM, TO, "Re: x", "Text", "abc@relay.amazon.de",
                List.of("<first@relay.amazon.de>", "second@relay.amazon.de"), null, "k");
        assertThat(r.inReplyTo()).isEqualTo("<abc@relay.amazon.de>");
        assertThat(r.references()).containsExactly("<first@relay.amazon.de>", "<second@relay.amazon.de>");
        assertThat(r.attachments()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"anna.mueller@gmail.com", "x@marketplace.amazon.de.evil.example", "not-an-address",
        "a@marketplace.amazon.de\r\nBcc: b@example.org"})
    void onlyAmazonRelayAliasesAreAcceptedAsRecipients(String to) {
        assertThatThrownBy(() -> OutboundReply.inThread(FROM, to, "x", "Text", null, "k"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("relay alias");
    }

    @Test
    void relayAliasesOfOtherMarketplacesAreAccepted() {
        for (String tld : List.of("com", "co.uk", "fr", "it", "es", "com.mx", "co.jp")) {
            assertThat(OutboundReply.inThread(FROM, "abc@marketplace.amazon." + tld, "x", "y", null, "k").toAddress())
                    .endsWith(tld);
        }
    }

    @Test
    void headerInjectionAndEmptyPartsAreRejected() {
        assertThatThrownBy(() -> OutboundReply.inThread(FROM, TO, "Hi\r\nBcc: x@example.org", "Text", null, "k"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutboundReply.inThread(FROM, TO, "Hi", " ", null, "k"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutboundReply.inThread(FROM, TO, "Hi", "Text", "<a b@c>", "k"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutboundReply.inThread(FROM, TO, "Hi", "Text", null, ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutboundReply.inThread("seller", TO, "Hi", "Text", null, "k"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutboundReply.inThread(FROM, TO, "Hi", "x".repeat(20_001), null, "k"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringOmitsTheBody() {
        OutboundReply r = OutboundReply.inThread(FROM, TO, "Hi", "Sehr geehrte Frau Müller", null, "k");
        assertThat(r.toString()).doesNotContain("Müller").contains("24 chars");
    }

    @Test
    void attachmentsAreLimitedToAmazonsTypesAndSize() {
        assertThat(new OutboundAttachment("Rechnung.pdf", "Application/PDF", new byte[] {1}).contentType())
                .isEqualTo("application/pdf");
        assertThatThrownBy(() -> new OutboundAttachment("setup.exe", "application/octet-stream", new byte[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not delivered by Amazon");
        assertThatThrownBy(() -> new OutboundAttachment("big.png", "image/png",
                new byte[(int) OutboundAttachment.MAX_BYTES + 1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutboundAttachment("../x.pdf", "application/pdf", new byte[1]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
