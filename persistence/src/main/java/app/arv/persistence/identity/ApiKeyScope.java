package app.arv.persistence.identity;

/** What a machine caller holding an API key may do: the same as a member, or as an organization admin. */
public enum ApiKeyScope {
    USER, ADMIN
}
