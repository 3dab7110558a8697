package app.arv.storage;

import java.util.List;

/** The outcome of writing, reading back and deleting a probe object: each step with its timing. */
public record ProbeReport(boolean ok, List<Step> steps) {

    public record Step(String name, boolean ok, long millis, String error) {
    }
}
