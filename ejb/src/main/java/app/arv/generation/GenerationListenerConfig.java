package app.arv.generation;

/** The MDBs' worker count as Payara resolves it for {@link GenerationListener#WORKERS}, for reports. */
final class GenerationListenerConfig {

    static final int DEFAULT_WORKERS = 2;

    private GenerationListenerConfig() {
    }

    static int workers() {
        String value = System.getenv("ARV_GENERATION_WORKERS");
        try {
            return value == null || value.isBlank() ? DEFAULT_WORKERS : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return DEFAULT_WORKERS;
        }
    }
}
