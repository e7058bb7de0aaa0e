package com.deskbridge.spapi;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates /work/shared/reference (beside the project); tests that need it are skipped when it is absent. */
final class Reference {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Reference() {
    }

    static Path spApi() {
        Path ref = Path.of(System.getProperty("deskbridge.root", ".")).toAbsolutePath().normalize()
                .resolveSibling("shared").resolve("reference");
        assumeTrue(Files.isDirectory(ref.resolve("sp-api")), "…/shared/reference not found: " + ref);
        return ref.resolve("sp-api");
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
