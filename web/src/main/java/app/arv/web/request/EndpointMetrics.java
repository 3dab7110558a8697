package app.arv.web.request;

import app.arv.platform.ApplicationMetric;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Duration;

/**
 * Counts requests and times them per endpoint. The endpoint is the route template
 * ({@code /projects/{id}}), never the concrete path, so ids don't explode the number of series.
 */
@Provider
public class EndpointMetrics implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = EndpointMetrics.class.getName() + ".started";

    @Inject
    MetricRegistry registry;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        String route = route();
        if (started == null || route == null) {
            return;
        }
        Tag method = new Tag("method", request.getMethod());
        Tag endpoint = new Tag("endpoint", route);
        ApplicationMetric.HTTP_REQUESTS.counter(registry, method, endpoint, new Tag("status", Integer.toString(response.getStatus()))).inc();
        ApplicationMetric.HTTP_REQUEST_DURATION.timer(registry, method, endpoint).update(Duration.ofNanos(System.nanoTime() - (long) started));
    }

    private String route() {
        if (resource == null || resource.getResourceMethod() == null) {
            return null;
        }
        Path type = resource.getResourceClass().getAnnotation(Path.class);
        Path method = resource.getResourceMethod().getAnnotation(Path.class);
        String joined = (type == null ? "" : "/" + type.value()) + (method == null ? "" : "/" + method.value());
        return joined.replaceAll("/+", "/");
    }
}
