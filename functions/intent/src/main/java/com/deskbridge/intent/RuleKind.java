package com.deskbridge.intent;

/**
 * How a {@link SellerTagRule}'s pattern is matched: {@link #KEYWORD} as whole words, case- and accent-insensitive
 * ("Black Friday" matches "black-friday" and "BLACK FRIDAY"; punctuation only separates words, and a word with a
 * digit matches any word with a digit, as order ids are normalised to one placeholder — use REGEX for exact
 * numbers); {@link #REGEX} as a Java regular expression,
 * case-insensitive, under the limits of {@link RegexSafety}.
 */
public enum RuleKind {
    KEYWORD, REGEX
}
