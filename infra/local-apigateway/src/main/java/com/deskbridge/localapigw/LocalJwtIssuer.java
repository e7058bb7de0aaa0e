package com.deskbridge.localapigw;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The emulator's own development identity provider: an RSA-2048 key pair and an issuer URL
 * ({@code <baseUrl>/local-issuer}, or {@code <baseUrl>/local-issuer/<poolId>} when it plays a Cognito user pool, see
 * {@link LocalUserPool}) that the JWT authorizer trusts. It mints RS256 tokens for local use only.
 *
 * <p>The key is generated in memory at start, or loaded from (and on first use written to) a key file so that tokens
 * survive restarts. Tokens carry the issuer URL, which contains the port, so they survive a restart only on the same
 * port.
 */
public final class LocalJwtIssuer {

    /** Path of the issuer below the emulator's base URL. */
    public static final String PATH = "/local-issuer";

    private final RSAKey key;
    private final RSASSASigner signer;
    private final List<String> audiences;
    private final Clock clock;
    private final String poolId;
    private volatile String issuerUrl;

    private LocalJwtIssuer(RSAKey key, List<String> audiences, Clock clock, String poolId) {
        this.key = key;
        this.audiences = List.copyOf(audiences);
        this.clock = clock;
        this.poolId = poolId;
        try {
            this.signer = new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("unusable RSA signing key", e);
        }
    }

    static LocalJwtIssuer create(Path keyFile, List<String> audiences, Clock clock, String poolId) {
        RSAKey key = keyFile == null ? generate() : loadOrCreate(keyFile);
        return new LocalJwtIssuer(key, audiences, clock, poolId);
    }

    void bindTo(String baseUrl) {
        this.issuerUrl = baseUrl + issuerPath();
    }

    /** The issuer's path: {@code /local-issuer}, or {@code /local-issuer/<poolId>} when it plays a user pool. */
    String issuerPath() {
        return poolId == null ? PATH : PATH + "/" + poolId;
    }

    /**
     * Issuer URL, the value of the {@code iss} claim the authorizer requires.
     *
     * @return the issuer URL
     * @throws IllegalStateException before the emulator has started
     */
    public String issuerUrl() {
        String url = issuerUrl;
        if (url == null) {
            throw new IllegalStateException("the issuer URL is known once the emulator has started");
        }
        return url;
    }

    /**
     * Key id ({@code kid}) of the signing key: its RFC 7638 thumbprint.
     *
     * @return the key id
     */
    public String keyId() {
        return key.getKeyID();
    }

    /**
     * Audiences the authorizer accepts; the first one is put into minted tokens.
     *
     * @return the configured audiences, possibly empty
     */
    public List<String> audiences() {
        return audiences;
    }

    /**
     * Public key set, as served at {@code /local-issuer/.well-known/jwks.json}.
     *
     * @return the JWK set holding the public key only
     */
    public JWKSet publicJwkSet() {
        return new JWKSet(key.toPublicJWK());
    }

    RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Mints a signed RS256 access token.
     *
     * <p>Standard claims: {@code iss}, {@code sub}, {@code aud} (first configured audience, if any), {@code iat},
     * {@code exp} and {@code jti}. Extra claims are added after them and may override any of them, which lets tests
     * mint tokens for another audience or issuer. A negative {@code ttl} mints an already expired token.
     *
     * @param subject     the {@code sub} claim
     * @param extraClaims further claims (strings, numbers, booleans, lists, maps), may be null
     * @param ttl         lifetime of the token
     * @return the compact serialised JWT
     */
    public String mint(String subject, Map<String, Object> extraClaims, Duration ttl) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("subject is required");
        }
        Objects.requireNonNull(ttl, "ttl");
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuerUrl())
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString());
        if (!audiences.isEmpty()) {
            claims.audience(audiences.get(0));
        }
        if (extraClaims != null) {
            extraClaims.forEach(claims::claim);
        }
        return sign(claims.build());
    }

    /**
     * Signs exactly these claims (RS256, this issuer's key id): for tokens whose every claim the caller decides, such as
     * Cognito's access tokens, which carry no {@code aud}.
     *
     * @param claims the claims set
     * @return the compact serialised JWT
     */
    String sign(JWTClaimsSet claims) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId()).type(JOSEObjectType.JWT).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign token", e);
        }
        return jwt.serialize();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate an RSA key", e);
        }
    }

    private static RSAKey loadOrCreate(Path keyFile) {
        try {
            if (Files.exists(keyFile)) {
                return load(keyFile);
            }
            RSAKey key = generate();
            write(keyFile, key);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot persist the signing key at " + keyFile, e);
        }
    }

    private static RSAKey load(Path keyFile) {
        try {
            RSAKey key = RSAKey.parse(Files.readString(keyFile, StandardCharsets.UTF_8));
            if (!key.isPrivate()) {
                throw new IllegalStateException("key file holds no private key: " + keyFile);
            }
            return key.getKeyID() != null ? key
                    : new RSAKey.Builder(key).keyIDFromThumbprint().build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signing key at " + keyFile, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("key file is not an RSA JWK: " + keyFile, e);
        }
    }

    private static void write(Path keyFile, RSAKey key) throws IOException {
        Path dir = keyFile.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".local-issuer", ".tmp");
        try {
            restrictToOwner(tmp);
            Files.writeString(tmp, key.toJSONString(), StandardCharsets.UTF_8);
            Files.move(tmp, keyFile, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
