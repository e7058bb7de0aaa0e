package com.deskbridge.local;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local SMTP server the sender function delivers replies to (GreenMail, in memory), with IMAP so that a person
 * can read what was sent: log in as the recipient's address (e.g. the buyer's relay alias) with any password. A
 * recipient can be made to refuse mail ({@link #refuse}), the way a relay answers for an alias that is gone, to see
 * what a permanent send failure does.
 */
public final class LocalMail implements AutoCloseable {
    private final RefusingGreenMail server;

    private LocalMail(RefusingGreenMail server) {
        this.server = server;
    }

    /** Ports 0: any free port. */
    public static LocalMail start(int smtpPort, int imapPort) {
        ServerSetup smtp = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
        RefusingGreenMail server = new RefusingGreenMail(new ServerSetup[] {smtpPort == 0 ? smtp.dynamicPort() : smtp,
                imapPort == 0 ? imap.dynamicPort() : imap});
        server.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        return new LocalMail(server);
    }

    public int smtpPort() {
        return server.getSmtp().getPort();
    }

    public int imapPort() {
        return server.getImap().getPort();
    }

    /** Every mail received so far, oldest first. */
    public List<MimeMessage> received() {
        return List.of(server.getReceivedMessages());
    }

    /**
     * From now on, RCPT TO this address is answered with {@code smtpReply} (e.g. "550 5.1.1 mailbox unavailable")
     * instead of "250 OK".
     */
    public void refuse(String address, String smtpReply) {
        server.refusals().put(address.toLowerCase(Locale.ROOT), smtpReply);
    }

    @Override
    public void close() {
        server.stop();
    }

    /** GreenMail whose SMTP side answers RCPT TO from a table of refusals. */
    private static final class RefusingGreenMail extends GreenMail {
        /** Set while the superclass constructor creates the services, hence no initialiser. */
        private Map<String, String> refusals;

        RefusingGreenMail(ServerSetup[] setups) {
            super(setups);
        }

        Map<String, String> refusals() {
            return refusals;
        }

        @Override
        protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
            if (refusals == null) {
                refusals = new ConcurrentHashMap<>();
            }
            Map<String, String> table = refusals;
            SmtpManager smtp = new SmtpManager(managers.getImapHostManager(), managers.getUserManager()) {
                @Override
                public String checkRecipient(SmtpState state, MailAddress address) {
                    String refusal = table.get(address.getEmail().toLowerCase(Locale.ROOT));
                    return refusal != null ? refusal : super.checkRecipient(state, address);
                }
            };
            return super.createServices(config, new Managers() {
                @Override
                public SmtpManager getSmtpManager() {
                    return smtp;
                }

                @Override
                public UserManager getUserManager() {
                    return managers.getUserManager();
                }

                @Override
                public ImapHostManager getImapHostManager() {
                    return managers.getImapHostManager();
                }
            });
        }
    }
}
