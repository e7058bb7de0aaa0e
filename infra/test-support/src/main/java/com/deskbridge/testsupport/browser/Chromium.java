package com.deskbridge.testsupport.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A headless Chromium with the DevTools protocol on a free port, in a fresh profile that is deleted on close.
 * The binary is the Debian package's ({@code install-chromium.sh}), or the one named by the system property
 * {@code chromium.binary} or the environment variable {@code CHROME_BIN}.
 */
public final class Chromium implements AutoCloseable {
    public static final String NOT_FOUND = "Chromium not found: run infra/console-e2e/install-chromium.sh";
    private static final List<String> CANDIDATES = List.of(
            "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable");

    private final Process process;
    private final Path profile;
    private final int debuggingPort;
    private final String browserWebSocketPath;

    private Chromium(Process process, Path profile, int debuggingPort, String browserWebSocketPath) {
        this.process = process;
        this.profile = profile;
        this.debuggingPort = debuggingPort;
        this.browserWebSocketPath = browserWebSocketPath;
    }

    /** The Chromium binary to use, if there is one on this machine. */
    public static Optional<Path> find() {
        List<String> names = new ArrayList<>();
        Optional.ofNullable(System.getProperty("chromium.binary")).filter(s -> !s.isBlank()).ifPresent(names::add);
        Optional.ofNullable(System.getenv("CHROME_BIN")).filter(s -> !s.isBlank()).ifPresent(names::add);
        names.addAll(CANDIDATES);
        return names.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /**
     * Starts the browser and waits (up to {@code startLimit}) until it has written its DevTools port.
     *
     * @param extraFlags more command-line switches, e.g. {@code --host-resolver-rules=...}
     */
    public static Chromium launch(Path binary, Duration startLimit, List<String> extraFlags) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("deskbridge-chromium-");
        List<String> command = new ArrayList<>(List.of(binary.toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check",
                "--disable-dev-shm-usage", "--window-size=1280,800", "--hide-scrollbars", "--mute-audio",
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--user-data-dir=" + profile));
        command.addAll(extraFlags);
        command.add("about:blank");
        Path log = profile.resolve("chromium.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + startLimit.toNanos();
        try {
            while (true) {
                // DevToolsActivePort: first line the port, second the browser's WebSocket path; written once ready.
                if (Files.isRegularFile(portFile)) {
                    List<String> lines = Files.readAllLines(portFile, StandardCharsets.UTF_8);
                    if (lines.size() >= 2 && !lines.get(1).isBlank()) {
                        return new Chromium(process, profile, Integer.parseInt(lines.get(0).trim()), lines.get(1).trim());
                    }
                }
                if (!process.isAlive()) {
                    throw new IOException("Chromium exited with " + process.exitValue() + " before it was ready: " + tail(log));
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("Chromium did not write " + portFile + " within " + startLimit + ": " + tail(log));
                }
                process.waitFor(50, TimeUnit.MILLISECONDS); // wakes early if the browser dies
            }
        } catch (IOException | RuntimeException | InterruptedException e) {
            process.destroyForcibly();
            deleteTree(profile);
            throw e;
        }
    }

    public int debuggingPort() {
        return debuggingPort;
    }

    public String browserWebSocketUrl() {
        return "ws://127.0.0.1:" + debuggingPort + browserWebSocketPath;
    }

    private static String tail(Path log) {
        try {
            String text = Files.isRegularFile(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        deleteTree(profile);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // Chromium may still be flushing a file; the rest of the profile is removed anyway.
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete the Chromium profile " + root + ": " + e.getMessage());
        }
    }
}
