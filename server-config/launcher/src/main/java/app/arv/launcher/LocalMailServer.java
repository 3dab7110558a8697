package app.arv.launcher;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * A real SMTP server on 127.0.0.1 (GreenMail) that accepts every mail for every address, and a read-only web
 * inbox showing what it received ({@link MailInboxPage}). The run command starts it when {@code ARV_SMTP_HOST} is
 * not set, so ARV's mails can be read in a browser; the tests read them with {@link #received()}. Mails are kept
 * in memory while the launcher runs, and across {@link #stop()}/{@link #start()} (a test takes the server away to
 * see ARV retry).
 */
public final class LocalMailServer extends EmbeddedService {

    private final int inboxPort;
    private final List<MimeMessage> beforeRestarts = new ArrayList<>();
    private GreenMail smtp;
    private MailInboxPage inbox;

    LocalMailServer(int smtpPort, int inboxPort) {
        super("smtp", null, smtpPort);
        this.inboxPort = inboxPort;
    }

    /** {@code smtp://127.0.0.1:port} (plain SMTP, no authentication). */
    @Override
    public String url() {
        return "smtp://" + FreePorts.LOOPBACK + ":" + port;
    }

    /** The web inbox, {@code http://127.0.0.1:port/}. */
    public String inboxUrl() {
        return "http://" + FreePorts.LOOPBACK + ":" + inboxPort + "/";
    }

    @Override
    public synchronized boolean isRunning() { return smtp != null; }

    /** Starts the SMTP server (and, the first time, the inbox page). */
    @Override
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        FreePorts.requireFree(port, "SMTP server");
        GreenMail server = new GreenMail(new ServerSetup(port, FreePorts.LOOPBACK, ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        smtp = server;
        if (inbox == null) {
            FreePorts.requireFree(inboxPort, "mail inbox page");
            inbox = MailInboxPage.start(FreePorts.LOOPBACK, inboxPort, this::received);
        }
    }

    /** Stops accepting mail (connections are refused); the inbox page keeps showing what arrived. */
    @Override
    public synchronized void stop() {
        if (smtp == null) {
            return;
        }
        // GreenMail forgets its mails when it stops: keep them.
        beforeRestarts.addAll(Arrays.asList(smtp.getReceivedMessages()));
        smtp.stop();
        smtp = null;
    }

    @Override
    public synchronized void close() {
        stop();
        if (inbox != null) {
            inbox.stop();
            inbox = null;
        }
    }

    /** Every mail received so far, oldest first. */
    public synchronized List<MimeMessage> received() {
        List<MimeMessage> all = new ArrayList<>(beforeRestarts);
        if (smtp != null) {
            all.addAll(Arrays.asList(smtp.getReceivedMessages()));
        }
        return all;
    }

    /**
     * Waits until at least {@code count} received mails match, and returns the matching ones.
     *
     * @throws IllegalStateException when they have not arrived within {@code timeout}
     */
    public List<MimeMessage> awaitReceived(int count, Predicate<MimeMessage> matching, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<MimeMessage> matched = received().stream().filter(matching).toList();
            if (matched.size() >= count || Instant.now().isAfter(deadline)) {
                if (matched.size() < count) {
                    throw new IllegalStateException("expected " + count + " mails within " + timeout + ", got "
                            + matched.size() + " (of " + received().size() + " received)");
                }
                return matched;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for mail", e);
            }
        }
    }
}
