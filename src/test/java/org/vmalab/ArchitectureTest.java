package org.vmalab;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine and the lesson code must not depend on JavaFX: the view asks them, never the other way. */
class ArchitectureTest {
    static final List<String> PURE = List.of("engine", "lesson", "explore", "imports");
    static final Pattern JAVAFX = Pattern.compile("^\\s*import\\s+(static\\s+)?(javafx|org\\.controlsfx|"
            + "org\\.vmalab\\.ui)\\.", Pattern.MULTILINE);
    static final Pattern QUALIFIED = Pattern.compile("\\bjavafx\\.[a-z]+\\.");

    @Test
    void pureModulesImportNoJavafx() throws IOException {
        Path root = Path.of("src/main/java/org/vmalab");
        List<String> offenders = new ArrayList<>();
        int files = 0;
        for (String pkg : PURE) {
            Path dir = root.resolve(pkg);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) s.filter(f -> f.toString().endsWith(".java"))::iterator) {
                    files++;
                    String text = Files.readString(p);
                    if (JAVAFX.matcher(text).find() || QUALIFIED.matcher(text).find()) {
                        offenders.add(p.toString());
                    }
                }
            }
        }
        assertTrue(files > 20, "the engine sources were found");
        assertTrue(offenders.isEmpty(), "JavaFX used in pure code: " + offenders);
    }

    @Test
    void theCheckCatchesAnImport() {
        assertTrue(JAVAFX.matcher("package x;\nimport javafx.scene.Node;\n").find());
        assertTrue(QUALIFIED.matcher("javafx.scene.Node n;").find());
        assertFalse(JAVAFX.matcher("// javafx is not used here\n").find());
    }
}
