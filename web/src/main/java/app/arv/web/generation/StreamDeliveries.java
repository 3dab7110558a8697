package app.arv.web.generation;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that write to this node's event streams ({@link SerialDelivery}): a thread while a stream has something
 * to send, none while it waits. Bounded: each may wait out the server's write timeout on a client that stopped
 * reading, so a flood of stalled clients takes at most {@value #MOST_AT_ONCE} threads; a stream that finds none free
 * ends, and its client resumes where it was with {@code Last-Event-ID}.
 */
@ApplicationScoped
public class StreamDeliveries implements Executor {

    static final int MOST_AT_ONCE = 64;

    @Resource
    ManagedThreadFactory threads;

    private ThreadPoolExecutor pool;

    @PostConstruct
    void start() {
        pool = new ThreadPoolExecutor(0, MOST_AT_ONCE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    @Override
    public void execute(Runnable delivery) {
        pool.execute(delivery);
    }
}
