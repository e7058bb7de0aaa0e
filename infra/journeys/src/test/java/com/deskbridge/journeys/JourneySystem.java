package com.deskbridge.journeys;

import com.deskbridge.local.LocalRunner;
import com.deskbridge.local.RunnerOptions;
import com.deskbridge.localaws.ProjectRoot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The one local system the whole suite drives, started as README starts it (every listener on a free port, in
 * memory) with the journeys' own world ({@code journeys-world.json}: two Amazon seller accounts, no latency, feeds
 * processed in a second), SP-API only for the sellers that world authorises ({@code localSellers}), and the
 * template's schedules six times faster ({@code -Dlocal.scheduleSpeedup=6}: the SLA sweep every 10 s).
 *
 * <p>The journeys use only what this class hands out: the endpoints the runner prints (API, intake and escalation
 * queues, IMAP, console, carrier simulator). They never reach into the runner's objects.
 */
final class JourneySystem {
    /** Authorised for SP-API with Amazon seller account A1JOURNEYNORTH (Amazon.de, EUR). */
    static final String NORTH = "journey-north";
    /** Authorised for SP-API with Amazon seller account A1JOURNEYSOUTH (Amazon.com, USD, MCF). */
    static final String SOUTH = "journey-south";
    /** Signs in like anyone else but has no SP-API authorisation. */
    static final String UNAUTHORISED = "journey-no-spapi";
    static final double SCHEDULE_SPEEDUP = 6;

    private static Endpoints endpoints;
    /** The eBay side of the world (its simulator): what a buyer sees of the seller's eBay replies. */
    private static com.deskbridge.sim.ebay.EbaySimulator ebay;
    /** The local stack's schedule trigger hook ({@code fireSchedule}): a journey fires a schedule instead of waiting. */
    private static java.util.function.Function<String, java.util.List<String>> schedules;
    /** The Shopify side of the world (its simulator): what the seller does in its store. */
    private static com.deskbridge.sim.shopify.ShopifySimulator shopify;
    /** The local system's seeding helper for replies sent in a past quarter ({@code PastReplies}). */
    private static com.deskbridge.local.PastReplies pastReplies;

    /** What the runner prints: everything a user of the local system is given. */
    record Endpoints(URI api, URI sqs, String region, String intakeQueueUrl, String escalationQueueUrl, int imapPort,
                     int consolePort, URI helpdeskOrigin, URI carriers, Path openApi, URI s3, String rawMailBucket,
                     String mailDomain, String intakeDeadLetterQueueUrl, URI spApi) {
    }

    private JourneySystem() {
    }

    static synchronized Endpoints get() {
        if (endpoints == null) {
            long start = System.nanoTime();
            Path project = ProjectRoot.find();
            LocalRunner runner = LocalRunner.start(RunnerOptions.ephemeral(project).withWorld(world())
                    .withSpApiForAllSellers(false).withScheduleSpeedup(SCHEDULE_SPEEDUP)
                    // the eBay message poll: no minimum interval of its own, only the simulated application's Message API
                    // limit spaces a seller's polls (seconds), so the journeys' fired schedule reads what a buyer just wrote
                    .withParameter("EbayPollMinimumSeconds", "0"));
            Runtime.getRuntime().addShutdownHook(new Thread(runner::close, "stop-journeys-system"));
            ebay = runner.world().ebay();
            schedules = runner.stack()::fireSchedule;
            shopify = runner.world().shopify();
            pastReplies = com.deskbridge.local.PastReplies.of(runner);
            endpoints = new Endpoints(URI.create(runner.api().baseUrl()), runner.stack().sqsEndpoint(), runner.stack().region(),
                    runner.stack().queueUrl("IntakeQueue"), runner.stack().queueUrl("EscalationQueue"), runner.mail().imapPort(),
                    runner.console().port(), URI.create(runner.stack().model().parameters().get("HelpdeskOrigin").value()),
                    URI.create("http://127.0.0.1:" + runner.world().carriers().port()), project.resolve("functions/api/openapi.yaml"),
                    runner.s3().endpoint(), runner.stack().environment().get("RAW_MAIL_BUCKET"), LocalRunner.LOCAL_MAIL_DOMAIN,
                    runner.stack().queueUrl("IntakeDeadLetterQueue"), URI.create(runner.world().spApi().baseUrl()));
            System.out.printf("[journeys] local system started once for the suite in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        }
        return endpoints;
    }

    /** The eBay simulator of the journeys' world (journey-south's eBay account and its buyers' conversations). */
    static synchronized com.deskbridge.sim.ebay.EbaySimulator ebay() {
        get();
        return ebay;
    }

    /**
     * Fires one of the template's schedules now and waits for its run (the local stack's trigger hook), e.g.
     * {@code FeedScheduleFunction.EveryMinute}. @return the function's answers
     */
    static synchronized java.util.List<String> fireSchedule(String scheduleId) {
        get();
        return schedules.apply(scheduleId);
    }

    /** The Shopify simulator of the journeys' world (the stores of journey-south and journey-ebay-in). */
    static synchronized com.deskbridge.sim.shopify.ShopifySimulator shopify() {
        get();
        return shopify;
    }

    private static Path world() {
        try (InputStream in = JourneySystem.class.getResourceAsStream("/journeys-world.json")) {
            if (in == null) {
                throw new IllegalStateException("journeys-world.json is not on the test classpath");
            }
            Path file = Files.createTempFile("journeys-world", ".json");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends a reply as of a past day through the local system's seeding helper ({@code PastReplies}: recorded and sent
     * the way the API and the sender do it, with that day's clock), so an audit has a past quarter to sample.
     */
    static com.deskbridge.local.PastReplies.Sent sendPastReply(String seller, com.deskbridge.local.PastReplies.Reply reply) {
        get();
        return pastReplies.send(seller, reply);
    }
}
