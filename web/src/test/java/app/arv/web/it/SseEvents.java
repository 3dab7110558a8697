package app.arv.web.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A minimal Server-Sent Events client: reads a stream to its end and answers its events in order. */
final class SseEvents {

    record Event(String id, String name, String data) {
    }

    /** @param connectedAt when the response headers arrived: events created later reached this client live */
    record Stream(int status, String contentType, java.time.Instant connectedAt, List<Event> events) {

        List<String> names() {
            return events.stream().map(Event::name).toList();
        }

        long count(String name) {
            return events.stream().filter(e -> name.equals(e.name())).count();
        }
    }

    private SseEvents() {
    }

    /** Reads the job's event stream until the server ends it; fails after {@code timeout}. */
    static Stream read(String token, String path, String lastEventId, Duration timeout) throws Exception {
        return read(ArvServer.baseUrl(), token, path, lastEventId, timeout);
    }

    /** The same, from the ARV node at {@code baseUrl}. */
    static Stream read(String baseUrl, String token, String path, String lastEventId, Duration timeout) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1" + path))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient()
                .send(request.build(), HttpResponse.BodyHandlers.ofLines());
        java.time.Instant connectedAt = java.time.Instant.now();
        String type = response.headers().firstValue("Content-Type").orElse("");
        CompletableFuture<List<Event>> events = CompletableFuture.supplyAsync(() -> parse(response.body()));
        return new Stream(response.statusCode(), type, connectedAt, events.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    private static List<Event> parse(java.util.stream.Stream<String> lines) {
        List<Event> events = new ArrayList<>();
        String[] current = new String[3];
        StringBuilder data = new StringBuilder();
        for (String line : (Iterable<String>) lines::iterator) {
            if (line.isEmpty()) {
                if (current[1] != null || data.length() > 0) {
                    events.add(new Event(current[0], current[1] == null ? "message" : current[1], data.toString()));
                }
                current = new String[3];
                data.setLength(0);
            } else if (line.startsWith("id:")) {
                current[0] = line.substring(3).strip();
            } else if (line.startsWith("event:")) {
                current[1] = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).strip());
            }
        }
        return events;
    }
}
