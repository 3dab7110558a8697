/**
 * ARV's logs as one JSON object per line: {@link JsonLogInstaller} sends the {@code app.arv.*} loggers to
 * the process's real standard output (application servers wrap {@code System.out} in their own format)
 * through {@link JsonLogFormatter}, which adds the request id; request threads only enqueue and one
 * writer thread writes, so a request never waits on stdout. {@link AccessLog} writes one line per HTTP
 * request. Used by the request filters.
 */
package app.arv.web.logging;
