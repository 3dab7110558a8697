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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads QR codes back the way a phone would: from pixels (ZXing's reader), for tests here and in the web ITs. */
public final class QrReading {

    /** A phone photographs a print at far less than this; 200 dpi keeps a page image small. */
    public static final int RENDER_DPI = 200;

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

    /** The QR code's text on every page of a PDF, in page order, each page rendered at {@value #RENDER_DPI} dpi. */
    public static List<String> decodePages(byte[] pdf) throws IOException {
        List<String> texts = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                texts.add(decode(renderer.renderImageWithDPI(i, RENDER_DPI)));
            }
        }
        return texts;
    }
}
