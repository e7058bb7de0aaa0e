package com.deskbridge.compliance;

import com.deskbridge.intent.Language;

import java.util.Set;

/**
 * One lexicon entry: a regular expression over folded text (lower case, no accents) in which a space stands for
 * any run of spaces, hyphens or apostrophes and {@code ~N} for a gap of up to N words that does not cross a comma
 * or full stop. {@code languages} empty means the cue applies whatever the message language.
 */
record PhraseCue(RuleId rule, Severity severity, String regex, Set<Language> languages) {
}
