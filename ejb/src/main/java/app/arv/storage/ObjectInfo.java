package app.arv.storage;

import java.time.Instant;

public record ObjectInfo(String key, long size, Instant lastModified) {
}
