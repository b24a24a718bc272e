package org.phasor.cli.apps;

import org.phasor.bench.BenchCalibration;
import org.phasor.bench.BenchClassifier;
import org.phasor.bench.Holography;
import org.phasor.data.Dataset;
import org.phasor.model.Params;
import org.phasor.optics.propagation.Propagator;
import org.phasor.sim.Imperfections;
import org.phasor.sim.SimulatedBench;
import org.phasor.train.Batch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The sub-photon regime: hidden-object classification behind the scattering wall of {@link Nlos} with a
 * photon-counting camera (Poisson counts, dark counts, no read noise) at a falling photon budget. At each budget
 * the network trained in silico (mis-estimated wall) is deployed, the network trained by FFM at high light is
 * deployed, and FFM trains a fresh network in situ with every frame of its training (holography included)
 * taken at that budget. Photons per pixel per frame are measured: the mean detected count over the camera frames
 * of the test scenes (signal only, dark counts excluded).
 */
final class LowLight {

    /**
     * @param photonsPerUnit photon budgets to sweep: photons per pixel per frame for unit intensity (falling)
     * @param darkCounts     dark counts per pixel per frame
     */
    record Settings(Nlos.Settings nlos, double[] photonsPerUnit, double darkCounts) {
        static Settings full(Imperfections p, long seed) {
            Nlos.Settings n = Nlos.Settings.full(p, seed);
            // 40 train / 20 test items per class: seven in-situ trainings must fit a CPU budget of minutes
            Nlos.Settings smaller = new Nlos.Settings(n.geometry(), n.wall(), n.misEstimateRad(), n.imagingTrain(),
                    n.imagingTest(), n.imagingBatch(), n.imagingEpochs(), n.imagingLr(), 40, 20, n.classEpochs(),
                    n.classBatch(), n.classLr(), n.detectorSize(), n.profile(), n.seed());
            return new Settings(smaller, new double[]{1e4, 1e3, 100, 10, 1, 0.1}, 0.01);
        }

        static Settings quick(Imperfections p, long seed) {
            return new Settings(Nlos.Settings.quick(p, seed), new double[]{1e3, 1, 0.01}, 0.01);
        }
    }

    /** One budget: measured photons per pixel and the three accuracies. */
    record Point(double photonsPerUnit, double photonsPerPixel, double inSilico, double ffmHighLight,
                 double ffmInSitu) {
    }

    record Result(List<Point> points, double inSilicoModelAccuracy, double meanIntensity) {
    }

    private final Settings s;
    private final Propagator prop;
    private final Consumer<String> log;

    LowLight(Settings s, Propagator prop, Consumer<String> log) {
        this.s = s;
        this.prop = prop;
        this.log = log;
    }

    Result run(Dataset trainAll, Dataset testAll) {
        Nlos.Settings ns = s.nlos();
        Nlos nlos = new Nlos(ns, prop, log);
        Dataset train = nlos.classTrain(trainAll);
        Dataset test = nlos.classTest(testAll);
        double[] believed = ns.wall().misEstimate(ns.geometry().grid(), ns.misEstimateRad(), ns.wall().seed() + 1000)
                .phase();
        log.accept("low light: in-silico training (mis-estimated wall)");
        Params insilico = nlos.trainInSilico(believed, train, new double[ns.classEpochs()]);
        double modelAcc = org.phasor.train.Trainer.evaluate(nlos.inSilico(believed), insilico, test, ns.classBatch())[0];
        // high light reference bench (exact camera): FFM training and the mean camera intensity
        Imperfections exact = ns.profile();
        SimulatedBench bright = nlos.bench(exact);
        Holography holo = new Holography(3, 3);
        BenchCalibration cal = ScatteringFocus.calibration(bright, holo, exact);
        log.accept("low light: FFM training with an exact camera");
        Params ffmBright = nlos.trainFfm(bright, cal, holo, train, new double[ns.classEpochs()]);
        double meanI = meanIntensity(nlos.classifier(bright, cal), ffmBright, test);
        List<Point> points = new ArrayList<>();
        for (double p : s.photonsPerUnit()) {
            Imperfections dim = exact.withPhotonCounting(p, s.darkCounts());
            log.accept("low light: " + p + " photons per unit intensity");
            SimulatedBench bench = nlos.bench(dim);
            Holography h = new Holography(3, 3);
            double aIn = nlos.benchAccuracy(bench, cal, h, insilico, test);
            double aBright = nlos.benchAccuracy(bench, cal, h, ffmBright, test);
            SimulatedBench trainBench = nlos.bench(dim.withSeed(dim.seed() + 1));
            Holography th = new Holography(3, 3);
            Params ffm = nlos.trainFfm(trainBench, cal, th, train, new double[ns.classEpochs()]);
            double aFfm = nlos.benchAccuracy(bench, cal, h, ffm, test);
            points.add(new Point(p, p * dim.quantumEfficiency() * meanI, aIn, aBright, aFfm));
        }
        return new Result(points, modelAcc, meanI);
    }

    /** Mean camera intensity per pixel per frame (exact camera) over the test scenes at {@code params}. */
    private static double meanIntensity(BenchClassifier c, Params params, Dataset test) {
        c.program(params);
        double sum = 0;
        long count = 0;
        for (int i = 0; i < test.size(); i += 10) {
            Batch b = Nlos.batch(test, i, Math.min(10, test.size() - i));
            double[] f = c.bench().capture(org.phasor.bench.Injection.inputs(c.encode(b)),
                    c.bench().describe().outputPlane()).values();
            for (double v : f) {
                sum += v;
            }
            count += f.length;
        }
        return sum / count;
    }
}
