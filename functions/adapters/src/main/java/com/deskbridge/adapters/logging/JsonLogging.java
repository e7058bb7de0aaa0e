package com.deskbridge.adapters.logging;

import com.deskbridge.adapters.config.Env;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Deskbridge's logs as one JSON object per line on stdout, through SLF4J on java.util.logging. Lambda keeps JSON
 * lines as they are (LogFormat JSON), and the JDK's own logging starts in milliseconds where log4j2 takes ~300 ms
 * of a cold start (measured: README, Benchmarks). Only the {@code com.deskbridge} loggers are configured, so a host
 * JVM's other logging (the local runner's emulators) is left alone.
 */
public final class JsonLogging {
    private static final String ROOT = "com.deskbridge";
    private static volatile boolean installed;
    /** Held here: java.util.logging keeps loggers weakly, and a collected one would lose its handler and level. */
    private static Logger root;

    private JsonLogging() {
    }

    /** Idempotent; level from LOG_LEVEL (DEBUG, INFO, WARN, ERROR), INFO by default. */
    public static void install() {
        if (installed) {
            return;
        }
        synchronized (JsonLogging.class) {
            if (installed) {
                return;
            }
            root = Logger.getLogger(ROOT);
            Handler stdout = new StdoutHandler(System.out);
            Level level = level(Env.get("LOG_LEVEL").orElse("INFO"));
            stdout.setLevel(level);
            root.setLevel(level);
            root.setUseParentHandlers(false);
            root.addHandler(stdout);
            installed = true;
        }
    }

    /**
     * Collects the lines the {@code com.deskbridge} loggers write, exactly as they reach stdout, until closed: for the
     * tests that read what a function logged (the correlation id on every line, no buyer text).
     */
    public static Capture capture() {
        install();
        Capture capture = new Capture();
        root.addHandler(capture);
        return capture;
    }

    /** See {@link #capture()}. */
    public static final class Capture extends Handler implements AutoCloseable {
        private final Formatter format = new JsonLineFormatter();
        private final java.util.List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();

        private Capture() {
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord record) {
            if (isLoggable(record)) {
                lines.add(format.format(record).strip());
            }
        }

        /** The lines so far, in order. */
        public java.util.List<String> lines() {
            return java.util.List.copyOf(lines);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            root.removeHandler(this);
        }
    }

    static Level level(String name) {
        return switch (name.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "TRACE", "DEBUG" -> Level.FINE;
            case "WARN", "WARNING" -> Level.WARNING;
            case "ERROR" -> Level.SEVERE;
            default -> Level.INFO;
        };
    }

    /** Open {@link #quietly} calls; while any is open, stdout takes only ERROR lines. */
    private static final java.util.concurrent.atomic.AtomicInteger QUIET = new java.util.concurrent.atomic.AtomicInteger();
    private static final java.util.concurrent.atomic.AtomicInteger HELD_BACK = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Runs {@code work} with the {@code com.deskbridge} lines below ERROR kept off stdout (whatever thread logs them) and
     * returns how many were kept off. For SnapStart priming only: its dummy requests' writes are refused on purpose
     * (PrimingWrites), and the refusals' WARN lines would tell an operator of failures that are none. Priming runs
     * before the container takes any request, so no request's line is held back; ERROR lines are always written, and
     * {@link #capture() captures} (tests) see every line.
     */
    public static int quietly(Runnable work) {
        int before = HELD_BACK.get();
        QUIET.incrementAndGet();
        try {
            work.run();
        } finally {
            QUIET.decrementAndGet();
        }
        return HELD_BACK.get() - before;
    }

    /** Writes each record at once; never closes the stream it was given (JUL's shutdown hook closes handlers). */
    static final class StdoutHandler extends StreamHandler {
        StdoutHandler(java.io.PrintStream out) {
            super(out, new JsonLineFormatter());
        }

        @Override
        public synchronized void publish(LogRecord record) {
            if (QUIET.get() > 0 && isLoggable(record) && record.getLevel().intValue() < Level.SEVERE.intValue()) {
                HELD_BACK.incrementAndGet();
                return;
            }
            super.publish(record);
            flush();
        }

        @Override
        public synchronized void close() {
            flush();
        }
    }

    /** {"timestamp":…,"level":…,"logger":…[,"correlationId":…],"message":…[,"error":…]} */
    public static final class JsonLineFormatter extends Formatter {
        static final int MAX_TRACE_LINES = 40;

        @Override
        public String format(LogRecord record) {
            StringBuilder out = new StringBuilder(256);
            out.append("{\"timestamp\":\"").append(Instant.ofEpochMilli(record.getMillis())).append('"');
            out.append(",\"level\":\"").append(levelName(record.getLevel())).append('"');
            field(out, "logger", record.getLoggerName());
            // the formatter runs on the logging thread (StdoutHandler publishes synchronously): its work's id
            String correlationId = Correlation.current().orElse(null);
            if (correlationId != null) {
                field(out, "correlationId", correlationId);
            }
            field(out, "message", formatMessage(record));
            if (record.getThrown() != null) {
                field(out, "error", trace(record.getThrown()));
            }
            return out.append("}\n").toString();
        }

        /** The stack trace, cut after {@value #MAX_TRACE_LINES} lines: the top frames and the causes' headlines say enough. */
        static String trace(Throwable thrown) {
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            String[] lines = trace.toString().split("\\R");
            if (lines.length <= MAX_TRACE_LINES) {
                return String.join("\n", lines);
            }
            return String.join("\n", java.util.Arrays.copyOf(lines, MAX_TRACE_LINES))
                    + "\n\t... " + (lines.length - MAX_TRACE_LINES) + " more lines";
        }

        private static String levelName(Level level) {
            if (level.intValue() >= Level.SEVERE.intValue()) {
                return "ERROR";
            }
            if (level.intValue() >= Level.WARNING.intValue()) {
                return "WARN";
            }
            return level.intValue() >= Level.INFO.intValue() ? "INFO" : "DEBUG";
        }

        private static void field(StringBuilder out, String name, String value) {
            out.append(",\"").append(name).append("\":\"");
            if (value != null) {
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    switch (c) {
                        case '"' -> out.append("\\\"");
                        case '\\' -> out.append("\\\\");
                        case '\n' -> out.append("\\n");
                        case '\r' -> out.append("\\r");
                        case '\t' -> out.append("\\t");
                        default -> {
                            if (c < 0x20) {
                                out.append(String.format("\\u%04x", (int) c));
                            } else {
                                out.append(c);
                            }
                        }
                    }
                }
            }
            out.append('"');
        }
    }
}
