package org.vmalab.lesson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.AnchorNode;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.vmalab.engine.Numbers;
import org.vmalab.engine.SyntaxException;
import org.vmalab.engine.Words;

/**
 * Typed, located reading of a YAML node tree: every wrong type, unknown key (with the nearest valid one),
 * duplicate key or bad value is a {@link LessonException} at the node. Counts every node it visits, so that
 * aliases cannot make it walk more than {@link #MAX_VISITS} nodes.
 */
final class Nodes {
    /** Limit on nodes visited, aliases expanded. */
    static final int MAX_VISITS = 2_000_000;

    final String source;
    private final long limit;
    private long budget;

    Nodes(String source) {
        this(source, MAX_VISITS);
    }

    /** Counts at most {@code limit} visits (more than {@link #MAX_VISITS} for a large declared layout). */
    Nodes(String source, int limit) {
        this.source = source;
        this.limit = limit;
        this.budget = limit;
    }

    static Node real(Node n) {
        Node r = n;
        while (r instanceof AnchorNode a) {
            r = a.getRealNode();
        }
        return r;
    }

    SourcePos pos(Node n) {
        Optional<Mark> m = n.getStartMark();
        return m.map(k -> new SourcePos(k.getLine() + 1, k.getColumn() + 1)).orElse(SourcePos.NONE);
    }

    LessonException err(Node n, String message) {
        return new LessonException(source, pos(n), message);
    }

    LessonException err(SourcePos p, String message) {
        return new LessonException(source, p, message);
    }

    /**
     * An error at character {@code offset} of a scalar's text: exact for plain and quoted one-line scalars,
     * the start of the scalar otherwise.
     */
    LessonException errAt(Node n, int offset, String message) {
        SourcePos p = pos(n);
        if (offset > 0 && n instanceof ScalarNode s && s.getValue().indexOf('\n') < 0) {
            ScalarStyle st = s.getScalarStyle();
            if (st == ScalarStyle.PLAIN) {
                return err(new SourcePos(p.line(), p.column() + offset), message);
            }
            if ((st == ScalarStyle.SINGLE_QUOTED || st == ScalarStyle.DOUBLE_QUOTED)
                    && s.getValue().chars().noneMatch(c -> c == '\'' || c == '\\' || c == '"')) {
                return err(new SourcePos(p.line(), p.column() + 1 + offset), message);
            }
        }
        return err(p, message);
    }

    /**
     * True if a plain scalar is followed on its line by a YAML comment that starts with {@code start} (a regular
     * expression): {@code when: T1 #3} reads as {@code T1} and the comment {@code #3}.
     */
    static boolean commentFollows(Node n, String start) {
        if (!(n instanceof ScalarNode s) || s.getScalarStyle() != ScalarStyle.PLAIN || n.getEndMark().isEmpty()) {
            return false;
        }
        Mark m = n.getEndMark().get();
        int[] cp = m.getBuffer();
        StringBuilder rest = new StringBuilder();
        for (int i = m.getPointer(); i < cp.length && cp[i] != '\n' && cp[i] != '\r' && rest.length() < 64; i++) {
            rest.appendCodePoint(cp[i]);
        }
        return rest.toString().matches("(?s)[ \t]+" + start + ".*");
    }

    void visit(Node n) throws LessonException {
        if (--budget < 0) {
            throw err(n, "too many nodes once aliases are expanded (limit " + limit + ")");
        }
    }

    static String kind(Node n) {
        Node r = real(n);
        if (r instanceof MappingNode) {
            return "a mapping (key: value)";
        }
        if (r instanceof SequenceNode) {
            return "a list";
        }
        if (r instanceof ScalarNode s) {
            return s.getValue().isEmpty() && s.isPlain() ? "nothing" : "text '" + shorten(s.getValue()) + "'";
        }
        return "something else";
    }

    static String shorten(String s) {
        return Words.shorten(s);
    }

    // ------------------------------------------------------------------ mappings

    /** A mapping whose keys are all in {@code allowed}. */
    Fields map(Node node, String what, Collection<String> allowed) throws LessonException {
        visit(node);
        Node n = real(node);
        if (!(n instanceof MappingNode m)) {
            throw err(node, what + " must be a mapping (key: value lines), not " + kind(node));
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            visit(t.getKeyNode());
            Node k = real(t.getKeyNode());
            if (!(k instanceof ScalarNode ks)) {
                throw err(t.getKeyNode(), "a key must be a word, not " + kind(k));
            }
            String key = ks.getValue();
            if (!allowed.contains(key)) {
                throw err(t.getKeyNode(), "unknown key '" + shorten(key) + "' in " + what + suggest(key, allowed));
            }
            NodeTuple prev = entries.put(key, t);
            if (prev != null) {
                throw err(t.getKeyNode(), "duplicate key '" + key + "' in " + what + " (first at line "
                        + pos(prev.getKeyNode()).line() + ")");
            }
        }
        return new Fields(this, node, what, entries);
    }

    /**
     * The key and value nodes of a mapping whose keys are texts of the file's own (not a fixed set of words), in
     * file order.
     *
     * @param lines what its lines say, for the error when it is not a mapping
     */
    List<Node[]> pairs(Node node, String what, String lines) throws LessonException {
        visit(node);
        Node n = real(node);
        if (!(n instanceof MappingNode m)) {
            throw err(node, what + " must be a mapping (" + lines + "), not " + kind(node));
        }
        List<Node[]> out = new ArrayList<>(m.getValue().size());
        for (NodeTuple t : m.getValue()) {
            visit(t.getKeyNode());
            out.add(new Node[] {t.getKeyNode(), t.getValueNode()});
        }
        return out;
    }

    /** " (did you mean 'x'?)" or " (expected one of: ...)". */
    static String suggest(String word, Collection<String> valid) {
        return Words.suggest(word, valid);
    }

    // ------------------------------------------------------------------ lists and scalars

    List<Node> seq(Node node, String what) throws LessonException {
        visit(node);
        Node n = real(node);
        if (!(n instanceof SequenceNode s)) {
            throw err(node, what + " must be a list, not " + kind(node));
        }
        List<Node> out = new ArrayList<>(s.getValue().size());
        for (Node c : s.getValue()) {
            visit(c);
            out.add(c);
        }
        return out;
    }

    static boolean isSeq(Node n) {
        return real(n) instanceof SequenceNode;
    }

    static boolean isMap(Node n) {
        return real(n) instanceof MappingNode;
    }

    static boolean isScalar(Node n) {
        return real(n) instanceof ScalarNode;
    }

    /** A scalar's text (may be empty). */
    String scalar(Node node, String what) throws LessonException {
        visit(node);
        Node n = real(node);
        if (!(n instanceof ScalarNode s)) {
            String hint = n instanceof MappingNode m && m.getValue().size() == 1
                    ? " (a ': ' inside a text starts a mapping: put the text in quotes)" : "";
            throw err(node, what + " must be text or a number, not " + kind(node) + hint);
        }
        return s.getValue();
    }

    /** A non-empty one-word-or-more text, stripped. */
    String str(Node node, String what) throws LessonException {
        String s = scalar(node, what).strip();
        if (s.isEmpty()) {
            throw err(node, what + " is empty");
        }
        return s;
    }

    /** Text that may span lines (narration): trailing blanks removed. */
    String text(Node node, String what) throws LessonException {
        String s = scalar(node, what).stripTrailing();
        if (s.isBlank()) {
            throw err(node, what + " is empty");
        }
        return s;
    }

    long num(Node node, String what) throws LessonException {
        String s = str(node, what);
        try {
            return Numbers.parse(s);
        } catch (SyntaxException e) {
            throw err(node, what + ": " + e.getMessage());
        }
    }

    int intIn(Node node, String what, long min, long max) throws LessonException {
        long v = num(node, what);
        if (v < min || v > max) {
            throw err(node, what + " must be between " + min + " and " + max + ", not " + v);
        }
        return (int) v;
    }

    boolean bool(Node node, String what) throws LessonException {
        String s = str(node, what);
        switch (s) {
            case "true", "yes", "on" -> {
                return true;
            }
            case "false", "no", "off" -> {
                return false;
            }
            default -> throw err(node, what + " must be true or false, not '" + shorten(s) + "'");
        }
    }

    /** A list of strings; a single text is a list of one. */
    List<String> strings(Node node, String what) throws LessonException {
        List<String> out = new ArrayList<>();
        if (isScalar(node)) {
            out.add(text(node, what));
            return out;
        }
        for (Node c : seq(node, what)) {
            out.add(text(c, what + " item"));
        }
        return out;
    }

    /** The fields of one mapping node, by key. */
    static final class Fields {
        private final Nodes nodes;
        final Node node;
        final String what;
        private final Map<String, NodeTuple> entries;

        Fields(Nodes nodes, Node node, String what, Map<String, NodeTuple> entries) {
            this.nodes = nodes;
            this.node = node;
            this.what = what;
            this.entries = entries;
        }

        boolean has(String key) {
            return entries.containsKey(key);
        }

        /** The value node, or null. */
        Node get(String key) {
            NodeTuple t = entries.get(key);
            return t == null ? null : t.getValueNode();
        }

        Node keyNode(String key) {
            NodeTuple t = entries.get(key);
            return t == null ? null : t.getKeyNode();
        }

        Node require(String key) throws LessonException {
            Node v = get(key);
            if (v == null) {
                throw nodes.err(node, what + " needs '" + key + "'");
            }
            return v;
        }

        java.util.Set<String> keys() {
            return entries.keySet();
        }
    }
}
