package app.arv.printkit;

import com.google.zxing.common.BitMatrix;
import net.coobird.thumbnailator.Thumbnails;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.awt.image.BufferedImage;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * A print kit: one page per AR content, each the portrait, the QR code of its viewer link under it and a
 * one-line instruction at the foot (Apache PDFBox).
 *
 * <p>Layout, on the trimmed page: a margin of 5 % of the short side (at least 5 mm); the instruction on the
 * bottom line, centred, as large as fits (at most {@value #MAX_FONT_POINTS} pt); the QR code centred above it,
 * a quarter of the page width (26–44 mm, its quiet zone included); the portrait in the rest, as large as fits,
 * its aspect ratio kept, centred. The portrait is never cropped or covered: it is the AR target, and what is
 * missing from the print is missing for the tracker. With bleed the page grows by {@value #BLEED_MM} mm on every
 * side (MediaBox and BleedBox; the TrimBox is the size asked for), and crop marks in that band show the cut.
 *
 * <p>Memory: the document keeps its streams (the embedded JPEGs) in a temporary file, not on the heap, so a
 * kit's heap is the page objects (a few KB each) plus the one portrait being added; {@link #writeTo} copies
 * the file to the output. Portraits are embedded at most at {@value #PORTRAIT_DPI} dpi of their printed size.
 * Not thread-safe; close it (the temporary file goes).
 */
public final class PrintKit implements Closeable {

    public static final double BLEED_MM = 3;
    public static final int PORTRAIT_DPI = 300;
    static final float MAX_FONT_POINTS = 12;
    private static final double CROP_MARK_GAP_MM = 0.5;
    private static final double GAP_MM = 2;
    private static final float JPEG_QUALITY = 0.9f;
    private static final String FONT = "/app/arv/printkit/DejaVuSans.ttf";

    private final PrintSize size;
    private final boolean bleed;
    private final KitLanguage language;
    private final PDDocument document;
    private final PDType0Font font;
    private final Layout layout;

    /** Where things go on a page, in millimetres from the trimmed page's lower left corner. */
    record Layout(double margin, float fontPoints, double textBaseline, double qrX, double qrY, double qrSide,
            double portraitX, double portraitY, double portraitWidth, double portraitHeight) {
    }

    public PrintKit(PrintSize size, boolean bleed, KitLanguage language) {
        this.size = size;
        this.bleed = bleed;
        this.language = language;
        this.document = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
        try (InputStream ttf = PrintKit.class.getResourceAsStream(FONT)) {
            if (ttf == null) {
                throw new IllegalStateException(FONT + " is missing from the class path");
            }
            this.font = PDType0Font.load(document, ttf, true);
            this.layout = layout();
        } catch (IOException e) {
            closeQuietly();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle("ARV print kit");
        info.setProducer("ARV");
    }

    public PrintSize size() {
        return size;
    }

    public KitLanguage language() {
        return language;
    }

    /** The long side, in pixels, a portrait needs to print sharply (never more is embedded); decode to about this. */
    public int portraitPixels() {
        return pixels(Math.max(layout.portraitWidth(), layout.portraitHeight()));
    }

    public int pages() {
        return document.getNumberOfPages();
    }

    /** Adds a page: {@code portrait} (upright, RGB) and the QR code of {@code viewerUrl}. */
    public void addPage(BufferedImage portrait, String viewerUrl) {
        double scale = Math.min(layout.portraitWidth() / portrait.getWidth(), layout.portraitHeight() / portrait.getHeight());
        double width = portrait.getWidth() * scale;
        double height = portrait.getHeight() * scale;
        double x = layout.portraitX() + (layout.portraitWidth() - width) / 2;
        double y = layout.portraitY() + (layout.portraitHeight() - height) / 2;
        BitMatrix qr = QrCodes.matrix(viewerUrl);
        double module = layout.qrSide() / qr.getWidth();
        double offset = bleed ? BLEED_MM : 0;

        PDPage page = new PDPage(new PDRectangle(PrintSize.points(size.widthMm() + 2 * offset), PrintSize.points(size.heightMm() + 2 * offset)));
        page.setBleedBox(page.getMediaBox());
        page.setTrimBox(new PDRectangle(PrintSize.points(offset), PrintSize.points(offset), PrintSize.points(size.widthMm()),
                PrintSize.points(size.heightMm())));
        document.addPage(page);
        try {
            PDImageXObject image = JPEGFactory.createFromImage(document, fitted(portrait, width, height), JPEG_QUALITY, PORTRAIT_DPI);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(image, PrintSize.points(offset + x), PrintSize.points(offset + y), PrintSize.points(width),
                        PrintSize.points(height));

                content.setNonStrokingColor(0f);
                // PDF's y axis points up, the matrix's rows go down.
                QrCodes.darkRuns(qr, (row, column, length) -> {
                    try {
                        content.addRect(PrintSize.points(offset + layout.qrX() + column * module),
                                PrintSize.points(offset + layout.qrY() + layout.qrSide() - (row + 1) * module),
                                PrintSize.points(length * module), PrintSize.points(module));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                content.fill();

                String line = language.instruction();
                double textWidth = font.getStringWidth(line) / 1000 * layout.fontPoints() / PrintSize.points(1);
                content.beginText();
                content.setFont(font, layout.fontPoints());
                content.newLineAtOffset(PrintSize.points(offset + (size.widthMm() - textWidth) / 2),
                        PrintSize.points(offset + layout.textBaseline()));
                content.showText(line);
                content.endText();

                if (bleed) {
                    cropMarks(content);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the PDF; the kit can be written once. */
    public void writeTo(OutputStream out) {
        try {
            document.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }

    Layout layout() throws IOException {
        double w = size.widthMm();
        double h = size.heightMm();
        double margin = Math.max(5, 0.05 * Math.min(w, h));
        String line = language.instruction();
        float unitWidthMm = font.getStringWidth(line) / 1000 / PrintSize.points(1);
        float fontPoints = (float) Math.min(MAX_FONT_POINTS, (w - 2 * margin) / unitWidthMm);
        double capHeight = font.getFontDescriptor().getCapHeight() / 1000 * fontPoints / PrintSize.points(1);
        double descent = -font.getFontDescriptor().getDescent() / 1000 * fontPoints / PrintSize.points(1);
        double textBaseline = margin + descent;
        double qrSide = Math.min(44, Math.max(26, w / 4));
        double qrY = textBaseline + capHeight + GAP_MM;
        double portraitY = qrY + qrSide + GAP_MM;
        return new Layout(margin, fontPoints, textBaseline, (w - qrSide) / 2, qrY, qrSide, margin, portraitY, w - 2 * margin,
                h - margin - portraitY);
    }

    /** At each corner of the trim, two short lines in the bleed band on the trim's edges, stopping short of the trim. */
    private void cropMarks(PDPageContentStream content) throws IOException {
        double w = size.widthMm() + 2 * BLEED_MM;
        double h = size.heightMm() + 2 * BLEED_MM;
        double reach = BLEED_MM - CROP_MARK_GAP_MM;
        content.setStrokingColor(0f);
        content.setLineWidth(0.25f);
        for (double x : new double[]{BLEED_MM, w - BLEED_MM}) {
            line(content, x, 0, x, reach);
            line(content, x, h, x, h - reach);
        }
        for (double y : new double[]{BLEED_MM, h - BLEED_MM}) {
            line(content, 0, y, reach, y);
            line(content, w, y, w - reach, y);
        }
        content.stroke();
    }

    private static void line(PDPageContentStream content, double x1, double y1, double x2, double y2) throws IOException {
        content.moveTo(PrintSize.points(x1), PrintSize.points(y1));
        content.lineTo(PrintSize.points(x2), PrintSize.points(y2));
    }

    /** The portrait reduced to {@value #PORTRAIT_DPI} dpi of its printed size, when it has more pixels than that. */
    private static BufferedImage fitted(BufferedImage portrait, double widthMm, double heightMm) throws IOException {
        int width = pixels(widthMm);
        int height = pixels(heightMm);
        if (portrait.getWidth() <= width || portrait.getHeight() <= height) {
            return portrait;
        }
        return Thumbnails.of(portrait).size(width, height).keepAspectRatio(true).imageType(BufferedImage.TYPE_INT_RGB)
                .asBufferedImage();
    }

    private static int pixels(double mm) {
        return Math.max(1, (int) Math.round(mm / 25.4 * PORTRAIT_DPI));
    }

    private void closeQuietly() {
        try {
            document.close();
        } catch (IOException e) {
            // Only the temporary file's removal can fail here; nothing the caller could do about it.
        }
    }
}
