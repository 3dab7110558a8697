package app.arv.launcher;

import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Redis 6.2 from embedded-redis, with an append-only file in {@code <dataDir>/redis}. */
final class EmbeddedRedisService extends EmbeddedService {

    private static final Logger LOG = Logger.getLogger(EmbeddedRedisService.class.getName());

    private RedisServer redis;

    EmbeddedRedisService(Path stateDir, int port) {
        super("redis", stateDir.resolve("redis"), port);
    }

    @Override
    public String url() {
        return "redis://" + FreePorts.LOOPBACK + ":" + port;
    }

    @Override
    public synchronized boolean isRunning() { return redis != null && redis.isActive(); }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        FreePorts.requireFree(port, "Redis");
        try {
            Files.createDirectories(dataDirectory);
            redis = RedisServer.newRedisServer()
                    .port(port)
                    .bind(FreePorts.LOOPBACK)
                    .setting("dir " + dataDirectory.toAbsolutePath())
                    .setting("appendonly yes")
                    .setting("save \"\"")
                    .setting("maxmemory 256mb")
                    .setting("protected-mode yes")
                    // The child's stdout is a pipe: if nobody reads it, Redis blocks once it is full.
                    .soutListener(line -> LOG.fine(() -> "redis: " + line))
                    .serrListener(line -> LOG.warning(() -> "redis: " + line))
                    .onShutdownForceStop(true)
                    .build();
            redis.start();
        } catch (IOException e) {
            redis = null;
            throw new UncheckedIOException("Redis did not start on port " + port, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (redis == null) {
            return;
        }
        try {
            redis.stop();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Redis on port " + port + " did not stop cleanly", e);
        } finally {
            redis = null;
        }
    }
}
