package com.deskbridge.compliance;

/** How sure the checker is that Amazon rejects or strips the text. */
public enum Severity {
    /** Amazon blocks the message or strips the content: do not send as is. */
    BLOCK,
    /** A judgement call: Amazon may accept it, but it risks a policy warning; an agent should look. */
    WARN
}
