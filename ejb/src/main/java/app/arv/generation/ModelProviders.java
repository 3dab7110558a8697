package app.arv.generation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/** The providers this deployment has, by name. */
@ApplicationScoped
public class ModelProviders {

    @Inject
    @Any
    Instance<ModelProvider> providers;

    public Optional<ModelProvider> byName(String name) {
        return providers.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return providers.stream().map(ModelProvider::name).sorted().toList();
    }
}
