package com.deskbridge.outbound;

import static com.deskbridge.outbound.OutboundReplyTest.FROM;
import static com.deskbridge.outbound.OutboundReplyTest.TO;
import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.http.SecretSource;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Wire-level tests against a real in-process SMTP server (GreenMail) and a scripted one for error codes. */
class SmtpOutboundChannelTest {
    private static final String PASSWORD = "Sm7p-p4ss-w0rd-N3ver-L0gged";
    private static final String SMTP_USER = "smtp-user";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T01:30:00Z"), ZoneOffset.UTC);
    private static final SecretSource SECRETS = name -> {
        if (!name.equals("deskbridge/smtp")) {
            throw new IllegalStateException("no secret " + name);
        }
        return Map.of("username", SMTP_USER, "password", PASSWORD);
    };

    /** Our logger and Jakarta Mail's (which traces the SMTP dialogue at FINE): neither may reveal the password. */
    private static final List<String> LOGGERS = List.of(SmtpOutboundChannel.class.getName(), "org.eclipse.angus",
            "jakarta.mail");

    private GreenMail greenMail;
    private final List<String> logLines = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            String params = r.getParameters() == null ? "" : " " + java.util.Arrays.toString(r.getParameters());
            logLines.add(r.getLevel() + " " + r.getMessage() + params
                    + (r.getThrown() == null ? "" : " " + r.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void start() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        greenMail.setUser(FROM, SMTP_USER, PASSWORD);
        for (String name : LOGGERS) {
            Logger.getLogger(name).addHandler(capture);
            Logger.getLogger(name).setLevel(Level.ALL);
        }
    }

    @AfterEach
    void stop() {
        for (String name : LOGGERS) {
            Logger.getLogger(name).removeHandler(capture);
            Logger.getLogger(name).setLevel(null);
        }
        greenMail.stop();
        String plainAuth = Base64.getEncoder().encodeToString(("\0" + SMTP_USER + "\0" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        String loginAuth = Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8));
        assertThat(String.join("\n", logLines)).doesNotContain(PASSWORD, plainAuth, loginAuth);
    }

    private SmtpOutboundChannel greenMailChannel(String secret) {
        return new SmtpOutboundChannel(new SmtpSettings("127.0.0.1", greenMail.getSmtp().getPort(),
                SmtpSettings.Security.NONE, secret, Duration.ofSeconds(5), "deskbridge.test"), SECRETS, CLOCK);
    }

    private static SmtpOutboundChannel scriptedChannel(int port) {
        return new SmtpOutboundChannel(SmtpSettings.local("127.0.0.1", port), null, CLOCK);
    }

    private MimeMessage onlyReceived() throws InterruptedException {
        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    @Test
    void primingWritesTheMailIntoNothingWithoutConnectingOrReadingTheCredentials() throws Exception {
        List<String> secretsRead = new ArrayList<>();
        SmtpOutboundChannel channel = new SmtpOutboundChannel(new SmtpSettings("127.0.0.1",
                greenMail.getSmtp().getPort(), SmtpSettings.Security.NONE, "deskbridge/smtp", Duration.ofSeconds(5),
                "deskbridge.test"), name -> {
                    secretsRead.add(name);
                    return SECRETS.secret(name);
                }, CLOCK);

        channel.prime(new OutboundReply(FROM, TO, "Re: Where is my parcel?", "Your parcel left today.",
                "<priming@example.com>", List.of("<priming@example.com>"), List.of(), "snapstart-priming"));

        assertThat(greenMail.waitForIncomingEmail(300, 1)).as("nothing sent").isFalse();
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertThat(secretsRead).as("no credential read into the snapshot").isEmpty();
    }

    @Test
    void sendsInTheThreadWithDeterministicMessageId() throws Exception {
        OutboundReply reply = new OutboundReply(FROM, TO, OutboundReply.replySubject("Where is my parcel?"),
                "Hello Anna,\n\nyour parcel is on its way.", "<0100018c-buyer-msg@email.amazonses.com>",
                List.of("<first@marketplace.amazon.de>", "<0100018c-buyer-msg@email.amazonses.com>"), List.of(),
                "reply-7f3a");

        SendResult result = greenMailChannel("deskbridge/smtp").send(reply);

        assertThat(result).isEqualTo(new SendResult.Sent(reply.messageId()));
        MimeMessage m = onlyReceived();
        assertThat(m.getHeader("Message-ID", null)).isEqualTo(reply.messageId());
        assertThat(m.getHeader("From", null)).isEqualTo(FROM);
        assertThat(m.getHeader("To", null)).isEqualTo(TO);
        assertThat(m.getSubject()).isEqualTo("Re: Where is my parcel?");
        assertThat(m.getHeader("In-Reply-To", null)).isEqualTo("<0100018c-buyer-msg@email.amazonses.com>");
        assertThat(m.getHeader("References", null).replaceAll("\\s+", " "))
                .isEqualTo("<first@marketplace.amazon.de> <0100018c-buyer-msg@email.amazonses.com>");
        assertThat(m.getSentDate().toInstant()).isEqualTo(CLOCK.instant());
        assertThat(m.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(((String) m.getContent()).replace("\r\n", "\n")).isEqualTo(reply.body());
        // Jakarta Mail's protocol trace was captured (so the password check in stop() means something) and the
        // server did authenticate us.
        assertThat(logLines).anySatisfy(l -> assertThat(l).contains("AUTH").contains("succeeded"))
                .anySatisfy(l -> assertThat(l).contains("MAIL FROM:<" + FROM + ">"));
    }

    @Test
    void aRetriedSendCarriesTheSameMessageId() throws Exception {
        SmtpOutboundChannel channel = greenMailChannel("deskbridge/smtp");
        OutboundReply reply = OutboundReply.inThread(FROM, TO, "Lieferung", "Text", null, "reply-42");
        SendResult first = channel.send(reply);
        SendResult second = channel.send(reply);
        assertThat(first).isEqualTo(second);
        assertThat(greenMail.waitForIncomingEmail(5_000, 2)).isTrue();
        assertThat(greenMail.getReceivedMessages()).extracting(m -> m.getHeader("Message-ID", null))
                .containsExactly(reply.messageId(), reply.messageId());
    }

    @Test
    void germanAndFrenchTextsArriveIntactAsUtf8QuotedPrintable() throws Exception {
        String body = "Guten Tag Frau Müller,\n\nIhr Artikel „Größe XL“ wurde verschickt. Grüße aus Köln!\n\n"
                + "Français : votre commande a été expédiée, à bientôt ; « Noël » approche.";
        OutboundReply reply = OutboundReply.inThread(FROM, TO, "Rückfrage zu Ihrer Bestellung – Größe",
                body, "<q@marketplace.amazon.de>", "reply-utf8");

        assertThat(greenMailChannel(null).send(reply)).isInstanceOf(SendResult.Sent.class);

        MimeMessage m = onlyReceived();
        assertThat(m.getSubject()).isEqualTo("Re: Rückfrage zu Ihrer Bestellung – Größe");
        assertThat(((String) m.getContent()).replace("\r\n", "\n")).isEqualTo(body);
        String raw = GreenMailUtil.getWholeMessage(m);
        assertThat(raw).containsIgnoringCase("Content-Transfer-Encoding: quoted-printable")
                .containsIgnoringCase("charset=UTF-8").contains("=?UTF-8?");
        assertThat(raw.chars().allMatch(c -> c < 128)).as("7-bit on the wire").isTrue();
    }

    @Test
    void attachmentsAreSentAsMultipart() throws Exception {
        byte[] pdf = "%PDF-1.4 Rechnung".getBytes(StandardCharsets.US_ASCII);
        OutboundReply reply = new OutboundReply(FROM, TO, "Re: Rechnung", "Anbei die Rechnung.", null, List.of(),
                List.of(new OutboundAttachment("Rechnung-302.pdf", "application/pdf", pdf)), "reply-att");

        assertThat(greenMailChannel(null).send(reply)).isInstanceOf(SendResult.Sent.class);

        MimeMessage m = onlyReceived();
        Multipart mp = (Multipart) m.getContent();
        assertThat(mp.getCount()).isEqualTo(2);
        assertThat(mp.getBodyPart(0).getContent()).isEqualTo("Anbei die Rechnung.");
        Part file = mp.getBodyPart(1);
        assertThat(file.getFileName()).isEqualTo("Rechnung-302.pdf");
        assertThat(file.getContentType()).startsWith("application/pdf");
        assertThat(file.getInputStream().readAllBytes()).isEqualTo(pdf);
    }

    @Test
    void wrongPasswordIsAPermanentFailureThatNeverShowsThePassword() {
        greenMail.setUser(FROM, SMTP_USER, "a-different-password");
        SendResult result = greenMailChannel("deskbridge/smtp")
                .send(OutboundReply.inThread(FROM, TO, "x", "Text", null, "reply-auth"));

        assertThat(result).isInstanceOf(SendResult.PermanentFailure.class);
        assertThat(((SendResult.PermanentFailure) result).reason()).contains("535").doesNotContain(PASSWORD);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertThat(logLines).anySatisfy(l -> assertThat(l).startsWith("SEVERE").contains("535"));
    }

    @Test
    void unavailableCredentialsAreRetryable() {
        SendResult result = greenMailChannel("deskbridge/missing")
                .send(OutboundReply.inThread(FROM, TO, "x", "Text", null, "reply-nosecret"));
        assertThat(result).isInstanceOf(SendResult.RetryableFailure.class);
        assertThat(((SendResult.RetryableFailure) result).reason()).contains("credentials unavailable")
                .contains("deskbridge/missing");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "RCPT 550|220 ok|250 OK|550 5.1.1 Mailbox unavailable|250 OK|PERMANENT|550",
        "RCPT 553|220 ok|250 OK|553 5.1.3 Bad recipient address syntax|250 OK|PERMANENT|553",
        "RCPT 450|220 ok|250 OK|450 4.2.1 Mailbox busy, try later|250 OK|RETRYABLE|450",
        "MAIL 451|220 ok|451 4.3.0 Local error in processing|250 OK|250 OK|RETRYABLE|451",
        "MAIL 554|220 ok|554 5.7.1 Sender address rejected|250 OK|250 OK|PERMANENT|554",
        "DATA 452|220 ok|250 OK|250 OK|452 4.3.1 Insufficient system storage|RETRYABLE|452",
        "DATA 554|220 ok|250 OK|250 OK|554 5.6.0 Message rejected: content|PERMANENT|554",
        "greeting 421|421 4.3.2 Service not available, closing channel|250 OK|250 OK|250 OK|RETRYABLE|421",
        "greeting 554|554 5.7.1 No SMTP service here|250 OK|250 OK|250 OK|PERMANENT|554",
    })
    void smtpReplyCodesAreClassified(String name, String greeting, String mail, String rcpt, String data,
                                     String kind, String code) throws IOException {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(greeting, mail, rcpt, data)) {
            SendResult result = scriptedChannel(server.port())
                    .send(OutboundReply.inThread(FROM, TO, "x", "Text", null, "reply-" + code));
            String reason;
            if (kind.equals("PERMANENT")) {
                assertThat(result).as(name).isInstanceOf(SendResult.PermanentFailure.class);
                reason = ((SendResult.PermanentFailure) result).reason();
            } else {
                assertThat(result).as(name).isInstanceOf(SendResult.RetryableFailure.class);
                reason = ((SendResult.RetryableFailure) result).reason();
            }
            assertThat(reason).as(name).startsWith("SMTP " + code);
        }
    }

    @Test
    void scriptedServerAcceptingEverythingSeesTheEnvelope() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.accepting()) {
            OutboundReply reply = OutboundReply.inThread(FROM, TO, "x", "Text", null, "reply-env");
            assertThat(scriptedChannel(server.port()).send(reply)).isEqualTo(new SendResult.Sent(reply.messageId()));
            assertThat(server.commands()).contains("MAIL FROM:<" + FROM + ">", "RCPT TO:<" + TO + ">", "DATA");
        }
    }

    @Test
    void serverDownIsRetryable() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        SendResult result = new SmtpOutboundChannel(new SmtpSettings("127.0.0.1", port,
                SmtpSettings.Security.NONE, "deskbridge/smtp", Duration.ofSeconds(2), null), SECRETS, CLOCK)
                .send(OutboundReply.inThread(FROM, TO, "x", "Text", null, "reply-down"));
        assertThat(result).isInstanceOf(SendResult.RetryableFailure.class);
        assertThat(((SendResult.RetryableFailure) result).reason()).contains("connection").doesNotContain(PASSWORD);
    }

    @Test
    void scrubRemovesAnEchoedPasswordAndBoundsTheReason() {
        assertThat(SmtpOutboundChannel.scrub("535 bad login for " + PASSWORD, PASSWORD))
                .isEqualTo("535 bad login for ****");
        assertThat(SmtpOutboundChannel.scrub("x".repeat(800), null)).hasSize(501);
    }

    @Test
    void settingsRejectNonsense() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SmtpSettings.local(" ", 25))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SmtpSettings.local("localhost", 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new SmtpSettings("email-smtp.eu-west-1.amazonaws.com", 587, SmtpSettings.Security.STARTTLS,
                " ", null, null).credentialsSecret()).isNull();
    }
}
