package org.phasor.sim.experiment;

import org.phasor.bench.BenchCalibration;
import org.phasor.bench.PhaseResponse;
import org.phasor.bench.BenchClassifier;
import org.phasor.bench.BenchDescription;
import org.phasor.bench.FullyForward;
import org.phasor.bench.FullyForwardMethod;
import org.phasor.bench.Holography;
import org.phasor.bench.NominalModel;
import org.phasor.bench.ParticleSwarmMethod;
import org.phasor.bench.PhysicsAwareMethod;
import org.phasor.bench.RecalibratingMethod;
import org.phasor.data.DataSplit;
import org.phasor.data.Dataset;
import org.phasor.math.GaussianKernel;
import org.phasor.math.Precision;
import org.phasor.math.fft.FftBackend;
import org.phasor.model.DiffractiveNetwork;
import org.phasor.data.ImageEncoder;
import org.phasor.model.Encoder;
import org.phasor.model.Params;
import org.phasor.model.Readout;
import org.phasor.optics.propagation.Propagator;
import org.phasor.sim.Imperfections;
import org.phasor.sim.ExactTwinMethod;
import org.phasor.sim.SimulatedBench;
import org.phasor.train.Cost;
import org.phasor.train.Evaluator;
import org.phasor.train.GradientMethod;
import org.phasor.train.InSilicoMethod;
import org.phasor.train.Trainer;
import org.phasor.train.optim.ParameterConstraint;
import org.phasor.train.loss.ClassificationLoss;
import org.phasor.train.loss.SoftmaxCrossEntropy;
import org.phasor.train.optim.Adam;
import org.phasor.train.optim.LearningRateSchedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The reproduction of the FFM paper's depth study: for each layer count, train a phase-only network
 * <ul>
 *   <li>in silico on the nominal model, and report its accuracy in simulation ("ideal") and deployed on the
 *       simulated bench through the measured SLM calibration ("in-silico deployed");</li>
 *   <li>on the bench with each bench method (FFM, PAT, PSO) from the same initial phases, each on a fresh copy of
 *       the same lab (same profile and seed) that first calibrates itself; accuracy measured on the bench.</li>
 * </ul>
 * The orchestration creates the simulated bench; the trainers receive it only as a {@link org.phasor.bench.Bench}.
 */
public final class FfmLayers {

    /** What one method cost per training step on the bench. */
    public record StepCost(double passes, double frames, double cameraSeconds) {
    }

    /**
     * One row of the table: test accuracies (fractions) and bench cost per step by method. Phases are the wanted
     * phases (radians, one n×n array per layer): {@code initial} is the starting point every method shares,
     * {@code phases} the in-silico design and each bench-trained result, keyed by method.
     * {@code trainAccuracyByEpoch}: each method's accuracy on its training batches during each epoch (the model's for
     * in-silico, the bench's for the others), free to record, to see whether a method rises and then falls;
     * {@code trainLossByEpoch} the mean training loss beside it (does the loss fall while the accuracy falls?).
     * {@code inSilicoRegistered}: the design deployed with each mask moved to its panel's measured position.
     */
    public record Row(int layers, double ideal, double inSilicoDeployed, double inSilicoRegistered, Map<String, Double> bench,
                      Map<String, StepCost> costPerStep, double calibrationFrames, double seconds,
                      double[][] initial, Map<String, double[][]> phases, Map<String, double[]> trainAccuracyByEpoch,
                      Map<String, double[]> trainLossByEpoch) {
    }

    private static final int CAL_STRIDE = 8; // response measured at every 8th level (33 levels)
    private static final int CAL_SEARCH = 4; // registration search radius, pixels

    private final FfmLayersConfig cfg;
    private final Imperfections profile;
    private final FftBackend fft;
    private final Consumer<String> log;

    public FfmLayers(FfmLayersConfig cfg, Imperfections profile, FftBackend fft, Consumer<String> log) {
        this.cfg = cfg;
        this.profile = profile;
        this.fft = fft;
        this.log = log;
    }

    public List<Row> run(DataSplit data) {
        Dataset train = cfg.trainSamples() > 0 ? data.train().balancedSubset(cfg.trainSamples() / 10) : data.train();
        Dataset test = cfg.testSamples() > 0 ? data.test().balancedSubset(cfg.testSamples() / 10) : data.test();
        List<Row> rows = new ArrayList<>();
        for (int layers : cfg.layerCounts()) {
            rows.add(runDepth(layers, train, test));
        }
        return rows;
    }

    private BenchDescription description(int layers) {
        double[] z = new double[layers + 1];
        Arrays.fill(z, cfg.spacing());
        return new BenchDescription("simulated:" + profile.description(), cfg.n(), cfg.n(), cfg.pitch(),
                cfg.wavelength(), z, layers, 256, 1.0 / 42);
    }

    Row runDepth(int layers, Dataset train, Dataset test) {
        long t0 = System.nanoTime();
        BenchDescription d = description(layers);
        Propagator prop = new Propagator(fft, msg -> log.accept("warning: " + msg));
        Readout readout = NominalModel.detectors343(cfg.n(), cfg.n(), cfg.detector());
        DiffractiveNetwork net = NominalModel.network(d, prop, readout, List.of());
        ImageEncoder image = ImageEncoder.amplitude(28 * cfg.upsample());
        image.requireFits(train.rows(), train.cols(), cfg.n(), cfg.n());
        Encoder encoder = image::encode;
        ClassificationLoss loss = SoftmaxCrossEntropy.normalised(10);
        Params init = smoothRandomPhases(layers, cfg.n(), cfg.seed() + layers, 2);
        Trainer.Settings settings = new Trainer.Settings(cfg.epochs(), cfg.batch(), cfg.seed(), 0, 100);

        // in silico: design on the nominal model, then deploy
        InSilicoMethod inSilico = new InSilicoMethod(net, encoder, loss, Math.max(cfg.batch(), 100), Precision.DOUBLE);
        Trainer.Result designed = new Trainer(inSilico, adam(init, train.size()), settings, null, null)
                .train(train, null, new Trainer(inSilico, adam(init, train.size()), settings, null, null).initialState(init));
        double ideal = Trainer.evaluate(inSilico, designed.params(), test, 100)[0];
        Lab lab = lab(d, encoder, readout, loss);
        double deployed = Trainer.evaluate(deployment(lab.classifier), designed.params(), test, 100)[0];
        double registered = Trainer.evaluate(deployment(registeredDeployment(lab, d, encoder, readout, loss)),
                designed.params(), test, 100)[0];
        log.accept(String.format(java.util.Locale.ROOT,
                "%d layers: ideal %.1f %%, in-silico deployed %.1f %% (registered: %.1f %%)",
                layers, 100 * ideal, 100 * deployed, 100 * registered));

        Map<String, Double> acc = new LinkedHashMap<>();
        Map<String, double[][]> phases = new LinkedHashMap<>();
        phases.put("in-silico", designed.params().copy().layers());
        Map<String, StepCost> cost = new LinkedHashMap<>();
        Map<String, double[]> byEpoch = new LinkedHashMap<>();
        Map<String, double[]> lossByEpoch = new LinkedHashMap<>();
        byEpoch.put("in-silico", trainAccuracies(designed));
        lossByEpoch.put("in-silico", trainLosses(designed));
        long steps = (long) cfg.epochs() * ((train.size() + cfg.batch() - 1) / cfg.batch());
        cost.put("in-silico", new StepCost(0, 0, 0));
        for (String m : cfg.methods()) {
            Lab fresh = lab(d, encoder, readout, loss);
            boolean keep = cfg.ffm().keepInRange();
            // one projection per layer into its SLM's measured range (or none): Adam applies it after every step,
            // PSO, which moves its own swarm rather than the optimiser's parameters, to every particle
            List<ParameterConstraint> range = keep ? ranges(fresh.calibration) : List.of();
            GradientMethod method = switch (m) {
                case "ffm" -> cfg.ffm().recalibrates()
                        ? new RecalibratingMethod(fresh.bench, fresh.holo, CAL_STRIDE, CAL_SEARCH, cfg.ffm().recalibrateEvery(),
                                cfg.ffm().registerEvery(), cfg.ffm().followCreep(), fresh.calibration,
                                cal -> ffm(fresh, cal, encoder, readout, loss))
                        : ffm(fresh, fresh.calibration, encoder, readout, loss);
                case "pat" -> new PhysicsAwareMethod(fresh.classifier, net.workspace(cfg.batch(), Precision.DOUBLE), encoder);
                case "pso" -> new ParticleSwarmMethod(fresh.classifier, 16, 0.7, 1.5, 1.5, 0.5, cfg.seed(), range);
                case "exact-twin" -> new ExactTwinMethod(fresh.classifier, fresh.bench);
                default -> throw new IllegalArgumentException("unknown method " + m);
            };
            Params start = keep ? inRange(init, fresh.calibration) : init;
            Adam optimiser = adam(init, train.size(), cfg.benchFinalLearningRate(), range);
            Trainer trainer = new Trainer(method, optimiser, settings, null, null);
            double seconds0 = fresh.bench.cost().seconds();
            Trainer.Result r = trainer.train(train, null, trainer.initialState(start));
            double cameraSeconds = fresh.bench.cost().seconds() - seconds0; // the bench's own clock: exposure-aware
            double a = Trainer.evaluate(method, r.params(), test, 100)[0];
            acc.put(m, a);
            phases.put(m, r.params().copy().layers());
            byEpoch.put(m, trainAccuracies(r));
            lossByEpoch.put(m, trainLosses(r));
            Cost c = r.history().stream().map(h -> h.cost()).reduce(Cost.ZERO, Cost::plus);
            cost.put(m, new StepCost((double) (c.dataPasses() + c.errorPasses()) / steps, (double) c.frames() / steps,
                    cameraSeconds / steps));
            log.accept(String.format(java.util.Locale.ROOT, "%d layers: %s %.1f %% (%.0f passes, %.0f frames per step)",
                    layers, m, 100 * a, cost.get(m).passes(), cost.get(m).frames()));
        }
        return new Row(layers, ideal, deployed, registered, acc, cost, lab.calibration.cost().frames(), (System.nanoTime() - t0) * 1e-9,
                init.copy().layers(), phases, byEpoch, lossByEpoch);
    }

    private record Lab(SimulatedBench bench, BenchCalibration calibration, Holography holo, BenchClassifier classifier) {
    }

    private static GradientMethod ffm(Lab lab, BenchCalibration cal, Encoder encoder, Readout readout,
                                      ClassificationLoss loss) {
        return new FullyForwardMethod(new BenchClassifier(lab.bench, cal, encoder, readout, loss),
                new FullyForward(lab.bench, cal, lab.holo, List.of()));
    }

    /** Accuracy on the training batches during each epoch (on the bench for bench methods): does a method rise, then fall? */
    private static double[] trainAccuracies(Trainer.Result r) {
        return r.history().stream().mapToDouble(org.phasor.train.EpochMetrics::trainAccuracy).toArray();
    }

    /** Mean training loss during each epoch: does the loss fall while the accuracy falls? */
    private static double[] trainLosses(Trainer.Result r) {
        return r.history().stream().mapToDouble(org.phasor.train.EpochMetrics::trainLoss).toArray();
    }

    /**
     * The in-silico design deployed the way a careful lab would: each mask moved by the whole SLM pixels that the
     * lab's measured registration says its panel sits off the optical axis (the camera's frame), as
     * {@code --follow-creep} moves FFM's masks. Sub-pixel shifts, rotation and distance errors stay uncorrected:
     * an SLM shows its pattern only on whole pixels, and the nominal model knows nothing else.
     */
    private static BenchClassifier registeredDeployment(Lab lab, BenchDescription d, Encoder encoder, Readout readout,
                                                        ClassificationLoss loss) {
        // hysteresis ½: plain rounding, as there is no earlier placement to hold on to
        BenchCalibration placed = lab.calibration.following(BenchCalibration.nominal(d), lab.calibration, d.nx(), d.ny(),
                0.5);
        return new BenchClassifier(lab.bench, placed, encoder, readout, loss);
    }

    /** A fresh copy of the lab (same profile and seed), calibrated by its own measured procedures. */
    private Lab lab(BenchDescription d, Encoder encoder, Readout readout, ClassificationLoss loss) {
        SimulatedBench bench = new SimulatedBench(d, profile, new Propagator(fft, msg -> { }));
        Holography holo = cfg.ffm().holography(d.modulators() + 2);
        BenchCalibration cal = BenchCalibration.measure(bench, holo, CAL_STRIDE, CAL_SEARCH);
        return new Lab(bench, cal, holo, new BenchClassifier(bench, cal, encoder, readout, loss));
    }

    /**
     * The authors' initialisation: uniform random phases in [0, 2π) blurred by a Gaussian of σ pixels (their code
     * uses σ = 2), so the starting masks are smooth, as an SLM can show them.
     */
    static Params smoothRandomPhases(int layers, int n, long seed, double sigma) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        double[] k = GaussianKernel.sampled(sigma);
        int r = k.length / 2;
        double[][] p = new double[layers][n * n];
        for (double[] layer : p) {
            double[] raw = new double[n * n];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = 2 * Math.PI * rnd.nextDouble();
            }
            double[] tmp = new double[n * n];
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    double s = 0;
                    for (int j = -r; j <= r; j++) {
                        s += k[j + r] * raw[y * n + Math.floorMod(x + j, n)];
                    }
                    tmp[y * n + x] = s;
                }
            }
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    double s = 0;
                    for (int j = -r; j <= r; j++) {
                        s += k[j + r] * tmp[Math.floorMod(y + j, n) * n + x];
                    }
                    layer[y * n + x] = s;
                }
            }
        }
        return new Params(p);
    }

    private Adam adam(Params init, int trainSize) {
        return adam(init, trainSize, cfg.finalLearningRate(), List.of());
    }

    /**
     * Adam with the preset's schedule ending at {@code finalLr}; {@code constraints}: one per layer after every
     * step, or none.
     */
    private Adam adam(Params init, int trainSize, double finalLr, List<ParameterConstraint> constraints) {
        int[] sizes = Arrays.stream(init.layers()).mapToInt(a -> a.length).toArray();
        long steps = (long) cfg.epochs() * ((trainSize + cfg.batch() - 1) / cfg.batch());
        LearningRateSchedule lr = finalLr == cfg.learningRate()
                ? LearningRateSchedule.constant(cfg.learningRate())
                : LearningRateSchedule.cosine(cfg.learningRate(), steps, finalLr);
        return new Adam(sizes, lr, Adam.DEFAULTS, constraints);
    }

    /** Each layer's phases clamped into its modulator's measured range (keep-in-range training). */
    private static List<ParameterConstraint> ranges(BenchCalibration cal) {
        return cal.responses().stream()
                .<ParameterConstraint>map(r -> new ParameterConstraint.Clamp(0, r.range())).toList();
    }

    /** {@code p} moved into each modulator's measured range without changing a programmed level. */
    private static Params inRange(Params p, BenchCalibration cal) {
        double[][] out = p.copy().layers();
        for (int l = 0; l < out.length; l++) {
            PhaseResponse r = cal.responses().get(l);
            for (int i = 0; i < out[l].length; i++) {
                out[l][i] = r.intoRange(out[l][i]);
            }
        }
        return new Params(out);
    }

    /** Inference on the bench only: a deployed design is evaluated, never trained there. */
    private static Evaluator deployment(BenchClassifier c) {
        return c::evaluate;
    }
}
