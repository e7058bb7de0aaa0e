package com.deskbridge.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the local runner is started. Ports 0 mean "any free port" (tests); the README's defaults are fixed ports
 * so that AWS tools, mail clients and the console can be pointed at them.
 *
 * @param world the simulators' world fixture (orders, shipments, carrier timelines, faults); null for the demo world
 * @param spApiForAllSellers every seller without an authorisation of its own is authorised for SP-API with the
 *                           world's first seller-app credentials (README "Try it"); false: only the sellers the world
 *                           fixture names ({@code spapi.credentials[].localSellers})
 * @param scheduleSpeedup how many times faster than real time the template's schedules fire (1: as in AWS); the
 *                        functions' clocks are not changed
 * @param parameters template parameters to override (after the runner's own overrides), e.g. for benchmarks
 */
public record RunnerOptions(Path project, String region, Map<Port, Integer> ports, Path dataDir, Path world,
                            Integer visibilityTimeoutSeconds, PrintStream log, boolean spApiForAllSellers,
                            double scheduleSpeedup, Map<String, String> parameters) {

    /** Everything the runner listens on. */
    public enum Port {
        API("api-port", 3000), DYNAMODB("dynamodb-port", 8000), SQS("sqs-port", 9324), EVENTS("events-port", 4010),
        S3("s3-port", 9090), SMTP("smtp-port", 3025), IMAP("imap-port", 3143), SPAPI("spapi-port", 4020), CARRIERS("carriers-port", 4030),
        CONSOLE("console-port", 5173);

        final String option;
        final int standard;

        Port(String option, int standard) {
            this.option = option;
            this.standard = standard;
        }
    }

    static final String USAGE = "usage: LocalRunner [--project=DIR] [--region=R] [--data-dir=DIR] [--world=FILE]"
            + " [--visibility-timeout=SECONDS] [--spapi-all-sellers=true|false] [--schedule-speedup=FACTOR]" + portsUsage();

    public RunnerOptions {
        Map<Port, Integer> all = new LinkedHashMap<>();
        for (Port p : Port.values()) {
            all.put(p, ports.getOrDefault(p, p.standard));
        }
        ports = Map.copyOf(all);
        if (!(scheduleSpeedup >= 1 && scheduleSpeedup <= 3600)) {
            throw new IllegalArgumentException("--schedule-speedup must be between 1 and 3600, was " + scheduleSpeedup);
        }
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /** The README's defaults: fixed ports, in memory, the demo world, every seller authorised for SP-API. */
    static RunnerOptions defaults(Path project) {
        return new RunnerOptions(project, "eu-west-1", Map.of(), null, null, null, System.out, true, 1, Map.of());
    }

    /** Every listener on a free port, in memory, with the demo world: for tests. */
    public static RunnerOptions ephemeral(Path project) {
        Map<Port, Integer> free = new LinkedHashMap<>();
        for (Port p : Port.values()) {
            free.put(p, 0);
        }
        return new RunnerOptions(project, "eu-west-1", free, null, null, null, System.out, true, 1, Map.of());
    }

    public int port(Port port) {
        return ports.get(port);
    }

    public RunnerOptions withVisibilityTimeout(int seconds) {
        return new RunnerOptions(project, region, ports, dataDir, world, seconds, log, spApiForAllSellers, scheduleSpeedup, parameters);
    }

    public RunnerOptions withDataDir(Path dir) {
        return new RunnerOptions(project, region, ports, dir, world, visibilityTimeoutSeconds, log, spApiForAllSellers, scheduleSpeedup, parameters);
    }

    public RunnerOptions withWorld(Path fixture) {
        return new RunnerOptions(project, region, ports, dataDir, fixture, visibilityTimeoutSeconds, log, spApiForAllSellers,
                scheduleSpeedup, parameters);
    }

    public RunnerOptions withPort(Port port, int value) {
        Map<Port, Integer> changed = new LinkedHashMap<>(ports);
        changed.put(port, value);
        return new RunnerOptions(project, region, changed, dataDir, world, visibilityTimeoutSeconds, log, spApiForAllSellers,
                scheduleSpeedup, parameters);
    }

    public RunnerOptions withSpApiForAllSellers(boolean on) {
        return new RunnerOptions(project, region, ports, dataDir, world, visibilityTimeoutSeconds, log, on, scheduleSpeedup, parameters);
    }

    public RunnerOptions withScheduleSpeedup(double factor) {
        return new RunnerOptions(project, region, ports, dataDir, world, visibilityTimeoutSeconds, log, spApiForAllSellers, factor, parameters);
    }

    /** These options with template parameter {@code name} set to {@code value}. */
    public RunnerOptions withParameter(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(parameters);
        changed.put(name, value);
        return new RunnerOptions(project, region, ports, dataDir, world, visibilityTimeoutSeconds, log, spApiForAllSellers,
                scheduleSpeedup, changed);
    }

    static RunnerOptions parse(String[] args) {
        RunnerOptions o = defaults(Path.of("").toAbsolutePath());
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2, eq);
            String value = arg.substring(eq + 1).trim();
            o = switch (name) {
                case "project" -> new RunnerOptions(Path.of(value).toAbsolutePath(), o.region, o.ports, o.dataDir, o.world,
                        o.visibilityTimeoutSeconds, o.log, o.spApiForAllSellers, o.scheduleSpeedup, o.parameters);
                case "region" -> new RunnerOptions(o.project, value, o.ports, o.dataDir, o.world, o.visibilityTimeoutSeconds, o.log,
                        o.spApiForAllSellers, o.scheduleSpeedup, o.parameters);
                case "data-dir" -> o.withDataDir(value.isEmpty() ? null : Path.of(value).toAbsolutePath());
                case "world" -> o.withWorld(value.isEmpty() ? null : Path.of(value).toAbsolutePath());
                case "visibility-timeout" -> o.withVisibilityTimeout(number(name, value));
                case "spapi-all-sellers" -> o.withSpApiForAllSellers(bool(name, value));
                case "schedule-speedup" -> o.withScheduleSpeedup(value.isEmpty() ? 1 : decimal(name, value));
                default -> o.withPort(portNamed(name), number(name, value));
            };
        }
        return o;
    }

    private static Port portNamed(String option) {
        for (Port p : Port.values()) {
            if (p.option.equals(option)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown option --" + option);
    }

    private static String portsUsage() {
        StringBuilder usage = new StringBuilder();
        for (Port p : Port.values()) {
            usage.append(" [--").append(p.option).append("=N]");
        }
        return usage.toString();
    }

    private static int number(String name, String value) {
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

    private static double decimal(String name, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, was '" + value + "'");
        }
    }

    private static boolean bool(String name, String value) {
        return switch (value) {
            case "", "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("--" + name + " must be true or false, was '" + value + "'");
        };
    }
}
