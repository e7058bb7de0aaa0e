package com.deskbridge.localaws.schedule;

import com.deskbridge.localaws.DaemonThreads;
import com.deskbridge.localaws.events.TargetDispatcher;
import com.deskbridge.localaws.template.IntrinsicResolver;
import com.deskbridge.localaws.template.RuleSpec;
import com.deskbridge.localaws.template.ScheduleSpec;
import com.deskbridge.localaws.template.TemplateException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the template's schedules on timers and fires them on demand. Each firing sends every target the
 * "Scheduled Event" (source {@code aws.events}, detail-type {@code Scheduled Event}) or the target's Input.
 */
public final class ScheduleRunner implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, ScheduleSpec> specs = new LinkedHashMap<>();
    private final Map<String, ScheduleExpression> expressions = new LinkedHashMap<>();
    private final Map<String, Instant> nextFire = new ConcurrentHashMap<>();
    private final TargetDispatcher dispatcher;
    private final String region;
    private final PrintStream log;
    private final Clock clock;
    private final double speedup;
    private ScheduledExecutorService timer;
    private Instant started;
    private long startedRealMillis;

    /**
     * @param schedules schedules of the template
     * @param dispatcher target delivery
     * @param region region for the event and ARNs
     * @param clock time source
     * @param speedup how much faster than real time the timers run (1 = real time; demos and tests use more)
     * @param log where firings and failures are reported
     * @throws TemplateException when an expression is invalid
     */
    public ScheduleRunner(List<ScheduleSpec> schedules, TargetDispatcher dispatcher, String region, Clock clock,
                          double speedup, PrintStream log) {
        if (!(speedup > 0)) {
            throw new IllegalArgumentException("speedup must be positive");
        }
        this.speedup = speedup;
        this.dispatcher = dispatcher;
        this.region = region;
        this.clock = clock;
        this.log = log;
        for (ScheduleSpec spec : schedules) {
            try {
                expressions.put(spec.id(), ScheduleExpression.parse(spec.expression(), spec.timezone()));
            } catch (IllegalArgumentException e) {
                throw new TemplateException("schedule " + spec.id() + ": " + e.getMessage(), e);
            }
            for (RuleSpec.Target target : spec.targets()) {
                try {
                    TargetDispatcher.validateInputPath(target.inputPath());
                } catch (IllegalArgumentException e) {
                    throw new TemplateException("schedule " + spec.id() + ": " + e.getMessage(), e);
                }
            }
            specs.put(spec.id(), spec);
        }
    }

    /** Starts the timers of the enabled schedules. */
    public synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newScheduledThreadPool(2, new DaemonThreads("local-schedules"));
        started = clock.instant();
        startedRealMillis = clock.millis();
        for (ScheduleSpec spec : specs.values()) {
            if (spec.enabled()) {
                scheduleNext(spec, started);
            }
        }
    }

    private void scheduleNext(ScheduleSpec spec, Instant after) {
        Optional<Instant> next = expressions.get(spec.id()).nextAfter(after, started);
        if (next.isEmpty()) {
            nextFire.remove(spec.id());
            return;
        }
        Instant when = next.get();
        nextFire.put(spec.id(), when);
        long delay = (long) Math.max(0, (when.toEpochMilli() - virtualNow().toEpochMilli()) / speedup);
        synchronized (this) {
            if (timer == null || timer.isShutdown()) {
                return;
            }
            timer.schedule(() -> {
                try {
                    fire(spec, when);
                } catch (RuntimeException e) {
                    log.println("[local-aws] schedule " + spec.id() + " failed: " + e);
                } finally {
                    scheduleNext(spec, when);
                }
            }, delay, TimeUnit.MILLISECONDS);
        }
    }

    /** @return the schedule time: real time, or time running {@code speedup} times faster since start */
    private Instant virtualNow() {
        if (started == null) {
            return clock.instant();
        }
        return started.plusMillis((long) ((clock.millis() - startedRealMillis) * speedup));
    }

    /** @return ids of all schedules, enabled or not */
    public List<String> scheduleIds() {
        return new ArrayList<>(specs.keySet());
    }

    /** @return the schedules */
    public List<ScheduleSpec> schedules() {
        return List.copyOf(specs.values());
    }

    /**
     * @param id schedule id
     * @return when it fires next, empty when not running or never again
     */
    public Optional<Instant> nextFire(String id) {
        return Optional.ofNullable(nextFire.get(id));
    }

    /**
     * Fires a schedule now, synchronously (disabled schedules too: this is an explicit request).
     *
     * @param id schedule id ({@code Function.Event} or rule logical id)
     * @return the responses of the targets (function response JSON or SQS message id)
     * @throws IllegalArgumentException when no such schedule exists
     */
    public List<String> fireNow(String id) {
        ScheduleSpec spec = specs.get(id);
        if (spec == null) {
            throw new IllegalArgumentException("no schedule " + id + " (schedules: " + specs.keySet() + ")");
        }
        return fire(spec, virtualNow());
    }

    private List<String> fire(ScheduleSpec spec, Instant time) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", IntrinsicResolver.ACCOUNT_ID);
        event.put("time", DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.SECONDS)));
        event.put("region", region);
        event.putArray("resources").add(spec.v2()
                ? "arn:aws:scheduler:" + region + ":" + IntrinsicResolver.ACCOUNT_ID + ":schedule/default/" + spec.id()
                : "arn:aws:events:" + region + ":" + IntrinsicResolver.ACCOUNT_ID + ":rule/" + spec.id());
        event.putObject("detail");
        List<String> results = new ArrayList<>();
        for (RuleSpec.Target target : spec.targets()) {
            results.add(dispatcher.deliver(spec.id(), target, event));
        }
        return results;
    }

    @Override
    public void close() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            stopping = timer;
            if (stopping != null) {
                stopping.shutdownNow();
            }
        }
        if (stopping != null) {
            try {
                stopping.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
