package app.arv.launcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A minimal read-only web inbox for {@link LocalMailServer}: {@code /} lists every received mail (newest first),
 * {@code /messages/N} shows one (headers, the plain-text part, the HTML part in a sandboxed frame),
 * {@code /messages/N/html} is that HTML part alone, {@code /messages/N.eml} the raw message. No sending, no
 * deleting, no search: it is for reading what ARV sent while developing. Listens on 127.0.0.1 only.
 */
final class MailInboxPage {

    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:24px;color:#1f2328}"
            + "table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:6px 10px;border-bottom:1px solid #ddd}"
            + "pre{white-space:pre-wrap;background:#f6f8fa;padding:12px}iframe{width:100%;height:480px;border:1px solid #ddd}"
            + "dt{font-weight:600}dd{margin:0 0 6px}";

    private final HttpServer server;

    private MailInboxPage(HttpServer server) {
        this.server = server;
    }

    static MailInboxPage start(String host, int port, Supplier<List<MimeMessage>> mails) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    route(exchange, mails.get());
                } catch (RuntimeException | MessagingException e) {
                    send(exchange, 500, "text/plain", "could not show this mail: " + e);
                }
            });
            server.start();
            return new MailInboxPage(server);
        } catch (IOException e) {
            throw new UncheckedIOException("the mail inbox page did not start on port " + port, e);
        }
    }

    void stop() {
        server.stop(0);
    }

    private static void route(HttpExchange exchange, List<MimeMessage> mails) throws IOException, MessagingException {
        String path = exchange.getRequestURI().getPath();
        if (!"GET".equals(exchange.getRequestMethod())) {
            send(exchange, 405, "text/plain", "read-only");
        } else if (path.equals("/")) {
            send(exchange, 200, "text/html", list(mails));
        } else if (path.matches("/messages/\\d+(/html|\\.eml)?")) {
            String rest = path.substring("/messages/".length());
            int index = Integer.parseInt(rest.replaceAll("\\D.*", ""));
            if (index < 1 || index > mails.size()) {
                send(exchange, 404, "text/plain", "no such mail");
                return;
            }
            MimeMessage mail = mails.get(index - 1);
            if (rest.endsWith(".eml")) {
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                mail.writeTo(raw);
                send(exchange, 200, "message/rfc822", raw.toString(StandardCharsets.UTF_8));
            } else if (rest.endsWith("/html")) {
                // The mail's own HTML, with nothing allowed to run or load: it is shown, never trusted.
                exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
                send(exchange, 200, "text/html", part(mail, "text/html"));
            } else {
                send(exchange, 200, "text/html", one(mail, index));
            }
        } else {
            send(exchange, 404, "text/plain", "not found");
        }
    }

    private static String list(List<MimeMessage> mails) throws MessagingException {
        StringBuilder rows = new StringBuilder();
        for (int i = mails.size(); i >= 1; i--) {
            MimeMessage mail = mails.get(i - 1);
            rows.append("<tr><td>").append(escape(String.valueOf(mail.getSentDate()))).append("</td><td>")
                    .append(escape(addresses(mail.getFrom()))).append("</td><td>")
                    .append(escape(addresses(mail.getAllRecipients()))).append("</td><td><a href=\"/messages/").append(i)
                    .append("\">").append(escape(String.valueOf(mail.getSubject()))).append("</a></td></tr>");
        }
        return page("ARV local inbox", "<h1>ARV local inbox</h1><p>" + mails.size()
                + " mails received by the run command's SMTP server (kept in memory until it stops). Reload to see new ones.</p>"
                + "<table><tr><th>sent</th><th>from</th><th>to</th><th>subject</th></tr>" + rows + "</table>");
    }

    private static String one(MimeMessage mail, int index) throws IOException, MessagingException {
        String text = part(mail, "text/plain");
        return page(String.valueOf(mail.getSubject()), "<p><a href=\"/\">&larr; inbox</a> · <a href=\"/messages/" + index
                + ".eml\">raw</a></p><h1>" + escape(String.valueOf(mail.getSubject())) + "</h1><dl>"
                + "<dt>From</dt><dd>" + escape(addresses(mail.getFrom())) + "</dd>"
                + "<dt>To</dt><dd>" + escape(addresses(mail.getAllRecipients())) + "</dd>"
                + "<dt>Date</dt><dd>" + escape(String.valueOf(mail.getSentDate())) + "</dd>"
                + "<dt>Message-ID</dt><dd>" + escape(String.valueOf(mail.getMessageID())) + "</dd>"
                + "<dt>Language</dt><dd>" + escape(mail.getContentLanguage() == null ? "" : String.join(", ", mail.getContentLanguage())) + "</dd></dl>"
                + "<h2>Plain text</h2><pre>" + escape(text) + "</pre>"
                + "<h2>HTML</h2><iframe sandbox src=\"/messages/" + index + "/html\"></iframe>");
    }

    /** The first part of that type, searched through nested multiparts; empty when there is none. */
    private static String part(Part part, String type) throws IOException, MessagingException {
        if (part.isMimeType(type)) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart child = parts.getBodyPart(i);
                String found = part(child, type);
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return "";
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><title>" + escape(title) + "</title><style>" + STYLE
                + "</style></head><body>" + body + "</body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
