package app.arv.imaging.input;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import javax.imageio.stream.ImageInputStream;

/**
 * Walks a WebP file's chunk headers (seeking past each payload) before it is decoded. The reader does not compare
 * the declared sizes with the bytes present: a lossless WebP cut anywhere past its first rows decodes "fine" with
 * damaged rows, so a RIFF size or chunk length running past the end of the file refuses it as corrupt. The walk
 * also finds the EXIF chunk, which follows the image data and so lies beyond any fixed head of the file.
 */
final class WebpChunks {

    /** An orientation tag sits in the first IFD; a larger EXIF chunk is not read whole for it. */
    private static final long MAX_EXIF_BYTES = 1 << 20;

    private WebpChunks() {
    }

    /**
     * @param fileLength the bytes the file has
     * @return the EXIF chunk's payload, or {@code null} when there is none
     * @throws CorruptImageException when a declared size runs past the end of the file
     */
    static byte[] check(ImageInputStream in, long fileLength) throws IOException, CorruptImageException {
        ByteOrder order = in.getByteOrder();
        try {
            in.setByteOrder(ByteOrder.LITTLE_ENDIAN);
            in.seek(4);
            long end = in.readUnsignedInt() + 8;
            if (end > fileLength) {
                throw new CorruptImageException("corrupt or truncated WebP image: it declares " + end
                        + " bytes but has " + fileLength, null);
            }
            byte[] exif = null;
            byte[] fourCc = new byte[4];
            long pos = 12;
            while (pos + 8 <= end) {
                in.seek(pos);
                in.readFully(fourCc);
                long length = in.readUnsignedInt();
                String type = new String(fourCc, StandardCharsets.ISO_8859_1);
                if (pos + 8 + length > end) {
                    throw new CorruptImageException("corrupt or truncated WebP image: its " + type.strip() + " chunk declares "
                            + length + " bytes but only " + (end - pos - 8) + " follow", null);
                }
                if (type.equals("EXIF") && exif == null && length <= MAX_EXIF_BYTES) {
                    exif = new byte[(int) length];
                    in.readFully(exif);
                }
                pos += 8 + length + (length & 1);
            }
            return exif;
        } finally {
            in.setByteOrder(order);
            in.seek(0);
        }
    }
}
