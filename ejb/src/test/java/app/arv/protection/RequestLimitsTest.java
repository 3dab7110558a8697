package app.arv.protection;

import app.arv.events.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.security.SecureRandom;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Whose bucket anonymous and viewer requests take from (credentials' buckets are covered by RateLimitIT). */
class RequestLimitsTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @RegisterExtension
    static final TestRedis redis = new TestRedis();

    @Test
    void anonymousCallsOfOneAddressShareTheDefaultLimit() {
        RequestLimits limits = TestRequestLimits.of(redis.newConnection(), new RateLimitRules(true, 2, 1000, 10, 120));
        String address = address();
        limits.admitAnonymous(address);
        limits.admitAnonymous(address);

        Verdict third = limits.admitAnonymous(address);

        assertThat(third.allowed()).isFalse();
        assertThat(third.limit()).isEqualTo(2);
    }

    @Test
    void theViewerCountsApartFromTheApi() {
        RequestLimits limits = TestRequestLimits.of(redis.newConnection(), new RateLimitRules(true, 1, 1000, 10, 5));
        String address = address();
        limits.admitAnonymous(address);
        limits.admitAnonymous(address);

        Verdict viewer = limits.admitViewer(address);

        assertThat(viewer.allowed()).isTrue();
        assertThat(viewer.limit()).isEqualTo(5);
        assertThat(viewer.remaining()).isEqualTo(4);
    }

    @Test
    void anIpv6ClientCountsAsOneWhicheverAddressOfItsSlash64ItSendsFrom() {
        RequestLimits limits = TestRequestLimits.of(redis.newConnection(), new RateLimitRules(true, 2, 1000, 10, 1));
        String network = "2001:db8:" + Integer.toHexString(RANDOM.nextInt(0x10000)) + ":" + Integer.toHexString(RANDOM.nextInt(0x10000));
        limits.admitAnonymous(network + "::1");
        limits.admitAnonymous(network + ":aaaa::2");
        limits.admitViewer(network + "::3");

        Verdict anonymous = limits.admitAnonymous(network + ":ffff:ffff:ffff:ffff");
        Verdict viewer = limits.admitViewer(network + ":1234::4");

        assertThat(anonymous.allowed()).isFalse();
        assertThat(viewer.allowed()).isFalse();
    }

    @Test
    void switchedOffNothingIsCountedOrTold() {
        RequestLimits limits = TestRequestLimits.of(redis.newConnection(), new RateLimitRules(false, 1, 1, 1, 1));
        String address = address();

        limits.admitAnonymous(address);
        Verdict second = limits.admitAnonymous(address);

        assertThat(second.allowed()).isTrue();
        assertThat(second.checked()).isFalse();
    }

    private static String address() {
        return "198.51.100." + UUID.randomUUID();
    }
}
