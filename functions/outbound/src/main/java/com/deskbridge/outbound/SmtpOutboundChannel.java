package com.deskbridge.outbound;

import com.deskbridge.http.SecretSource;

import jakarta.activation.DataHandler;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Sends replies by SMTP (Jakarta Mail / Eclipse Angus Mail) from the seller's approved address to the buyer's Amazon
 * relay alias (https://sellercentral.amazon.com/help/hub/reference/external/G200383320). Plain text UTF-8 (quoted-printable where needed, subject RFC 2047-encoded),
 * threaded with In-Reply-To/References, Message-ID derived from the idempotency key, Date from the injected clock.
 * Failures are classified so none is lost: SMTP 4xx, connection and timeout problems and unavailable credentials
 * are {@link SendResult.RetryableFailure}; SMTP 5xx (550 mailbox unavailable, 535 bad credentials, 554 rejected)
 * are {@link SendResult.PermanentFailure}. The password is read from the {@link SecretSource} on each send, and is
 * never logged nor put in a result reason (Jakarta Mail's debug output, which would print it, is never enabled).
 * Thread-safe: every send opens its own connection.
 */
public final class SmtpOutboundChannel implements OutboundChannel {
    private static final Logger LOG = Logger.getLogger(SmtpOutboundChannel.class.getName());
    private static final Pattern LEADING_CODE = Pattern.compile("(?<!\\d)([245]\\d\\d)[ -]");
    private static final int MAX_REASON_CHARS = 500;

    private final SmtpSettings settings;
    private final SecretSource secrets;
    private final Clock clock;

    /**
     * @param secrets where the SMTP credentials secret is read from; may be null only when
     *                {@link SmtpSettings#credentialsSecret()} is null (a local server without authentication)
     * @param clock   for the Date header
     */
    public SmtpOutboundChannel(SmtpSettings settings, SecretSource secrets, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.secrets = settings.credentialsSecret() == null ? secrets : Objects.requireNonNull(secrets, "secrets");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public SendResult send(OutboundReply reply) {
        Objects.requireNonNull(reply, "reply");
        String messageId = reply.messageId();
        String username = null;
        String password = null;
        if (settings.credentialsSecret() != null) {
            try {
                Map<String, String> secret = secrets.secret(settings.credentialsSecret());
                username = secret.get("username");
                password = secret.get("password");
            } catch (RuntimeException e) {
                return retryable(reply, "SMTP credentials unavailable: " + e.getClass().getSimpleName() + ": "
                        + e.getMessage(), null);
            }
            if (username == null || username.isBlank() || password == null || password.isEmpty()) {
                return permanent(reply, "SMTP credentials secret '" + settings.credentialsSecret()
                        + "' lacks the field username or password", null);
            }
        }
        Session session = Session.getInstance(properties());
        MimeMessage message;
        try {
            message = build(session, reply, messageId);
        } catch (MessagingException | UnsupportedEncodingException e) {
            return permanent(reply, "reply cannot be written as e-mail: " + e.getMessage(), password);
        }
        String protocol = settings.security() == SmtpSettings.Security.SMTPS ? "smtps" : "smtp";
        Transport transport = null;
        try {
            transport = session.getTransport(protocol);
            transport.connect(settings.host(), settings.port(), username, password);
            transport.sendMessage(message, message.getAllRecipients());
            LOG.info(() -> "reply " + messageId + " accepted by " + settings.host() + " for " + domain(
                    reply.toAddress()));
            return new SendResult.Sent(messageId);
        } catch (MessagingException e) {
            return classify(reply, e, transport, password);
        } finally {
            closeQuietly(transport);
        }
    }

    /**
     * SnapStart priming: writes {@code sample} as e-mail the way {@link #send} does (session, MIME headers and body,
     * the encoding the transport would put on the wire) into nothing, and looks up the transport without connecting.
     * No connection is opened, no credential read, nothing sent.
     */
    public void prime(OutboundReply sample) {
        Session session = Session.getInstance(properties());
        try {
            build(session, sample, sample.messageId()).writeTo(java.io.OutputStream.nullOutputStream());
            session.getTransport(settings.security() == SmtpSettings.Security.SMTPS ? "smtps" : "smtp");
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException("the priming reply cannot be written as e-mail", e);
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        String prefix = settings.security() == SmtpSettings.Security.SMTPS ? "mail.smtps." : "mail.smtp.";
        String millis = Long.toString(settings.timeout().toMillis());
        p.setProperty(prefix + "connectiontimeout", millis);
        p.setProperty(prefix + "timeout", millis);
        p.setProperty(prefix + "writetimeout", millis);
        p.setProperty(prefix + "auth", Boolean.toString(settings.credentialsSecret() != null));
        p.setProperty(prefix + "sendpartial", "false");
        if (settings.security() == SmtpSettings.Security.STARTTLS) {
            p.setProperty(prefix + "starttls.enable", "true");
            p.setProperty(prefix + "starttls.required", "true");
        }
        if (settings.security() != SmtpSettings.Security.NONE) {
            p.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        if (settings.heloName() != null) {
            p.setProperty(prefix + "localhost", settings.heloName());
        }
        p.setProperty("mail.mime.charset", "UTF-8");
        p.setProperty("mail.debug", "false");
        p.setProperty("mail.debug.auth", "false");
        return p;
    }

    private MimeMessage build(Session session, OutboundReply reply, String messageId)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage m = new FixedIdMessage(session, messageId);
        m.setFrom(new InternetAddress(reply.fromAddress(), true));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(reply.toAddress(), true));
        m.setSubject(reply.subject(), "UTF-8");
        m.setSentDate(Date.from(clock.instant()));
        if (reply.inReplyTo() != null) {
            m.setHeader("In-Reply-To", reply.inReplyTo());
        }
        if (!reply.references().isEmpty()) {
            m.setHeader("References", MimeUtility.fold(12, String.join(" ", reply.references())));
        }
        if (reply.attachments().isEmpty()) {
            m.setText(reply.body(), "UTF-8", "plain");
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(reply.body(), "UTF-8", "plain");
            mixed.addBodyPart(text);
            for (OutboundAttachment a : reply.attachments()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.content(), a.contentType())));
                part.setFileName(MimeUtility.encodeText(a.fileName(), "UTF-8", null));
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                mixed.addBodyPart(part);
            }
            m.setContent(mixed);
        }
        m.saveChanges();
        return m;
    }

    private SendResult classify(OutboundReply reply, MessagingException e, Transport transport, String password) {
        int code = replyCode(e);
        if (code <= 0 && transport instanceof SMTPTransport smtp) {
            int last = smtp.getLastReturnCode();
            code = last >= 400 ? last : -1;
        }
        if (code <= 0 && e instanceof AuthenticationFailedException) {
            code = codeInText(e.getMessage());
            code = code > 0 ? code : 535;
        }
        String detail = e.getClass().getSimpleName() + ": " + flatten(e);
        if (code >= 500) {
            return permanent(reply, "SMTP " + code + ": " + detail, password);
        }
        if (code >= 400) {
            return retryable(reply, "SMTP " + code + ": " + detail, password);
        }
        return retryable(reply, "SMTP connection problem: " + detail, password);
    }

    /** The SMTP reply code carried by the exception or its nested exceptions, or -1. */
    private static int replyCode(MessagingException e) {
        Exception current = e;
        for (int depth = 0; current != null && depth < 10; depth++) {
            if (current instanceof SMTPSendFailedException s && s.getReturnCode() > 0) {
                return s.getReturnCode();
            }
            if (current instanceof SMTPAddressFailedException a && a.getReturnCode() > 0) {
                return a.getReturnCode();
            }
            if (current instanceof IOException) {
                return -1;
            }
            current = current instanceof MessagingException me ? me.getNextException() : null;
        }
        return e instanceof SendFailedException ? codeInText(e.getMessage()) : -1;
    }

    private static int codeInText(String text) {
        if (text == null) {
            return -1;
        }
        Matcher m = LEADING_CODE.matcher(text);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static String flatten(MessagingException e) {
        StringBuilder b = new StringBuilder(String.valueOf(e.getMessage()).strip());
        Exception next = e.getNextException();
        for (int depth = 0; next != null && depth < 5; depth++) {
            String msg = String.valueOf(next.getMessage()).strip();
            if (!b.toString().contains(msg)) {
                b.append(" / ").append(next.getClass().getSimpleName()).append(": ").append(msg);
            }
            next = next instanceof MessagingException me ? me.getNextException() : null;
        }
        return b.toString().replaceAll("\\s+", " ");
    }

    private SendResult retryable(OutboundReply reply, String reason, String password) {
        String r = scrub(reason, password);
        LOG.warning(() -> "reply " + reply.messageId() + " not sent, will retry: " + r);
        return new SendResult.RetryableFailure(r);
    }

    private SendResult permanent(OutboundReply reply, String reason, String password) {
        String r = scrub(reason, password);
        LOG.log(Level.SEVERE, () -> "reply " + reply.messageId() + " not sent, permanent failure: " + r);
        return new SendResult.PermanentFailure(r);
    }

    /** Removes the password from a reason in case a server or library echoed it; bounds the length. */
    static String scrub(String reason, String password) {
        String r = reason;
        if (password != null && !password.isEmpty()) {
            r = r.replace(password, "****");
        }
        return r.length() > MAX_REASON_CHARS ? r.substring(0, MAX_REASON_CHARS) + "…" : r;
    }

    private static String domain(String address) {
        return address.substring(address.indexOf('@') + 1);
    }

    private static void closeQuietly(Transport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.fine(() -> "closing the SMTP connection failed: " + e.getMessage());
            }
        }
    }

    /** A message whose Message-ID is fixed instead of random, so a retry is recognisable. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
