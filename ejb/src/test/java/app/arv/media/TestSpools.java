package app.arv.media;

import java.nio.file.Path;

/** The node's upload spool as the container sets it up, for the tests of services that take uploads outside this package. */
public final class TestSpools {

    private TestSpools() {
    }

    /** The spool under {@code dataDir}, as {@code arv.data.dir} places it. */
    public static Spool in(Path dataDir) {
        Spool spool = new Spool();
        spool.dataDir = dataDir.toString();
        spool.init();
        return spool;
    }
}
