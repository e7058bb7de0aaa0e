package com.deskbridge.enrichment;

import com.deskbridge.channels.ChannelAuthorizationException;
import com.deskbridge.channels.ChannelUnavailableException;
import com.deskbridge.channels.MessageInbox;
import com.deskbridge.domain.ticket.InboundMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The eBay buyer-message poll (template.yaml EbayMessagePollFunction): for each seller with an eBay account, when the
 * seller's poll is due, reads the messages since the seller's stored cursor through the {@link MessageInbox}
 * (eBay's Message API within its daily call limit, {@code EbayInbox}), puts each one on the intake queue and only then
 * stores the new cursor and when to poll next ({@code PollingPlan}). A failure anywhere before the cursor is stored
 * leaves it where it was: the next poll reads the same window again and intake's de-duplication by (channel, external
 * message id) turns a message seen twice into one ticket. Nothing is fetched twice after a success, nothing skipped
 * after a failure.
 *
 * <p>eBay's REST Notification API has no topic for buyer messages, so polling is the way in; the Trading API's
 * {@code MyMessagesM2MMessageHeader} platform notification could wake a seller's poll earlier (not wired yet).
 *
 * <p>A seller seen for the first time starts from now (less the inbox's overlap window): what the seller's eBay inbox
 * held before Deskbridge was connected is history on eBay, not new tickets.
 */
public final class EbayMessagePoll {

    private static final Logger LOG = Logger.getLogger(EbayMessagePoll.class.getName());
    /** How long a seller whose eBay authorisation is gone waits before the next try (the seller must connect again). */
    static final Duration AFTER_AUTHORISATION_LOST = Duration.ofHours(1);
    /** How long a seller waits after eBay was unavailable without saying for how long. */
    static final Duration AFTER_OUTAGE = Duration.ofMinutes(5);

    /** Where a seller's poll stopped and when it is due again. */
    public record State(MessageInbox.Cursor cursor, Instant nextPollAt) {
        public State {
            Objects.requireNonNull(cursor, "cursor");
            Objects.requireNonNull(nextPollAt, "nextPollAt");
        }
    }

    /** Port: the per-seller poll state (DynamoDB: {@link DynamoDbPollCursors}). */
    public interface Cursors {
        Optional<State> find(String sellerId);

        void save(String sellerId, State state);
    }

    /** Port: the intake queue (one channel envelope per message, README "Intake envelope"). */
    @FunctionalInterface
    public interface IntakeQueue {
        void put(InboundMessage message);
    }

    /** What one run did. */
    public record Report(int sellers, int polled, int notDue, int failed, int messagesQueued, int ebayCalls) {}

    private final Supplier<List<String>> sellers;
    private final Cursors cursors;
    private final MessageInbox inbox;
    private final IntakeQueue intake;
    private final Clock clock;

    /** @param sellers the sellers with an eBay account ({@link SecretsManagerSellerDirectory}) */
    public EbayMessagePoll(Supplier<List<String>> sellers, Cursors cursors, MessageInbox inbox, IntakeQueue intake, Clock clock) {
        this.sellers = Objects.requireNonNull(sellers);
        this.cursors = Objects.requireNonNull(cursors);
        this.inbox = Objects.requireNonNull(inbox);
        this.intake = Objects.requireNonNull(intake);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * SnapStart priming: a run's reads without its polls - the sellers with an eBay account (secret names listed, no
     * secret read) and the poll state of {@code reservedSeller}, which has none. Nothing is asked of eBay, queued or
     * saved.
     */
    public void prime(String reservedSeller) {
        sellers.get();
        if (cursors.find(reservedSeller).isPresent()) {
            throw new IllegalStateException("the reserved seller " + reservedSeller + " has an eBay poll state");
        }
    }

    public Report run() {
        List<String> all = sellers.get();
        int polled = 0;
        int notDue = 0;
        int failed = 0;
        int queued = 0;
        int calls = 0;
        for (String seller : all) {
            Instant now = clock.instant();
            Optional<State> state = cursors.find(seller);
            if (state.isPresent() && state.get().nextPollAt().isAfter(now)) {
                notDue++;
                continue;
            }
            MessageInbox.Cursor cursor = state.map(State::cursor).orElseGet(() -> MessageInbox.Cursor.initial(now, Duration.ZERO));
            try {
                MessageInbox.Poll poll = inbox.poll(seller, cursor);
                for (InboundMessage m : poll.messages()) {
                    intake.put(m);
                }
                cursors.save(seller, new State(poll.next(), clock.instant().plus(poll.pollAgainIn())));
                polled++;
                queued += poll.messages().size();
                calls += poll.callsMade();
            } catch (ChannelUnavailableException e) {
                failed++;
                LOG.warning(() -> "eBay poll of seller " + seller + " deferred: " + e.getMessage());
                cursors.save(seller, new State(cursor, now.plus(e.retryAfter().orElse(AFTER_OUTAGE))));
            } catch (ChannelAuthorizationException e) {
                failed++;
                LOG.warning(() -> "eBay poll of seller " + seller + " paused: " + e.getMessage());
                cursors.save(seller, new State(cursor, now.plus(AFTER_AUTHORISATION_LOST)));
            } catch (RuntimeException e) {
                // one seller's failure never stops the others; its cursor stays, the next run tries again
                failed++;
                LOG.warning(() -> "eBay poll of seller " + seller + " failed (" + e.getClass().getSimpleName() + "): " + e.getMessage());
            }
        }
        return new Report(all.size(), polled, notDue, failed, queued, calls);
    }
}
