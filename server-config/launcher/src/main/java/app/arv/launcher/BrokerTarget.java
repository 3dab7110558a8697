package app.arv.launcher;

import java.net.URI;

/**
 * Where ARV's broker is: ARTEMIS_URL (tcp://host:port) and, for a broker with security, the
 * credentials from its user info (tcp://user:password@host:port) or ARTEMIS_USER / ARTEMIS_PASSWORD.
 */
public record BrokerTarget(String url, String host, int port, String user, String password) {

    public static BrokerTarget of(String artemisUrl, String userFromEnvironment, String passwordFromEnvironment) {
        URI uri = URI.create(artemisUrl);
        if (uri.getHost() == null || uri.getPort() <= 0) {
            throw new IllegalArgumentException("ARTEMIS_URL must look like tcp://host:port, got " + artemisUrl);
        }
        String user = blankToEmpty(userFromEnvironment);
        String password = blankToEmpty(passwordFromEnvironment);
        String userInfo = uri.getUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            user = colon < 0 ? userInfo : userInfo.substring(0, colon);
            password = colon < 0 ? "" : userInfo.substring(colon + 1);
        }
        return new BrokerTarget(artemisUrl, uri.getHost(), uri.getPort(), user, password);
    }

    public boolean hasCredentials() {
        return !user.isEmpty();
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value;
    }
}
