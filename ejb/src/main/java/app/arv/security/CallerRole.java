package app.arv.security;

import app.arv.persistence.identity.ApiKeyScope;
import app.arv.persistence.identity.Role;
import app.arv.persistence.identity.User;

import java.util.LinkedHashSet;
import java.util.Set;

/** The role names endpoints are guarded with, and how people and keys map onto them. */
public final class CallerRole {

    /** Works with the organization's projects and assets. */
    public static final String MEMBER = "member";
    /** Manages the organization's users, keys and settings. */
    public static final String ORG_ADMIN = "org-admin";
    /** Operates the installation: manages organizations. */
    public static final String PLATFORM_ADMIN = "platform-admin";

    private CallerRole() {
    }

    public static Set<String> of(Role role, boolean platformAdmin) {
        Set<String> roles = new LinkedHashSet<>();
        roles.add(MEMBER);
        if (role == Role.ADMIN) {
            roles.add(ORG_ADMIN);
        }
        if (platformAdmin) {
            roles.add(PLATFORM_ADMIN);
        }
        return roles;
    }

    /** The roles of a person, as their access token and every resolved caller carry them. */
    public static Set<String> of(User user) {
        return of(user.getRole(), user.isPlatformAdmin());
    }

    /** Keys never carry platform rights: operating the installation needs a person. */
    public static Set<String> of(ApiKeyScope scope) {
        return scope == ApiKeyScope.ADMIN ? Set.of(MEMBER, ORG_ADMIN) : Set.of(MEMBER);
    }
}
