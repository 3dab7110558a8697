package app.arv.web.me;

import app.arv.identity.OwnAccount;
import app.arv.organization.OrganizationService;
import app.arv.persistence.identity.Language;
import app.arv.persistence.identity.User;
import app.arv.persistence.organization.Organization;
import app.arv.security.Caller;
import app.arv.web.ApiDescription;
import app.arv.web.organization.OrganizationView;
import app.arv.web.security.CurrentCaller;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.UUID;

@Path("me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource implements ApiDescription.Identity {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    OrganizationService organizations;

    @Inject
    OwnAccount account;

    @GET
    @Operation(summary = "Who the credential belongs to, its organization and its roles")
    public MeView me() {
        Caller caller = currentCaller.get();
        Organization organization = organizations.get(caller.organizationId());
        return new MeView(caller.isApiKey() ? "api_key" : "user",
                caller.isApiKey() ? caller.apiKeyId() : caller.userId(),
                caller.name(), OrganizationView.of(organization), caller.roles().stream().sorted().toList());
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change my display name and language (people only)",
            description = "Fields left out stay as they are; a blank name clears it; locale is " + Language.TAGS_IN_WORDS
                    + " (the language of mail to me)")
    public AccountView update(@Valid AccountChange change) {
        User user = account.update(currentCaller.get(), change.name, change.locale);
        return AccountView.of(user);
    }

    @GET
    @Path("account")
    @Operation(summary = "My account as a person: e-mail, display name, language")
    public AccountView account() {
        return AccountView.of(account.get(currentCaller.get()));
    }

    /* A class, not a record: see LoginResource (payara/Payara#7649). */
    public static class AccountChange {
        @Size(max = 200)
        public String name;

        @Pattern(regexp = Language.TAGS)
        public String locale;
    }

    public record AccountView(UUID id, String email, String name, String locale) {
        static AccountView of(User user) {
            return new AccountView(user.getId(), user.getEmail(), user.getDisplayName(), user.getLocale());
        }
    }

    public record MeView(String kind, UUID id, String name, OrganizationView organization, List<String> roles) {
    }
}
