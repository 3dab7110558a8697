/**
 * {@code GET /usage} ({@link UsageResource}): what the caller's organization used of each quota next to the
 * quota, and its request limits, from {@code app.arv.protection}.
 */
package app.arv.web.usage;
