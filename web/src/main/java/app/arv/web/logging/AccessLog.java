package app.arv.web.logging;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** One structured line per HTTP request: who asked what, how it ended and how long it took. */
@ApplicationScoped
public class AccessLog {

    private static final Logger LOG = Logger.getLogger("app.arv.access");

    public void record(String method, String path, int status, long durationMillis, String requestId, UUID organizationId,
            String client) {
        if (!LOG.isLoggable(Level.INFO)) {
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("request_id", requestId);
        fields.put("method", method);
        fields.put("path", path);
        fields.put("status", status);
        fields.put("duration_ms", durationMillis);
        fields.put("organization", organizationId == null ? null : organizationId.toString());
        fields.put("client", client);
        // Readable as it is where the server's own formatter writes it (a full server's server.log); the JSON line has the fields too.
        LogRecord line = new LogRecord(Level.INFO, "request " + method + " " + path + " " + status + " (" + durationMillis + " ms)");
        line.setLoggerName(LOG.getName());
        line.setParameters(new Object[]{new JsonLogFormatter.Fields(fields)});
        LOG.log(line);
    }
}
