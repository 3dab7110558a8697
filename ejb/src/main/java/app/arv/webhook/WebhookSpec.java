package app.arv.webhook;

import java.util.List;

/**
 * What an admin asks for when creating or changing a webhook; on a change, a null field stays as it is.
 *
 * @param events wire names, or {@code ["*"]} for every type (on creation, null means every type too)
 * @param secret the admin's own signing secret; null: ARV makes one (creation only)
 */
public record WebhookSpec(String url, List<String> events, String description, Boolean enabled, String secret) {
}
