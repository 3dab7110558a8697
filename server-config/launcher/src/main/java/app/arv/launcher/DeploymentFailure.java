package app.arv.launcher;

import java.util.List;

/**
 * Recognises Payara's log lines for a failed deployment, so a start fails in seconds with the cause
 * instead of waiting for a readiness timeout (Payara keeps running without the application).
 */
final class DeploymentFailure {

    private static final List<String> MARKERS = List.of(
            "Exception while loading the app",
            "Exception while deploying the app",
            "Exception during lifecycle processing",
            "failed due to previous errors",
            "Deployment of the application failed");

    private DeploymentFailure() {
    }

    static boolean isReportedBy(String logLine) {
        for (String marker : MARKERS) {
            if (logLine.contains(marker)) {
                return true;
            }
        }
        return false;
    }
}
