package com.deskbridge.channels;

import com.deskbridge.domain.ticket.InboundMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Port: reads the buyer messages a seller received on a channel since the last poll (eBay's Message API). The
 * messages come as the domain's {@link InboundMessage}, ready for intake; intake de-duplicates by (channel, external
 * message id), so a message returned twice (an overlap window, a retried poll) changes nothing.
 */
public interface MessageInbox {

    /**
     * @param cursor where the previous poll stopped; {@link Cursor#initial(Instant)} for the first one
     * @throws ChannelUnavailableException when the channel cannot be read now (call limit used up, outage); the cursor
     *                                     stays where it was, nothing is lost
     */
    Poll poll(String sellerId, Cursor cursor);

    /**
     * Where a poll stopped: the newest message time seen, and the ids of the messages seen in the overlap window just
     * before it (a channel may index a message a little after its creation time, so each poll looks back a short
     * while and skips what it already delivered).
     */
    record Cursor(Instant since, Set<String> seen) {
        public Cursor {
            Objects.requireNonNull(since, "since");
            seen = seen == null ? Set.of() : Set.copyOf(seen);
        }

        /** The first poll of a seller: looks back {@code lookBack} from {@code now}. */
        public static Cursor initial(Instant now, Duration lookBack) {
            return new Cursor(now.minus(lookBack), Set.of());
        }

        public static Cursor initial(Instant now) {
            return initial(now, Duration.ofDays(1));
        }
    }

    /**
     * One poll's result.
     *
     * @param messages    buyer messages (never the seller's own), oldest first
     * @param next        the cursor to store for the next poll
     * @param pollAgainIn when the next poll fits the channel's call limit ({@link PollingPlan})
     * @param callsMade   channel API calls this poll used (for the budget and for tests)
     */
    record Poll(List<InboundMessage> messages, Cursor next, Duration pollAgainIn, int callsMade) {
        public Poll {
            messages = List.copyOf(messages);
            Objects.requireNonNull(next, "next");
            Objects.requireNonNull(pollAgainIn, "pollAgainIn");
        }

        public Optional<InboundMessage> latest() {
            return messages.isEmpty() ? Optional.empty() : Optional.of(messages.get(messages.size() - 1));
        }
    }
}
