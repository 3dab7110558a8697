package app.arv.printkit;

import com.google.zxing.common.BitMatrix;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;

class QrCodesTest {

    private static final String URL = "https://ar.example.com/ar/3kTMd9sQw7LxB2nVpR5yZa";
    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\3z");

    @Test
    void theSvgIsAnSvgDocumentWhoseModulesDecodeToTheText() throws Exception {
        String svg = QrCodes.svg(URL);

        Document document = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        Element root = document.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(root.getLocalName()).isEqualTo("svg");
        int side = Integer.parseInt(root.getAttribute("viewBox").split(" ")[2]);
        String path = ((Element) root.getElementsByTagName("path").item(0)).getAttribute("d");
        assertThat(QrReading.decode(paint(path, side, 6))).isEqualTo(URL);
    }

    @Test
    void thePngHasTheAskedSizeAndDecodesToTheText() throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();

        QrCodes.png(URL, 300, png);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
        assertThat(image.getWidth()).isEqualTo(300);
        assertThat(image.getHeight()).isEqualTo(300);
        assertThat(QrReading.decode(image)).isEqualTo(URL);
    }

    @Test
    void aQuietZoneOfFourLightModulesSurroundsTheCode() {
        BitMatrix matrix = QrCodes.matrix(URL);

        int side = matrix.getWidth();
        for (int i = 0; i < side; i++) {
            for (int band = 0; band < QrCodes.QUIET_ZONE; band++) {
                assertThat(matrix.get(i, band) || matrix.get(i, side - 1 - band) || matrix.get(band, i)
                        || matrix.get(side - 1 - band, i)).as("module in the quiet zone").isFalse();
            }
        }
        assertThat(matrix.get(QrCodes.QUIET_ZONE, QrCodes.QUIET_ZONE)).as("finder pattern's corner").isTrue();
    }

    /** Paints an SVG path of "M x y h n v1 h-n z" runs, {@code scale} pixels per unit, as a renderer would. */
    private static BufferedImage paint(String path, int side, int scale) {
        BufferedImage image = new BufferedImage(side * scale, side * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        Matcher run = RUN.matcher(path);
        int painted = 0;
        while (run.find()) {
            g.fillRect(Integer.parseInt(run.group(1)) * scale, Integer.parseInt(run.group(2)) * scale,
                    Integer.parseInt(run.group(3)) * scale, scale);
            painted += run.group().length();
        }
        g.dispose();
        assertThat(painted).as("the whole path is runs").isEqualTo(path.length());
        return image;
    }
}
