package app.arv.web.it;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/** Sessions through HTTP: a sign-in opens one, refresh tokens rotate, reuse ends the family, and people end their sessions. */
@ExtendWith(ArvServer.class)
class SessionsIT {

    private static final Pattern RESET_LINK = Pattern.compile("/console/#/reset\\?token=([A-Za-z0-9_-]+)");

    /** What a sign-in or a refresh hands the client. */
    private record Pair(String access, String refresh) {
    }

    @Test
    void aSignInAnswersItsSessionsEndAsTheSessionListReadsItBack() {
        Api.Tenant tenant = Api.newTenant();

        var signIn = Api.anonymous().body(Map.of("email", tenant.adminEmail(), "password", tenant.password())).post("/auth/login")
                .then().statusCode(200).extract();

        String ends = signIn.path("refresh_token_expires_at");
        List<Map<String, Object>> sessions = Api.bearer(signIn.path("access_token")).get("/me/sessions").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertThat(sessions).filteredOn(session -> Boolean.TRUE.equals(session.get("current"))).extracting(session -> session.get("expires_at"))
                .containsExactly(ends);
    }

    @Test
    void aRefreshGivesAWorkingNewPairAndTheSpentRefreshTokenIsRefused() {
        Api.Tenant tenant = Api.newTenant();
        Pair first = signIn(tenant.adminEmail(), tenant.password());

        Pair second = refreshed(first.refresh());

        assertThat(second.refresh()).isNotEqualTo(first.refresh());
        Api.bearer(second.access()).get("/me").then().statusCode(200);
        refresh(first.refresh()).then().statusCode(401);
        assertThat(refreshed(second.refresh()).access()).isNotNull();
    }

    @Test
    void aSpentRefreshTokenPresentedLaterEndsTheWholeSession() throws InterruptedException {
        Api.Tenant tenant = Api.newTenant();
        Pair first = signIn(tenant.adminEmail(), tenant.password());
        Pair second = refreshed(first.refresh());
        Thread.sleep(5_500); // past the leeway that a request racing the first one gets

        refresh(first.refresh()).then().statusCode(401).body("code", equalTo("refresh_token_reused"));

        refresh(second.refresh()).then().statusCode(401).body("code", equalTo("invalid_token"));
        Api.bearer(second.access()).get("/me").then().statusCode(401).body("code", equalTo("session_ended"));
    }

    @Test
    void aTokenSpentTwoRotationsAgoEndsTheSessionAtOnce() {
        Api.Tenant tenant = Api.newTenant();
        Pair first = signIn(tenant.adminEmail(), tenant.password());
        Pair third = refreshed(refreshed(first.refresh()).refresh());

        refresh(first.refresh()).then().statusCode(401).body("code", equalTo("refresh_token_reused"));

        refresh(third.refresh()).then().statusCode(401).body("code", equalTo("invalid_token"));
        Api.bearer(third.access()).get("/me").then().statusCode(401).body("code", equalTo("session_ended"));
    }

    @Test
    void ofRefreshesRacingWithOneTokenExactlyOneWinsAndItsSessionCarriesOn() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        Pair pair = signIn(tenant.adminEmail(), tenant.password());
        int racers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < racers; i++) {
                answers.add(pool.submit((Callable<Response>) () -> {
                    start.await();
                    return refresh(pair.refresh());
                }));
            }
            start.countDown();
            List<Response> won = new ArrayList<>();
            List<Response> lost = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                (response.statusCode() == 200 ? won : lost).add(response);
            }

            assertThat(won).hasSize(1);
            assertThat(lost).hasSize(racers - 1).allSatisfy(response -> {
                assertThat(response.statusCode()).isEqualTo(401);
                assertThat(response.jsonPath().getString("code")).isEqualTo("refresh_token_superseded");
            });
            Pair winner = new Pair(won.get(0).path("access_token"), won.get(0).path("refresh_token"));
            Api.bearer(winner.access()).get("/me").then().statusCode(200);
            assertThat(refreshed(winner.refresh()).access()).isNotNull();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void logoutWithTheRefreshTokenEndsTheSession() {
        Api.Tenant tenant = Api.newTenant();
        Pair pair = signIn(tenant.adminEmail(), tenant.password());

        Api.anonymous().body(Map.of("refresh_token", pair.refresh())).post("/auth/logout").then().statusCode(204);

        refresh(pair.refresh()).then().statusCode(401).body("code", equalTo("invalid_token"));
        Api.bearer(pair.access()).get("/me").then().statusCode(401).body("code", equalTo("session_ended"));
    }

    @Test
    void logoutWithTheAccessTokenAloneEndsItsSessionAndNoOther() {
        Api.Tenant tenant = Api.newTenant();
        Pair leaving = signIn(tenant.adminEmail(), tenant.password());
        Pair staying = signIn(tenant.adminEmail(), tenant.password());

        Api.bearer(leaving.access()).body(Map.of()).post("/auth/logout").then().statusCode(204);

        Api.bearer(leaving.access()).get("/me").then().statusCode(401).body("code", equalTo("session_ended"));
        refresh(leaving.refresh()).then().statusCode(401);
        Api.bearer(staying.access()).get("/me").then().statusCode(200);
    }

    @Test
    void revokeAllEndsEverySessionButTheCurrentOne() {
        Api.Tenant tenant = Api.newTenant();
        Pair current = signIn(tenant.adminEmail(), tenant.password());
        Pair laptop = signIn(tenant.adminEmail(), tenant.password());
        Pair phone = signIn(tenant.adminEmail(), tenant.password());

        Api.bearer(current.access()).post("/me/sessions/revoke-all").then().statusCode(200).body("ended", equalTo(3));

        Api.bearer(current.access()).get("/me").then().statusCode(200);
        assertThat(refreshed(current.refresh()).access()).isNotNull();
        for (Pair other : List.of(laptop, phone)) {
            Api.bearer(other.access()).get("/me").then().statusCode(401);
            refresh(other.refresh()).then().statusCode(401).body("code", equalTo("invalid_token"));
        }
    }

    @Test
    void changingThePasswordEndsEveryOtherSessionAndKeepsTheCurrentOne() {
        Api.Tenant tenant = Api.newTenant();
        Pair current = signIn(tenant.adminEmail(), tenant.password());
        Pair other = signIn(tenant.adminEmail(), tenant.password());

        String fresh = Api.bearer(current.access())
                .body(Map.of("current_password", tenant.password(), "new_password", "violet-harbour-47-lanterns"))
                .post("/me/password").then().statusCode(200).extract().path("access_token");

        Api.bearer(fresh).get("/me").then().statusCode(200);
        assertThat(refreshed(current.refresh()).access()).isNotNull();
        Api.bearer(other.access()).get("/me").then().statusCode(401);
        refresh(other.refresh()).then().statusCode(401).body("code", equalTo("invalid_token"));
    }

    @Test
    void aPasswordResetEndsEverySession() {
        Api.Tenant tenant = Api.newTenant();
        Pair pair = signIn(tenant.adminEmail(), tenant.password());
        Api.anonymous().body(Map.of("email", tenant.adminEmail())).post("/auth/password-reset").then().statusCode(202);
        Matcher link = RESET_LINK.matcher(Inbox.textOf(Inbox.mailTo(tenant.adminEmail())));
        assertThat(link.find()).isTrue();

        Api.anonymous().body(Map.of("token", link.group(1), "password", "a-brand-new-password-42"))
                .post("/auth/password-reset/confirm").then().statusCode(204);

        Api.bearer(pair.access()).get("/me").then().statusCode(401);
        refresh(pair.refresh()).then().statusCode(401).body("code", equalTo("invalid_token"));
    }

    @Test
    void deactivatingAPersonEndsTheirSessions() {
        Api.Tenant tenant = Api.newTenant();
        String memberEmail = Api.bearer(tenant.memberToken()).get("/me").then().extract().path("name");
        String memberId = Api.bearer(tenant.memberToken()).get("/me").then().extract().path("id");
        Pair member = signIn(memberEmail, tenant.password());

        Api.bearer(tenant.adminToken()).delete("/users/" + memberId).then().statusCode(204);

        refresh(member.refresh()).then().statusCode(401).body("code", equalTo("invalid_token"));
    }

    @Test
    void theSessionListShowsEachDeviceAndWhichIsCurrent() {
        Api.Tenant tenant = Api.newTenant();
        Pair phone = signIn(tenant.adminEmail(), tenant.password(), "ArvPhone/2.1 (Android 15)", "198.51.100.23");
        Pair laptop = signIn(tenant.adminEmail(), tenant.password(), "ArvLaptop/1.0 (Linux)", "203.0.113.99");

        Response list = Api.bearer(phone.access()).get("/me/sessions");

        list.then().statusCode(200).body("items", hasSize(3)) // the tenant's own sign-in is the third
                .body("items.find { it.user_agent == 'ArvPhone/2.1 (Android 15)' }.client_address", equalTo("198.51.100.23"))
                .body("items.find { it.user_agent == 'ArvPhone/2.1 (Android 15)' }.current", equalTo(true))
                .body("items.find { it.user_agent == 'ArvPhone/2.1 (Android 15)' }.created_at", notNullValue())
                .body("items.find { it.user_agent == 'ArvPhone/2.1 (Android 15)' }.last_used_at", notNullValue())
                .body("items.find { it.user_agent == 'ArvLaptop/1.0 (Linux)' }.client_address", equalTo("203.0.113.99"))
                .body("items.find { it.user_agent == 'ArvLaptop/1.0 (Linux)' }.current", equalTo(false));
        assertThat(laptop.access()).isNotNull();
    }

    @Test
    void anEndedSessionLeavesTheList() {
        Api.Tenant tenant = Api.newTenant();
        Pair current = signIn(tenant.adminEmail(), tenant.password());
        Pair other = signIn(tenant.adminEmail(), tenant.password(), "Ending/1.0", "192.0.2.10");
        String otherId = Api.bearer(current.access()).get("/me/sessions").then().extract()
                .path("items.find { it.user_agent == 'Ending/1.0' }.id");

        Api.bearer(current.access()).delete("/me/sessions/" + otherId).then().statusCode(204);

        Api.bearer(other.access()).get("/me").then().statusCode(401).body("code", equalTo("session_ended"));
        Api.bearer(current.access()).get("/me/sessions").then().body("items.user_agent", org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasItem("Ending/1.0")));
        Api.bearer(current.access()).delete("/me/sessions/" + otherId).then().statusCode(404);
    }

    @Test
    void someoneElsesSessionIsNotFoundAndKeepsWorking() {
        Api.Tenant tenant = Api.newTenant();
        String memberEmail = Api.bearer(tenant.memberToken()).get("/me").then().extract().path("name");
        Pair member = signIn(memberEmail, tenant.password(), "Member/1.0", "192.0.2.44");
        String memberSession = Api.bearer(member.access()).get("/me/sessions").then().extract()
                .path("items.find { it.user_agent == 'Member/1.0' }.id");

        Api.bearer(tenant.adminToken()).delete("/me/sessions/" + memberSession).then().statusCode(404).body("code", equalTo("not_found"));

        Api.bearer(member.access()).get("/me").then().statusCode(200);
    }

    @Test
    void anApiKeyHasNoSessionsAndOutlivesTheOwnersSignOut() {
        Api.Tenant tenant = Api.newTenant();

        Api.bearer(tenant.adminKey()).get("/me/sessions").then().statusCode(403);
        Api.bearer(tenant.adminToken()).post("/me/sessions/revoke-all").then().statusCode(200);
        Api.bearer(tenant.adminToken()).body(Map.of()).post("/auth/logout").then().statusCode(204);

        Api.bearer(tenant.adminKey()).get("/projects").then().statusCode(200);
    }

    private static Pair signIn(String email, String password) {
        return pairOf(Api.anonymous().body(Map.of("email", email, "password", password)).post("/auth/login"));
    }

    private static Pair signIn(String email, String password, String userAgent, String clientAddress) {
        return pairOf(Api.anonymous().header("User-Agent", userAgent).header("X-Forwarded-For", clientAddress)
                .body(Map.of("email", email, "password", password)).post("/auth/login"));
    }

    private static Response refresh(String refreshToken) {
        return Api.anonymous().body(Map.of("refresh_token", refreshToken)).post("/auth/refresh");
    }

    private static Pair refreshed(String refreshToken) {
        return pairOf(refresh(refreshToken));
    }

    private static Pair pairOf(Response response) {
        response.then().statusCode(200).body("refresh_token", notNullValue()).body("refresh_token_expires_at", notNullValue());
        return new Pair(response.path("access_token"), response.path("refresh_token"));
    }
}
