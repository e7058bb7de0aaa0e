package com.deskbridge.compliance;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link RuleId#ATTACHMENT_TYPE} and {@link RuleId#ATTACHMENT_SIZE}. Decision (Amazon's exact list is
 * UNCONFIRMED, https://sellercentral.amazon.sg/gp/help/external/help.html?itemID=200389080): PDF, JPEG, PNG and plain text pass; DOC/DOCX are a
 * {@link Severity#WARN} (documented by some sellers, not confirmed); GIF is {@link Severity#BLOCK} because
 * animated GIFs are banned and a static one can be sent as PNG; everything else (video, archives, executables,
 * HTML, …) is BLOCK. The type is taken from the file extension, and a declared MIME type that contradicts an
 * allowed extension is judged by the worse of the two. More than {@value #MAX_ATTACHMENT_BYTES} bytes (10 MB) is
 * BLOCK.
 */
final class AttachmentRule {
    /** The largest attachment Amazon delivers, in bytes (10 MB = 10 × 1024 × 1024). */
    static final long MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;

    private enum Verdict { OK, WARN, BLOCK }

    private static final Map<String, Verdict> BY_EXTENSION = Map.ofEntries(
            Map.entry("pdf", Verdict.OK), Map.entry("jpg", Verdict.OK), Map.entry("jpeg", Verdict.OK),
            Map.entry("png", Verdict.OK), Map.entry("txt", Verdict.OK), Map.entry("doc", Verdict.WARN),
            Map.entry("docx", Verdict.WARN));
    private static final Map<String, Verdict> BY_MIME = Map.ofEntries(
            Map.entry("application/pdf", Verdict.OK), Map.entry("image/jpeg", Verdict.OK),
            Map.entry("image/jpg", Verdict.OK), Map.entry("image/png", Verdict.OK), Map.entry("text/plain", Verdict.OK),
            Map.entry("application/msword", Verdict.WARN),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Verdict.WARN),
            Map.entry("application/octet-stream", Verdict.OK));

    void check(List<AttachmentInfo> attachments, List<Finding> out) {
        for (AttachmentInfo a : attachments) {
            Verdict v = verdict(a);
            if (v != Verdict.OK) {
                out.add(new Finding(RuleId.ATTACHMENT_TYPE, v == Verdict.WARN ? Severity.WARN : Severity.BLOCK, -1, -1,
                        a.fileName(), v == Verdict.WARN
                        ? "Word documents are not confirmed as accepted by Amazon's messaging."
                        : "Attachment type not accepted by Amazon (allowed: PDF, JPEG, PNG, TXT; no GIFs or video).",
                        "Convert the file to PDF (documents) or JPEG/PNG (images) before attaching it."));
            }
            if (a.sizeBytes() > MAX_ATTACHMENT_BYTES) {
                out.add(new Finding(RuleId.ATTACHMENT_SIZE, Severity.BLOCK, -1, -1, a.fileName(),
                        "Attachment of " + a.sizeBytes() + " bytes is larger than Amazon's 10 MB limit.",
                        "Compress the file or split it into several attachments of at most 10 MB each."));
            }
        }
    }

    private static Verdict verdict(AttachmentInfo a) {
        String name = a.fileName().toLowerCase(Locale.ROOT).trim();
        int dot = name.lastIndexOf('.');
        Verdict byExt = dot < 0 ? Verdict.BLOCK : BY_EXTENSION.getOrDefault(name.substring(dot + 1), Verdict.BLOCK);
        String mime = a.contentType().toLowerCase(Locale.ROOT);
        int semi = mime.indexOf(';');
        mime = (semi >= 0 ? mime.substring(0, semi) : mime).trim();
        Verdict byMime = mime.isEmpty() ? Verdict.OK : BY_MIME.getOrDefault(mime, Verdict.BLOCK);
        return byExt.ordinal() >= byMime.ordinal() ? byExt : byMime;
    }
}
