package org.vmalab.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes files so that a reader never sees a partial one: the bytes go to a hidden temporary file in the
 * target's own folder ({@code .NAME.vmalab-PID-RANDOM.tmp}), are forced to the disk, and the temporary file is
 * renamed onto the target in one step. An existing target is never replaced unless {@code overwrite} is given
 * (and then atomically). Any failure (an unwritable folder, a full disk, an error while producing the bytes)
 * deletes the temporary file and is reported as one line, {@code path: reason; nothing was written}.
 *
 * <p>Temporary files never outlive the process: a shutdown hook deletes those still open when the process ends
 * (SIGINT, SIGTERM, an exit on error), and the first write into a folder deletes the temporary files of our
 * naming that a process no longer alive left there (killed with SIGKILL, a power cut).
 *
 * <pre>{@code
 * SafeWrite.write(Path.of("out/tree.svg"), false, out -> out.write(bytes));
 * try (SafeWrite.Pending p = SafeWrite.begin(gif, force)) {   // streaming: frame by frame
 *     writer.write(p.out());
 *     p.commit();
 * }
 * }</pre>
 */
public final class SafeWrite {
    /** What a {@link #write} call writes into the temporary file. */
    @FunctionalInterface
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    /** Our temporary files: {@code .NAME.vmalab-PID-RANDOM.tmp} (and {@code .old.tmp} for a kept old file). */
    static final Pattern TEMPORARY = Pattern.compile("^\\.(.*)\\.vmalab-([0-9]{1,10})-[0-9a-f]{12}(\\.old)?\\.tmp$");
    private static final long PID = ProcessHandle.current().pid();
    /** Temporary files open now: deleted by the shutdown hook if the process ends before they are renamed. */
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    /** Folders already swept of stale temporary files by this process. */
    private static final Set<Path> SWEPT = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SafeWrite::deleteLive, "vmalab-temporary-files"));
    }

    private SafeWrite() {
    }

    /** Writes {@code body}'s bytes to {@code target} through a temporary file and an atomic rename. */
    public static void write(Path target, boolean overwrite, Body body) throws ExportException {
        try (Pending p = begin(target, overwrite)) {
            try {
                body.write(p.out());
            } catch (IOException | RuntimeException e) {
                throw failure(target, e);
            }
            p.commit();
        }
    }

    /**
     * Can {@code target} be written: its folder exists, is a folder and is writable, and the target does not
     * exist (unless {@code overwrite}) or is not a folder.
     */
    public static void check(Path target, boolean overwrite) throws ExportException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null) {
            throw new ExportException(target, "not a file name");
        }
        if (!Files.exists(dir)) {
            throw new ExportException(target, "the folder " + dir + " does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new ExportException(target, dir + " is not a folder");
        }
        if (Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
            throw new ExportException(target, "is a folder");
        }
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !overwrite) {
            throw new ExportException(target, "already exists");
        }
        if (!Files.isWritable(dir)) {
            throw new ExportException(target, "cannot write in " + dir + " (permission denied)");
        }
    }

    /**
     * Opens the temporary file for {@code target}; {@link Pending#commit()} renames it, closing without commit
     * deletes it.
     */
    public static Pending begin(Path target, boolean overwrite) throws ExportException {
        check(target, overwrite);
        Path abs = target.toAbsolutePath();
        sweep(abs.getParent());
        // a new file with the folder's usual permissions (not the owner-only ones of createTempFile)
        for (int attempt = 0; ; attempt++) {
            Path tmp = temporary(abs, "");
            try {
                LIVE.add(tmp);
                FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return new Pending(target, abs, tmp, ch, overwrite);
            } catch (FileAlreadyExistsException e) {
                LIVE.remove(tmp);
                if (attempt > 100) {
                    throw failure(target, e);
                }
            } catch (IOException | RuntimeException e) {
                deleteQuietly(tmp);
                throw failure(target, e);
            }
        }
    }

    /** A fresh name for a temporary file beside {@code abs}: {@code .NAME.vmalab-PID-RANDOM[.old].tmp}. */
    static Path temporary(Path abs, String kind) {
        return abs.resolveSibling("." + abs.getFileName() + ".vmalab-" + PID + "-"
                + String.format("%012x", RANDOM.nextLong() >>> 16) + kind + ".tmp");
    }

    /**
     * Deletes the temporary files of our naming in {@code dir} whose process is gone (once per folder and
     * process). A file of a process still running is left alone: it may be writing it now.
     */
    static void sweep(Path dir) {
        if (dir == null || !SWEPT.add(dir)) {
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path p : ds) {
                Matcher m = TEMPORARY.matcher(p.getFileName().toString());
                if (m.matches() && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    long pid = Long.parseLong(m.group(2));
                    if (pid != PID && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)) {
                        dispose(p);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // a folder that cannot be listed is reported by the write itself
        }
    }

    private static void deleteLive() {
        for (Path p : LIVE) {
            dispose(p);
        }
    }

    /**
     * Removes a temporary file of ours; an old file kept aside during a batch goes back to its name if nothing
     * took its place (its batch was interrupted), and is deleted otherwise.
     */
    static void dispose(Path p) {
        Matcher m = TEMPORARY.matcher(p.getFileName().toString());
        try {
            if (m.matches() && m.group(3) != null) {
                Path target = p.resolveSibling(m.group(1));
                if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
                    return;
                }
            }
            Files.deleteIfExists(p);
        } catch (IOException | RuntimeException e) {
            // the process is ending or the folder is not ours to change; the next run sweeps it
        }
    }

    /** A file being written: its temporary file, renamed onto the target by {@link #commit()}. */
    public static final class Pending implements AutoCloseable {
        private final Path target;
        private final Path abs;
        private final Path tmp;
        private final FileChannel channel;
        private final OutputStream out;
        private final boolean overwrite;
        private boolean closed;
        private boolean committed;

        Pending(Path target, Path abs, Path tmp, FileChannel channel, boolean overwrite) {
            this.target = target;
            this.abs = abs;
            this.tmp = tmp;
            this.channel = channel;
            this.overwrite = overwrite;
            this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16) {
                @Override
                public void close() throws IOException {
                    flush(); // the channel stays open until commit: a writer that closes its stream must not lose it
                }
            };
        }

        /** Where to write the bytes (buffered; closing it only flushes). */
        public OutputStream out() {
            return out;
        }

        /** The temporary file (tests). */
        Path temporary() {
            return tmp;
        }

        /** Flushes, forces the bytes to the disk, and renames the temporary file onto the target. */
        public void commit() throws ExportException {
            if (committed || closed) {
                throw new IllegalStateException("already finished");
            }
            try {
                out.flush();
                channel.force(true);
                channel.close();
                closed = true;
                move(tmp, abs, overwrite);
                committed = true;
                LIVE.remove(tmp);
            } catch (IOException | RuntimeException e) {
                abort();
                throw failure(target, e);
            }
        }

        /** Deletes the temporary file unless committed. */
        @Override
        public void close() {
            if (!committed) {
                abort();
            }
        }

        private void abort() {
            if (!closed) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // the file is deleted next
                }
                closed = true;
            }
            deleteQuietly(tmp);
            LIVE.remove(tmp);
        }

        /** Flushes and forces the bytes to the disk and closes the file (a batch keeps no file open). */
        void finishWriting() throws IOException {
            out.flush();
            channel.force(true);
            channel.close();
            closed = true;
        }
    }

    /**
     * Several files that appear together or not at all (a PNG sequence): each is written to its temporary file
     * (closed once written: a batch of 2000 keeps no file open); {@link #commit()} renames them all. With
     * {@code overwrite}, every old file is first kept under a temporary name; if any rename fails, the files
     * already renamed are taken back and every old file is put back as it was. A failure before that deletes
     * every temporary file.
     */
    public static final class Batch implements AutoCloseable {
        private final boolean overwrite;
        private final List<Pending> pending = new ArrayList<>();
        private boolean committed;

        public Batch(List<Path> targets, boolean overwrite) throws ExportException {
            this.overwrite = overwrite;
            for (Path t : targets) {
                check(t, overwrite);
            }
        }

        /** Writes one file of the batch to its temporary file. */
        public void add(Path target, Body body) throws ExportException {
            Pending p = begin(target, overwrite);
            pending.add(p);
            try {
                body.write(p.out());
                p.finishWriting();
            } catch (IOException | RuntimeException e) {
                throw failure(target, e);
            }
        }

        public int size() {
            return pending.size();
        }

        /** Renames every temporary file onto its target: all of them, or none (the old files stay). */
        public void commit() throws ExportException {
            if (committed) {
                throw new IllegalStateException("already committed");
            }
            List<Path> olds = new ArrayList<>();
            List<Pending> done = new ArrayList<>();
            Pending current = null;
            try {
                for (Pending p : pending) {
                    current = p;
                    Path old = null;
                    if (Files.isDirectory(p.abs, LinkOption.NOFOLLOW_LINKS)) {
                        throw new FileSystemException(p.abs.toString(), null, "is a folder");
                    }
                    if (Files.exists(p.abs, LinkOption.NOFOLLOW_LINKS)) {
                        if (!overwrite) {
                            throw new FileAlreadyExistsException(p.abs.toString());
                        }
                        old = keep(p.abs);
                    }
                    olds.add(old);
                    move(p.tmp, p.abs, overwrite);
                    p.committed = true;
                    done.add(p);
                }
            } catch (IOException | RuntimeException e) {
                for (int i = done.size() - 1; i >= 0; i--) {
                    deleteQuietly(done.get(i).abs);
                }
                for (int i = olds.size() - 1; i >= 0; i--) {
                    Path old = olds.get(i);
                    if (old != null) {
                        try {
                            Files.move(old, pending.get(i).abs, StandardCopyOption.REPLACE_EXISTING,
                                    StandardCopyOption.ATOMIC_MOVE);
                        } catch (IOException | RuntimeException ignored) {
                            // the old file stays under its kept name; the message below says nothing was written
                        }
                        LIVE.remove(old);
                    }
                }
                for (Pending p : pending) {
                    p.committed = false;
                    p.abort();
                }
                throw failure(current == null ? Path.of(".") : current.target, e);
            }
            for (Path old : olds) {
                if (old != null) {
                    deleteQuietly(old);
                    LIVE.remove(old);
                }
            }
            for (Pending p : pending) {
                LIVE.remove(p.tmp);
            }
            committed = true;
        }

        /**
         * Keeps the old file at {@code abs} under a temporary name and returns it: a hard link (the file stays in
         * place until the new one replaces it atomically), else a rename.
         */
        private static Path keep(Path abs) throws IOException {
            Path old = temporary(abs, ".old");
            LIVE.add(old);
            try {
                Files.createLink(old, abs);
            } catch (IOException | UnsupportedOperationException e) {
                Files.move(abs, old, StandardCopyOption.ATOMIC_MOVE);
            }
            return old;
        }

        @Override
        public void close() {
            if (!committed) {
                for (Pending p : pending) {
                    p.close();
                }
            }
        }
    }

    static void move(Path tmp, Path target, boolean overwrite) throws IOException {
        if (overwrite) {
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return;
        }
        // no-clobber and atomic: a hard link fails if the target appeared meanwhile; then drop the temporary name
        try {
            Files.createLink(target, tmp);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException | UnsupportedOperationException e) {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            Files.move(tmp, target);
            return;
        }
        Files.delete(tmp);
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // nothing more can be done; the name is hidden and ends in .tmp
        }
    }

    static ExportException failure(Path target, Throwable e) {
        return new ExportException(target, reason(e) + "; nothing was written");
    }

    /** A failure in a few words: "permission denied", "no space left on device", ... */
    public static String reason(Throwable e) {
        if (e instanceof javax.imageio.IIOException && e.getCause() instanceof IOException io) {
            return reason(io); /* "I/O error writing PNG file!" hides the reason */
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException n) {
            return "no such file or folder" + (n.getFile() == null ? "" : " (" + n.getFile() + ")");
        }
        if (e instanceof NotDirectoryException n) {
            return n.getFile() + " is not a folder";
        }
        String m = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        String low = m.toLowerCase(Locale.ROOT);
        if (low.contains("no space left") || low.contains("disk full") || low.contains("not enough space")) {
            return "no space left on device";
        }
        if (low.contains("quota")) {
            return "disk quota exceeded";
        }
        if (low.contains("read-only file system")) {
            return "read-only file system";
        }
        if (low.contains("permission denied")) {
            return "permission denied";
        }
        return oneLine(m);
    }

    static String oneLine(String s) {
        String t = s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        return t.length() > 300 ? t.substring(0, 297) + "..." : t;
    }
}
