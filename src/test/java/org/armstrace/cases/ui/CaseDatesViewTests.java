package org.armstrace.cases.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.armstrace.Actors;
import org.armstrace.ViewTest;
import org.armstrace.base.Dates;
import org.armstrace.base.HomeZone;
import org.armstrace.cases.Case;
import org.armstrace.cases.CaseKind;
import org.armstrace.cases.CaseStatus;
import org.armstrace.cases.CaseWork;
import org.armstrace.cases.Cases;
import org.armstrace.security.Role;
import org.armstrace.security.UserAccountService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/** A case's pages write dates and times as the rest of the UI does ({@link Dates}), never as ISO text. */
class CaseDatesViewTests extends ViewTest {

    /** An instant as {@code toString()} writes it: {@code 2026-12-07T01:02:03.456Z}. */
    private static final String ISO_INSTANT = "(?s).*\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*";

    @Autowired
    Cases cases;
    @Autowired
    CaseWork work;
    @Autowired
    UserAccountService users;
    @Autowired
    Neo4jClient neo4j;

    private String newAnalyst() {
        String analyst = "cd-an-" + UUID.randomUUID().toString().substring(0, 8);
        Actors.admin(() -> users.create(analyst, "Dates Analyst", EnumSet.of(Role.ANALYST)));
        neo4j.query("MATCH (u:User {username: $name}) SET u.mustChangePassword = false").bind(analyst).to("name").run();
        return analyst;
    }

    @Test
    void a_case_is_overdue_by_the_home_jurisdictions_day_not_the_servers() {
        // Fourteen hours east of UTC and eleven west are always on different days, so one of them is
        // not on the server's day: make it the home zone.
        LocalDate serverToday = LocalDate.now();
        ZoneId home = Stream.of("Pacific/Kiritimati", "Pacific/Pago_Pago").map(ZoneId::of)
                .filter(z -> !LocalDate.now(z).equals(serverToday)).findFirst().orElseThrow();
        boolean homeIsAhead = LocalDate.now(home).isAfter(serverToday);
        // Ahead: due on the server's day, already past at home. Behind: due on the home day, past on the server's.
        LocalDate due = homeIsAhead ? serverToday : LocalDate.now(home);
        String analyst = newAnalyst();
        Case c = Actors.analyst(analyst, () -> cases.open(new Cases.NewCase("Overdue " + analyst, CaseKind.SEIZURE, null,
                false, null)));
        Actors.analyst(analyst, () -> work.addTask(c.number(), "Call the importer", analyst, due));

        HomeZone.during(home, () -> Actors.analyst(analyst, () -> {
            navigate(CasesView.class);
            CasesView list = $(CasesView.class).single();
            int row = list.grid.getGenericDataView().getItems().map(Case::number).toList().indexOf(c.number());
            String nextDue = test(list.grid).getCellText(row, 5);
            if (homeIsAhead) {
                assertThat(nextDue).endsWith(" · " + list.getTranslation("cases.overdue"));
            } else {
                assertThat(nextDue).doesNotContain(list.getTranslation("cases.overdue"));
            }
            return null;
        }));
    }

    @Test
    void due_dates_history_and_audit_times_are_written_in_the_users_format_and_the_home_zone() {
        String analyst = newAnalyst();
        LocalDate due = Dates.today().plusDays(9);
        Case c = Actors.analyst(analyst, () -> cases.open(new Cases.NewCase("Dates " + analyst, CaseKind.SEIZURE, null,
                false, null)));
        Actors.analyst(analyst, () -> work.addTask(c.number(), "Call the importer", analyst, due));
        Actors.analyst(analyst, () -> work.addDeadline(c.number(), "Report to the prosecutor", due.plusDays(1)));
        Actors.analyst(analyst, () -> cases.changeStatus(c.number(), CaseStatus.SUSPENDED, "Waiting for the prosecutor"));

        Actors.analyst(analyst, () -> {
            navigate("case/" + c.number(), CaseView.class);
            var locale = UI.getCurrent().getLocale();
            CaseWorkPanel work = $(CaseWorkPanel.class).single();
            assertThat(test(work.tasks).getCellText(0, 2)).isEqualTo(Dates.date(due, locale));
            assertThat(test(work.deadlines).getCellText(0, 1)).isEqualTo(Dates.date(due.plusDays(1), locale));
            CaseFilesPanel files = $(CaseFilesPanel.class).single();
            List<String> lines = files.getChildren().map(component -> component.getElement().getTextRecursively()).toList();
            // The history's move and the audit trail's events, each with its time as the UI writes it.
            String shown = String.join("\n", lines);
            assertThat(shown).contains("Waiting for the prosecutor", "case.status").doesNotMatch(ISO_INSTANT)
                    .contains(Dates.date(Dates.today(), locale) + " ");

            navigate(CasesView.class);
            CasesView list = $(CasesView.class).single();
            int row = list.grid.getGenericDataView().getItems().map(Case::number).toList().indexOf(c.number());
            assertThat(row).isNotNegative();
            assertThat(test(list.grid).getCellText(row, 5)).isEqualTo(Dates.date(due, locale));
            return null;
        });
    }
}
