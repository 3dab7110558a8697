package app.arv.web.json;

import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Providers;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class FirstJsonResolutionTest {

    /** Like Payara's resolver, it takes a while on its first use; it counts how often it is asked. */
    private static final class SlowFirstResolver implements ContextResolver<Jsonb> {

        final AtomicInteger asked = new AtomicInteger();

        @Override
        public Jsonb getContext(Class<?> type) {
            if (asked.incrementAndGet() == 1) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return JsonbConfiguration.jsonb();
        }
    }

    private final SlowFirstResolver resolver = new SlowFirstResolver();
    private final FirstJsonResolution filter = new FirstJsonResolution();

    @Test
    void concurrentFirstRequestsHaveTheJsonContextResolvedOnceBeforeAnyGoesOn() throws Exception {
        filter.providers = providersWith(resolver);
        int requests = 8;
        CountDownLatch together = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(requests);
        List<Future<Integer>> askedWhenPassed = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            askedWhenPassed.add(clients.submit(() -> {
                together.await();
                filter.filter(null);
                return resolver.asked.get();
            }));
        }

        together.countDown();
        List<Integer> seen = new ArrayList<>();
        for (Future<Integer> passed : askedWhenPassed) {
            seen.add(passed.get(10, TimeUnit.SECONDS));
        }
        clients.shutdown();

        assertThat(resolver.asked).hasValue(1);
        assertThat(seen).as("how often the context had been resolved when each request went on").containsOnly(1);
    }

    @Test
    void laterRequestsDoNotAskAgain() {
        filter.providers = providersWith(resolver);
        filter.filter(null);

        filter.filter(null);
        filter.filter(null);

        assertThat(resolver.asked).hasValue(1);
    }

    private static Providers providersWith(ContextResolver<Jsonb> resolver) {
        return new Providers() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> ContextResolver<T> getContextResolver(Class<T> contextType, MediaType mediaType) {
                return contextType == Jsonb.class && MediaType.APPLICATION_JSON_TYPE.equals(mediaType) ? (ContextResolver<T>) resolver : null;
            }

            @Override
            public <T> MessageBodyReader<T> getMessageBodyReader(Class<T> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
                return null;
            }

            @Override
            public <T> MessageBodyWriter<T> getMessageBodyWriter(Class<T> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
                return null;
            }

            @Override
            public <T extends Throwable> ExceptionMapper<T> getExceptionMapper(Class<T> type) {
                return null;
            }
        };
    }
}
