package app.arv.web.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Marker status changes on Redis pub/sub, one channel per organization, in the order they happen. */
@ExtendWith(ArvServer.class)
class MarkerEventsIT {

    @Test
    void anOrganizationsChannelCarriesPendingCompilingAndReadyForItsPortrait() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        String project = MarkerApi.newProject(tenant.memberToken());
        List<String> messages = new CopyOnWriteArrayList<>();
        CountDownLatch subscribed = new CountDownLatch(1);
        CountDownLatch ready = new CountDownLatch(1);
        JedisPubSub listener = new JedisPubSub() {
            @Override
            public void onSubscribe(String channel, int count) {
                subscribed.countDown();
            }

            @Override
            public void onMessage(String channel, String message) {
                messages.add(message);
                if (message.contains("\"marker_status\":\"ready\"")) {
                    ready.countDown();
                }
            }
        };
        URI redis = URI.create(ArvServer.stack().redisUrl());
        try (Jedis jedis = new Jedis(redis.getHost(), redis.getPort())) {
            CompletableFuture<Void> subscription = CompletableFuture.runAsync(
                    () -> jedis.subscribe(listener, "arv:org:" + tenant.organizationId() + ":markers"));
            assertThat(subscribed.await(10, TimeUnit.SECONDS)).isTrue();

            String id = MarkerApi.createOne(tenant.memberToken(), project, "chelsea.png", MediaApi.image("chelsea.png"));

            assertThat(ready.await(120, TimeUnit.SECONDS)).as(messages.toString()).isTrue();
            listener.unsubscribe();
            subscription.get(10, TimeUnit.SECONDS);
            assertThat(messages).allMatch(m -> m.contains("\"id\":\"" + id + "\""));
            assertThat(messages.stream().map(m -> m.replaceAll(".*\"marker_status\":\"([a-z]+)\".*", "$1")).toList())
                    .containsExactly("pending", "compiling", "ready");
        }
    }
}
