package app.arv.generation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every provider bean of the deployment: the ones it can run ({@link ModelProvider#available()}) by name, and what each
 * says of itself, for those that name it (a job's provider, the operators' view). Generation knows its providers only
 * through this and {@link ModelProvider}, whichever package a provider lives in.
 */
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

    /**
     * Whether the provider of that name is paid ({@link ModelProvider#paid()}), offered on this server or not: a job
     * queued for it while it was is accounted by the same rule. An unknown name is not.
     */
    public boolean paid(String name) {
        return providers.stream().anyMatch(p -> p.name().equals(name) && p.paid());
    }

    /** The circuit breakers of every provider that has any, offered or not, by provider name. */
    public List<ModelProvider.Circuit> circuits() {
        return providers.stream().sorted(Comparator.comparing(ModelProvider::name)).flatMap(p -> p.circuits().stream()).toList();
    }
}
