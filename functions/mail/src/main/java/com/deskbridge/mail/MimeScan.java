package com.deskbridge.mail;

import com.deskbridge.mail.MailRefusedException.Limit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a raw e-mail's structure against {@link MailLimits} before the MIME parser sees it, in one pass over the
 * bytes with no recursion (mime4j reads a part nested n levels deep through n boundary streams, one stack frame
 * chain per level, so depth alone can overflow its stack). It follows what the parser will follow: header blocks
 * (RFC 5322 section 2.2, folded lines), multipart boundaries (RFC 2046 section 5.1.1: a delimiter is "--" plus the
 * boundary at the start of a line; the inner boundary is checked first, and a delimiter of an outer one closes every
 * multipart inside it) and attached messages that are not transfer-encoded (RFC 2046 section 5.2.1). Text parts are
 * counted at their decoded size (base64 as three bytes per four characters).
 */
final class MimeScan {
    private static final Pattern BOUNDARY = Pattern.compile("(?i);\\s*boundary\\s*=\\s*(?:\"([^\"]*)\"|([^;\\s]+))");

    /** What the scan is reading. */
    private enum Mode { HEADER, BODY }

    /** One open multipart: its boundary as the delimiter line starts ("--" + boundary), and its entity's depth. */
    private record Open(byte[] delimiter, int depth) {
    }

    private final byte[] raw;
    private final List<Open> open = new ArrayList<>();
    private int parts;
    private long text;

    // the entity whose header block is being read, or whose body is being read
    private int depth;
    private int fields;
    private int fieldBytes;
    private int headerBytes;
    private String contentType = "";
    private String encoding = "";
    private boolean inType;
    private boolean inEncoding;
    private boolean leafIsText;
    private boolean leafIsBase64;

    private MimeScan(byte[] raw) {
        this.raw = raw;
    }

    /** @throws MailRefusedException naming the first limit the mail breaks */
    static void check(byte[] raw) {
        new MimeScan(raw).run();
    }

    private void run() {
        startEntity(0);
        Mode mode = Mode.HEADER;
        int pos = 0;
        while (pos < raw.length) {
            int end = pos;
            while (end < raw.length && raw[end] != '\n') {
                end++;
            }
            int next = end + 1;
            int lineEnd = end > pos && raw[end - 1] == '\r' ? end - 1 : end;
            if (mode == Mode.HEADER) {
                mode = headerLine(pos, lineEnd, end - pos + 1);
            } else {
                mode = bodyLine(pos, lineEnd);
            }
            pos = next;
        }
    }

    private void startEntity(int entityDepth) {
        parts++;
        if (parts > MailLimits.MAX_PARTS) {
            throw new MailRefusedException(Limit.PARTS, "more than " + MailLimits.MAX_PARTS + " MIME parts");
        }
        if (entityDepth > MailLimits.MAX_NESTING_DEPTH) {
            throw new MailRefusedException(Limit.NESTING_DEPTH, "MIME parts nested more than "
                    + MailLimits.MAX_NESTING_DEPTH + " levels deep");
        }
        depth = entityDepth;
        fields = 0;
        fieldBytes = 0;
        headerBytes = 0;
        contentType = "";
        encoding = "";
        inType = false;
        inEncoding = false;
    }

    private Mode headerLine(int from, int to, int lineBytes) {
        if (from == to) {
            return endOfHeader();
        }
        if (delimiterAt(from, to) >= 0) {
            endOfHeader(); // a part without a blank line after its header: the delimiter ends it all the same
            return bodyLine(from, to);
        }
        headerBytes += lineBytes;
        if (headerBytes > MailLimits.MAX_HEADER_BYTES) {
            throw new MailRefusedException(Limit.HEADER_SIZE, "a header block over " + MailLimits.MAX_HEADER_BYTES + " bytes");
        }
        boolean continuation = raw[from] == ' ' || raw[from] == '\t';
        if (continuation) {
            fieldBytes += lineBytes;
        } else {
            fields++;
            fieldBytes = lineBytes;
            if (fields > MailLimits.MAX_HEADER_FIELDS) {
                throw new MailRefusedException(Limit.HEADER_FIELDS, "more than " + MailLimits.MAX_HEADER_FIELDS
                        + " header fields in one part");
            }
            // the first of each field counts, as for the parser
            inType = contentType.isEmpty() && startsWithIgnoreCase(from, to, "content-type:");
            inEncoding = encoding.isEmpty() && startsWithIgnoreCase(from, to, "content-transfer-encoding:");
        }
        if (fieldBytes > MailLimits.MAX_HEADER_FIELD_BYTES) {
            throw new MailRefusedException(Limit.HEADER_FIELD_SIZE, "a header field over "
                    + MailLimits.MAX_HEADER_FIELD_BYTES + " bytes");
        }
        if (inType) {
            contentType += ascii(from, to);
        } else if (inEncoding) {
            encoding += ascii(from, to);
        }
        return Mode.HEADER;
    }

    /** The blank line after a header block: what follows is a multipart's preamble, an attached message or a leaf. */
    private Mode endOfHeader() {
        String typeAsWritten = contentType.isEmpty() ? "" : contentType.substring("content-type:".length());
        String type = typeAsWritten.toLowerCase(Locale.ROOT);
        String cte = value(encoding, "content-transfer-encoding:").trim();
        String mediaType = type.split(";", 2)[0].trim();
        if (mediaType.startsWith("multipart/")) {
            Matcher boundary = BOUNDARY.matcher(typeAsWritten); // boundaries are case-sensitive
            if (boundary.find()) {
                String b = boundary.group(1) != null ? boundary.group(1) : boundary.group(2);
                open.add(new Open(("--" + b).getBytes(StandardCharsets.ISO_8859_1), depth));
                leafIsText = false;
                leafIsBase64 = false;
                return Mode.BODY; // the preamble, until the first delimiter
            }
        }
        if ((mediaType.equals("message/rfc822") || mediaType.equals("message/global"))
                && (cte.isEmpty() || cte.equals("7bit") || cte.equals("8bit") || cte.equals("binary"))) {
            startEntity(depth + 1);
            return Mode.HEADER;
        }
        leafIsText = mediaType.isEmpty() || mediaType.startsWith("text/");
        leafIsBase64 = cte.equals("base64");
        return Mode.BODY;
    }

    /** The index in {@link #open} of the multipart whose delimiter this line is (innermost first), or -1. */
    private int delimiterAt(int from, int to) {
        if (to - from < 2 || raw[from] != '-' || raw[from + 1] != '-') {
            return -1;
        }
        for (int i = open.size() - 1; i >= 0; i--) {
            byte[] delimiter = open.get(i).delimiter();
            if (startsWith(from, to, delimiter) && blank(afterClose(from + delimiter.length, to), to)) {
                return i; // "--boundaryX" is not a delimiter of "boundary"
            }
        }
        return -1;
    }

    /** Past the "--" that makes a delimiter a close delimiter, if there is one. */
    private int afterClose(int after, int to) {
        return to - after >= 2 && raw[after] == '-' && raw[after + 1] == '-' ? after + 2 : after;
    }

    private Mode bodyLine(int from, int to) {
        int i = delimiterAt(from, to);
        if (i >= 0) {
            Open multipart = open.get(i);
            boolean close = afterClose(from + multipart.delimiter().length, to) != from + multipart.delimiter().length;
            while (open.size() > i + 1) {
                open.remove(open.size() - 1); // an outer delimiter ends every multipart inside it
            }
            if (close) {
                open.remove(i);
                leafIsText = false; // the epilogue
                return Mode.BODY;
            }
            startEntity(multipart.depth() + 1);
            return Mode.HEADER;
        }
        if (leafIsText) {
            long bytes = leafIsBase64 ? (to - from) * 3L / 4 : to - from + 1;
            text += bytes;
            if (text > MailLimits.MAX_DECODED_TEXT_BYTES) {
                throw new MailRefusedException(Limit.DECODED_TEXT, "more than " + MailLimits.MAX_DECODED_TEXT_BYTES
                        + " bytes of text");
            }
        }
        return Mode.BODY;
    }

    private boolean startsWith(int from, int to, byte[] prefix) {
        if (to - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (raw[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean startsWithIgnoreCase(int from, int to, String prefix) {
        if (to - from < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (Character.toLowerCase((char) (raw[from + i] & 0xff)) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean blank(int from, int to) {
        for (int i = from; i < to; i++) {
            if (raw[i] != ' ' && raw[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    private String ascii(int from, int to) {
        return new String(raw, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** The field's value, lower-cased, without its name. */
    private static String value(String field, String name) {
        return field.isEmpty() ? "" : field.substring(name.length()).toLowerCase(Locale.ROOT);
    }
}
