package app.arv.web.logging;

import app.arv.shared.Jsonp;
import jakarta.json.JsonObjectBuilder;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * Formats a log record as one JSON object on one line, with the current request id, so log
 * pipelines can index ARV's logs without parsing prose.
 */
public class JsonLogFormatter extends Formatter {

    /** Structured fields a record carries as its single parameter; they become top-level keys. */
    public record Fields(Map<String, Object> values) {
    }

    @Override
    public String format(LogRecord record) {
        // The field names of Payara's JSONLogFormatter, so server and application lines share one schema.
        JsonObjectBuilder line = Jsonp.createObjectBuilder()
                .add("Timestamp", Instant.ofEpochMilli(record.getMillis()).toString())
                .add("Level", record.getLevel().getName())
                .add("LoggerName", String.valueOf(record.getLoggerName()))
                .add("ThreadName", Thread.currentThread().getName())
                .add("TimeMillis", Long.toString(record.getMillis()))
                .add("LevelValue", Integer.toString(record.getLevel().intValue()))
                .add("LogMessage", String.valueOf(formatMessage(record)));
        String requestId = RequestContext.requestId();
        if (requestId != null) {
            line.add("request_id", requestId);
        }
        Object[] parameters = record.getParameters();
        if (parameters != null && parameters.length == 1 && parameters[0] instanceof Fields fields) {
            fields.values().forEach((key, value) -> add(line, key, value));
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.add("Throwable", Jsonp.createObjectBuilder()
                    .add("Exception", String.valueOf(record.getThrown()))
                    .add("StackTrace", trace.toString()));
        }
        return line.build().toString() + System.lineSeparator();
    }

    private static void add(JsonObjectBuilder line, String key, Object value) {
        if (value == null) {
            line.addNull(key);
        } else if (value instanceof Integer i) {
            line.add(key, i);
        } else if (value instanceof Long l) {
            line.add(key, l);
        } else if (value instanceof Boolean b) {
            line.add(key, b);
        } else {
            line.add(key, value.toString());
        }
    }
}
