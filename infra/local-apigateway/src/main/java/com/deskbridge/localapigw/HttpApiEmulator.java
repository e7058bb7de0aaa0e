package com.deskbridge.localapigw;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A local emulator of an Amazon API Gateway HTTP API with Lambda proxy integrations (payload format 2.0), an optional
 * JWT authorizer backed by a built-in {@link LocalJwtIssuer}, and an optional CORS configuration.
 *
 * <p>It listens on 127.0.0.1 only, serves requests from a thread pool, converts each request into an
 * {@link APIGatewayV2HTTPEvent} and the handler's {@link APIGatewayV2HTTPResponse} back into HTTP. Gateway errors use
 * API Gateway's bodies: {@code 404 {"message":"Not Found"}}, {@code 401 {"message":"Unauthorized"}},
 * {@code 403 {"message":"Forbidden"}}, {@code 500 {"message":"Internal Server Error"}}.
 *
 * <pre>{@code
 * try (HttpApiEmulator api = HttpApiEmulator.builder()
 *         .route("GET", "/tickets/{id}", event -> ...)
 *         .jwtAuthorizer(List.of("my-audience"))
 *         .build()
 *         .start()) {
 *     String token = api.issuer().mint("agent-1", Map.of(), Duration.ofHours(1));
 * }
 * }</pre>
 */
public final class HttpApiEmulator implements AutoCloseable {
    static {
        // The JDK's HTTP server waits for Nagle + delayed ACK (~40 ms) on small responses unless told otherwise; it
        // reads this once, when the first server of the JVM starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }


    /** API Gateway's payload limit for HTTP APIs. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private static final System.Logger LOG = System.getLogger(HttpApiEmulator.class.getName());

    private final int requestedPort;
    private final int threads;
    private final Clock clock;
    private final RouteTable routes;
    private final RequestMapper mapper;
    private final LocalJwtIssuer issuer;
    private final JwtAuthorizer authorizer;
    private final CorsPolicy cors;
    private final IssuerEndpoints issuerEndpoints;
    private final OidcEndpoints oidc;

    private HttpServer server;
    private ExecutorService executor;
    private volatile String baseUrl;
    private volatile boolean closed;

    private HttpApiEmulator(Builder b) {
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.requestedPort = b.port;
        this.threads = b.threads;
        this.clock = b.clock;
        this.routes = RouteTable.of(b.routes);
        this.mapper = new RequestMapper(b.apiId, b.accountId, b.stageVariables);
        this.issuer = LocalJwtIssuer.create(b.keyFile, b.audiences == null ? List.of() : b.audiences, b.clock,
                b.userPool == null ? null : b.userPool.poolId());
        this.authorizer = b.audiences == null ? null : new JwtAuthorizer(issuer, b.audiences, b.clock, json);
        this.cors = b.cors == null ? null : new CorsPolicy(b.cors);
        this.oidc = b.userPool == null ? null : new OidcEndpoints(issuer, b.userPool, b.clock, json);
        this.issuerEndpoints = new IssuerEndpoints(issuer, json, oidc);
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds 127.0.0.1 on the configured port and starts serving.
     *
     * @return this emulator
     * @throws IllegalStateException if already started or closed
     * @throws UncheckedIOException  if the port cannot be bound
     */
    public synchronized HttpApiEmulator start() {
        if (server != null || closed) {
            throw new IllegalStateException("the emulator can be started once");
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind 127.0.0.1:" + requestedPort, e);
        }
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "local-apigw-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        issuer.bindTo(baseUrl);
        server.start();
        LOG.log(System.Logger.Level.INFO, "Local HTTP API listening on {0}", baseUrl);
        return this;
    }

    /**
     * Base URL, e.g. {@code http://127.0.0.1:49152}.
     *
     * @return the base URL
     * @throws IllegalStateException before {@link #start()}
     */
    public String baseUrl() {
        String url = baseUrl;
        if (url == null) {
            throw new IllegalStateException("not started");
        }
        return url;
    }

    /**
     * Bound port (the actual one when port 0 was requested).
     *
     * @return the port
     * @throws IllegalStateException before {@link #start()}
     */
    public int port() {
        return java.net.URI.create(baseUrl()).getPort();
    }

    /**
     * The local token issuer the JWT authorizer trusts.
     *
     * @return the issuer
     */
    public LocalJwtIssuer issuer() {
        return issuer;
    }

    /**
     * Signs a user in to the user pool the issuer plays, as its managed login does (the pre-token-generation trigger
     * included), without the browser round trip: for the runner's demo token and for tests.
     *
     * @param clientId the app client
     * @param username the user (also the {@code sub})
     * @param sellerId the user's {@code custom:seller_id}, or null
     * @param groups   the user's groups
     * @return the access token
     * @throws IllegalStateException when the emulator plays no user pool, or the trigger refuses the sign-in
     */
    public String signIn(String clientId, String username, String sellerId, List<String> groups) {
        if (oidc == null) {
            throw new IllegalStateException("the local issuer plays no user pool (HttpApiEmulator.Builder.userPool)");
        }
        return oidc.signIn(clientId, username, sellerId, groups).accessToken();
    }

    /** Stops accepting requests, ends in-flight exchanges and the worker threads. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (server != null) {
            server.stop(0);
            executor.shutdown();
            try {
                if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    private void handle(HttpExchange ex) {
        String requestId = GatewayIds.requestId();
        String method = ex.getRequestMethod();
        try (ex) {
            GatewayResponse response;
            try {
                response = respond(ex, requestId);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "Request " + requestId + " failed", e);
                response = GatewayResponse.message(500, "Internal Server Error");
            }
            ResponseWriter.write(ex, method, response.withHeader("apigw-requestid", requestId));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Client went away during request " + requestId, e);
        }
    }

    private GatewayResponse respond(HttpExchange ex, String requestId) throws IOException {
        String method = ex.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
        String origin = ex.getRequestHeaders().getFirst("Origin");
        if (cors != null && CorsPolicy.isPreflight(method, origin,
                ex.getRequestHeaders().getFirst("Access-Control-Request-Method"))) {
            return cors.preflight(origin);
        }
        Optional<byte[]> body = readBody(ex.getRequestBody());
        GatewayResponse response;
        if (body.isEmpty()) {
            response = GatewayResponse.message(413, "Request Entity Too Large");
        } else if (IssuerEndpoints.owns(ex.getRequestURI().getRawPath())) {
            response = issuerEndpoints.handle(method, ex.getRequestURI().getRawPath(), ex.getRequestURI().getRawQuery(),
                    body.get());
        } else {
            Instant received = clock.instant();
            response = route(RequestMapper.Incoming.of(ex, body.get(), requestId, received));
        }
        return cors == null ? response : cors.decorate(response, origin);
    }

    private GatewayResponse route(RequestMapper.Incoming in) {
        Optional<RouteTable.Match> match = routes.select(in.method(), in.rawPath());
        if (match.isEmpty()) {
            return GatewayResponse.message(404, "Not Found");
        }
        Route route = match.get().route();
        JWT jwt = null;
        if (authorizer != null && route.auth().useAuthorizer()) {
            JwtAuthorizer.Result result = authorizer.authorize(in.header("Authorization"), route.auth().scopes());
            if (!result.allowed()) {
                return GatewayResponse.message(result.status(), result.status() == 403 ? "Forbidden" : "Unauthorized")
                        .withHeader("www-authenticate", result.wwwAuthenticate());
            }
            jwt = result.jwt();
        }
        APIGatewayV2HTTPEvent event = mapper.toEvent(in, match.get(), jwt);
        try {
            return LambdaResponses.toGatewayResponse(route.handler().apply(event));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Handler for " + route.routeKey() + " failed (request "
                    + in.requestId() + ")", e);
            return GatewayResponse.message(500, "Internal Server Error");
        }
    }

    /** Reads the body, or returns empty when it exceeds {@link #MAX_BODY_BYTES}. */
    private static Optional<byte[]> readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        return bytes.length > MAX_BODY_BYTES ? Optional.empty() : Optional.of(bytes);
    }

    /** Configures an {@link HttpApiEmulator}. Not thread-safe. */
    public static final class Builder {

        private int port;
        private int threads = 16;
        private Clock clock = Clock.systemUTC();
        private final List<Route> routes = new ArrayList<>();
        private List<String> audiences;
        private CorsConfig cors;
        private Path keyFile;
        private String apiId = "local";
        private String accountId = "000000000000";
        private Map<String, String> stageVariables = Map.of();
        private LocalUserPool userPool;

        private Builder() {
        }

        /**
         * Makes the local issuer play a Cognito user pool: issuer {@code <base>/local-issuer/<poolId>}, a discovery
         * document in Cognito's shape, and the pool's managed login ({@code /local-issuer/oauth2/authorize},
         * {@code /login}, {@code /oauth2/token}, {@code /logout}: authorization code with PKCE S256) minting tokens in
         * Cognito's formats. {@code POST /local-issuer/token} stays.
         *
         * @param pool the pool, or null (default) for the plain development issuer
         * @return this builder
         */
        public Builder userPool(LocalUserPool pool) {
            this.userPool = pool;
            return this;
        }

        /**
         * Port to bind on 127.0.0.1; 0 (the default) picks a free one.
         *
         * @param port 0..65535
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Adds a route protected by the API's JWT authorizer when one is configured.
         *
         * @param method  GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or ANY (ignored for {@code $default})
         * @param path    a path such as {@code /tickets/{id}} or {@code /files/{proxy+}}, or {@code $default}
         * @param handler the Lambda handler function
         * @return this builder
         */
        public Builder route(String method, String path,
                             Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
            return route(method, path, handler, RouteAuth.jwt());
        }

        /**
         * Adds a route with explicit authorization (public, or with required scopes).
         *
         * @param method  GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or ANY (ignored for {@code $default})
         * @param path    a path such as {@code /tickets/{id}} or {@code /files/{proxy+}}, or {@code $default}
         * @param handler the Lambda handler function
         * @param auth    the route's authorization
         * @return this builder
         */
        public Builder route(String method, String path,
                             Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, RouteAuth auth) {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(handler, "handler");
            Objects.requireNonNull(auth, "auth");
            if (path.equals(Route.DEFAULT_KEY)) {
                routes.add(new Route(Route.ANY, null, handler, auth));
            } else {
                RouteTemplate template = RouteTemplate.parse(path);
                if (template.path().startsWith(LocalJwtIssuer.PATH + "/") || template.path().equals(LocalJwtIssuer.PATH)) {
                    throw new IllegalArgumentException(LocalJwtIssuer.PATH + " is reserved for the local issuer");
                }
                routes.add(new Route(RouteTable.normaliseMethod(Objects.requireNonNull(method, "method")),
                        template, handler, auth));
            }
            return this;
        }

        /**
         * Enables the JWT authorizer with the local issuer. {@code null} disables authorization.
         *
         * @param audiences accepted audiences ({@code aud}, or {@code client_id} when a token has no {@code aud})
         * @return this builder
         */
        public Builder jwtAuthorizer(List<String> audiences) {
            if (audiences != null && audiences.isEmpty()) {
                throw new IllegalArgumentException("a JWT authorizer needs at least one audience");
            }
            this.audiences = audiences == null ? null : List.copyOf(audiences);
            return this;
        }

        /**
         * Enables CORS handling. {@code null} disables it.
         *
         * @param cors the CORS configuration
         * @return this builder
         */
        public Builder cors(CorsConfig cors) {
            this.cors = cors;
            return this;
        }

        /**
         * Persists the issuer's RSA key (a private JWK, owner-readable only) so tokens survive restarts on the same
         * port. The file is created on first use.
         *
         * @param keyFile where to keep the key
         * @return this builder
         */
        public Builder keyFile(Path keyFile) {
            this.keyFile = keyFile;
            return this;
        }

        /**
         * Value of {@code requestContext.apiId} (default {@code local}).
         *
         * @param apiId the API id
         * @return this builder
         */
        public Builder apiId(String apiId) {
            this.apiId = Objects.requireNonNull(apiId, "apiId");
            return this;
        }

        /**
         * Value of {@code requestContext.accountId} (default {@code 000000000000}).
         *
         * @param accountId the account id
         * @return this builder
         */
        public Builder accountId(String accountId) {
            this.accountId = Objects.requireNonNull(accountId, "accountId");
            return this;
        }

        /**
         * Stage variables of the {@code $default} stage, passed as {@code stageVariables}.
         *
         * @param stageVariables the variables; empty means the field is absent, as in API Gateway
         * @return this builder
         */
        public Builder stageVariables(Map<String, String> stageVariables) {
            this.stageVariables = new LinkedHashMap<>(Objects.requireNonNull(stageVariables, "stageVariables"));
            return this;
        }

        /**
         * Number of worker threads serving requests (default 16).
         *
         * @param threads at least 1
         * @return this builder
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
            this.threads = threads;
            return this;
        }

        /**
         * Clock used for token times and request timestamps (default: system UTC clock).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the emulator; the signing key is generated or loaded here.
         *
         * @return a new, not yet started emulator
         */
        public HttpApiEmulator build() {
            return new HttpApiEmulator(this);
        }
    }
}
