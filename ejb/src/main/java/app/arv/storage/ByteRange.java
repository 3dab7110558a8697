package app.arv.storage;

/** An inclusive byte range {@code first..last} of an object, as in HTTP {@code Range: bytes=first-last}. */
public record ByteRange(long first, long last) {

    public ByteRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("Not a byte range: " + first + "-" + last);
        }
    }

    public long length() {
        return last - first + 1;
    }
}
