package org.vmalab;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.vmalab.lesson.ResourceFolder;

/**
 * JavaFX's macOS libraries for this Mac's processor. JavaFX loads its native libraries from the root of the jar;
 * the Linux ({@code .so}) and Windows ({@code .dll}) sets live there side by side, but the macOS x64 and aarch64
 * sets have the same file names ({@code libglass.dylib} ...). So the jar carries them in
 * {@code org/vmalab/natives/mac-x64} and {@code org/vmalab/natives/mac-aarch64}, and on a Mac, before JavaFX
 * starts, the set for this processor is copied to a folder of the user's (nothing needs admin rights) and that
 * folder is put first on {@code java.library.path}: JavaFX's loader looks there when the jar's root has no
 * {@code libglass.dylib}. A file already there with the same content is left alone.
 */
public final class Natives {
    static final String ROOT = "org/vmalab/natives";
    /** A library every set has; it locates the set's folder. */
    static final String ANCHOR = "libglass.dylib";

    private Natives() {
    }

    /** The set of natives in {@code org/vmalab/natives} this system needs, or null (they are at the root). */
    static String set(String osName, String osArch) {
        if (!osName.toLowerCase(Locale.ROOT).startsWith("mac")) {
            return null;
        }
        String a = osArch.toLowerCase(Locale.ROOT);
        return a.equals("aarch64") || a.equals("arm64") ? "mac-aarch64" : "mac-x64";
    }

    /** Prepares the natives of the running system; returns a warning for the user, or null when all is well. */
    static String prepare() {
        String set = set(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
        if (set == null) {
            return null;
        }
        List<Path> tried = new ArrayList<>();
        String home = System.getProperty("user.home", "");
        if (!home.isEmpty()) {
            tried.add(Path.of(home, "Library", "Caches", "org.vmalab", "natives", set));
        }
        tried.add(Path.of(System.getProperty("java.io.tmpdir"), "org.vmalab-" + System.getProperty("user.name",
                "user"), "natives", set));
        String why = null;
        for (Path dir : tried) {
            try {
                install(set, dir);
                return null;
            } catch (IOException | RuntimeException e) {
                why = dir + ": " + e.getMessage();
            }
        }
        return "cannot unpack JavaFX's macOS libraries (" + why + "); the window may not open";
    }

    /**
     * Copies the set {@code set} into {@code dir} (created if missing) and puts {@code dir} first on
     * {@code java.library.path}; returns the files of the set.
     */
    static List<Path> install(String set, Path dir) throws IOException {
        Path from = ResourceFolder.of(ROOT + "/" + set, ANCHOR);
        if (from == null) {
            throw new IOException("this jar has no " + ROOT + "/" + set);
        }
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(from, "*.dylib")) {
            for (Path lib : ds) {
                Path to = dir.resolve(lib.getFileName().toString());
                byte[] bytes;
                try (InputStream in = Files.newInputStream(lib)) {
                    bytes = in.readAllBytes();
                }
                if (!Files.isRegularFile(to) || !Arrays.equals(digest(bytes), digest(Files.readAllBytes(to)))) {
                    Path tmp = Files.createTempFile(dir, ".lib", ".tmp");
                    try {
                        Files.write(tmp, bytes);
                        Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    } finally {
                        Files.deleteIfExists(tmp);
                    }
                }
                out.add(to);
            }
        }
        String old = System.getProperty("java.library.path", "");
        String first = dir.toAbsolutePath().toString();
        if (!old.startsWith(first + File.pathSeparator) && !old.equals(first)) {
            System.setProperty("java.library.path", old.isEmpty() ? first : first + File.pathSeparator + old);
        }
        return out;
    }

    private static byte[] digest(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
