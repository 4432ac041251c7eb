package org.armstrace.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.armstrace.recovery.Municipalities;
import org.armstrace.recovery.NewRecovery;
import org.armstrace.recovery.Place;
import org.armstrace.recovery.Recoveries;
import org.armstrace.recovery.RecoveryKind;
import org.armstrace.registry.NewFirearm;
import org.armstrace.security.Role;
import org.springframework.stereotype.Component;

/**
 * Recoveries as field officers submit them from the tablet, so the instant checks run as they do
 * in service: one in three recovers a weapon reported lost or stolen, one in three a registered
 * weapon (its serial sometimes misread), the rest weapons the registry does not know, some with
 * the serial filed off.
 */
@Component
class FieldSteps {

    private static final String[] CIRCUMSTANCES = {
            "Kontroll rutinor i trafikut; arma u gjet nën ulësen e shoferit.",
            "Kontrolla u stanu po nalogu suda; oružje pronađeno u ormaru.",
            "Arma u dorëzua vullnetarisht në stacionin policor.",
            "Pronađeno napušteno oružje pored puta, bez svedoka.",
            "Bastisje e paralajmëruar në një depo; dy persona u ndaluan.",
            "Incident me të shtëna në dasmë; arma u sekuestrua në vend."};

    private final Recoveries recoveries;
    private final Municipalities municipalities;

    FieldSteps(Recoveries recoveries, Municipalities municipalities) {
        this.recoveries = recoveries;
        this.municipalities = municipalities;
    }

    void recoveries(DemoRun run) {
        List<Municipalities.Municipality> places = municipalities.all();
        Instant now = Instant.now();
        for (int i = 0; i < run.size.recoveries(); i++) {
            var weapons = new ArrayList<NewRecovery.RecoveredWeapon>();
            int count = i % 5 == 0 ? 2 : 1;
            for (int w = 0; w < count; w++) {
                weapons.add(weapon(run, i + w));
            }
            var possessors = new ArrayList<NewRecovery.Possessor>();
            if (i % 2 == 0) {
                // A few people turn up at two recoveries each: the repeat-possessor pattern has something to find.
                int repeat = Math.max(3, run.size.recoveries() / 4);
                possessors.add(new NewRecovery.Possessor(run.person(i / 2 % repeat), null));
            } else if (i % 3 == 0) {
                var p = DemoNames.person(run.random, 90_000 + i);
                possessors.add(NewRecovery.Possessor.of(p.givenName(), p.familyName(), p.parentName(), p.birthDate(), null));
            }
            // One recovery in three in the same municipality: a place the repeat-place pattern notices.
            var m = places.isEmpty() ? null : places.get(i % 3 == 0 ? 0 : i % places.size());
            var place = m == null ? new Place(42.6629, 21.1655, null, Place.Method.MAP, null)
                    : new Place(m.centreLatitude(), m.centreLongitude(), null, Place.Method.MUNICIPALITY, m.code());
            Instant at = now.minus(Duration.ofHours(6 + run.random.nextInt(24 * 540)));
            var kind = RecoveryKind.values()[i % RecoveryKind.values().length];
            // Some seizures belong to a police case, which the cases module opens or joins.
            String caseRef = kind == RecoveryKind.SEIZED && i % 2 == 0 ? "PK-" + (1_200 + i % 4) + "/2026" : null;
            var recovery = new NewRecovery(String.format("%s-recovery-%04d", run.name, i), kind, at, place,
                    CIRCUMSTANCES[i % CIRCUMSTANCES.length], caseRef, possessors, weapons);
            run.recoveryIds.add(run.as(run.officer(), Role.FIELD_OFFICER, () -> recoveries.record(recovery)).recoveryId());
            run.progress.accept(run.recoveryIds.size() + " recoveries");
        }
    }

    private NewRecovery.RecoveredWeapon weapon(DemoRun run, int i) {
        switch (i % 3) {
            case 0 -> {
                NewFirearm reported = run.weapons.get(run.reported.get(i / 3 % run.reported.size()));
                return new NewRecovery.RecoveredWeapon(reported, false, List.of());
            }
            case 1 -> {
                NewFirearm registered = run.weapons.get(run.random.nextInt(run.weapons.size()));
                String serial = registered.serialAsRead();
                if (i % 2 == 0 && serial.length() > 4) {
                    // The officer read one character wrong: the checks still find the weapon.
                    serial = serial.substring(0, serial.length() - 1) + (serial.endsWith("8") ? "3" : "8");
                }
                return new NewRecovery.RecoveredWeapon(new NewFirearm(registered.type(), registered.make(),
                        registered.model(), registered.calibre(), serial, null, null, List.of()), false, List.of());
            }
            default -> {
                NewFirearm unknown = DemoNames.firearm(run.random);
                boolean obliterated = i % 4 == 2;
                return new NewRecovery.RecoveredWeapon(obliterated ? new NewFirearm(unknown.type(), unknown.make(),
                        unknown.model(), unknown.calibre(), "??" + unknown.serialAsRead().substring(2), null, null, List.of())
                        : unknown, obliterated, List.of());
            }
        }
    }
}
