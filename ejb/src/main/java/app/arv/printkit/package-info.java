/**
 * Print kits and QR codes: what an operator prints for each AR content, so that a customer holding the print
 * finds the AR experience.
 *
 * <ul>
 *   <li>{@link QrCodes} encodes a viewer link (ZXing) and draws the code as SVG, PNG or PDF rectangles.</li>
 *   <li>{@link PrintKit} lays out the PDF (Apache PDFBox): per page the portrait at a {@link PrintSize}, its
 *       QR code and a one-line instruction in a {@link KitLanguage}, with an optional bleed and crop marks. Pure:
 *       no container, unit-tested by reading its own PDFs back.</li>
 *   <li>{@link PrintKits} chooses the caller's AR content and feeds the portraits in one at a time;
 *       {@link PrintKitRules} holds the page limit (printed links use {@code app.arv.platform.PublicAddress}).</li>
 * </ul>
 *
 * <p>Uses persistence's marker, media and project packages, {@code app.arv.media} (the store and the node's
 * image decoding), {@code security} and {@code shared}. The viewer link itself is built by the web layer, which
 * owns the viewer's URL space.
 */
package app.arv.printkit;
