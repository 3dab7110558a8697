package app.arv.web.it;

import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Organizations' claims to e-mail domains for single sign-on: pending until a platform admin approves them, never for
 * a public mail service's domain; an approved one, not a pending one, keeps other organizations from the domain. (What
 * a claim admits at sign-in: {@link SingleSignOnIT}.)
 */
@ExtendWith(ArvServer.class)
class SsoDomainClaimIT {

    /** One sign-in of the operator for the class: each is a password check, which runs one at a time per account. */
    private static String platformToken;

    @BeforeAll
    static void signInTheOperator() {
        platformToken = Api.platformAdminToken();
    }

    @Test
    void aClaimIsPendingWithWhoClaimedItAndWhen() {
        Api.Tenant tenant = Api.newTenant();
        String domain = freshDomain();

        Api.bearer(tenant.adminToken()).body(Map.of("domains", List.of(domain.toUpperCase()))).put("/sso-domains").then()
                .statusCode(200)
                .body("domains", equalTo(List.of(domain)))
                .body("claims[0].domain", equalTo(domain))
                .body("claims[0].state", equalTo("pending"))
                .body("claims[0].claimed_by", equalTo(tenant.adminEmail()))
                .body("claims[0].claimed_at", notNullValue())
                .body("claims[0].decided_at", nullValue());
    }

    @Test
    void aPendingClaimIsListedForPlatformAdminsWithItsOrganization() {
        Api.Tenant tenant = Api.newTenant();
        String domain = claimed(tenant);

        Api.bearer(platformToken).queryParam("limit", 200).get("/sso-domain-claims").then().statusCode(200)
                .body("items.find { it.domain == '" + domain + "' }.organization_id", equalTo(tenant.organizationId().toString()))
                .body("items.find { it.domain == '" + domain + "' }.claimed_by", equalTo(tenant.adminEmail()))
                .body("items.find { it.domain == '" + domain + "' }.state", equalTo("pending"));
    }

    @Test
    void anApprovedClaimLeavesThePendingList() {
        Api.Tenant tenant = Api.newTenant();
        String domain = claimed(tenant);
        approve(tenant, domain).statusCode(200);

        Api.bearer(platformToken).queryParam("limit", 200).get("/sso-domain-claims").then().statusCode(200)
                .body("items.domain", not(hasItem(domain)));
        Api.bearer(platformToken).queryParam("state", "approved").queryParam("limit", 200).get("/sso-domain-claims")
                .then().statusCode(200).body("items.domain", hasItem(domain));
    }

    @Test
    void anOrganizationSeesThePlatformAdminsDecisionOnItsClaim() {
        Api.Tenant tenant = Api.newTenant();
        String domain = claimed(tenant);
        approve(tenant, domain).statusCode(200);

        Api.bearer(tenant.adminToken()).get("/sso-domains").then().statusCode(200)
                .body("claims[0].state", equalTo("approved"))
                .body("claims[0].decided_at", notNullValue());
    }

    @Test
    void anApprovalIsInTheOrganizationsAuditLog() {
        Api.Tenant tenant = Api.newTenant();
        String domain = claimed(tenant);

        approve(tenant, domain).statusCode(200);

        Api.bearer(tenant.adminToken()).queryParam("action", "sso_domain.changed").get("/audit-events").then().statusCode(200)
                .body("items[0].details.domain", equalTo(domain))
                .body("items[0].details.state", equalTo("approved"))
                .body("items[0].details.state_before", equalTo("pending"))
                .body("items[0].actor.label", equalTo(ArvServer.ADMIN_EMAIL));
    }

    @Test
    void aPendingClaimDoesNotKeepAnotherOrganizationFromClaimingTheDomain() {
        String domain = claimed(Api.newTenant());

        Api.bearer(Api.newTenant().adminToken()).body(Map.of("domains", List.of(domain))).put("/sso-domains").then()
                .statusCode(200).body("claims[0].state", equalTo("pending"));
    }

    @Test
    void aDomainApprovedForOneOrganizationCannotBeClaimedByAnother() {
        Api.Tenant first = Api.newTenant();
        String domain = claimed(first);
        approve(first, domain).statusCode(200);

        Api.bearer(Api.newTenant().adminToken()).body(Map.of("domains", List.of(domain))).put("/sso-domains").then()
                .statusCode(409).body("code", equalTo("domain_taken"));
    }

    @Test
    void aDomainApprovedForOneOrganizationCannotBeApprovedForAnother() {
        Api.Tenant first = Api.newTenant();
        Api.Tenant second = Api.newTenant();
        String domain = claimed(first);
        Api.bearer(second.adminToken()).body(Map.of("domains", List.of(domain))).put("/sso-domains").then().statusCode(200);
        approve(first, domain).statusCode(200);

        approve(second, domain).statusCode(409).body("code", equalTo("domain_taken"));
    }

    @Test
    void aPublicMailServicesDomainCannotBeClaimed() {
        Api.Tenant tenant = Api.newTenant();

        Api.bearer(tenant.adminToken()).body(Map.of("domains", List.of("GMail.com"))).put("/sso-domains").then()
                .statusCode(422).contentType("application/problem+json").body("code", equalTo("public_mail_domain"));
        Api.bearer(tenant.adminToken()).get("/sso-domains").then().statusCode(200).body("domains", equalTo(List.of()));
    }

    @Test
    void anOrganizationAdminCannotApproveItsOwnClaim() {
        Api.Tenant tenant = Api.newTenant();
        String domain = claimed(tenant);

        Api.bearer(tenant.adminToken()).post("/sso-domain-claims/" + tenant.organizationId() + "/" + domain + "/approve").then()
                .statusCode(403).body("code", equalTo("forbidden"));
        Api.bearer(tenant.adminKey()).post("/sso-domain-claims/" + tenant.organizationId() + "/" + domain + "/approve").then()
                .statusCode(403);
    }

    @Test
    void aDomainTheOrganizationDidNotClaimIsNotFound() {
        Api.Tenant tenant = Api.newTenant();

        approve(tenant, freshDomain()).statusCode(404).body("code", equalTo("not_found"));
    }

    @Test
    void anUnknownStateIsAnInvalidFilter() {
        Api.bearer(platformToken).queryParam("state", "undecided").get("/sso-domain-claims").then()
                .statusCode(400).body("code", equalTo("invalid_filter"));
    }

    private static String freshDomain() {
        return "claim-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
    }

    /** A fresh domain the tenant's admin claimed. */
    private static String claimed(Api.Tenant tenant) {
        String domain = freshDomain();
        Api.bearer(tenant.adminToken()).body(Map.of("domains", List.of(domain))).put("/sso-domains").then().statusCode(200);
        return domain;
    }

    private static ValidatableResponse approve(Api.Tenant tenant, String domain) {
        return Api.bearer(platformToken).post("/sso-domain-claims/" + tenant.organizationId() + "/" + domain + "/approve")
                .then();
    }
}
