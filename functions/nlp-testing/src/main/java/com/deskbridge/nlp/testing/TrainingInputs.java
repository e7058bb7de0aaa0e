package com.deskbridge.nlp.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The up-to-date check of a build-time trainer: a SHA-256 of everything a model is trained from, kept in a stamp
 * file in the module's target/ beside the model, so that a build retrains only when an input changed. The inputs
 * are the corpus files, the trainer's classpath (the compiled classes and resources of the trainer, the feature
 * code and the training library, by content: a class file that was recompiled to the same bytes changes nothing;
 * released jars in the local Maven repository by their versioned path; the trained models themselves,
 * {@code *.bin}, are left out), the tuning system properties and the Java version. A clean checkout has no stamp
 * and trains; {@code -Dnlp.retrain=true} trains anyway.
 */
public final class TrainingInputs {
    private final String digest;
    private final Path stamp;

    private TrainingInputs(String digest, Path stamp) {
        this.digest = digest;
        this.stamp = stamp;
    }

    /**
     * The inputs of a trainer: {@code corpusFiles}, the classpath that loaded {@code trainer}, the system properties
     * whose names start with one of {@code propertyPrefixes}, and {@code arguments}.
     */
    public static TrainingInputs of(Path stamp, Class<?> trainer, List<Path> corpusFiles, List<String> propertyPrefixes,
                                    List<String> arguments) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            update(sha, "deskbridge-training-inputs/1 java " + Runtime.version().feature());
            for (String a : arguments) {
                update(sha, "arg " + a);
            }
            Map<String, String> properties = new TreeMap<>();
            System.getProperties().forEach((k, v) -> {
                if (propertyPrefixes.stream().anyMatch(p -> k.toString().startsWith(p))) {
                    properties.put(k.toString(), v.toString());
                }
            });
            properties.forEach((k, v) -> update(sha, "property " + k + "=" + v));
            for (Path f : corpusFiles.stream().sorted().toList()) {
                update(sha, "corpus " + f.getFileName());
                sha.update(Files.readAllBytes(f));
            }
            for (String element : classpath(trainer)) {
                hashElement(sha, element);
            }
            return new TrainingInputs(HexFormat.of().formatHex(sha.digest()), stamp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The corpus files of a directory: its *.jsonl, or none when it does not exist. */
    public static List<Path> jsonl(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The hex SHA-256 of the inputs. */
    public String digest() {
        return digest;
    }

    /**
     * True when the stamp holds this digest and every output exists: the model was trained from exactly these
     * inputs. Always false with {@code -Dnlp.retrain=true}.
     */
    public boolean upToDate(List<Path> outputs) {
        if (Boolean.getBoolean("nlp.retrain") || !Files.isRegularFile(stamp)) {
            return false;
        }
        try {
            return Files.readString(stamp, StandardCharsets.UTF_8).strip().equals(digest)
                    && outputs.stream().allMatch(Files::isRegularFile);
        } catch (IOException e) {
            return false;
        }
    }

    /** Records that the outputs were trained from these inputs (after they were written). */
    public void record() {
        try {
            Files.createDirectories(stamp.getParent());
            Files.writeString(stamp, digest + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> classpath(Class<?> trainer) {
        List<String> out = new ArrayList<>();
        for (ClassLoader cl = trainer.getClassLoader(); cl != null; cl = cl.getParent()) {
            if (cl instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    try {
                        out.add(Path.of(url.toURI()).toString());
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        out.add(url.toString());
                    }
                }
            }
        }
        for (String e : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            if (!e.isBlank()) {
                out.add(e);
            }
        }
        return out;
    }

    private static void hashElement(MessageDigest sha, String element) throws IOException {
        Path p = Path.of(element);
        if (Files.isDirectory(p)) {
            update(sha, "dir");
            List<Path> files;
            try (Stream<Path> walk = Files.walk(p)) {
                files = walk.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".bin"))
                        .sorted(Comparator.comparing(f -> p.relativize(f).toString())).toList();
            }
            for (Path f : files) {
                update(sha, p.relativize(f).toString().replace('\\', '/'));
                sha.update(Files.readAllBytes(f));
            }
        } else if (Files.isRegularFile(p) && element.endsWith(".jar")) {
            String repository = Path.of(System.getProperty("user.home"), ".m2", "repository").toString();
            if (element.startsWith(repository) && !element.contains("-SNAPSHOT")) {
                update(sha, "released " + Path.of(repository).relativize(p).toString().replace('\\', '/'));
                return;
            }
            update(sha, "jar");
            try (JarFile jar = new JarFile(p.toFile())) {
                List<JarEntry> entries = jar.stream().filter(e -> !e.isDirectory())
                        .filter(e -> !e.getName().endsWith(".bin")).sorted(Comparator.comparing(JarEntry::getName))
                        .toList();
                for (JarEntry e : entries) {
                    update(sha, e.getName());
                    try (InputStream in = jar.getInputStream(e)) {
                        sha.update(in.readAllBytes());
                    }
                }
            }
        } else {
            update(sha, "other " + element);
        }
    }

    private static void update(MessageDigest sha, String s) {
        sha.update(s.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }
}
