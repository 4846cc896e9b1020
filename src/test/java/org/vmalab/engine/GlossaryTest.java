package org.vmalab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.trace.Listing;
import org.vmalab.engine.trace.PseudoCode;

/**
 * docs/GLOSSARY.md names every kernel function the window shows a listing of, with the file the listing's line
 * numbers are in: a kernel developer looks a step's function up there and finds where it lives.
 */
class GlossaryTest {
    @Test
    void everyListedFunctionHasARowNamingItsFile() throws IOException {
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("docs", "GLOSSARY.md"))) {
            if (line.startsWith("| `")) {
                rows.add(line);
            }
        }
        List<String> missing = new ArrayList<>();
        for (Listing l : PseudoCode.get().all().values()) {
            if (l.file().equals("-")) {
                continue; /* model.c: the model's own steps */
            }
            boolean found = false;
            for (String row : rows) {
                String kernel = row.substring(0, row.indexOf('|', 1));
                if ((kernel.contains("`" + l.function() + "`") || kernel.contains("`" + l.function() + "()`"))
                        && row.contains(l.file())) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                missing.add(l.function() + " (" + l.file() + ")");
            }
        }
        assertEquals(List.of(), missing, "functions without a glossary row that names them and their file");
    }
}
