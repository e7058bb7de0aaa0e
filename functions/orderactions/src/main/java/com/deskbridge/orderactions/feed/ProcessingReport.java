package com.deskbridge.orderactions.feed;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Amazon's feed processing report (https://developer-docs.amazon.com/sp-api/docs/submit-a-feed; ProcessingReport schema): the status of the whole
 * document, the summary counts, and one Result per message that had an error or a warning. Messages that went
 * through cleanly have no Result; {@link #outcomes(Collection)} decides for each submitted MessageID.
 *
 * @param statusCode Complete, Processing or Rejected
 * @param summary    null when the report has no ProcessingSummary
 */
public record ProcessingReport(String documentTransactionId, String statusCode, Summary summary, List<Result> results) {

    /** The MessageID Amazon uses for results about the whole document (e.g. 5000/5001 malformed XML). */
    public static final long DOCUMENT_LEVEL = 0;

    public ProcessingReport {
        results = List.copyOf(results);
    }

    public record Summary(long processed, long successful, long withError, long withWarning) {
    }

    /**
     * One Result element.
     *
     * @param resultCode        Error or Warning
     * @param amazonOrderId     AdditionalInfo/AmazonOrderID, or null
     * @param amazonOrderItemCode AdditionalInfo/AmazonOrderItemCode, or null
     */
    public record Result(long messageId, String resultCode, String resultMessageCode, String description,
                         String amazonOrderId, String amazonOrderItemCode) {
        public boolean isError() {
            return "Error".equalsIgnoreCase(resultCode);
        }
    }

    /**
     * The outcome of every submitted MessageID: FAILED when it has an Error result; COMPLETED when it has none
     * and the summary accounts for it as successful (processed covers every message sent and successful covers
     * every message without an error); otherwise FAILED with the document-level error if there is one, else
     * UNCONFIRMED. A rejected report fails every message; a report still processing confirms none.
     */
    public Map<Long, MessageOutcome> outcomes(Collection<Long> submittedMessageIds) {
        List<Long> ids = List.copyOf(submittedMessageIds);
        List<Result> documentErrors = results.stream().filter(r -> r.messageId() == DOCUMENT_LEVEL && r.isError()).toList();
        long failedIds = ids.stream().filter(id -> results.stream().anyMatch(r -> r.messageId() == id && r.isError())).count();
        boolean complete = "Complete".equalsIgnoreCase(statusCode);
        boolean rejected = "Rejected".equalsIgnoreCase(statusCode);
        boolean summaryConfirms = complete && summary != null
                && summary.processed() >= ids.size() && summary.successful() >= ids.size() - failedIds;
        Map<Long, MessageOutcome> out = new LinkedHashMap<>();
        for (long id : ids) {
            List<Result> own = results.stream().filter(r -> r.messageId() == id).toList();
            MessageOutcome.Status status;
            List<Result> attached = new ArrayList<>(own);
            if (own.stream().anyMatch(Result::isError)) {
                status = MessageOutcome.Status.FAILED;
            } else if (rejected) {
                status = MessageOutcome.Status.FAILED;
                attached.addAll(documentErrors.isEmpty()
                        ? List.of(new Result(DOCUMENT_LEVEL, "Error", "Rejected", "Amazon rejected the feed document.", null, null))
                        : documentErrors);
            } else if (summaryConfirms) {
                status = MessageOutcome.Status.COMPLETED;
            } else if (complete && !documentErrors.isEmpty()) {
                status = MessageOutcome.Status.FAILED;
                attached.addAll(documentErrors);
            } else {
                status = MessageOutcome.Status.UNCONFIRMED;
            }
            out.put(id, new MessageOutcome(id, status, attached));
        }
        return out;
    }
}
