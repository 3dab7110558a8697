/**
 * ARV's logs as one JSON object per line: {@link JsonLogInstaller} sends the {@code app.arv.*} loggers to
 * the process's real standard output (application servers wrap {@code System.out} in their own format)
 * through {@link JsonLogFormatter}, which adds the request id; request threads only enqueue and one
 * writer thread writes, so a request never waits on stdout. {@link AccessLog} writes one line per HTTP
 * request. {@link RequestContext} is what the current thread's request is (id, path, client address, organization),
 * started by the request filters and read by the formatter, the problem bodies and the filters that know the caller.
 * The bottom of the web layer: uses nothing of it, every package may use it.
 */
package app.arv.web.logging;
