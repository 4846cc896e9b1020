package org.vmalab.explore;

/**
 * A small streaming JSON writer: two-space indentation; strings are ASCII (every character outside printable
 * ASCII is written as a \\u escape), so the output survives any console encoding.
 */
public final class JsonWriter {
    private final StringBuilder b = new StringBuilder();
    private final boolean[] first = new boolean[64];
    private int depth;
    private boolean afterName;

    public JsonWriter beginObject() {
        return open('{');
    }

    public JsonWriter endObject() {
        return close('}');
    }

    public JsonWriter beginArray() {
        return open('[');
    }

    public JsonWriter endArray() {
        return close(']');
    }

    public JsonWriter name(String n) {
        comma();
        string(n);
        b.append(": ");
        afterName = true;
        return this;
    }

    public JsonWriter value(String s) {
        comma();
        if (s == null) {
            b.append("null");
        } else {
            string(s);
        }
        return this;
    }

    public JsonWriter value(long v) {
        comma();
        b.append(v);
        return this;
    }

    public JsonWriter value(double v) {
        comma();
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            b.append("null");
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            b.append((long) v);
        } else {
            b.append(v);
        }
        return this;
    }

    public JsonWriter value(boolean v) {
        comma();
        b.append(v);
        return this;
    }

    public JsonWriter nullValue() {
        comma();
        b.append("null");
        return this;
    }

    public JsonWriter field(String n, String v) {
        return name(n).value(v);
    }

    public JsonWriter field(String n, long v) {
        return name(n).value(v);
    }

    public JsonWriter field(String n, double v) {
        return name(n).value(v);
    }

    public JsonWriter field(String n, boolean v) {
        return name(n).value(v);
    }

    @Override
    public String toString() {
        return b.toString();
    }

    private JsonWriter open(char c) {
        comma();
        b.append(c);
        depth++;
        first[depth] = true;
        return this;
    }

    private JsonWriter close(char c) {
        boolean empty = first[depth];
        depth--;
        if (!empty) {
            newline();
        }
        b.append(c);
        return this;
    }

    private void comma() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth == 0) {
            return;
        }
        if (!first[depth]) {
            b.append(',');
        }
        first[depth] = false;
        newline();
    }

    private void newline() {
        b.append('\n');
        for (int i = 0; i < depth; i++) {
            b.append("  ");
        }
    }

    private void string(String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
