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

    /** The face's types by name: the root package's and the sub-package types marked {@code @Face}. */
    static Set<String> faceTypes() throws IOException {
        Set<String> face = new TreeSet<>();
        try (Stream<Path> s = Files.walk(MAIN.resolve("engine"))) {
            for (Path p : (Iterable<Path>) s.filter(f -> f.toString().endsWith(".java"))::iterator) {
                Path rel = MAIN.resolve("engine").relativize(p);
                String name = rel.getFileName().toString().replace(".java", "");
                if (name.equals("package-info")) {
                    continue;
                }
                if (rel.getNameCount() == 1) {
                    face.add("org.vmalab.engine." + name);
                } else if (rel.getNameCount() == 2 && Pattern.compile("^@Face\\b", Pattern.MULTILINE)
                        .matcher(Files.readString(p)).find()) {
                    face.add("org.vmalab.engine." + rel.getName(0) + "." + name);
                }
            }
        }
        return face;
    }

    /**
     * The face does not leak: every public or protected member of a face type (and of its public nested types),
     * its superclass and its interfaces mention only face types and JDK types. Otherwise code outside the engine
     * holds an internal type without naming it (and the next change to it breaks them).
     */
    @Test
    void theFaceMentionsOnlyFaceAndJdkTypes() throws IOException, ClassNotFoundException {
        Set<String> face = faceTypes();
        assertTrue(face.contains("org.vmalab.engine.trace.Trace") && face.contains("org.vmalab.engine.Scenario"),
                "the face was read: " + face);
        Set<String> leaks = new TreeSet<>();
        List<Class<?>> todo = new ArrayList<>();
        for (String n : face) {
            todo.add(Class.forName(n));
        }
        Set<Class<?>> done = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            Class<?> c = todo.remove(todo.size() - 1);
            if (!java.lang.reflect.Modifier.isPublic(c.getModifiers()) || !done.add(c)) {
                continue;
            }
            todo.addAll(List.of(c.getDeclaredClasses()));
            String where = c.getName().replace("org.vmalab.engine.", "");
            mentions(c.getGenericSuperclass(), face, leaks, where + " extends");
            for (java.lang.reflect.Type t : c.getGenericInterfaces()) {
                mentions(t, face, leaks, where + " implements");
            }
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                if (visible(f.getModifiers()) && !f.isSynthetic()) {
                    mentions(f.getGenericType(), face, leaks, where + "." + f.getName());
                }
            }
            for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
                if (visible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                    mentions(m.getGenericReturnType(), face, leaks, where + "." + m.getName() + "()");
                    for (java.lang.reflect.Type t : m.getGenericParameterTypes()) {
                        mentions(t, face, leaks, where + "." + m.getName() + "()");
                    }
                }
            }
            for (java.lang.reflect.Constructor<?> k : c.getDeclaredConstructors()) {
                if (visible(k.getModifiers()) && !k.isSynthetic()) {
                    for (java.lang.reflect.Type t : k.getGenericParameterTypes()) {
                        mentions(t, face, leaks, where + ".<init>");
                    }
                }
            }
        }
        assertTrue(leaks.isEmpty(), "internal types reachable through the face: " + leaks);
    }

    private static boolean visible(int modifiers) {
        return java.lang.reflect.Modifier.isPublic(modifiers) || java.lang.reflect.Modifier.isProtected(modifiers);
    }

    /** Adds to {@code leaks} every type {@code t} mentions that is neither the JDK's nor the face's. */
    private static void mentions(java.lang.reflect.Type t, Set<String> face, Set<String> leaks, String where) {
        if (t instanceof Class<?> c) {
            while (c.isArray()) {
                c = c.getComponentType();
            }
            Class<?> top = c;
            while (top.getEnclosingClass() != null) {
                top = top.getEnclosingClass();
            }
            if (!c.isPrimitive() && !top.getName().startsWith("java.") && !face.contains(top.getName())) {
                leaks.add(where + ": " + c.getName().replace("org.vmalab.engine.", ""));
            }
        } else if (t instanceof java.lang.reflect.ParameterizedType p) {
            mentions(p.getRawType(), face, leaks, where);
            for (java.lang.reflect.Type a : p.getActualTypeArguments()) {
                mentions(a, face, leaks, where);
            }
        } else if (t instanceof java.lang.reflect.WildcardType w) {
            for (java.lang.reflect.Type b : w.getUpperBounds()) {
                mentions(b, face, leaks, where);
            }
            for (java.lang.reflect.Type b : w.getLowerBounds()) {
                mentions(b, face, leaks, where);
            }
        } else if (t instanceof java.lang.reflect.GenericArrayType g) {
            mentions(g.getGenericComponentType(), face, leaks, where);
        }
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
