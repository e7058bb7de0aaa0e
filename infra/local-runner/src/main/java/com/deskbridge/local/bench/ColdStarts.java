package com.deskbridge.local.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.local.LocalRunner;
import com.deskbridge.local.LocalWorld;
import com.deskbridge.local.RunnerOptions;
import com.deskbridge.localaws.sqs.SqsEventSourcePoller;
import com.deskbridge.localaws.template.FunctionEventSpec;
import com.deskbridge.localaws.template.FunctionSpec;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToLongFunction;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Cold start of every function, the two figures issue 14 asks for, measured against the whole local system (DynamoDB
 * Local, ElasticMQ, S3Mock, GreenMail, the SP-API and carrier simulators without latency) with its own pollers and
 * timers stopped, so that only the probe works:
 * <ol>
 *   <li><b>fresh JVM</b>: process start to the first answer, the function's handler against a trivial handler on the
 *       same jar (what a cold start without SnapStart costs; median of {@value #FRESH} - 1 alternating launches after
 *       one that warms the file cache);</li>
 *   <li><b>primed</b>: in one process, construct the handler, run its SnapStart priming, then time the first request
 *       against the median of the next {@value ColdStartProbe#NEXT} (what SnapStart's restore predicts; target at
 *       most 2x).</li>
 * </ol>
 * Each function gets the events its trigger delivers, prepared so that the first and the following requests take the
 * same path ({@link #compared}, printed under the table): new buyer messages for intake and its overflow function,
 * order look-ups for enrichment each of a seller new to the container (so that the first request's LWA token fetch is
 * compared with requests that fetch one too, as every seller's first message after a restore does), queued replies for
 * the sender, notifications of feeds that are not ours for the feed notification function, the schedules' own runs.
 * {@code -Dbench.writeClassLists=true} also writes each handler's SnapStart class list (the classes its first request
 * loads) into its module's {@code src/main/resources/snapstart/}.
 */
public final class ColdStarts {
    static final int FRESH = 5;
    /** Medians below this (ms) are timer noise and JVM jitter; the first request is compared with it instead. */
    static final double FLOOR_MS = 0.1;
    /** -Dbench.primedRuns=N: N primed probes per function, each on its own events; the run of median ratio reported. */
    private static final int PRIMED_RUNS = Integer.getInteger("bench.primedRuns", 1);
    /** -Dbench.primedOnly=true: no fresh-JVM launches (the primed figures alone, much faster). */
    private static final boolean PRIMED_ONLY = Boolean.getBoolean("bench.primedOnly");
    private static final boolean DIAGNOSE = Boolean.getBoolean("bench.diagnose");
    /**
     * Every launch gets events of its own (a message handled before takes another path: a duplicate at intake, a reply
     * already sent): the fresh launches, the primed runs, the diagnosis, then the last one for the class list.
     */
    private static final int EVENTS = FRESH + (PRIMED_RUNS + (DIAGNOSE ? 1 : 0)) * (ColdStartProbe.NEXT + 1) + 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SELLER = LocalRunner.DEMO_SELLER;
    private static final int SELLERS = EVENTS / 25 + 1;
    /**
     * Enrichment's events are each of a seller new to the container (its own SP-API authorisation): the first request
     * after a restore fetches that seller's LWA token, and so do the hundred it is compared with.
     */
    private static final int NEW_SELLERS = EVENTS;
    /** The seller whose tickets fill the tracking cache before enrichment's probes (on bench seller 0's authorisation). */
    private static final String WARM_SELLER = "bench-warm-seller";

    private ColdStarts() {
    }

    /** One function's figures, in milliseconds. */
    record Figures(String function, double freshMs, double trivialMs, double constructMs, double primeMs,
                   double primedFirstMs, double medianMs, double jarMb) {
        double freshRatio() {
            return freshMs / trivialMs;
        }

        /**
         * The first primed request against the median, or against {@value #FLOOR_MS} ms when the median is below it:
         * a request that takes a few microseconds (PreTokenGeneration) has no meaningful ratio, so its first request
         * is held to the floor instead (marked * in the report).
         */
        double primedRatio() {
            return primedFirstMs / Math.max(medianMs, FLOOR_MS);
        }

        boolean belowFloor() {
            return medianMs < FLOOR_MS;
        }
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 && args[0].startsWith("--project=") ? args[0].substring(10) : ".")
                .toAbsolutePath().normalize();
        report(run(project, Boolean.getBoolean("bench.writeClassLists")));
        System.exit(0);
    }

    static void report(List<Figures> figures) {
        System.out.println();
        System.out.println("Cold start per function (fresh JVM: process start to first answer, median of " + (FRESH - 1)
                + " launches; primed: construct + SnapStart priming, then first request vs median of next "
                + ColdStartProbe.NEXT + ")");
        System.out.printf(Locale.ROOT, "  %-27s %9s %9s %7s | %9s %8s %9s %9s %7s | %6s%n", "function", "fresh ms",
                "trivial", "ratio", "construct", "priming", "1st ms", "median", "ratio", "jar MB");
        for (Figures f : figures) {
            System.out.printf(Locale.ROOT, "  %-27s %9.0f %9.0f %6.1fx | %9.0f %8.0f %9.2f %9.3f %6.1fx%s| %6.1f%n",
                    f.function(), f.freshMs(), f.trivialMs(), f.freshRatio(), f.constructMs(), f.primeMs(),
                    f.primedFirstMs(), f.medianMs(), f.primedRatio(), f.belowFloor() ? "*" : " ", f.jarMb());
        }
        System.out.println("  What each primed figure compares (the first request after priming, as after a SnapStart restore, "
                + "against later requests of the same kind):");
        for (Figures f : figures) {
            System.out.printf(Locale.ROOT, "    %-27s %s%n", f.function(), compared(f.function()));
        }
        if (figures.stream().anyMatch(Figures::belowFloor)) {
            System.out.printf(Locale.ROOT, "  * median below %.1f ms (a few microseconds of work): the first request is "
                    + "compared with %.1f ms instead of the median%n", FLOOR_MS, FLOOR_MS);
        }
        long met = figures.stream().filter(f -> f.primedRatio() <= 2.0).count();
        System.out.printf(Locale.ROOT, "SUMMARY primed first request / median of next 100 <= 2x: %d of %d functions%s%n",
                met, figures.size(), met == figures.size() ? " (met)" : " (NOT met: "
                        + figures.stream().filter(f -> f.primedRatio() > 2.0).map(Figures::function).toList() + ")");
    }

    /**
     * What the first primed request and the hundred after it are, per function: requests of the same kind, so that the
     * ratio is what being the first after a restore costs, not a difference in the work asked for.
     */
    static String compared(String function) {
        return switch (function) {
            case "ApiFunction" -> "GET /tickets/{id} of one ticket of the demo seller, the same request each time";
            case "IntakeFunction", "IntakeOverflowFunction" -> "one new buyer message each, of the bench sellers "
                    + "(five sellers in turn: the first is the first of its seller, as are the next four)";
            case "EnrichmentFunction" -> "one order look-up each, every one of a seller new to the container: each "
                    + "fetches its seller's LWA token and reads its seller's carrier secrets, the first and the hundred alike";
            case "SenderFunction" -> "one queued reply each, in the same relay conversation";
            case "FeedNotificationFunction" -> "one notification each of a feed that is not ours";
            case "PreTokenGenerationFunction" -> "the same token-generation trigger each time";
            case "ActionsFunction" -> "the same queued action (the sample event) each time";
            default -> "a scheduled run each time (the first run can find work the following ones do not: see "
                    + "the answers printed above)";
        };
    }

    static List<Figures> run(Path project, boolean writeClassLists) throws Exception {
        Path world = Files.createTempFile("deskbridge-bench-world", ".json");
        ObjectNode fast = (ObjectNode) LocalWorld.demoWorld();
        ObjectNode spapi = ((ObjectNode) fast.get("spapi")).put("latencyMs", 0).put("feedProcessingDelay", "PT1S")
                .put("reportProcessingDelay", "PT1S");
        // the bench sellers' own SP-API authorisations: Amazon's quotas are per selling partner. Each with a client id
        // of its own (FIXTURE.md): the simulator checks a client secret against the first credential of its client id,
        // so credentials sharing one were all refused but the first (401 invalid_client: every enrichment request of
        // the cold-start benchmark measured an order look-up refused at Login with Amazon)
        ArrayNode credentials = (ArrayNode) spapi.get("credentials");
        String clientId = credentials.get(0).path("clientId").asText();
        for (int i = 0; i < SELLERS + NEW_SELLERS; i++) {
            credentials.addObject().put("sellerId", "A2BENCHSELLER" + i).put("clientId", clientId + "-bench-" + i);
        }
        JSON.writeValue(world.toFile(), fast);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        RunnerOptions ephemeral = RunnerOptions.ephemeral(project);
        RunnerOptions options = new RunnerOptions(project, ephemeral.region(), ephemeral.ports(), null, world, null, quiet,
                false, ephemeral.scheduleSpeedup(), ephemeral.parameters()); // only the world's own authorisations, as in AWS
        List<Figures> out = new ArrayList<>();
        try (LocalRunner runner = LocalRunner.start(options)) {
            // only the probes work: nothing in this process consumes the queues they fill, no timer fires
            runner.stack().pollers().forEach(SqsEventSourcePoller::close);
            runner.stack().schedules().close();
            Fixtures fixtures = new Fixtures(project, runner, Files.createTempDirectory("deskbridge-cold-starts"));
            List<String> only = Arrays.stream(System.getProperty("bench.functions", "").split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).toList();
            for (FunctionSpec f : runner.stack().model().functions().values()) {
                if (only.isEmpty() || only.contains(f.logicalId())) {
                    out.add(measure(project, runner, f, fixtures.forFunction(f), writeClassLists));
                }
            }
        } finally {
            Files.deleteIfExists(world);
        }
        return out;
    }

    private static Figures measure(Path project, LocalRunner runner, FunctionSpec f, Path fixture, boolean writeClassLists)
            throws Exception {
        String module = f.handlerClass().split("\\.")[2];
        Path jar = project.resolve("functions/" + module + "/target/deskbridge-" + module + "-function.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the benchmark through Maven (README)");
        }
        List<String> jvm = jvm(project, runner, jar);
        String eventType = eventType(f);
        Launch[] trivial = new Launch[FRESH];
        Launch[] fresh = new Launch[FRESH];
        for (int i = 0; i < FRESH && !PRIMED_ONLY; i++) {
            trivial[i] = launch(jvm, List.of("fresh", ColdStartProbe.TrivialHandler.class.getName(), fixture.toString(),
                    Integer.toString(i), eventType));
            fresh[i] = launch(jvm, List.of("fresh", f.handlerClass(), fixture.toString(), Integer.toString(i), "-"));
        }
        List<Launch> runs = new ArrayList<>();
        for (int r = 0; r < PRIMED_RUNS; r++) {
            Launch run = launch(jvm, List.of("primed", f.handlerClass(), fixture.toString(),
                    Integer.toString(FRESH + r * (ColdStartProbe.NEXT + 1)), "-"));
            runs.add(run);
            System.out.printf(Locale.ROOT, "  %s primed run %d: construct %.0f ms, priming %.0f ms, first %.2f ms, median "
                            + "%.3f ms, ratio %.2f; answered %s%n", f.logicalId(), r + 1, run.phases()[0] / 1e6,
                    run.phases()[1] / 1e6, run.phases()[2] / 1e6, run.phases()[3] / 1e6,
                    (double) run.phases()[2] / run.phases()[3], run.answers());
        }
        runs.sort(java.util.Comparator.comparingDouble(l -> (double) l.phases()[2] / l.phases()[3]));
        Launch primed = runs.get((runs.size() - 1) / 2);
        if (DIAGNOSE) { // on events of its own: a message seen before would take another path
            List<String> verbose = new ArrayList<>(jvm);
            verbose.add(1, "-verbose:class");
            diagnose(project, f, launch(verbose, List.of("primed", f.handlerClass(), fixture.toString(),
                    Integer.toString(FRESH + PRIMED_RUNS * (ColdStartProbe.NEXT + 1)), "-")).output());
        }
        if (writeClassLists) {
            List<String> verbose = new ArrayList<>(jvm);
            verbose.add(1, "-verbose:class");
            writeClassList(project, module, f, launch(verbose, List.of("fresh", f.handlerClass(), fixture.toString(),
                    Integer.toString(EVENTS - 1), "-")).output());
        }
        return new Figures(f.logicalId(), PRIMED_ONLY ? Double.NaN : median(fresh, Launch::total) / 1e6,
                PRIMED_ONLY ? Double.NaN : median(trivial, Launch::total) / 1e6,
                primed.phases()[0] / 1e6, primed.phases()[1] / 1e6, primed.phases()[2] / 1e6, primed.phases()[3] / 1e6,
                Files.size(jar) / 1e6);
    }

    /** The trivial baseline must be handed the event type of the function it stands beside. */
    private static String eventType(FunctionSpec f) {
        if (!f.eventsOfType(FunctionEventSpec.HttpApi.class).isEmpty()) {
            return APIGatewayV2HTTPEvent.class.getName();
        }
        if (!f.eventsOfType(FunctionEventSpec.Sqs.class).isEmpty()) {
            return com.amazonaws.services.lambda.runtime.events.SQSEvent.class.getName();
        }
        return Map.class.getName();
    }

    private static List<String> jvm(Path project, LocalRunner runner, Path jar) {
        String eventsJar = Path.of(URI.create(APIGatewayV2HTTPEvent.class.getProtectionDomain().getCodeSource()
                .getLocation().toString())).toString();
        String classpath = String.join(java.io.File.pathSeparator, jar.toString(),
                project.resolve("infra/local-runner/target/classes").toString(), eventsJar);
        List<String> jvm = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1")); // as template.yaml's JAVA_TOOL_OPTIONS
        // the functions' configuration as the template gives it, and where the local services listen
        runner.stack().environment().forEach((name, value) -> jvm.add("-D" + name + "=" + value));
        jvm.add("-DAWS_ENDPOINT_URL_SECRETS_MANAGER=" + System.getProperty("AWS_ENDPOINT_URL_SECRETS_MANAGER"));
        String rounds = System.getProperty("bench.primingRounds", "");
        if (!rounds.isBlank()) { // an experiment: more or fewer priming rounds than SnapStartPriming.ROUNDS
            jvm.add("-DSNAPSTART_PRIMING_ROUNDS=" + rounds);
        }
        jvm.addAll(List.of("-cp", classpath, ColdStartProbe.class.getName()));
        return jvm;
    }

    /** One probe JVM: wall time to its answer, its own phase timings and what it printed. */
    private record Launch(long total, long[] phases, String output, String answers) {
    }

    private static Launch launch(List<String> jvm, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(jvm);
        command.addAll(args);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        long[] phases = null;
        boolean answered = false;
        long elapsed = 0;
        String answers = "";
        StringBuilder output = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("PHASES ") || line.startsWith("PRIMED ")) {
                    phases = Arrays.stream(line.substring(7).trim().split(" ")).mapToLong(Long::parseLong).toArray();
                    elapsed = System.nanoTime() - start;
                } else if (line.startsWith("ANSWERS ")) {
                    answers = line.substring(8);
                } else if (line.equals("ANSWERED ok")) {
                    answered = true;
                } else {
                    output.append(line).append('\n');
                }
            }
        }
        process.waitFor();
        if (!answered || phases == null) {
            throw new IllegalStateException(String.join(" ", args) + " did not answer:\n" + output);
        }
        return new Launch(elapsed, phases, output.toString(), answers);
    }

    private static double median(Launch[] launches, ToLongFunction<Launch> metric) {
        long[] sorted = Arrays.stream(launches).skip(1).mapToLong(metric).toArray();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    /**
     * {@code -Dbench.diagnose=true}: what the first request after priming still loads (-verbose:class between the
     * primed probe's marks), the classes of the list it missed and the hidden classes of lambdas and string
     * concatenations whose call sites run for the first time; written to {@code target/cold-start-diagnosis/}.
     */
    private static void diagnose(Path project, FunctionSpec f, String output) throws IOException {
        List<String> loaded = classesBetween(output, "MARK PRIMED-FIRST-START", "MARK PRIMED-FIRST-END");
        long hidden = loaded.stream().filter(n -> n.contains("$$Lambda") || n.contains("/0x")).count();
        Path file = project.resolve("infra/local-runner/target/cold-start-diagnosis/" + f.logicalId() + ".classes");
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", loaded) + "\n", StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "  %s: the first primed request loaded %d classes (%d hidden: lambdas, string "
                + "concatenations), listed in %s%n", f.logicalId(), loaded.size(), hidden, project.relativize(file));
    }

    private static List<String> classesBetween(String output, String startMark, String endMark) {
        List<String> classes = new ArrayList<>();
        boolean inside = false;
        for (String line : output.split("\n")) {
            if (line.equals(startMark)) {
                inside = true;
            } else if (line.equals(endMark)) {
                inside = false;
            } else if (inside && line.contains("[class,load] ")) {
                classes.add(line.substring(line.indexOf("[class,load] ") + 13).split(" ")[0]);
            }
        }
        return classes;
    }

    /** The classes the first request loaded (from -verbose:class between the probe's marks), for SnapStartPriming. */
    private static void writeClassList(Path project, String module, FunctionSpec f, String output) throws IOException {
        TreeSet<String> classes = new TreeSet<>();
        for (String name : classesBetween(output, "MARK FIRST-START", "MARK FIRST-END")) {
            if (!name.contains("$$Lambda") && !name.contains("/0x") && !name.startsWith("com.deskbridge.local.bench.")) {
                classes.add(name);
            }
        }
        String simpleName = f.handlerClass().substring(f.handlerClass().lastIndexOf('.') + 1);
        Path file = project.resolve("functions/" + module + "/src/main/resources/snapstart/" + simpleName + ".classes");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# Classes the first request of " + simpleName + " loads, written by the cold-start benchmark\n"
                + "# (mvn -q -B -Pbench -DskipTests package -Dbench.writeClassLists=true). SnapStartPriming loads them.\n"
                + String.join("\n", classes) + "\n", StandardCharsets.UTF_8);
        System.out.println("  wrote " + classes.size() + " classes to " + project.relativize(file));
    }

    /** Each function's events, one per line, prepared in the running local system. */
    private static final class Fixtures {
        private final Path project;
        private final LocalRunner runner;
        private final Path dir;
        private final List<String> orders = new ArrayList<>();
        /**
         * The world's orders the seller ships itself: enrichment's events ask only about those. An FBA order's first
         * enrichment waits for Amazon's FBA shipments report (about 2 s with the bench world's 1 s report processing),
         * so with every world order in turn 2 of 7 requests took 2.1 s, and the first request was one of those in some
         * runs and not in others (its index picks its order): a first request of another kind than the median's.
         */
        private final List<String> merchantOrders = new ArrayList<>();
        private final TicketId ticket;

        Fixtures(Path project, LocalRunner runner, Path dir) throws Exception {
            this.project = project;
            this.runner = runner;
            this.dir = dir;
            runner.world().world().path("orders").forEach(o -> orders.add(o.path("orderId").asText()));
            runner.world().world().path("orders").forEach(o -> {
                if ("MERCHANT".equals(o.path("fulfilledBy").asText())) {
                    merchantOrders.add(o.path("orderId").asText());
                }
            });
            // SP-API quotas are per seller (getOrder: burst 30, then one every 2 s): a hundred order look-ups in a row
            // are spread over enough sellers that none waits for its quota
            List<Map<String, String>> credentials = runner.world().spApi().credentials();
            for (int i = 0; i < SELLERS; i++) {
                runner.world().secrets().put(LocalRunner.SPAPI_SECRET_PREFIX + benchSeller(i),
                        credentials.get(credentials.size() - SELLERS - NEW_SELLERS + i));
            }
            for (int i = 0; i < NEW_SELLERS; i++) {
                runner.world().secrets().put(LocalRunner.SPAPI_SECRET_PREFIX + newSeller(i),
                        credentials.get(credentials.size() - NEW_SELLERS + i));
            }
            runner.world().secrets().put(LocalRunner.SPAPI_SECRET_PREFIX + WARM_SELLER,
                    credentials.get(credentials.size() - SELLERS - NEW_SELLERS));
            // an Amazon relay conversation of the demo seller: the API reads it, the sender answers in it
            String thread = "bench-relay-" + System.nanoTime();
            runner.stack().invoke("IntakeFunction", sqsEvent(List.of(envelope(SELLER, "amazon", "bench-relay-msg", thread,
                    "k3j4h5bench@marketplace.amazon.de", orders.get(0)))));
            this.ticket = TicketId.forConversation(new SellerId(SELLER), Channel.AMAZON, "thread:" + thread);
        }

        Path forFunction(FunctionSpec f) throws Exception {
            List<String> lines = switch (f.logicalId()) {
                case "ApiFunction" -> List.of(SELLER + " " + ticket.value());
                // the overflow function takes the same messages (a seller's beyond its share of the intake queue)
                case "IntakeFunction", "IntakeOverflowFunction" -> intakeEnvelopes("bench-intake-");
                // the order look-ups intake asks for (the intake probes' own, when they ran first; else intake
                // in this process is handed as many buyer messages of the bench sellers), so that no seller's
                // SP-API quota runs out
                case "EnrichmentFunction" -> drain("EnrichmentQueue", this::askForOrderLookUps);
                case "SenderFunction" -> drain("OutboundQueue", this::queueReplies);
                case "FeedNotificationFunction" -> {
                    String sample = sampleBody("FeedNotificationFunction/FeedNotifications.json");
                    List<String> notifications = new ArrayList<>();
                    for (int i = 0; i < EVENTS; i++) {
                        notifications.add(sample.replace("50012019000", "bench-feed-" + i));
                    }
                    yield notifications;
                }
                case "ActionsFunction" -> List.of(sampleBody("ActionsFunction/QueuedActions.json"));
                case "PreTokenGenerationFunction" -> List.of("cognito " + SELLER);
                default -> List.of("schedule");
            };
            Path file = dir.resolve(f.logicalId() + ".events");
            Files.write(file, lines, StandardCharsets.UTF_8);
            return file;
        }

        /** New buyer messages of the bench sellers about the world's orders, one per event. */
        private List<String> intakeEnvelopes(String prefix) {
            List<String> envelopes = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                envelopes.add(envelope(benchSeller(i), "ebay", prefix + i + "-" + System.nanoTime(),
                        prefix + i + "-" + System.nanoTime(), "buyer_bench_" + i, orders.get(i % orders.size())));
            }
            return envelopes;
        }

        /**
         * The enrichment queue emptied of what other probes left there (order look-ups of the intake probes' sellers),
         * then intake (in this process) handles one buyer message of each new seller ({@link #newSeller}), in order:
         * the queue then holds one order look-up per event, each of a seller no request before it saw.
         */
        private void askForOrderLookUps() {
            String url = runner.stack().queueUrl("EnrichmentQueue");
            warmTrackingCache(url);
            runner.stack().sqsClient().purgeQueue(r -> r.queueUrl(url));
            List<String> envelopes = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                envelopes.add(envelope(newSeller(i), "ebay", "bench-enrichment-" + i + "-" + System.nanoTime(),
                        "bench-enrichment-" + i + "-" + System.nanoTime(), "buyer_bench_" + i,
                        merchantOrders.get(i % merchantOrders.size())));
            }
            for (int from = 0; from < EVENTS; from += 10) {
                runner.stack().invoke("IntakeFunction", sqsEvent(envelopes.subList(from, Math.min(from + 10, EVENTS))));
            }
        }

        /**
         * Each merchant order enriched once in this process (a ticket of {@link #WARM_SELLER} about it), so that its
         * parcels' tracking is in the shared cache before the probes run: the probes' first requests then read it from
         * the cache as the hundred after them do. Before, run 1's first request fetched its parcels from the carriers
         * (the cache empty) and ran 4.3x-5.4x where runs 2 and 3 ran 2.0x-4.0x.
         */
        private void warmTrackingCache(String url) {
            List<String> envelopes = new ArrayList<>();
            for (int i = 0; i < merchantOrders.size(); i++) {
                envelopes.add(envelope(WARM_SELLER, "ebay", "bench-warm-" + i + "-" + System.nanoTime(),
                        "bench-warm-" + i + "-" + System.nanoTime(), "buyer_bench_warm_" + i, merchantOrders.get(i)));
            }
            runner.stack().invoke("IntakeFunction", sqsEvent(envelopes));
            List<String> lookUps = new ArrayList<>();
            for (int empty = 0; lookUps.size() < envelopes.size() && empty < 2; ) {
                List<Message> got = runner.stack().sqsClient().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                        .waitTimeSeconds(1).visibilityTimeout(3600)).messages();
                empty = got.isEmpty() ? empty + 1 : 0;
                got.stream().map(Message::body).filter(b -> b.contains("\"" + WARM_SELLER + "\"")).forEach(lookUps::add);
            }
            runner.stack().invoke("EnrichmentFunction", sqsEvent(lookUps));
        }

        /** Replies to the relay conversation, recorded through the HTTP API: each waits on the outbound queue. */
        private void queueReplies() {
            String token = runner.token("bench-agent", SELLER, Duration.ofHours(1));
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < EVENTS; i++) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(runner.api().baseUrl()
                                    + "/tickets/" + ticket.value() + "/replies"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .header("Idempotency-Key", "bench-reply-" + i + "-" + System.nanoTime())
                            .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Your parcel left today with DHL, "
                                    + "tracking number 00340434161094042557.\"}")).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 202) {
                        throw new IllegalStateException("reply " + i + " answered " + r.statusCode() + ": " + r.body());
                    }
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        /** The messages waiting on a queue (after {@code fill}), as bodies; repeated if fewer than needed. */
        private List<String> drain(String queue, Runnable fill) {
            fill.run();
            SqsClient sqs = runner.stack().sqsClient();
            String url = runner.stack().queueUrl(queue);
            List<String> bodies = new ArrayList<>();
            int empty = 0;
            while (bodies.size() < EVENTS && empty < 2) {
                List<Message> got = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                        .visibilityTimeout(3600)).messages();
                empty = got.isEmpty() ? empty + 1 : 0;
                got.forEach(m -> bodies.add(m.body()));
            }
            if (bodies.isEmpty()) {
                throw new IllegalStateException(queue + " holds nothing for the benchmark");
            }
            return bodies;
        }

        private String sampleBody(String sample) throws IOException {
            return JSON.readTree(project.resolve("events").resolve(sample).toFile()).path("Records").get(0).path("body")
                    .asText();
        }

        private static String benchSeller(int i) {
            return "bench-seller-" + i % SELLERS;
        }

        /** Event {@code i}'s own seller: none of the other events is of it. */
        private static String newSeller(int i) {
            return "bench-new-seller-" + i;
        }

        private static String envelope(String seller, String channel, String id, String thread, String sender, String order) {
            ObjectNode e = JSON.createObjectNode().put("version", 1).put("type", "channel-message").put("channel", channel)
                    .put("sellerId", seller).put("externalMessageId", id).put("threadKey", thread).put("orderId", order);
            e.putObject("sender").put("address", sender).put("displayName", "Bench Buyer");
            e.put("subject", "Where is my order?").put("body", "Hello, I ordered a week ago and nothing has arrived yet. "
                    + "Could you send me the tracking number?").put("receivedAt", Instant.now().toString());
            return e.toString();
        }

        private static String sqsEvent(List<String> bodies) {
            ObjectNode event = JSON.createObjectNode();
            ArrayNode records = event.putArray("Records");
            for (String body : bodies) {
                ObjectNode r = records.addObject().put("messageId", "bench-" + System.nanoTime()).put("body", body)
                        .put("eventSource", "aws:sqs").put("awsRegion", "eu-west-1");
                r.putObject("attributes").put("ApproximateReceiveCount", "1")
                        .put("SentTimestamp", Long.toString(System.currentTimeMillis()));
            }
            return event.toString();
        }
    }
}
