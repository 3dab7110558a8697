package app.arv.protection;

/**
 * An organization's limits in force: its overrides where set, the installation's defaults elsewhere.
 *
 * @param requestsPerMinute per credential (API key, or the user of a JWT), as {@code requestsPerHour} and {@code uploadsPerMinute}
 * @param organizationRequestsPerMinute all the organization's credentials together, as {@code organizationRequestsPerHour}
 */
public record QuotaLimits(int requestsPerMinute, int requestsPerHour, int uploadsPerMinute, long storedBytes,
        int generationsPerMonth, boolean falAllowed, int falItemsPerMonth, int organizationRequestsPerMinute,
        int organizationRequestsPerHour) {
}
