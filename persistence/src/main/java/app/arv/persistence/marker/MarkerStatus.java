package app.arv.persistence.marker;

/** Where an AR content's MindAR target is: pending → compiling → ready | failed. */
public enum MarkerStatus {
    PENDING, COMPILING, READY, FAILED
}
