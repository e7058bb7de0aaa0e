package com.deskbridge.adapters.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class JsonLoggingTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void eachRecordIsOneLineOfValidJsonEvenWithQuotesNewlinesAndAStackTrace() throws Exception {
        LogRecord record = new LogRecord(Level.SEVERE, "intake messageId={0} failed: \"bad\"\nsecond line\u0001");
        record.setParameters(new Object[] {"m-1"});
        record.setLoggerName("com.deskbridge.intake.IntakeHandler");
        record.setThrown(new IllegalStateException("boom"));

        String line = new JsonLogging.JsonLineFormatter().format(record);

        assertThat(line).endsWith("}\n");
        assertThat(line.strip()).doesNotContain("\n");
        JsonNode parsed = json.readTree(line);
        assertThat(parsed.get("level").asText()).isEqualTo("ERROR");
        assertThat(parsed.get("logger").asText()).isEqualTo("com.deskbridge.intake.IntakeHandler");
        assertThat(parsed.get("message").asText()).isEqualTo("intake messageId=m-1 failed: \"bad\"\nsecond line\u0001");
        assertThat(parsed.get("error").asText()).startsWith("java.lang.IllegalStateException: boom");
        assertThat(parsed.get("timestamp").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
    }

    @Test
    void closingTheHandlerAsJavaLoggingDoesAtShutdownLeavesStdoutOpen() {
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stdout = new java.io.PrintStream(captured, true);
        JsonLogging.StdoutHandler handler = new JsonLogging.StdoutHandler(stdout);
        LogRecord record = new LogRecord(Level.INFO, "before shutdown");
        handler.publish(record);

        handler.close();
        stdout.println("printed after the handler was closed");

        assertThat(stdout.checkError()).isFalse();
        assertThat(captured.toString()).contains("before shutdown").contains("printed after the handler was closed");
    }

    @Test
    void whileQuietOnlyErrorLinesReachStdoutAndTheOthersAreCountedThenAllLinesAgain() {
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        JsonLogging.StdoutHandler handler = new JsonLogging.StdoutHandler(new java.io.PrintStream(captured, true));
        java.util.function.BiConsumer<Level, String> log = (level, message) -> {
            LogRecord r = new LogRecord(level, message);
            r.setLoggerName("com.deskbridge.intake.IntakeBatch");
            handler.publish(r);
        };

        int heldBack = JsonLogging.quietly(() -> {
            log.accept(Level.WARNING, "priming refusal one");
            log.accept(Level.INFO, "priming info");
            Thread other = new Thread(() -> log.accept(Level.WARNING, "priming refusal on another thread"));
            other.start();
            try {
                other.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            log.accept(Level.SEVERE, "priming error");
        });
        log.accept(Level.WARNING, "a real request's warning");

        assertThat(heldBack).isEqualTo(3);
        assertThat(captured.toString()).doesNotContain("priming refusal").doesNotContain("priming info")
                .contains("priming error").contains("a real request's warning");
    }

    @Test
    void deepStackTracesAreCutButKeepTheirHeadline() {
        Throwable deep = recurse(200);
        String trace = JsonLogging.JsonLineFormatter.trace(deep);
        assertThat(trace.split("\n")).hasSize(JsonLogging.JsonLineFormatter.MAX_TRACE_LINES + 1);
        assertThat(trace).startsWith("java.lang.IllegalStateException: bottom").contains("more lines");
        Throwable shallow = new IllegalStateException("shallow");
        shallow.setStackTrace(java.util.Arrays.copyOf(shallow.getStackTrace(), 3));
        assertThat(JsonLogging.JsonLineFormatter.trace(shallow)).doesNotContain("more lines").contains("shallow");
    }

    private static Throwable recurse(int depth) {
        return depth == 0 ? new IllegalStateException("bottom") : recurse(depth - 1);
    }

    @Test
    void levelsMapFromTheLambdaNames() {
        assertThat(JsonLogging.level("debug")).isEqualTo(Level.FINE);
        assertThat(JsonLogging.level("WARN")).isEqualTo(Level.WARNING);
        assertThat(JsonLogging.level("error")).isEqualTo(Level.SEVERE);
        assertThat(JsonLogging.level("nonsense")).isEqualTo(Level.INFO);
    }
}
