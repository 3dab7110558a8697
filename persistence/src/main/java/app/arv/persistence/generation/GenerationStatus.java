package app.arv.persistence.generation;

/** Where a generation job or one of its items stands. COMPLETED, FAILED and CANCELLED are final. */
public enum GenerationStatus {
    QUEUED, PROCESSING, COMPLETED, FAILED, CANCELLED;

    public boolean isFinal() { return this == COMPLETED || this == FAILED || this == CANCELLED; }
}
