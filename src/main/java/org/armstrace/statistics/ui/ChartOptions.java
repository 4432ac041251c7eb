package org.armstrace.statistics.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.armstrace.statistics.StatisticsTables;

/**
 * ECharts options for a statistics table: the chart draws exactly the table's numbers. Long
 * breakdowns show their largest lines; the table view and the export hold all of them.
 */
final class ChartOptions {

    static final int MAX_CATEGORIES = 15;

    private ChartOptions() {
    }

    static Map<String, Object> of(StatisticsTables.Table table, String saveAsImage) {
        var option = new LinkedHashMap<String, Object>();
        option.put("animation", false);
        option.put("tooltip", Map.of("trigger", table.chart() == StatisticsTables.Chart.PIE ? "item" : "axis"));
        option.put("toolbox", Map.of("right", 8, "feature", Map.of("saveAsImage",
                Map.of("title", saveAsImage, "name", table.id(), "pixelRatio", 2))));
        List<StatisticsTables.Line> lines = table.chart() == StatisticsTables.Chart.LINE ? table.lines()
                : table.lines().stream().limit(MAX_CATEGORIES).toList();
        if (table.chart() == StatisticsTables.Chart.PIE) {
            var data = new ArrayList<Map<String, Object>>();
            for (StatisticsTables.Line l : lines) {
                data.add(Map.of("name", l.label(), "value", number(l.values().getFirst())));
            }
            option.put("legend", Map.of("bottom", 0));
            option.put("series", List.of(Map.of("type", "pie", "radius", List.of("35%", "65%"), "data", data,
                    "label", Map.of("formatter", "{b}: {c} ({d}%)"))));
            return option;
        }
        var labels = lines.stream().map(StatisticsTables.Line::label).toList();
        var series = new ArrayList<Map<String, Object>>();
        for (int c = 0; c < table.charted(); c++) {
            var s = new LinkedHashMap<String, Object>();
            s.put("name", table.columns().get(c));
            s.put("type", table.chart() == StatisticsTables.Chart.LINE ? "line" : "bar");
            if (table.chart() == StatisticsTables.Chart.STACKED_BAR) {
                s.put("stack", "all");
            }
            int column = c;
            s.put("data", lines.stream().map(l -> number(l.values().get(column))).toList());
            series.add(s);
        }
        option.put("legend", Map.of("top", 0, "type", "scroll", "right", 48));
        option.put("series", series);
        if (table.chart() == StatisticsTables.Chart.LINE) {
            option.put("grid", Map.of("left", 48, "right", 24, "top", 40, "bottom", 32));
            option.put("xAxis", Map.of("type", "category", "data", labels));
            option.put("yAxis", Map.of("type", "value", "minInterval", 1));
        } else {
            // Horizontal bars: long names (countries, municipalities, offices) stay readable.
            option.put("grid", Map.of("left", 8, "right", 24, "top", 40, "bottom", 8, "containLabel", true));
            option.put("yAxis", Map.of("type", "category", "data", labels.reversed(), "axisLabel",
                    Map.of("width", 180, "overflow", "truncate")));
            option.put("xAxis", Map.of("type", "value"));
            for (var s : series) {
                s.put("data", ((List<?>) s.get("data")).reversed());
            }
        }
        return option;
    }

    /** ECharts draws a missing value (nothing to divide by) as a gap. */
    private static Object number(Number n) {
        return n == null ? "-" : n;
    }
}
