package app.arv.generation;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.util.TypeLiteral;

import java.lang.annotation.Annotation;
import java.util.Iterator;
import java.util.List;

/**
 * CDI's {@code @Any Instance<ModelProvider>} as the container hands it to {@link ModelProviders}: every
 * provider bean the deployment has, here the given real ones (a local implementation, not a mock).
 * Only iterating is needed; the rest is not.
 */
final class ProviderBeans implements Instance<ModelProvider> {

    private final List<ModelProvider> providers;

    ProviderBeans(ModelProvider... providers) {
        this.providers = List.of(providers);
    }

    @Override
    public Iterator<ModelProvider> iterator() {
        return providers.iterator();
    }

    @Override
    public ModelProvider get() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Instance<ModelProvider> select(Annotation... qualifiers) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <U extends ModelProvider> Instance<U> select(Class<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <U extends ModelProvider> Instance<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isUnsatisfied() { return providers.isEmpty(); }

    @Override
    public boolean isAmbiguous() { return providers.size() > 1; }

    @Override
    public void destroy(ModelProvider instance) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Handle<ModelProvider> getHandle() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Iterable<? extends Handle<ModelProvider>> handles() {
        throw new UnsupportedOperationException();
    }
}
