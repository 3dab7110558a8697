package app.arv.launcher;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The run command (server-config/run.sh) and helpers for scripts.
 *
 * <pre>
 * arv-launcher.jar [options]                 ARV + services, data in .arv-data/, HTTP 8080, until Ctrl-C
 * arv-launcher.jar --services-only [--env-file F]
 *                                            PostgreSQL, Redis, Artemis only; prints (and writes) their env lines
 * arv-launcher.jar --payara-commands F [--asadmin]
 *                                            renders the post-boot commands from DATABASE_URL/... and ARTEMIS_URL
 * options: --data-dir D --http-port N --postgres-port N --redis-port N --artemis-port N --smtp-port N --inbox-port N
 *          --war W --quiet
 * </pre>
 */
public final class ArvMain {

    private ArvMain() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(List.of(args));
        if (options.payaraCommands != null) {
            renderCommands(options);
            return;
        }
        StopSignals.announceOn(System.out);
        Path repository = RepositoryRoot.find();
        ArvStack.Builder builder = ArvStack.builder()
                .dataDir(options.dataDir != null ? options.dataDir : repository.resolve(".arv-data"))
                .httpPort(options.httpPort)
                .postgresPort(options.postgresPort)
                .redisPort(options.redisPort)
                .artemisPort(options.artemisPort)
                .smtpPort(options.smtpPort)
                .inboxPort(options.inboxPort)
                .servicesOnly(options.servicesOnly);
        if (options.war != null) {
            builder.war(options.war);
        }
        if (!options.quiet && !options.servicesOnly) {
            builder.echoLog(System.out);
        }
        Instant started = Instant.now();
        ArvStack stack = builder.build().start();
        Duration took = Duration.between(started, Instant.now());
        if (options.servicesOnly) {
            printServices(stack, options, System.out);
        } else {
            printArv(stack, took, repository, System.out);
        }
        // ArvStack's shutdown hook stops everything on Ctrl-C / SIGTERM; we just wait for it.
        new CountDownLatch(1).await();
    }

    private static void renderCommands(Options options) {
        Map<String, String> env = System.getenv();
        String databaseUrl = require(env, "DATABASE_URL");
        String artemisUrl = require(env, "ARTEMIS_URL");
        new PayaraCommands(new DatabaseTarget(databaseUrl, env.get("DATABASE_USER"), env.get("DATABASE_PASSWORD")),
                BrokerTarget.of(artemisUrl, env.get("ARTEMIS_USER"), env.get("ARTEMIS_PASSWORD"))).write(options.payaraCommands,
                        options.asadmin ? PayaraCommands.Reader.ASADMIN : PayaraCommands.Reader.PAYARA_MICRO);
        if (options.logging != null) {
            PayaraCommands.writeLoggingProperties(options.logging);
        }
    }

    private static String require(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set");
        }
        return value;
    }

    private static void printServices(ArvStack stack, Options options, PrintStream out) throws Exception {
        StringBuilder lines = new StringBuilder();
        stack.environment().forEach((name, value) -> {
            if (!name.equals("ARV_DATA_DIR")) {
                lines.append(name).append('=').append(value).append('\n');
            }
        });
        if (options.envFile != null) {
            // Written last and atomically: a script may poll for this file to know the services are up.
            Path tmp = options.envFile.resolveSibling(options.envFile.getFileName() + ".tmp");
            PrivateFiles.writeString(tmp, lines.toString());
            Files.move(tmp, options.envFile, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
        out.print(lines);
        if (stack.hasLocalMail()) {
            out.println("# mail inbox " + stack.mail().inboxUrl());
        }
        out.println("# services are running (data in " + stack.dataDir() + "); Ctrl-C stops them");
        out.flush();
    }

    private static void printArv(ArvStack stack, Duration took, Path repository, PrintStream out) {
        String base = stack.baseUrl();
        Path log = repository.relativize(stack.logFile());
        out.println();
        out.println("ARV is ready after " + took.toSeconds() + " s");
        out.println("  Console     " + base + "/console/ (sign in as the platform admin below)");
        out.println("  API         " + base + "/api/v1/");
        out.println("  Swagger UI  " + base + "/swagger/");
        out.println("  OpenAPI     " + base + "/openapi");
        out.println("  Readiness   " + base + "/health/ready");
        out.println("  Metrics     " + base + "/metrics");
        out.println("  Server log  " + log + " (one JSON object per line)");
        // Shown on a console, kept by CI and the journal: no password of an external service's URL.
        out.println("  PostgreSQL  " + ShownUrl.of(stack.jdbcUrl()) + " (user " + stack.databaseUser() + ")");
        out.println("  Redis       " + ShownUrl.of(stack.redisUrl()));
        out.println("  Artemis     " + ShownUrl.of(stack.artemisUrl()));
        if (stack.hasLocalMail()) {
            out.println("  Mail inbox  " + stack.mail().inboxUrl() + " (every mail ARV sends, to any address; SMTP "
                    + stack.mail().url() + ")");
        } else {
            out.println("  Mail        through ARV_SMTP_HOST");
        }
        out.println("On first start ARV creates the admin account (ARV_ADMIN_EMAIL, password ARV_ADMIN_PASSWORD "
                + "or a generated one printed in the log): grep -i admin " + log);
        out.println("Ctrl-C stops ARV and its services; data stays in " + repository.relativize(stack.dataDir()));
        out.flush();
    }

    private static final String USAGE = """
            usage: server-config/run.sh [options]
              Runs ARV on Payara Micro with embedded PostgreSQL, Redis and Artemis until Ctrl-C.
              DATABASE_URL (+ DATABASE_USER, DATABASE_PASSWORD), REDIS_URL or ARTEMIS_URL in the
              environment use that running service instead of an embedded one; ARV_SMTP_HOST sends
              mail through that server instead of a local one with a web inbox; ARV_* variables
              reach the application unchanged.
            options:
              --http-port N        HTTP port of ARV (default 8080)
              --postgres-port N    embedded PostgreSQL (default 5432)
              --redis-port N       embedded Redis (default 6379)
              --artemis-port N     embedded Artemis (default 61616)
              --smtp-port N        local SMTP server (default 2525)
              --inbox-port N       its web inbox (default 8025)
              --free-ports         pick free ports for all six
              --data-dir DIR       state folder (default .arv-data in the repository)
              --war FILE           the WAR to run (default web/target/arv.war)
              --quiet              do not echo the server log (it is still written to DIR/payara/payara.log)
              --services-only      only PostgreSQL, Redis and Artemis; prints their variables
              --env-file FILE      with --services-only: also write the variables to FILE once up
              --payara-commands FILE [--asadmin]
                                   render the Payara post-boot commands from DATABASE_URL, DATABASE_USER,
                                   DATABASE_PASSWORD, ARTEMIS_URL into FILE and exit (--asadmin: for
                                   asadmin multimode --file)
            """;

    /** Command-line options; unknown ones are an error rather than silently ignored. */
    private static final class Options {
        Path dataDir;
        Path war;
        Path envFile;
        Path payaraCommands;
        Path logging;
        boolean asadmin;
        boolean servicesOnly;
        boolean quiet;
        int httpPort = 8080;
        int postgresPort = 5432;
        int redisPort = 6379;
        int artemisPort = 61616;
        int smtpPort = 2525;
        int inboxPort = 8025;

        static Options parse(List<String> args) {
            Options o = new Options();
            Iterator<String> it = args.iterator();
            while (it.hasNext()) {
                String arg = it.next();
                switch (arg) {
                    case "--data-dir" -> o.dataDir = Path.of(value(it, arg)).toAbsolutePath();
                    case "--war" -> o.war = Path.of(value(it, arg)).toAbsolutePath();
                    case "--env-file" -> o.envFile = Path.of(value(it, arg)).toAbsolutePath();
                    case "--payara-commands" -> o.payaraCommands = Path.of(value(it, arg)).toAbsolutePath();
                    case "--logging-properties" -> o.logging = Path.of(value(it, arg)).toAbsolutePath();
                    case "--asadmin" -> o.asadmin = true;
                    case "--services-only" -> o.servicesOnly = true;
                    case "--quiet" -> o.quiet = true;
                    case "--http-port" -> o.httpPort = Integer.parseInt(value(it, arg));
                    case "--postgres-port" -> o.postgresPort = Integer.parseInt(value(it, arg));
                    case "--redis-port" -> o.redisPort = Integer.parseInt(value(it, arg));
                    case "--artemis-port" -> o.artemisPort = Integer.parseInt(value(it, arg));
                    case "--smtp-port" -> o.smtpPort = Integer.parseInt(value(it, arg));
                    case "--inbox-port" -> o.inboxPort = Integer.parseInt(value(it, arg));
                    case "--free-ports" -> {
                        o.httpPort = 0;
                        o.postgresPort = 0;
                        o.redisPort = 0;
                        o.artemisPort = 0;
                        o.smtpPort = 0;
                        o.inboxPort = 0;
                    }
                    case "-h", "--help" -> {
                        System.out.print(USAGE);
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            return o;
        }

        private static String value(Iterator<String> it, String option) {
            if (!it.hasNext()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return it.next();
        }
    }
}
