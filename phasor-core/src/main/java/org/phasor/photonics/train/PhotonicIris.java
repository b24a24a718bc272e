package org.phasor.photonics.train;

import org.phasor.data.DataSplit;
import org.phasor.data.Dataset;
import org.phasor.data.Datasets;
import org.phasor.photonics.Activation;
import org.phasor.photonics.NetworkShape;
import org.phasor.photonics.bench.ChipCalibration;
import org.phasor.photonics.bench.ChipImperfections;
import org.phasor.photonics.bench.CoherentDetection;
import org.phasor.photonics.bench.SimulatedChipBench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The FFM paper's integrated-photonics case: Iris (4 features → 16×1 input, 3 classes, 40/10 per class),
 * a network of folded symmetric cores, trained (1) in simulation and deployed on a chip, (2) fully forward
 * on the chip, (3) after a measured calibration, in simulation on the calibrated model and deployed, and
 * physics-aware with it, (4) physics-aware with the nominal model, (5) by particle swarm, for several chip
 * imperfection levels. The ideal-simulation run is shared by all levels (the
 * model does not depend on the chip); each level has its own chip (seeded) for deployment and for FFM.
 *
 * @param shape          network (default: cores of 16, 16 and 8 ports, Kerr activation, 3 class ports)
 * @param levels         chip imperfection profiles
 * @param epochs         training epochs
 * @param batch          batch size (paper: 10)
 * @param lr             Adam learning rate (paper: 0.01)
 * @param trainPerClass  Iris samples per class for training (paper: 40; the other 10 test)
 * @param seed           data split, initial settings, batch order, chip seeds (seed + level index)
 * @param detectionSteps coherent-detection phase steps (3 like the authors' holography, or 4)
 * @param probeSize      training samples on which measured and exact gradients are compared each epoch
 * @param withPat        also train physics-aware with the nominal (uncalibrated) model: the baseline that fails
 * @param calibrate      calibrate each chip by measurement ({@link ChipCalibration#standard}), then train in silico on
 *                       the calibrated model and deploy, and train physics-aware with it (chip forward, calibrated
 *                       model backward)
 * @param psoParticles   particle-swarm baseline with this swarm size (0 = none); its frame budget is the FFM run's
 */
public record PhotonicIris(NetworkShape shape, List<ChipImperfections> levels, int epochs, int batch, double lr,
                           int trainPerClass, long seed, int detectionSteps, int probeSize, boolean withPat,
                           boolean calibrate, int psoParticles) {

    public static NetworkShape defaultShape() {
        return new NetworkShape("clements", new int[] {16, 16, 8}, Activation.kerr(2.0), 3, 10.0);
    }

    /** The full reproduction: 100 epochs (the paper reports ~100), low/lab/high chips. */
    public static PhotonicIris full() {
        return new PhotonicIris(defaultShape(), List.of(ChipImperfections.LOW, ChipImperfections.LAB, ChipImperfections.HIGH),
                100, 10, 0.01, 40, 1, 3, 30, false, true, 16);
    }

    /** A quick run for tests: same levels and shapes, 12 epochs. */
    public static PhotonicIris quick() {
        return new PhotonicIris(defaultShape(), List.of(ChipImperfections.LOW, ChipImperfections.LAB, ChipImperfections.HIGH),
                12, 10, 0.03, 40, 1, 3, 10, false, false, 0);
    }

    /**
     * One table row.
     *
     * @param level             imperfection profile
     * @param idealAccuracy     trained and tested on the model
     * @param deployedAccuracy  trained on the model, tested on this chip
     * @param ffmAccuracy       trained and tested on this chip, fully forward
     * @param patAccuracy       trained physics-aware on this chip (NaN unless withPat)
     * @param ffmGradDeviation  mean over the FFM training epochs of ‖g_FFM − g_true‖/‖g_true‖
     * @param ffmDevAtDesign    ‖g_FFM − g_true‖/‖g_true‖ at the computer-designed (in-silico) settings
     * @param modelDevAtDesign  ‖g_PAT − g_true‖/‖g_true‖ at the computer-designed settings, g_PAT from the measured
     *                          data pass and the nominal model's error pass: how wrong the uncalibrated model's
     *                          gradient is on this chip
     * @param calibrated        the calibration-based results (null unless {@code calibrate})
     * @param pso               the particle-swarm baseline (null unless {@code psoParticles > 0})
     * @param ffmCurve          FFM learning curve
     * @param ffmCost           bench cost of FFM training
     */
    public record Row(String level, double idealAccuracy, double deployedAccuracy, double ffmAccuracy, double patAccuracy,
                      double ffmGradDeviation, double ffmDevAtDesign, double modelDevAtDesign,
                      List<ChipTraining.Epoch> ffmCurve, org.phasor.photonics.bench.ChipBench.BenchCost ffmCost,
                      Calibrated calibrated, Pso pso) {
    }

    /**
     * Results that need the measured calibration (null unless {@code calibrate}).
     *
     * @param inSilicoDeployed  trained in silico on the calibrated model, deployed on the chip
     * @param patAccuracy       trained physics-aware with the calibrated model
     * @param patDevAtDesign    ‖g_PAT − g_true‖/‖g_true‖ (calibrated model backward) at the nominal in-silico design
     * @param heldOutResidual   mean over cores of the calibration's held-out transfer-matrix residual
     * @param nominalResidual   the same for the uncalibrated nominal model
     * @param cost              bench cost of the calibration measurements
     * @param patCurve          PAT learning curve
     */
    public record Calibrated(double inSilicoDeployed, double patAccuracy, double patDevAtDesign, double heldOutResidual,
                             double nominalResidual, org.phasor.photonics.bench.ChipBench.BenchCost cost,
                             List<ChipTraining.Epoch> patCurve) {
    }

    /** Particle-swarm baseline: test accuracy of the best particle, its training loss, bench cost. */
    public record Pso(double accuracy, double trainLoss, int iterations, org.phasor.photonics.bench.ChipBench.BenchCost cost) {
    }

    /**
     * @param idealSettings heater settings trained in simulation (for field plots)
     * @param firstTestInput encoded input of the first test sample
     */
    public record Result(List<Row> rows, List<ChipTraining.Epoch> idealCurve, int trainSize, int testSize,
                         double[][] idealSettings, double[] firstTestInput) {
    }

    public Result run(Consumer<String> log) {
        DataSplit split = Datasets.iris(trainPerClass, seed);
        Dataset trainRaw = split.train();
        float[] lo = new float[4], hi = new float[4];
        java.util.Arrays.fill(lo, Float.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < trainRaw.size(); i++) {
            for (int k = 0; k < 4; k++) {
                lo[k] = Math.min(lo[k], trainRaw.value(i, 0, k));
                hi[k] = Math.max(hi[k], trainRaw.value(i, 0, k));
            }
        }
        LabeledFields train = new LabeledFields(IrisEncoding.encode(trainRaw.minMaxScaled(lo, hi)), trainRaw.labels());
        LabeledFields test = new LabeledFields(IrisEncoding.encode(split.test().minMaxScaled(lo, hi)), split.test().labels());
        ChipTraining.Config cfg = new ChipTraining.Config(epochs, batch, lr, seed, detectionSteps, probeSize);
        ChipTraining.Run ideal = ChipTraining.train(ChipTraining.Method.IN_SILICO, shape, cfg, train, test, null,
                e -> log.accept("ideal  epoch " + e.epoch() + " loss " + fmt(e.trainLoss()) + " test " + fmt(e.testAccuracy())));
        double idealAcc = ideal.curve().getLast().testAccuracy();
        List<Row> rows = new ArrayList<>();
        CoherentDetection det = new CoherentDetection(detectionSteps, 1.0);
        for (int li = 0; li < levels.size(); li++) {
            ChipImperfections level = levels.get(li);
            long chipSeed = seed * 1000 + li + 1;
            SimulatedChipBench deployChip = new SimulatedChipBench(shape, level, chipSeed);
            double deployed = ChipTraining.accuracyOnBench(deployChip, shape, ideal.settings(), test, det);
            SimulatedChipBench ffmChip = new SimulatedChipBench(shape, level, chipSeed);
            ChipTraining.Run ffm = ChipTraining.train(ChipTraining.Method.FFM, shape, cfg, train, test, ffmChip,
                    e -> log.accept(level.name() + " FFM epoch " + e.epoch() + " loss " + fmt(e.trainLoss()) + " test "
                            + fmt(e.testAccuracy()) + " grad dev " + fmt(e.ffmDeviation()) + " (model " + fmt(e.modelDeviation()) + ")"));
            double devF = ffm.curve().stream().mapToDouble(ChipTraining.Epoch::ffmDeviation).average().orElse(Double.NaN);
            LabeledFields probe = train.slice(java.util.stream.IntStream.range(0, Math.min(probeSize, train.size())).toArray(),
                    0, Math.min(probeSize, train.size()));
            double[] atDesign = probeSize > 0 ? ChipTraining.gradientDeviation(deployChip, shape, ideal.settings(), probe, det)
                    : new double[] {Double.NaN, Double.NaN};
            double pat = Double.NaN;
            if (withPat) {
                SimulatedChipBench patChip = new SimulatedChipBench(shape, level, chipSeed);
                ChipTraining.Run p = ChipTraining.train(ChipTraining.Method.PAT, shape,
                        new ChipTraining.Config(epochs, batch, lr, seed, detectionSteps, 0), train, test, patChip,
                        e -> log.accept(level.name() + " PAT epoch " + e.epoch() + " loss " + fmt(e.trainLoss()) + " test " + fmt(e.testAccuracy())));
                pat = p.curve().getLast().testAccuracy();
            }
            Calibrated cal = null;
            if (calibrate) {
                SimulatedChipBench calChip = new SimulatedChipBench(shape, level, chipSeed);
                ChipCalibration.Report rep = ChipCalibration.standard(chipSeed).calibrate(calChip, shape, det, null);
                ChipTraining.Run cs = ChipTraining.train(ChipTraining.Method.IN_SILICO, shape,
                        new ChipTraining.Config(epochs, batch, lr, seed, detectionSteps, 0), train, test, null, rep.model(),
                        e -> log.accept(level.name() + " calibrated in-silico epoch " + e.epoch() + " loss " + fmt(e.trainLoss())));
                double csDeployed = ChipTraining.accuracyOnBench(calChip, shape, cs.settings(), test, det);
                double patDev = probeSize > 0 ? ChipTraining.gradientDeviation(calChip, shape, ideal.settings(), probe, det, rep.model())[1]
                        : Double.NaN;
                ChipTraining.Run p = ChipTraining.train(ChipTraining.Method.PAT, shape,
                        new ChipTraining.Config(epochs, batch, lr, seed, detectionSteps, 0), train, test, calChip, rep.model(),
                        e -> log.accept(level.name() + " calibrated PAT epoch " + e.epoch() + " loss " + fmt(e.trainLoss()) + " test " + fmt(e.testAccuracy())));
                cal = new Calibrated(csDeployed, p.curve().getLast().testAccuracy(), patDev, mean(rep.heldOutResidual()),
                        mean(rep.nominalResidual()), rep.cost(), p.curve());
                log.accept(level.name() + " calibration: held-out residual " + fmt(cal.heldOutResidual()) + " (nominal "
                        + fmt(cal.nominalResidual()) + "), calibrated in silico deployed " + fmt(csDeployed) + ", calibrated PAT "
                        + fmt(cal.patAccuracy()));
            }
            Pso pso = null;
            if (psoParticles > 0) {
                SimulatedChipBench psoChip = new SimulatedChipBench(shape, level, chipSeed);
                long perIteration = ChipTraining.psoFramesPerEvaluation(shape, train.size(), detectionSteps) * psoParticles;
                int iterations = (int) Math.max(1, ffm.cost().frames() / perIteration - 1);   // equal frames with FFM
                ChipTraining.PsoRun run = ChipTraining.trainPso(shape, train, psoChip, detectionSteps,
                        ParticleSwarm.standard(psoParticles), iterations, seed * 7919 + li);
                double acc = ChipTraining.accuracyOnBench(psoChip, shape, run.settings(), test, det);
                pso = new Pso(acc, run.trainLoss(), iterations, run.cost());
                log.accept(level.name() + " PSO: " + iterations + " iterations, train loss " + fmt(run.trainLoss()) + ", test " + fmt(acc));
            }
            rows.add(new Row(level.name(), idealAcc, deployed, ffm.curve().getLast().testAccuracy(), pat, devF, atDesign[0], atDesign[1],
                    ffm.curve(), ffm.cost(), cal, pso));
            log.accept(level.name() + ": ideal " + fmt(idealAcc) + " deployed " + fmt(deployed) + " FFM " + fmt(rows.getLast().ffmAccuracy()));
        }
        return new Result(rows, ideal.curve(), train.size(), test.size(), ideal.settings(), test.inputs()[0]);
    }

    private static double mean(double[] v) {
        return java.util.Arrays.stream(v).average().orElse(Double.NaN);
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4f", v);
    }
}
