package com.deskbridge.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.mail.MailRefusedException.Limit;
import com.deskbridge.testing.HostileMail;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mails built to hurt the parser are refused with the limit they break, before mime4j reads them, never with a
 * StackOverflowError or an endless parse (issue 12, failure 1).
 */
class HostileMailTest {
    private static final SellerId SELLER = new SellerId("A2SELLER01");
    private static final Instant FALLBACK = Instant.parse("2026-03-10T00:00:00Z");

    private final InboundMailParser parser = new InboundMailParser();

    private static Limit refusal(Runnable parse) {
        try {
            parse.run();
        } catch (MailRefusedException e) {
            return e.limit();
        }
        throw new AssertionError("the mail was accepted");
    }

    @ParameterizedTest
    @ValueSource(ints = {3_500, 20_000})
    void deeplyNestedMultipartsAreRefusedWithAReason(int depth) {
        byte[] bomb = HostileMail.nestedMultiparts("bomb" + depth, "bomb-" + depth, depth);

        assertThatThrownBy(() -> parser.parse(bomb, SELLER, FALLBACK))
                .isInstanceOf(MailRefusedException.class)
                .isInstanceOf(PermanentMailException.class)
                .hasMessageContaining("nested more than " + MailLimits.MAX_NESTING_DEPTH + " levels");
    }

    @Test
    void nestingUpToTheLimitIsOrdinaryMail() {
        InboundMessage message = parser.parse(HostileMail.nestedMultiparts("deep", "deep-ok",
                MailLimits.MAX_NESTING_DEPTH - 1), SELLER, FALLBACK);

        assertThat(message.body()).isEqualTo("hello");
        assertThat(refusal(() -> parser.parse(HostileMail.nestedMultiparts("deep", "deep-no", MailLimits.MAX_NESTING_DEPTH),
                SELLER, FALLBACK))).isEqualTo(Limit.NESTING_DEPTH);
    }

    @Test
    void attachedMessagesCountAsNesting() {
        StringBuilder mail = new StringBuilder("From: a@example.com\r\nContent-Type: message/rfc822\r\n\r\n");
        for (int i = 0; i < MailLimits.MAX_NESTING_DEPTH + 1; i++) {
            mail.append("From: b@example.com\r\nContent-Type: message/rfc822\r\n\r\n");
        }
        mail.append("From: c@example.com\r\n\r\ninnermost\r\n");

        assertThat(refusal(() -> parser.parse(mail.toString().getBytes(StandardCharsets.US_ASCII), SELLER, FALLBACK)))
                .isEqualTo(Limit.NESTING_DEPTH);
    }

    @Test
    void tooManyParts() {
        assertThat(parser.parse(HostileMail.manyParts("parts", "parts-ok", 40), SELLER, FALLBACK).body()).contains("part 39");
        assertThat(refusal(() -> parser.parse(HostileMail.manyParts("parts", "parts-no", MailLimits.MAX_PARTS), SELLER,
                FALLBACK))).isEqualTo(Limit.PARTS);
    }

    @Test
    void tooManyHeaderFields() {
        assertThat(refusal(() -> parser.parse(HostileMail.manyHeaderFields("hdr", "hdr-no", MailLimits.MAX_HEADER_FIELDS, 20),
                SELLER, FALLBACK))).isEqualTo(Limit.HEADER_FIELDS);
    }

    @Test
    void anOverlongHeaderField() {
        String folded = ("X-Long: start\r\n" + " continued\r\n".repeat(MailLimits.MAX_HEADER_FIELD_BYTES / 12 + 1));
        byte[] mail = ("From: a@example.com\r\n" + folded + "\r\nhello\r\n").getBytes(StandardCharsets.US_ASCII);

        assertThat(refusal(() -> parser.parse(mail, SELLER, FALLBACK))).isEqualTo(Limit.HEADER_FIELD_SIZE);
    }

    @Test
    void anOverlargeHeaderBlock() {
        assertThat(refusal(() -> parser.parse(HostileMail.manyHeaderFields("big", "big-no", 400, 1_000), SELLER,
                FALLBACK))).isEqualTo(Limit.HEADER_SIZE);
    }

    @Test
    void tooMuchDecodedText() {
        String line = "a".repeat(998) + "\r\n";
        byte[] mail = ("From: a@example.com\r\nContent-Type: text/plain\r\n\r\n"
                + line.repeat((int) (MailLimits.MAX_DECODED_TEXT_BYTES / line.length()) + 100)).getBytes(StandardCharsets.US_ASCII);

        assertThat(refusal(() -> parser.parse(mail, SELLER, FALLBACK))).isEqualTo(Limit.DECODED_TEXT);
    }

    @Test
    void boundariesAreCaseSensitiveAsThePartsAreRead() {
        String mail = """
                From: a@example.com\r
                Content-Type: multipart/mixed; boundary="Outer"\r
                \r
                --Outer\r
                Content-Type: multipart/alternative; boundary="outer"\r
                \r
                --outer\r
                Content-Type: text/plain\r
                \r
                inner text\r
                --outer--\r
                --Outer--\r
                """;

        assertThat(parser.parse(mail.getBytes(StandardCharsets.US_ASCII), SELLER, FALLBACK).body()).isEqualTo("inner text");
    }

    @Test
    void anEncodedWordSubjectCannotSmuggleALineBreak() {
        String encoded = java.util.Base64.getEncoder().encodeToString(
                "Frage\r\nBcc: all@example.com".getBytes(StandardCharsets.UTF_8));
        byte[] mail = ("From: a@example.com\r\nSubject: =?UTF-8?B?" + encoded + "?=\r\n\r\nhello\r\n")
                .getBytes(StandardCharsets.US_ASCII);

        assertThat(parser.parse(mail, SELLER, FALLBACK).subject()).isEqualTo("Frage Bcc: all@example.com");
    }

    @Test
    void aParsePastItsDeadlineIsRefusedAndTheCallerGoesOn() throws InterruptedException {
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch interrupted = new java.util.concurrent.CountDownLatch(1);
        assertThatThrownBy(() -> BoundedParse.run(() -> {
            try {
                never.await(); // a parse that never ends on its own
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return "never";
        }, Duration.ofMillis(100)))
                .isInstanceOf(MailRefusedException.class)
                .satisfies(e -> assertThat(((MailRefusedException) e).limit()).isEqualTo(Limit.PARSE_TIME));
        // the caller got the refusal while the parse was still blocked, and the parse was told to stop
        assertThat(never.getCount()).isEqualTo(1);
        assertThat(interrupted.await(60, java.util.concurrent.TimeUnit.SECONDS)).as("the parse thread was interrupted").isTrue();
    }

    @Test
    void aStackOverflowInTheParserIsARefusalNotAnError() {
        assertThatThrownBy(() -> BoundedParse.run(HostileMailTest::recurse, Duration.ofSeconds(30)))
                .isInstanceOf(MailRefusedException.class)
                .satisfies(e -> assertThat(((MailRefusedException) e).limit()).isEqualTo(Limit.PARSER_STACK));
    }

    private static Integer recurse() {
        return recurse() + 1;
    }
}
