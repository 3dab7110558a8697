package app.arv.web.logging;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.LogRecord;

/**
 * Sends ARV's own loggers ({@code app.arv.*}) to standard output as JSON lines. It writes to the
 * process's real stdout because application servers capture {@code System.out} and would wrap
 * each line in their own format.
 */
@WebListener
public class JsonLogInstaller implements ServletContextListener {

    private static final Logger ROOT = Logger.getLogger("app.arv");
    private Handler handler;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        handler = new StdoutHandler();
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

    /** Writes whole lines to file descriptor 1 and never closes it: the server owns the process's stdout. */
    private static final class StdoutHandler extends Handler {

        private final PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);

        @Override
        public void publish(LogRecord record) {
            if (isLoggable(record)) {
                String line = getFormatter().format(record);
                synchronized (out) {
                    out.print(line);
                    out.flush();
                }
            }
        }

        @Override
        public void flush() {
            out.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
