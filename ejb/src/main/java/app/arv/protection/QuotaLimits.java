package app.arv.protection;

/** An organization's limits in force: its overrides where set, the installation's defaults elsewhere. */
public record QuotaLimits(int requestsPerMinute, int requestsPerHour, int uploadsPerMinute, long storedBytes,
        int generationsPerMonth, boolean falAllowed, int falItemsPerMonth) {
}
