/**
 * The browser console's server side, which is almost nothing: the console is static files under
 * {@code webapp/console/} (Preact + htm, model-viewer, bundled from npm by the build) and a client of the public API
 * only. {@link ConsoleRedirect} sends the root address to it; its Content-Security-Policy is set by
 * {@code app.arv.web.request.SecurityHeaders}.
 */
package app.arv.web.console;
