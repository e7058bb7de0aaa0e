package com.deskbridge.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * DEVELOPERS.md's module table ("Where things live") matches the POMs: every module of the reactor is in exactly one
 * row, every Deskbridge module a row's POMs depend on (any scope) is named in its "depends on" cell, and every module
 * the cell names is a dependency of one of the row's modules.
 */
class ModuleTableTest {
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");
    private static final Pattern WORD = Pattern.compile("[a-z0-9][a-z0-9-]*");

    @Test
    void theModuleTableNamesEveryModuleAndEveryDeskbridgeDependencyOfItsPom() throws IOException {
        Path root = ProjectRoot.find();
        Map<String, String> nameOfArtifact = new LinkedHashMap<>();
        Map<String, String> pomOf = new LinkedHashMap<>();
        Matcher modules = MODULE.matcher(Files.readString(root.resolve("pom.xml")));
        while (modules.find()) {
            String path = modules.group(1).trim();
            String pom = Files.readString(root.resolve(path).resolve("pom.xml"));
            pomOf.put(path, pom);
            nameOfArtifact.put(artifactId(pom), shortName(path));
        }
        Map<String, Set<String>> depsOf = new LinkedHashMap<>();
        pomOf.forEach((path, pom) -> {
            Set<String> deps = new TreeSet<>();
            Matcher d = DEPENDENCY.matcher(pom.replaceAll("(?s)<build>.*</build>", ""));
            while (d.find()) {
                if (d.group(1).contains("<groupId>com.deskbridge</groupId>")) {
                    Matcher a = ARTIFACT.matcher(d.group(1));
                    if (a.find() && nameOfArtifact.containsKey(a.group(1))) {
                        deps.add(nameOfArtifact.get(a.group(1)));
                    }
                }
            }
            depsOf.put(shortName(path), deps);
        });

        List<String> problems = new ArrayList<>();
        Map<String, Integer> rowsOf = new LinkedHashMap<>();
        for (String line : table(root)) {
            String[] cells = line.split("\\|");
            List<String> rowModules = rowModules(cells[1]);
            Set<String> mentioned = new TreeSet<>();
            Matcher w = WORD.matcher(cells[3].toLowerCase());
            while (w.find()) {
                if (depsOf.containsKey(w.group())) {
                    mentioned.add(w.group());
                }
            }
            Set<String> needed = new TreeSet<>();
            for (String module : rowModules) {
                rowsOf.merge(module, 1, Integer::sum);
                if (!depsOf.containsKey(module)) {
                    problems.add("the table names " + module + ", which is not a module of the reactor");
                    continue;
                }
                for (String dep : depsOf.get(module)) {
                    needed.add(dep);
                    if (!mentioned.contains(dep)) {
                        problems.add(module + " depends on " + dep + " (its pom.xml), which its row does not list");
                    }
                }
            }
            for (String name : mentioned) {
                if (!needed.contains(name) && !rowModules.contains(name)) {
                    problems.add("the row of " + rowModules + " lists " + name + ", which none of their POMs depends on");
                }
            }
        }
        for (String module : depsOf.keySet()) {
            if (rowsOf.getOrDefault(module, 0) != 1) {
                problems.add(module + " is in " + rowsOf.getOrDefault(module, 0) + " rows of the table (should be 1)");
            }
        }
        assertThat(problems).as("DEVELOPERS.md's module table against the POMs").isEmpty();
    }

    /** The table's body rows. */
    private static List<String> table(Path root) throws IOException {
        List<String> rows = new ArrayList<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(root.resolve("DEVELOPERS.md"))) {
            if (line.startsWith("## ")) {
                inSection = line.equals("## Where things live");
            } else if (inSection && line.startsWith("| `")) {
                rows.add(line);
            }
        }
        assertThat(rows).as("rows of DEVELOPERS.md's \"Where things live\" table").isNotEmpty();
        return rows;
    }

    /** `functions/intake`, `api`, `sender`: a bare name has the folder of the row's first module. */
    private static List<String> rowModules(String cell) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("`([a-z0-9/-]+)`").matcher(cell);
        while (m.find()) {
            names.add(shortName(m.group(1)));
        }
        return names;
    }

    private static String shortName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String artifactId(String pom) {
        Matcher m = ARTIFACT.matcher(pom.replaceAll("(?s)<parent>.*?</parent>", ""));
        if (!m.find()) {
            throw new IllegalStateException("a pom.xml without artifactId");
        }
        return m.group(1);
    }
}
