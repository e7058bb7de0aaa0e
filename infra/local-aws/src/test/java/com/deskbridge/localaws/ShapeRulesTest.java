package com.deskbridge.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape rules of issue 16 for the production code of the functions ({@code functions/*}{@code /src/main/java}),
 * measured on the JDK's own Java parser (javac's tree API, parse only), so that nested records and classes, strings,
 * text blocks and comments count as what they are:
 * <ul>
 *   <li>no top-level class over {@value #CLASS_LINES} lines (declaration to closing brace, nested types included);</li>
 *   <li>no method or constructor over {@value #METHOD_LINES} lines (a nested type's methods count on their own);</li>
 *   <li>no Lambda handler's request method over {@value #HANDLER_LINES} lines: every {@code handleRequest} and every
 *       method template.yaml names as a {@code Handler}.</li>
 * </ul>
 * The largest of each are printed, so that a report can quote them.
 */
class ShapeRulesTest {
    static final int CLASS_LINES = 350;
    static final int METHOD_LINES = 60;
    static final int HANDLER_LINES = 40;
    private static final Pattern HANDLER = Pattern.compile("^\\s*Handler:\\s*([\\w.$]+)::(\\w+)\\s*$", Pattern.MULTILINE);

    /** A measured declaration: {@code name} is the type's binary-ish name, with {@code #method} for methods. */
    record Measure(String name, Path file, long lines) {
        @Override
        public String toString() {
            return name + " (" + lines + " lines, " + file + ")";
        }
    }

    private static Path root;
    private static final List<Measure> classes = new ArrayList<>();
    private static final List<Measure> methods = new ArrayList<>();
    private static final Map<String, String> superclassOf = new LinkedHashMap<>();

    @BeforeAll
    static void parseFunctions() throws IOException {
        root = ProjectRoot.find();
        List<Path> sources;
        try (Stream<Path> modules = Files.list(root.resolve("functions"))) {
            sources = modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory)
                    .flatMap(ShapeRulesTest::javaFiles).sorted().toList();
        }
        assertThat(sources).as("production sources of functions/*").hasSizeGreaterThan(100);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        for (Measurer m : parse(sources, diagnostics)) {
            classes.addAll(m.classes);
            methods.addAll(m.methods);
            superclassOf.putAll(m.superclassOf);
        }
        assertThat(diagnostics.getDiagnostics()).as("the sources parse").noneMatch(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR);
    }

    /** Parses (no attribution, no annotation processing) and measures each compilation unit. */
    private static List<Measurer> parse(List<Path> sources, DiagnosticCollector<JavaFileObject> diagnostics) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<Measurer> measured = new ArrayList<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) javac.getTask(null, files, diagnostics, List.of("-proc:none"), null,
                    files.getJavaFileObjectsFromPaths(sources));
            SourcePositions positions = Trees.instance(task).getSourcePositions(); // before parse: keeps end positions
            for (CompilationUnitTree unit : task.parse()) {
                Measurer m = new Measurer(unit, positions);
                m.scan(unit, null);
                measured.add(m);
            }
        }
        return measured;
    }

    private static Stream<Path> javaFiles(Path dir) {
        try {
            return Files.walk(dir).filter(p -> p.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void noProductionClassIsOver350Lines() {
        assertNoneOver(classes, CLASS_LINES, "largest class");
    }

    @Test
    void noMethodIsOver60Lines() {
        assertNoneOver(methods, METHOD_LINES, "longest method");
    }

    @Test
    void noHandlerRequestMethodIsOver40Lines() throws IOException {
        List<Measure> handlers = new ArrayList<>(methods.stream().filter(m -> m.name().endsWith("#handleRequest")).toList());
        Matcher named = HANDLER.matcher(Files.readString(root.resolve("template.yaml")));
        int templateHandlers = 0;
        while (named.find()) {
            templateHandlers++;
            Measure m = handlerMethod(named.group(1), named.group(2));
            assertThat(m).as("template handler %s::%s is a method in functions/*/src/main", named.group(1), named.group(2))
                    .isNotNull();
            handlers.add(m);
        }
        assertThat(templateHandlers).as("handlers named by template.yaml").isGreaterThan(5);
        assertNoneOver(handlers, HANDLER_LINES, "longest handler request method");
    }

    @Test
    void theMeasureCountsNestedTypesStringsAndCommentsAsJavaDoes() throws IOException {
        Path probe = Files.createTempFile("ShapeProbe", ".java");
        try {
            Files.writeString(probe, """
                    package p;
                    /** { not a brace */
                    final class ShapeProbe {
                        record Item(String sku, int quantity) {
                            Item {
                                String s = "}}}";
                            }
                        }
                        void run() {
                            char c = '{';
                            // }
                            String t = \"""
                                    }
                                    \""";
                        }
                    }
                    """);
            List<Measure> found = parse(List.of(probe), new DiagnosticCollector<>()).get(0).found;
            assertThat(found.stream().map(m -> m.name() + "=" + m.lines()))
                    .containsExactly("p.ShapeProbe=14", "p.ShapeProbe.Item=5", "p.ShapeProbe.Item#<init>=3", "p.ShapeProbe#run=7");
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    /** The named method of the class, or of the superclass it inherits it from (simple names within functions/). */
    private static Measure handlerMethod(String className, String method) {
        for (String type = className; type != null; type = superclassOf.get(type)) {
            String wanted = type + "#" + method;
            Measure found = methods.stream().filter(m -> m.name().equals(wanted)).findFirst().orElse(null);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Prints the largest (for the report) and fails naming every one over the limit. */
    private static void assertNoneOver(List<Measure> measures, int limit, String largest) {
        System.out.println("ShapeRules: " + largest + " " + measures.stream().max(Comparator.comparingLong(Measure::lines)).orElseThrow());
        assertThat(measures.stream().filter(m -> m.lines() > limit).map(Measure::toString).distinct())
                .as("%s: none over %d lines", largest, limit).isEmpty();
    }

    /** Walks one compilation unit: every type and method in order ({@code found}), top-level types, methods. */
    private static final class Measurer extends TreeScanner<Void, Void> {
        private final CompilationUnitTree unit;
        private final SourcePositions positions;
        private final Path file;
        private final Deque<String> types = new ArrayDeque<>();
        private final List<Measure> found = new ArrayList<>();
        private final List<Measure> classes = new ArrayList<>();
        private final List<Measure> methods = new ArrayList<>();
        private final Map<String, String> superclassOf = new LinkedHashMap<>();

        Measurer(CompilationUnitTree unit, SourcePositions positions) {
            this.unit = unit;
            this.positions = positions;
            this.file = root == null ? Path.of(unit.getSourceFile().toUri()) : root.relativize(Path.of(unit.getSourceFile().toUri()));
        }

        @Override
        public Void visitClass(ClassTree tree, Void unused) {
            String simple = tree.getSimpleName().toString();
            String name = types.isEmpty()
                    ? (unit.getPackageName() == null ? "" : unit.getPackageName() + ".") + simple
                    : types.peek() + "." + (simple.isEmpty() ? "<anonymous>" : simple);
            Measure m = new Measure(name, file, lines(tree));
            found.add(m);
            if (types.isEmpty()) {
                classes.add(m);
            }
            if (tree.getExtendsClause() != null && unit.getPackageName() != null) {
                String parent = tree.getExtendsClause().toString().replaceAll("<.*", "");
                superclassOf.put(name, parent.contains(".") ? parent : unit.getPackageName() + "." + parent);
            }
            types.push(name);
            try {
                return super.visitClass(tree, unused);
            } finally {
                types.pop();
            }
        }

        @Override
        public Void visitMethod(MethodTree tree, Void unused) {
            if (tree.getBody() != null) {
                Measure m = new Measure(types.peek() + "#" + tree.getName(), file, lines(tree));
                found.add(m);
                methods.add(m);
            }
            return super.visitMethod(tree, unused);
        }

        private long lines(Tree tree) {
            long start = positions.getStartPosition(unit, tree);
            long end = positions.getEndPosition(unit, tree);
            assertThat(end).as("end position of %s in %s", tree.getKind(), file).isGreaterThan(start);
            return unit.getLineMap().getLineNumber(end) - unit.getLineMap().getLineNumber(start) + 1;
        }
    }
}
