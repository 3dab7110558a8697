package app.arv.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns down the chattiest loggers of the embedded services (they log through SLF4J into JUL).
 * Artemis' audit loggers print every message and session at INFO.
 */
final class QuietLogging {

    // JUL holds loggers weakly: keep references or the levels are forgotten.
    private static final List<Logger> CONFIGURED = new ArrayList<>();

    private QuietLogging() {
    }

    static synchronized void apply() {
        if (!CONFIGURED.isEmpty()) {
            return;
        }
        set("org.apache.activemq.audit", Level.WARNING);
        set("org.apache.activemq.audit.base", Level.WARNING);
        set("org.apache.activemq.audit.message", Level.WARNING);
        set("org.apache.activemq.audit.resource", Level.WARNING);
        set("org.apache.activemq.artemis", Level.WARNING);
        set("io.zonky.test.db.postgres", Level.WARNING);
        set("redis.embedded", Level.WARNING);
    }

    private static void set(String name, Level level) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(level);
        CONFIGURED.add(logger);
    }
}
