/**
 * Print kits and QR codes over HTTP: {@code /ar-content/{id}/print-kit.pdf} and {@code /projects/{id}/print-kit.pdf}
 * ({@link ArContentPrintKitResource}, {@link ProjectPrintKitResource}; {@link KitParameters} for size, bleed and
 * language), and {@code /ar-content/{id}/qr.svg|png} ({@link ArContentQrResource}). Each is a root resource with its
 * whole path, so the AR content and project resources keep every other path. The absolute viewer link a code
 * carries is {@link PrintedLinks}', and both kits are built and sent by {@link PrintKitDownloads}. The work is {@code app.arv.printkit}'s.
 */
package app.arv.web.printkit;
