package org.vmalab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vmalab.jar} copied alone into an empty folder (no {@code lessons/} anywhere near it) and run from there,
 * as a teacher who downloaded it would: {@code lessons} lists every lesson of the repository, {@code check 09} and
 * {@code render 09 --format html} work on the built-in lesson.
 */
class JarAloneIT {
    @TempDir
    static Path folder;
    static Path jar;

    @BeforeAll
    static void copyTheJarAlone() throws IOException {
        jar = folder.resolve("vmalab.jar");
        Files.copy(JarNativesIT.jar(), jar);
    }

    record Run(int code, String out, String err) {
    }

    static Run java(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Djava.awt.headless=true", "-Duser.home=" + folder.resolve("home"), "-jar", "vmalab.jar"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(folder.toFile());
        pb.environment().remove("DISPLAY");
        Path out = folder.resolve("out.txt");
        Path err = folder.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "finished: " + String.join(" ", args));
        Run r = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    /** {@code --version} names the build it runs (it said "(development build)": the jar's manifest had no version). */
    @Test
    void versionNamesTheBuild() throws Exception {
        Run r = java("--version");
        assertEquals(0, r.code(), r.err());
        assertEquals("VMA Lab " + System.getProperty("vmalab.version"), r.out().strip());
    }

    static List<String> repositoryLessons() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("lessons"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void theJarAloneListsEveryLessonChecksAndRendersOneById() throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            assertEquals(List.of("vmalab.jar"), s.map(p -> p.getFileName().toString()).toList());
        }
        Run lessons = java("lessons");
        assertEquals(0, lessons.code(), lessons.err());
        List<String> files = repositoryLessons();
        String[] lines = lessons.out().split("\\R");
        assertEquals(files.size() + 1, lines.length, lessons.out());
        for (int i = 0; i < files.size(); i++) {
            String id = files.get(i).substring(0, files.get(i).indexOf('-'));
            assertTrue(lines[i].startsWith(id + "  "), lines[i]);
        }
        String id = files.stream().anyMatch(f -> f.startsWith("09-")) ? "09" : lines[0].split(" ")[0];

        Run check = java("check", id);
        assertTrue(check.code() == 0 || check.code() == 1, check.code() + ": " + check.err());
        assertTrue(check.out().contains("result: "), check.out());
        assertEquals("", check.err(), "no progress bar: standard error is not a terminal");

        Run html = java("render", id, "--format", "html", "--out", "handouts");
        assertEquals(0, html.code(), html.err());
        Path page;
        try (Stream<Path> s = Files.list(folder.resolve("handouts"))) {
            page = s.findFirst().orElseThrow();
        }
        assertTrue(page.getFileName().toString().startsWith(id + "-") && page.toString().endsWith(".html"),
                page.toString());
        String text = Files.readString(page);
        assertTrue(text.contains("<h1>") && text.contains("src=\"data:image/png;base64,"), page.toString());
    }
}
