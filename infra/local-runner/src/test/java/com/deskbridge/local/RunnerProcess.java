package com.deskbridge.local;

import com.deskbridge.localaws.ProjectRoot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The runner as README starts it, in its own JVM on free ports, with what it prints collected line by line. */
final class RunnerProcess implements AutoCloseable {
    /** The banner's last line is the curl that reads the queue: once it is there, the whole banner is. */
    static final String LAST_BANNER_LINE = "Authorization: Bearer $TOKEN";

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final CompletableFuture<Void> reader;

    private RunnerProcess(Process process) {
        this.process = process;
        this.reader = CompletableFuture.runAsync(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
    }

    /** Starts the runner with every port free and the given extra options (e.g. {@code --data-dir=…}). */
    static RunnerProcess start(String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Daws.region=eu-west-1",
                "-cp", System.getProperty("java.class.path"),
                LocalRunner.class.getName(),
                "--project=" + ProjectRoot.find(),
                "--api-port=0", "--dynamodb-port=0", "--sqs-port=0", "--events-port=0", "--s3-port=0", "--smtp-port=0",
                "--imap-port=0", "--spapi-port=0", "--carriers-port=0", "--console-port=0"));
        command.addAll(List.of(options));
        return new RunnerProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Waits (bounded) until the whole banner is printed; false when the process ended or the limit passed first. */
    boolean awaitBanner(long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!printed(LAST_BANNER_LINE) && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return printed(LAST_BANNER_LINE);
    }

    boolean printed(String text) {
        return lines().stream().anyMatch(l -> l.contains(text));
    }

    List<String> lines() {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }

    /** The first match of {@code regex}'s group 1 in what the runner printed. */
    Optional<String> find(String regex) {
        Pattern p = Pattern.compile(regex);
        for (String line : lines()) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    Process process() {
        return process;
    }

    /** kill -9: no shutdown hook runs, nothing is flushed by the runner. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    void awaitOutput() throws Exception {
        reader.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
