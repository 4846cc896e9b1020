package org.vmalab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers of VMA Lab, enforced on the sources:
 * <pre>
 * engine  ←  lesson, explore, imports  ←  viewmodel  ←  export, ui  ←  cli
 * </pre>
 * A package uses only what lies below it; the pure packages use no JavaFX; outside the engine only the engine's
 * face is used (its root package and the sub-package types marked {@code @Face}); no class of ours shadows a
 * JavaFX class name.
 */
class ArchitectureTest {
    static final Path MAIN = Path.of("src/main/java/org/vmalab");

    /** What each top-level package may use (itself included). */
    static final Map<String, Set<String>> ALLOWED = Map.of(
            "engine", Set.of("engine"),
            "lesson", Set.of("engine", "lesson"),
            "explore", Set.of("engine", "explore"),
            "imports", Set.of("engine", "imports"),
            "viewmodel", Set.of("engine", "lesson", "explore", "imports", "viewmodel"),
            "export", Set.of("engine", "lesson", "explore", "imports", "viewmodel", "export"),
            "ui", Set.of("engine", "lesson", "explore", "imports", "viewmodel", "export", "ui"),
            "cli", Set.of("engine", "lesson", "explore", "imports", "viewmodel", "export", "ui", "cli"));
    static final Set<String> PURE = Set.of("engine", "lesson", "explore", "imports", "viewmodel");

    static final Pattern JAVAFX = Pattern.compile("^\\s*import\\s+(static\\s+)?(javafx|org\\.controlsfx)\\.",
            Pattern.MULTILINE);
    static final Pattern QUALIFIED_FX = Pattern.compile("\\bjavafx\\.[a-z]+\\.");
    static final Pattern OURS = Pattern.compile("\\borg\\.vmalab\\.([a-z]+)\\b");
    static final Pattern ENGINE_INTERNAL = Pattern.compile("\\borg\\.vmalab\\.engine\\.([a-z]+)\\.([A-Z]\\w*)");

    record Source(String pkg, Path path, String code) {
    }

    static List<Source> sources() throws IOException {
        List<Source> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(MAIN)) {
            for (Path p : (Iterable<Path>) s.filter(f -> f.toString().endsWith(".java"))::iterator) {
                Path rel = MAIN.relativize(p);
                String pkg = rel.getNameCount() > 1 ? rel.getName(0).toString() : "";
                out.add(new Source(pkg, p, code(Files.readString(p))));
            }
        }
        return out;
    }

    /** The text without comments and string literals (a word in a comment is not a use). */
    static String code(String text) {
        String s = text.replaceAll("(?s)/\\*.*?\\*/", " ");
        s = s.replaceAll("//[^\\n]*", " ");
        return s.replaceAll("\"(?:\\\\.|[^\"\\\\])*+\"", "\"\"");
    }

    @Test
    void everyPackageUsesOnlyWhatLiesBelowIt() throws IOException {
        List<String> offenders = new ArrayList<>();
        int files = 0;
        for (Source s : sources()) {
            if (s.pkg().isEmpty()) {
                continue;
            }
            files++;
            Set<String> allowed = ALLOWED.get(s.pkg());
            assertTrue(allowed != null, "a package the layers do not know: " + s.pkg() + " (" + s.path() + ")");
            Matcher m = OURS.matcher(s.code());
            while (m.find()) {
                if (!allowed.contains(m.group(1))) {
                    offenders.add(s.path() + " uses " + m.group(1));
                }
            }
        }
        assertTrue(files > 150, "the sources were found");
        assertTrue(offenders.isEmpty(), "layering broken: " + offenders);
    }

    @Test
    void purePackagesUseNoJavafx() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Source s : sources()) {
            if (PURE.contains(s.pkg()) && (JAVAFX.matcher(s.code()).find()
                    || QUALIFIED_FX.matcher(s.code()).find())) {
                offenders.add(s.path().toString());
            }
        }
        assertTrue(offenders.isEmpty(), "JavaFX used in pure code: " + offenders);
    }

    @Test
    void outsideTheEngineOnlyTheFaceIsUsed() throws IOException {
        Set<String> face = new TreeSet<>();
        try (Stream<Path> s = Files.walk(MAIN.resolve("engine"))) {
            for (Path p : (Iterable<Path>) s.filter(f -> f.toString().endsWith(".java"))::iterator) {
                Path rel = MAIN.resolve("engine").relativize(p);
                if (rel.getNameCount() == 2 && Pattern.compile("^@Face\\b", Pattern.MULTILINE)
                        .matcher(Files.readString(p)).find()) {
                    face.add(rel.getName(0) + "." + rel.getFileName().toString().replace(".java", ""));
                }
            }
        }
        assertTrue(face.contains("trace.Trace"), "the face was read: " + face);
        Map<String, Set<String>> used = new TreeMap<>();
        for (Source s : sources()) {
            if (s.pkg().equals("engine")) {
                continue;
            }
            Matcher m = ENGINE_INTERNAL.matcher(s.code());
            while (m.find()) {
                String type = m.group(1) + "." + m.group(2);
                if (!face.contains(type)) {
                    used.computeIfAbsent(type, k -> new TreeSet<>()).add(s.path().getFileName().toString());
                }
            }
        }
        assertTrue(used.isEmpty(), "engine internals used outside the engine (add to the face instead): " + used);
    }

    @Test
    void noClassShadowsAJavafxName() throws IOException {
        Set<String> fx = new TreeSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.contains("javafx-") || !entry.endsWith(".jar")) {
                continue;
            }
            try (JarFile jar = new JarFile(entry)) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    String n = e.nextElement().getName();
                    if (n.startsWith("javafx/") && n.endsWith(".class") && !n.contains("$")) {
                        fx.add(n.substring(n.lastIndexOf('/') + 1, n.length() - ".class".length()));
                    }
                }
            }
        }
        assertTrue(fx.contains("Scene") && fx.contains("TreeView"), "the JavaFX class names were read");
        List<String> clashes = new ArrayList<>();
        for (Source s : sources()) {
            String name = s.path().getFileName().toString().replace(".java", "");
            if (fx.contains(name)) {
                clashes.add(s.path().toString());
            }
        }
        assertTrue(clashes.isEmpty(), "classes named like a JavaFX class: " + clashes);
    }

    @Test
    void theChecksCatchWhatTheyLookFor() {
        assertTrue(JAVAFX.matcher("package x;\nimport javafx.scene.Node;\n").find());
        assertTrue(QUALIFIED_FX.matcher("javafx.scene.Node n;").find());
        assertFalse(JAVAFX.matcher(code("// javafx is not used here\n")).find());
        Matcher m = OURS.matcher(code("import org.vmalab.ui.TreeCanvas; /* org.vmalab.cli */"));
        assertTrue(m.find());
        assertEquals("ui", m.group(1));
        assertFalse(m.find(), "a comment is not a use");
        Matcher e = ENGINE_INTERNAL.matcher("import org.vmalab.engine.memory.Field;");
        assertTrue(e.find());
        assertEquals("memory", e.group(1));
    }

    @Test
    void everyPackageSaysWhatItIsAndWhatItMayImport() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> s = Files.walk(MAIN)) {
            for (Path dir : (Iterable<Path>) s.filter(Files::isDirectory)::iterator) {
                boolean hasJava;
                try (Stream<Path> f = Files.list(dir)) {
                    hasJava = f.anyMatch(p -> p.toString().endsWith(".java")
                            && !p.getFileName().toString().equals("Main.java"));
                }
                Path info = dir.resolve("package-info.java");
                if (hasJava && (!Files.exists(info) || !Files.readString(info).contains("May import"))) {
                    missing.add(MAIN.relativize(dir).toString());
                }
            }
        }
        assertTrue(missing.isEmpty(), "packages without a package-info.java saying what they may import: "
                + missing);
    }
}
