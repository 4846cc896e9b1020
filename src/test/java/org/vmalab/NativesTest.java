package org.vmalab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativesTest {
    @Test
    void onlyMacsNeedASetAndTheProcessorChoosesIt() {
        assertNull(Natives.set("Linux", "amd64"));
        assertNull(Natives.set("Windows 11", "amd64"));
        assertEquals("mac-x64", Natives.set("Mac OS X", "x86_64"));
        assertEquals("mac-aarch64", Natives.set("Mac OS X", "aarch64"));
        assertEquals("mac-aarch64", Natives.set("macOS", "arm64"));
    }

    @Test
    void eachMacSetUnpacksForItsProcessorAndComesFirstOnTheLibraryPath(@TempDir Path tmp) throws Exception {
        String old = System.getProperty("java.library.path");
        try {
            for (String set : List.of("mac-x64", "mac-aarch64")) {
                Path dir = tmp.resolve(set);
                List<Path> libs = Natives.install(set, dir);
                TreeSet<String> names = new TreeSet<>();
                for (Path l : libs) {
                    names.add(l.getFileName().toString());
                    assertEquals(set, Binaries.platform(Files.readAllBytes(l)), l.toString());
                }
                assertTrue(names.containsAll(List.of("libglass.dylib", "libprism_es2.dylib", "libprism_sw.dylib",
                        "libjavafx_font.dylib")), names.toString());
                assertTrue(System.getProperty("java.library.path").startsWith(dir + File.pathSeparator),
                        System.getProperty("java.library.path"));
                // a second start keeps the files it finds intact and does not add the folder twice
                Path glass = dir.resolve("libglass.dylib");
                FileTime t = FileTime.fromMillis(1_000_000_000_000L);
                Files.setLastModifiedTime(glass, t);
                String path = System.getProperty("java.library.path");
                Natives.install(set, dir);
                assertEquals(t, Files.getLastModifiedTime(glass));
                assertEquals(path, System.getProperty("java.library.path"));
                // a damaged file is replaced
                Files.write(glass, new byte[] {1, 2, 3});
                Natives.install(set, dir);
                assertEquals(set, Binaries.platform(Files.readAllBytes(glass)));
            }
        } finally {
            System.setProperty("java.library.path", old);
        }
    }
}
