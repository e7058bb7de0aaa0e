package com.deskbridge.mail;

import static com.deskbridge.mail.MailFixtures.base64;
import static com.deskbridge.mail.MailFixtures.binary;
import static com.deskbridge.mail.MailFixtures.crlf;
import static com.deskbridge.mail.MailFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.deskbridge.domain.ticket.Attachment;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.domain.ticket.SellerId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InboundMailParserTest {
    private static final SellerId SELLER = new SellerId("A2SELLER01");
    private static final Instant FALLBACK = Instant.parse("2026-03-10T00:00:00Z");

    private final InboundMailParser parser = new InboundMailParser();

    private InboundMessage parse(byte[] raw) {
        return parser.parse(raw, SELLER, FALLBACK);
    }

    private InboundMessage parse(String mail) {
        return parse(utf8(mail));
    }

    @Nested
    class AmazonRelay {
        @Test
        void plainTextRelayMail() {
            InboundMessage m = parse(MailFixtures.amazonRelayPlain());

            assertThat(m.channel()).isEqualTo(Channel.AMAZON);
            assertThat(m.seller()).isEqualTo(SELLER);
            assertThat(m.marketplaceId()).isEqualTo("A1PA6795UKMFR9");
            assertThat(m.threadKey()).isNull();
            assertThat(m.externalMessageId()).isEqualTo("0102018e1a2b3c4d-relay-001@eu-west-1.amazonses.com");
            assertThat(m.orderId()).isEqualTo("302-1234567-7654321");
            assertThat(m.sender().address()).isEqualTo(MailFixtures.RELAY_DE);
            assertThat(m.sender().displayName()).isEqualTo("Erika Mustermann");
            assertThat(m.subject()).isEqualTo("Frage zur Bestellung 302-1234567-7654321 von Erika Mustermann");
            assertThat(m.body()).isEqualTo("Hello, the parcel has not arrived yet.\nCan you check the tracking?");
            assertThat(m.bodyTruncated()).isFalse();
            assertThat(m.attachments()).isEmpty();
            assertThat(m.receivedAt()).isEqualTo(Instant.parse("2026-03-03T09:15:00Z"));
            assertThat(m.conversationKey()).isEqualTo("buyer:" + MailFixtures.RELAY_DE + "|order:302-1234567-7654321");
        }

        @Test
        void quotedPrintableGermanInMultipartAlternativePrefersPlainText() {
            InboundMessage m = parse(MailFixtures.germanAlternativeQuotedPrintable());

            assertThat(m.sender().displayName()).isEqualTo("Jürgen Groß");
            assertThat(m.subject()).isEqualTo("Rücksendung möglich?");
            assertThat(m.body()).isEqualTo("""
                    Guten Tag, die Gießkanne für Bestellung 028-7654321-1234567 ist beschädigt angekommen. \
                    Können Sie mir eine neue schicken?

                    Viele Grüße
                    Jürgen""");
            assertThat(m.body()).doesNotContain("HTML-Fassung");
            assertThat(m.orderId()).as("no id in the subject, so the body's").isEqualTo("028-7654321-1234567");
        }

        @Test
        void latin1FrenchBodyAndEncodedWordSubject() {
            InboundMessage m = parse(MailFixtures.frenchLatin1());

            assertThat(m.marketplaceId()).isEqualTo("A13V1IB3VIYZZH");
            assertThat(m.sender().displayName()).isEqualTo("Renée Lefèvre");
            assertThat(m.subject()).isEqualTo("Problème de livraison");
            assertThat(m.body()).isEqualTo("Bonjour, où est ma commande 171-1111111-2222222 ? Très déçu.\nCordialement, Renée");
            assertThat(m.orderId()).isEqualTo("171-1111111-2222222");
        }

        @Test
        void withoutRelayMarkersTheWholeTextIsKept() {
            InboundMessage m = parse("""
                    From: buyer <aaaabbbbccccddd@marketplace.amazon.com>
                    Subject: question
                    Message-ID: <no-markers@relay>

                    Line one.

                    Line two.
                    """);

            assertThat(m.body()).isEqualTo("Line one.\n\nLine two.");
            assertThat(m.marketplaceId()).isEqualTo("ATVPDKIKX0DER");
            assertThat(m.sender().displayName()).isEqualTo("buyer");
        }

        @Test
        void startMarkerWithoutEndKeepsTheRest() {
            InboundMessage m = parse("""
                    From: aaaabbbbccccddd@marketplace.amazon.co.uk
                    Subject: question
                    Message-ID: <start-only@relay>

                    Order ID: 205-0000000-0000001
                    ------------- Message: -------------
                    Is it waterproof?
                    """);

            assertThat(m.body()).isEqualTo("Is it waterproof?");
            assertThat(m.orderId()).as("the boilerplate outside the buyer text still names the order")
                    .isEqualTo("205-0000000-0000001");
            assertThat(m.sender().displayName()).isNull();
        }

        @Test
        void subjectOrderIdWinsOverBodyOrderId() {
            InboundMessage m = parse("""
                    From: aaaabbbbccccddd@marketplace.amazon.de
                    Subject: Bestellung 111-2222222-3333333
                    Message-ID: <order-priority@relay>

                    Meant 444-5555555-6666666 actually.
                    """);

            assertThat(m.orderId()).isEqualTo("111-2222222-3333333");
        }

        @Test
        void digitsThatOnlyContainAnOrderIdPatternAreNotAnOrderId() {
            InboundMessage m = parse("""
                    From: aaaabbbbccccddd@marketplace.amazon.de
                    Subject: Tracking 9111-2222222-33333334
                    Message-ID: <not-an-order@relay>

                    No order here.
                    """);

            assertThat(m.orderId()).isNull();
        }

        @ParameterizedTest
        @CsvSource({
                "marketplace.amazon.com, ATVPDKIKX0DER",
                "marketplace.amazon.ca, A2EUQ1WTGCTBG2",
                "marketplace.amazon.com.mx, A1AM78C64UM0Y8",
                "marketplace.amazon.com.br, A2Q3Y263D00KWC",
                "marketplace.amazon.co.uk, A1F83G8C2ARO7P",
                "marketplace.amazon.de, A1PA6795UKMFR9",
                "marketplace.amazon.fr, A13V1IB3VIYZZH",
                "marketplace.amazon.it, APJ6JRA9NG5V4",
                "marketplace.amazon.es, A1RKKUPIHCS9HS",
                "marketplace.amazon.nl, A1805IZSGTT6HS",
                "marketplace.amazon.se, A2NODRKZP88ZB9",
                "marketplace.amazon.pl, A1C3SOZRARQ6R3",
                "marketplace.amazon.com.be, AMEN7PMS3EDWL",
                "marketplace.amazon.com.tr, A33AVAJ2PDY3EV",
                "marketplace.amazon.co.jp, A1VC38T7YXB528",
                "marketplace.amazon.com.au, A39IBJ37TRP1C6",
                "marketplace.amazon.in, A21TJRUUN4KGV",
                "marketplace.amazon.sg, A19VAU5U5O7RUS",
                "marketplace.amazon.ae, A2VIGQ35RCS4UG",
                "marketplace.amazon.sa, A17E79C6D8DWNP",
                "marketplace.amazon.eg, ARBP9OOSHTCHU",
                "MARKETPLACE.AMAZON.CO.UK, A1F83G8C2ARO7P"})
        void relayDomainDecidesTheMarketplace(String domain, String marketplaceId) {
            InboundMessage m = parse(mailFrom("alias123@" + domain));

            assertThat(m.channel()).isEqualTo(Channel.AMAZON);
            assertThat(m.marketplaceId()).isEqualTo(marketplaceId);
            assertThat(m.threadKey()).isNull();
        }

        @Test
        void unknownRelayCountryIsAmazonWithoutMarketplace() {
            InboundMessage m = parse(mailFrom("alias123@marketplace.amazon.co.za"));

            assertThat(m.channel()).isEqualTo(Channel.AMAZON);
            assertThat(m.marketplaceId()).isNull();
        }

        @ParameterizedTest
        @CsvSource({
                "alias@marketplace.amazon.de.phish.example",
                "alias@fakemarketplace.amazon.de",
                "alias@sub.marketplace.amazon.de",
                "marketplace.amazon.de@example.com",
                "donotreply@amazon.de"})
        void lookalikeDomainsAreOrdinaryEmail(String address) {
            InboundMessage m = parse(mailFrom(address));

            assertThat(m.channel()).isEqualTo(Channel.EMAIL);
            assertThat(m.marketplaceId()).isNull();
            assertThat(m.threadKey()).isEqualTo("lookalike@test");
        }

        private String mailFrom(String address) {
            return """
                    From: Buyer - Amazon Marketplace <%s>
                    Subject: hi
                    Message-ID: <lookalike@test>

                    Hello.
                    """.formatted(address);
        }

        @Test
        void nameSuffixIsOnlyStrippedForTheRelay() {
            InboundMessage m = parse("""
                    From: "Ann - Amazon Marketplace" <ann@example.com>
                    Subject: hi
                    Message-ID: <suffix@test>

                    Hello.
                    """);

            assertThat(m.sender().displayName()).isEqualTo("Ann - Amazon Marketplace");
        }
    }

    @Nested
    class GenericEmail {
        @Test
        void referencesRootIsTheThreadKey() {
            InboundMessage m = parse(MailFixtures.genericMail("""
                    In-Reply-To: <second@shop.example>
                    References: <root-1@shop.example>
                     <second@shop.example>
                    """, "Message-ID: <third@example.com>\n"));

            assertThat(m.channel()).isEqualTo(Channel.EMAIL);
            assertThat(m.marketplaceId()).isNull();
            assertThat(m.threadKey()).isEqualTo("root-1@shop.example");
            assertThat(m.externalMessageId()).isEqualTo("third@example.com");
            assertThat(m.sender().address()).isEqualTo("pat.example@example.com");
            assertThat(m.sender().displayName()).isEqualTo("Pat Example");
            assertThat(m.orderId()).isNull();
            assertThat(m.conversationKey()).isEqualTo("thread:root-1@shop.example");
        }

        @Test
        void inReplyToWhenThereAreNoReferences() {
            InboundMessage m = parse(MailFixtures.genericMail("In-Reply-To: <parent@shop.example>\n",
                    "Message-ID: <child@example.com>\n"));

            assertThat(m.threadKey()).isEqualTo("parent@shop.example");
        }

        @Test
        void ownMessageIdStartsANewThread() {
            InboundMessage m = parse(MailFixtures.genericMail("", "Message-ID: <first-contact@example.com>\n"));

            assertThat(m.threadKey()).isEqualTo("first-contact@example.com");
            assertThat(m.conversationKey()).isEqualTo("thread:first-contact@example.com");
        }

        @Test
        void missingMessageIdGivesAStableContentHash() throws Exception {
            byte[] raw = utf8(MailFixtures.genericMail("", ""));
            String expected = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));

            InboundMessage first = parse(raw);
            InboundMessage redelivered = parse(raw.clone());
            InboundMessage other = parse(utf8(MailFixtures.genericMail("X-Other: 1\n", "")));

            assertThat(first.externalMessageId()).isEqualTo(expected);
            assertThat(redelivered.externalMessageId()).isEqualTo(expected);
            assertThat(redelivered.messageKey()).isEqualTo(first.messageKey());
            assertThat(other.externalMessageId()).startsWith("sha256:").isNotEqualTo(expected);
            assertThat(first.threadKey()).isEqualTo(expected);
        }

        @Test
        void receivedAtFallsBackWhenDateIsMissingOrBroken() {
            InboundMessage missing = parse("""
                    From: a@example.com
                    Message-ID: <nodate@test>

                    Hi.
                    """);
            InboundMessage broken = parse("""
                    From: a@example.com
                    Date: sometime last week
                    Message-ID: <baddate@test>

                    Hi.
                    """);

            assertThat(missing.receivedAt()).isEqualTo(FALLBACK);
            assertThat(broken.receivedAt()).isEqualTo(FALLBACK);
        }

        @Test
        void overlongMessageIdIsReplacedByItsHash() {
            String longId = "x".repeat(1200) + "@example.com";
            InboundMessage m = parse("""
                    From: a@example.com
                    Message-ID: <%s>

                    Hi.
                    """.formatted(longId));

            assertThat(m.externalMessageId()).startsWith("sha256:").hasSize(7 + 64);
            assertThat(m.threadKey()).isEqualTo(m.externalMessageId());
        }
    }

    @Nested
    class Bodies {
        @Test
        void htmlOnlyIsRenderedAsReadableText() {
            InboundMessage m = parse(MailFixtures.htmlOnlyWithTableAndScript());

            assertThat(m.body()).isEqualTo("""
                    Hello team,

                    my items:
                    first line
                    second line

                    Item | Qty
                    Watering can | 2

                    Thanks, Kim""");
            assertThat(m.body()).doesNotContain("secret", "color", "Mail title", "javascript");
        }

        @Test
        void windows1252BytesLabelledLatin1AreDecodedLikeMailClientsDo() {
            String mail = crlf("""
                    From: a@example.com
                    Message-ID: <cp1252@test>
                    Content-Type: text/plain; charset=iso-8859-1
                    Content-Transfer-Encoding: 8bit

                    Preis: 20 \u0080 \u0093inkl.\u0094 Versand, Gr\u00fc\u00dfe
                    """);
            InboundMessage m = parse(mail.getBytes(StandardCharsets.ISO_8859_1));

            assertThat(m.body()).isEqualTo("Preis: 20 € “inkl.” Versand, Grüße");
        }

        @Test
        void base64Utf8BodyWithoutCharsetIsSniffedAsUtf8() {
            String mail = crlf("""
                    From: a@example.com
                    Message-ID: <b64@test>
                    Content-Type: text/plain
                    Content-Transfer-Encoding: base64

                    %s
                    """.formatted(base64("Zażółć gęślą jaźń".getBytes(StandardCharsets.UTF_8))));

            assertThat(parse(mail).body()).isEqualTo("Zażółć gęślą jaźń");
        }

        @Test
        void nestedMultipartsPickPlainTextAndSkipInlineResources() {
            String pdf = base64(binary(1500, 0x25, 0x50, 0x44, 0x46));
            String png = base64(binary(300, 0x89, 0x50, 0x4E, 0x47));
            InboundMessage m = parse("""
                    From: a@example.com
                    Message-ID: <nested@test>
                    MIME-Version: 1.0
                    Content-Type: multipart/mixed; boundary="outer"

                    --outer
                    Content-Type: multipart/alternative; boundary="alt"

                    --alt
                    Content-Type: text/plain; charset=utf-8

                    Plain version wins.
                    --alt
                    Content-Type: multipart/related; boundary="rel"

                    --rel
                    Content-Type: text/html; charset=utf-8

                    <p>HTML version <img src="cid:logo@x"></p>
                    --rel
                    Content-Type: image/png
                    Content-ID: <logo@x>
                    Content-Transfer-Encoding: base64

                    %s
                    --rel--
                    --alt--
                    --outer
                    Content-Type: application/pdf
                    Content-Transfer-Encoding: base64

                    %s
                    --outer--
                    """.formatted(png, pdf));

            assertThat(m.body()).isEqualTo("Plain version wins.");
            assertThat(m.attachments()).containsExactly(new Attachment("attachment-1.pdf", "application/pdf", 1500));
        }

        @Test
        void blankPlainAlternativeFallsBackToHtml() {
            InboundMessage m = parse("""
                    From: a@example.com
                    Message-ID: <blank-plain@test>
                    Content-Type: multipart/alternative; boundary="b"

                    --b
                    Content-Type: text/plain; charset=utf-8

                    \s
                    --b
                    Content-Type: text/html; charset=utf-8

                    <div>Only <i>here</i></div>
                    --b--
                    """);

            assertThat(m.body()).isEqualTo("Only here");
        }

        @Test
        void bodyOverTheDomainLimitIsTruncatedNotRejected() {
            String text = "a".repeat(InboundMessage.MAX_BODY_CHARS + 500);
            InboundMessage m = parse("""
                    From: a@example.com
                    Message-ID: <long@test>

                    %s
                    """.formatted(text));

            assertThat(m.bodyTruncated()).isTrue();
            assertThat(m.body()).hasSize(InboundMessage.MAX_BODY_CHARS);
        }
    }

    @Nested
    class Attachments {
        @Test
        void encodedFileNamesAndDecodedSizes() {
            byte[] pdf = binary(4321, 0x25, 0x50, 0x44, 0x46);
            byte[] jpeg = binary(2048, 0xFF, 0xD8, 0xFF, 0xE0);
            byte[] png = binary(77, 0x89, 0x50, 0x4E, 0x47);
            InboundMessage m = parse("""
                    From: "Erika" <7h2k9x4m1q8w3z5@marketplace.amazon.de>
                    Subject: Fotos
                    Message-ID: <attachments@relay>
                    MIME-Version: 1.0
                    Content-Type: multipart/mixed; boundary="mix"

                    --mix
                    Content-Type: text/plain; charset=utf-8

                    ------------- Message: -------------
                    Siehe Anhang.
                    ------------- End message -------------
                    --mix
                    Content-Type: application/pdf
                    Content-Disposition: attachment;
                     filename*=UTF-8''Rechnung%%20M%%C3%%A4rz%%202026.pdf
                    Content-Transfer-Encoding: base64

                    %s
                    --mix
                    Content-Type: image/jpeg; name="=?UTF-8?B?U2NoYWRlbiBHaWXDn2thbm5lLmpwZw==?="
                    Content-Transfer-Encoding: base64

                    %s
                    --mix
                    Content-Type: image/png
                    Content-Disposition: attachment; filename="=?ISO-8859-1?Q?K=FCche.png?="
                    Content-Transfer-Encoding: base64

                    %s
                    --mix
                    Content-Type: application/octet-stream
                    Content-Disposition: attachment
                    Content-Transfer-Encoding: base64

                    AAECAw==
                    --mix--
                    """.formatted(base64(pdf), base64(jpeg), base64(png)));

            assertThat(m.body()).isEqualTo("Siehe Anhang.");
            assertThat(m.attachments()).containsExactly(
                    new Attachment("Rechnung März 2026.pdf", "application/pdf", 4321),
                    new Attachment("Schaden Gießkanne.jpg", "image/jpeg", 2048),
                    new Attachment("Küche.png", "image/png", 77),
                    new Attachment("attachment-4.bin", "application/octet-stream", 4));
        }

        @Test
        void attachmentOnlyMailIsAccepted() {
            InboundMessage m = parse("""
                    From: a@example.com
                    Message-ID: <only-file@test>
                    Content-Type: multipart/mixed; boundary="m"

                    --m
                    Content-Type: image/jpeg
                    Content-Disposition: attachment; filename="C:\\\\Users\\\\kim\\\\photo.jpg"
                    Content-Transfer-Encoding: base64

                    /9j/4AAQ
                    --m--
                    """);

            assertThat(m.body()).isEmpty();
            assertThat(m.attachments()).containsExactly(new Attachment("photo.jpg", "image/jpeg", 6));
        }

        @Test
        void namedTextPartAndForwardedMessageAreAttachmentsNotBody() {
            InboundMessage m = parse("""
                    From: a@example.com
                    Message-ID: <fwd@test>
                    Content-Type: multipart/mixed; boundary="m"

                    --m
                    Content-Type: text/plain

                    See the log and the forwarded mail.
                    --m
                    Content-Type: text/plain; name="log.txt"

                    line 1
                    --m
                    Content-Type: message/rfc822

                    From: someone@example.net
                    Subject: original

                    original text
                    --m--
                    """);

            assertThat(m.body()).isEqualTo("See the log and the forwarded mail.");
            assertThat(m.attachments()).extracting(Attachment::fileName, Attachment::contentType)
                    .containsExactly(
                            tuple("log.txt", "text/plain"),
                            tuple("attachment-2.eml", "message/rfc822"));
            assertThat(m.attachments().get(0).sizeBytes()).isEqualTo("line 1".length());
            assertThat(m.attachments().get(1).sizeBytes()).isGreaterThan("original text".length());
        }

        @Test
        void inlineImageIsNotAnAttachment() {
            InboundMessage m = parse("""
                    From: a@example.com
                    Message-ID: <inline@test>
                    Content-Type: multipart/mixed; boundary="m"

                    --m
                    Content-Type: text/plain

                    Photo below.
                    --m
                    Content-Type: image/png
                    Content-Disposition: inline; filename="smiley.png"
                    Content-Transfer-Encoding: base64

                    iVBORw==
                    --m--
                    """);

            assertThat(m.attachments()).isEmpty();
        }
    }

    @Nested
    class Garbage {
        @Test
        void emptyInput() {
            assertThatThrownBy(() -> parse(new byte[0]))
                    .isInstanceOf(UnparseableMailException.class)
                    .hasMessageContaining("empty");
        }

        @Test
        void textWithoutHeaders() {
            assertThatThrownBy(() -> parse("just some words, not an e-mail\nsecond line\n".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(UnparseableMailException.class)
                    .hasMessageContaining("no header fields");
        }

        @Test
        void binaryNoise() {
            assertThatThrownBy(() -> parse(binary(5000, 0x00, 0xFF, 0x10)))
                    .isInstanceOf(UnparseableMailException.class)
                    .isInstanceOf(PermanentMailException.class);
        }

        @Test
        void noFromHeader() {
            assertThatThrownBy(() -> parse("""
                    To: support@example.com
                    Subject: who am I

                    Hello.
                    """))
                    .isInstanceOf(UnparseableMailException.class)
                    .extracting(e -> ((UnparseableMailException) e).reason())
                    .isEqualTo("no From header");
        }

        @Test
        void fromWithoutAddress() {
            assertThatThrownBy(() -> parse("""
                    From: undisclosed-recipients:;
                    Subject: hello

                    Hello.
                    """))
                    .isInstanceOf(UnparseableMailException.class)
                    .hasMessage("From header has no address");
        }

        @ParameterizedTest
        @ValueSource(strings = {"not an address at all", "\"Only A Name\"", "kim@", "@example.com", "kim@localhost"})
        void fromWithoutAUsableAddress(String from) {
            assertThatThrownBy(() -> parse("From: " + from + "\nSubject: s\n\nHello.\n"))
                    .isInstanceOf(UnparseableMailException.class)
                    .hasMessageStartingWith("From header has no");
        }

        @Test
        void noBodyAndNoAttachments() {
            assertThatThrownBy(() -> parse("""
                    From: a@example.com
                    Subject: empty

                    \s\s
                    """))
                    .isInstanceOf(UnparseableMailException.class)
                    .hasMessage("no body text and no attachments");
        }

        @Test
        void relayMailWithNothingBetweenTheMarkers() {
            assertThatThrownBy(() -> parse("""
                    From: aaaabbbbccccddd@marketplace.amazon.de
                    Subject: Bestellung 302-1234567-7654321

                    Order ID: 302-1234567-7654321
                    ------------- Message: -------------

                    ------------- End message -------------
                    """))
                    .isInstanceOf(UnparseableMailException.class)
                    .hasMessage("no body text and no attachments");
        }

        @Test
        void rawMailOverTheConfiguredLimit() {
            byte[] raw = utf8(MailFixtures.amazonRelayPlain());
            InboundMailParser small = new InboundMailParser(raw.length - 1);

            assertThatThrownBy(() -> small.parse(raw, SELLER, FALLBACK))
                    .isInstanceOf(MailTooLargeException.class)
                    .hasMessageContaining("limit " + (raw.length - 1));
            assertThat(new InboundMailParser(raw.length).parse(raw, SELLER, FALLBACK).body()).isNotEmpty();
        }

        @Test
        void rawMailOverTheSesLimit() {
            byte[] raw = new byte[MailLimits.MAX_RAW_BYTES + 1];

            assertThatThrownBy(() -> parse(raw))
                    .isInstanceOf(MailTooLargeException.class)
                    .satisfies(e -> assertThat(((MailTooLargeException) e).limitBytes()).isEqualTo(40L * 1024 * 1024));
        }

        @Test
        void tooManyAttachmentsEscapesAsDomainError() {
            StringBuilder mail = new StringBuilder("""
                    From: a@example.com
                    Message-ID: <many@test>
                    Content-Type: multipart/mixed; boundary="m"

                    """);
            for (int i = 0; i <= InboundMessage.MAX_ATTACHMENTS; i++) {
                mail.append("--m\nContent-Type: application/pdf\n\nx\n");
            }
            mail.append("--m--\n");

            assertThatThrownBy(() -> parse(mail.toString()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("attachments");
        }
    }
}
