package com.deskbridge.localaws;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the project root (the directory with template.yaml and the parent pom.xml): system property
 * {@code deskbridge.root} (surefire sets it), else walking up from user.dir. Amazon's published reference data
 * lives beside it, in {@code ../shared/reference}; it is not part of the repository.
 */
public final class ProjectRoot {
    private ProjectRoot() {
    }

    public static Path find() {
        String property = System.getProperty("deskbridge.root");
        if (property != null && Files.isRegularFile(Path.of(property, "template.yaml"))) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("project root with template.yaml not found from " + System.getProperty("user.dir"));
    }

    /** {@code ../shared/reference} beside the project root, when it is there. */
    public static Optional<Path> sharedReference() {
        Path reference = find().resolve("../shared/reference").normalize();
        return Files.isDirectory(reference) ? Optional.of(reference) : Optional.empty();
    }
}
