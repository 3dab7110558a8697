package app.arv.web.logging;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * On Payara Micro, sends ARV's own loggers ({@code app.arv.*}) to standard output as JSON lines, beside the server's
 * (which its logging.properties makes JSON too): that is where a process's logs go in a container or under the
 * launcher. It writes to the process's real stdout because the server captures {@code System.out} and would wrap each
 * line in its own format. A full server (Payara Server, WildFly) started as a daemon has no stdout anybody reads —
 * the lines written there were lost — so there ARV's loggers stay with the server's own log (server.log) and its
 * format. {@code ARV_LOG_STDOUT} decides either way when set.
 */
@WebListener
public class JsonLogInstaller implements ServletContextListener {

    private static final Logger ROOT = Logger.getLogger("app.arv");

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "arv.log.stdout")
    Optional<Boolean> stdout;

    private Handler handler;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String server = event.getServletContext().getServerInfo();
        if (!stdout.orElseGet(() -> server != null && server.contains("Payara Micro"))) {
            ROOT.info(() -> "ARV logs to the server's own log (" + server + "); ARV_LOG_STDOUT=true sends it to stdout as JSON");
            return;
        }
        handler = new StdoutHandler(threads);
        handler.setFormatter(new JsonLogFormatter());
        handler.setLevel(Level.ALL);
        ROOT.addHandler(handler);
        ROOT.setUseParentHandlers(false);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (handler != null) {
            ROOT.removeHandler(handler);
            ROOT.setUseParentHandlers(true);
            handler.close();
        }
    }

    /**
     * Writes whole lines to file descriptor 1 and never closes it: the server owns the process's stdout.
     * Request threads only format and enqueue; one writer thread drains the queue in batches with one
     * flush each — a synchronous write and flush per access-log line was a fifth of the busy time of an
     * authenticated read under load. A full queue makes callers wait rather than lose lines.
     */
    private static final class StdoutHandler extends Handler {

        private static final int CAPACITY = 16_384;
        /** Compared by identity: no formatted line is this very object. */
        private static final String STOP = new String("stop");

        private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(CAPACITY);
        private final PrintStream out = new PrintStream(
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 64 * 1024), false, StandardCharsets.UTF_8);
        private final Thread writer;

        StdoutHandler(ThreadFactory threads) {
            writer = threads.newThread(this::drain);
            writer.setName("arv-log-writer");
            writer.setDaemon(true);
            writer.start();
        }

        @Override
        public void publish(LogRecord record) {
            if (isLoggable(record)) {
                String line = getFormatter().format(record);
                try {
                    lines.put(line);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private void drain() {
            List<String> batch = new ArrayList<>(256);
            try {
                while (true) {
                    batch.add(lines.take());
                    lines.drainTo(batch, 255);
                    for (String line : batch) {
                        if (line == STOP) {
                            out.flush();
                            return;
                        }
                        out.print(line);
                    }
                    out.flush();
                    batch.clear();
                }
            } catch (InterruptedException e) {
                out.flush();
            }
        }

        @Override
        public void flush() {
            // The writer flushes after every batch; nothing is held back longer than one batch.
        }

        @Override
        public void close() {
            try {
                lines.put(STOP);
                writer.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
