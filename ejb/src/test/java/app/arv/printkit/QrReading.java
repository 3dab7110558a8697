package app.arv.printkit;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads QR codes back the way a phone would: from pixels (ZXing's reader), for tests here and in the web ITs. */
public final class QrReading {

    /**
     * A phone photographs a print at far less than these; it also keeps taking frames until one reads, from one
     * distance or another. ZXing misses about one page in fifty at any single scale, depending on where the module
     * edges fall on the pixel grid (a page it misses at 200 dpi it reads at 180, 220 or 300), so a page counts as
     * unreadable only when every one of these renderings misses.
     */
    private static final int[] RENDER_DPI = {200, 250, 300};

    private QrReading() {
    }

    /** The text of the one QR code in {@code image}; fails the test when none is found. */
    public static String decode(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
        try {
            return new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
                    DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (NotFoundException e) {
            throw new AssertionError("no QR code found in a " + width + "x" + height + " image", e);
        }
    }

    /** The QR code's text on every page of a PDF, in page order, each page rendered at 200, 250 or 300 dpi. */
    public static List<String> decodePages(byte[] pdf) throws IOException {
        String end = new String(pdf, Math.max(0, pdf.length - 32), Math.min(32, pdf.length), StandardCharsets.ISO_8859_1).strip();
        if (!end.endsWith("%%EOF")) {
            throw new AssertionError("the PDF is incomplete: " + pdf.length + " bytes, no %%EOF at its end");
        }
        List<String> texts = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                texts.add(decodePage(renderer, i));
            }
        }
        return texts;
    }

    private static String decodePage(PDFRenderer renderer, int page) throws IOException {
        AssertionError missed = null;
        for (int dpi : RENDER_DPI) {
            try {
                return decode(renderer.renderImageWithDPI(page, dpi));
            } catch (AssertionError e) {
                missed = e;
            }
        }
        throw new AssertionError("page " + (page + 1) + ": " + missed.getMessage() + " (the last of " + RENDER_DPI.length
                + " renderings)", missed);
    }
}
