package app.arv.storage;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * How ARV names objects. Keys are built only from ids and fixed words, so client text (a file name
 * like {@code ../../etc/passwd}) can never reach a path or a bucket key.
 */
public final class StorageKeys {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private StorageKeys() {
    }

    /** Everything of one organization in one store: {@code [basePath/]orgs/{organization}/}. */
    public static String organizationPrefix(String basePath, UUID organizationId) {
        String base = basePath == null || basePath.isBlank() ? "" : trimSlashes(basePath) + "/";
        return base + "orgs/" + organizationId + "/";
    }

    public static String media(String organizationPrefix, UUID resourceId) {
        return organizationPrefix + "media/" + resourceId.toString().substring(0, 2) + "/" + resourceId;
    }

    /** Where a client PUTs a direct upload: never a resource's key, so the presigned URL cannot reach verified bytes. */
    public static String upload(String organizationPrefix, UUID uploadId) {
        return organizationPrefix + "uploads/" + uploadId;
    }

    public static String probe(String organizationPrefix) {
        return organizationPrefix + "probes/" + UUID.randomUUID();
    }

    /** Whether a key (or a base path) consists only of safe segments: no "..", no empty or hidden segments. */
    public static boolean valid(String key) {
        if (key == null || key.isEmpty() || key.length() > 500) {
            return false;
        }
        for (String segment : key.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals("..") || segment.equals(".")) {
                return false;
            }
        }
        return true;
    }

    static String requireValid(String key) {
        if (!valid(key)) {
            throw new IllegalArgumentException("Not a storage key ARV makes: " + key);
        }
        return key;
    }

    private static String trimSlashes(String path) {
        String p = path.strip();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
