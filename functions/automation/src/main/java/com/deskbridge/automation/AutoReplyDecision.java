package com.deskbridge.automation;

import com.deskbridge.compliance.Finding;
import com.deskbridge.macros.MacroLanguage;
import com.deskbridge.macros.Placeholder;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What {@link AutoReplyEngine#decide} decided for one buyer message. Texts hold personal data (the buyer's name), so
 * {@code toString} never shows them.
 */
public sealed interface AutoReplyDecision permits AutoReplyDecision.Reply, AutoReplyDecision.NoReply,
        AutoReplyDecision.Blocked {

    /**
     * Send this text as an automatic reply: record it with
     * {@code TicketCommands.automaticReply(seller, ticket, text, ruleKey)}, which does not stop Amazon's clock.
     *
     * @param ruleId   the rule that fired
     * @param text     the compliant, complete text; never blank
     * @param language the language the text is written in
     * @param ruleKey  the record's idempotency key, derived from the waiting period: a redelivered message, or a
     *                 second one of the same waiting period, maps to the same key and so to the same recorded reply
     */
    record Reply(String ruleId, String text, MacroLanguage language, String ruleKey) implements AutoReplyDecision {
        public Reply {
            Objects.requireNonNull(ruleId, "ruleId");
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(ruleKey, "ruleKey");
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("an automatic reply is never blank");
            }
        }

        /** Always true: this reply is recorded as automatic and does not count as the seller's response. */
        public boolean automatic() {
            return true;
        }

        @Override
        public String toString() {
            return "Reply[" + ruleId + ", " + language + ", " + text.length() + " chars, key=" + ruleKey + "]";
        }
    }

    /**
     * No automatic reply.
     *
     * @param reason  why, in English, for the ticket's activity and logs
     * @param ruleId  the rule that matched but could not reply; null when none matched or automation is off
     * @param missing the macro values that were not known (empty unless that is the reason)
     */
    record NoReply(String reason, String ruleId, List<Placeholder> missing) implements AutoReplyDecision {
        public NoReply {
            Objects.requireNonNull(reason, "reason");
            missing = missing == null ? List.of() : List.copyOf(missing);
        }

        static NoReply because(String reason) {
            return new NoReply(reason, null, List.of());
        }
    }

    /**
     * A rule matched and its text was rendered, but the messaging-compliance check found something: nothing is sent.
     * Even a warning blocks, because nobody reviews an automatic reply before it goes out.
     *
     * @param ruleId   the rule whose text failed
     * @param text     the text that would have been sent (for the seller to fix the macro)
     * @param language its language
     * @param findings every finding; never empty
     */
    record Blocked(String ruleId, String text, MacroLanguage language, List<Finding> findings)
            implements AutoReplyDecision {
        public Blocked {
            Objects.requireNonNull(ruleId, "ruleId");
            findings = List.copyOf(findings);
            if (findings.isEmpty()) {
                throw new IllegalArgumentException("a blocked reply has findings");
            }
        }

        /** One line naming the rule and each finding's rule and offending text. */
        public String reason() {
            return "automatic reply of rule '" + ruleId + "' failed the messaging-compliance check: "
                    + findings.stream().map(f -> f.rule() + " (" + f.severity() + ") '" + f.matched() + "'")
                    .collect(Collectors.joining(", "));
        }

        @Override
        public String toString() {
            return "Blocked[" + ruleId + ", " + language + ", " + findings.stream().map(f -> f.rule().name())
                    .collect(Collectors.joining(",")) + "]";
        }
    }
}
