package app.arv.identity;

import app.arv.events.RedisConnection;
import app.arv.events.RedisKeys;
import app.arv.protection.ClientNetwork;
import app.arv.shared.DomainException;
import app.arv.shared.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import redis.clients.jedis.params.SetParams;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Slows password guessing: failed sign-ins are counted per account (e-mail address) and per client
 * address in Redis, so every node sees the same counts; past {@link LoginThrottleRules}' limit a
 * subject is held back for a while that doubles with each further failure. During a hold every
 * attempt is refused before the password is looked at, so a right guess can't be told from a wrong
 * one. Addresses that belong to nobody are counted exactly like real ones: the throttle must not
 * reveal which accounts exist. A success clears its account's count, not its address's (else one
 * account of one's own would reset the address between guesses at others). Without Redis, sign-in
 * stays open, unthrottled; requests that mail an address the client chose (reset and sign-up links) are refused with
 * 503 {@code throttle_unavailable} instead, as nothing would bound them.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());
    /** After Redis failed, it is left alone this long, so sign-in doesn't wait on a dead connection each time. */
    private static final long PAUSE_AFTER_FAILURE_MILLIS = 10_000;
    private static final String HOLDS = "return {redis.call('PTTL', KEYS[1]), redis.call('PTTL', KEYS[2])}";
    private static final String COUNT = "local n = redis.call('INCR', KEYS[1]) redis.call('PEXPIRE', KEYS[1], ARGV[1]) return n";
    /** Deletes the check's key only if it is still this check's (its own expiry may have let another check in). */
    private static final String END_CHECK = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";
    /** Longer than any password check takes; only matters when a node dies mid-check. */
    private static final long CHECK_MILLIS = 10_000;
    /**
     * How long a check waits for those of the same account before it: a few password checks' time. A person signing in
     * on two devices at once waits a moment; a burst of guesses is refused past it.
     */
    static final Duration CHECK_WAIT = Duration.ofSeconds(3);
    private static final long CHECK_POLL_MILLIS = 20;

    @Inject
    RedisConnection redis;

    @Inject
    LoginThrottleRules rules;

    private volatile long pausedUntil;

    /** @return how long sign-in to {@code email} from {@code address} is still held back; zero if it isn't */
    public Duration hold(String email, String address) {
        return holdOf("", email, address);
    }

    /**
     * Runs the password check of one sign-in (or of a current password) to {@code email}'s account alone: one at a time
     * per account, on every node; a check waits for the one running. Failures are counted after the check, so without
     * this a burst of concurrent guesses would all pass the hold before the first of them was counted, and an account
     * would take as many guesses as the server takes requests. Without Redis the check runs unguarded, like everything
     * else here.
     *
     * @param check the check, which reads the hold first and counts its failure (if any) before it returns or throws
     * @throws DomainException 429 {@code too_many_attempts} when the checks before it took longer than {@link #CHECK_WAIT}
     */
    public <T> T checkAlone(String email, Supplier<T> check) {
        String key = checkKey(account(email));
        String token = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + CHECK_WAIT.toNanos();
        while (!withRedis(() -> "OK".equals(redis.client().set(key, token, SetParams.setParams().nx().px(CHECK_MILLIS))), true)) {
            if (System.nanoTime() > deadline) {
                throw DomainException.tooManyAttempts(CHECK_WAIT);
            }
            pauseBeforeAskingAgain();
        }
        try {
            return check.get();
        } finally {
            withRedis(() -> redis.client().eval(END_CHECK, List.of(key), List.of(token)));
        }
    }

    private static void pauseBeforeAskingAgain() {
        try {
            Thread.sleep(CHECK_POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DomainException.tooManyAttempts(CHECK_WAIT);
        }
    }

    /**
     * Requests that mail someone a link or spend one ({@link Request}) are throttled like failed sign-ins, with the same
     * limits but counts of their own per kind: {@return how long such requests for {@code subject} (an e-mail address, a
     * token) from {@code address} are still held back; zero if they aren't}
     */
    public Duration requestHold(Request kind, String subject, String address) {
        if (!kind.mailsSomeone) {
            return holdOf(kind.prefix, subject, address);
        }
        return strictly(() -> holdNow(kind.prefix, subject, address));
    }

    /**
     * Counts a request of this kind, whether it turns out to concern anybody or not.
     *
     * @throws DomainException 503 {@code throttle_unavailable} for a kind that mails someone, when it cannot be counted
     */
    public void requested(Request kind, String subject, String address) {
        Supplier<Void> counting = () -> {
            count(kind.prefix + account(subject), rules.maxFailuresPerAccount());
            count(kind.prefix + address(address), rules.maxFailuresPerAddress());
            return null;
        };
        if (kind.mailsSomeone) {
            strictly(counting);
        } else {
            withRedis(counting, null);
        }
    }

    /**
     * Lets a request of this kind through and counts it, or refuses it while such requests are held back: the one rule
     * of every link asked for or spent (a password reset, a sign-up, an invitation accepted).
     *
     * @throws DomainException 429 {@code too_many_attempts} with the hold, counting nothing, while held back
     */
    public void admit(Request kind, String subject, String address) {
        Duration hold = requestHold(kind, subject, address);
        if (!hold.isZero()) {
            throw DomainException.tooManyAttempts(hold);
        }
        requested(kind, subject, address);
    }

    /** Requests throttled apart from sign-ins, each with counts of its own: {@code arv:login:<prefix>account:<hash>:failures}. */
    public enum Request {
        /** A password reset link asked for. */
        RESET("reset:", true),
        /** A sign-up's verification link asked for. */
        SIGNUP("signup:", true),
        /** An invitation's link spent (accepted). */
        INVITATION("invitation:", false);

        private final String prefix;
        /**
         * Whether the request sends a mail to an address the client chose. Such a kind is never let through unthrottled:
         * without Redis anybody could have ARV mail any address without end, so it is refused while Redis is away.
         */
        private final boolean mailsSomeone;

        Request(String prefix, boolean mailsSomeone) {
            this.prefix = prefix;
            this.mailsSomeone = mailsSomeone;
        }
    }

    /**
     * Counts a failed sign-in. {@return the hold this failure began (the longer of the account's and the address's), or
     * zero if it began none} The audit log records a failure that starts a hold, and none of the refusals during it.
     */
    public Duration failed(String email, String address) {
        return withRedis(() -> {
            Duration account = count(account(email), rules.maxFailuresPerAccount());
            Duration client = count(address(address), rules.maxFailuresPerAddress());
            return account.compareTo(client) >= 0 ? account : client;
        }, Duration.ZERO);
    }

    public void succeeded(String email) {
        String account = account(email);
        withRedis(() -> redis.client().del(failuresKey(account), holdKey(account)));
    }

    /** The longer of the hold of {@code subject}'s account and of the client address, for sign-ins or a kind of request. */
    private Duration holdOf(String prefix, String subject, String address) {
        return withRedis(() -> holdNow(prefix, subject, address), Duration.ZERO);
    }

    private Duration holdNow(String prefix, String subject, String address) {
        List<?> ttls = (List<?>) redis.client().eval(HOLDS,
                List.of(holdKey(prefix + account(subject)), holdKey(prefix + address(address))), List.of());
        long millis = ttls.stream().mapToLong(ttl -> (Long) ttl).max().orElse(0);
        return millis > 0 ? Duration.ofMillis(millis) : Duration.ZERO;
    }

    /** One exchange with Redis that must happen: without Redis the request is refused (503), not let through. */
    private <T> T strictly(Supplier<T> exchange) {
        return withRedisOr(exchange, () -> {
            throw DomainException.throttleUnavailable(Duration.ofMillis(PAUSE_AFTER_FAILURE_MILLIS));
        });
    }

    /** {@link #withRedis(Supplier, Object)} for an exchange that answers nothing. */
    private void withRedis(Runnable exchange) {
        withRedis(() -> {
            exchange.run();
            return null;
        }, null);
    }

    /**
     * One exchange with Redis, unless Redis failed a moment ago. Without Redis sign-in stays open, unthrottled: the
     * exchange answers {@code withoutRedis} then (a hold of zero, nothing counted).
     */
    private <T> T withRedis(Supplier<T> exchange, T withoutRedis) {
        return withRedisOr(exchange, () -> withoutRedis);
    }

    /** The one way of talking to Redis here: {@code withoutRedis} decides what a request gets while Redis is away. */
    private <T> T withRedisOr(Supplier<T> exchange, Supplier<T> withoutRedis) {
        if (paused()) {
            return withoutRedis.get();
        }
        try {
            return exchange.get();
        } catch (RuntimeException e) {
            redisFailed(e);
            return withoutRedis.get();
        }
    }

    private Duration count(String subject, int limit) {
        long failures = (Long) redis.client().eval(COUNT, List.of(failuresKey(subject)),
                List.of(String.valueOf(rules.failureWindow().toMillis())));
        Duration hold = rules.holdAfter(failures, limit);
        if (!hold.isZero()) {
            redis.client().set(holdKey(subject), "1", SetParams.setParams().px(hold.toMillis()));
            // The count outlives the hold, so the next failure after it doubles the hold.
            redis.client().pexpire(failuresKey(subject), rules.failureWindow().plus(hold).toMillis());
        }
        return hold;
    }

    private boolean paused() {
        return System.currentTimeMillis() < pausedUntil;
    }

    private void redisFailed(RuntimeException e) {
        boolean first = !paused();
        pausedUntil = System.currentTimeMillis() + PAUSE_AFTER_FAILURE_MILLIS;
        if (first) {
            LOG.warning("Sign-in is not throttled for now, and reset and sign-up mails are refused (Redis unavailable): " + e);
        }
    }

    /** Hashed: Redis keeps no e-mail addresses, and a key's length doesn't depend on what a client sent. */
    static String account(String email) {
        return "account:" + Sha256.hex(email.strip().toLowerCase(Locale.ROOT));
    }

    /** An address's count: an IPv6 client's whole /64 is one ({@link ClientNetwork}), else it would guess on without end. */
    static String address(String address) {
        return "address:" + Sha256.hex(address == null ? "unknown" : ClientNetwork.of(address));
    }

    private static String failuresKey(String subject) {
        return RedisKeys.LOGIN_THROTTLE.key(subject, "failures");
    }

    private static String checkKey(String subject) {
        return RedisKeys.LOGIN_THROTTLE.key(subject, "checking");
    }

    private static String holdKey(String subject) {
        return RedisKeys.LOGIN_THROTTLE.key(subject, "hold");
    }

}
