package com.deskbridge.local;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

/**
 * The local SMTP server the sender function delivers replies to (GreenMail, in memory), with IMAP so that a person
 * can read what was sent: log in as the recipient's address (e.g. the buyer's relay alias) with any password.
 */
public final class LocalMail implements AutoCloseable {
    private final GreenMail server;

    private LocalMail(GreenMail server) {
        this.server = server;
    }

    /** Ports 0: any free port. */
    public static LocalMail start(int smtpPort, int imapPort) {
        ServerSetup smtp = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
        GreenMail server = new GreenMail(new ServerSetup[] {smtpPort == 0 ? smtp.dynamicPort() : smtp,
                imapPort == 0 ? imap.dynamicPort() : imap})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
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

    @Override
    public void close() {
        server.stop();
    }
}
