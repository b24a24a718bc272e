package org.phasor.photonics.train;

import org.phasor.photonics.CoreAccess;
import org.phasor.photonics.NetworkPass;
import org.phasor.photonics.NetworkShape;
import org.phasor.photonics.PhotonicModel;
import org.phasor.photonics.TwinModel;
import org.phasor.photonics.bench.BenchAccess;
import org.phasor.photonics.bench.ChipBench;
import org.phasor.photonics.bench.CoherentDetection;
import org.phasor.photonics.bench.SimulatedChipBench;
import org.phasor.train.optim.Adam;
import org.phasor.train.optim.LearningRateSchedule;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Trains the heater settings of a photonic network with one of the gradient methods of DESIGN.md, on a
 * chip seen only through {@link ChipBench} (lab operations) and the nominal {@link PhotonicModel}:
 * <ul>
 * <li>{@link Method#IN_SILICO}: model forward and model backward; the result is then deployed (programmed)
 * on the chip.</li>
 * <li>{@link Method#FFM}: fully forward — the data pass and the error pass both run on the chip and the
 * heater gradients come from measured tap and port fields ({@link BenchAccess}); the measured gradient is
 * with respect to the phase present at each heater and is applied to the heater command unchanged (the
 * method does not know the heater gain or crosstalk; they only rescale and mix the step slightly).</li>
 * <li>{@link Method#PAT}: physics-aware — measured data pass (so the loss and the core inputs are the
 * chip's), backward through the model.</li>
 * </ul>
 * Optimiser: Adam (org.phasor.train.optim) on the settings, batches in a seeded order per epoch.
 */
public final class ChipTraining {
    private ChipTraining() {
    }

    public enum Method { IN_SILICO, FFM, PAT }

    /**
     * @param epochs         passes over the training set
     * @param batch          samples per step
     * @param lr             Adam learning rate (rad)
     * @param seed           batch order and initial settings
     * @param detectionSteps phase steps of coherent detection (3 or 4)
     * @param probeSize      training samples used to compare measured with exact gradients each epoch (0 = never)
     */
    public record Config(int epochs, int batch, double lr, long seed, int detectionSteps, int probeSize) {
    }

    /**
     * @param epoch             1-based
     * @param trainLoss         mean loss of the epoch's batches as the method saw them
     * @param testAccuracy      on the chip for FFM/PAT, on the model for in silico
     * @param ffmDeviation      ‖g_FFM − g_true‖/‖g_true‖ on the probe (NaN if not measured)
     * @param modelDeviation    ‖g_PAT − g_true‖/‖g_true‖ on the probe (measured data pass, nominal-model error pass; NaN if not measured)
     */
    public record Epoch(int epoch, double trainLoss, double testAccuracy, double ffmDeviation, double modelDeviation) {
    }

    public record Run(Method method, double[][] settings, List<Epoch> curve, ChipBench.BenchCost cost) {
    }

    /**
     * A particle-swarm run on the chip.
     *
     * @param settings  best heater settings found
     * @param trainLoss their measured training loss
     * @param curve     best measured training loss after each swarm iteration
     * @param cost      bench cost (every objective value is a full data pass over the training set)
     */
    public record PsoRun(double[][] settings, double trainLoss, List<Double> curve, ChipBench.BenchCost cost) {
    }

    /**
     * Gradient-free training on the chip (the FFM paper's PSO baseline): every particle is a full set of heater
     * commands in [0, 2π); its objective is the mean cross-entropy of the training set measured on the chip
     * (data pass only, coherent detection between cores as in every other method).
     */
    public static PsoRun trainPso(NetworkShape shape, LabeledFields train, SimulatedChipBench bench, int detectionSteps,
                                  ParticleSwarm swarm, int iterations, long seed) {
        CoherentDetection det = new CoherentDetection(detectionSteps, 1.0);
        CoreAccess chip = new BenchAccess(bench, new PhotonicModel(shape), det);
        NetworkPass pass = new NetworkPass(shape);
        int total = 0;
        for (int c = 0; c < shape.cores(); c++) {
            total += shape.heaters(c);
        }
        double[] lo = new double[total], hi = new double[total];
        java.util.Arrays.fill(hi, 2 * Math.PI);
        ChipBench.BenchCost start = bench.cost();
        List<Double> curve = new ArrayList<>();
        double[] best = swarm.minimise(x -> {
            double[][] s = unflatten(shape, x);
            for (int c = 0; c < s.length; c++) {
                bench.program(c, s[c]);
            }
            return pass.forward(chip, train.inputs(), train.labels());
        }, lo, hi, iterations, seed, st -> curve.add(st.bestValue()));
        return new PsoRun(unflatten(shape, best), curve.isEmpty() ? Double.NaN : curve.getLast(), curve, bench.cost().minus(start));
    }

    /** Frames one PSO objective value costs: the training set through every core, each a coherent measurement. */
    public static long psoFramesPerEvaluation(NetworkShape shape, int trainSize, int detectionSteps) {
        return (long) trainSize * shape.cores() * detectionSteps;
    }

    static double[][] unflatten(NetworkShape shape, double[] x) {
        double[][] s = new double[shape.cores()][];
        int o = 0;
        for (int c = 0; c < s.length; c++) {
            s[c] = java.util.Arrays.copyOfRange(x, o, o + shape.heaters(c));
            o += s[c].length;
        }
        return s;
    }

    /** Uniform random heater settings in [0, 2π). */
    public static double[][] initialSettings(NetworkShape shape, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] s = new double[shape.cores()][];
        for (int c = 0; c < s.length; c++) {
            s[c] = new double[shape.heaters(c)];
            for (int h = 0; h < s[c].length; h++) {
                s[c][h] = 2 * Math.PI * rng.nextDouble();
            }
        }
        return s;
    }

    public static Run train(Method method, NetworkShape shape, Config cfg, LabeledFields train, LabeledFields test,
                            SimulatedChipBench bench, Consumer<Epoch> progress) {
        return train(method, shape, cfg, train, test, bench, null, progress);
    }

    /**
     * @param twin the model that IN_SILICO trains on and PAT differentiates (null: the nominal
     *             {@link PhotonicModel}; a {@link org.phasor.photonics.CalibratedModel} after calibration). Its
     *             phase gradients are turned into command gradients with {@link TwinModel#settingsGradient}.
     *             IN_SILICO reports test accuracy on the twin.
     */
    public static Run train(Method method, NetworkShape shape, Config cfg, LabeledFields train, LabeledFields test,
                            SimulatedChipBench bench, TwinModel twin, Consumer<Epoch> progress) {
        if (method != Method.IN_SILICO && bench == null) {
            throw new IllegalArgumentException(method + " training needs a chip bench");
        }
        TwinModel model = twin != null ? twin : new PhotonicModel(shape);
        CoherentDetection det = new CoherentDetection(cfg.detectionSteps(), 1.0);
        CoreAccess chip = bench == null ? null : new BenchAccess(bench, new PhotonicModel(shape), det);
        double[][] settings = initialSettings(shape, cfg.seed());
        int[] sizes = new int[shape.cores()];
        double[][] grads = new double[shape.cores()][];
        for (int c = 0; c < sizes.length; c++) {
            sizes[c] = settings[c].length;
            grads[c] = new double[sizes[c]];
        }
        Adam adam = new Adam(sizes, LearningRateSchedule.constant(cfg.lr()));
        NetworkPass pass = new NetworkPass(shape);
        ChipBench.BenchCost start = bench == null ? new ChipBench.BenchCost(0, 0, 0) : bench.cost();
        List<Epoch> curve = new ArrayList<>();
        LabeledFields probe = cfg.probeSize() > 0 && bench != null
                ? train.slice(identity(train.size()), 0, Math.min(cfg.probeSize(), train.size())) : null;
        for (int e = 0; e < cfg.epochs(); e++) {
            int[] order = org.phasor.data.Dataset.permutation(train.size(), cfg.seed() ^ (0x9E3779B97F4A7C15L * (e + 1L)));
            double lossSum = 0;
            int batches = 0;
            for (int from = 0; from < order.length; from += cfg.batch()) {
                LabeledFields b = train.slice(order, from, Math.min(order.length, from + cfg.batch()));
                program(model, bench, method, settings);
                for (double[] g : grads) {
                    java.util.Arrays.fill(g, 0);
                }
                switch (method) {
                    case IN_SILICO -> {
                        lossSum += pass.forward(model, b.inputs(), b.labels());
                        pass.backward(model, grads);
                    }
                    case FFM -> {
                        lossSum += pass.forward(chip, b.inputs(), b.labels());
                        pass.backward(chip, grads);
                    }
                    case PAT -> {
                        lossSum += pass.forward(chip, b.inputs(), b.labels());
                        pass.retap(model);
                        pass.backward(model, grads);
                    }
                }
                if (method != Method.FFM) {
                    for (int c = 0; c < grads.length; c++) {
                        double[] g = model.settingsGradient(c, grads[c]);
                        if (g != grads[c]) {
                            System.arraycopy(g, 0, grads[c], 0, g.length);
                        }
                    }
                }
                batches++;
                adam.step(settings, grads);
            }
            double dev = Double.NaN, modelDev = Double.NaN;
            if (probe != null) {
                double[] d = gradientDeviation(bench, shape, settings, probe, det);
                dev = d[0];
                modelDev = d[1];
            }
            double acc = method == Method.IN_SILICO ? accuracy(new NetworkPass(shape), programmed(model, settings), test)
                    : accuracyOnBench(bench, shape, settings, test, det);
            Epoch ep = new Epoch(e + 1, lossSum / batches, acc, dev, modelDev);
            curve.add(ep);
            if (progress != null) {
                progress.accept(ep);
            }
        }
        ChipBench.BenchCost cost = bench == null ? start : bench.cost().minus(start);
        return new Run(method, settings, curve, cost);
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        java.util.Arrays.setAll(a, i -> i);
        return a;
    }

    private static CoreAccess programmed(TwinModel model, double[][] settings) {
        for (int c = 0; c < settings.length; c++) {
            model.program(c, settings[c]);
        }
        return model;
    }

    private static void program(TwinModel model, SimulatedChipBench bench, Method m, double[][] settings) {
        for (int c = 0; c < settings.length; c++) {
            model.program(c, settings[c]);
            if (m != Method.IN_SILICO) {
                bench.program(c, settings[c]);
            }
        }
    }

    /** Test accuracy of settings on the nominal model (ideal simulation). */
    public static double accuracyOnModel(NetworkShape shape, double[][] settings, LabeledFields data) {
        PhotonicModel model = new PhotonicModel(shape);
        for (int c = 0; c < settings.length; c++) {
            model.program(c, settings[c]);
        }
        return accuracy(new NetworkPass(shape), model, data);
    }

    /**
     * Accuracy with the settings programmed on the chip: inputs launched, fields between cores measured
     * coherently and re-loaded, class powers from the last core's measured fields.
     */
    public static double accuracyOnBench(ChipBench bench, NetworkShape shape, double[][] settings, LabeledFields data,
                                         CoherentDetection det) {
        PhotonicModel structure = new PhotonicModel(shape);
        for (int c = 0; c < settings.length; c++) {
            bench.program(c, settings[c]);
        }
        return accuracy(new NetworkPass(shape), new BenchAccess(bench, structure, det), data);
    }

    private static double accuracy(NetworkPass pass, CoreAccess access, LabeledFields data) {
        pass.forward(access, data.inputs(), data.labels());
        int[] p = pass.predictions();
        int ok = 0;
        for (int i = 0; i < p.length; i++) {
            ok += p[i] == data.labels()[i] ? 1 : 0;
        }
        return (double) ok / p.length;
    }

    /**
     * Relative deviations {FFM, model} of measured and modelled heater-setting gradients from the exact
     * gradient of the hidden chip (the oracle, used for this report only), over all cores on a probe batch.
     */
    public static double[] gradientDeviation(SimulatedChipBench bench, NetworkShape shape, double[][] settings,
                                             LabeledFields probe, CoherentDetection det) {
        return gradientDeviation(bench, shape, settings, probe, det, null);
    }

    /**
     * The same with a given twin for the model column (null: nominal); the twin's gradient is PAT's: measured
     * data pass, twin backward pass, converted to commands by the twin's heater response.
     */
    public static double[] gradientDeviation(SimulatedChipBench bench, NetworkShape shape, double[][] settings,
                                             LabeledFields probe, CoherentDetection det, TwinModel twin) {
        PhotonicModel nominal = new PhotonicModel(shape);
        TwinModel model = twin != null ? twin : nominal;
        for (int c = 0; c < settings.length; c++) {
            model.program(c, settings[c]);
            bench.program(c, settings[c]);
        }
        SimulatedChipBench.Oracle oracle = bench.oracle();
        double[][] gTrue = gradient(shape, oracle, probe);
        for (int c = 0; c < gTrue.length; c++) {
            gTrue[c] = oracle.settingsGradient(c, gTrue[c]);
        }
        BenchAccess access = new BenchAccess(bench, nominal, det);
        double[][] gFfm = gradient(shape, access, probe);
        double[][] gModel = new double[shape.cores()][];
        for (int c = 0; c < gModel.length; c++) {
            gModel[c] = new double[shape.heaters(c)];
        }
        NetworkPass pass = new NetworkPass(shape);
        pass.forward(access, probe.inputs(), probe.labels());
        pass.retap(model);
        pass.backward(model, gModel);
        for (int c = 0; c < gModel.length; c++) {
            gModel[c] = model.settingsGradient(c, gModel[c]);
        }
        return new double[] {relative(gFfm, gTrue), relative(gModel, gTrue)};
    }

    private static double[][] gradient(NetworkShape shape, CoreAccess access, LabeledFields data) {
        double[][] g = new double[shape.cores()][];
        for (int c = 0; c < g.length; c++) {
            g[c] = new double[shape.heaters(c)];
        }
        NetworkPass pass = new NetworkPass(shape);
        pass.forward(access, data.inputs(), data.labels());
        pass.backward(access, g);
        return g;
    }

    static double relative(double[][] a, double[][] ref) {
        double num = 0, den = 0;
        for (int c = 0; c < a.length; c++) {
            for (int h = 0; h < a[c].length; h++) {
                num += (a[c][h] - ref[c][h]) * (a[c][h] - ref[c][h]);
                den += ref[c][h] * ref[c][h];
            }
        }
        return Math.sqrt(num / den);
    }
}
