package app.arv.web.media;

import app.arv.persistence.media.MediaResource;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A ZIP of named stored objects (and small texts such as a manifest), streamed as the answer is written: one stored object
 * after the other, each read from its store and sent at exactly its stored size ({@link StoredObject#sendExactly}), never
 * held whole in memory or on disk. A stored object the store sends short or long, or cannot open, ends the ZIP there,
 * without its central directory, so that no unpacker takes it for whole (the 200 is sent by then: the client retries the
 * download).
 */
public final class StoredArchive implements StreamingOutput {

    public static final String MEDIA_TYPE = "application/zip";

    /** Opens a stored object's bytes, the whole of them. */
    @FunctionalInterface
    public interface Store {
        InputStream open(MediaResource resource) throws IOException;
    }

    /** An entry: its bytes given ({@code text}) or read from the store ({@code stored}). */
    private record Entry(String name, byte[] text, MediaResource stored) {
    }

    private final Store store;
    private final List<Entry> entries = new ArrayList<>();

    private StoredArchive(Store store) {
        this.store = store;
    }

    /** An empty archive whose stored objects are read from {@code store}. */
    public static StoredArchive from(Store store) {
        return new StoredArchive(store);
    }

    /** An entry of the text, in UTF-8. */
    public StoredArchive text(String name, String text) {
        entries.add(new Entry(name, text.getBytes(StandardCharsets.UTF_8), null));
        return this;
    }

    /** An entry of the stored object's bytes. */
    public StoredArchive stored(String name, MediaResource stored) {
        entries.add(new Entry(name, null, stored));
        return this;
    }

    /** The archive as a download saved under {@code fileName}, never cached (it is made anew for each request). */
    public Response download(String fileName) {
        return Response.ok(this, MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment(fileName))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @Override
    public void write(OutputStream out) throws IOException {
        Severable sink = new Severable(out);
        ZipOutputStream zip = new ZipOutputStream(sink);
        try {
            // Stored objects are mostly compressed already (GLBs' textures, PNGs, JPEGs, PDFs): the fastest level costs
            // little and a stronger one gains little.
            zip.setLevel(1);
            for (Entry entry : entries) {
                zip.putNextEntry(new ZipEntry(entry.name()));
                if (entry.stored() == null) {
                    zip.write(entry.text());
                } else {
                    try (InputStream in = store.open(entry.stored())) {
                        // Exactly the stored size, as a single download sends: a store that sends less or more fails here.
                        StoredObject.sendExactly(in, zip, entry.stored().getSizeBytes());
                    }
                }
                zip.closeEntry();
            }
        } catch (IOException | RuntimeException failure) {
            // The answer is under way: cut it off where it is. Closing the ZIP would end the entry and write the central
            // directory, making a cut-off object part of an archive that every unpacker takes as whole.
            sink.sever();
            throw failure;
        } finally {
            zip.close();
        }
    }

    /** The answer's stream until {@link #sever}ed; then whatever is written is dropped. */
    private static final class Severable extends FilterOutputStream {

        private boolean severed;

        Severable(OutputStream out) {
            super(out);
        }

        void sever() {
            severed = true;
        }

        @Override
        public void write(int b) throws IOException {
            if (!severed) {
                out.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (!severed) {
                out.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            if (!severed) {
                out.flush();
            }
        }
    }
}
