package org.armstrace.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.armstrace.Actors;
import org.armstrace.TestHttps;
import org.armstrace.ViewTest;
import org.armstrace.base.Translations;
import org.armstrace.cases.CaseKind;
import org.armstrace.cases.CaseWork;
import org.armstrace.cases.Cases;
import org.armstrace.intelligence.AlertRaised;
import org.armstrace.intelligence.Pattern;
import org.armstrace.notify.ui.OutboxView;
import org.armstrace.security.AuditLog;
import org.armstrace.security.Role;
import org.armstrace.security.UserAccountService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * E-mail against a real SMTP server in the test JVM (GreenMail on the port the test profile gives
 * {@code spring.mail.port}, refusing the addresses a test tells it to), through the application's own
 * {@code JavaMailSender}. A browserless view test too, for the administrator's outbox page: the one
 * class of the Surefire run that holds the SMTP port.
 */
class NotificationsTests extends ViewTest {

    static GreenMail smtp;

    @LocalServerPort
    int httpsPort;
    @Autowired
    SslBundles ssl;
    @Autowired
    Notifications notifications;
    @Autowired
    MailOutbox outbox;
    @Autowired
    Cases cases;
    @Autowired
    CaseWork work;
    @Autowired
    UserAccountService users;
    @Autowired
    Translations translations;
    @Autowired
    AuditLog audit;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    ApplicationContext context;
    @Autowired
    PlatformTransactionManager transactions;
    @Value("${spring.mail.port}")
    int port;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String analyst = "mail-an-" + run;
    final String colleague = "mail-col-" + run;
    final String domain = run + ".example";
    final String address = colleague + "@" + domain;

    @BeforeAll
    static void startSmtp(@Value("${spring.mail.port}") int port) {
        smtp = server(port);
    }

    static GreenMail server(int port) {
        var server = new RefusingGreenMail(port);
        server.start();
        return server;
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @BeforeEach
    void people() {
        Actors.admin(() -> {
            users.create(analyst, "Mail Analyst", EnumSet.of(Role.ANALYST));
            users.create(colleague, "Mail Colleague", EnumSet.of(Role.ANALYST));
            return null;
        });
    }

    private String caseWithMention() {
        return Actors.analyst(analyst, () -> {
            String number = cases.open(new Cases.NewCase("Mail " + run, CaseKind.SEIZURE, null, false, null)).number();
            work.addNote(number, "@" + colleague + " please check the serials.");
            return number;
        });
    }

    private void colleagueWants(Set<NotificationKind> kinds) {
        Actors.analyst(colleague, () -> {
            users.setOwnLocale(Translations.ALBANIAN);
            return notifications.saveMySettings(address, kinds);
        });
    }

    private List<OutboundEmail> colleaguesOutbox() {
        return Actors.admin(() -> notifications.outbox(null, 0, 500)).stream().filter(m -> m.user().equals(colleague)).toList();
    }

    private List<MimeMessage> received() {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> GreenMailUtil.getAddressList(
                uncheck(() -> m.getAllRecipients())).contains(domain)).toList();
    }

    private static <T> T eventually(Supplier<T> read, Predicate<T> done) throws InterruptedException {
        T value = read.get();
        for (int i = 0; i < 100 && !done.test(value); i++) {
            Thread.sleep(100);
            value = read.get();
        }
        return value;
    }

    private interface Throwing<T> {
        T get() throws Exception;
    }

    private static <T> T uncheck(Throwing<T> call) {
        try {
            return call.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_mention_in_a_case_note_reaches_the_colleague_by_email_in_their_language() throws Exception {
        colleagueWants(EnumSet.allOf(NotificationKind.class));

        String number = caseWithMention();

        List<MimeMessage> mail = eventually(this::received, m -> !m.isEmpty());
        assertThat(mail).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo("ArmsTrace: " + analyst + " ju përmendi në rastin " + number);
            assertThat(GreenMailUtil.getAddressList(m.getAllRecipients())).isEqualTo(address);
            String body = (String) m.getContent();
            assertThat(body).contains(analyst + " ju përmendi në një shënim në rastin " + number)
                    .contains("/case/" + number).doesNotContain("serials");
        });
        assertThat(eventually(this::colleaguesOutbox, o -> o.stream().allMatch(m -> m.status() == OutboundEmail.Status.SENT)))
                .singleElement().satisfies(m -> {
                    assertThat(m.kind()).isEqualTo(NotificationKind.MENTION);
                    assertThat(m.status()).isEqualTo(OutboundEmail.Status.SENT);
                    assertThat(m.attempts()).isEqualTo(1);
                    assertThat(m.lastError()).isNull();
                });
    }

    @Test
    void a_new_alert_reaches_the_analysts_it_told_by_email_with_its_pattern_in_their_language() throws Exception {
        colleagueWants(EnumSet.of(NotificationKind.ALERT));

        // As the scan publishes it: in its transaction, with the analysts it told in the app.
        new TransactionTemplate(transactions).executeWithoutResult(s ->
                events.publishEvent(new AlertRaised("alert-" + run, Pattern.DIVERSION, List.of(colleague))));

        assertThat(eventually(this::received, m -> !m.isEmpty())).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo("ArmsTrace: një alarm i ri për punën tuaj");
            assertThat((String) m.getContent()).contains("(Devijim / blerje me ndërmjetës)")
                    .contains("/intelligence/chart/Alert:alert-" + run);
        });
    }

    @Test
    void a_colleague_who_opted_out_of_mentions_gets_no_email() {
        colleagueWants(EnumSet.of(NotificationKind.ESCALATION, NotificationKind.ALERT));

        caseWithMention();

        // The outbox is written in the note's transaction: nothing there now means nothing is ever sent.
        assertThat(colleaguesOutbox()).isEmpty();
        assertThat(Actors.analyst(colleague, () -> work.unreadMentions())).hasSize(1);
    }

    @Test
    void a_user_without_an_address_gets_no_email() {
        caseWithMention();

        assertThat(colleaguesOutbox()).isEmpty();
        assertThat(Actors.analyst(colleague, () -> notifications.mySettings()))
                .isEqualTo(new NotificationSettings(null, EnumSet.allOf(NotificationKind.class), true));
    }

    @Test
    void while_the_smtp_server_is_down_the_outbox_keeps_the_message_and_sends_it_later() throws Exception {
        colleagueWants(EnumSet.of(NotificationKind.MENTION));
        smtp.stop();
        try {
            caseWithMention();

            OutboundEmail failed = eventually(this::colleaguesOutbox, o -> o.size() == 1 && o.getFirst().attempts() == 1)
                    .getFirst();
            assertThat(failed.status()).isEqualTo(OutboundEmail.Status.PENDING);
            assertThat(failed.lastError()).isNotBlank();
            assertThat(failed.nextAttemptAt()).isAfter(failed.createdAt().plusSeconds(30));
            // Not due yet: the back-off holds it.
            assertThat(outbox.sendDue(Instant.now())).isZero();
            // And the application stays up: an SMTP server that is down is the outbox's business.
            assertThat(TestHttps.client(ssl).send(HttpRequest.newBuilder(TestHttps.uri(httpsPort, "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        } finally {
            smtp = server(port);
        }

        assertThat(outbox.sendDue(Instant.now().plus(Duration.ofHours(1)))).isPositive();

        assertThat(received()).singleElement()
                .satisfies(m -> assertThat(GreenMailUtil.getAddressList(m.getAllRecipients())).isEqualTo(address));
        assertThat(colleaguesOutbox()).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(OutboundEmail.Status.SENT);
            assertThat(m.attempts()).isEqualTo(2);
            assertThat(m.sentAt()).isNotNull();
        });
    }

    @Test
    void a_message_the_server_refuses_is_kept_with_its_error_listed_on_the_outbox_page_and_sent_again_once_accepted()
            throws Exception {
        colleagueWants(EnumSet.of(NotificationKind.MENTION));
        RefusingGreenMail.REFUSED.add(address);
        OutboundEmail refused;
        try {
            caseWithMention();

            refused = eventually(this::colleaguesOutbox,
                    o -> o.size() == 1 && o.getFirst().status() == OutboundEmail.Status.REFUSED).getFirst();
            assertThat(refused.status()).isEqualTo(OutboundEmail.Status.REFUSED);
            assertThat(refused.attempts()).isEqualTo(1);
            assertThat(refused.lastError()).contains("550", address);
            // The job does not try a refusal again, however late it runs.
            outbox.sendDue(Instant.now().plus(Duration.ofDays(2)));
            assertThat(colleaguesOutbox()).singleElement()
                    .satisfies(m -> assertThat(m.status()).isEqualTo(OutboundEmail.Status.REFUSED));
            assertThat(received()).isEmpty();

            // The administrator finds it on admin/outbox, with the server's answer and "send again".
            Actors.admin(() -> {
                UI.getCurrent().add(new OutboxView(notifications));
                @SuppressWarnings("unchecked")
                ComboBox<OutboundEmail.Status> filter = $(ComboBox.class).withId("outbox-filter").single();
                test(filter).selectItem("Refused");
                @SuppressWarnings("unchecked")
                Grid<OutboundEmail> grid = $(Grid.class).withId("outbox-grid").single();
                int row = rowOf(grid, refused.id());
                assertThat(test(grid).getCellText(row, 2)).isEqualTo(address);
                assertThat(test(grid).getCellText(row, 5)).isEqualTo("Refused");
                assertThat(test(grid).getCellText(row, 8)).contains("550");
                assertThat(test(grid).getCellComponent(row, 9).isVisible()).isTrue();
                // The mailbox now exists: sending again delivers it.
                RefusingGreenMail.REFUSED.remove(address);
                test((Button) test(grid).getCellComponent(row, 9)).click();
                return null;
            });
        } finally {
            RefusingGreenMail.REFUSED.remove(address);
        }

        assertThat(eventually(this::received, m -> !m.isEmpty())).singleElement()
                .satisfies(m -> assertThat(GreenMailUtil.getAddressList(m.getAllRecipients())).isEqualTo(address));
        assertThat(eventually(this::colleaguesOutbox, o -> o.getFirst().status() == OutboundEmail.Status.SENT))
                .singleElement().satisfies(m -> {
                    assertThat(m.status()).isEqualTo(OutboundEmail.Status.SENT);
                    assertThat(m.attempts()).isEqualTo(1);
                    assertThat(m.sentAt()).isNotNull();
                });
        assertThat(Actors.admin(() -> audit.about("OutboundEmail:" + refused.id(), 10))).extracting(e -> e.action())
                .containsExactly("notify.email-retried");
    }

    private int rowOf(Grid<OutboundEmail> grid, String id) {
        for (int i = 0; i < test(grid).size(); i++) {
            if (test(grid).getRow(i).id().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("not on the outbox page: " + id);
    }

    @Test
    void the_back_off_doubles_up_to_its_ceiling() {
        // The profile's settings: first retry after a minute, at most six hours.
        assertThat(List.of(1, 2, 3, 9, 10, 30).stream().map(outbox::backOff).toList()).containsExactly(Duration.ofMinutes(1),
                Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(256), Duration.ofHours(6), Duration.ofHours(6));
    }

    @Test
    void without_an_smtp_host_email_is_off_and_nothing_is_queued() {
        colleagueWants(EnumSet.allOf(NotificationKind.class));
        // The application's channel, but with spring.mail.host blank (as application.properties has it
        // by default): Boot still makes a JavaMailSender, and the channel must not use it.
        var off = new EmailChannel(context.getBeanProvider(JavaMailSender.class), " ", "armstrace@localhost", "https://x");
        var without = new Notifications(neo4j, users, translations, off, events, audit);

        assertThat(without.emailEnabled()).isFalse();
        assertThat(without.enqueue(new Notice(NotificationKind.MENTION, List.of(colleague), "notify.mention.subject",
                "notify.mention.text", List.of(analyst, "FFP-1"), "case/FFP-1"))).isZero();
        assertThat(Actors.analyst(colleague, without::mySettings).emailEnabled()).isFalse();
        assertThat(colleaguesOutbox()).isEmpty();
        assertThat(notifications.emailEnabled()).isTrue();
    }

    @Test
    void an_address_that_is_not_one_is_refused() {
        assertThatThrownBy(() -> Actors.analyst(colleague,
                        () -> notifications.saveMySettings("not an address", Set.of())))
                .isInstanceOf(NotificationRejected.class).hasMessage("notify.bad-email");
    }
}
