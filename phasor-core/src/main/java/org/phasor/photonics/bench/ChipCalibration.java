package org.phasor.photonics.bench;

import org.phasor.photonics.CalibratedModel;
import org.phasor.photonics.NetworkShape;
import org.phasor.train.optim.Adam;
import org.phasor.train.optim.LearningRateSchedule;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Measured calibration of a chip, using only what a {@link ChipBench} exposes: for each core, program
 * {@code settings + heldOut} random heater commands, measure the full transfer matrix at each by launching the
 * unit vectors and detecting the port fields coherently (the same {@link CoherentDetection} as training), and
 * fit a {@link CalibratedModel} (coupler ratios, losses, mirror, heater gain/offset/crosstalk) to the
 * {@code settings} matrices by least squares (Adam, cosine-annealed learning rate, from the nominal design).
 * The held-out matrices measure how well the fitted model predicts settings it was not fitted on — the
 * number a lab would look at, since it has no access to the truth. Heater drift after the calibration is not
 * captured (the chip keeps drifting while it trains).
 *
 * @param settings   random command vectors per core used for the fit
 * @param heldOut    further random command vectors per core used only to check the fit
 * @param iterations Adam steps per core (full batch)
 * @param lr         initial Adam learning rate (annealed to lr/100)
 * @param useTaps    fit the monitor-tap fields of the same launches too (read in the same frames, no extra cost)
 * @param seed       random commands
 */
public record ChipCalibration(int settings, int heldOut, int iterations, double lr, boolean useTaps, long seed) {
    /** Curriculum stages with taps: the first pass through the mesh in STAGES − 1 growing tap prefixes, then all. */
    static final int STAGES = 9;

    /** 12 fitted and 4 held-out settings per core, taps used, 600 steps from lr 0.01. */
    public static ChipCalibration standard(long seed) {
        return new ChipCalibration(12, 4, 600, 0.01, true, seed);
    }

    /**
     * @param model            the fitted twin
     * @param cost             bench cost of the measurements
     * @param fitResidual      per core: ‖M_model − M_measured‖/‖M_measured‖ over the fitted settings, after the fit
     * @param heldOutResidual  per core: the same on the held-out settings after the fit
     * @param nominalResidual  per core: the nominal (uncalibrated) model's held-out residual, for comparison
     */
    public record Report(CalibratedModel model, ChipBench.BenchCost cost, double[] fitResidual, double[] heldOutResidual,
                         double[] nominalResidual) {
    }

    public Report calibrate(ChipBench bench, NetworkShape shape, CoherentDetection det, Consumer<String> log) {
        if (settings <= 0 || heldOut < 0 || iterations < 0) {
            throw new IllegalArgumentException("calibration needs settings > 0, heldOut ≥ 0, iterations ≥ 0");
        }
        ChipBench.BenchCost start = bench.cost();
        CalibratedModel model = new CalibratedModel(shape);
        SplittableRandom rng = new SplittableRandom(seed);
        int cores = shape.cores();
        double[] fitRes = new double[cores], heldRes = new double[cores], nomRes = new double[cores];
        for (int c = 0; c < cores; c++) {
            int n = shape.modes()[c], h = shape.heaters(c);
            double[][] s = new double[settings + heldOut][h];
            double[][][] m = new double[settings + heldOut][][];
            double[][][] tp = new double[settings + heldOut][][];
            double[][] unit = new double[n][2 * n];
            for (int j = 0; j < n; j++) {
                unit[j][2 * j] = 1;
            }
            for (int k = 0; k < s.length; k++) {
                for (int i = 0; i < h; i++) {
                    s[k][i] = 2 * Math.PI * rng.nextDouble();
                }
                bench.program(c, s[k]);
                m[k] = new double[n][2 * n];
                tp[k] = new double[n][2 * bench.taps(c)];
                det.measure(bench, c, unit, false, m[k], tp[k]);
            }
            double[][] fitS = java.util.Arrays.copyOfRange(s, 0, settings);
            double[][][] fitM = java.util.Arrays.copyOfRange(m, 0, settings);
            double[][][] fitT = java.util.Arrays.copyOfRange(tp, 0, settings);
            double[][] holdS = java.util.Arrays.copyOfRange(s, settings, s.length);
            double[][][] holdM = java.util.Arrays.copyOfRange(m, settings, m.length);
            nomRes[c] = residual(model, c, holdS, holdM);
            double[][] p = {model.parameters(c)};
            double[][] g = {new double[p[0].length]};
            // curriculum: with taps, fit growing prefixes of the taps (input side first), then everything
            int stages = useTaps ? STAGES : 1, taps = bench.taps(c);
            for (int st = 1; st <= stages; st++) {
                int its = st < stages ? Math.max(1, iterations / (2 * (stages - 1))) : (stages == 1 ? iterations : iterations / 2);
                int limit = st < stages ? (int) Math.ceil((double) taps * st / (2 * (stages - 1))) : Integer.MAX_VALUE;
                boolean ports = st == stages;
                Adam adam = new Adam(new int[] {p[0].length}, LearningRateSchedule.cosine(lr, Math.max(1, its), lr / 100));
                double loss = Double.NaN;
                for (int it = 0; it < its; it++) {
                    loss = model.fitLoss(c, fitS, fitM, useTaps ? fitT : null, limit, ports, g[0]);
                    adam.step(p, g);
                    model.setParameters(c, p[0]);
                }
                if (log != null) {
                    log.accept(String.format(java.util.Locale.ROOT, "calibration core %d stage %d/%d (%s) loss %.3e", c, st, stages,
                            ports ? "all taps and ports" : "taps < " + limit, loss));
                }
            }
            fitRes[c] = residual(model, c, fitS, fitM);
            heldRes[c] = residual(model, c, holdS, holdM);
            if (log != null) {
                log.accept(String.format(java.util.Locale.ROOT, "calibration core %d: held-out residual %.4f (nominal %.4f), fit %.4f",
                        c, heldRes[c], nomRes[c], fitRes[c]));
            }
        }
        return new Report(model, bench.cost().minus(start), fitRes, heldRes, nomRes);
    }

    /** ‖M_model − M_measured‖_F / ‖M_measured‖_F over the given settings (NaN if none). */
    static double residual(CalibratedModel model, int core, double[][] s, double[][][] m) {
        double num = 0, den = 0;
        for (int k = 0; k < s.length; k++) {
            double[][] t = model.transfer(core, s[k]);
            for (int j = 0; j < t.length; j++) {
                for (int i = 0; i < t[j].length; i++) {
                    double d = t[j][i] - m[k][j][i];
                    num += d * d;
                    den += m[k][j][i] * m[k][j][i];
                }
            }
        }
        return den == 0 ? Double.NaN : Math.sqrt(num / den);
    }
}
