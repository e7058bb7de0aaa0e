package com.deskbridge.compliance;

import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.intent.Language;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Checks an outgoing text against Amazon's Buyer–Seller Messaging rules before it is sent (Seller Central,
 * "Buyer-Seller Messaging" and its communication guidelines:
 * https://sellercentral.amazon.com/help/hub/reference/external/G200383320; functions/compliance/corpus/LABELLING.md
 * spells them out): links, e-mail addresses, phone numbers and emoji by deterministic detectors, off-Amazon contact,
 * marketing and review requests by a sentence classifier trained at build time ({@link LearnedRules}), and
 * attachments ({@link RuleId}). Every text finding blocks. The body and the subject are checked with the same
 * rules (subject findings have offsets -1);
 * findings of one rule that overlap are merged, and an e-mail address is not reported again as a link. Every
 * pattern is compiled once, in the constructor; an instance is immutable and thread-safe, so one per process is
 * enough. Body and subject are limited to {@value #MAX_BODY_CHARS} characters; longer input is rejected with an
 * {@link InvalidInputException} rather than checked in part.
 */
public final class ComplianceChecker {
    /** The longest body or subject the checker accepts. */
    public static final int MAX_BODY_CHARS = 20_000;
    /** The largest attachment Amazon delivers (10 MB). */
    public static final long MAX_ATTACHMENT_BYTES = AttachmentRule.MAX_ATTACHMENT_BYTES;

    /** Words besides an address up to which an off-Amazon-contact sentence is just the address. */
    private static final int BARE_ADDRESS_WORDS = 3;
    private final LinkRule links;
    private final EmailRule emails = new EmailRule();
    private final PhoneRule phones = new PhoneRule();
    private final EmojiRule emojis = new EmojiRule();
    private final PhraseRule phrases = new PhraseRule();
    private final LearnedRules learned;
    private final AttachmentRule attachments = new AttachmentRule();

    /** A checker with the safe default {@link CarrierLinkPolicy#BLOCK}. */
    public ComplianceChecker() {
        this(CarrierLinkPolicy.BLOCK);
    }

    /** A checker with the given policy for carrier tracking links. */
    public ComplianceChecker(CarrierLinkPolicy carrierLinks) {
        this(carrierLinks, new LearnedRules());
    }

    /** With a given sentence classifier (the trainer's held-out evaluation, tests). */
    ComplianceChecker(CarrierLinkPolicy carrierLinks, LearnedRules learned) {
        this.links = new LinkRule(Objects.requireNonNull(carrierLinks, "carrierLinks"));
        this.learned = Objects.requireNonNull(learned, "learned");
    }

    /** Checks one message; never null. */
    public ComplianceReport check(OutgoingMessage message) {
        Objects.requireNonNull(message, "message");
        requireBounded("body", message.body());
        String subject = message.subject() == null ? "" : message.subject();
        requireBounded("subject", subject);
        Language language = message.hint() == null ? Language.UNKNOWN : message.hint();
        List<Finding> findings = new ArrayList<>();
        scanText(message.body(), language, true, findings);
        if (!subject.isBlank()) {
            scanText(subject, language, false, findings);
        }
        attachments.check(message.attachments(), findings);
        boolean blocked = findings.stream().anyMatch(f -> f.severity() == Severity.BLOCK);
        return new ComplianceReport(blocked, findings);
    }

    /** Convenience: checks a body alone. */
    public ComplianceReport check(String body) {
        return check(OutgoingMessage.of(body));
    }

    private void scanText(String text, Language language, boolean inBody, List<Finding> out) {
        if (text.isEmpty()) {
            return;
        }
        FoldedText folded = new FoldedText(text);
        List<Span> spans = new ArrayList<>();
        emails.scan(folded, spans);
        links.scan(folded, spans);
        phones.scan(folded, spans);
        emojis.scan(text, spans);
        List<Span> cues = new ArrayList<>();
        phrases.scan(folded, language, cues);
        learned.scan(text, cues, spans);
        for (Span s : merge(spans, text)) {
            out.add(s.toFinding(text, inBody));
        }
    }

    /**
     * Sorts by start, drops links inside e-mail addresses and off-Amazon-contact sentences that are little more than
     * an address (a signature line: {@link #bareAddress}), and merges overlapping spans of the same rule.
     */
    static List<Span> merge(List<Span> spans, String text) {
        List<Span> emailSpans = spans.stream().filter(s -> s.rule() == RuleId.EMAIL_ADDRESS).toList();
        List<Span> sorted = new ArrayList<>(spans.stream()
                .filter(s -> s.rule() != RuleId.EXTERNAL_LINK || emailSpans.stream().noneMatch(s::overlaps))
                .filter(s -> s.rule() != RuleId.OFF_AMAZON_CONTACT || !bareAddress(s, emailSpans, text))
                .toList());
        sorted.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed()));
        List<Span> merged = new ArrayList<>();
        for (Span s : sorted) {
            int at = lastOfRule(merged, s.rule());
            if (at >= 0 && merged.get(at).overlaps(s)) {
                Span p = merged.get(at);
                Severity sev = p.severity() == Severity.BLOCK || s.severity() == Severity.BLOCK ? Severity.BLOCK
                        : Severity.WARN;
                Span keep = p.severity() == sev ? p : s;
                merged.set(at, new Span(p.rule(), sev, p.start(), Math.max(p.end(), s.end()), keep.explanation(),
                        keep.alternative()));
            } else {
                merged.add(s);
            }
        }
        return merged;
    }

    /**
     * True when the e-mail addresses overlapping {@code s} leave at most {@value #BARE_ADDRESS_WORDS} words of it
     * ("Mail: info(at)shop.de"); "write to us at info (arroba) shop (punto) es for a quote" stays an invitation.
     */
    private static boolean bareAddress(Span s, List<Span> emailSpans, String text) {
        List<Span> inside = emailSpans.stream().filter(s::overlaps).toList();
        if (inside.isEmpty()) {
            return false;
        }
        int words = 0;
        boolean inWord = false;
        for (int i = Math.max(0, s.start()); i < Math.min(text.length(), s.end()); i++) {
            int at = i;
            boolean covered = inside.stream().anyMatch(e -> at >= e.start() && at < e.end());
            boolean letter = !covered && Character.isLetter(text.charAt(i));
            if (letter && !inWord) {
                words++;
            }
            inWord = letter;
        }
        return words <= BARE_ADDRESS_WORDS;
    }

    private static int lastOfRule(List<Span> spans, RuleId rule) {
        for (int i = spans.size() - 1; i >= 0; i--) {
            if (spans.get(i).rule() == rule) {
                return i;
            }
        }
        return -1;
    }

    private static void requireBounded(String field, String text) {
        if (text.length() > MAX_BODY_CHARS) {
            throw new InvalidInputException(field, "is " + text.length() + " characters long; the compliance check "
                    + "accepts at most " + MAX_BODY_CHARS);
        }
    }
}
