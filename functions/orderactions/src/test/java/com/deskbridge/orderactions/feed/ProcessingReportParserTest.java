package com.deskbridge.orderactions.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.orderactions.feed.MessageOutcome.Status;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Amazon's processing report mapped back to each message and action (https://developer-docs.amazon.com/sp-api/docs/submit-a-feed). */
class ProcessingReportParserTest {

    private final ProcessingReportParser parser = new ProcessingReportParser();

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(ProcessingReportParserTest.class.getResourceAsStream("/reports/" + name))) {
            return in.readAllBytes();
        }
    }

    private static byte[] bare(String status, String summary, String results) {
        return ("<?xml version=\"1.0\"?><ProcessingReport><DocumentTransactionID>777</DocumentTransactionID>"
                + "<StatusCode>" + status + "</StatusCode>" + summary + results + "</ProcessingReport>").getBytes(StandardCharsets.UTF_8);
    }

    private static String summary(int processed, int successful, int errors, int warnings) {
        return "<ProcessingSummary><MessagesProcessed>" + processed + "</MessagesProcessed><MessagesSuccessful>" + successful
                + "</MessagesSuccessful><MessagesWithError>" + errors + "</MessagesWithError><MessagesWithWarning>" + warnings
                + "</MessagesWithWarning></ProcessingSummary>";
    }

    @Test
    void fixturesHaveAmazonsShape() throws IOException {
        FeedSchema.assertValid(resource("adjustment-one-error-one-warning.xml"));
        FeedSchema.assertValid(resource("document-level-error.xml"));
    }

    @Test
    void parsesEverything() throws IOException {
        ProcessingReport report = parser.parse(resource("adjustment-one-error-one-warning.xml"));
        assertThat(report.documentTransactionId()).isEqualTo("50012345678");
        assertThat(report.statusCode()).isEqualTo("Complete");
        assertThat(report.summary()).isEqualTo(new ProcessingReport.Summary(3, 2, 1, 1));
        assertThat(report.results()).hasSize(2);
        ProcessingReport.Result error = report.results().get(0);
        assertThat(error.messageId()).isEqualTo(2);
        assertThat(error.isError()).isTrue();
        assertThat(error.resultMessageCode()).isEqualTo("18028");
        assertThat(error.amazonOrderId()).isEqualTo("028-2222222-2222222");
        assertThat(error.amazonOrderItemCode()).isEqualTo("12345678901234");
    }

    @Test
    void errorsFailTheirMessageAndTheRestCompleteAsTheSummarySays() throws IOException {
        Map<Long, MessageOutcome> outcomes = parser.parse(resource("adjustment-one-error-one-warning.xml")).outcomes(List.of(1L, 2L, 3L));
        assertThat(outcomes.get(1L).status()).isEqualTo(Status.COMPLETED);
        assertThat(outcomes.get(1L).results()).isEmpty();
        assertThat(outcomes.get(2L).status()).isEqualTo(Status.FAILED);
        assertThat(outcomes.get(2L).errorText())
                .isEqualTo("18028: The refund amount for the item exceeds the amount that can be refunded.");
        assertThat(outcomes.get(3L).status()).isEqualTo(Status.COMPLETED);
        assertThat(outcomes.get(3L).warnings()).extracting(ProcessingReport.Result::resultMessageCode).containsExactly("18083");
    }

    @Test
    void outcomesMapBackToActions() throws IOException {
        var pending = List.of(FeedBatcherTest.refund("act-1", "A2SELLER1EXAMPLE", "A1PA6795UKMFR9"),
                FeedBatcherTest.refund("act-2", "A2SELLER1EXAMPLE", "A1PA6795UKMFR9"),
                FeedBatcherTest.refund("act-3", "A2SELLER1EXAMPLE", "A1PA6795UKMFR9"));
        PlannedFeed feed = new FeedBatcher(10).plan(pending, 1).feeds().get(0);
        Map<String, MessageOutcome> byAction = feed.outcomes(parser.parse(resource("adjustment-one-error-one-warning.xml")));
        assertThat(byAction).containsOnlyKeys("act-1", "act-2", "act-3");
        assertThat(byAction.get("act-1").status()).isEqualTo(Status.COMPLETED);
        assertThat(byAction.get("act-2").status()).isEqualTo(Status.FAILED);
        assertThat(byAction.get("act-2").errorText()).contains("exceeds the amount");
        assertThat(byAction.get("act-3").status()).isEqualTo(Status.COMPLETED);
    }

    @Test
    void documentLevelErrorFailsEveryMessageWithAmazonsText() throws IOException {
        Map<Long, MessageOutcome> outcomes = parser.parse(resource("document-level-error.xml")).outcomes(List.of(1L, 2L));
        assertThat(outcomes.values()).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(Status.FAILED);
            assertThat(o.errorText()).isEqualTo("5001: XML Parsing Fatal Error at Line 1, Column 1: Invalid document structure");
        });
    }

    @Test
    void messagesTheSummaryDoesNotAccountForStayUnconfirmed() {
        byte[] xml = bare("Complete", summary(1, 1, 0, 0), "");
        Map<Long, MessageOutcome> outcomes = parser.parse(xml).outcomes(List.of(1L, 2L));
        assertThat(outcomes.values()).extracting(MessageOutcome::status).containsOnly(Status.UNCONFIRMED);
        assertThat(parser.parse(xml).outcomes(List.of(1L)).get(1L).status()).isEqualTo(Status.COMPLETED);
    }

    @Test
    void summaryWithFewerSuccessesThanUnerroredMessagesConfirmsNone() {
        byte[] xml = bare("Complete", summary(3, 1, 1, 0),
                "<Result><MessageID>1</MessageID><ResultCode>Error</ResultCode><ResultMessageCode>99001</ResultMessageCode>"
                        + "<ResultDescription>A value is missing.</ResultDescription></Result>");
        Map<Long, MessageOutcome> outcomes = parser.parse(xml).outcomes(List.of(1L, 2L, 3L));
        assertThat(outcomes.get(1L).status()).isEqualTo(Status.FAILED);
        assertThat(outcomes.get(2L).status()).isEqualTo(Status.UNCONFIRMED);
        assertThat(outcomes.get(3L).status()).isEqualTo(Status.UNCONFIRMED);
    }

    @Test
    void reportWithoutSummaryConfirmsOnlyFailures() {
        byte[] xml = bare("Complete", "",
                "<Result><MessageID>2</MessageID><ResultCode>Error</ResultCode><ResultMessageCode>1</ResultMessageCode>"
                        + "<ResultDescription>No.</ResultDescription></Result>");
        Map<Long, MessageOutcome> outcomes = parser.parse(xml).outcomes(List.of(1L, 2L));
        assertThat(outcomes.get(1L).status()).isEqualTo(Status.UNCONFIRMED);
        assertThat(outcomes.get(2L).status()).isEqualTo(Status.FAILED);
    }

    @Test
    void rejectedReportFailsEveryMessage() {
        Map<Long, MessageOutcome> outcomes = parser.parse(bare("Rejected", "", "")).outcomes(List.of(1L, 2L));
        assertThat(outcomes.values()).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(Status.FAILED);
            assertThat(o.errorText()).contains("rejected");
        });
    }

    @Test
    void reportStillProcessingConfirmsNothing() {
        Map<Long, MessageOutcome> outcomes = parser.parse(bare("Processing", summary(2, 2, 0, 0), "")).outcomes(List.of(1L, 2L));
        assertThat(outcomes.values()).extracting(MessageOutcome::status).containsOnly(Status.UNCONFIRMED);
    }

    @Test
    void bareReportIsReadToo() {
        ProcessingReport report = parser.parse(bare("Complete", summary(2, 2, 0, 0), ""));
        assertThat(report.documentTransactionId()).isEqualTo("777");
        assertThat(report.outcomes(List.of(1L, 2L)).values()).extracting(MessageOutcome::status).containsOnly(Status.COMPLETED);
    }

    @Test
    void refusesDoctypesAndExternalEntities() {
        byte[] xxe = ("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<ProcessingReport><DocumentTransactionID>1</DocumentTransactionID><StatusCode>&x;</StatusCode></ProcessingReport>")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parser.parse(xxe)).isInstanceOf(ProcessingReportParser.MalformedReportException.class);
    }

    @Test
    void refusesDocumentsThatAreNotReports() {
        assertThatThrownBy(() -> parser.parse("not xml".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ProcessingReportParser.MalformedReportException.class);
        assertThatThrownBy(() -> parser.parse("<AmazonEnvelope><Message/></AmazonEnvelope>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ProcessingReportParser.MalformedReportException.class).hasMessageContaining("no ProcessingReport");
        assertThatThrownBy(() -> parser.parse("<ProcessingReport><DocumentTransactionID>1</DocumentTransactionID></ProcessingReport>"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(ProcessingReportParser.MalformedReportException.class)
                .hasMessageContaining("StatusCode");
        assertThatThrownBy(() -> parser.parse(bare("Complete", summary(1, 1, 0, 0).replace(">1<", ">one<"), "")))
                .isInstanceOf(ProcessingReportParser.MalformedReportException.class);
    }
}
