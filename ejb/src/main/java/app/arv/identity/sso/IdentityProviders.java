package app.arv.identity.sso;

import app.arv.outbound.OutboundPolicy;
import app.arv.shared.DomainException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.MalformedURLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The identity providers of the installation, read once at startup, and what ARV learned of each from
 * its discovery document: endpoints and an ID token validator (which keeps the provider's keys). A
 * provider that does not answer is asked again on the next sign-in; one that answered is kept.
 */
@ApplicationScoped
public class IdentityProviders {

    private static final Logger LOG = Logger.getLogger(IdentityProviders.class.getName());

    /** A provider ready for sign-ins. */
    public record Provider(ProviderSettings settings, OIDCProviderMetadata metadata, IDTokenValidator validator) {
    }

    @Inject
    Config config;

    @Inject
    OutboundPolicy outbound;

    /** Connect and read timeout of every call to a provider (discovery, keys, token exchange); a call ends within three. */
    @Inject
    @ConfigProperty(name = "arv.oidc.timeout", defaultValue = "PT5S")
    Duration timeout;

    private Map<String, ProviderSettings> configured;
    private ProviderCalls calls;
    private final Map<String, Provider> discovered = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        configured = ProviderSettings.fromKeys(config.getPropertyNames(), key -> config.getOptionalValue(key, String.class));
        calls = new ProviderCalls(outbound.guard(), timeout);
    }

    /** Names of the configured providers, sorted. */
    public List<String> names() {
        return List.copyOf(configured.keySet());
    }

    /** How ARV calls providers: behind the outbound guard, without redirects, with bounded answers. */
    public ProviderCalls calls() {
        return calls;
    }

    /**
     * @throws DomainException {@code not_found} for a provider not configured, {@code identity_provider_unavailable}
     *                         when its discovery document cannot be read
     */
    public Provider provider(String name) {
        ProviderSettings settings = Optional.ofNullable(name).map(configured::get)
                .orElseThrow(() -> DomainException.notFound("Identity provider"));
        Provider known = discovered.get(settings.name());
        if (known != null) {
            return known;
        }
        Provider provider = discover(settings);
        discovered.put(settings.name(), provider);
        return provider;
    }

    private Provider discover(ProviderSettings settings) {
        guard("issuer", settings.issuer());
        OIDCProviderMetadata metadata;
        try {
            metadata = calls.discover(new Issuer(settings.issuer()));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Identity provider {0}: its discovery document cannot be read: {1}", new Object[]{settings.name(), e.toString()});
            throw DomainException.identityProviderUnavailable();
        } catch (GeneralException e) {
            // Answered, but not a discovery document of this issuer: the configuration is wrong, not the network.
            LOG.log(Level.WARNING, "Identity provider {0}: not a discovery document of {1}: {2}",
                    new Object[]{settings.name(), settings.issuer(), e.getMessage()});
            throw DomainException.identityProviderUnavailable();
        }
        guard("token endpoint", metadata.getTokenEndpointURI().toString());
        guard("key set", metadata.getJWKSetURI().toString());
        try {
            IDTokenValidator validator = new IDTokenValidator(metadata.getIssuer(), new ClientID(settings.clientId()),
                    JWSAlgorithm.RS256, metadata.getJWKSetURI().toURL(), calls);
            return new Provider(settings, metadata, validator);
        } catch (MalformedURLException e) {
            throw DomainException.identityProviderUnavailable();
        }
    }

    private void guard(String what, String url) {
        try {
            outbound.guard().check("The identity provider's " + what, url);
        } catch (DomainException e) {
            LOG.log(Level.WARNING, "Identity provider: {0} (see ARV_OUTBOUND_ALLOWED_HOSTS)", e.getMessage());
            throw DomainException.identityProviderUnavailable();
        }
    }
}
