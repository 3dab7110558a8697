package app.arv.web.it;

import app.arv.generation.fal.FakeFal;
import app.arv.launcher.ArvStack;
import io.restassured.RestAssured;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * One real ARV for the whole integration suite: embedded PostgreSQL, Redis and Artemis (or the
 * running ones named by DATABASE_URL, REDIS_URL, ARTEMIS_URL) and Payara Micro with the built WAR.
 * Started by the first test class that needs it, stopped when the suite ends.
 */
public final class ArvServer implements BeforeAllCallback {

    public static final String ADMIN_EMAIL = "operator@arv.test";
    public static final String ADMIN_PASSWORD = "operator-password-1";
    /** Failed sign-ins an account may have before it is held back (the default, said here for LoginProtectionIT). */
    public static final int LOGIN_MAX_FAILURES = 5;
    /** Multipart bodies are cut off past this (above the 50 MB overlay limit; the default, 25 files of 10 MB, would make the limit IT stream 250 MB). */
    public static final long MAX_REQUEST_BYTES = 64L << 20;

    /** How long a node's claim on a mail lasts (MailClusterIT waits it out after killing a node). */
    public static final Duration MAIL_LEASE = Duration.ofSeconds(10);

    /**
     * How often each node's compile-job recovery round runs (10 s by default): BatchJobAdminIT waits out a few rounds to
     * see a job left alone, ClusterIT waits for the survivor's round after a kill.
     */
    public static final Duration MARKER_RECOVERY_INTERVAL = Duration.ofSeconds(3);

    /**
     * How long a generation item waits for a dependency of ARV's own that is away (10 min by default), tried again every
     * 2 s (not 15): GenerationOutageIT sees an item outlast it without waiting minutes. Longer than the broker's
     * back-off for broken attempts (about 15 s), so its outage that ends sooner shows what the patience adds.
     */
    public static final Duration GENERATION_OUTAGE_PATIENCE = Duration.ofSeconds(40);

    /**
     * How long an idempotency claim lasts unless its node renews it (15 min by default): IdempotencyIT holds a request
     * open past a few leases, and waits one out for a claim nobody renews.
     */
    public static final Duration IDEMPOTENCY_LEASE = Duration.ofSeconds(3);

    /** Open {@code /ws/events} sockets one organization may have on the suite's node. */
    public static final int MAX_SOCKETS_PER_ORGANIZATION = 8;

    /**
     * The server's transaction timeout (120 s in post-boot-commands.txt): FalGenerationIT holds a FAL run past it to see
     * the delivery's message acknowledged once, and need not hold it two minutes. Still far above any transaction of
     * ARV's, which keeps remote calls outside them.
     */
    public static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(30);

    /** The one browser front end on another origin the suite's ARV lets call its API (CorsIT). */
    public static final String CORS_ORIGIN = "https://front.arv.test";

    /** The sender the suite's ARV is configured with. */
    public static final String MAIL_FROM = "ARV Tests <mail@arv.test>";

    private static ArvStack stack;
    private static RSAPrivateCrtKey signingKey;
    private static RuntimeException startFailure;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (ArvServer.class) {
            if (startFailure != null) {
                // One failed start is enough: every later class fails at once instead of waiting for a deployment again.
                throw new IllegalStateException("the suite's server did not start (see the first failure)", startFailure);
            }
            if (stack == null) {
                try {
                    stack = start();
                } catch (RuntimeException e) {
                    startFailure = e;
                    throw e;
                }
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                        .put(ArvServer.class, (AutoCloseable) ArvServer::keepLogAndStop);
            }
        }
    }

    private static ArvStack start() {
        // A failed expectation prints the exchange (a problem body names its request_id, findable in the kept log).
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        RestAssured.filters(new CompactRequestLog());
        signingKey = TestTokens.newRsaKey();
        return ArvStack.builder()
                .env("ARV_ADMIN_EMAIL", ADMIN_EMAIL)
                .env("ARV_ADMIN_PASSWORD", ADMIN_PASSWORD)
                // The tests know the key so they can present tokens ARV never issued (expired ones).
                .env("ARV_JWT_PRIVATE_KEY", pem(signingKey))
                // Test users are created by the hundred; production keeps the default cost.
                .env("ARV_PASSWORD_BCRYPT_COST", "4")
                // Failed object deletions retry at once and park after three tries, so the dead-letter IT is quick.
                .env("ARV_MEDIA_DELETE_RETRY_BASE", "PT0S")
                .env("ARV_MEDIA_DELETE_ATTEMPTS", "3")
                // The fal provider talks to a local fake of FAL.AI's queue API; short waits keep its IT quick.
                .env("ARV_FAL_BASE_URL", FakeFal.shared().baseUrl())
                .env("ARV_FAL_KEY", FakeFal.KEY)
                .env("ARV_FAL_POLL_INTERVAL", "PT0.2S")
                .env("ARV_FAL_READ_TIMEOUT", "PT2S")
                // A killed node's compile job is restarted elsewhere once its proof of life has run out: 10 s (not 30),
                // the fewest three recovery rounds allow, so ClusterIT does not wait half a minute after each kill.
                .env("ARV_MARKERS_RECOVERY_INTERVAL", MARKER_RECOVERY_INTERVAL.toString())
                .env("ARV_MARKERS_NODE_ALIVE", MARKER_RECOVERY_INTERVAL.multipliedBy(3).plusSeconds(1).toString())
                // The reaper looks for stuck items every 2 s (not every minute), so its IT sees it act quickly.
                .env("ARV_GENERATION_REAP_INTERVAL", "PT2S")
                // Finished jobs are kept a day and the retention pass runs every 2 s, so its IT can backdate a job and watch it go.
                .env("ARV_GENERATION_RETENTION", "P1D")
                .env("ARV_GENERATION_CLEANUP_INTERVAL", "PT2S")
                .env("ARV_GENERATION_OUTAGE_PATIENCE", GENERATION_OUTAGE_PATIENCE.toString())
                .env("ARV_GENERATION_OUTAGE_RETRY", "PT2S")
                // Expired idempotency records are deleted every 2 s, so IdempotencyIT can backdate one and watch it go.
                .env("ARV_IDEMPOTENCY_CLEANUP_INTERVAL", "PT2S")
                .env("ARV_IDEMPOTENCY_LEASE", IDEMPOTENCY_LEASE.toString())
                // FAL's circuit breakers wait 5 s instead of 30 before a trial call, so the breaker IT ends quickly
                // (MicroProfile Fault Tolerance's <class>/<method>/CircuitBreaker/delay as an environment variable;
                // milliseconds, the annotation's unit).
                .env("APP_ARV_GENERATION_FAL_FALCLIENT_SUBMIT_CIRCUITBREAKER_DELAY", "5000")
                .env("APP_ARV_GENERATION_FAL_FALCLIENT_GET_CIRCUITBREAKER_DELAY", "5000")
                // Generation SSE heartbeats every 5 s instead of 15, so a test sees them without waiting long.
                .env("ARV_GENERATION_SSE_HEARTBEAT", "PT5S")
                // The organization WebSocket beats every 3 s (not 15): a socket whose credential stopped holding closes at a
                // heartbeat, and EventStreamCredentialIT waits for one.
                .env("ARV_EVENTS_HEARTBEAT", "PT3S")
                // Few, so OrganizationEventsIT can open one past the cap; no other test opens as many for one tenant.
                .env("ARV_EVENTS_MAX_SOCKETS_PER_ORGANIZATION", String.valueOf(MAX_SOCKETS_PER_ORGANIZATION))
                // The expiry timer looks every 2 s (not hourly), so NotificationsIT sees several rounds tell one expiry once.
                .env("ARV_EXPIRY_CHECK_INTERVAL", "PT2S")
                // Sign-in throttle: tests that trip it use accounts of their own; its first hold is 1 s (not 30) so
                // LoginProtectionIT can watch it grow. The whole suite signs in from 127.0.0.1, so the per-address
                // limit is out of reach here (LoginThrottleTest covers it on a real Redis).
                .env("ARV_LOGIN_MAX_FAILURES", String.valueOf(LOGIN_MAX_FAILURES))
                .env("ARV_LOGIN_BACKOFF", "PT1S")
                .env("ARV_LOGIN_MAX_FAILURES_PER_ADDRESS", "1000000")
                // ~200 test classes share one server and one client address: the suite's limits are generous, and
                // the rate-limit and quota tests set low ones on their own organizations (as the platform admin).
                .env("ARV_RATE_LIMIT_PER_MINUTE", "1000000")
                .env("ARV_RATE_LIMIT_PER_HOUR", "10000000")
                .env("ARV_RATE_LIMIT_UPLOADS_PER_MINUTE", "1000000")
                .env("ARV_QUOTA_GENERATIONS_PER_MONTH", "1000000")
                .env("ARV_QUOTA_FAL_ALLOWED", "true")
                .env("ARV_QUOTA_FAL_ITEMS_PER_MONTH", "1000000")
                // The tests' own loopback connection is a trusted proxy: a test can act as several clients with
                // X-Forwarded-For (ViewerRateLimitIT); requests without the header are the loopback client as before.
                .env("ARV_TRUSTED_PROXIES", "127.0.0.1/32")
                .env("ARV_CORS_ORIGINS", CORS_ORIGIN)
                .env("ARV_MEDIA_MAX_REQUEST_BYTES", String.valueOf(MAX_REQUEST_BYTES))
                // Mail: the outbox is polled every half second and a failed send is retried after 1 s (not 1 min), so
                // MailIT sees a mail arrive once the SMTP server (the launcher's local one) is back.
                .env("ARV_MAIL_POLL_INTERVAL", "PT0.5S")
                .env("ARV_MAIL_RETRY_BASE", "PT1S")
                .env("ARV_MAIL_RETRY_MAX", "PT2S")
                .env("ARV_MAIL_FROM", MAIL_FROM)
                // MailClusterIT kills a node holding claimed mails: its lease runs out after 10 s (not 5 min) — sends time
                // out after 2 s, and the server requires a lease of more than four of them — and 200 mails queued while
                // the SMTP server is down fail often before it is back, so they may try 100 times before they are dead.
                .env("ARV_MAIL_LEASE", MAIL_LEASE.toString())
                .env("ARV_SMTP_TIMEOUT", "PT2S")
                .env("ARV_MAIL_MAX_ATTEMPTS", "100")
                // Webhooks: quick rounds and a short retry period, so a failing receiver's delivery dies within
                // seconds; two dead deliveries in a row switch a webhook off (WebhookIT).
                .env("ARV_WEBHOOK_POLL_INTERVAL", "PT0.2S")
                .env("ARV_WEBHOOK_RETRY_BASE", "PT0.4S")
                .env("ARV_WEBHOOK_RETRY_MAX", "PT1S")
                .env("ARV_WEBHOOK_RETRY_PERIOD", "PT4S")
                .env("ARV_WEBHOOK_DISABLE_AFTER", "2")
                .env("ARV_WEBHOOK_CONNECT_TIMEOUT", "PT2S")
                .env("ARV_WEBHOOK_READ_TIMEOUT", "PT2S")
                // ARV reaches the broker through a relay the outage IT can freeze (a stopped broker, as SIGSTOP would).
                .freezableBroker(true)
                // The tests' S3 stores (S3Proxy, tarpits) listen on 127.0.0.1: allowed by that exact host text, so
                // the SSRF ITs still see every other spelling of loopback (localhost, [::1], 2130706433) refused.
                // minio.internal (which does not resolve) stands for an operator's private store: allowed to storage
                // connections, never to webhooks (WebhookIT). Storage connections have their own list: the operator's
                // (the identity provider below) does not apply to them.
                .env("ARV_OUTBOUND_ALLOWED_HOSTS", "127.0.0.1,minio.internal")
                .env("ARV_STORAGE_ALLOWED_HOSTS", "127.0.0.1,minio.internal")
                // The webhook receivers (WebhookReceiver) listen on 127.0.0.1 too: webhooks have their own list.
                .env("ARV_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1")
                // Single sign-on: the suite's identity provider (mock-oauth2-server on 127.0.0.1, allowed above).
                .env("ARV_OIDC_" + OidcProviderServer.PROVIDER.toUpperCase() + "_ISSUER", OidcProviderServer.shared().issuer())
                .env("ARV_OIDC_" + OidcProviderServer.PROVIDER.toUpperCase() + "_CLIENT_ID", OidcProviderServer.CLIENT_ID)
                .env("ARV_OIDC_" + OidcProviderServer.PROVIDER.toUpperCase() + "_CLIENT_SECRET", OidcProviderServer.CLIENT_SECRET)
                .env("ARV_OIDC_" + OidcProviderServer.UNREACHABLE.toUpperCase() + "_ISSUER", OidcProviderServer.unreachableIssuer())
                .env("ARV_OIDC_" + OidcProviderServer.UNREACHABLE.toUpperCase() + "_CLIENT_ID", OidcProviderServer.CLIENT_ID)
                .env("ARV_OIDC_" + OidcProviderServer.UNREACHABLE.toUpperCase() + "_CLIENT_SECRET", OidcProviderServer.CLIENT_SECRET)
                // The launcher's JVM options plus a GC log per process (gc-<pid>.log beside payara.log), kept with the
                // server log (ServerLogs): a suite server that stalls can then be told apart from one collecting garbage.
                .javaOptions(List.of("-Xms256m", "-Xmx1g", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                        "-Xlog:gc:file=gc-%p.log:uptime,time"))
                .transactionTimeout(TRANSACTION_TIMEOUT)
                // A loaded 2-core machine has been seen to take two minutes to deploy; failing then says nothing.
                .startTimeout(Duration.ofMinutes(6))
                .build().start();
    }

    /** The server's logs outlive its temporary folder ({@link ServerLogs}); B's too, which stops with the stack. */
    private static void keepLogAndStop() {
        try {
            ServerLogs.keep("A", stack.logFile());
            SecondNode.keepLog();
        } finally {
            stack.close();
        }
    }

    /**
     * Starts the suite's server again after a test stopped or killed it (the ended process's log kept first). A start
     * that fails to deploy is tried once more, its log kept too: once (session 9) a restart right after a SIGKILL failed
     * with Payara's "DeploymentContext does not contain any EJB" though the same WAR deployed before and after it; what a
     * test checks after the restart is the same either way.
     */
    public static void restart() {
        ServerLogs.keep("A", stack.logFile());
        stack.stopArv();
        try {
            stack.startArv();
        } catch (IllegalStateException e) {
            System.err.println("The suite's server did not start again; trying once more. " + e.getMessage().strip().lines()
                    .findFirst().orElse(""));
            ServerLogs.keep("A", stack.logFile());
            stack.stopArv();
            stack.startArv();
        }
    }

    public static ArvStack stack() {
        return stack;
    }

    public static String baseUrl() {
        return stack.baseUrl();
    }

    public static RSAPrivateCrtKey signingKey() {
        return signingKey;
    }

    private static String pem(RSAPrivateCrtKey key) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }
}
