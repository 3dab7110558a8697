package app.arv.generation;

import app.arv.ServiceBeans;
import app.arv.generation.fal.FalModelProvider;
import app.arv.generation.fal.FalRules;
import jakarta.enterprise.inject.Instance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The deployment's providers as generation sees them: by name, and by what each says of itself. */
class ModelProvidersTest {

    /** The provider beans of a server without a FAL key, as CDI hands them over. */
    private static ModelProviders withoutAFalKey() {
        ServiceBeans container = new ServiceBeans(null).with(FalRules.class, GenerationFixture.NO_FAL_KEY);
        return container.with(Instance.class,
                new ProviderBeans(container.get(LocalModelProvider.class), container.get(FalModelProvider.class))).get(ModelProviders.class);
    }

    @Test
    void aProviderWithoutItsKeyIsNotOffered() {
        ModelProviders providers = withoutAFalKey();

        assertThat(providers.names()).containsExactly(LocalModelProvider.NAME);
        assertThat(providers.byName(FalModelProvider.NAME)).isEmpty();
    }

    @Test
    void aPaidProviderIsPaidWhetherOfferedOrNot() {
        ModelProviders providers = withoutAFalKey();

        assertThat(providers.paid(FalModelProvider.NAME)).isTrue();
        assertThat(providers.paid(LocalModelProvider.NAME)).isFalse();
        assertThat(providers.paid("unknown")).isFalse();
    }
}
