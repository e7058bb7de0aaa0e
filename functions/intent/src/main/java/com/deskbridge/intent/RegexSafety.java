package com.deskbridge.intent;

import com.deskbridge.domain.ticket.InvalidInputException;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Keeps seller regular expressions from stalling a Lambda on catastrophic backtracking, in three layers:
 * <ol>
 *   <li>at rule creation, {@link #check} rejects what is not valid Java regex syntax, back-references (which
 *       make matching NP-hard) and, heuristically, nested quantifiers — a group that contains a repeating
 *       quantifier ({@code * + {n,}} or {@code {n,m}} with m &gt; 1) and is itself repeated, as in
 *       {@code (a+)+}, {@code (\w*\s?)*} or {@code (x{1,5}){2,}}. Overlapping alternations inside a repeated
 *       group ({@code (a|aa)+}) and polynomial blow-ups ({@code a*a*a*a*a*b}) are not detected here;</li>
 *   <li>each field is matched on at most {@value #MAX_INPUT_CHARS} characters;</li>
 *   <li>matching runs over a {@link BudgetedCharSequence}: after {@value #MATCH_BUDGET} character reads the match
 *       is abandoned and the rule reported as skipped, whatever the pattern.</li>
 * </ol>
 */
public final class RegexSafety {
    /** Characters of a field a seller regex sees. */
    public static final int MAX_INPUT_CHARS = 4_000;
    /** Character reads one regex match may make before it is abandoned. */
    public static final int MATCH_BUDGET = 200_000;

    private RegexSafety() {
    }

    /** Compiles {@code regex} case-insensitively after the checks above; InvalidInputException("pattern", …). */
    public static Pattern check(String regex) {
        Pattern compiled;
        try {
            compiled = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw new InvalidInputException("pattern", "is not a valid regular expression: " + e.getDescription());
        }
        scan(regex);
        return compiled;
    }

    private static void scan(String re) {
        Deque<boolean[]> groups = new ArrayDeque<>();
        groups.push(new boolean[1]);
        int i = 0;
        while (i < re.length()) {
            char c = re.charAt(i);
            if (c == '\\') {
                rejectBackReference(re, i);
                i += re.startsWith("\\Q", i) ? skipQuoted(re, i) : 2;
            } else if (c == '[') {
                i = skipClass(re, i);
            } else if (c == '(') {
                groups.push(new boolean[1]);
                i++;
            } else if (c == ')') {
                boolean innerRepeats = groups.size() > 1 && groups.pop()[0];
                int end = i + 1;
                int q = repeatingQuantifierLength(re, end);
                if (innerRepeats && q > 0) {
                    throw new InvalidInputException("pattern",
                            "has a nested quantifier (a repeated group that itself contains a repeat), which can "
                                    + "backtrack catastrophically");
                }
                if (innerRepeats || q > 0) {
                    groups.peek()[0] = true;
                }
                i = end;
            } else {
                int q = repeatingQuantifierLength(re, i);
                if (q > 0) {
                    groups.peek()[0] = true;
                    i += q;
                } else {
                    i++;
                }
            }
        }
    }

    private static void rejectBackReference(String re, int i) {
        if (i + 1 < re.length()) {
            char n = re.charAt(i + 1);
            if ((n >= '1' && n <= '9') || n == 'k') {
                throw new InvalidInputException("pattern", "must not use back-references");
            }
        }
    }

    private static int skipQuoted(String re, int i) {
        int end = re.indexOf("\\E", i + 2);
        return end < 0 ? re.length() - i : end + 2 - i;
    }

    private static int skipClass(String re, int i) {
        int j = i + 1;
        if (j < re.length() && re.charAt(j) == '^') {
            j++;
        }
        if (j < re.length() && re.charAt(j) == ']') {
            j++;
        }
        int depth = 1;
        while (j < re.length() && depth > 0) {
            char c = re.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            }
            j++;
        }
        return j;
    }

    /** Length of a quantifier at {@code i} that can repeat more than once ({@code * + {n,} {n,m>1}}), else 0. */
    private static int repeatingQuantifierLength(String re, int i) {
        if (i >= re.length()) {
            return 0;
        }
        char c = re.charAt(i);
        if (c == '*' || c == '+') {
            return 1;
        }
        if (c != '{') {
            return 0;
        }
        int close = re.indexOf('}', i);
        if (close < 0) {
            return 0;
        }
        String body = re.substring(i + 1, close);
        int comma = body.indexOf(',');
        try {
            int max = comma < 0 ? Integer.parseInt(body.trim())
                    : body.substring(comma + 1).isBlank() ? Integer.MAX_VALUE
                    : Integer.parseInt(body.substring(comma + 1).trim());
            return max > 1 ? close - i + 1 : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
