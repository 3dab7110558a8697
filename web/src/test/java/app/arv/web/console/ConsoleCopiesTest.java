package app.arv.web.console;

import app.arv.imaging.model3d.TextureQuality;
import app.arv.notification.OccurrenceType;
import app.arv.persistence.audit.ActorKind;
import app.arv.persistence.audit.AuditAction;
import app.arv.persistence.audit.AuditAction.SubjectType;
import app.arv.persistence.generation.GenerationPriority;
import app.arv.persistence.generation.GenerationStatus;
import app.arv.persistence.marker.MarkerStatus;
import app.arv.persistence.notification.NotificationChannel;
import app.arv.shared.Jsonp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console keeps copies of the server's enums — the lists its filters and forms offer, and a label for each value
 * in every language — because it is plain scripts with no build. Each copy is read here (the scripts' {@code const}
 * lists, the {@code i18n/*.json} keys) and compared with the enum it copies, so a value added, renamed or dropped on
 * the server fails here rather than showing as a missing filter or a raw key in the console.
 */
class ConsoleCopiesTest {

    private static final Path CONSOLE = Path.of("src/main/webapp/console");
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    private static Map<String, Set<String>> languages;

    @BeforeAll
    static void readLanguageFiles() throws IOException {
        languages = new TreeMap<>();
        try (Stream<Path> files = Files.list(CONSOLE.resolve("i18n"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                languages.put(file.getFileName().toString(), new TreeSet<>(Jsonp.readObject(Files.readString(file)).keySet()));
            }
        }
        assertThat(languages).as("the console's language files").containsKeys("en.json", "ru.json");
    }

    @Test
    void everyLanguageFileHasEveryKey() {
        Set<String> all = languages.values().stream().flatMap(Set::stream).collect(Collectors.toCollection(TreeSet::new));

        languages.forEach((file, keys) -> assertThat(keys).as("the keys of " + file).containsExactlyInAnyOrderElementsOf(all));
    }

    @Test
    void theWebhookFormOffersEverySubscribableEventType() throws IOException {
        assertThat(list("webhooks.js", "EVENTS")).containsExactlyInAnyOrderElementsOf(subscribable());
    }

    @Test
    void theAuditFilterOffersEveryAction() throws IOException {
        assertThat(list("audit.js", "ACTIONS")).containsExactlyInAnyOrderElementsOf(stored(AuditAction.class, AuditAction::wireName));
    }

    @Test
    void theGenerationFilterOffersEveryJobStatus() throws IOException {
        assertThat(list("generations.js", "JOB_STATUSES")).containsExactlyInAnyOrderElementsOf(lowerCase(GenerationStatus.class));
    }

    @Test
    void theMarkerStatusFilterOffersEveryMarkerStatus() throws IOException {
        assertThat(list("projects.js", "STATUSES")).containsExactlyInAnyOrderElementsOf(lowerCase(MarkerStatus.class));
    }

    @Test
    void theGenerationFormOffersEveryTextureQualityInItsOrder() throws IOException {
        assertThat(list("generations.js", "TEXTURES")).containsExactlyElementsOf(
                Arrays.stream(TextureQuality.values()).map(TextureQuality::apiName).toList());
    }

    @Test
    void theGenerationFormOffersEveryPriorityInItsOrder() throws IOException {
        assertThat(list("generations.js", "PRIORITIES")).containsExactlyElementsOf(
                Arrays.stream(GenerationPriority.values()).map(p -> p.name().toLowerCase(Locale.ROOT)).toList());
    }

    @Test
    void theNotificationPreferencesOfferEveryChannel() throws IOException {
        assertThat(list("notifications.js", "CHANNELS")).containsExactlyInAnyOrderElementsOf(
                stored(NotificationChannel.class, NotificationChannel::wireName));
    }

    @Test
    void everyTextureQualityPriorityAndChannelHasItsLabelInEveryLanguage() {
        assertLabelled("texture.", lowerCase(TextureQuality.class));
        assertLabelled("priority.", lowerCase(GenerationPriority.class));
        assertLabelled("notifications.channel.", stored(NotificationChannel.class, NotificationChannel::wireName));
    }

    @Test
    void everyEventTypeHasItsLabelsInEveryLanguage() {
        assertLabelled("notifications.type.", subscribable());
        assertLabelled("notifications.text.", subscribable());
        assertLabelled("webhooks.event.", subscribable());
    }

    @Test
    void everyAuditActionActorAndSubjectHasItsLabelInEveryLanguage() {
        assertLabelled("audit.action.", stored(AuditAction.class, AuditAction::wireName));
        assertLabelled("audit.actor.", lowerCase(ActorKind.class));
        assertLabelled("audit.subject.", stored(SubjectType.class, SubjectType::wireName));
    }

    @Test
    void everyGenerationAndMarkerStatusHasItsLabelInEveryLanguage() {
        Set<String> statuses = new TreeSet<>(lowerCase(GenerationStatus.class));
        statuses.addAll(lowerCase(MarkerStatus.class));

        languages.forEach((file, keys) -> assertThat(labelled(keys, "status.")).as("the status labels of " + file).containsAll(statuses));
    }

    /** Exactly one label per value under the prefix: none missing, none left from a value that went. */
    private static void assertLabelled(String prefix, Set<String> values) {
        languages.forEach((file, keys) -> assertThat(labelled(keys, prefix)).as("the " + prefix + "* labels of " + file)
                .containsExactlyInAnyOrderElementsOf(values));
    }

    private static Set<String> labelled(Set<String> keys, String prefix) {
        return keys.stream().filter(k -> k.startsWith(prefix)).map(k -> k.substring(prefix.length()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> subscribable() {
        return Arrays.stream(OccurrenceType.values()).filter(t -> t != OccurrenceType.TEST).map(OccurrenceType::wireName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static <E extends Enum<E>> Set<String> lowerCase(Class<E> type) {
        return stored(type, e -> e.name().toLowerCase(Locale.ROOT));
    }

    private static <E extends Enum<E>> Set<String> stored(Class<E> type, Function<E, String> name) {
        return Arrays.stream(type.getEnumConstants()).map(name).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The strings of {@code const NAME = [...]} in a console script. */
    private static List<String> list(String script, String name) throws IOException {
        Matcher declared = Pattern.compile("const " + name + " = \\[([^\\]]*)]").matcher(Files.readString(CONSOLE.resolve("js").resolve(script)));
        assertThat(declared.find()).as(name + " in " + script).isTrue();
        List<String> values = new ArrayList<>();
        Matcher quoted = QUOTED.matcher(declared.group(1));
        while (quoted.find()) {
            values.add(quoted.group(1));
        }
        return values;
    }
}
