package dev.cardminer.report.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Month;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * Draws the report's charts with JFreeChart and writes them as PNG. Rendering is off-screen
 * (headless), and the same data gives the same image.
 */
public final class ChartRenderer {

    /** Series colours, in order: blue, orange, green, red, grey. */
    public static final List<Color> PALETTE = List.of(new Color(0x3B6EA8), new Color(0xE08A3C),
            new Color(0x4E9A5B), new Color(0xC44E52), new Color(0x9A9A9A));
    private static final Color GRID = new Color(0xDDDDDD);
    private static final int WIDTH = 960;
    private static final int LABEL_MAX = 46;

    /** A bar: its label, its value and the index of its group (colour and legend entry). */
    public record Bar(String label, double value, int group) {
    }

    /** A legend entry: what a colour of bars means. */
    public record Group(String name, Color color) {
    }

    /** The single group of charts without a legend. */
    public static final List<Group> ONE_GROUP = List.of(new Group("value", PALETTE.get(0)));

    /** A named series of values, one per category. */
    public record Series(String name, List<Double> values) {
        public Series {
            values = List.copyOf(values);
        }
    }

    /** A named series of monthly values. */
    public record MonthSeries(String name, List<YearMonth> months, List<Double> values) {
        public MonthSeries {
            months = List.copyOf(months);
            values = List.copyOf(values);
        }
    }

    private final StandardChartTheme theme;

    public ChartRenderer() {
        theme = new StandardChartTheme("cardminer");
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setPlotOutlinePaint(Color.WHITE);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setAxisLabelPaint(new Color(0x333333));
        theme.setTickLabelPaint(new Color(0x333333));
        theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        theme.setLargeFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    }

    /**
     * Horizontal bars, largest first as given, each coloured by its group.
     *
     * @param groups what each {@link Bar#group()} means (no legend when there is only one)
     * @param percent whether values are percentages (0 to 100)
     */
    public void horizontalBars(Path file, String title, String valueLabel, List<Bar> bars, List<Group> groups,
                               boolean percent) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> labels = uniqueLabels(bars.stream().map(Bar::label).toList());
        for (int i = 0; i < bars.size(); i++) {
            data.addValue(bars.get(i).value(), "value", labels.get(i));
        }
        // A legend only when colours say something: more than one group shown, or only a non-first one.
        Set<Integer> used = new TreeSet<>();
        bars.forEach(b -> used.add(b.group()));
        boolean legend = groups.size() > 1 && (used.size() > 1 || !used.contains(0));
        JFreeChart chart = ChartFactory.createBarChart(title, null, valueLabel, data,
                PlotOrientation.HORIZONTAL, legend, false, false);
        theme.apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return groups.get(bars.get(column).group()).color();
            }
        };
        plot.setRenderer(renderer);
        styleBars(renderer, percent, true);
        styleCategoryPlot(plot, percent, true);
        if (legend) {
            LegendItemCollection items = new LegendItemCollection();
            for (int g : used) {
                items.add(new LegendItem(groups.get(g).name(), groups.get(g).color()));
            }
            plot.setFixedLegendItems(items);
        }
        save(chart, file, horizontalHeight(bars.size()));
    }

    /** Horizontal stacked bars (e.g. with content / placeholder only / empty per section). */
    public void stackedHorizontalBars(Path file, String title, String valueLabel, List<String> categories,
                                      List<Series> series, boolean percent) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> labels = uniqueLabels(categories);
        for (Series s : series) {
            for (int i = 0; i < labels.size(); i++) {
                data.addValue(s.values().get(i), s.name(), labels.get(i));
            }
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(title, null, valueLabel, data,
                PlotOrientation.HORIZONTAL, true, false, false);
        theme.apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        StackedBarRenderer renderer = (StackedBarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int s = 0; s < series.size(); s++) {
            renderer.setSeriesPaint(s, PALETTE.get(s % PALETTE.size()));
        }
        renderer.setDrawBarOutline(false);
        renderer.setItemMargin(0);
        styleCategoryPlot(plot, percent, true);
        save(chart, file, horizontalHeight(categories.size()) + 30);
    }

    /** Vertical bars over ordered categories (a histogram's bins, download buckets). */
    public void verticalBars(Path file, String title, String categoryLabel, String valueLabel,
                             List<String> categories, List<Double> values, boolean percent) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> labels = uniqueLabels(categories);
        for (int i = 0; i < labels.size(); i++) {
            data.addValue(values.get(i), "value", labels.get(i));
        }
        JFreeChart chart = ChartFactory.createBarChart(title, categoryLabel, valueLabel, data,
                PlotOrientation.VERTICAL, false, false, false);
        theme.apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, PALETTE.get(0));
        styleBars(renderer, percent, false);
        styleCategoryPlot(plot, percent, false);
        plot.getDomainAxis().setCategoryMargin(0.12);
        if (categories.size() > 12) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        save(chart, file, 420);
    }

    /** Lines over months (trends by creation month). */
    public void monthlyLines(Path file, String title, String valueLabel, List<MonthSeries> series, boolean percent)
            throws IOException {
        TimeSeriesCollection data = new TimeSeriesCollection();
        for (MonthSeries s : series) {
            TimeSeries ts = new TimeSeries(s.name());
            for (int i = 0; i < s.months().size(); i++) {
                YearMonth m = s.months().get(i);
                Double v = s.values().get(i);
                if (v != null && !v.isNaN()) {
                    ts.addOrUpdate(new Month(m.getMonthValue(), m.getYear()), v);
                }
            }
            data.addSeries(ts);
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart(title, "creation month", valueLabel, data,
                series.size() > 1, false, false);
        theme.apply(chart);
        XYPlot plot = chart.getXYPlot();
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int s = 0; s < series.size(); s++) {
            renderer.setSeriesPaint(s, PALETTE.get(s % PALETTE.size()));
            renderer.setSeriesStroke(s, new BasicStroke(2.2f));
        }
        plot.setRenderer(renderer);
        ((DateAxis) plot.getDomainAxis()).setDateFormatOverride(
                new SimpleDateFormat("yyyy-MM", Locale.ROOT));
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setNumberFormatOverride(percent ? percentFormat("0") : countFormat());
        range.setAutoRangeIncludesZero(true);
        if (percent) {
            range.setRange(0, 100);
        } else {
            range.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        save(chart, file, 400);
    }

    private void styleBars(BarRenderer renderer, boolean percent, boolean horizontal) {
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setMaximumBarWidth(horizontal ? 0.08 : 0.2);
        renderer.setItemMargin(0);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                percent ? percentFormat("0.0") : countFormat()));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        renderer.setDefaultItemLabelPaint(new Color(0x333333));
        renderer.setDefaultPositiveItemLabelPosition(horizontal
                ? new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT)
                : new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        renderer.setItemLabelAnchorOffset(4);
    }

    private static void styleCategoryPlot(CategoryPlot plot, boolean percent, boolean horizontal) {
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        CategoryAxis domain = plot.getDomainAxis();
        domain.setCategoryMargin(0.25);
        domain.setLowerMargin(0.01);
        domain.setUpperMargin(0.01);
        if (horizontal) {
            domain.setMaximumCategoryLabelWidthRatio(0.42f);
            // Values read along the bottom, like any bar chart.
            plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        }
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setNumberFormatOverride(percent ? percentFormat("0.#") : countFormat());
        // Room for the value labels at the end of the longest bar.
        range.setUpperMargin(0.12);
        if (!percent) {
            range.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
    }

    private static int horizontalHeight(int bars) {
        return Math.max(200, 90 + 24 * bars);
    }

    private static void save(JFreeChart chart, Path file, int height) throws IOException {
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(6, 6, 6, 14));
        Png.write(chart.createBufferedImage(WIDTH, height), file);
    }

    private static NumberFormat percentFormat(String pattern) {
        return new DecimalFormat(pattern + "'%'", DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    private static NumberFormat countFormat() {
        return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    /** Shortens long labels and keeps them distinct (category keys must be unique). */
    static List<String> uniqueLabels(List<String> labels) {
        Set<String> seen = new HashSet<>();
        return labels.stream().map(label -> {
            String base = label == null ? "(none)" : label.strip().replaceAll("\\s+", " ");
            if (base.isEmpty()) {
                base = "(empty)";
            }
            if (base.length() > LABEL_MAX) {
                base = base.substring(0, LABEL_MAX - 1) + "…";
            }
            String candidate = base;
            for (int n = 2; !seen.add(candidate); n++) {
                candidate = base + " (" + n + ")";
            }
            return candidate;
        }).toList();
    }
}
