package org.vmalab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The built jar ({@code target/vmalab.jar}, after {@code package}) opens the window on every desktop it claims:
 * for each platform, JavaFX's glass (windowing), prism (drawing) and font natives, built for that platform's
 * processor, and the Java classes that load them.
 */
class JarNativesIT {
    /** A platform: where its natives are in the jar, the libraries it needs, and its glass, prism and font classes. */
    enum Platform {
        LINUX("linux-x64", "", List.of("libglass.so", "libglassgtk3.so", "libprism_es2.so", "libprism_sw.so",
                "libjavafx_font.so", "libjavafx_font_freetype.so", "libjavafx_font_pango.so"),
                List.of("com/sun/glass/ui/gtk/GtkApplication", "com/sun/prism/es2/ES2Pipeline",
                        "com/sun/prism/sw/SWPipeline", "com/sun/javafx/font/freetype/FTFactory")),
        WINDOWS("windows-x64", "", List.of("glass.dll", "prism_d3d.dll", "prism_sw.dll", "javafx_font.dll",
                "msvcp140.dll", "vcruntime140.dll"),
                List.of("com/sun/glass/ui/win/WinApplication", "com/sun/prism/d3d/D3DPipeline",
                        "com/sun/prism/sw/SWPipeline", "com/sun/javafx/font/directwrite/DWFactory")),
        MAC_X64("mac-x64", "org/vmalab/natives/mac-x64/", List.of("libglass.dylib", "libprism_es2.dylib",
                "libprism_sw.dylib", "libjavafx_font.dylib"),
                List.of("com/sun/glass/ui/mac/MacApplication", "com/sun/prism/es2/ES2Pipeline",
                        "com/sun/prism/sw/SWPipeline", "com/sun/javafx/font/coretext/CTFactory")),
        MAC_AARCH64("mac-aarch64", "org/vmalab/natives/mac-aarch64/", MAC_X64.libraries, MAC_X64.classes);

        final String machine;
        final String folder;
        final List<String> libraries;
        final List<String> classes;

        Platform(String machine, String folder, List<String> libraries, List<String> classes) {
            this.machine = machine;
            this.folder = folder;
            this.libraries = libraries;
            this.classes = classes;
        }
    }

    static Path jar() {
        Path j = Path.of(System.getProperty("vmalab.jar", "target/vmalab.jar"));
        assertTrue(Files.isRegularFile(j), j + " is built (run after package)");
        return j;
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void theJarHasEachPlatformsGlassPrismAndFontNativesForItsProcessor(Platform p) throws IOException {
        try (JarFile jar = new JarFile(jar().toFile())) {
            for (String lib : p.libraries) {
                ZipEntry e = jar.getEntry(p.folder + lib);
                assertNotNull(e, p + ": " + p.folder + lib + " is in the jar");
                try (InputStream in = jar.getInputStream(e)) {
                    assertEquals(p.machine, Binaries.platform(in.readAllBytes()), p.folder + lib);
                }
            }
            for (String c : p.classes) {
                assertNotNull(jar.getEntry(c + ".class"), p + ": " + c + " is in the jar");
            }
        }
    }

    @Test
    void noMacLibraryAtTheRootWhereJavafxWouldTakeItForEitherProcessor() throws IOException {
        List<String> root = new ArrayList<>();
        try (JarFile jar = new JarFile(jar().toFile())) {
            jar.stream().filter(e -> !e.getName().contains("/") && e.getName().endsWith(".dylib"))
                    .forEach(e -> root.add(e.getName()));
            assertEquals("org.vmalab.Main", jar.getManifest().getMainAttributes().getValue("Main-Class"));
        }
        assertEquals(List.of(), root);
    }
}
