package com.deskbridge.intent;

import com.deskbridge.domain.ticket.InvalidInputException;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A seller's own tagging rule: when {@code pattern} matches one of {@code fields}, the ticket gets {@code tag}.
 * Validated on construction; violations raise {@link InvalidInputException} naming the field ("name", "kind",
 * "pattern", "tag", "fields"):
 * <ul>
 *   <li>name: required, at most {@value #MAX_NAME_CHARS} characters;</li>
 *   <li>pattern: required, at most {@value #MAX_PATTERN_CHARS} characters; a keyword needs a letter or digit; a
 *       regex must compile and pass {@link RegexSafety#check};</li>
 *   <li>tag: required, lower-case letters, digits and hyphens, starting with a letter or digit, at most
 *       {@value #MAX_TAG_CHARS} characters, not the reserved {@value Tagger#NEEDS_TRIAGE};</li>
 *   <li>fields: at least one.</li>
 * </ul>
 */
public record SellerTagRule(String name, RuleKind kind, String pattern, String tag, Set<TicketField> fields) {
    public static final int MAX_NAME_CHARS = 64;
    public static final int MAX_PATTERN_CHARS = 200;
    public static final int MAX_TAG_CHARS = 40;
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    public SellerTagRule {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "is required");
        }
        if (name.length() > MAX_NAME_CHARS) {
            throw new InvalidInputException("name", "must be at most " + MAX_NAME_CHARS + " characters");
        }
        if (kind == null) {
            throw new InvalidInputException("kind", "is required (KEYWORD or REGEX)");
        }
        validatePattern(kind, pattern);
        validateTag(tag);
        if (fields == null || fields.isEmpty()) {
            throw new InvalidInputException("fields", "must name at least one of SUBJECT, BODY");
        }
        fields = Set.copyOf(EnumSet.copyOf(fields));
    }

    /** A rule over subject and body. */
    public static SellerTagRule of(String name, RuleKind kind, String pattern, String tag) {
        return new SellerTagRule(name, kind, pattern, tag, EnumSet.allOf(TicketField.class));
    }

    private static void validatePattern(RuleKind kind, String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new InvalidInputException("pattern", "is required");
        }
        if (pattern.length() > MAX_PATTERN_CHARS) {
            throw new InvalidInputException("pattern", "must be at most " + MAX_PATTERN_CHARS + " characters (was "
                    + pattern.length() + ")");
        }
        if (kind == RuleKind.KEYWORD && pattern.chars().noneMatch(Character::isLetterOrDigit)) {
            throw new InvalidInputException("pattern", "must contain a letter or digit");
        }
        if (kind == RuleKind.REGEX) {
            RegexSafety.check(pattern);
        }
    }

    private static void validateTag(String tag) {
        if (tag == null || tag.isBlank()) {
            throw new InvalidInputException("tag", "is required");
        }
        if (tag.length() > MAX_TAG_CHARS) {
            throw new InvalidInputException("tag", "must be at most " + MAX_TAG_CHARS + " characters");
        }
        if (Tagger.NEEDS_TRIAGE.equals(tag)) {
            throw new InvalidInputException("tag", "is reserved: " + Tagger.NEEDS_TRIAGE + " marks messages whose intent "
                    + "the model is unsure of");
        }
        if (!TAG.matcher(tag).matches()) {
            throw new InvalidInputException("tag", "may contain only lower-case letters, digits and hyphens, "
                    + "starting with a letter or digit");
        }
    }
}
