package app.arv.persistence.organization;

import app.arv.persistence.shared.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.UUID;

/** A customer company: the tenant that owns users, keys, projects and every asset. */
@Entity
@Table(name = "organization")
public class Organization extends AuditedEntity {

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, unique = true, length = 63)
    private String slug;

    @Column(nullable = false)
    private boolean active = true;

    protected Organization() {
    }

    public Organization(String name, String slug) {
        super(UUID.randomUUID());
        this.name = name;
        this.slug = slug;
    }

    public String getName() { return name; }

    public void rename(String name) {
        this.name = name;
    }

    public String getSlug() { return slug; }

    public boolean isActive() { return active; }

    public void setActive(boolean active) { this.active = active; }
}
