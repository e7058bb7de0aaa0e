package com.deskbridge.intake;

import com.deskbridge.adapters.sqs.PoisonMessageException;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.mail.InboundMailParser;
import com.deskbridge.mail.MailRefusedException;
import com.deskbridge.mail.PermanentMailException;
import com.deskbridge.mail.S3RawMailStore;
import java.time.Instant;
import java.util.Objects;

/**
 * {@link RawMail} on the mail adapter: MIME parsing and the raw-mail bucket. The adapter's permanent faults
 * (unparseable, too large, gone from S3) become poison; S3 and network errors stay transient and are retried.
 */
final class RelayMail implements RawMail {
    private final InboundMailParser parser;
    private final S3RawMailStore store;

    RelayMail(InboundMailParser parser, S3RawMailStore store) {
        this.parser = Objects.requireNonNull(parser);
        this.store = Objects.requireNonNull(store);
    }

    @Override
    public InboundMessage parse(byte[] mime, SellerId seller, Instant fallbackReceivedAt) {
        try {
            return parser.parse(mime, seller, fallbackReceivedAt);
        } catch (MailRefusedException e) {
            throw new RelayMailRefused(seller, e.limit().name(), "e-mail rejected: " + e.reason(), e);
        } catch (PermanentMailException e) {
            throw new PoisonMessageException("e-mail rejected: " + e.reason(), e);
        }
    }

    @Override
    public java.util.Optional<String> amazonSenderRefusal(byte[] mime) {
        return com.deskbridge.mail.AmazonSender.refusal(mime);
    }

    @Override
    public byte[] fetch(String bucket, String key) {
        try {
            return store.fetch(bucket, key);
        } catch (PermanentMailException e) {
            throw new PoisonMessageException("raw e-mail unavailable: " + e.reason(), e);
        }
    }
}
