package app.arv.web;

import app.arv.notification.OccurrenceType;
import app.arv.web.notification.NotificationPreferenceResource;
import app.arv.web.notification.NotificationResource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The API description names the event types from the enum, never by hand. */
class EventTypeNamesTest {

    private static final List<String> EVENT_TYPES = Arrays.stream(OccurrenceType.values()).filter(t -> t != OccurrenceType.TEST)
            .map(OccurrenceType::wireName).toList();

    @Test
    void theNotificationListingNamesEveryEventType() {
        String described = EventTypeNames.fill(descriptionOf(NotificationResource.class, "list"));

        assertThat(listed(described, "type is the event (", ")")).containsExactlyInAnyOrderElementsOf(EVENT_TYPES);
    }

    @Test
    void thePreferencesNameEveryEventTypeOnceAsMailedOrNotByDefault() {
        String described = EventTypeNames.fill(descriptionOf(NotificationPreferenceResource.class, "list"));

        List<String> mailed = listed(described, "email on for ", ";");
        List<String> notMailed = listed(described, "off for ", null);
        assertThat(mailed).contains("marker.failed").doesNotContain("marker.ready");
        assertThat(mailed).doesNotContainAnyElementsOf(notMailed);
        assertThat(mailed).hasSizeGreaterThan(0).hasSizeLessThan(EVENT_TYPES.size());
        assertThat(union(mailed, notMailed)).containsExactlyInAnyOrderElementsOf(EVENT_TYPES);
    }

    private static String descriptionOf(Class<?> resource, String method) {
        return Arrays.stream(resource.getMethods()).filter(m -> m.getName().equals(method)).findFirst().orElseThrow()
                .getAnnotation(Operation.class).description();
    }

    /** The comma-separated names between {@code after} and {@code before} (or the end). */
    private static List<String> listed(String text, String after, String before) {
        int start = text.indexOf(after);
        assertThat(start).as("'" + after + "' in: " + text).isNotNegative();
        start += after.length();
        int end = before == null ? text.length() : text.indexOf(before, start);
        return Arrays.stream(text.substring(start, end).split(",")).map(String::strip).toList();
    }

    private static List<String> union(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
