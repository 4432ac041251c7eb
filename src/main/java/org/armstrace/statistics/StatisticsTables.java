package org.armstrace.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.armstrace.base.Translations;
import org.armstrace.recovery.Municipalities;
import org.armstrace.registry.ReferenceData;
import org.springframework.stereotype.Component;

/**
 * The figures as tables with names in one language: what each chart draws, what its table view
 * shows and what its export writes. One table per chart, so that the three cannot disagree.
 */
@Component
public class StatisticsTables {

    /** How a table is drawn. {@code charted} leading columns are plotted; the rest (totals, shares) only listed. */
    public enum Chart {
        LINE, BAR, STACKED_BAR, PIE
    }

    /** One line: a code (country, type, month, ...) with its name and one value per column. */
    public record Line(String key, String label, List<Number> values) {
    }

    public record Table(String id, String title, List<String> columns, List<Line> lines, Chart chart, int charted) {
    }

    private final Translations i18n;
    private final ReferenceData reference;
    private final Municipalities municipalities;

    StatisticsTables(Translations i18n, ReferenceData reference, Municipalities municipalities) {
        this.i18n = i18n;
        this.reference = reference;
        this.municipalities = municipalities;
    }

    public List<Table> tables(Figures f, Locale locale) {
        Function<String, String> t = key -> i18n.getTranslation(key, locale);
        var tables = new ArrayList<Table>();
        requestTables(f.requests(), locale, t, tables);
        recoveryTables(f.recoveries(), locale, t, tables);
        tables.add(sdgTable(f.sdg(), t));
        tables.add(tracesTable(f.tracing(), t));
        return tables;
    }

    /** Trace requests over the period, by direction, office and country, and how long answers took. */
    private void requestTables(Figures.Requests r, Locale locale, Function<String, String> t, List<Table> tables) {
        tables.add(new Table("requests-trend", t.apply("statistics.table.requests-trend"),
                List.of(t.apply("statistics.col.received-incoming"), t.apply("statistics.col.sent-outgoing"),
                        t.apply("statistics.col.answered-incoming"), t.apply("statistics.col.answered-outgoing"),
                        t.apply("statistics.col.pending-end"), t.apply("statistics.col.overdue-end")),
                r.steps().stream().map(s -> new Line(s.label(), s.label(), List.<Number>of(s.receivedIncoming(),
                        s.sentOutgoing(), s.answeredIncoming(), s.answeredOutgoing(), s.pendingAtEnd(),
                        s.overdueAtEnd()))).toList(), Chart.LINE, 6));
        List<String> requestColumns = List.of(t.apply("statistics.col.received"), t.apply("statistics.col.answered"),
                t.apply("statistics.col.pending"), t.apply("statistics.col.overdue"));
        tables.add(new Table("requests-by-direction", t.apply("statistics.table.requests-by-direction"), requestColumns,
                r.byDirection().stream().map(c -> requestLine(c, t.apply("trace.direction." + c.direction()))).toList(),
                Chart.BAR, 4));
        tables.add(new Table("requests-by-office", t.apply("statistics.table.requests-by-office"), requestColumns,
                r.byOffice().stream().map(c -> requestLine(c, (c.key() == null ? t.apply("statistics.no-office")
                        : c.key()) + " · " + t.apply("trace.direction." + c.direction()))).toList(), Chart.BAR, 4));
        tables.add(new Table("requests-by-country", t.apply("statistics.table.requests-by-country"), requestColumns,
                r.byCountry().stream().map(c -> requestLine(c, country(c.key(), locale, t) + " · "
                        + t.apply("trace.direction." + c.direction()))).toList(), Chart.BAR, 4));
        tables.add(new Table("response-times", t.apply("statistics.table.response-times"),
                List.of(t.apply("statistics.col.median-ack"), t.apply("statistics.col.p90-ack"),
                        t.apply("statistics.col.median-answer"), t.apply("statistics.col.p90-answer"),
                        t.apply("statistics.col.acknowledged"), t.apply("statistics.col.answered")),
                r.times().stream().map(x -> new Line(x.direction(), t.apply("trace.direction." + x.direction()),
                        Arrays.<Number>asList(x.medianHoursToAcknowledge(), x.p90HoursToAcknowledge(),
                                x.medianHoursToAnswer(), x.p90HoursToAnswer(), x.acknowledged(), x.answered())))
                        .toList(), Chart.BAR, 4));
    }

    /** Recovered weapons by kind, type, place and countries of manufacture and import, and how many were traced. */
    private void recoveryTables(Figures.Recoveries rec, Locale locale, Function<String, String> t, List<Table> tables) {
        tables.add(new Table("recoveries-by-kind", t.apply("statistics.table.recoveries-by-kind"),
                List.of(t.apply("statistics.col.weapons")), List.of(
                new Line("SEIZED", t.apply("recovery.kind.SEIZED"), List.of(rec.weapons().seized())),
                new Line("FOUND", t.apply("recovery.kind.FOUND"), List.of(rec.weapons().found())),
                new Line("SURRENDERED", t.apply("recovery.kind.SURRENDERED"), List.of(rec.weapons().surrendered()))),
                Chart.PIE, 1));
        tables.add(breakdown("recoveries-by-type", t, rec.byType(), code -> code == null ? t.apply("statistics.unknown")
                : reference.resolveFirearmType(code).map(x -> x.name(locale)).orElse(code)));
        tables.add(breakdown("recoveries-by-municipality", t, rec.byMunicipality(), code -> code == null
                ? t.apply("statistics.unknown") : municipalities.find(code).map(m -> m.name(locale)).orElse(code)));
        tables.add(breakdown("recoveries-by-manufacture", t, rec.byCountryOfManufacture(),
                code -> country(code, locale, t)));
        tables.add(breakdown("recoveries-by-import", t, rec.byCountryOfImport(), code -> country(code, locale, t)));
        long weapons = rec.weapons().total();
        tables.add(new Table("tracing-shares", t.apply("statistics.table.tracing-shares"),
                List.of(t.apply("statistics.col.share-percent"), t.apply("statistics.col.weapons"),
                        t.apply("statistics.col.of-weapons")),
                List.of(new Line("TRACED", t.apply("statistics.traced"), Arrays.<Number>asList(
                                percent(rec.shareTraced()), rec.traced(), weapons)),
                        new Line("ESTABLISHED", t.apply("statistics.established"), Arrays.<Number>asList(
                                percent(rec.shareEstablished()), rec.established(), weapons))), Chart.BAR, 1));
    }

    /** SDG indicator 16.4.2: its numerator and denominator by kind of recovery. */
    private static Table sdgTable(Figures.Sdg sdg, Function<String, String> t) {
        return new Table("sdg-16-4-2", t.apply("statistics.table.sdg"), kindColumns(t),
                List.of(breakdownLine("NUMERATOR", t.apply("statistics.sdg.numerator"), sdg.numeratorByKind()),
                        breakdownLine("DENOMINATOR", t.apply("statistics.sdg.denominator"), sdg.denominatorByKind())),
                Chart.BAR, 3);
    }

    /** Domestic, outgoing and incoming traces: how many were initiated (or received), answered and successful. */
    private static Table tracesTable(Figures.Tracing tr, Function<String, String> t) {
        return new Table("traces", t.apply("statistics.table.traces"),
                List.of(t.apply("statistics.col.initiated"), t.apply("statistics.col.answered"),
                        t.apply("statistics.col.successful")),
                List.of(new Line("DOMESTIC", t.apply("statistics.trace.domestic"), List.of(tr.domesticInitiated(),
                                tr.domesticAnswered(), tr.domesticSuccessful())),
                        new Line("OUTGOING", t.apply("statistics.trace.outgoing"), List.of(tr.outgoingInitiated(),
                                tr.outgoingAnswered(), tr.outgoingSuccessful())),
                        new Line("INCOMING", t.apply("statistics.trace.incoming"), List.of(tr.incomingReceived(),
                                tr.incomingAnswered(), tr.incomingSuccessful()))), Chart.BAR, 3);
    }

    /** The Western Balkans Roadmap / EU action plan KPIs of the period, as label and value. */
    public Table kpis(Figures f, Locale locale) {
        Function<String, String> t = key -> i18n.getTranslation(key, locale);
        var rec = f.recoveries();
        var in = f.requests().byDirection().stream().filter(c -> c.direction().equals("INCOMING")).findFirst().orElseThrow();
        var out = f.requests().byDirection().stream().filter(c -> c.direction().equals("OUTGOING")).findFirst().orElseThrow();
        var timesIn = f.requests().times().stream().filter(x -> x.direction().equals("INCOMING")).findFirst().orElseThrow();
        var timesOut = f.requests().times().stream().filter(x -> x.direction().equals("OUTGOING")).findFirst().orElseThrow();
        var lines = new ArrayList<Line>();
        lines.add(new Line("weapons-recovered", t.apply("statistics.kpi.weapons-recovered"), List.of(rec.weapons().total())));
        lines.add(new Line("weapons-traced", t.apply("statistics.kpi.weapons-traced"), List.of(rec.traced())));
        lines.add(new Line("share-traced", t.apply("statistics.kpi.share-traced"),
                Arrays.<Number>asList(percent(rec.shareTraced()))));
        lines.add(new Line("origin-established", t.apply("statistics.kpi.origin-established"), List.of(rec.established())));
        lines.add(new Line("sdg-16-4-2", t.apply("statistics.kpi.sdg"),
                Arrays.<Number>asList(percent(f.sdg().ratio()))));
        lines.add(new Line("requests-sent", t.apply("statistics.kpi.requests-sent"), List.of(out.received())));
        lines.add(new Line("requests-sent-answered", t.apply("statistics.kpi.requests-sent-answered"),
                List.of(out.answered())));
        lines.add(new Line("requests-received", t.apply("statistics.kpi.requests-received"), List.of(in.received())));
        lines.add(new Line("requests-received-answered", t.apply("statistics.kpi.requests-received-answered"),
                List.of(in.answered())));
        lines.add(new Line("median-days-to-answer-received", t.apply("statistics.kpi.median-days-ours"),
                Arrays.<Number>asList(days(timesIn.medianHoursToAnswer()))));
        lines.add(new Line("median-days-to-answer-sent", t.apply("statistics.kpi.median-days-partners"),
                Arrays.<Number>asList(days(timesOut.medianHoursToAnswer()))));
        return new Table("kpis", t.apply("statistics.table.kpis"), List.of(f.period().label()), lines, Chart.BAR, 0);
    }

    private static Line requestLine(Figures.RequestCount c, String label) {
        return new Line(c.key() == null ? "" : c.key() + ":" + c.direction(), label,
                List.of(c.received(), c.answered(), c.pending(), c.overdue()));
    }

    private Table breakdown(String id, Function<String, String> t, List<Figures.Breakdown> lines,
                            Function<String, String> label) {
        return new Table(id, t.apply("statistics.table." + id), kindColumns(t),
                lines.stream().map(b -> breakdownLine(b.key(), label.apply(b.key()), b)).toList(), Chart.STACKED_BAR, 3);
    }

    private static List<String> kindColumns(Function<String, String> t) {
        return List.of(t.apply("recovery.kind.SEIZED"), t.apply("recovery.kind.FOUND"),
                t.apply("recovery.kind.SURRENDERED"), t.apply("statistics.col.total"));
    }

    private static Line breakdownLine(String key, String label, Figures.Breakdown b) {
        return new Line(key, label, List.of(b.seized(), b.found(), b.surrendered(), b.total()));
    }

    private String country(String code, Locale locale, Function<String, String> t) {
        return code == null ? t.apply("statistics.unknown") : reference.country(code).map(c -> c.name(locale)).orElse(code);
    }

    /** A share as a percentage with one decimal, or null when there is nothing to divide by. */
    static Double percent(Double share) {
        return share == null ? null : Math.round(share * 1000) / 10.0;
    }

    static Double days(Double hours) {
        return hours == null ? null : Math.round(hours / 24 * 10) / 10.0;
    }
}
