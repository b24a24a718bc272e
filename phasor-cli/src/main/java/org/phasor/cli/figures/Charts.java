package org.phasor.cli.figures;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.phasor.io.AtomicWrite;
import org.phasor.train.EpochMetrics;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Line and bar charts rendered with JFreeChart to PNG. */
public final class Charts {
    private static final Color TRAIN = new Color(0x1f77b4);
    private static final Color TEST = new Color(0xd62728);
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b)};

    private Charts() {
    }

    /**
     * Learning curves: loss (top) and accuracy (bottom, drawn in %) per epoch, train and test. NaN values (e.g. a
     * test loss that was not evaluated) are left out; a null array leaves the series out.
     *
     * @param epochs        epoch numbers (1-based)
     * @param trainAccuracy fractions in [0, 1] (as {@code EpochMetrics} holds them), not percent
     * @param testAccuracy  fractions in [0, 1], not percent
     */
    public static void learningCurves(Path png, int[] epochs, double[] trainLoss, double[] testLoss,
                                      double[] trainAccuracy, double[] testAccuracy) throws IOException {
        Png.init();
        XYSeriesCollection loss = new XYSeriesCollection();
        add(loss, "train loss", epochs, trainLoss, 1);
        add(loss, "test loss", epochs, testLoss, 1);
        XYSeriesCollection acc = new XYSeriesCollection();
        requireFractions("train accuracy", trainAccuracy);
        requireFractions("test accuracy", testAccuracy);
        add(acc, "train accuracy", epochs, trainAccuracy, 100);
        add(acc, "test accuracy", epochs, testAccuracy, 100);

        NumberAxis lossAxis = new NumberAxis("loss");
        lossAxis.setAutoRangeIncludesZero(false);
        XYPlot lossPlot = new XYPlot(loss, null, lossAxis, renderer(loss));
        NumberAxis accAxis = new NumberAxis("accuracy (%)");
        accAxis.setAutoRangeIncludesZero(false);
        XYPlot accPlot = new XYPlot(acc, null, accAxis, renderer(acc));

        NumberAxis epochAxis = new NumberAxis("epoch");
        epochAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        epochAxis.setAutoRangeIncludesZero(false);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(epochAxis);
        plot.setGap(12);
        plot.add(lossPlot, 1);
        plot.add(accPlot, 1);
        for (XYPlot p : List.of(lossPlot, accPlot)) {
            p.setBackgroundPaint(Color.WHITE);
            p.setDomainGridlinePaint(Color.LIGHT_GRAY);
            p.setRangeGridlinePaint(Color.LIGHT_GRAY);
        }
        JFreeChart chart = new JFreeChart("Learning curves", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        save(png, chart, 800, 640);
    }

    /** Learning curves from a training history (test loss and accuracy are left out where NaN). */
    public static void learningCurves(Path png, List<EpochMetrics> history) throws IOException {
        int n = history.size();
        int[] epochs = new int[n];
        double[] trainLoss = new double[n];
        double[] testLoss = new double[n];
        double[] trainAcc = new double[n];
        double[] testAcc = new double[n];
        for (int i = 0; i < n; i++) {
            EpochMetrics m = history.get(i);
            epochs[i] = m.epoch();
            trainLoss[i] = m.trainLoss();
            testLoss[i] = m.testLoss();
            trainAcc[i] = m.trainAccuracy();
            testAcc[i] = m.testAccuracy();
        }
        learningCurves(png, epochs, trainLoss, testLoss, trainAcc, testAcc);
    }

    /**
     * Grouped bar chart: one group per category, one bar per series (e.g. categories "2 layers", "4 layers";
     * series "ideal", "in-silico deployed", "FFM").
     *
     * @param series name → one value per category, in category order (insertion order of the map is kept)
     */
    public static void barChart(Path png, String title, String categoryLabel, String valueLabel, List<String> categories,
                                Map<String, double[]> series) throws IOException {
        Png.init();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (var e : series.entrySet()) {
            if (e.getValue().length != categories.size()) {
                throw new IllegalArgumentException("series '" + e.getKey() + "' has " + e.getValue().length
                        + " values for " + categories.size() + " categories");
            }
            for (int i = 0; i < categories.size(); i++) {
                data.addValue(e.getValue()[i], e.getKey(), categories.get(i));
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(title, categoryLabel, valueLabel, data, PlotOrientation.VERTICAL,
                series.size() > 1, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        if (categories.size() > 6) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        for (int s = 0; s < series.size(); s++) {
            r.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
        }
        save(png, chart, 800, 500);
    }

    /** Percentages passed as fractions would plot as 8000 %: refuse them with a clear message. */
    private static void requireFractions(String name, double[] a) {
        if (a == null) {
            return;
        }
        for (double v : a) {
            if (v < 0 || v > 1) {
                throw new IllegalArgumentException(name + " must be fractions in [0, 1], got " + v + " (pass fractions, not percent)");
            }
        }
    }

    private static void add(XYSeriesCollection c, String name, int[] x, double[] y, double factor) {
        if (y == null) {
            return;
        }
        if (y.length != x.length) {
            throw new IllegalArgumentException(name + " has " + y.length + " values for " + x.length + " epochs");
        }
        XYSeries s = new XYSeries(name, false, true);
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(y[i])) {
                s.add(x[i], y[i] * factor);
            }
        }
        c.addSeries(s);
    }

    private static XYLineAndShapeRenderer renderer(XYSeriesCollection c) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int s = 0; s < c.getSeriesCount(); s++) {
            String key = c.getSeriesKey(s).toString();
            r.setSeriesPaint(s, key.startsWith("test") ? TEST : TRAIN);
            r.setSeriesStroke(s, new BasicStroke(2f));
        }
        return r;
    }

    private static void save(Path png, JFreeChart chart, int w, int h) throws IOException {
        AtomicWrite.write(png, out -> ChartUtils.writeChartAsPNG(out, chart, w, h));
    }
}
