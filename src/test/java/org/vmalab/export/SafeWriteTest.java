package org.vmalab.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Safe writes: a temporary file and a rename; no overwrite without asking; a failure leaves nothing behind. */
class SafeWriteTest {
    @TempDir
    Path dir;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesThroughATemporaryFileAndLeavesOnlyTheTarget() throws Exception {
        Path f = dir.resolve("a.txt");
        SafeWrite.write(f, false, out -> {
            out.write(bytes("hello"));
            assertEquals(1, names().size(), "only the temporary file exists while writing");
            assertTrue(names().get(0).startsWith(".a.txt.") && names().get(0).endsWith(".tmp"), names().toString());
            assertFalse(Files.exists(f), "the target appears only at the rename");
        });
        assertArrayEquals(bytes("hello"), Files.readAllBytes(f));
        assertEquals(List.of("a.txt"), names());
    }

    @Test
    void neverReplacesAFileUnlessAsked() throws Exception {
        Path f = dir.resolve("a.txt");
        Files.write(f, bytes("old"));
        ExportException e = assertThrows(ExportException.class, () -> SafeWrite.write(f, false,
                out -> out.write(bytes("new"))));
        assertEquals(f + ": already exists", e.getMessage());
        assertArrayEquals(bytes("old"), Files.readAllBytes(f));
        SafeWrite.write(f, true, out -> out.write(bytes("new")));
        assertArrayEquals(bytes("new"), Files.readAllBytes(f));
        assertEquals(List.of("a.txt"), names());
    }

    @Test
    void aFileThatAppearsWhileWritingIsNotReplaced() throws Exception {
        Path f = dir.resolve("race.txt");
        ExportException e = assertThrows(ExportException.class, () -> SafeWrite.write(f, false, out -> {
            out.write(bytes("mine"));
            Files.write(f, bytes("theirs"));
        }));
        assertTrue(e.getMessage().startsWith(f + ": already exists"), e.getMessage());
        assertArrayEquals(bytes("theirs"), Files.readAllBytes(f));
        assertEquals(List.of("race.txt"), names());
    }

    @Test
    void aFullDiskLeavesNoPartialFileAndSaysWhyInOneLine() throws Exception {
        Path f = dir.resolve("big.gif");
        ExportException e = assertThrows(ExportException.class, () -> SafeWrite.write(f, false, out -> {
            out.write(new byte[100_000]);
            throw new FileSystemException(f.toString(), null, "No space left on device");
        }));
        assertEquals(f + ": no space left on device; nothing was written", e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertEquals(List.of(), names(), "neither the target nor the temporary file is left");
    }

    @Test
    void anUnwritableFolderLeavesNoFile() throws Exception {
        Path ro = dir.resolve("ro");
        Files.createDirectory(ro);
        Path target;
        boolean chmodWorks = false;
        try {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
            Path probe = ro.resolve("probe");
            try {
                Files.createFile(probe);
                Files.delete(probe); // root ignores the mode
            } catch (IOException expected) {
                chmodWorks = true;
            }
        } catch (UnsupportedOperationException noPosix) {
            // not a POSIX file system
        }
        if (chmodWorks) {
            target = ro.resolve("a.png");
        } else {
            // running as root: a folder even root cannot create files in
            Path sys = Path.of("/sys");
            Assumptions.assumeTrue(Files.isDirectory(sys), "no unwritable folder available");
            target = sys.resolve("vmalab-test.png");
            try {
                Files.createFile(target);
                Files.delete(target);
                Assumptions.abort("/sys is writable here");
            } catch (IOException expected) {
                // good: unwritable
            }
        }
        Path t = target;
        ExportException e = assertThrows(ExportException.class, () -> SafeWrite.write(t, false,
                out -> out.write(bytes("x"))));
        assertTrue(e.getMessage().startsWith(t + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertFalse(Files.exists(t));
        if (chmodWorks) {
            try (Stream<Path> s = Files.list(ro)) {
                assertEquals(0, s.count());
            }
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aMissingFolderOrAFolderAsTargetIsRefusedBeforeWriting() {
        ExportException e = assertThrows(ExportException.class, () -> SafeWrite.write(dir.resolve("no/a.png"), false,
                out -> out.write(1)));
        assertEquals(dir.resolve("no/a.png") + ": the folder " + dir.resolve("no") + " does not exist", e.getMessage());
        ExportException e2 = assertThrows(ExportException.class, () -> SafeWrite.write(dir, true, out -> out.write(1)));
        assertTrue(e2.getMessage().endsWith(": is a folder"), e2.getMessage());
    }

    @Test
    void aBodyThatFailsLeavesNothing() throws Exception {
        Path f = dir.resolve("a.svg");
        ExportException e = assertThrows(ExportException.class, () -> SafeWrite.write(f, false, out -> {
            out.write(bytes("<svg"));
            throw new IllegalStateException("the renderer failed");
        }));
        assertEquals(f + ": the renderer failed; nothing was written", e.getMessage());
        assertEquals(List.of(), names());
    }

    @Test
    void aBatchAppearsWholeOrNotAtAll() throws Exception {
        List<Path> files = List.of(dir.resolve("s-1.png"), dir.resolve("s-2.png"), dir.resolve("s-3.png"));
        assertThrows(ExportException.class, () -> {
            try (SafeWrite.Batch b = new SafeWrite.Batch(files, false)) {
                b.add(files.get(0), out -> out.write(1));
                b.add(files.get(1), out -> out.write(2));
                b.add(files.get(2), out -> {
                    throw new FileSystemException(files.get(2).toString(), null, "No space left on device");
                });
                b.commit();
            }
        });
        assertEquals(List.of(), names(), "the first two files were not published either");
        try (SafeWrite.Batch b = new SafeWrite.Batch(files, false)) {
            for (Path p : files) {
                b.add(p, out -> out.write(7));
            }
            b.commit();
        }
        assertEquals(List.of("s-1.png", "s-2.png", "s-3.png"), names());
        ExportException e = assertThrows(ExportException.class, () -> new SafeWrite.Batch(files, false));
        assertEquals(files.get(0) + ": already exists", e.getMessage());
    }

    @Test
    void theFileGetsTheFoldersUsualPermissionsNotOwnerOnly() throws Exception {
        Path ref = Files.createFile(dir.resolve("ref"));
        Set<PosixFilePermission> usual;
        try {
            usual = Files.getPosixFilePermissions(ref);
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("not a POSIX file system");
            return;
        }
        Path f = dir.resolve("b.png");
        SafeWrite.write(f, false, out -> out.write(1));
        assertEquals(usual, Files.getPosixFilePermissions(f));
    }

    @Test
    void reasonsAreShortWords() {
        assertEquals("no space left on device", SafeWrite.reason(new IOException("No space left on device")));
        assertEquals("permission denied", SafeWrite.reason(new java.nio.file.AccessDeniedException("/x")));
        assertEquals("read-only file system", SafeWrite.reason(new FileSystemException("/x", null,
                "Read-only file system")));
        assertEquals("a b", SafeWrite.reason(new IOException("a\n  b")));
    }

    /** Issue 14 (7): a forced batch that fails at its end puts back every old file it had already replaced. */
    @Test
    void aFailedBatchLeavesEveryOldFileAsItWas() throws Exception {
        List<Path> targets = List.of(dir.resolve("s-0.png"), dir.resolve("s-1.png"), dir.resolve("s-2.png"));
        for (Path t : targets) {
            Files.write(t, bytes("old " + t.getFileName()));
        }
        ExportException e;
        try (SafeWrite.Batch b = new SafeWrite.Batch(targets, true)) {
            for (Path t : targets) {
                b.add(t, out -> out.write(bytes("new")));
            }
            Files.delete(targets.get(2));
            Files.createDirectory(targets.get(2)); /* made a folder while the batch ran */
            e = assertThrows(ExportException.class, b::commit);
        }
        assertTrue(e.getMessage().endsWith("nothing was written"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertArrayEquals(bytes("old s-0.png"), Files.readAllBytes(targets.get(0)));
        assertArrayEquals(bytes("old s-1.png"), Files.readAllBytes(targets.get(1)));
        assertTrue(Files.isDirectory(targets.get(2)));
        assertEquals(List.of("s-0.png", "s-1.png", "s-2.png"), names());
    }

    /** Issue 14 (8): temporary files of ours left by a process that is gone are swept by the next write there. */
    @Test
    void staleTemporaryFilesOfOursAreSwept() throws Exception {
        Path stale = Files.write(dir.resolve(".a.png.vmalab-999999999-0123456789ab.tmp"), bytes("x"));
        Path live = Files.write(dir.resolve(".b.png.vmalab-" + ProcessHandle.current().pid() + "-0123456789ab.tmp"),
                bytes("x"));
        Path kept = Files.write(dir.resolve(".c.png.vmalab-999999998-0123456789ab.old.tmp"), bytes("old c"));
        Path notOurs = Files.write(dir.resolve(".d.png.1234.tmp"), bytes("x"));
        SafeWrite.write(dir.resolve("e.txt"), false, out -> out.write(bytes("e")));
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(live), "a running process's file is left alone");
        assertFalse(Files.exists(kept));
        assertArrayEquals(bytes("old c"), Files.readAllBytes(dir.resolve("c.png")), "a kept old file goes back");
        assertTrue(Files.exists(notOurs));
    }

    /** Issue 14 (9): a full disk under ImageIO is one plain reason, and ImageIO keeps no cache file to clean. */
    @Test
    void imageEncodersNeedNoCacheFileAndSayWhyTheyFailed() throws IOException {
        Png.encode(new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB),
                java.io.OutputStream.nullOutputStream());
        assertFalse(javax.imageio.ImageIO.getUseCache());
        assertEquals("no space left on device", SafeWrite.reason(new javax.imageio.IIOException(
                "I/O error writing PNG file!", new IOException("No space left on device"))));
    }
}
