package com.deskbridge.nlp.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the labelled corpora (JSON Lines, UTF-8, one object per line; blank lines skipped) with Jackson, and checks
 * a frozen split against its {@code SHA256SUMS} file. A malformed line fails naming the file and line.
 */
public final class Corpora {
    /** The marketplace languages, in reporting order. */
    public static final List<String> LANGUAGES = List.of("en", "de", "fr", "it", "es", "nl", "pl", "sv");
    /** The reporting group of messages that mix languages. */
    public static final String MIXED = "mixed";
    /** The reporting groups: every language, then mixed. */
    public static final List<String> GROUPS = Stream.concat(LANGUAGES.stream(), Stream.of(MIXED)).toList();

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Corpora() {
    }

    /** Every record of every {@code *.jsonl} file directly in {@code dir}, files in name order. */
    public static <T> List<T> readDirectory(Path dir, Class<T> type) {
        List<T> all = new ArrayList<>();
        for (Path file : jsonLinesFiles(dir)) {
            all.addAll(read(file, type));
        }
        return all;
    }

    /** The records of one file. */
    public static <T> List<T> read(Path file, Class<T> type) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The records of a stream (not closed), {@code name} for error messages. */
    public static <T> List<T> read(InputStream in, String name, Class<T> type) {
        List<T> records = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    records.add(MAPPER.readValue(line, type));
                } catch (IOException | IllegalArgumentException e) {
                    throw new IllegalArgumentException(name + " line " + lineNo + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }

    /**
     * Checks that {@code dir/SHA256SUMS} ("hex  file" per line, as sha256sum writes it) lists exactly the
     * directory's {@code *.jsonl} files and that each hash matches; throws IllegalStateException naming what differs.
     */
    public static void verifyChecksums(Path dir) {
        Path sums = dir.resolve("SHA256SUMS");
        if (!Files.isRegularFile(sums)) {
            throw new IllegalStateException(sums + " is missing: the frozen split cannot be verified");
        }
        Map<String, String> expected = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(sums, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.trim().split("\\s+\\*?", 2);
                expected.put(parts[1].trim(), parts[0].toLowerCase(java.util.Locale.ROOT));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> present = jsonLinesFiles(dir).stream().map(p -> p.getFileName().toString()).toList();
        if (!present.equals(new ArrayList<>(new java.util.TreeSet<>(expected.keySet())))) {
            throw new IllegalStateException(dir + " holds " + present + " but SHA256SUMS lists " + expected.keySet());
        }
        expected.forEach((file, hash) -> {
            String actual = sha256(dir.resolve(file));
            if (!actual.equals(hash)) {
                throw new IllegalStateException(dir.resolve(file) + " has SHA-256 " + actual + ", SHA256SUMS says " + hash
                        + ": the frozen split was changed");
            }
        });
    }

    /** The hex SHA-256 of a file. */
    public static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> jsonLinesFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void require(String value, String field, String id) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("record " + id + ": " + field + " is required");
        }
    }
}
