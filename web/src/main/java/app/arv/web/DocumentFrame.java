package app.arv.web;

import app.arv.platform.PublicAddress;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;

import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The document around the operations: the server a client calls, path templates without their regular expressions, and
 * nothing a validator refuses.
 */
final class DocumentFrame {

    private DocumentFrame() {
    }

    static void document(OpenAPI api) {
        api.setServers(List.of(OASFactory.createServer().url(serverUrl())
                .description("ARV_PUBLIC_URL when set; else the address the document was fetched from")));
        dropEndpoints(api);
    }

    /**
     * {@code ARV_PUBLIC_URL} when set, else {@code /}: relative to the document's own address, whatever {@code Host} the
     * client used (the scanner writes the server's own {@code http://localhost:<port>/}).
     */
    static String serverUrl() {
        return new PublicAddress(ConfigProvider.getConfig().getOptionalValue("arv.public-url", String.class)).url().orElse("/");
    }

    /** Each path as a template a client fills in: {@code qr.{format: svg|png}} is {@code qr.{format}}. */
    static void templatePaths(OpenAPI api) {
        Map<String, PathItem> items = new LinkedHashMap<>(api.getPaths().getPathItems());
        items.forEach((path, item) -> {
            String template = ResourceMethods.template(path);
            if (!template.equals(path)) {
                api.getPaths().removePathItem(path);
                api.getPaths().addPathItem(template, item);
            }
        });
    }

    /**
     * Payara adds a top-level {@code endpoints} (each context root's paths) that OpenAPI does not know, and validators
     * refuse the document for it. It has no place in the model's interface: its own model's map is emptied, which the
     * server does not write.
     */
    private static void dropEndpoints(OpenAPI api) {
        try {
            Object endpoints = api.getClass().getMethod("getEndpoints").invoke(api);
            if (endpoints instanceof Map<?, ?> map) {
                map.clear();
            }
        } catch (NoSuchMethodException e) {
            // Another server's model: nothing to drop.
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot drop the server's endpoints from the OpenAPI document", e);
        }
    }
}
