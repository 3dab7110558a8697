package app.arv.protection;

import java.time.YearMonth;

/** What an organization uses of each quota, next to the quota. */
public record Usage(YearMonth month, long storedBytes, int generationItems, int falItems, QuotaLimits limits) {
}
