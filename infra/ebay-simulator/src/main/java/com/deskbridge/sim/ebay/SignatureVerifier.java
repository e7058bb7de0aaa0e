package com.deskbridge.sim.ebay;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * eBay's side of "Digital Signatures for APIs" (https://developer.ebay.com/develop/guides/digital-signatures-for-apis):
 * checks the four headers an in-scope call for an EU/UK seller carries. {@code Content-Digest} must be the SHA-256 of
 * the body (RFC 9530, {@code sha-256=:…:}); {@code Signature-Input} must cover {@code content-digest} (when there is a
 * body), {@code x-ebay-signature-key}, {@code @method}, {@code @path} and {@code @authority} with a {@code created}
 * time; {@code Signature} must verify (RFC 9421 signature base) with the public key that belongs to the JWE in
 * {@code x-ebay-signature-key}: Ed25519, or RSASSA-PKCS1-v1_5 with SHA-256. Every check names what failed.
 */
final class SignatureVerifier {

    private static final Pattern INPUT = Pattern.compile("sig1=\\(([^)]*)\\)((?:;[a-z]+=[^;]+)*)");
    private static final Pattern SIGNATURE = Pattern.compile("sig1=:([A-Za-z0-9+/=]+):");
    private static final Duration MAX_AGE = Duration.ofMinutes(5);

    /** What the verifier needs to know about the request. */
    record SignedRequest(String method, String path, String authority, byte[] body, String contentDigest,
                         String signatureKey, String signatureInput, String signature) {}

    private SignatureVerifier() {
    }

    /** The reason the signature is not acceptable, or empty when it is. */
    static Optional<String> problem(SignedRequest r, PublicKey key, String algorithm, Instant now) {
        if (r.signatureKey == null || r.signatureInput == null || r.signature == null) {
            return Optional.of("x-ebay-signature-key, Signature-Input and Signature are required for this seller");
        }
        boolean hasBody = r.body != null && r.body.length > 0;
        if (hasBody) {
            if (r.contentDigest == null) {
                return Optional.of("Content-Digest is required when the request has a body");
            }
            String expected = "sha-256=:" + Base64.getEncoder().encodeToString(sha256(r.body)) + ":";
            if (!expected.equals(r.contentDigest.trim())) {
                return Optional.of("Content-Digest does not match the body");
            }
        }
        Matcher in = INPUT.matcher(r.signatureInput.trim());
        if (!in.matches()) {
            return Optional.of("Signature-Input is not of the form sig1=(...);created=...");
        }
        List<String> components = new ArrayList<>();
        for (String c : in.group(1).trim().split("\\s+")) {
            if (!c.startsWith("\"") || !c.endsWith("\"")) {
                return Optional.of("Signature-Input components must be quoted");
            }
            components.add(c.substring(1, c.length() - 1));
        }
        List<String> required = new ArrayList<>(List.of("x-ebay-signature-key", "@method", "@path", "@authority"));
        if (hasBody) {
            required.add("content-digest");
        }
        if (!components.containsAll(required)) {
            return Optional.of("Signature-Input must cover " + required);
        }
        Matcher created = Pattern.compile(";created=(\\d+)").matcher(in.group(2));
        if (!created.find()) {
            return Optional.of("Signature-Input lacks created");
        }
        Instant createdAt = Instant.ofEpochSecond(Long.parseLong(created.group(1)));
        if (Duration.between(createdAt, now).abs().compareTo(MAX_AGE) > 0) {
            return Optional.of("signature created " + createdAt + ", more than " + MAX_AGE.toMinutes() + " minutes from now");
        }
        StringBuilder base = new StringBuilder();
        for (String c : components) {
            String value = switch (c) {
                case "@method" -> r.method;
                case "@path" -> r.path;
                case "@authority" -> r.authority.toLowerCase(java.util.Locale.ROOT);
                case "content-digest" -> r.contentDigest == null ? null : r.contentDigest.trim();
                case "x-ebay-signature-key" -> r.signatureKey.trim();
                default -> null;
            };
            if (value == null) {
                return Optional.of("cannot sign component " + c);
            }
            base.append('"').append(c).append("\": ").append(value).append('\n');
        }
        base.append("\"@signature-params\": ").append(r.signatureInput.trim().substring("sig1=".length()));
        Matcher sig = SIGNATURE.matcher(r.signature.trim());
        if (!sig.matches()) {
            return Optional.of("Signature is not of the form sig1=:base64:");
        }
        try {
            Signature verifier = Signature.getInstance(algorithm.equals("RSA") ? "SHA256withRSA" : "Ed25519");
            verifier.initVerify(key);
            verifier.update(base.toString().getBytes(StandardCharsets.UTF_8));
            if (!verifier.verify(Base64.getDecoder().decode(sig.group(1)))) {
                return Optional.of("Signature does not verify with the key of x-ebay-signature-key");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.of("Signature cannot be verified: " + e.getClass().getSimpleName());
        }
        return Optional.empty();
    }

    static PublicKey publicKey(String algorithm, String base64X509) {
        try {
            return KeyFactory.getInstance(algorithm.equals("RSA") ? "RSA" : "Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64X509)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("fixture signingPublicKey is not a " + algorithm + " X.509 key", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
