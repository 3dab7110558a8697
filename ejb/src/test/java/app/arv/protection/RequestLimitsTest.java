package app.arv.protection;

import app.arv.ServiceBeans;
import app.arv.events.RedisConnection;
import app.arv.events.TestRedis;
import app.arv.persistence.Database;
import app.arv.security.Caller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whose bucket anonymous, viewer and organization-wide requests take from (credentials' own buckets and the platform
 * admin's overrides are covered by RateLimitIT).
 */
class RequestLimitsTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @RegisterExtension
    static final TestRedis redis = new TestRedis();

    @Test
    void anonymousCallsOfOneAddressShareTheDefaultLimit() {
        RequestLimits limits = TestRequestLimits.of(redis.newConnection(), new RateLimitRules(true, 2, 1000, 10, 120, 600, 10000));
        String address = address();
        limits.admitAnonymous(address);
        limits.admitAnonymous(address);

        Verdict third = limits.admitAnonymous(address);

        assertThat(third.allowed()).isFalse();
        assertThat(third.limit()).isEqualTo(2);
    }

    @Test
    void theViewerCountsApartFromTheApi() {
        RequestLimits limits = TestRequestLimits.of(redis.newConnection(), new RateLimitRules(true, 1, 1000, 10, 5, 600, 10000));
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
        RequestLimits limits = TestRequestLimits.of(redis.newConnection(), new RateLimitRules(true, 2, 1000, 10, 1, 600, 10000));
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
    void credentialsOfOneOrganizationAreRefusedTogetherPastItsLimitWhileEachIsUnderItsOwn() {
        // Two requests an hour per credential, three for the whole organization (hour windows: no reset mid-test).
        RateLimitRules rules = new RateLimitRules(true, 100, 2, 10, 120, 100, 3);
        UUID organization = UUID.randomUUID();
        Caller keyA = new Caller(null, UUID.randomUUID(), organization, "key A", Set.of());
        Caller keyB = new Caller(null, UUID.randomUUID(), organization, "key B", Set.of());
        List<Verdict> verdicts = new ArrayList<>();
        Database.inTransaction(em -> {
            RequestLimits limits = new ServiceBeans(em).with(RedisConnection.class, redis.newConnection())
                    .with(RateLimitRules.class, rules).with(QuotaRules.class, new QuotaRules(1000, 10, false, 0)).get(RequestLimits.class);
            verdicts.add(limits.admit(keyA, false));
            verdicts.add(limits.admit(keyA, false));
            verdicts.add(limits.admit(keyB, false));
            verdicts.add(limits.admit(keyB, false));
        });

        assertThat(verdicts.subList(0, 3)).allMatch(Verdict::allowed);
        Verdict fourth = verdicts.get(3);
        assertThat(fourth.allowed()).as("key B's second request, the organization's fourth").isFalse();
        assertThat(fourth.shared()).isTrue();
        assertThat(fourth.limit()).isEqualTo(3);
    }

    @Test
    void switchedOffNothingIsCountedOrTold() {
        RequestLimits limits = TestRequestLimits.of(redis.newConnection(), new RateLimitRules(false, 1, 1, 1, 1, 0, 0));
        String address = address();

        limits.admitAnonymous(address);
        Verdict second = limits.admitAnonymous(address);

        assertThat(second.allowed()).isTrue();
        assertThat(second.checked()).isFalse();
    }

    @Test
    void switchedOffNoKindOfRequestIsCounted() {
        RequestLimits limits = TestRequestLimits.of(redis.newConnection(), new RateLimitRules(false, 1, 1, 1, 1, 1, 1));
        Caller key = new Caller(null, UUID.randomUUID(), UUID.randomUUID(), "key", Set.of());
        String address = address();
        List<Verdict> verdicts = new ArrayList<>();

        for (int i = 0; i < 2; i++) {
            verdicts.add(limits.admit(key, true));
            verdicts.add(limits.admitAnonymous(address));
            verdicts.add(limits.anonymousStanding(address));
            verdicts.add(limits.admitViewer(address));
            verdicts.add(limits.viewerStanding(address));
        }

        assertThat(verdicts).allMatch(Verdict::allowed).noneMatch(Verdict::checked);
    }

    private static String address() {
        return "198.51.100." + UUID.randomUUID();
    }
}
