package app.arv.protection;

import app.arv.events.RedisConnection;

/** Request limits of one test node: its own limiter on the given Redis, rules chosen by the test. */
public final class TestRequestLimits {

    private TestRequestLimits() {
    }

    /** Limits for anonymous and viewer requests only (no organizations to look up). */
    public static RequestLimits viewer(RedisConnection redis, int viewerPerMinute) {
        return of(redis, new RateLimitRules(true, 60, 1000, 10, viewerPerMinute, 600, 10000));
    }

    static RequestLimits of(RedisConnection redis, RateLimitRules rules) {
        RateLimiter limiter = new RateLimiter();
        limiter.redis = redis;
        RequestLimits limits = new RequestLimits();
        limits.limiter = limiter;
        limits.rules = rules;
        return limits;
    }
}
