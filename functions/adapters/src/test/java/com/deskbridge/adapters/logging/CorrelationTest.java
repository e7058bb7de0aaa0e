package com.deskbridge.adapters.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.deskbridge.adapters.sqs.SqsBatch;
import com.deskbridge.testing.SqsRecords;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;

/** The correlation id on every log line of one record's work, carried by the message, cleared between records. */
class CorrelationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** java.util.logging itself: the back end JsonLogging formats, whichever SLF4J provider the test class path has. */
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(CorrelationTest.class.getName());

    private static List<String> ids(List<String> lines) {
        return lines.stream().map(l -> {
            try {
                return JSON.readTree(l).path("correlationId").asText(null);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
    }

    @Test
    void eachRecordLogsUnderTheIdItCarriesOrElseItsOwnMessageIdAndNothingLeaksToTheNext() throws Exception {
        SQSEvent event = SqsRecords.event(SqsRecords.correlated(SqsRecords.record("m-1", "first", 1), "intake-4711"),
                SqsRecords.record("m-2", "second", 1),
                SqsRecords.correlated(SqsRecords.record("m-3", "third", 1), "bad id\n{\"level\":\"ERROR\"}"));
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (JsonLogging.Capture capture = JsonLogging.capture()) {
            new SqsBatch("test", (r, reason, at) -> { }, Clock.systemUTC()).process(event, r -> {
                LOG.info("handling " + r.getMessageId());
                try {
                    other.submit(Correlation.carried(() -> {
                        LOG.info("a look-up on another thread for " + r.getMessageId());
                        return null;
                    })).get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return SqsBatch.DONE;
            });
            LOG.info("after the batch");
            other.submit(() -> LOG.info("the pool thread afterwards")).get();

            assertThat(ids(capture.lines())).containsExactly("intake-4711", "intake-4711", "m-2", "m-2", "m-3", "m-3",
                    null, null);
            assertThat(String.join("\n", capture.lines())).doesNotContain("bad id");
        } finally {
            other.shutdown();
        }
        assertThat(Correlation.current()).isEmpty();
    }

    @Test
    void aScheduledInvocationLogsUnderItsOwnIdAndSendsItOn() {
        try (JsonLogging.Capture capture = JsonLogging.capture()) {
            String sent = Correlation.invocation(null, () -> {
                LOG.info("sweep ran");
                return Correlation.attributes().get(Correlation.ATTRIBUTE).stringValue();
            });
            assertThat(ids(capture.lines())).containsExactly(sent);
            assertThat(sent).startsWith("invocation-");
        }
        assertThat(Correlation.current()).isEmpty();
        assertThat(Correlation.attributes()).isEmpty();
    }
}
