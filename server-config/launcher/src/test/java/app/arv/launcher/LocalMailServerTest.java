package app.arv.launcher;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalMailServerTest {

    private final LocalMailServer server = new LocalMailServer(FreePorts.pick(), FreePorts.pick());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aMailSentToTheServerIsListedInTheInboxPage() throws Exception {
        server.start();

        send("Welcome <to> ARV");

        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.inboxUrl())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Welcome &lt;to&gt; ARV"), page.body());
        assertTrue(page.body().contains("ann@example.com"), page.body());
    }

    @Test
    void mailsReceivedBeforeARestartAreStillThere() throws Exception {
        server.start();
        send("first");

        server.stop();
        assertThrows(MessagingException.class, () -> send("while down"));
        server.start();
        send("second");

        assertEquals(2, server.awaitReceived(2, m -> true, Duration.ofSeconds(5)).size());
    }

    private void send(String subject) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", FreePorts.LOOPBACK);
        properties.put("mail.smtp.port", Integer.toString(server.port()));
        properties.put("mail.smtp.connectiontimeout", "2000");
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("arv@example.com"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("ann@example.com"));
        message.setSubject(subject);
        message.setText("hello");
        Transport.send(message);
    }
}
