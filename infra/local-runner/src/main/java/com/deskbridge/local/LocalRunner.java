package com.deskbridge.local;

import com.deskbridge.localapigw.CorsConfig;
import com.deskbridge.localapigw.HttpApiEmulator;
import com.deskbridge.localapigw.LocalUserPool;
import com.deskbridge.localapigw.RouteAuth;
import com.deskbridge.localaws.LocalAwsStack;
import com.deskbridge.localaws.s3.LocalS3;
import com.deskbridge.localaws.api.HttpRoute;
import com.deskbridge.localaws.template.ResourceNames;
import com.deskbridge.console.ConsoleServer;
import com.deskbridge.sim.translate.TranslateSimulator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The whole of Deskbridge on this machine, wired from template.yaml: S3Mock for the raw-mail bucket, the local AWS
 * stack (DynamoDB Local, ElasticMQ, SQS pollers, schedules, EventBridge) and the API Gateway emulator with its JWT
 * authorizer in front of the template's HttpApi routes. README.md: "Run the system locally".
 */
public final class LocalRunner implements AutoCloseable {
    /** The demo agent's seller, used by the token printed at start. */
    public static final String DEMO_SELLER = "demo-seller";
    /** The template's MailDomain locally (a reserved .test name, RFC 2606). */
    public static final String LOCAL_MAIL_DOMAIN = "inbound.deskbridge.test";
    /** Where the functions' SP-API credentials live locally (template parameter SpApiSecretPrefix). */
    public static final String SPAPI_SECRET_PREFIX = "deskbridge/spapi/";
    private static final String SECRETS_ENDPOINT = "AWS_ENDPOINT_URL_SECRETS_MANAGER";
    /** Where the functions find sellers' eBay authorisations and shops locally (template parameters of those names). */
    public static final String EBAY_SECRET_PREFIX = "deskbridge/ebay/";
    public static final String SHOPIFY_SECRET_PREFIX = "deskbridge/shopify/";
    /** Where the API function's Amazon Translate client goes locally: the stand-in, which cannot translate. */
    private static final String TRANSLATE_ENDPOINT = "AWS_ENDPOINT_URL_TRANSLATE";

    private final LocalS3 s3;
    private final LocalMail mail;
    private final LocalWorld world;
    private final LocalAwsStack stack;
    private final HttpApiEmulator api;
    private final ConsoleServer console;
    private final RunnerOptions options;
    private TranslateSimulator translate;

    private LocalRunner(LocalS3 s3, LocalMail mail, LocalWorld world, LocalAwsStack stack, HttpApiEmulator api,
                        ConsoleServer console, RunnerOptions options) {
        this.options = options;
        this.s3 = s3;
        this.mail = mail;
        this.world = world;
        this.stack = stack;
        this.api = api;
        this.console = console;
    }

    /** Starts everything; if any part fails, what had started is stopped again. */
    public static LocalRunner start(RunnerOptions options) {
        LocalS3 s3 = null;
        LocalMail mail = null;
        LocalWorld world = null;
        LocalAwsStack stack = null;
        HttpApiEmulator api = null;
        TranslateSimulator translate = null;
        try {
            Path s3Root = options.dataDir() == null
                    ? Files.createTempDirectory("deskbridge-s3")
                    : Files.createDirectories(options.dataDir().resolve("s3"));
            s3 = LocalS3.start(options.port(RunnerOptions.Port.S3), s3Root, options.region(), options.dataDir() != null);
            mail = LocalMail.start(options.port(RunnerOptions.Port.SMTP), options.port(RunnerOptions.Port.IMAP));
            world = LocalWorld.start(options.world(), options.port(RunnerOptions.Port.SPAPI),
                    options.port(RunnerOptions.Port.CARRIERS), Clock.systemUTC());
            // functions find the simulators' credentials through their real Secrets Manager client
            System.setProperty(SECRETS_ENDPOINT, world.secrets().endpoint().toString());
            // Amazon Translate: the wire-level stand-in (infra/translate-simulator), on a free port
            translate = TranslateSimulator.start(0, world.world());
            System.setProperty(TRANSLATE_ENDPOINT, translate.baseUrl());
            LocalAwsStack.Builder builder = LocalAwsStack.builder()
                    .template(options.project().resolve("template.yaml"))
                    .region(options.region())
                    .stackName("deskbridge-local")
                    .dynamoDbPort(options.port(RunnerOptions.Port.DYNAMODB))
                    .sqsPort(options.port(RunnerOptions.Port.SQS))
                    .eventBridgePort(options.port(RunnerOptions.Port.EVENTS))
                    // replies go to the local SMTP server, without TLS or login
                    .parameterOverride("SmtpHost", "127.0.0.1")
                    .parameterOverride("SmtpPort", Integer.toString(mail.smtpPort()))
                    .parameterOverride("SmtpSecurity", "NONE")
                    .parameterOverride("SmtpSecretName", "")
                    // SP-API calls go to the simulator
                    .parameterOverride("SpApiEndpoint", world.spApi().baseUrl())
                    .parameterOverride("SpApiLwaUrl", world.spApi().lwaUrl())
                    .parameterOverride("SpApiSecretPrefix", SPAPI_SECRET_PREFIX)
                    // the simulator plays Seller Central's consent page (README "Connecting Amazon")
                    .parameterOverride("SpApiConsentUrl", world.spApi().baseUrl())
                    // and carrier calls to the carrier simulator
                    .parameterOverride("CarrierEndpoint", "http://127.0.0.1:" + world.carriers().port())
                    // eBay and Shopify calls go to their simulators (README "eBay and Shopify accounts")
                    .parameterOverride("EbayEndpoint", world.channels().ebay().baseUrl())
                    .parameterOverride("ShopifyEndpoint", world.channels().shopify().baseUrl())
                    // mail to <alias>@LOCAL_MAIL_DOMAIN: SES's notifications (sent to the intake queue by hand, as SNS's
                    // raw delivery would) name the seller by alias; the receipt rule itself is not emulated
                    .parameterOverride("MailDomain", LOCAL_MAIL_DOMAIN)
                    .parameterOverride("EbaySecretPrefix", EBAY_SECRET_PREFIX)
                    .parameterOverride("ShopifySecretPrefix", SHOPIFY_SECRET_PREFIX)
                    // a seller's eBay messages are polled as often as the schedules fire: the minimum interval sped up too
                    .parameterOverride("EbayMessageDailyLimit", Long.toString(LocalChannels.MESSAGE_DAILY_LIMIT))
                    .parameterOverride("EbayPollMinimumSeconds",
                            Long.toString(Math.round(120 / Math.max(1.0, options.scheduleSpeedup()))))
                    .s3Endpoint(s3.endpoint())
                    .eagerHandlers(true)
                    .visibilityTimeoutOverride(options.visibilityTimeoutSeconds())
                    .scheduleSpeedup(options.scheduleSpeedup())
                    .parameterOverrides(options.parameters())
                    .log(options.log());
            if (options.dataDir() != null) {
                builder.dataDir(Files.createDirectories(options.dataDir().resolve("dynamodb")))
                        .sqsDataDir(Files.createDirectories(options.dataDir().resolve("sqs")));
            }
            stack = builder.start();
            s3.createBuckets(stack.model().buckets().stream().map(ResourceNames::name).toList());
            LocalAwsStack running = stack;
            world.deliverNotificationsTo(body -> running.sqsClient().sendMessage(m -> m
                    .queueUrl(running.queueUrl("SpApiNotificationsQueue")).messageBody(body)));
            world.grantSpApi(SPAPI_SECRET_PREFIX, DEMO_SELLER);
            world.grantFixtureSellers(SPAPI_SECRET_PREFIX);
            // every other seller a local user signs in with reaches the same simulated Amazon seller account
            world.grantSpApiToEverySeller(SPAPI_SECRET_PREFIX, options.spApiForAllSellers());
            world.grantCarriers();
            // the eBay accounts and shops of the demo, journey and run worlds: refunds, cancellations and replies
            world.channels().grant(world.secrets());
            world.grantOnboarding(stack.model().parameters().get("SpApiApplicationSecretName").value(),
                    stack.model().parameters().get("OnboardingStateKeySecretName").value());
            api = apiFor(stack, options).start();
            // the Shopify simulator's webhooks go to the API's webhook route, as a store's subscription sends them
            world.channels().deliverWebhooksTo(api.baseUrl());
            registerDemoSeller(api, operatorToken(stack, api));
            ConsoleServer console = ConsoleServer.start(options.port(RunnerOptions.Port.CONSOLE), URI.create(api.baseUrl()));
            LocalRunner runner = new LocalRunner(s3, mail, world, stack, api, console, options);
            runner.translate = translate;
            return runner;
        } catch (IOException e) {
            closeQuietly(api, stack, world, mail, s3, translate);
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            closeQuietly(api, stack, world, mail, s3, translate);
            throw e;
        }
    }

    private static HttpApiEmulator apiFor(LocalAwsStack stack, RunnerOptions options) {
        HttpApiEmulator.Builder api = HttpApiEmulator.builder().port(options.port(RunnerOptions.Port.API));
        for (HttpRoute route : stack.httpRoutes()) {
            RouteAuth auth = route.auth().required()
                    ? RouteAuth.jwt(route.auth().scopes().toArray(String[]::new))
                    : RouteAuth.none();
            api.route(route.method(), route.path(), route::invoke, auth);
        }
        List<String> audiences = stack.jwtAudiences();
        if (!audiences.isEmpty()) {
            api.jwtAuthorizer(audiences);
        }
        // the template's Cognito user pool (SignIn=Cognito): the local issuer plays it, with the template's trigger
        stack.model().userPools().values().stream().findFirst().ifPresent(pool -> api.userPool(new LocalUserPool(
                pool.poolId(), options.region(), pool.groups(),
                pool.clients().stream().map(c -> new LocalUserPool.Client(c.clientId(), c.callbackUrls(), c.logoutUrls(),
                        c.scopes(), Duration.ofMinutes(c.accessTokenMinutes()))).toList(),
                pool.preTokenGenerationFunction() == null ? null
                        : event -> stack.invoke(pool.preTokenGenerationFunction(), event),
                pool.preTokenGenerationVersion())));
        stack.cors().ifPresent(c -> api.cors(new CorsConfig(c.allowOrigins(), c.allowHeaders(), c.allowMethods(),
                c.exposeHeaders(), c.maxAge(), c.allowCredentials())));
        if (options.dataDir() != null) {
            api.keyFile(options.dataDir().resolve("jwt-signing-key.json"));
        }
        return api.build();
    }

    /**
     * Registers {@value #DEMO_SELLER} (mail alias {@code demo-seller@}{@value #LOCAL_MAIL_DOMAIN}) through the onboarding
     * API, {@code POST /sellers}, as an operator does after a deploy. 409: registered by an earlier start with the same
     * data directory.
     */
    private static void registerDemoSeller(HttpApiEmulator api, String operatorToken) {
        String body = "{\"sellerId\":\"" + DEMO_SELLER + "\",\"marketplaces\":[\"A1PA6795UKMFR9\"],\"region\":\"eu\","
                + "\"timeZone\":\"Europe/Berlin\",\"mailAlias\":\"" + DEMO_SELLER + "\"}";
        try {
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(URI.create(api.baseUrl() + "/sellers"))
                            .header("authorization", "Bearer " + operatorToken).header("content-type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201 && r.statusCode() != 409) {
                throw new IllegalStateException("POST /sellers refused " + DEMO_SELLER + ": " + r.statusCode() + " " + r.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An operator's access token (group operator, no seller), from the template's user pool or the own issuer. */
    private static String operatorToken(LocalAwsStack stack, HttpApiEmulator api) {
        Optional<String> client = consoleClient(stack);
        return client.isPresent() ? api.signIn(client.get(), "local-operator", null, List.of("operator"))
                : api.issuer().mint("local-operator", Map.of("roles", List.of("operator")), Duration.ofMinutes(5));
    }

    public LocalAwsStack stack() {
        return stack;
    }

    public HttpApiEmulator api() {
        return api;
    }

    /** The simulated SP-API and carriers, and the secrets to call them. */
    /** The Amazon Translate stand-in the API function calls locally. */
    public TranslateSimulator translate() {
        return translate;
    }

    public LocalWorld world() {
        return world;
    }

    /** The agent console. */
    public ConsoleServer console() {
        return console;
    }

    /** The SMTP server replies are delivered to. */
    public LocalMail mail() {
        return mail;
    }

    public LocalS3 s3() {
        return s3;
    }

    /**
     * An access token for an agent of {@code seller}, as the helpdesk's identity provider issues it: with the template's
     * user pool, signed in through it (Cognito's format, its trigger; the client's token lifetime, not {@code ttl});
     * with an own issuer, minted with {@code seller_id} and {@code roles}.
     */
    public String token(String agent, String seller, Duration ttl) {
        Optional<String> client = consoleClient();
        if (client.isPresent()) {
            return api.signIn(client.get(), agent, seller, List.of("agent"));
        }
        return api.issuer().mint(agent, Map.of("seller_id", seller, "roles", List.of("agent")), ttl);
    }

    /** The app client of the template's user pool that signs in with authorization codes (the console's). */
    public Optional<String> consoleClient() {
        return consoleClient(stack);
    }

    private static Optional<String> consoleClient(LocalAwsStack stack) {
        return stack.model().userPools().values().stream().flatMap(p -> p.clients().stream())
                .filter(c -> c.oauthFlows().contains("code")).map(c -> c.clientId()).findFirst();
    }

    /** What a person needs to use the running system. */
    public String describe() {
        return stack.describe() + describeFrontDoor();
    }

    /** The parts the runner adds to the stack: S3, the HTTP API, a demo token and what to try. */
    private String describeFrontDoor() {
        String queue = stack.queueUrl("IntakeQueue");
        return "  S3 (S3Mock)      " + s3.endpoint() + "\n"
                + "  SP-API simulator " + world.spApi().baseUrl() + " (LWA " + world.spApi().lwaUrl() + ")\n"
                + "  carrier simulator http://127.0.0.1:" + world.carriers().port() + "/{dhl,ups,fedex,usps,dpd,aggregator}\n"
                + "  eBay simulator   " + world.channels().ebay().baseUrl() + ", Shopify simulator "
                + world.channels().shopify().baseUrl() + " (accounts of " + LocalChannels.JOURNEY_SELLER + ")\n"
                + "  SMTP (GreenMail) smtp://127.0.0.1:" + mail.smtpPort() + "  sent replies; read them over IMAP at 127.0.0.1:"
                + mail.imapPort() + " (user: the buyer's relay alias, any password)\n"
                + "HTTP API           " + api.baseUrl() + "\n"
                + "Agent console      " + console.baseUrl() + " (sign in as any agent of any seller)\n"
                + "  JWT issuer       " + api.issuer().issuerUrl() + " (discovery at <issuer>/.well-known/openid-configuration)\n"
                + consoleClient().map(c -> "  sign-in          " + api.baseUrl() + "/local-issuer/oauth2/authorize (client "
                        + c + ", authorization code + PKCE S256; the login page asks agent, seller, groups)\n").orElse("")
                + "  token endpoint   POST " + api.baseUrl() + "/local-issuer/token (any subject and claims; for scripts)\n"
                + (options.spApiForAllSellers() ? "  SP-API access    every seller you sign in with (-Dlocal.spapiAllSellers=false: only "
                        + DEMO_SELLER + " and the world's localSellers)\n" : "  SP-API access    " + DEMO_SELLER
                        + " and the world's localSellers only\n")
                + "\nDemo agent token (seller " + DEMO_SELLER + "):\n"
                + token("demo-agent", DEMO_SELLER, Duration.ofHours(12)) + "\n"
                + "\nTry (an Amazon buyer message about a demo order; its reply arrives in GreenMail):\n"
                + "  curl -s " + queue + " -d Action=SendMessage --data-urlencode 'MessageBody={\"version\":1,"
                + "\"type\":\"channel-message\",\"channel\":\"amazon\",\"sellerId\":\"" + DEMO_SELLER + "\","
                + "\"marketplaceId\":\"A1PA6795UKMFR9\",\"externalMessageId\":\"m-1\",\"orderId\":\"028-4711001-0000001\","
                + "\"sender\":{\"address\":\"k3j4h5@marketplace.amazon.de\",\"displayName\":\"Jana Beispiel\"},"
                + "\"subject\":\"Where is my parcel?\",\"body\":\"Where is my parcel?\","
                + "\"receivedAt\":\"" + java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\"}'\n"
                + "  curl -s -H \"Authorization: Bearer $TOKEN\" '" + api.baseUrl() + "/tickets?status=open'\n";
    }

    @Override
    public void close() {
        closeQuietly(console, api, stack, world, mail, s3, translate);
        System.clearProperty(SECRETS_ENDPOINT);
        System.clearProperty(TRANSLATE_ENDPOINT);
    }

    private static void closeQuietly(AutoCloseable... parts) {
        for (AutoCloseable part : parts) {
            if (part == null) {
                continue;
            }
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("while stopping " + part.getClass().getSimpleName() + ": " + e);
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        RunnerOptions options;
        try {
            options = RunnerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(RunnerOptions.USAGE);
            System.exit(2);
            return;
        }
        PrintStream out = System.out;
        LocalRunner runner;
        try {
            runner = start(options);
        } catch (RuntimeException e) {
            System.err.println("Deskbridge could not start locally: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("\nStopping Deskbridge...");
            runner.close();
            out.println("Stopped.");
            stopped.countDown();
        }, "deskbridge-shutdown"));
        out.println();
        out.println("Deskbridge is running locally. Ctrl-C stops it.");
        out.println(runner.describeFrontDoor()); // the stack printed its own part as it started
        out.flush();
        stopped.await();
    }
}
