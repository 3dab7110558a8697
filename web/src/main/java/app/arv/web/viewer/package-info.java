/**
 * The public AR viewer, for people who scanned a code: no credentials, only the content's unique id,
 * limited per client address. {@link ViewerResource} is its API ({@code /viewer/{uniqueId}}: the
 * {@link ViewerManifest} — which says nothing about the customer or the order — the {@code .mind} and the
 * overlay); {@link ViewerPageServlet} serves the page {@code /ar/<unique id>} outside JAX-RS with a friendly
 * page when the content is unknown or over, under the page's own headers ({@link ViewerPagePolicy}: a
 * Content-Security-Policy that names no other origin, since mind-ar and three.js are bundled). What may be
 * shown is decided by {@code app.arv.marker}'s viewer service. {@link ViewerStreams} bounds how many of its files one
 * client address streams at once, so content on a slow store cannot hold every request thread.
 */
package app.arv.web.viewer;
