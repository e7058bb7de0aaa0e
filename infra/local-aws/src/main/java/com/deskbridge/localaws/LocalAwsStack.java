package com.deskbridge.localaws;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.deskbridge.localaws.api.HttpApiInfo;
import com.deskbridge.localaws.api.HttpRoute;
import com.deskbridge.localaws.api.RouteAuth;
import com.deskbridge.localaws.dynamodb.DynamoDbLocalServer;
import com.deskbridge.localaws.dynamodb.TableProvisioner;
import com.deskbridge.localaws.events.EventBridgeEndpoint;
import com.deskbridge.localaws.events.EventRouter;
import com.deskbridge.localaws.events.LocalEventBridge;
import com.deskbridge.localaws.events.TargetDispatcher;
import com.deskbridge.localaws.lambda.FunctionEnvironment;
import com.deskbridge.localaws.lambda.HandlerFactory;
import com.deskbridge.localaws.lambda.LambdaFunction;
import com.deskbridge.localaws.lambda.LambdaInvocationException;
import com.deskbridge.localaws.lambda.LambdaJson;
import com.deskbridge.localaws.schedule.ScheduleRunner;
import com.deskbridge.localaws.sqs.ElasticMqServer;
import com.deskbridge.localaws.sqs.QueueProvisioner;
import com.deskbridge.localaws.sqs.SqsEventSourcePoller;
import com.deskbridge.localaws.template.FunctionEventSpec;
import com.deskbridge.localaws.template.FunctionSpec;
import com.deskbridge.localaws.template.HttpApiSpec;
import com.deskbridge.localaws.template.QueueSpec;
import com.deskbridge.localaws.template.RuleSpec;
import com.deskbridge.localaws.template.SamTemplate;
import com.deskbridge.localaws.template.ScheduleSpec;
import com.deskbridge.localaws.template.TableSpec;
import com.deskbridge.localaws.template.TemplateModel;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A local AWS stack driven by a SAM template, in one JVM, without Docker or an AWS account: DynamoDB Local with the
 * template's tables, ElasticMQ with its queues and redrive policies, a PutEvents endpoint whose rules are matched
 * with event-ruler, timers for its schedules, pollers for its SQS event sources, and its functions' handlers,
 * instantiated once each and invoked the way the Lambda Java runtime invokes them. HttpApi routes are exposed as
 * {@link HttpRoute}s for an API Gateway emulator.
 *
 * <pre>{@code
 * try (LocalAwsStack stack = LocalAwsStack.builder().template(Path.of("template.yaml")).start()) {
 *     System.out.println(stack.describe());
 *     stack.invoke("ApiFunction", eventJson);
 * }
 * }</pre>
 *
 * <p>Before any handler is created, every resolved environment variable of every function, the SDK endpoint
 * variables ({@code AWS_ENDPOINT_URL_DYNAMODB}, {@code _SQS}, {@code _EVENTBRIDGE}, {@code _S3}), {@code AWS_REGION}
 * and {@code aws.region}/{@code aws.accessKeyId}/{@code aws.secretAccessKey} are published as system properties
 * (see {@link FunctionEnvironment}); {@link #close()} restores the previous values.
 */
public final class LocalAwsStack implements AutoCloseable {
    static {
        // The JDK's HTTP server waits for Nagle + delayed ACK (~40 ms) on small responses unless told otherwise; it
        // reads this once, when the first server of the JVM starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Builder config;
    private final PrintStream log;
    private TemplateModel model;
    private DynamoDbLocalServer dynamoServer;
    private ElasticMqServer sqsServer;
    private DynamoDbClient dynamo;
    private SqsClient sqs;
    private Map<String, String> queueUrls = Map.of();
    private final Map<String, String> queueArns = new LinkedHashMap<>();
    private FunctionEnvironment environment;
    private final Map<String, LambdaFunction> functions = new LinkedHashMap<>();
    private final List<SqsEventSourcePoller> pollers = new ArrayList<>();
    private LocalEventBridge eventBridge;
    private EventBridgeEndpoint eventEndpoint;
    private ScheduleRunner schedules;
    private final List<HttpRoute> routes = new ArrayList<>();
    private boolean started;
    private boolean closed;

    private LocalAwsStack(Builder config) {
        this.config = config;
        this.log = config.log;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts everything the template declares.
     *
     * @return this stack
     * @throws com.deskbridge.localaws.template.TemplateException when the template cannot run locally (everything
     *         started so far is stopped again)
     */
    public synchronized LocalAwsStack start() {
        if (started) {
            return this;
        }
        if (closed) {
            throw new IllegalStateException("stack was closed");
        }
        started = true;
        try {
            doStart();
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
        log.println(describe());
        return this;
    }

    private void doStart() {
        SamTemplate template = config.template != null ? config.template : SamTemplate.load(config.templatePath);
        model = template.model(config.parameterOverrides, config.region, config.stackName);

        dynamoServer = new DynamoDbLocalServer(config.dynamoDbPort, config.dataDir);
        dynamo = DynamoDbClient.builder().endpointOverride(dynamoServer.endpoint()).region(Region.of(config.region))
                .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build();
        TableProvisioner tables = new TableProvisioner(dynamo);
        for (TableSpec table : model.tables().values()) {
            tables.ensure(table);
        }

        sqsServer = new ElasticMqServer(config.sqsPort, config.region, config.sqsDataDir);
        sqs = SqsClient.builder().endpointOverride(sqsServer.endpoint()).region(Region.of(config.region))
                .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build();
        QueueProvisioner queues = new QueueProvisioner(sqs, config.region, config.visibilityTimeoutOverride);
        queueUrls = Collections.unmodifiableMap(queues.createAll(model.queues().values()));
        for (QueueSpec queue : model.queues().values()) {
            queueArns.put(queue.logicalId(), queues.arn(queue));
        }

        Set<String> buses = new LinkedHashSet<>(List.of("default"));
        model.eventBuses().forEach(b -> buses.add(b.name()));
        EventRouter router = new EventRouter(buses, model.rules());
        for (RuleSpec rule : model.rules()) {
            rule.targets().forEach(t -> validateInputPath(rule.id(), t));
        }
        TargetDispatcher dispatcher = new TargetDispatcher(this::function, sqs, queueUrls, log);
        eventBridge = new LocalEventBridge(router, dispatcher, config.region, log);
        try {
            eventEndpoint = new EventBridgeEndpoint(config.eventBridgePort, eventBridge, log);
        } catch (IOException e) {
            throw new UncheckedIOException("EventBridge endpoint cannot listen on port " + config.eventBridgePort, e);
        }
        schedules = new ScheduleRunner(model.schedules(), dispatcher, config.region, config.clock, config.scheduleSpeedup, log);

        Map<String, String> stackVariables = new LinkedHashMap<>();
        stackVariables.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoServer.endpoint().toString());
        stackVariables.put("AWS_ENDPOINT_URL_SQS", sqsServer.endpoint().toString());
        stackVariables.put("AWS_ENDPOINT_URL_EVENTBRIDGE", eventEndpoint.endpoint().toString());
        if (config.s3Endpoint != null) {
            stackVariables.put("AWS_ENDPOINT_URL_S3", config.s3Endpoint.toString());
        }
        stackVariables.put("AWS_REGION", config.region);
        stackVariables.put("AWS_DEFAULT_REGION", config.region);
        stackVariables.put("aws.region", config.region);
        stackVariables.put("aws.accessKeyId", "local");
        stackVariables.put("aws.secretAccessKey", "local");
        environment = FunctionEnvironment.resolve(model.functions().values(), model.resolver(this::queueUrl),
                stackVariables);
        environment.publish();

        for (FunctionSpec spec : model.functions().values()) {
            functions.put(spec.logicalId(), new LambdaFunction(spec, config.region, config.handlerFactory,
                    config.classLoader, log));
        }
        if (config.eagerHandlers) {
            functions.values().forEach(LambdaFunction::init);
        }
        buildRoutes();

        if (config.pollers) {
            for (LambdaFunction function : functions.values()) {
                for (FunctionEventSpec.Sqs source : function.spec().eventsOfType(FunctionEventSpec.Sqs.class)) {
                    if (!source.enabled()) {
                        continue;
                    }
                    SqsEventSourcePoller poller = new SqsEventSourcePoller(source, function,
                            queueUrl(source.queueLogicalId()), queueArn(source.queueLogicalId()), config.region, sqs,
                            log);
                    pollers.add(poller);
                }
            }
            pollers.forEach(SqsEventSourcePoller::start);
        }
        if (config.schedules) {
            schedules.start();
        }
    }

    private void validateInputPath(String ruleId, RuleSpec.Target target) {
        try {
            TargetDispatcher.validateInputPath(target.inputPath());
        } catch (IllegalArgumentException e) {
            throw new com.deskbridge.localaws.template.TemplateException("rule " + ruleId + ", target " + target.id()
                    + ": " + e.getMessage(), e);
        }
    }

    private StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    }

    private void buildRoutes() {
        for (LambdaFunction function : functions.values()) {
            for (FunctionEventSpec.HttpApi e : function.spec().eventsOfType(FunctionEventSpec.HttpApi.class)) {
                HttpApiSpec api = model.httpApis().get(e.apiLogicalId());
                String authorizer = e.authorizer() != null ? e.authorizer() : api.defaultAuthorizer();
                RouteAuth auth = RouteAuth.none();
                if (authorizer != null && !authorizer.equals("NONE")) {
                    HttpApiSpec.AuthorizerSpec a = api.authorizers().get(authorizer);
                    auth = new RouteAuth(a.name(), a.type(), a.issuer(), a.audiences(), a.identitySource(),
                            e.authorizationScopes(), a.functionLogicalId());
                }
                String id = function.spec().logicalId();
                routes.add(new HttpRoute(e.apiLogicalId(), e.method(), e.path(), id, e.name(), auth,
                        event -> invokeHttp(id, event)));
            }
        }
    }

    private APIGatewayV2HTTPResponse invokeHttp(String functionLogicalId, APIGatewayV2HTTPEvent event) {
        String response;
        try {
            response = function(functionLogicalId).invoke(LambdaJson.toJson(event));
        } catch (LambdaInvocationException e) {
            log.println("[local-aws] " + e.getMessage());
            return APIGatewayV2HTTPResponse.builder().withStatusCode(500)
                    .withHeaders(Map.of("Content-Type", "application/json"))
                    .withBody("{\"message\":\"Internal Server Error\"}").withIsBase64Encoded(false).build();
        }
        JsonNode node;
        try {
            node = LambdaJson.mapper().readTree(response == null ? "null" : response);
        } catch (IOException e) {
            node = null;
        }
        if (node != null && node.isObject() && node.has("statusCode")) {
            return LambdaJson.fromJson(response, APIGatewayV2HTTPResponse.class);
        }
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "application/json")).withBody(response)
                .withIsBase64Encoded(false).build();
    }

    // ------------------------------------------------------------------ invocation

    /**
     * @param functionLogicalId function logical id
     * @return the function "container"
     * @throws IllegalArgumentException when the template has no such function
     */
    public LambdaFunction function(String functionLogicalId) {
        LambdaFunction function = functions.get(functionLogicalId);
        if (function == null) {
            throw new IllegalArgumentException("no function " + functionLogicalId + " (functions: "
                    + functions.keySet() + ")");
        }
        return function;
    }

    /**
     * Invokes a function synchronously (RequestResponse).
     *
     * @param functionLogicalId function logical id
     * @param eventJson event JSON
     * @return response JSON
     * @throws LambdaInvocationException when the handler fails
     */
    public String invoke(String functionLogicalId, String eventJson) {
        return function(functionLogicalId).invoke(eventJson);
    }

    /**
     * Invokes a function with a Java event (e.g. an aws-lambda-java-events object) and reads a typed response.
     *
     * @param functionLogicalId function logical id
     * @param event event object
     * @param responseType response class
     * @param <T> response type
     * @return the response, or null for void handlers
     */
    public <T> T invoke(String functionLogicalId, Object event, Class<T> responseType) {
        return function(functionLogicalId).invoke(event, responseType);
    }

    /**
     * Fires a schedule now, synchronously.
     *
     * @param scheduleId {@code Function.Event} or the AWS::Events::Rule logical id
     * @return each target's response
     */
    public List<String> fireSchedule(String scheduleId) {
        return schedules.fireNow(scheduleId);
    }

    // ------------------------------------------------------------------ accessors

    /** @return the typed template view */
    public TemplateModel model() {
        return model;
    }

    /** @return DynamoDB Local's endpoint */
    public URI dynamoDbEndpoint() {
        return dynamoServer.endpoint();
    }

    /** @return ElasticMQ's endpoint */
    public URI sqsEndpoint() {
        return sqsServer.endpoint();
    }

    /** @return the local EventBridge (PutEvents) endpoint */
    public URI eventBridgeEndpoint() {
        return eventEndpoint.endpoint();
    }

    /** @return the region */
    public String region() {
        return config.region;
    }

    /** @return an SDK client for DynamoDB Local (owned by the stack, do not close) */
    public DynamoDbClient dynamoDbClient() {
        return dynamo;
    }

    /** @return an SDK client for ElasticMQ (owned by the stack, do not close) */
    public SqsClient sqsClient() {
        return sqs;
    }

    /**
     * @param queueLogicalId queue logical id
     * @return its local URL
     */
    public String queueUrl(String queueLogicalId) {
        String url = queueUrls.get(queueLogicalId);
        if (url == null) {
            throw new IllegalArgumentException("no queue " + queueLogicalId + " (queues: " + queueUrls.keySet() + ")");
        }
        return url;
    }

    /**
     * @param queueLogicalId queue logical id
     * @return its local ARN
     */
    public String queueArn(String queueLogicalId) {
        return Objects.requireNonNull(queueArns.get(queueLogicalId), () -> "no queue " + queueLogicalId);
    }

    /**
     * @param tableLogicalId table logical id
     * @return its table name
     */
    public String tableName(String tableLogicalId) {
        TableSpec table = model.tables().get(tableLogicalId);
        if (table == null) {
            throw new IllegalArgumentException("no table " + tableLogicalId + " (tables: " + model.tables().keySet()
                    + ")");
        }
        return table.tableName();
    }

    /** @return the published environment (variable to value) */
    public Map<String, String> environment() {
        return environment.values();
    }

    /** @return the HttpApi routes with their invokers */
    public List<HttpRoute> httpRoutes() {
        return Collections.unmodifiableList(routes);
    }

    /** @return the HTTP APIs' settings (JWT issuers and audiences, CORS) */
    public List<HttpApiInfo> httpApis() {
        List<HttpApiInfo> out = new ArrayList<>();
        for (HttpApiSpec api : model.httpApis().values()) {
            List<String> issuers = new ArrayList<>();
            Set<String> audiences = new LinkedHashSet<>();
            api.authorizers().values().stream().filter(a -> a.type().equals("JWT")).forEach(a -> {
                if (a.issuer() != null) {
                    issuers.add(a.issuer());
                }
                audiences.addAll(a.audiences());
            });
            out.add(new HttpApiInfo(api.logicalId(), api.logicalId().toLowerCase(java.util.Locale.ROOT),
                    List.copyOf(issuers), List.copyOf(audiences), api.defaultAuthorizer(), api.authorizers(),
                    api.cors()));
        }
        return out;
    }

    /**
     * @param apiLogicalId HttpApi logical id
     * @return its settings
     */
    public Optional<HttpApiInfo> httpApi(String apiLogicalId) {
        return httpApis().stream().filter(a -> a.logicalId().equals(apiLogicalId)).findFirst();
    }

    /** @return the audiences of all JWT authorizers of all HTTP APIs */
    public List<String> jwtAudiences() {
        Set<String> out = new LinkedHashSet<>();
        httpApis().forEach(a -> out.addAll(a.jwtAudiences()));
        return List.copyOf(out);
    }

    /** @return the CORS configuration of the only HTTP API that has one, if any */
    public Optional<HttpApiSpec.CorsSpec> cors() {
        return httpApis().stream().map(HttpApiInfo::cors).filter(Objects::nonNull).findFirst();
    }

    /** @return the SQS pollers (one per enabled SQS event source) */
    public List<SqsEventSourcePoller> pollers() {
        return Collections.unmodifiableList(pollers);
    }

    /** @return the schedule runner */
    public ScheduleRunner schedules() {
        return schedules;
    }

    /** @return a human-readable listing of what runs where */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append("Local AWS stack '").append(config.stackName).append("' (").append(config.region)
                .append(", account 000000000000) from ").append(model.template().origin()).append('\n');
        out.append("  DynamoDB Local   ").append(dynamoServer.endpoint())
                .append(config.dataDir == null ? " (in memory)" : " (data in " + config.dataDir + ")").append('\n');
        out.append("  SQS (ElasticMQ)  ").append(sqsServer.endpoint())
                .append(config.sqsDataDir == null ? " (in memory)" : " (queues and messages in " + config.sqsDataDir + ")").append('\n');
        out.append("  EventBridge      ").append(eventEndpoint.endpoint()).append(" (PutEvents)\n");
        if (config.s3Endpoint != null) {
            out.append("  S3               ").append(config.s3Endpoint).append('\n');
        }
        out.append("Tables:\n");
        for (TableSpec t : model.tables().values()) {
            out.append("  ").append(t.logicalId()).append(" -> ").append(t.tableName());
            t.globalSecondaryIndexes().forEach(i -> out.append(" GSI:").append(i.indexName()));
            t.localSecondaryIndexes().forEach(i -> out.append(" LSI:").append(i.indexName()));
            if (t.ttlAttribute() != null) {
                out.append(" TTL:").append(t.ttlAttribute());
            }
            out.append('\n');
        }
        out.append("Queues:\n");
        for (QueueSpec q : model.queues().values()) {
            out.append("  ").append(q.logicalId()).append(" -> ").append(queueUrls.get(q.logicalId()));
            if (q.deadLetterQueueLogicalId() != null) {
                out.append(" (DLQ ").append(q.deadLetterQueueLogicalId()).append(" after ")
                        .append(q.maxReceiveCount()).append(" receives)");
            }
            out.append('\n');
        }
        out.append("Functions:\n");
        for (LambdaFunction f : functions.values()) {
            out.append("  ").append(f.spec().logicalId()).append(" -> ").append(f.spec().handler()).append('\n');
        }
        out.append("SQS event sources:").append(config.pollers ? "\n" : " (pollers off)\n");
        for (FunctionSpec f : model.functions().values()) {
            for (FunctionEventSpec.Sqs s : f.eventsOfType(FunctionEventSpec.Sqs.class)) {
                out.append("  ").append(s.queueLogicalId()).append(" => ").append(f.logicalId()).append(" (batch ")
                        .append(s.batchSize()).append(s.reportBatchItemFailures() ? ", ReportBatchItemFailures" : "")
                        .append(s.enabled() ? "" : ", disabled").append(")\n");
            }
        }
        out.append("Schedules:").append(config.schedules ? "\n" : " (timers off; fire with fireSchedule)\n");
        for (ScheduleSpec s : model.schedules()) {
            out.append("  ").append(s.id()).append(' ').append(s.expression())
                    .append(s.timezone() == null ? "" : " " + s.timezone()).append(s.enabled() ? "" : " (disabled)")
                    .append(" => ").append(s.targets().stream().map(RuleSpec.Target::logicalId).toList()).append('\n');
        }
        out.append("EventBridge rules:\n");
        for (RuleSpec r : model.rules()) {
            out.append("  ").append(r.id()).append(" on bus ").append(r.eventBusName()).append(' ')
                    .append(r.eventPattern()).append(r.enabled() ? "" : " (disabled)").append(" => ")
                    .append(r.targets().stream().map(t -> t.kind() + ":" + t.logicalId()).toList()).append('\n');
        }
        out.append("HTTP API routes:\n");
        for (HttpRoute r : routes) {
            out.append("  ").append(r.apiLogicalId()).append(' ').append(r.routeKey()).append(" => ")
                    .append(r.functionLogicalId())
                    .append(r.auth().required() ? " [" + r.auth().type() + " " + r.auth().authorizerName() + "]" : "")
                    .append('\n');
        }
        for (com.deskbridge.localaws.template.UserPoolSpec pool : model.userPools().values()) {
            out.append("Cognito user pool ").append(pool.logicalId()).append(" (").append(pool.poolId())
                    .append("), played by the local OIDC issuer: clients ")
                    .append(pool.clients().stream().map(c -> c.logicalId() + "=" + c.clientId()).toList())
                    .append(", groups ").append(pool.groups())
                    .append(pool.preTokenGenerationFunction() == null ? ""
                            : ", pre-token trigger " + pool.preTokenGenerationFunction() + " (" + pool.preTokenGenerationVersion() + ")")
                    .append('\n');
        }
        if (!model.notEmulated().isEmpty()) {
            Map<String, List<String>> byType = new java.util.TreeMap<>();
            model.notEmulated().forEach((id, type) -> byType.computeIfAbsent(type, t -> new ArrayList<>()).add(id));
            out.append("Not emulated (no local part; ignored):");
            byType.forEach((type, ids) -> out.append(' ').append(type).append(ids.size() > 3 ? " x" + ids.size() : " " + ids)
                    .append(';'));
            out.append('\n');
        }
        return out.toString();
    }

    /** Stops pollers, schedules, the EventBridge endpoint, ElasticMQ and DynamoDB Local, and restores properties. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Runnable> steps = new ArrayList<>();
        pollers.forEach(p -> steps.add(p::close));
        steps.add(() -> {
            if (schedules != null) {
                schedules.close();
            }
        });
        steps.add(() -> {
            if (eventEndpoint != null) {
                eventEndpoint.close();
            }
        });
        steps.add(() -> {
            if (eventBridge != null) {
                eventBridge.close();
            }
        });
        steps.add(() -> {
            if (sqs != null) {
                sqs.close();
            }
        });
        steps.add(() -> {
            if (dynamo != null) {
                dynamo.close();
            }
        });
        steps.add(() -> {
            if (sqsServer != null) {
                sqsServer.close();
            }
        });
        steps.add(() -> {
            if (dynamoServer != null) {
                dynamoServer.close();
            }
        });
        steps.add(() -> {
            if (environment != null) {
                environment.restore();
            }
        });
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                log.println("[local-aws] shutdown step failed: " + e);
            }
        }
    }

    /** Configuration of a {@link LocalAwsStack}. */
    public static final class Builder {
        private Path templatePath;
        private SamTemplate template;
        private final Map<String, String> parameterOverrides = new LinkedHashMap<>();
        private String region = "eu-west-1";
        private String stackName = "local";
        private int dynamoDbPort;
        private int sqsPort;
        private int eventBridgePort;
        private Path dataDir;
        private Path sqsDataDir;
        private Integer visibilityTimeoutOverride;
        private HandlerFactory handlerFactory = HandlerFactory.reflective();
        private ClassLoader classLoader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : LocalAwsStack.class.getClassLoader();
        private boolean pollers = true;
        private boolean schedules = true;
        private boolean eagerHandlers;
        private URI s3Endpoint;
        private PrintStream log = System.out;
        private Clock clock = Clock.systemUTC();
        private double scheduleSpeedup = 1;

        private Builder() {
        }

        /**
         * @param path SAM template file
         * @return this
         */
        public Builder template(Path path) {
            this.templatePath = path;
            this.template = null;
            return this;
        }

        /**
         * @param loaded an already loaded template
         * @return this
         */
        public Builder template(SamTemplate loaded) {
            this.template = loaded;
            this.templatePath = null;
            return this;
        }

        /**
         * @param name parameter name
         * @param value value replacing its default
         * @return this
         */
        public Builder parameterOverride(String name, String value) {
            parameterOverrides.put(name, value);
            return this;
        }

        /**
         * @param overrides parameter values replacing the defaults
         * @return this
         */
        public Builder parameterOverrides(Map<String, String> overrides) {
            parameterOverrides.putAll(overrides);
            return this;
        }

        /**
         * @param value region (default eu-west-1)
         * @return this
         */
        public Builder region(String value) {
            this.region = value;
            return this;
        }

        /**
         * @param value AWS::StackName (default {@code local})
         * @return this
         */
        public Builder stackName(String value) {
            this.stackName = value;
            return this;
        }

        /**
         * @param port DynamoDB Local port, 0 (default) for a free one
         * @return this
         */
        public Builder dynamoDbPort(int port) {
            this.dynamoDbPort = port;
            return this;
        }

        /**
         * @param port ElasticMQ port, 0 (default) for a free one
         * @return this
         */
        public Builder sqsPort(int port) {
            this.sqsPort = port;
            return this;
        }

        /**
         * @param port EventBridge endpoint port, 0 (default) for a free one
         * @return this
         */
        public Builder eventBridgePort(int port) {
            this.eventBridgePort = port;
            return this;
        }

        /**
         * @param dir directory for a persistent DynamoDB Local database, null (default) for in-memory
         * @return this
         */
        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        /**
         * @param dir directory for ElasticMQ's persistent queues and messages (H2), null (default) for in-memory
         * @return this
         */
        public Builder sqsDataDir(Path dir) {
            this.sqsDataDir = dir;
            return this;
        }

        /**
         * @param seconds VisibilityTimeout for every queue (quick local redrive), null to keep the template's
         * @return this
         */
        public Builder visibilityTimeoutOverride(Integer seconds) {
            this.visibilityTimeoutOverride = seconds;
            return this;
        }

        /**
         * @param factory creates handler instances (default: public no-arg constructor)
         * @return this
         */
        public Builder handlerFactory(HandlerFactory factory) {
            this.handlerFactory = Objects.requireNonNull(factory);
            return this;
        }

        /**
         * @param loader class loader for handler classes (default: the thread's context class loader)
         * @return this
         */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = Objects.requireNonNull(loader);
            return this;
        }

        /**
         * @param on whether SQS event sources are polled (default true)
         * @return this
         */
        public Builder pollers(boolean on) {
            this.pollers = on;
            return this;
        }

        /**
         * @param on whether schedules run on timers (default true); {@link #fireSchedule} works either way
         * @return this
         */
        public Builder schedules(boolean on) {
            this.schedules = on;
            return this;
        }

        /**
         * @param on create every handler during start (fail fast) instead of on first invocation (default false)
         * @return this
         */
        public Builder eagerHandlers(boolean on) {
            this.eagerHandlers = on;
            return this;
        }

        /**
         * @param endpoint S3 endpoint (e.g. an S3Mock) published as AWS_ENDPOINT_URL_S3, or null
         * @return this
         */
        public Builder s3Endpoint(URI endpoint) {
            this.s3Endpoint = endpoint;
            return this;
        }

        /**
         * @param out where the stack and function logs go (default System.out)
         * @return this
         */
        public Builder log(PrintStream out) {
            this.log = Objects.requireNonNull(out);
            return this;
        }

        /**
         * @param value clock for schedules (default UTC system clock)
         * @return this
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value);
            return this;
        }

        /**
         * @param factor run schedule timers this many times faster than real time (default 1; for demos and tests,
         *               e.g. 120 makes {@code rate(1 minute)} fire every half second)
         * @return this
         */
        public Builder scheduleSpeedup(double factor) {
            this.scheduleSpeedup = factor;
            return this;
        }

        /** @return an unstarted stack */
        public LocalAwsStack build() {
            if (templatePath == null && template == null) {
                throw new IllegalStateException("a template (path or SamTemplate) is required");
            }
            return new LocalAwsStack(this);
        }

        /** @return a started stack */
        public LocalAwsStack start() {
            return build().start();
        }
    }
}
