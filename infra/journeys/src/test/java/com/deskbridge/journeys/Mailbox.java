package com.deskbridge.journeys;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

/** GreenMail read over IMAP, as README says: log in as the buyer's relay alias with any password. */
final class Mailbox {
    /** One received mail, read while the folder was open. */
    record Mail(String to, String subject, String messageId, String inReplyTo, String references, String text, String from) {
    }

    private final int imapPort;

    Mailbox(JourneySystem.Endpoints system) {
        this.imapPort = system.imapPort();
    }

    /** The mails in {@code address}'s inbox. */
    List<Mail> inbox(String address) {
        Properties p = new Properties();
        p.setProperty("mail.store.protocol", "imap");
        p.setProperty("mail.imap.connectiontimeout", "10000");
        p.setProperty("mail.imap.timeout", "10000");
        try {
            Store store = Session.getInstance(p).getStore("imap");
            store.connect("127.0.0.1", imapPort, address, "any-password");
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                List<Mail> mails = new ArrayList<>();
                for (Message m : inbox.getMessages()) {
                    MimeMessage mime = (MimeMessage) m;
                    mails.add(new Mail(String.valueOf(mime.getAllRecipients()[0]), mime.getSubject(), mime.getMessageID(),
                            mime.getHeader("In-Reply-To", " "), mime.getHeader("References", " "), String.valueOf(mime.getContent()),
                            mime.getFrom() == null ? null : String.valueOf(mime.getFrom()[0])));
                }
                inbox.close(false);
                return mails;
            } finally {
                store.close();
            }
        } catch (MessagingException | IOException e) {
            throw new AssertionError("cannot read " + address + "'s inbox over IMAP on port " + imapPort, e);
        }
    }

    /** Waits (bounded) for a mail matching {@code wanted} in {@code address}'s inbox. */
    Mail await(String address, Predicate<Mail> wanted, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            for (Mail m : inbox(address)) {
                if (wanted.test(m)) {
                    return m;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no matching mail for " + address + " within " + limit + "; inbox: " + inbox(address));
            }
            Journey.pause();
        }
    }
}
