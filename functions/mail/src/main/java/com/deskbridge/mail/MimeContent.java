package com.deskbridge.mail;

import com.deskbridge.domain.ticket.Attachment;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.apache.james.mime4j.message.DefaultMessageWriter;

/**
 * The readable content of a parsed message: its body text and the metadata of its attachments. Walks nested
 * multiparts (mixed, alternative, related, ...); the body is the inline text/plain parts, or, when those are
 * absent or blank, the inline text/html parts rendered as text.
 */
record MimeContent(String text, List<Attachment> attachments) {
    private static final int MAX_FILE_NAME = 255;
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("application/pdf", "pdf"),
            Map.entry("image/jpeg", "jpg"),
            Map.entry("image/png", "png"),
            Map.entry("image/gif", "gif"),
            Map.entry("image/webp", "webp"),
            Map.entry("image/heic", "heic"),
            Map.entry("text/plain", "txt"),
            Map.entry("text/html", "html"),
            Map.entry("text/csv", "csv"),
            Map.entry("message/rfc822", "eml"),
            Map.entry("application/zip", "zip"),
            Map.entry("application/msword", "doc"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
            Map.entry("application/vnd.ms-excel", "xls"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
            Map.entry("video/mp4", "mp4"));

    static MimeContent of(Message message) {
        Collector collector = new Collector();
        collector.visit(message, false);
        String plain = String.join("\n\n", collector.plain);
        String text = plain.isBlank()
                ? String.join("\n\n", collector.html.stream().map(HtmlToText::convert).toList())
                : plain;
        return new MimeContent(text.strip(), List.copyOf(collector.attachments));
    }

    private static final class Collector {
        private final List<String> plain = new ArrayList<>();
        private final List<String> html = new ArrayList<>();
        private final List<Attachment> attachments = new ArrayList<>();

        void visit(Entity entity, boolean insideRelated) {
            Body body = entity.getBody();
            if (body instanceof Multipart multipart) {
                boolean related = "related".equalsIgnoreCase(multipart.getSubType());
                for (Entity part : multipart.getBodyParts()) {
                    visit(part, related);
                }
            } else if (isAttachment(entity, insideRelated)) {
                attachments.add(attachment(entity, attachments.size() + 1));
            } else if (body instanceof SingleBody single) {
                collectText(entity, single);
            }
        }

        private void collectText(Entity entity, SingleBody body) {
            String mimeType = entity.getMimeType().toLowerCase(Locale.ROOT);
            if (!"text/plain".equals(mimeType) && !"text/html".equals(mimeType)) {
                return;
            }
            String text = TextDecoding.decode(bytes(body), charset(entity)).replace("\r\n", "\n").replace('\r', '\n');
            (mimeType.equals("text/plain") ? plain : html).add(text);
        }
    }

    /**
     * Every non-inline part with a file name or a non-text type is an attachment, and so is every part explicitly
     * marked "attachment". Inline parts and the resources an HTML body references inside multipart/related
     * (Content-ID, no disposition) are decoration of the body, not files the buyer sent.
     */
    private static boolean isAttachment(Entity entity, boolean insideRelated) {
        String disposition = entity.getDispositionType();
        if ("attachment".equalsIgnoreCase(disposition)) {
            return true;
        }
        if (isInline(entity)) {
            return false;
        }
        if (disposition == null && insideRelated && entity.getHeader().getField("Content-ID") != null) {
            return false;
        }
        return fileName(entity) != null || !entity.getMimeType().toLowerCase(Locale.ROOT).startsWith("text/");
    }

    private static boolean isInline(Entity entity) {
        return "inline".equalsIgnoreCase(entity.getDispositionType());
    }

    private static Attachment attachment(Entity entity, int number) {
        String mimeType = entity.getMimeType().toLowerCase(Locale.ROOT);
        String name = fileName(entity);
        if (name == null) {
            name = "attachment-" + number + "." + EXTENSIONS.getOrDefault(mimeType, "bin");
        }
        return new Attachment(shorten(name), mimeType, size(entity.getBody()));
    }

    /** The decoded file name: Content-Disposition filename (RFC 2231 handled by mime4j), else Content-Type name. */
    private static String fileName(Entity entity) {
        String name = entity.getFilename();
        if (name == null || name.isBlank()) {
            ContentTypeField type = (ContentTypeField) entity.getHeader().getField("Content-Type");
            name = type == null ? null : type.getParameter("name");
        }
        if (name == null || name.isBlank()) {
            return null;
        }
        String decoded = DecoderUtil.decodeEncodedWords(name, DecodeMonitor.SILENT);
        String base = decoded.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        return base.isEmpty() ? null : base;
    }

    /** Keeps the extension when a file name is longer than the domain accepts. */
    private static String shorten(String name) {
        if (name.length() <= MAX_FILE_NAME) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        return name.substring(0, MAX_FILE_NAME - ext.length()) + ext;
    }

    private static String charset(Entity entity) {
        ContentTypeField type = (ContentTypeField) entity.getHeader().getField("Content-Type");
        return type == null ? null : type.getCharset();
    }

    private static byte[] bytes(SingleBody body) {
        try (var in = body.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decoded size in bytes; an attached message (message/rfc822) counts as its serialised form. */
    private static long size(Body body) {
        try {
            if (body instanceof SingleBody single) {
                return single.size();
            }
            CountingStream counter = new CountingStream();
            new DefaultMessageWriter().writeBody(body, counter);
            return counter.count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class CountingStream extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
