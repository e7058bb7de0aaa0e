package com.deskbridge.intake;

import com.deskbridge.adapters.sqs.PoisonMessageException;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.SellerId;
import java.time.Instant;

/** What intake needs from the mail adapter. Implementations throw {@link PoisonMessageException} for permanent faults. */
public interface RawMail {

    /** Parses a raw RFC 5322 message (an Amazon relay e-mail or a plain e-mail) for the given seller. */
    InboundMessage parse(byte[] mime, SellerId seller, Instant fallbackReceivedAt);

    /** Reads a raw e-mail that SES stored in S3. */
    byte[] fetch(String bucket, String key);

    /**
     * Why a parsed mail that speaks for Amazon may not pass as Amazon's (not from a relay address, or without a
     * passing DKIM signature of an Amazon domain in SES's Authentication-Results), or empty.
     */
    java.util.Optional<String> amazonSenderRefusal(byte[] mime);
}
