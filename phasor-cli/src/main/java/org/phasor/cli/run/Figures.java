package org.phasor.cli.run;

import org.phasor.cli.figures.Box;
import org.phasor.cli.figures.Charts;
import org.phasor.cli.figures.ConfusionMatrixImage;
import org.phasor.cli.figures.FieldImages;
import org.phasor.data.DataSplit;
import org.phasor.data.Dataset;
import org.phasor.math.ComplexArray;
import org.phasor.math.Precision;
import org.phasor.model.DiffractiveNetwork;
import org.phasor.model.NetworkWorkspace;
import org.phasor.model.Params;
import org.phasor.model.Readout;
import org.phasor.train.Batch;
import org.phasor.train.EpochMetrics;
import org.phasor.train.EvalResult;
import org.phasor.train.GradientMethod;
import org.phasor.train.InSilicoMethod;
import org.phasor.train.loss.ConfusionMatrix;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's PNG figures, drawn with the figure helpers of org.phasor.cli.figures: learning curves, the trained
 * phase masks, the output-plane intensity of one test sample per class with the detector regions drawn, and the
 * test-set confusion matrix.
 */
final class Figures {
    static final List<String> NAMES = List.of("learning_curves.png", "phase_masks.png", "outputs.png", "confusion_matrix.png");

    private Figures() {
    }

    static void write(RunDirectory run, RunConfig cfg, DiffractiveNetwork net, GradientMethod method, Params params,
                      List<EpochMetrics> history, DataSplit data, PrintWriter err) throws IOException {
        Path dir = run.figures();
        Files.createDirectories(dir);
        if (!history.isEmpty()) {
            Charts.learningCurves(dir.resolve(NAMES.get(0)), history); // accuracies stay fractions; the chart shows %
        }
        int nx = net.grid().nx();
        int ny = net.grid().ny();
        int px = nx * ny;
        NetworkWorkspace probe = net.workspace(1, Precision.DOUBLE);
        probe.setParams(params);
        List<double[]> masks = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (int l = 1; l <= net.layerCount(); l++) {
            double[] t = probe.transmission(l);
            double[] phase = new double[px];
            for (int p = 0; p < px; p++) {
                phase[p] = Math.atan2(t[2 * p + 1], t[2 * p]);
            }
            masks.add(phase);
            titles.add("layer " + l + " (" + net.layer(l).modulation().name() + ")");
        }
        FieldImages.phaseMasks(dir.resolve(NAMES.get(1)), masks, nx, ny, titles);
        outputs(dir.resolve(NAMES.get(2)), cfg, net, params, data.test(), new RunBuilder(cfg));
        ConfusionMatrix cm = new ConfusionMatrix(net.readout().classes());
        Dataset test = data.test();
        int bs = cfg.training.batch_size;
        int s = test.sampleSize();
        for (int from = 0; from < test.size(); from += bs) {
            int cnt = Math.min(bs, test.size() - from);
            float[] f = new float[cnt * s];
            System.arraycopy(test.features(), from * s, f, 0, cnt * s);
            int[] lab = java.util.Arrays.copyOfRange(test.labels(), from, from + cnt);
            EvalResult r = method.evaluate(params, new Batch(f, lab, test.rows(), test.cols()));
            cm.addBatch(r.scores(), cnt, lab);
        }
        ConfusionMatrixImage.write(dir.resolve(NAMES.get(3)), cm.counts(), test.classNames());
        err.println("phasor: figures in " + dir);
    }

    /** Output intensity of the first test sample of each class, detector regions drawn, true class highlighted. */
    private static void outputs(Path png, RunConfig cfg, DiffractiveNetwork net, Params params, Dataset test,
                                RunBuilder rb) throws IOException {
        int classes = Math.min(net.readout().classes(), test.numClasses());
        int[] pick = new int[classes];
        java.util.Arrays.fill(pick, -1);
        int found = 0;
        for (int i = 0; i < test.size() && found < classes; i++) {
            int c = test.labels()[i];
            if (c < classes && pick[c] < 0) {
                pick[c] = i;
                found++;
            }
        }
        int[] idx = java.util.Arrays.stream(pick).filter(i -> i >= 0).toArray();
        Dataset chosen = test.select(idx, "one per class");
        InSilicoMethod m = new InSilicoMethod(net, rb.encoder(), rb.loss(), idx.length, Precision.SINGLE);
        EvalResult r = m.evaluate(params, new Batch(chosen.features(), chosen.labels(), chosen.rows(), chosen.cols()));
        ComplexArray out = m.workspace().output();
        int px = net.grid().size();
        List<double[]> intens = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        int[] highlight = new int[idx.length];
        for (int b = 0; b < idx.length; b++) {
            double[] I = new double[px];
            for (int p = 0; p < px; p++) {
                long i = (long) b * px + p;
                I[p] = out.re(i) * out.re(i) + out.im(i) * out.im(i);
            }
            intens.add(I);
            titles.add(test.classNames().get(chosen.labels()[b]) + " → " + test.classNames().get(r.predictions()[b]));
            highlight[b] = chosen.labels()[b];
        }
        List<Box> boxes = new ArrayList<>();
        for (Readout.Region g : net.readout().regions()) {
            boxes.add(new Box(g.x0(), g.y0(), g.width(), g.height()));
        }
        FieldImages.intensityPanels(png, intens, net.grid().nx(), net.grid().ny(), boxes, titles, highlight);
    }
}
