package com.deskbridge.logistics;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A tamper-evident, append-only log of what we observed and did for a ticket (tracking seen, order state, actions
 * requested), so that a dispute (A-to-z claim, chargeback) can be answered with a record nobody quietly edited.
 *
 * <p>Each entry's hash is SHA-256 over an unambiguous encoding of all its fields, including the previous entry's
 * hash (genesis: 64 zeros): every field is written as a 4-byte big-endian length followed by its UTF-8 bytes, after
 * a version tag; the payload as its field count, then key and value per field in key order. Changing, removing,
 * inserting or reordering any entry breaks the chain at that point, and {@link #verify} names it. Rewriting the whole
 * tail consistently is only detectable against a head hash kept elsewhere: {@link #verify(List, String)}.
 *
 * <p>Payloads carry no buyer PII. Allowed keys are {@link #ALLOWED_FIELDS}: carrier, tracking number, statuses and
 * carrier codes, times, city/country-level location, order/ticket/action identifiers, amounts. Carrier free text is
 * deliberately absent (it sometimes names the recipient); values that look like e-mail addresses are rejected.
 */
public final class EvidenceChain {

    public static final String GENESIS_HASH = "0".repeat(64);

    /** Keys a payload may use. Anything else is refused so that nobody logs a name or an address by accident. */
    public static final Set<String> ALLOWED_FIELDS = Set.of(
            "carrier", "trackingNumber", "status", "rawCode", "returnToSender", "incidentReason", "eventAt",
            "observedAt", "estimatedDelivery", "promisedDelivery", "city", "region", "country", "flags",
            "orderId", "marketplaceId", "orderStatus", "channel", "sku", "quantity", "purchaseDate", "latestShipDate",
            "ticketId", "sellerId", "agentId", "actionId", "actionType", "idempotencyKey", "amount", "currency",
            "reason", "result", "feedId", "source", "note", "decidedBy");

    private static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final int MAX_VALUE = 512;

    /** Common kinds; any upper-snake-case name is accepted. */
    public static final String TRACKING_OBSERVED = "TRACKING_OBSERVED";
    public static final String ORDER_SNAPSHOT = "ORDER_SNAPSHOT";
    public static final String FLAG_RAISED = "FLAG_RAISED";
    public static final String ACTION_REQUESTED = "ACTION_REQUESTED";
    public static final String ACTION_COMPLETED = "ACTION_COMPLETED";
    public static final String ACTION_FAILED = "ACTION_FAILED";

    /** One link of the chain. {@code payload} is sorted by key and unmodifiable. */
    public record Entry(long sequence, Instant recordedAt, String kind, SortedMap<String, String> payload,
                        String previousHash, String hash) {
        public Entry {
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(previousHash, "previousHash");
            Objects.requireNonNull(hash, "hash");
            payload = Collections.unmodifiableSortedMap(new TreeMap<>(payload));
        }
    }

    /** Why verification failed. */
    public enum Problem {
        /** The entry's content no longer matches its hash (payload, kind, time or sequence edited). */
        ALTERED,
        /** A sequence number is skipped: entries were removed. */
        MISSING,
        /** Entries are out of order (or duplicated). */
        OUT_OF_ORDER,
        /** The entry does not link to the entry before it (inserted, or chain spliced). */
        WRONG_PREVIOUS_HASH,
        /** The chain is intact but does not end at the head hash recorded elsewhere (tail removed or rewritten). */
        HEAD_MISMATCH
    }

    /** The outcome of {@link #verify}: valid, or the first broken sequence and why. */
    public record Verification(boolean valid, OptionalLong brokenSequence, Optional<Problem> problem, String detail) {
        static Verification ok() {
            return new Verification(true, OptionalLong.empty(), Optional.empty(), "chain intact");
        }

        static Verification broken(long sequence, Problem problem, String detail) {
            return new Verification(false, OptionalLong.of(sequence), Optional.of(problem), detail);
        }
    }

    private final Clock clock;
    private Entry head;

    /** A new, empty chain. */
    public EvidenceChain(Clock clock) {
        this(clock, null);
    }

    /** Continues a stored chain after {@code head} (its last entry), or starts one when null. */
    public EvidenceChain(Clock clock, Entry head) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.head = head;
    }

    public synchronized Optional<Entry> head() {
        return Optional.ofNullable(head);
    }

    /** Appends an entry recorded now and returns it. */
    public synchronized Entry append(String kind, Map<String, String> payload) {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("evidence kind must be UPPER_SNAKE_CASE: " + kind);
        }
        SortedMap<String, String> canonical = new TreeMap<>();
        payload.forEach((k, v) -> {
            if (!ALLOWED_FIELDS.contains(k)) {
                throw new IllegalArgumentException("evidence field not allowed (keep buyer data out): " + k);
            }
            if (v == null) {
                return;
            }
            if (v.length() > MAX_VALUE) {
                throw new IllegalArgumentException("evidence field too long: " + k);
            }
            if (EMAIL.matcher(v).find()) {
                throw new IllegalArgumentException("evidence field looks like an e-mail address: " + k);
            }
            canonical.put(k, v);
        });
        long sequence = head == null ? 1 : head.sequence() + 1;
        String previous = head == null ? GENESIS_HASH : head.hash();
        Instant at = clock.instant();
        head = new Entry(sequence, at, kind, canonical, previous, hash(sequence, at, kind, canonical, previous));
        return head;
    }

    /** The hash an entry with these fields must carry. */
    public static String hash(long sequence, Instant recordedAt, String kind, SortedMap<String, String> payload,
                              String previousHash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        field(out, "deskbridge-evidence-v1");
        field(out, Long.toString(sequence));
        field(out, recordedAt.toString());
        field(out, kind);
        field(out, Integer.toString(payload.size()));
        for (Map.Entry<String, String> e : new TreeMap<>(payload).entrySet()) {
            field(out, e.getKey());
            field(out, e.getValue());
        }
        field(out, previousHash);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    private static void field(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int n = bytes.length;
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
        out.writeBytes(bytes);
    }

    /** Verifies a whole chain from its first entry (sequence 1, genesis previous hash). */
    public static Verification verify(List<Entry> entries) {
        long expected = 1;
        String previous = GENESIS_HASH;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            String recomputed = hash(e.sequence(), e.recordedAt(), e.kind(), e.payload(), e.previousHash());
            if (!recomputed.equals(e.hash())) {
                return Verification.broken(e.sequence(), Problem.ALTERED,
                        "entry " + e.sequence() + " does not match its hash");
            }
            if (e.sequence() != expected) {
                final long want = expected;
                boolean laterHasExpected = entries.subList(i + 1, entries.size()).stream().anyMatch(x -> x.sequence() == want);
                if (e.sequence() < expected || laterHasExpected) {
                    return Verification.broken(e.sequence(), Problem.OUT_OF_ORDER,
                            "entry " + e.sequence() + " found where " + expected + " was expected");
                }
                return Verification.broken(e.sequence(), Problem.MISSING,
                        "entries " + expected + ".." + (e.sequence() - 1) + " are missing");
            }
            if (!e.previousHash().equals(previous)) {
                return Verification.broken(e.sequence(), Problem.WRONG_PREVIOUS_HASH,
                        "entry " + e.sequence() + " does not link to the entry before it");
            }
            previous = e.hash();
            expected++;
        }
        return Verification.ok();
    }

    /** Verifies the chain and that it ends at {@code expectedHeadHash}, kept outside the log (e.g. on the ticket). */
    public static Verification verify(List<Entry> entries, String expectedHeadHash) {
        Verification v = verify(entries);
        if (!v.valid()) {
            return v;
        }
        String actual = entries.isEmpty() ? GENESIS_HASH : entries.get(entries.size() - 1).hash();
        if (!actual.equals(expectedHeadHash)) {
            long seq = entries.isEmpty() ? 1 : entries.get(entries.size() - 1).sequence() + 1;
            return Verification.broken(seq, Problem.HEAD_MISMATCH, "the chain does not end at the recorded head hash");
        }
        return v;
    }

    /** The payload of a TRACKING_OBSERVED entry for a snapshot: codes, times and city-level location only. */
    public static Map<String, String> trackingPayload(TrackingSnapshot s) {
        Map<String, String> m = new TreeMap<>();
        m.put("carrier", s.carrier().name());
        m.put("trackingNumber", s.trackingNumber());
        m.put("status", s.status().tag());
        m.put("rawCode", s.rawStatusCode());
        m.put("returnToSender", Boolean.toString(s.returnToSender()));
        if (s.incidentReason() != null) {
            m.put("incidentReason", s.incidentReason().code());
        }
        s.lastEventAt().ifPresent(t -> m.put("eventAt", t.toString()));
        m.put("observedAt", s.observedAt().toString());
        if (s.estimatedDelivery() != null) {
            m.put("estimatedDelivery", s.estimatedDelivery().toString());
        }
        if (s.lastLocation() != null && !s.lastLocation().isBlank()) {
            m.put("city", s.lastLocation());
        }
        return m;
    }
}
