package app.arv.imaging.cli;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pretty JSON for the CLI's summaries (maps, lists, strings, numbers, booleans, null). Hand-written because a
 * JSON library's start-up costs more CPU than a whole small compile in a one-shot process.
 */
final class Json {

    private Json() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 0);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Double d) {
            out.append(d.isNaN() || d.isInfinite()
                    ? "null"
                    : d == Math.rint(d) && Math.abs(d) < 1e15
                            ? Long.toString(d.longValue()) + ".0"
                            : Double.toString(d));
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            container(map.entrySet().iterator(), '{', '}', out, depth, (e, o) -> {
                string(String.valueOf(((Map.Entry<?, ?>) e).getKey()), o);
                o.append(": ");
                write(((Map.Entry<?, ?>) e).getValue(), o, depth + 1);
            });
        } else if (value instanceof List<?> list) {
            container(list.iterator(), '[', ']', out, depth, (e, o) -> write(e, o, depth + 1));
        } else {
            string(value.toString(), out);
        }
    }

    private interface Item {
        void write(Object item, StringBuilder out);
    }

    private static void container(Iterator<?> items, char open, char close, StringBuilder out, int depth, Item item) {
        out.append(open);
        if (!items.hasNext()) {
            out.append(close);
            return;
        }
        while (items.hasNext()) {
            out.append('\n').append("  ".repeat(depth + 1));
            item.write(items.next(), out);
            if (items.hasNext()) {
                out.append(',');
            }
        }
        out.append('\n').append("  ".repeat(depth)).append(close);
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
