package app.arv.persistence.generation;

/** Which queue a job's items wait in; each priority has its own queue and workers. */
public enum GenerationPriority {
    HIGH, NORMAL, LOW
}
