package app.arv.outbound;

import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;

/**
 * Caps the body of every answer an OkHttp client reads from a tenant's server into memory. Timeouts bound how long an
 * answer may take, not how big it is: a server that sends as fast as the network carries (gigabytes within a call
 * timeout) would otherwise fill the heap of whatever reads its answer (an error text, an XML document).
 * <p>
 * The body is read whole before the client sees the answer, so an answer past the limit fails the call itself with
 * {@link TooLong}, an {@link IOException} as HTTP clients expect of their transport: a parser reading it later would
 * bury the reason under its own failure.
 */
public final class AnswerLimit implements Interceptor {

    /** An answer went past its limit. */
    public static final class TooLong extends IOException {
        TooLong(long maxBytes) {
            super("the answer was longer than " + maxBytes + " bytes");
        }
    }

    private final long maxBytes;
    private final boolean successesStream;

    private AnswerLimit(long maxBytes, boolean successesStream) {
        this.maxBytes = maxBytes;
        this.successesStream = successesStream;
    }

    /** Every answer, whatever its status. */
    public static AnswerLimit every(long maxBytes) {
        return new AnswerLimit(maxBytes, false);
    }

    /** Only answers with an error status: a successful one streams to its reader, which bounds what it reads itself. */
    public static AnswerLimit failures(long maxBytes) {
        return new AnswerLimit(maxBytes, true);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        ResponseBody body = response.body();
        if (body == null || successesStream && response.isSuccessful()) {
            return response;
        }
        // Reads into the body's own buffer until the limit is passed or the answer ends: the client then reads it from memory.
        if (body.contentLength() > maxBytes || body.source().request(maxBytes + 1)) {
            response.close();
            throw new TooLong(maxBytes);
        }
        return response;
    }
}
