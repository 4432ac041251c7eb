package org.armstrace.recovery.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.armstrace.Actors;
import org.armstrace.ViewTest;
import org.armstrace.recovery.MatchCandidate;
import org.armstrace.recovery.NewRecovery;
import org.armstrace.recovery.Place;
import org.armstrace.recovery.Recoveries;
import org.armstrace.recovery.Recovery;
import org.armstrace.recovery.RecoveryKind;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.Holdings;
import org.armstrace.registry.NewFirearm;
import org.armstrace.registry.NewTransfer;
import org.armstrace.registry.Provenance;
import org.armstrace.registry.Transfer;
import org.armstrace.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

@WithMockUser(username = "analyst9", roles = "ANALYST")
class RecoveryViewTests extends ViewTest {

    static final Provenance REGISTRY = new Provenance("test", Provenance.Confidence.HIGH);

    @Autowired
    Recoveries recoveries;
    @Autowired
    FirearmRegistry firearms;
    @Autowired
    Holdings holdings;

    private Recoveries.Recorded recordAt(String serial, RecoveryKind kind, Place place, Instant at) {
        return Actors.as("officer9", Role.FIELD_OFFICER, () -> recoveries.record(new NewRecovery(
                UUID.randomUUID().toString(), kind, at, place, "test", null, List.of(),
                List.of(new NewRecovery.RecoveredWeapon(new NewFirearm("pistol", "CZ", "75", "9mm", serial, null, null,
                        List.of()), false, List.of())))));
    }

    @Test
    void the_analyst_confirms_a_match_with_a_reason_and_sees_the_time_to_crime() {
        Firearm registered = Actors.as("analyst9", Role.ANALYST, () -> firearms.register(new NewFirearm("pistol",
                "CZ", "75", "9mm", "RV-91001", "CZ", 2004, List.of()), REGISTRY));
        Actors.as("analyst9", Role.ANALYST, () -> holdings.recordTransfer(new NewTransfer(Transfer.Kind.SALE,
                LocalDate.of(2024, 1, 1), registered.id(), null, null, null, "dealer sale"), REGISTRY));
        var recorded = recordAt("RV-91001", RecoveryKind.SEIZED, new Place(42.66, 21.16, null, Place.Method.MAP, null),
                LocalDate.of(2025, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC));
        MatchCandidate candidate = recorded.checks().getFirst();

        RecoveryView view = navigate("recovery/" + recorded.recoveryId(), RecoveryView.class);
        test($(Button.class).withId("confirm-" + candidate.id()).single()).click();
        test($(TextArea.class).withId("decision-reason").single()).setValue("serial, make and model agree");
        test($(Button.class).withId("decision-ok").single()).click();

        String text = view.getElement().getTextRecursively();
        assertThat(text).contains("Confirmed by analyst9. serial, make and model agree")
                .contains("Time to crime: 366 days (1.0 years) from the last legal transfer").contains("Identified");
    }

    @Test
    void rejecting_without_a_reason_is_refused_and_the_candidate_stays_open() {
        Actors.as("analyst9", Role.ANALYST, () -> firearms.register(new NewFirearm("pistol", "CZ", "75", "9mm",
                "RV-92002", "CZ", 2004, List.of()), REGISTRY));
        var recorded = recordAt("RV-92002", RecoveryKind.FOUND, new Place(42.66, 21.16, null, Place.Method.MAP, null),
                Instant.now().minusSeconds(3600));
        MatchCandidate candidate = recorded.checks().getFirst();

        RecoveryView view = navigate("recovery/" + recorded.recoveryId(), RecoveryView.class);
        test($(Button.class).withId("reject-" + candidate.id()).single()).click();
        test($(Button.class).withId("decision-ok").single()).click();

        assertThat(Actors.as("analyst9", Role.ANALYST, () -> recoveries.candidates(recorded.recoveryId())))
                .extracting(MatchCandidate::status).containsOnly(MatchCandidate.Status.OPEN);
        assertThat(view.getElement().getTextRecursively()).doesNotContain("Rejected by");
    }

    @Test
    void the_queue_filters_by_kind_and_municipality_and_opens_a_recovery() {
        recordAt("RV-93003", RecoveryKind.SURRENDERED, new Place(42.2139, 20.7397, null,
                Place.Method.MAP, null), Instant.now().minusSeconds(7200));
        recordAt("RV-93004", RecoveryKind.SEIZED, new Place(42.66, 21.16, null, Place.Method.MAP, null),
                Instant.now().minusSeconds(7200));

        RecoveriesView view = navigate(RecoveriesView.class);
        view.kind.setValue(RecoveryKind.SURRENDERED);
        view.municipality.setValue(view.municipality.getListDataView().getItems()
                .filter(m -> m.code().equals("prizren")).findFirst().orElseThrow());
        @SuppressWarnings("unchecked")
        Grid<Recovery> grid = (Grid<Recovery>) $(Grid.class).withId("recoveries-grid").single();

        var rows = test(grid);
        assertThat(rows.size()).isPositive();
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.getCellText(i, 1)).isEqualTo("Surrendered");
            assertThat(rows.getCellText(i, 2)).isEqualTo("Prizren");
        }
        assertThat(view.waiting.getText()).matches("\\d+ new recoveries wait for tracing");
        rows.clickRow(0);
        assertThat(getCurrentView()).isInstanceOf(RecoveryView.class);
    }
}
