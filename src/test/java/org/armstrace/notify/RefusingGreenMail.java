package org.armstrace.notify;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GreenMail on the test profile's SMTP port, which answers {@code 550} to {@code RCPT TO} for the
 * addresses in {@link #REFUSED}, as a real server does for a mailbox it does not have. Everything
 * else is GreenMail's own SMTP server: the application's client talks real SMTP to it.
 */
final class RefusingGreenMail extends GreenMail {

    /** The addresses the server refuses now (lower case); static, as GreenMail builds its services in its constructor. */
    static final Set<String> REFUSED = ConcurrentHashMap.newKeySet();

    RefusingGreenMail(int port) {
        super(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers ignored) {
        // GreenMail reads received messages through its own managers: they must be the refusing ones.
        managers = new Refusing();
        return super.createServices(config, managers);
    }

    private static final class Refusing extends Managers {

        private final SmtpManager smtp = new SmtpManager(getImapHostManager(), getUserManager()) {
            @Override
            public String checkRecipient(SmtpState state, MailAddress address) {
                return REFUSED.contains(address.getEmail().toLowerCase(Locale.ROOT))
                        ? "550 5.1.1 <" + address.getEmail() + ">: no such mailbox here"
                        : super.checkRecipient(state, address);
            }
        };

        @Override
        public SmtpManager getSmtpManager() {
            return smtp;
        }
    }
}
