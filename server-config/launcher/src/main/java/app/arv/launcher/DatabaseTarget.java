package app.arv.launcher;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where ARV's database is: DATABASE_URL (jdbc:postgresql://host:port/db?params), DATABASE_USER, DATABASE_PASSWORD. */
public record DatabaseTarget(String jdbcUrl, String user, String password) {

    private static final String PREFIX = "jdbc:postgresql://";

    public DatabaseTarget {
        if (jdbcUrl == null || !jdbcUrl.startsWith(PREFIX)) {
            throw new IllegalArgumentException("DATABASE_URL must look like jdbc:postgresql://host:port/database, got "
                    + jdbcUrl);
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /**
     * The properties of a PGSimpleDataSource equivalent to the URL. Separate bean properties rather
     * than the URL itself: fewer characters that asadmin's property syntax needs escaped.
     */
    Map<String, String> dataSourceProperties() {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("serverName", uri.getHost());
        properties.put("portNumber", String.valueOf(uri.getPort() > 0 ? uri.getPort() : 5432));
        properties.put("databaseName", uri.getPath().replaceFirst("^/", ""));
        // asadmin rejects an empty property value: leave unset ones out (trust/peer auth).
        if (!user.isEmpty()) {
            properties.put("user", user);
        }
        if (!password.isEmpty()) {
            properties.put("password", password);
        }
        // Fail fast when the database is away: the readiness check must answer within seconds.
        properties.put("connectTimeout", "3");
        properties.put("loginTimeout", "3");
        // A database that stops answering (a partition, a frozen host, a fail-over behind a silent address) must not
        // hold request and timer threads in a socket read until the kernel gives up, ~15 min later: no statement of
        // ARV's outlives its transaction's 120 s cap, so a read silent for longer than that has lost its database.
        properties.put("socketTimeout", "130");
        properties.put("ApplicationName", "arv");
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    properties.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        return properties;
    }
}
