package app.arv.web.request;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The header choices that one IT server (HSTS off) cannot show. */
class SecurityHeadersTest {

    @Test
    void hstsIsSentWhenConfigured() throws Exception {
        Map<String, String> headers = filter(true, "/api/v1/projects");

        assertThat(headers.get("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
    }

    @Test
    void hstsIsNotSentByDefault() throws Exception {
        Map<String, String> headers = filter(false, "/api/v1/projects");

        assertThat(headers).doesNotContainKey("Strict-Transport-Security");
    }

    @Test
    void onlyTheCameraIsNamedInTheViewersPermissionsAndOnlyForThisOrigin() {
        String viewer = SecurityHeaders.features("camera", "autoplay");

        assertThat(viewer).contains("camera=(self)", "autoplay=(self)", "microphone=()", "geolocation=()")
                .doesNotContain("*");
        assertThat(SecurityHeaders.NO_FEATURES).contains("camera=()").doesNotContain("(self)");
    }

    private static Map<String, String> filter(boolean hsts, String uri) throws Exception {
        SecurityHeaderRules rules = new SecurityHeaderRules();
        rules.hsts = hsts;
        rules.hstsMaxAge = Duration.ofDays(365);
        SecurityHeaders filter = new SecurityHeaders();
        filter.rules = rules;
        Map<String, String> headers = new HashMap<>();
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(SecurityHeadersTest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRequestURI" -> uri;
                    case "getContextPath" -> "";
                    default -> null;
                });
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(SecurityHeadersTest.class.getClassLoader(),
                new Class<?>[]{HttpServletResponse.class}, (proxy, method, args) -> {
                    if (method.getName().equals("setHeader")) {
                        headers.put((String) args[0], (String) args[1]);
                    }
                    return null;
                });
        filter.doFilter(request, response, (req, res) -> {
        });
        return headers;
    }
}
