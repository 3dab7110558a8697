package app.arv.imaging.input;

/**
 * Admits a decode once its cost is known from the header, and is told when it is over. The application bounds
 * the memory decodes hold at once with it (most hold up to {@link ImageDecoder#maxDecodedBytes()}; one whose
 * decoder builds the whole frame may cost more); a gate that cannot admit in time throws its own unchecked
 * exception, which the decoder passes on unchanged. A decode costing more than {@link #capacity()} is refused
 * before it is offered to the gate.
 */
@FunctionalInterface
public interface DecodeGate {

    /** No bound: for tools and tests that decode one image at a time. */
    DecodeGate UNBOUNDED = (header, decodedBytes) -> () -> {
    };

    /**
     * @param decodedBytes the estimated memory of the decode: the subsampled raster plus its conversion, plus what the
     *                     decoder holds for the whole frame
     */
    Admission admit(ImageHeader header, long decodedBytes);

    /** The most one decode may cost: all the gate has to give. */
    default long capacity() {
        return Long.MAX_VALUE;
    }

    /** Held while the decode runs. */
    interface Admission extends AutoCloseable {
        @Override
        void close();
    }
}
