package com.deskbridge.intent;

import com.deskbridge.domain.ticket.InvalidInputException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tags a classified message: the default tag of its intent and of its secondary intent
 * ({@link #defaultTag(Intent)}), {@value #NEEDS_TRIAGE} when the intent is uncertain, peak-event tags ({@link PeakEventCalendar}), and the seller's own rules.
 * Seller rules see the same text the classifier sees (quoted history removed); keyword rules match whole words
 * case- and accent-insensitively, regex rules run under {@link RegexSafety}. At most {@value #MAX_RULES} rules
 * with distinct names. Immutable and thread-safe.
 */
public final class Tagger {
    public static final int MAX_RULES = 50;
    /**
     * The reserved tag of a message whose intent the model is not sure of ({@link IntentResult#needsTriage()}): the
     * queue's {@code ?tag=needs-triage} filter and the console's tag display show these tickets. Seller rules cannot
     * use it.
     */
    public static final String NEEDS_TRIAGE = "needs-triage";

    private final List<CompiledRule> rules;
    private final PeakEventCalendar calendar;

    /** A tagger with the default peak calendar. */
    public Tagger(List<SellerTagRule> rules) {
        this(rules, new PeakEventCalendar());
    }

    public Tagger(List<SellerTagRule> rules, PeakEventCalendar calendar) {
        if (rules == null) {
            throw new InvalidInputException("rules", "is required");
        }
        if (rules.size() > MAX_RULES) {
            throw new InvalidInputException("rules", "must be at most " + MAX_RULES + " (was " + rules.size() + ")");
        }
        Set<String> names = new HashSet<>();
        List<CompiledRule> compiled = new ArrayList<>();
        for (SellerTagRule r : rules) {
            if (r == null) {
                throw new InvalidInputException("rules", "must not contain null");
            }
            if (!names.add(r.name())) {
                throw new InvalidInputException("rules", "has two rules named " + r.name());
            }
            compiled.add(new CompiledRule(r));
        }
        this.rules = List.copyOf(compiled);
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /** The default tag of an intent, or null for OTHER. */
    public static String defaultTag(Intent intent) {
        return switch (intent) {
            case WHERE_IS_MY_ORDER -> "shipping-status";
            case DELIVERY_PROBLEM -> "shipping-delay";
            case REFUND_REQUEST -> "refund";
            case CANCELLATION_REQUEST -> "cancellation";
            case RETURN -> "returns";
            case DAMAGED_ITEM -> "damaged";
            case PRODUCT_QUESTION -> "product-question";
            case POSITIVE_FEEDBACK -> "positive-feedback";
            case OTHER -> null;
        };
    }

    /**
     * Tags a message.
     *
     * @param receivedOn the day the message arrived in the seller's time zone, for peak windows; may be null
     */
    public TagResult tag(IntentResult result, String subject, String body, LocalDate receivedOn) {
        Set<String> tags = new LinkedHashSet<>();
        addDefault(tags, result.intent());
        if (result.secondary() != null) {
            addDefault(tags, result.secondary());
        }
        if (result.needsTriage()) {
            tags.add(NEEDS_TRIAGE);
        }
        String subj = subject == null ? "" : subject;
        String text = QuotedTextStripper.strip(body == null ? "" : cut(body, IntentClassifier.MAX_RAW_CHARS));
        List<String> subjectTokens = TextNormalizer.tokens(cut(subj, IntentClassifier.MAX_SUBJECT_CHARS));
        List<String> bodyTokens = TextNormalizer.tokens(cut(text, IntentClassifier.MAX_BODY_CHARS));
        List<String> allTokens = new ArrayList<>(subjectTokens);
        allTokens.add(TextNormalizer.BOUNDARY);
        allTokens.addAll(bodyTokens);
        tags.addAll(calendar.tags(receivedOn, allTokens));
        List<String> skipped = new ArrayList<>();
        for (CompiledRule r : rules) {
            try {
                if (r.matches(subj, subjectTokens, text, bodyTokens)) {
                    tags.add(r.rule.tag());
                }
            } catch (BudgetedCharSequence.BudgetExceeded e) {
                skipped.add(r.rule.name());
            }
        }
        return new TagResult(new ArrayList<>(tags), skipped);
    }

    private static void addDefault(Set<String> tags, Intent intent) {
        String t = defaultTag(intent);
        if (t != null) {
            tags.add(t);
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** A validated rule with its compiled matcher. */
    private static final class CompiledRule {
        private final SellerTagRule rule;
        private final Pattern regex;
        private final KeywordMatcher keyword;

        CompiledRule(SellerTagRule rule) {
            this.rule = rule;
            this.regex = rule.kind() == RuleKind.REGEX ? RegexSafety.check(rule.pattern()) : null;
            this.keyword = rule.kind() == RuleKind.KEYWORD ? new KeywordMatcher(rule.tag(), literal(rule.pattern())) : null;
        }

        /** Keyword patterns are words: punctuation (including "*", "_", "#") only separates them. */
        private static String literal(String pattern) {
            StringBuilder sb = new StringBuilder(pattern.length());
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                sb.append(Character.isLetterOrDigit(c) ? c : ' ');
            }
            return sb.toString().trim();
        }

        boolean matches(String subject, List<String> subjectTokens, String body, List<String> bodyTokens) {
            return (rule.fields().contains(TicketField.SUBJECT) && matches(subject, subjectTokens))
                    || (rule.fields().contains(TicketField.BODY) && matches(body, bodyTokens));
        }

        private boolean matches(String text, List<String> tokens) {
            if (keyword != null) {
                return keyword.matches(tokens.toArray(String[]::new));
            }
            String bounded = text.length() <= RegexSafety.MAX_INPUT_CHARS ? text
                    : text.substring(0, RegexSafety.MAX_INPUT_CHARS);
            return regex.matcher(new BudgetedCharSequence(bounded, RegexSafety.MATCH_BUDGET)).find();
        }
    }
}
