package app.arv.imaging.input;

/**
 * Admits a decode once its cost is known from the header, and is told when it is over. The application bounds
 * how many decodes run at once with it (each holds up to {@link ImageDecoder#maxDecodedBytes()} of memory);
 * a gate that cannot admit in time throws its own unchecked exception, which the decoder passes on unchanged.
 */
@FunctionalInterface
public interface DecodeGate {

    /** No bound: for tools and tests that decode one image at a time. */
    DecodeGate UNBOUNDED = (header, decodedBytes) -> () -> {
    };

    /** @param decodedBytes the estimated memory of the decoded, subsampled raster plus its conversion */
    Admission admit(ImageHeader header, long decodedBytes);

    /** Held while the decode runs. */
    interface Admission extends AutoCloseable {
        @Override
        void close();
    }
}
