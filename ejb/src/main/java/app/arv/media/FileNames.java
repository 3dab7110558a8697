package app.arv.media;

/**
 * Makes a client's file name fit to show and to offer as a download name. It is only ever a label:
 * storage keys are built from ids, so even {@code ../../etc/passwd} could not reach a path.
 */
public final class FileNames {

    static final int MAX_LENGTH = 200;
    private static final String FALLBACK = "file";

    private FileNames() {
    }

    public static String sanitize(String name) {
        if (name == null) {
            return FALLBACK;
        }
        // Browsers on Windows send full paths; only the last segment is the file's name.
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        base.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT || "<>:\"|?*".indexOf(cp) >= 0) {
                clean.append('_');
            } else {
                clean.appendCodePoint(Character.isWhitespace(cp) ? ' ' : cp);
            }
        });
        String result = clean.toString().strip().replaceAll(" {2,}", " ");
        // Leading dots would hide the file on Unix and "." / ".." mean directories.
        result = result.replaceFirst("^\\.+", "").strip();
        if (result.codePointCount(0, result.length()) > MAX_LENGTH) {
            result = capKeepingExtension(result);
        }
        return result.isEmpty() ? FALLBACK : result;
    }

    /**
     * The sanitized name without its extension: what a file can be titled by. At most {@value #MAX_LENGTH}
     * characters (code points: a character outside the BMP is never cut in half), never empty.
     */
    public static String stem(String name) {
        String clean = sanitize(name);
        int dot = clean.lastIndexOf('.');
        return dot > 0 ? clean.substring(0, dot).strip() : clean;
    }

    private static String capKeepingExtension(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - extension.length());
        int keep = MAX_LENGTH - extension.length();
        return stem.substring(0, stem.offsetByCodePoints(0, keep)) + extension;
    }
}
