package app.arv.printkit;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * QR codes of viewer links (ZXing), as the module grid and drawn from it: SVG paths, PNG pixels, and
 * the print kit's vector rectangles — never a picture of a picture, so every output is sharp at any size.
 */
public final class QrCodes {

    /** Light modules around the code that readers need (the standard's minimum); part of every output. */
    public static final int QUIET_ZONE = 4;
    /** M recovers 15 % of the code: a scuffed or folded card still scans, and a URL stays a small code. */
    private static final ErrorCorrectionLevel CORRECTION = ErrorCorrectionLevel.M;

    private QrCodes() {
    }

    /** The module grid, quiet zone included, one bit per module (set = dark). */
    public static BitMatrix matrix(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, CORRECTION,
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                    EncodeHintType.MARGIN, QUIET_ZONE));
        } catch (WriterException e) {
            // Only text beyond a QR code's capacity (thousands of characters) gets here; a viewer URL never does.
            throw new IllegalArgumentException("cannot encode " + text.length() + " characters as a QR code", e);
        }
    }

    /** Consumes each horizontal run of dark modules: row, first column, length (in modules). */
    public interface RunSink {
        void run(int row, int column, int length);
    }

    /** The dark modules as horizontal runs, row by row from the top: far fewer shapes than modules. */
    public static void darkRuns(BitMatrix matrix, RunSink sink) {
        for (int y = 0; y < matrix.getHeight(); y++) {
            int x = 0;
            while (x < matrix.getWidth()) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < matrix.getWidth() && matrix.get(x, y)) {
                    x++;
                }
                sink.run(y, start, x - start);
            }
        }
    }

    /** A standalone SVG document, one user unit per module, white background, dark modules as one path. */
    public static String svg(String text) {
        BitMatrix matrix = matrix(text);
        int side = matrix.getWidth();
        StringBuilder path = new StringBuilder();
        darkRuns(matrix, (row, column, length) -> path.append('M').append(column).append(' ').append(row)
                .append('h').append(length).append("v1h-").append(length).append('z'));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 " + side + " " + side + "\""
                + " width=\"" + side * 8 + "\" height=\"" + side * 8 + "\" shape-rendering=\"crispEdges\">\n"
                + "<rect width=\"" + side + "\" height=\"" + side + "\" fill=\"#ffffff\"/>\n"
                + "<path fill=\"#000000\" d=\"" + path + "\"/>\n"
                + "</svg>\n";
    }

    /**
     * A {@code size}×{@code size} PNG: every module the same whole number of pixels (no blurred edges), the
     * code centred on white; when {@code size} is smaller than the grid, one pixel per module.
     */
    public static void png(String text, int size, OutputStream out) {
        BitMatrix matrix = matrix(text);
        int modules = matrix.getWidth();
        int scale = Math.max(1, size / modules);
        int side = Math.max(size, modules);
        int offset = (side - modules * scale) / 2;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, side, side);
            g.setColor(Color.BLACK);
            darkRuns(matrix, (row, column, length) -> g.fillRect(offset + column * scale, offset + row * scale, length * scale, scale));
        } finally {
            g.dispose();
        }
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
