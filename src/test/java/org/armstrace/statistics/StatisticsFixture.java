package org.armstrace.statistics;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.armstrace.Actors;
import org.armstrace.recovery.NewRecoveries;
import org.armstrace.recovery.NewRecovery;
import org.armstrace.recovery.Place;
import org.armstrace.recovery.Recoveries;
import org.armstrace.recovery.RecoveryKind;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.LostStolenRegister;
import org.armstrace.registry.LostStolenReport;
import org.armstrace.registry.NewFirearms;
import org.armstrace.registry.Provenance;
import org.armstrace.tracing.AnswerDraft;
import org.armstrace.tracing.Direction;
import org.armstrace.tracing.NewTraceRequest;
import org.armstrace.tracing.NewTraceRequests;
import org.armstrace.tracing.OutgoingTraces;
import org.armstrace.tracing.PointOfDiversion;
import org.armstrace.tracing.Priority;
import org.armstrace.tracing.TraceAnswer;
import org.armstrace.tracing.TraceAnswers;
import org.armstrace.tracing.TraceRequest;
import org.armstrace.tracing.TraceRequests;
import org.armstrace.tracing.TraceStatus;

/**
 * A year of planted recoveries, written through the real services, with every edge case SDG
 * 16.4.2 has (the year is far enough back that no other test records anything in it):
 *
 * <ul>
 *   <li>A: seized, identified as a registered weapon reported stolen: origin established (theft), now.</li>
 *   <li>B: found, then seized again later in the year, both times identified as the same registered
 *       weapon, which a partner traced to its point of diversion: one arm, counted as found.</li>
 *   <li>C: seized; our trace request abroad was answered with a point of diversion today, that is in
 *       a later period.</li>
 *   <li>D: seized; our trace request abroad is still pending.</li>
 *   <li>E: surrendered under an amnesty whose rules forbid tracing.</li>
 *   <li>G: seized; the partner answered but found nothing.</li>
 *   <li>F: seized early the next year: not in this year at all.</li>
 * </ul>
 */
final class StatisticsFixture {

    static final int YEAR = 2009;

    final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    String recoveredC;
    String recoveredD;

    void plant(FirearmRegistry firearms, LostStolenRegister lostStolen, Recoveries recoveries, TraceRequests traces,
               OutgoingTraces outgoing, TraceAnswers answers) {
        Firearm registeredA = register(firearms, "SA" + run + "1");
        Firearm registeredB = register(firearms, "SB" + run + "2");
        Actors.analyst(() -> lostStolen.report(registeredA.id(), LostStolenReport.Kind.STOLEN,
                LocalDate.of(YEAR - 1, 5, 1), "Prizren", "PR-" + run, "Burglary of a home",
                new Provenance("user:analyst1", Provenance.Confidence.HIGH)));

        String a = recover(recoveries, RecoveryKind.SEIZED, LocalDate.of(YEAR, 2, 10), registeredA.serialAsRead());
        identify(recoveries, a, registeredA);
        String b1 = recover(recoveries, RecoveryKind.FOUND, LocalDate.of(YEAR, 3, 1), registeredB.serialAsRead());
        identify(recoveries, b1, registeredB);
        String b2 = recover(recoveries, RecoveryKind.SEIZED, LocalDate.of(YEAR, 6, 1), registeredB.serialAsRead());
        identify(recoveries, b2, registeredB);
        answer(traces, answers, sent(traces, outgoing, registeredB.id()), diverted());

        recoveredC = weaponOf(recoveries, recover(recoveries, RecoveryKind.SEIZED, LocalDate.of(YEAR, 4, 1),
                "SC" + run + "3"));
        answer(traces, answers, sent(traces, outgoing, recoveredC), diverted());

        recoveredD = weaponOf(recoveries, recover(recoveries, RecoveryKind.SEIZED, LocalDate.of(YEAR, 5, 1),
                "SD" + run + "4"));
        sent(traces, outgoing, recoveredD);

        String e = recover(recoveries, RecoveryKind.SURRENDERED, LocalDate.of(YEAR, 7, 1), "SE" + run + "5");
        Actors.supervisor(() -> recoveries.excludeUnderAmnesty(e, "Weapons amnesty " + YEAR
                + ", art. 4: handed-in weapons are not traced"));

        String g = weaponOf(recoveries, recover(recoveries, RecoveryKind.SEIZED, LocalDate.of(YEAR, 8, 1),
                "SG" + run + "6"));
        answer(traces, answers, sent(traces, outgoing, g), new AnswerDraft(TraceAnswer.Outcome.NOT_FOUND,
                "No record of this serial in our registry or at the maker.", null, null));

        recover(recoveries, RecoveryKind.SEIZED, LocalDate.of(YEAR + 1, 1, 5), "SF" + run + "7");
    }

    private static AnswerDraft diverted() {
        return new AnswerDraft(TraceAnswer.Outcome.TRACED, "Exported in 1998 to a dealer; stolen from his shop in 2003.",
                null, new PointOfDiversion("AL", LocalDate.of(2003, 6, 1), PointOfDiversion.Method.THEFT,
                "Dealer, Durrës", null));
    }

    private Firearm register(FirearmRegistry firearms, String serial) {
        return Actors.analyst(() -> firearms.register(NewFirearms.newFirearm().type("pistol").make("Zastava")
                .model("M70").calibre("7.65 Browning").serial(serial).country("RS").year(1990)
                .build(), new Provenance("user:analyst1", Provenance.Confidence.HIGH)));
    }

    static String recover(Recoveries recoveries, RecoveryKind kind, LocalDate day, String serial) {
        var recovery = NewRecoveries.newRecovery().key(UUID.randomUUID().toString()).kind(kind)
                .at(day.atTime(10, 0).toInstant(ZoneOffset.UTC))
                .place(new Place(42.6629, 21.1655, 10.0, Place.Method.DEVICE, null))
                .circumstances("planted for the statistics tests")
                .weapon(new NewRecovery.RecoveredWeapon(NewFirearms.newFirearm().type("pistol").make("Zastava")
                .model("M70").calibre("7.65 Browning").serial(serial).build(), false, List.of())).build();
        return Actors.officer(() -> recoveries.record(recovery)).recoveryId();
    }

    private static String weaponOf(Recoveries recoveries, String recoveryId) {
        return Actors.analyst(() -> recoveries.find(recoveryId)).orElseThrow().weapons()
                .getFirst().id();
    }

    private static void identify(Recoveries recoveries, String recoveryId, Firearm registered) {
        Actors.analyst(() -> {
            var candidate = recoveries.candidates(recoveryId).stream()
                    .filter(c -> c.firearm().id().equals(registered.id())).findFirst().orElseThrow();
            return recoveries.confirm(candidate.id(), "Same make, model and serial");
        });
    }

    /** An outgoing request about the weapon, complete and sent. */
    private static String sent(TraceRequests traces, OutgoingTraces outgoing, String firearmId) {
        return Actors.analyst(() -> {
            TraceRequest t = outgoing.draft(NewTraceRequests.newTraceRequest(Direction.OUTGOING).counterpart("AL")
                    .priority(Priority.ROUTINE).weaponType("pistol").weaponMake("Zastava").weaponModel("M70")
                    .weaponCalibre("7.65 Browning").weaponSerial("any").weaponCountry("RS")
                    .whyIllicit("Recovered without a licence").legalBasis("Criminal Procedure Code art. 212")
                    .intendedUse("Criminal investigation").channel(NewTraceRequest.Channel.MANUAL).firearmId(firearmId)
                    .build());
            traces.transition(t.id(), TraceStatus.READY, null);
            traces.transition(t.id(), TraceStatus.SENT, null);
            return t.id();
        });
    }

    private static void answer(TraceRequests traces, TraceAnswers answers, String requestId, AnswerDraft answer) {
        Actors.analyst(() -> answers.record(requestId, answer));
    }
}
