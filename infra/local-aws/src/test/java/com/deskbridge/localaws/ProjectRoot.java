package com.deskbridge.localaws;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project root: system property deskbridge.root (set by surefire), else walks up from user.dir. */
final class ProjectRoot {
    private ProjectRoot() {
    }

    static Path find() {
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
}
