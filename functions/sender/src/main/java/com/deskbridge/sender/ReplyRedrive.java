package com.deskbridge.sender;

import com.deskbridge.domain.port.ReplyDispatcher;
import com.deskbridge.domain.port.TicketStore;
import com.deskbridge.domain.port.UnsentReplies;
import com.deskbridge.domain.port.UnsentReplies.UnsentReply;
import com.deskbridge.domain.ticket.SendStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;

/**
 * The safety net behind "never lost": a scheduled pass over replies that are still unsent some minutes after they
 * were recorded.
 * <ul>
 *   <li>QUEUED: the hand-over to the queue was lost (the API could not reach SQS): hand it over again.</li>
 *   <li>SENDING for longer than {@link #STUCK_SENDING}: the sender stopped mid-send (timeout, crash). Whether the
 *       mail left is unknown, so it is sent again and the message says the buyer may receive it twice.</li>
 *   <li>RETRYING for longer than {@link #GIVE_UP}: the queue has given up (its DLQ holds the message): FAILED, with
 *       the reason, so an agent acts.</li>
 * </ul>
 * Every change is a conditional write from the observed state, so a pass racing the sender changes nothing twice.
 */
public final class ReplyRedrive {
    static final Duration GRACE = Duration.ofMinutes(2);
    static final Duration STUCK_SENDING = Duration.ofMinutes(10);
    static final Duration GIVE_UP = Duration.ofHours(1);
    private static final int BATCH = 200;

    /** What one pass did. */
    public record Pass(int handedOver, int resent, int failed) {
    }

    private final UnsentReplies unsent;
    private final TicketStore store;
    private final ReplyDispatcher dispatcher;
    private final Clock clock;

    public ReplyRedrive(UnsentReplies unsent, TicketStore store, ReplyDispatcher dispatcher, Clock clock) {
        this.unsent = Objects.requireNonNull(unsent);
        this.store = Objects.requireNonNull(store);
        this.dispatcher = Objects.requireNonNull(dispatcher);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * SnapStart priming: the pass's read for replies recorded before 1970 - the same query as a pass, which finds
     * none, so nothing is handed over or changed.
     */
    public void prime() {
        if (!unsent.recordedBefore(Instant.EPOCH, BATCH).isEmpty()) {
            throw new IllegalStateException("replies recorded before 1970");
        }
    }

    public Pass run() {
        Instant now = clock.instant();
        int handedOver = 0;
        int resent = 0;
        int failed = 0;
        for (UnsentReply r : unsent.recordedBefore(now.minus(GRACE), BATCH)) {
            if (r.status() == SendStatus.QUEUED) {
                dispatcher.dispatch(r.seller(), r.ticket(), r.messageKey());
                handedOver++;
            } else if (r.status() == SendStatus.SENDING && r.statusSince().isBefore(now.minus(STUCK_SENDING))) {
                if (store.updateSendStatus(r.seller(), r.ticket(), r.messageKey(), EnumSet.of(SendStatus.SENDING),
                        SendStatus.RETRYING, "the sender stopped while sending; sending again (the buyer may receive"
                                + " this reply twice)", now)) {
                    dispatcher.dispatch(r.seller(), r.ticket(), r.messageKey());
                    resent++;
                }
            } else if (r.status() == SendStatus.RETRYING && r.statusSince().isBefore(now.minus(GIVE_UP))) {
                if (store.updateSendStatus(r.seller(), r.ticket(), r.messageKey(), EnumSet.of(SendStatus.RETRYING),
                        SendStatus.FAILED, "gave up: sending kept failing for over an hour (see the outbound DLQ)", now)) {
                    failed++;
                }
            }
        }
        return new Pass(handedOver, resent, failed);
    }
}
