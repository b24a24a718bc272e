package org.phasor.cli.apps;

import org.phasor.bench.BenchCalibration;
import org.phasor.bench.BenchClassifier;
import org.phasor.bench.BenchCost;
import org.phasor.bench.FullyForward;
import org.phasor.bench.FullyForwardMethod;
import org.phasor.bench.Holography;
import org.phasor.bench.NominalModel;
import org.phasor.data.Dataset;
import org.phasor.math.Precision;
import org.phasor.model.Activation;
import org.phasor.model.DiffractiveNetwork;
import org.phasor.model.Encoder;
import org.phasor.data.ImageEncoder;
import org.phasor.model.Params;
import org.phasor.model.PhaseModulation;
import org.phasor.model.Readout;
import org.phasor.optics.Grid;
import org.phasor.optics.LinearOp;
import org.phasor.optics.OpticalPath;
import org.phasor.optics.element.DiagonalElement;
import org.phasor.optics.propagation.Method;
import org.phasor.optics.propagation.Propagator;
import org.phasor.sim.Imperfections;
import org.phasor.sim.SimulatedBench;
import org.phasor.task.nlos.HiddenImaging;
import org.phasor.task.nlos.NlosGeometry;
import org.phasor.task.scattering.Scatterer;
import org.phasor.train.Batch;
import org.phasor.train.EpochMetrics;
import org.phasor.train.GradientMethod;
import org.phasor.train.InSilicoMethod;
import org.phasor.train.Trainer;
import org.phasor.train.loss.SoftmaxCrossEntropy;
import org.phasor.train.optim.Adam;
import org.phasor.train.optim.LearningRateSchedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Non-line-of-sight imaging and classification through a scattering wall (FFM paper, Fig. 4) on a simulated
 * bench: the wall and the hidden scenes are the bench's; the methods see only its SLM and camera.
 * <ul>
 *   <li>Imaging: FFM trains the SLM in situ (starting from a plain imaging lens, no wall model) so every scene
 *       point lands on its target camera pixel; compared with the lens alone, with an in-silico design that
 *       cancels a mis-estimated wall, and with the same design for the exactly known wall. SSIM/PSNR on held-out
 *       scenes; one frame per image, so the frame rate is the camera's.</li>
 *   <li>Classification: hidden Fashion-MNIST items classified by detector regions behind the wall: FFM in situ vs
 *       trained in silico on a model with the mis-estimated wall and then deployed.</li>
 * </ul>
 */
final class Nlos {

    record Settings(NlosGeometry geometry, Scatterer wall, double misEstimateRad, int imagingTrain, int imagingTest,
                    int imagingBatch, int imagingEpochs, double imagingLr, int classTrainPerClass,
                    int classTestPerClass, int classEpochs, int classBatch, double classLr, int detectorSize,
                    Imperfections profile, long seed) {

        static Settings full(Imperfections p, long seed) {
            return new Settings(NlosGeometry.standard(), wall(seed), 1.0, 160, 50, 8, 4, 0.2, 60, 20, 3, 10, 0.05,
                    6, p, seed);
        }

        static Settings quick(Imperfections p, long seed) {
            return new Settings(NlosGeometry.standard(), wall(seed), 1.0, 32, 12, 8, 8, 0.2, 12, 4, 2, 10, 0.05,
                    6, p, seed);
        }

        /** A diffuse wall: 16 µm correlation, π rad rms. */
        static Scatterer wall(long seed) {
            return new Scatterer("wall", 16e-6, Math.PI, seed + 11);
        }
    }

    record Imaging(String method, double loss, double ssim, double psnr, int steps, long frames, double[] curve,
                   double[] exampleFrames) {
    }

    record Classification(String method, double accuracy, double modelAccuracy, long frames, double[] curve) {
    }

    record Result(List<Imaging> imaging, double[] exampleTargets, int examples, List<Classification> classification,
                  double frameRate) {
    }

    private final Settings s;
    private final Propagator prop;
    private final Consumer<String> log;

    Nlos(Settings s, Propagator prop, Consumer<String> log) {
        this.s = s;
        this.prop = prop;
        this.log = log;
    }

    /** The bench: hidden wall in gap 0 (scene → wall, wall imaged onto the SLM). */
    SimulatedBench bench(Imperfections profile) {
        NlosGeometry g = s.geometry();
        Grid grid = g.grid();
        LinearOp toWall = OpticalPath.of(prop.freeSpace(grid, g.sceneDistance(), Method.BL_ASM, 2),
                s.wall().screen(grid));
        return new SimulatedBench(g.description(), profile, prop, Map.of(0, toWall));
    }

    Result run(Dataset trainAll, Dataset testAll) {
        NlosGeometry g = s.geometry();
        SimulatedBench bench = bench(s.profile());
        Holography holo = new Holography(3, 3);
        BenchCalibration cal = ScatteringFocus.calibration(bench, holo, s.profile());
        HiddenImaging task = new HiddenImaging(bench, cal, g);
        Dataset train = trainAll.head(s.imagingTrain());
        Dataset test = testAll.head(s.imagingTest());
        int examples = Math.min(4, test.size());
        Batch shown = batch(test, 0, examples);
        double[] believed = s.wall().misEstimate(g.grid(), s.misEstimateRad(), s.wall().seed() + 1000).phase();
        double[] truth = s.wall().screen(g.grid()).phase();
        List<Imaging> imaging = new ArrayList<>();
        double[] lens = HiddenImaging.design(g, new double[g.pixels() * g.pixels()]);
        imaging.add(score("lens only (no wall model)", task, lens, test, shown, 0, 0, null));
        imaging.add(score("in-silico (mis-estimated wall)", task, HiddenImaging.design(g, believed), test, shown, 0, 0, null));
        log.accept("nlos imaging: FFM in situ");
        FullyForwardMethod ffm = new FullyForwardMethod(task, new FullyForward(bench, cal, holo, List.of()));
        double[] curve = new double[s.imagingEpochs()];
        BenchCost before = bench.cost();
        Params learned = train(ffm, new Params(new double[][]{lens}), train, s.imagingEpochs(), s.imagingBatch(),
                s.imagingLr(), curve);
        long frames = bench.cost().minus(before).frames();
        int steps = s.imagingEpochs() * ((train.size() + s.imagingBatch() - 1) / s.imagingBatch());
        imaging.add(score("FFM (in situ)", task, learned.layer(0), test, shown, steps, frames, curve));
        imaging.add(score("wall known exactly", task, HiddenImaging.design(g, truth), test, shown, 0, 0, null));
        double[] targets = task.targets(shown);

        List<Classification> cls = classify(bench, cal, holo, trainAll, testAll, believed, truth);
        return new Result(imaging, targets, examples, cls, g.frameRate());
    }

    /** Classification behind the wall on {@code bench}: FFM in situ vs in-silico (mis-estimated wall) deployed. */
    List<Classification> classify(SimulatedBench bench, BenchCalibration cal, Holography holo, Dataset trainAll,
                                  Dataset testAll, double[] believedWall, double[] trueWall) {
        Dataset train = classTrain(trainAll);
        Dataset test = classTest(testAll);
        List<Classification> out = new ArrayList<>();
        log.accept("nlos classification: in silico (mis-estimated wall), then deployed");
        double[] curve = new double[s.classEpochs()];
        InSilicoMethod model = inSilico(believedWall);
        Params p = train(model, zeros(), train, s.classEpochs(), s.classBatch(), s.classLr(), curve);
        double modelAcc = Trainer.evaluate(model, p, test, s.classBatch())[0];
        BenchCost before = bench.cost();
        double deployed = benchAccuracy(bench, cal, holo, p, test);
        out.add(new Classification("in-silico (mis-estimated wall), deployed", deployed, modelAcc,
                bench.cost().minus(before).frames(), curve));

        log.accept("nlos classification: FFM in situ");
        curve = new double[s.classEpochs()];
        before = bench.cost();
        p = trainFfm(bench, cal, holo, train, curve);
        long frames = bench.cost().minus(before).frames();
        out.add(new Classification("FFM (in situ)", benchAccuracy(bench, cal, holo, p, test), Double.NaN, frames,
                curve));

        InSilicoMethod ideal = inSilico(trueWall);
        curve = new double[s.classEpochs()];
        p = train(ideal, zeros(), train, s.classEpochs(), s.classBatch(), s.classLr(), curve);
        out.add(new Classification("ideal simulation (wall known exactly)", Trainer.evaluate(ideal, p, test,
                s.classBatch())[0], Double.NaN, 0, curve));
        return out;
    }

    Dataset classTrain(Dataset all) {
        return all.balancedSubset(s.classTrainPerClass()).shuffled(s.seed());
    }

    Dataset classTest(Dataset all) {
        return all.balancedSubset(s.classTestPerClass());
    }

    Params zeros() {
        return new Params(new double[][]{new double[s.geometry().pixels() * s.geometry().pixels()]});
    }

    private Encoder encoder() {
        return ImageEncoder.amplitude(28 * s.geometry().upsample())::encode;
    }

    Readout readout() {
        return NominalModel.detectors343(s.geometry().pixels(), s.geometry().pixels(), s.detectorSize());
    }

    private static final SoftmaxCrossEntropy LOSS = SoftmaxCrossEntropy.normalised(10);

    BenchClassifier classifier(SimulatedBench bench, BenchCalibration cal) {
        return new BenchClassifier(bench, cal, encoder(), readout(), LOSS);
    }

    /** In-silico training on the digital twin with a wall of phase {@code wall}. */
    InSilicoMethod inSilico(double[] wall) {
        return new InSilicoMethod(network(wall, readout()), encoder(), LOSS, s.classBatch(), Precision.DOUBLE);
    }

    Params trainInSilico(double[] wall, Dataset train, double[] curve) {
        return train(inSilico(wall), zeros(), train, s.classEpochs(), s.classBatch(), s.classLr(), curve);
    }

    Params trainFfm(SimulatedBench bench, BenchCalibration cal, Holography holo, Dataset train, double[] curve) {
        FullyForwardMethod ffm = new FullyForwardMethod(classifier(bench, cal),
                new FullyForward(bench, cal, holo, List.of()));
        return train(ffm, zeros(), train, s.classEpochs(), s.classBatch(), s.classLr(), curve);
    }

    /** Test accuracy of {@code params} deployed on {@code bench} (one pass and one frame per item). */
    double benchAccuracy(SimulatedBench bench, BenchCalibration cal, Holography holo, Params params, Dataset test) {
        FullyForwardMethod m = new FullyForwardMethod(classifier(bench, cal),
                new FullyForward(bench, cal, holo, List.of()));
        return Trainer.evaluate(m, params, test, s.classBatch())[0];
    }

    /** The lab's digital twin with a wall of phase {@code wall} at the SLM plane. */
    DiffractiveNetwork network(double[] wall, Readout readout) {
        NlosGeometry g = s.geometry();
        Grid grid = g.grid();
        DiagonalElement w = new org.phasor.optics.element.PhaseMask(grid, wall);
        LinearOp toSlm = OpticalPath.of(prop.freeSpace(grid, g.sceneDistance(), Method.BL_ASM, 2), w);
        return new DiffractiveNetwork(grid, List.of(new DiffractiveNetwork.Layer(toSlm, PhaseModulation.INSTANCE,
                Activation.NONE)), prop.freeSpace(grid, g.cameraDistance(), Method.BL_ASM, 2), readout);
    }

    private Params train(GradientMethod m, Params start, Dataset train, int epochs, int batch, double lr,
                         double[] curve) {
        Adam adam = new Adam(new int[]{start.layer(0).length}, LearningRateSchedule.constant(lr));
        Trainer t = new Trainer(m, adam, new Trainer.Settings(epochs, batch, s.seed(), 0, batch), null,
                new Trainer.Listener() {
                    @Override
                    public void epochDone(EpochMetrics e) {
                        curve[e.epoch() - 1] = e.trainLoss();
                    }
                });
        return t.train(train, null, t.initialState(start)).params();
    }

    private Imaging score(String name, HiddenImaging task, double[] phases, Dataset test, Batch shown, int steps,
                          long frames, double[] curve) {
        Params p = new Params(new double[][]{phases});
        double ssim = 0;
        double psnr = 0;
        double loss = 0;
        int bs = 10;
        for (int i = 0; i < test.size(); i += bs) {
            Batch b = batch(test, i, Math.min(bs, test.size() - i));
            double[] f = task.capture(p, b).values();
            double[] q = task.quality(f, task.targets(b), b.size());
            for (int k = 0; k < b.size(); k++) {
                ssim += q[2 * k];
                psnr += q[2 * k + 1];
            }
            loss += task.evaluate(p, b).loss() * b.size();
        }
        int n = test.size();
        double[] example = task.capture(p, shown).values();
        return new Imaging(name, loss / n, ssim / n, psnr / n, steps, frames, curve == null ? new double[0] : curve,
                example);
    }

    static Batch batch(Dataset d, int from, int n) {
        int size = d.rows() * d.cols();
        float[] f = Arrays.copyOfRange(d.features(), from * size, (from + n) * size);
        int[] l = Arrays.copyOfRange(d.labels(), from, from + n);
        return new Batch(f, l, d.rows(), d.cols());
    }
}
