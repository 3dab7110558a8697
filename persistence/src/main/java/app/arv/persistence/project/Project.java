package app.arv.persistence.project;

import app.arv.persistence.shared.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.UUID;

/** A body of work inside an organization (a campaign, a shop, a print run) that groups its assets. */
@Entity
@Table(name = "project")
public class Project extends TenantEntity {

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 2000)
    private String description;

    protected Project() {
    }

    public Project(UUID organizationId, String name, String description) {
        super(UUID.randomUUID(), organizationId);
        this.name = name;
        this.description = description;
    }

    public String getName() { return name; }

    public void rename(String name) {
        this.name = name;
    }

    public String getDescription() { return description; }

    public void describe(String description) {
        this.description = description;
    }
}
