package org.armstrace.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The SMTP server, when one is configured. Boot creates a {@link JavaMailSender} as soon as
 * {@code spring.mail.host} is present, even blank (the property is in application.properties with an
 * empty default), so "configured" means a host that is not blank.
 */
@Component
class EmailChannel {

    private final JavaMailSender sender;
    private final String from;
    private final String baseUrl;

    @Autowired
    EmailChannel(ObjectProvider<JavaMailSender> sender, @Value("${spring.mail.host:}") String host,
                 @Value("${armstrace.notify.mail-from}") String from, @Value("${armstrace.notify.base-url}") String baseUrl) {
        this(host == null || host.isBlank() ? null : sender.getIfAvailable(), from, baseUrl);
    }

    /** A channel with this sender (null: e-mail off). */
    EmailChannel(JavaMailSender sender, String from, String baseUrl) {
        this.sender = sender;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    boolean enabled() {
        return sender != null;
    }

    /** The address of an application page, for the link in a message. */
    String link(String path) {
        return path == null ? baseUrl + "/" : baseUrl + "/" + (path.startsWith("/") ? path.substring(1) : path);
    }

    /** Sends one plain-text message; throws what the server said when it does not take it. */
    void send(String to, String subject, String text) throws MessagingException {
        if (sender == null) {
            throw new IllegalStateException("E-mail is off: no SMTP host is configured");
        }
        MimeMessage message = sender.createMimeMessage();
        var helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(to);
        helper.setSubject(subject);
        helper.setText(text, false);
        sender.send(message);
    }
}
