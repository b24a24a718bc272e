package org.phasor.cli.apps;

import org.phasor.bench.BenchCalibration;
import org.phasor.bench.BenchCost;
import org.phasor.bench.FullyForward;
import org.phasor.bench.FullyForwardMethod;
import org.phasor.bench.Holography;
import org.phasor.bench.ParticleSwarmMethod;
import org.phasor.data.Dataset;
import org.phasor.model.Params;
import org.phasor.optics.Grid;
import org.phasor.optics.LinearOp;
import org.phasor.optics.OpticalPath;
import org.phasor.optics.propagation.Method;
import org.phasor.optics.propagation.Propagator;
import org.phasor.sim.Imperfections;
import org.phasor.sim.SimulatedBench;
import org.phasor.task.scattering.FocusGeometry;
import org.phasor.task.scattering.FocusMetrics;
import org.phasor.task.scattering.FocusTask;
import org.phasor.task.scattering.PhaseConjugation;
import org.phasor.task.scattering.Scatterer;
import org.phasor.task.scattering.Segments;
import org.phasor.train.EpochMetrics;
import org.phasor.train.Trainer;
import org.phasor.train.optim.Adam;
import org.phasor.train.optim.LearningRateSchedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The focusing-through-scattering-media experiment (FFM paper, Fig. 3) on a simulated bench: for each scatterer,
 * FFM and PSO optimise the same SLM segments to focus at the field centre from a flat start; an in-silico design
 * (phase conjugation through a mis-estimated medium) is deployed for comparison, with the same design through the
 * exactly known medium as the reference; then FFM scans the focus over a grid of targets across the field.
 * The bench hides its scatterer (and profile); methods see only {@link org.phasor.bench.Bench} operations.
 */
final class ScatteringFocus {

    /**
     * @param segmentsPerSide SLM segments per side (both optimisers search this space)
     * @param ffmIterations   FFM steps per target
     * @param psoIterations   PSO steps (one pass per particle each)
     * @param particles       PSO swarm size
     * @param learningRate    FFM Adam step, radians
     * @param scanOffsets     target offsets from the centre (pixels) along each axis for the point scan (the
     *                        centre is always one of the targets)
     * @param misEstimateRad  rms phase error of the lab's model of the medium
     */
    record Settings(FocusGeometry geometry, int segmentsPerSide, int ffmIterations, int psoIterations, int particles,
                    double learningRate, int[] scanOffsets, List<Scatterer> scatterers, double misEstimateRad,
                    Imperfections profile, long seed) {

        static Settings full(Imperfections profile, long seed) {
            FocusGeometry g = FocusGeometry.paper();
            return new Settings(g, 32, 30, 400, 8, 0.1, new int[]{-96, 96},
                    List.of(Scatterer.phasePlate(seed + 1), Scatterer.tape(seed + 2)), 1.0, profile, seed);
        }

        static Settings quick(Imperfections profile, long seed) {
            FocusGeometry g = FocusGeometry.quick();
            return new Settings(g, 16, 30, 120, 10, 0.1, new int[]{-20, 20},
                    List.of(Scatterer.phasePlate(seed + 1), Scatterer.tape(seed + 2)), 1.0, profile, seed);
        }
    }

    /** The final focus of one method. */
    record Focus(String method, double loss, double fwhm, double psnr, double efficiency, int iterations,
                 int converged, long frames, double[] curve, double[] frame, List<Snapshot> evolution) {
    }

    /** The camera frame at an iteration of an optimiser (a monitoring frame, not charged to the method). */
    record Snapshot(int iteration, double[] frame) {
    }

    /** Iterations at which the focus evolution is recorded: 0, 2, 6, 18, … (×3) below {@code last}, and {@code last}. */
    static List<Integer> snapshotIterations(int last) {
        List<Integer> it = new ArrayList<>(List.of(0));
        for (int k = 2; k < last; k *= 3) {
            it.add(k);
        }
        it.add(last);
        return it;
    }

    /** One scanned target. */
    record ScanPoint(int tx, int ty, double fwhm, double psnr, double efficiency, double loss) {
    }

    record ScattererResult(Scatterer scatterer, List<Focus> methods, List<ScanPoint> scan, double threshold) {
        Focus method(String name) {
            return methods.stream().filter(m -> m.method().equals(name)).findFirst().orElseThrow();
        }
    }

    private final Settings s;
    private final Propagator prop;
    private final Consumer<String> log;

    ScatteringFocus(Settings s, Propagator prop, Consumer<String> log) {
        this.s = s;
        this.prop = prop;
        this.log = log;
    }

    List<ScattererResult> run() {
        List<ScattererResult> out = new ArrayList<>();
        for (Scatterer sc : s.scatterers()) {
            out.add(run(sc));
        }
        return out;
    }

    private ScattererResult run(Scatterer sc) {
        FocusGeometry g = s.geometry();
        Grid grid = g.grid();
        int n = g.pixels();
        LinearOp freeSpace = prop.freeSpace(grid, g.distance(), Method.BL_ASM, 2);
        SimulatedBench bench = new SimulatedBench(g.description(), s.profile(), prop,
                Map.of(1, OpticalPath.of(sc.screen(grid), freeSpace)));
        Holography holo = new Holography(3, 3);
        BenchCalibration cal = calibration(bench, holo, s.profile());
        Segments seg = new Segments(n, s.segmentsPerSide());
        int c = n / 2;
        FocusTask centre = new FocusTask(bench, cal, g, seg, c, c);
        Dataset beam = FocusTask.beam();
        log.accept(sc.name() + ": FFM at the centre");
        Focus ffm = ffm(bench, holo, cal, centre, beam, s.ffmIterations(), true);
        log.accept(sc.name() + ": PSO at the centre (" + s.particles() + " particles)");
        Focus pso = pso(bench, centre, beam);
        double[] flatIn = new double[2 * n * n];
        for (int i = 0; i < n * n; i++) {
            flatIn[2 * i] = 1;
        }
        LinearOp believed = OpticalPath.of(sc.misEstimate(grid, s.misEstimateRad(), sc.seed() + 1000), freeSpace);
        Focus insilico = oneShot("in-silico (mis-estimated medium)", bench, centre,
                PhaseConjugation.design(believed, flatIn, seg, c, c));
        Focus known = oneShot("phase conjugation (medium known exactly)", bench, centre,
                PhaseConjugation.design(OpticalPath.of(sc.screen(grid), freeSpace), flatIn, seg, c, c));
        // iterations to converge: first iteration within 10 % (of the initial-to-best span) of the best final loss
        double l0 = ffm.curve()[0];
        double best = Math.min(ffm.loss(), pso.loss());
        double threshold = best + 0.1 * (l0 - best);
        ffm = withConverged(ffm, threshold);
        pso = withConverged(pso, threshold);
        List<ScanPoint> scan = new ArrayList<>();
        scan.add(new ScanPoint(c, c, ffm.fwhm(), ffm.psnr(), ffm.efficiency(), ffm.loss()));
        for (int oy : s.scanOffsets()) {
            for (int ox : s.scanOffsets()) {
                if (ox == 0 && oy == 0) {
                    continue; // the centre was focused above
                }
                FocusTask t = new FocusTask(bench, cal, g, seg, c + ox, c + oy);
                log.accept(sc.name() + ": FFM scan target (" + ox + ", " + oy + ") px");
                Focus f = ffm(bench, holo, cal, t, beam, s.ffmIterations(), false);
                scan.add(new ScanPoint(c + ox, c + oy, f.fwhm(), f.psnr(), f.efficiency(), f.loss()));
            }
        }
        return new ScattererResult(sc, List.of(ffm, pso, insilico, known), scan, threshold);
    }

    private Focus ffm(SimulatedBench bench, Holography holo, BenchCalibration cal, FocusTask task, Dataset beam,
                      int iterations, boolean record) {
        List<Integer> snaps = record ? snapshotIterations(iterations) : List.of();
        Map<Integer, double[]> phases = new java.util.TreeMap<>();
        FullyForward engine = new FullyForward(bench, cal, holo, List.of());
        FullyForwardMethod method = new FullyForwardMethod(task, engine);
        Params start = task.flat();
        Adam adam = new Adam(new int[]{start.layer(0).length}, LearningRateSchedule.constant(s.learningRate()));
        double[] curve = new double[iterations + 1];
        Trainer trainer = new Trainer(method, adam, new Trainer.Settings(iterations, 1, s.seed(), 0, 1), null,
                new Trainer.Listener() {
                    @Override
                    public void epochDone(EpochMetrics m) {
                        curve[m.epoch() - 1] = m.trainLoss();
                        if (snaps.contains(m.epoch() - 1)) { // the phases this epoch's step measured at
                            phases.put(m.epoch() - 1, task.lastProgrammed());
                        }
                    }
                });
        BenchCost before = bench.cost();
        Trainer.Result r = trainer.train(beam, null, trainer.initialState(start));
        long frames = bench.cost().minus(before).frames();
        if (record) {
            phases.put(iterations, r.params().layer(0).clone());
        }
        return withEvolution(measure("FFM", task, r.params(), curve, iterations, frames), task, phases);
    }

    private Focus pso(SimulatedBench bench, FocusTask task, Dataset beam) {
        ParticleSwarmMethod method = new ParticleSwarmMethod(task, s.particles(), 0.7, 1.5, 1.5, Math.PI, s.seed());
        Params params = task.flat();
        Adam unused = new Adam(new int[]{params.layer(0).length}, LearningRateSchedule.constant(0));
        Trainer trainer = new Trainer(method, unused, new Trainer.Settings(1, 1, s.seed(), 0, 1), null, null);
        double[] curve = new double[s.psoIterations() + 1];
        long frames = 0;
        List<Integer> snaps = snapshotIterations(s.psoIterations());
        Map<Integer, double[]> phases = new java.util.TreeMap<>();
        for (int it = 0; it < s.psoIterations(); it++) {
            if (snaps.contains(it)) {
                phases.put(it, params.layer(0).clone());
            }
            // the swarm keeps its state in the method; each Trainer epoch is one PSO iteration
            curve[it] = task.evaluate(params, FocusTask.beamBatch()).loss(); // monitoring frame, not charged to PSO
            if (it % 100 == 99) {
                log.accept("PSO iteration " + (it + 1) + ", loss " + curve[it]);
            }
            BenchCost before = bench.cost();
            params = trainer.train(beam, null, trainer.initialState(params)).params();
            frames += bench.cost().minus(before).frames();
        }
        phases.put(s.psoIterations(), params.layer(0).clone());
        return withEvolution(measure("PSO", task, params, curve, s.psoIterations(), frames), task, phases);
    }

    private Focus oneShot(String name, SimulatedBench bench, FocusTask task, double[] phases) {
        Params p = new Params(new double[][]{phases});
        double loss = task.evaluate(p, FocusTask.beamBatch()).loss();
        return measure(name, task, p, new double[]{loss}, 0, 1);
    }

    private Focus measure(String name, FocusTask task, Params params, double[] curve, int iterations, long frames) {
        FocusGeometry g = s.geometry();
        double[] frame = task.frame(params);
        double loss = task.evaluate(params, FocusTask.beamBatch()).loss();
        curve[curve.length - 1] = loss;
        int n = g.pixels();
        double fwhm = FocusMetrics.fwhm(frame, 0, n, g.pitch());
        double psnr = FocusMetrics.psnr(frame, 0, FocusMetrics.idealSpot(g, task.targetX(), task.targetY()));
        double eff = FocusMetrics.efficiency(frame, 0, n, task.targetX(), task.targetY(),
                g.idealFwhm() / g.pitch());
        return new Focus(name, loss, fwhm, psnr, eff, iterations, -1, frames, curve, frame, List.of());
    }

    private static Focus withConverged(Focus f, double threshold) {
        int at = -1;
        double[] c = f.curve();
        for (int i = 0; i < c.length; i++) {
            if (c[i] <= threshold) {
                at = i;
                break;
            }
        }
        return new Focus(f.method(), f.loss(), f.fwhm(), f.psnr(), f.efficiency(), f.iterations(), at, f.frames(),
                c, f.frame(), f.evolution());
    }

    /** Camera frames at the recorded phases (monitoring frames, not charged to the method). */
    private static Focus withEvolution(Focus f, FocusTask task, Map<Integer, double[]> phases) {
        List<Snapshot> ev = new ArrayList<>();
        for (Map.Entry<Integer, double[]> e : phases.entrySet()) {
            ev.add(new Snapshot(e.getKey(), task.frame(new Params(new double[][]{e.getValue()}))));
        }
        return new Focus(f.method(), f.loss(), f.fwhm(), f.psnr(), f.efficiency(), f.iterations(), f.converged(),
                f.frames(), f.curve(), f.frame(), ev);
    }

    /**
     * The measured calibration (level response and registration) on a bench with imperfect optics; on a bench
     * whose optics are perfect by construction (profile {@code ideal}, camera aside) the nominal calibration is
     * exact, and skipping the measurement saves simulation time.
     */
    static BenchCalibration calibration(SimulatedBench bench, Holography holo, Imperfections p) {
        boolean perfectOptics = p.lateralShiftPx() == 0 && p.rotationDeg() == 0 && p.phaseRange() == 1
                && p.gamma() == 1 && p.crosstalkPx() == 0 && p.zernikeRmsRad() == 0 && p.distanceError() == 0
                && p.driftShiftPxPerRootS() == 0;
        return perfectOptics ? BenchCalibration.nominal(bench.describe()) : BenchCalibration.measure(bench, holo, 8, 2);
    }

    static double[] range(int n) {
        double[] x = new double[n];
        Arrays.setAll(x, i -> i);
        return x;
    }
}
