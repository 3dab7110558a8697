package app.arv.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Payara Micro as a child process: the resource adapter, then the WAR at context root "/".
 * Its output goes to a log file (and optionally to the console); {@link #start()} returns when
 * {@code /health/ready} answers 200, or fails with the log tail.
 */
final class PayaraMicroServer {

    private final RuntimeFiles runtime;
    private final Path war;
    private final int httpPort;
    private final Path workDirectory;
    private final Path logFile;
    private final List<String> javaOptions;
    private final Map<String, String> environment;
    private final Duration startTimeout;
    private final PrintStream echo;
    private final PayaraCommands commands;
    private final Set<String> requiredChecks;
    private volatile String deploymentFailure;
    private Process process;
    private Thread pump;

    PayaraMicroServer(RuntimeFiles runtime, Path war, int httpPort, Path workDirectory, List<String> javaOptions,
            Map<String, String> environment, Duration startTimeout, PrintStream echo,
            PayaraCommands commands, Set<String> requiredChecks) {
        this.runtime = runtime;
        this.war = war;
        this.httpPort = httpPort;
        this.workDirectory = workDirectory;
        this.logFile = workDirectory.resolve("payara.log");
        this.javaOptions = javaOptions;
        this.environment = environment;
        this.startTimeout = startTimeout;
        this.echo = echo;
        this.commands = commands;
        this.requiredChecks = Set.copyOf(requiredChecks);
    }

    String baseUrl() {
        return "http://" + FreePorts.LOOPBACK + ":" + httpPort;
    }

    Path logFile() {
        return logFile;
    }

    synchronized boolean isRunning() { return process != null && process.isAlive(); }

    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    synchronized void start() {
        if (isRunning()) {
            return;
        }
        FreePorts.requireFree(httpPort, "Payara Micro HTTP");
        try {
            Files.createDirectories(workDirectory);
            // Payara Micro unpacks its runtime here on every start; leftovers of earlier runs are garbage.
            TreeDeletion.delete(workDirectory.resolve("tmp"));
            Files.createDirectories(workDirectory.resolve("tmp"));
            Path postBoot = commands.write(workDirectory.resolve("post-boot-commands.txt"),
                    PayaraCommands.Reader.PAYARA_MICRO);
            Path preBoot = PayaraCommands.writePreBootCommands(workDirectory.resolve("pre-boot-commands.txt"));
            Path logging = PayaraCommands.writeLoggingProperties(workDirectory.resolve("logging.properties"));
            ProcessBuilder builder = new ProcessBuilder(command(preBoot, postBoot, logging))
                    .directory(workDirectory.toFile())
                    .redirectErrorStream(true);
            builder.environment().putAll(environment);
            Files.writeString(logFile, "", StandardCharsets.UTF_8);
            deploymentFailure = null;
            process = builder.start();
            pump = startPump(process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Payara Micro", e);
        }
        awaitReady();
    }

    private List<String> command(Path preBoot, Path postBoot, Path logging) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.add("-Djava.io.tmpdir=" + workDirectory.resolve("tmp"));
        command.add("-jar");
        command.add(runtime.payaraMicro().toString());
        // A single node: no Hazelcast (it would bind 6900+ and look for peers).
        command.add("--nohazelcast");
        command.add("--port");
        command.add(String.valueOf(httpPort));
        // The PostgreSQL driver must be on the server class path: the JDBC pool is server-level.
        command.add("--addlibs");
        command.add(runtime.postgresqlDriver().toString());
        command.add("--prebootcommandfile");
        command.add(preBoot.toString());
        command.add("--postbootcommandfile");
        command.add(postBoot.toString());
        command.add("--logproperties");
        command.add(logging.toString());
        // The adapter first: the WAR's MDBs and connection factory name it (resourceAdapter=artemis-rar).
        command.add("--deploy");
        command.add(runtime.artemisAdapter().toString());
        command.add("--deploy");
        command.add(war.toString());
        command.add("--contextroot");
        command.add("/");
        return command;
    }

    /** Copies the child's output to the log file (and the console) line by line, so the pipe never fills. */
    private Thread startPump(Process child) throws IOException {
        Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Thread thread = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)); log) {
                String line;
                while ((line = in.readLine()) != null) {
                    log.write(line);
                    log.write('\n');
                    log.flush();
                    if (deploymentFailure == null && DeploymentFailure.isReportedBy(line)) {
                        deploymentFailure = line;
                    }
                    if (echo != null) {
                        echo.println(line);
                    }
                }
            } catch (IOException e) {
                // The child is gone; nothing more to copy.
            }
        }, "payara-log-pump");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * Ready means: /health/ready answers 200 AND lists the application's own checks. Payara answers
     * /health/ready before (and even without) the WAR, so a 200 alone proves nothing.
     */
    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        Instant deadline = Instant.now().plus(startTimeout);
        String last = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            if (deploymentFailure != null) {
                String tail = LogTail.of(logFile, 60);
                stop();
                throw new IllegalStateException("ARV failed to deploy: " + abbreviate(deploymentFailure) + "\n" + tail);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with code " + process.exitValue()
                        + " before ARV was ready\n" + LogTail.of(logFile, 60));
            }
            try {
                HttpResponse<String> response = http.send(ready, HttpResponse.BodyHandlers.ofString());
                last = "HTTP " + response.statusCode() + " " + abbreviate(response.body());
                if (response.statusCode() == 200 && listsRequiredChecks(response.body())) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new IllegalStateException("interrupted while waiting for ARV", e);
            }
            sleep(500);
        }
        String tail = LogTail.of(logFile, 60);
        stop();
        throw new IllegalStateException("ARV was not ready within " + startTimeout.toSeconds() + " s at "
                + baseUrl() + "/health/ready (last: " + last + ")\n" + tail);
    }

    private boolean listsRequiredChecks(String body) {
        return requiredChecks.stream().allMatch(name -> body.matches("(?s).*\"name\"\\s*:\\s*\"" + name + "\".*"));
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "...";
    }

    /** SIGTERM lets Payara undeploy and close its pools; a hung server is killed after 30 s. */
    synchronized void stop() {
        if (process == null) {
            return;
        }
        try {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            if (pump != null) {
                pump.join(2000);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            process = null;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
