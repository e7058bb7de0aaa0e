package com.deskbridge.audit;

import java.util.List;

/**
 * A report as CSV (RFC 4180: https://www.rfc-editor.org/rfc/rfc4180): one row per violation, CRLF line ends, fields
 * quoted when they hold a comma, quote or line break. A field a spreadsheet would run as a formula (starting with
 * = + - @, tab or carriage return) gets a leading apostrophe (OWASP "CSV Injection":
 * https://owasp.org/www-community/attacks/CSV_Injection).
 */
public final class AuditCsv {
    static final List<String> HEADER = List.of("audit_id", "period", "message_key", "ticket_id", "sent_at", "agent",
            "source", "macro", "channel", "language", "rule", "start", "end", "excerpt", "alternative");

    private AuditCsv() {
    }

    public static String of(AuditReport report) {
        StringBuilder out = new StringBuilder();
        row(out, HEADER);
        for (AuditReport.Violation v : report.violations()) {
            row(out, java.util.Arrays.asList(report.id(), report.period(), v.messageKey(), v.ticketId(), v.sentAt(),
                    v.agentId(), v.source(), v.macroId(), v.channel(), v.language(), v.rule(),
                    Integer.toString(v.start()), Integer.toString(v.end()), v.excerpt(), v.alternative()));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean formula = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+");
        String v = formula ? "'" + value : value;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
