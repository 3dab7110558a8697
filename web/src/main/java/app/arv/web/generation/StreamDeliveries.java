package app.arv.web.generation;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that write to this node's event streams ({@link SerialDelivery}): a thread while a stream has something
 * to send, none while it waits. Bounded: each may wait out the server's write timeout on a client that stopped
 * reading, so a flood of stalled clients takes at most {@value #MOST_AT_ONCE} threads; a stream that finds none free
 * ends, and its client resumes where it was with {@code Last-Event-ID}. Ending it writes to its client too (the stream's
 * last chunk), so that is done by threads of their own ({@link #endings()}), never by the thread that found none free.
 */
@ApplicationScoped
public class StreamDeliveries implements Executor {

    static final int MOST_AT_ONCE = 64;

    /** Threads that close streams which found no delivery thread: few, the rest wait their turn, none while idle. */
    private static final int ENDING_THREADS = 2;

    @Resource
    ManagedThreadFactory threads;

    private ThreadPoolExecutor pool;
    private ThreadPoolExecutor endings;

    @PostConstruct
    void start() {
        pool = new ThreadPoolExecutor(0, MOST_AT_ONCE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
        endings = new ThreadPoolExecutor(ENDING_THREADS, ENDING_THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
        endings.allowCoreThreadTimeOut(true);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
        endings.shutdownNow();
    }

    /** Where a stream that found no delivery thread free is closed: never refuses while the application runs. */
    public Executor endings() {
        return endings;
    }

    @Override
    public void execute(Runnable delivery) {
        pool.execute(delivery);
    }
}
