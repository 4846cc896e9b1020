package org.vmalab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmalab.engine.trace.Loc;

/** {@link Loc} is generated from docs/step-locations.tsv: the two must say the same. */
class StepLocationsTableTest {
    @Test
    void theTableAndTheEnumAgree() throws IOException {
        List<String> table = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("docs", "step-locations.tsv"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                table.add(line);
            }
        }
        List<String> code = new ArrayList<>();
        for (Loc l : Loc.values()) {
            code.add(String.join("\t", l.name(), l.kind().name(), l.function(), l.file(), l.template()));
        }
        assertEquals(table, code);
    }
}
