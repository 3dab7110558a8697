package app.arv.launcher;

import sun.misc.Signal;

import java.io.PrintStream;
import java.time.Instant;

/**
 * Says which signal stopped the launcher before the shutdown hook stops ARV and its services: a
 * stack that vanishes in the middle of a script is otherwise a mystery (a hang-up and a Ctrl-C
 * look the same from inside the JVM).
 */
final class StopSignals {

    private StopSignals() {
    }

    static void announceOn(PrintStream out) {
        for (String name : new String[]{"TERM", "INT", "HUP"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    out.println(Instant.now() + " launcher: SIG" + signal.getName() + " received, stopping");
                    out.flush();
                    // exit(128 + n) like a shell would report it; the shutdown hooks do the stopping.
                    System.exit(128 + signal.getNumber());
                });
            } catch (IllegalArgumentException unsupported) {
                // e.g. HUP on a platform without it: keep the JVM's default
            }
        }
    }
}
