package app.arv.generation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/** The providers this deployment can run ({@link ModelProvider#available()}), by name. */
@ApplicationScoped
public class ModelProviders {

    @Inject
    @Any
    Instance<ModelProvider> providers;

    public Optional<ModelProvider> byName(String name) {
        return providers.stream().filter(ModelProvider::available).filter(p -> p.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return providers.stream().filter(ModelProvider::available).map(ModelProvider::name).sorted().toList();
    }
}
