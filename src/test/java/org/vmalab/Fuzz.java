package org.vmalab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * Seeded generators on plain JUnit 5: {@link #cases} turns a generator into dynamic tests, one per input, each
 * named with its seed, within a fixed budget of cases and of time; a failure says the seed to replay it with
 * ({@code -Dfuzz.seed=S}) and keeps the input in {@code target/fuzz-failures/} so that it can join the corpus
 * ({@code src/test/resources/fuzz-corpus/SURFACE/}), which {@link #corpus} replays on every run.
 */
public final class Fuzz {
    /** The base seed: {@code -Dfuzz.seed=S}, else a new one each run (printed with any failure). */
    public static final long SEED = Long.getLong("fuzz.seed", System.nanoTime() & 0xffff_ffffL);
    /** Milliseconds each fuzzer may run ({@code -Dfuzz.millis}); about a minute for all of them on 2 cores. */
    public static final long MILLIS = Long.getLong("fuzz.millis", 5_000);
    static final Path FAILURES = Path.of("target", "fuzz-failures");
    static final Path CORPUS = Path.of("src", "test", "resources", "fuzz-corpus");

    private Fuzz() {
    }

    /** One generated input: the bytes that reproduce it and how it is shown. */
    public interface Input {
        byte[] bytes();

        default String text() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }
    }

    /** A text input. */
    public record Text(String value) implements Input {
        @Override
        public byte[] bytes() {
            return value.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Raw bytes. */
    public record Bytes(byte[] value) implements Input {
        @Override
        public byte[] bytes() {
            return value.clone();
        }
    }

    /** Something to check about one input; throws an assertion error if the contract does not hold. */
    @FunctionalInterface
    public interface Check {
        void accept(Input in) throws Exception;
    }

    /**
     * Up to {@code max} inputs made by {@code gen} from seeds {@code SEED + i}, within {@link #MILLIS}, each
     * checked by {@code check} as its own test.
     */
    public static Stream<DynamicTest> cases(String surface, int max, Function<Random, Input> gen, Check check) {
        long end = System.currentTimeMillis() + MILLIS;
        Iterator<DynamicTest> it = new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < max && (i < 3 || System.currentTimeMillis() < end);
            }

            @Override
            public DynamicTest next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                long seed = SEED + i++;
                return DynamicTest.dynamicTest(surface + " seed " + seed, () -> {
                    Input in = gen.apply(new Random(seed));
                    run(surface, "seed-" + seed, in, check, "replay with -Dfuzz.seed=" + seed + " (first case)");
                });
            }
        };
        Iterable<DynamicTest> once = () -> it;
        return java.util.stream.StreamSupport.stream(once.spliterator(), false);
    }

    /** Every input of {@code fuzz-corpus/SURFACE/} (inputs that once failed), each checked as its own test. */
    public static Stream<DynamicTest> corpus(String surface, Check check) throws IOException {
        Path dir = CORPUS.resolve(surface);
        List<DynamicTest> out = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.sorted().toList()) {
                    byte[] b = Files.readAllBytes(p);
                    out.add(DynamicTest.dynamicTest(surface + " corpus " + p.getFileName(), () -> run(surface,
                            p.getFileName().toString(), new Bytes(b), check, "corpus file " + p)));
                }
            }
        }
        return out.stream();
    }

    private static void run(String surface, String name, Input in, Check check, String how) throws Exception {
        try {
            check.accept(in);
        } catch (AssertionError | Exception e) {
            Path keep = FAILURES.resolve(surface).resolve(name);
            try {
                Files.createDirectories(keep.getParent());
                Files.write(keep, in.bytes());
            } catch (IOException ignored) {
                // the message still has the seed
            }
            throw new AssertionFailedError(surface + ": " + e.getMessage() + " [" + how + "; the input is in "
                    + keep + ": add it to " + CORPUS.resolve(surface) + "]", e);
        }
    }

    // ------------------------------------------------------------------ small generators

    /** A random element of {@code xs}. */
    @SafeVarargs
    public static <T> T pick(Random r, T... xs) {
        return xs[r.nextInt(xs.length)];
    }

    /** {@code n} random edits of {@code text}: delete, insert from {@code alphabet}, replace, repeat or swap lines. */
    public static String mutate(String text, Random r, int n, String alphabet) {
        StringBuilder b = new StringBuilder(text);
        for (int k = 0; k < n && b.length() > 0; k++) {
            int at = r.nextInt(b.length());
            switch (r.nextInt(8)) {
                case 0 -> b.delete(at, Math.min(b.length(), at + 1 + r.nextInt(20)));
                case 1 -> {
                    for (int j = r.nextInt(6) + 1; j > 0; j--) {
                        b.insert(at, alphabet.charAt(r.nextInt(alphabet.length())));
                    }
                }
                case 2 -> b.setCharAt(at, alphabet.charAt(r.nextInt(alphabet.length())));
                case 3, 4 -> {
                    List<String> ls = new ArrayList<>(List.of(b.toString().split("\n", -1)));
                    int i = r.nextInt(ls.size());
                    int j = r.nextInt(ls.size());
                    if (r.nextBoolean()) {
                        ls.add(j, ls.get(i));
                    } else {
                        String t = ls.get(i);
                        ls.set(i, ls.get(j));
                        ls.set(j, t);
                    }
                    b.setLength(0);
                    b.append(String.join("\n", ls));
                }
                case 5 -> b.setLength(at);
                case 6 -> b.insert(at, pick(r, "\u001b[31m", "\u0000", "\u202e", "\r", "\t", "#1", " #7", "*a", "&a ",
                        "!!str ", "0xffffffffffffffff", "-1", "99999999999999999999", "x".repeat(300)));
                default -> b.insert(at, (char) r.nextInt(0x3000));
            }
        }
        return b.toString();
    }
}
