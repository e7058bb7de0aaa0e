package com.deskbridge.local;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * How the local runner is started. Ports 0 mean "any free port" (tests); the README's defaults are fixed ports
 * so that AWS tools can be pointed at the emulators.
 */
public record RunnerOptions(Path project, String region, int apiPort, int dynamoDbPort, int sqsPort, int eventsPort,
                            int s3Port, Path dataDir, Integer visibilityTimeoutSeconds, PrintStream log) {

    static final String USAGE = "usage: LocalRunner [--project=DIR] [--api-port=N] [--dynamodb-port=N] [--sqs-port=N]"
            + " [--events-port=N] [--s3-port=N] [--data-dir=DIR] [--visibility-timeout=SECONDS] [--region=R]";

    /** Every emulator on a free port, in memory: for tests. */
    public static RunnerOptions ephemeral(Path project) {
        return new RunnerOptions(project, "eu-west-1", 0, 0, 0, 0, 0, null, null, System.out);
    }

    public RunnerOptions withVisibilityTimeout(int seconds) {
        return new RunnerOptions(project, region, apiPort, dynamoDbPort, sqsPort, eventsPort, s3Port, dataDir, seconds, log);
    }

    public RunnerOptions withDataDir(Path dir) {
        return new RunnerOptions(project, region, apiPort, dynamoDbPort, sqsPort, eventsPort, s3Port, dir, visibilityTimeoutSeconds, log);
    }

    static RunnerOptions parse(String[] args) {
        RunnerOptions o = new RunnerOptions(Path.of("").toAbsolutePath(), "eu-west-1", 3000, 8000, 9324, 4010, 9090,
                null, null, System.out);
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2, eq);
            String value = arg.substring(eq + 1).trim();
            o = switch (name) {
                case "project" -> new RunnerOptions(Path.of(value).toAbsolutePath(), o.region, o.apiPort, o.dynamoDbPort,
                        o.sqsPort, o.eventsPort, o.s3Port, o.dataDir, o.visibilityTimeoutSeconds, o.log);
                case "region" -> new RunnerOptions(o.project, value, o.apiPort, o.dynamoDbPort, o.sqsPort, o.eventsPort,
                        o.s3Port, o.dataDir, o.visibilityTimeoutSeconds, o.log);
                case "api-port" -> new RunnerOptions(o.project, o.region, port(name, value), o.dynamoDbPort, o.sqsPort,
                        o.eventsPort, o.s3Port, o.dataDir, o.visibilityTimeoutSeconds, o.log);
                case "dynamodb-port" -> new RunnerOptions(o.project, o.region, o.apiPort, port(name, value), o.sqsPort,
                        o.eventsPort, o.s3Port, o.dataDir, o.visibilityTimeoutSeconds, o.log);
                case "sqs-port" -> new RunnerOptions(o.project, o.region, o.apiPort, o.dynamoDbPort, port(name, value),
                        o.eventsPort, o.s3Port, o.dataDir, o.visibilityTimeoutSeconds, o.log);
                case "events-port" -> new RunnerOptions(o.project, o.region, o.apiPort, o.dynamoDbPort, o.sqsPort,
                        port(name, value), o.s3Port, o.dataDir, o.visibilityTimeoutSeconds, o.log);
                case "s3-port" -> new RunnerOptions(o.project, o.region, o.apiPort, o.dynamoDbPort, o.sqsPort,
                        o.eventsPort, port(name, value), o.dataDir, o.visibilityTimeoutSeconds, o.log);
                case "data-dir" -> o.withDataDir(value.isEmpty() ? null : Path.of(value).toAbsolutePath());
                case "visibility-timeout" -> o.withVisibilityTimeout(port(name, value));
                default -> throw new IllegalArgumentException("unknown option --" + name);
            };
        }
        return o;
    }

    private static int port(String name, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 0 || n > 65535) {
                throw new IllegalArgumentException("--" + name + " must be 0-65535, was " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, was '" + value + "'");
        }
    }
}
