package app.arv.launcher;

/** A service's URL as the launcher shows it (the ready banner, errors): a console, CI output and the journal keep it. */
final class ShownUrl {

    private ShownUrl() {
    }

    /** The URL with a password in its user part or its query replaced by {@code ***}. */
    static String of(String url) {
        return url.replaceAll("(?<=://)([^:/@]*):[^@/]*@", "$1:***@").replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
