package com.deskbridge.localaws.s3;

import com.adobe.testing.s3mock.S3MockApplication;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** S3Mock (a Spring Boot S3 emulator) in-process on 127.0.0.1, with an SDK client for it: the local raw-mail bucket and S3 tests. */
public final class LocalS3 implements AutoCloseable {
    private final S3MockApplication app;
    private final URI endpoint;
    private final S3Client client;

    private LocalS3(S3MockApplication app, URI endpoint, String region) {
        this.app = app;
        this.endpoint = endpoint;
        this.client = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    /** S3Mock whose objects are deleted when it stops. */
    public static LocalS3 start(int port, Path root, String region) {
        return start(port, root, region, false);
    }

    /**
     * @param port 0 for a free port
     * @param root where objects are kept
     * @param retainFiles keep the objects in {@code root} after stop (a persistent local data directory)
     */
    @SuppressWarnings("removal") // S3Mock 4.x deprecates the port getter; it is the only race-free way to learn it
    public static LocalS3 start(int port, Path root, String region, boolean retainFiles) {
        // S3MockApplication consumes entries of the map it is given: it must be mutable.
        Map<String, Object> props = new HashMap<>(Map.ofEntries(
                Map.entry(S3MockApplication.PROP_HTTP_PORT, port == 0 ? S3MockApplication.RANDOM_PORT : port),
                Map.entry(S3MockApplication.PROP_HTTPS_PORT, S3MockApplication.RANDOM_PORT),
                Map.entry(S3MockApplication.PROP_ROOT_DIRECTORY, root.toString()),
                Map.entry(S3MockApplication.PROP_SILENT, true),
                Map.entry("com.adobe.testing.s3mock.region", region),
                Map.entry("server.address", LoopbackConnectors.ADDRESS),
                // the plain-HTTP connector ignores server.address: this puts it on loopback too
                Map.entry("spring.main.sources", LoopbackConnectors.class.getName()),
                Map.entry("com.adobe.testing.s3mock.store.retainFilesOnExit", retainFiles),
                Map.entry("spring.main.banner-mode", "off"),
                Map.entry("spring.main.log-startup-info", false),
                // The runner stops S3Mock itself, in order; Spring's own hook would race it.
                Map.entry("spring.main.register-shutdown-hook", false)));
        S3MockApplication app = S3MockApplication.start(props);
        return new LocalS3(app, URI.create("http://127.0.0.1:" + app.getHttpPort()), region);
    }

    public void createBuckets(List<String> names) {
        for (String name : names) {
            if (client.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(name))) {
                client.createBucket(b -> b.bucket(name));
            }
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public S3Client client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        app.stop();
    }
}
