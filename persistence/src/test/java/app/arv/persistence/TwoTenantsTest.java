package app.arv.persistence;

import app.arv.persistence.organization.Organization;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of tests that show tenant isolation: two fresh organizations, Acme and Globex, stored before
 * each test (before the subclass's own {@code @BeforeEach}, which may build on them).
 */
public abstract class TwoTenantsTest {

    protected Organization acme;
    protected Organization globex;

    @BeforeEach
    void storeTwoTenants() {
        acme = TestData.organization("Acme");
        globex = TestData.organization("Globex");
    }
}
