package app.arv.persistence;

import app.arv.persistence.identity.Role;
import app.arv.persistence.identity.User;
import app.arv.persistence.marker.ArContent;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.project.Project;

import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What tenant-aware tests start from, made alike everywhere: organizations whose slugs no other test in the
 * shared {@link Database} uses, their people with addresses of their own, and media resources with content (SHA-256)
 * of their own.
 */
public final class TestData {

    private TestData() {
    }

    /** A stored organization; its slug is the lower-case name with a random suffix. */
    public static Organization organization(String name) {
        Organization organization = new Organization(name,
                name.toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8));
        Database.persist(organization);
        return organization;
    }

    /**
     * A stored person of the organization, with this role and an address of their own: the lower-case name, a random
     * suffix, and the organization's lower-case name as the domain ("ann-…@acme.example"); the password hash is "hash".
     */
    public static User person(Organization organization, String name, Role role) {
        User person = new User(organization.getId(), name.toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID() + "@"
                + organization.getName().toLowerCase(Locale.ROOT) + ".example", "hash", role);
        Database.persist(person);
        return person;
    }

    /** A resource of 1000 bytes and 640x480 pixels with a random SHA-256, not stored yet. */
    public static MediaResource resource(UUID organizationId, String mediaType, String fileName) {
        return resource(organizationId, randomSha256(), 1000, mediaType, fileName);
    }

    /** A resource with these bytes' SHA-256 and size, not stored yet. */
    public static MediaResource resource(UUID organizationId, String sha256, long size, String mediaType, String fileName) {
        UUID id = UUID.randomUUID();
        return new MediaResource(id, organizationId, sha256, size, mediaType, fileName, 640, 480, null,
                "orgs/" + organizationId + "/media/" + id);
    }

    /** A stored AR content "Anna" with its portrait, in a project of its own (pending marker). */
    public static ArContent storedContent(Organization organization) {
        Project project = new Project(organization.getId(), "Wedding " + UUID.randomUUID(), null);
        MediaResource image = resource(organization.getId(), "image/jpeg", "portrait.jpg");
        ArContent content = new ArContent(organization.getId(), project.getId(), "Anna", image.getId());
        Database.persist(project, image, content);
        return content;
    }

    public static String randomSha256() {
        byte[] sha = new byte[32];
        ThreadLocalRandom.current().nextBytes(sha);
        return HexFormat.of().formatHex(sha);
    }
}
