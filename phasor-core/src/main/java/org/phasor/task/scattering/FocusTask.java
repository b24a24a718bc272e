package org.phasor.task.scattering;

import org.phasor.bench.Bench;
import org.phasor.bench.BenchCalibration;
import org.phasor.bench.BenchCost;
import org.phasor.bench.BenchDescription;
import org.phasor.bench.BenchTask;
import org.phasor.bench.ComplexFrames;
import org.phasor.bench.Frames;
import org.phasor.bench.Injection;
import org.phasor.bench.IntensityObjective;
import org.phasor.bench.ReferenceArm;
import org.phasor.data.Dataset;
import org.phasor.model.Params;
import org.phasor.train.Batch;
import org.phasor.train.Cost;
import org.phasor.train.EvalResult;

import java.util.Arrays;
import java.util.List;

/**
 * Focusing through a scattering medium at one target camera pixel, as a {@link BenchTask}: the parameters are the
 * phases of the SLM's {@link Segments}; the input is the bench's own beam (a flat field on the input plane); the
 * loss is {@link TargetImageLoss} against the ideal focus at the target. Only {@link Bench} operations are used:
 * the medium is as unknown to this task as it is to a lab.
 */
public final class FocusTask implements BenchTask {
    private final Bench bench;
    private final BenchCalibration calibration;
    private final Segments segments;
    private final double[] target;
    private final BenchDescription d;
    private final int tx;
    private final int ty;
    private double[] lastPhases;

    /**
     * @param tx target camera pixel column
     * @param ty target camera pixel row
     */
    public FocusTask(Bench bench, BenchCalibration calibration, FocusGeometry geometry, Segments segments, int tx, int ty) {
        this.bench = bench;
        this.calibration = calibration;
        this.segments = segments;
        this.d = bench.describe();
        if (d.nx() != geometry.pixels() || d.ny() != geometry.pixels() || d.modulators() != 1
                || segments.n() != geometry.pixels()) {
            throw new IllegalArgumentException("focus task needs a 1-modulator bench of " + geometry.pixels()
                    + "² pixels and matching segments, got " + d + " and " + segments);
        }
        if (tx < 0 || ty < 0 || tx >= d.nx() || ty >= d.ny()) {
            throw new IllegalArgumentException("focus target (" + tx + ", " + ty + ") outside the " + d.nx() + "x"
                    + d.ny() + " camera");
        }
        this.tx = tx;
        this.ty = ty;
        this.target = FocusMetrics.idealSpot(geometry, tx, ty);
    }

    /** The one training sample (the flat beam; its value is unused): the Trainer iterates over it once per step. */
    public static Dataset beam() {
        return new Dataset("beam", new float[]{1}, new int[]{0}, 1, 1, List.of("focus"));
    }

    /** A batch holding the one beam sample. */
    public static Batch beamBatch() {
        return new Batch(new float[]{1}, new int[]{0}, 1, 1);
    }

    /** Flat starting phases (all segments at 0). */
    public Params flat() {
        return new Params(new double[][]{new double[segments.count()]});
    }

    public double[] target() {
        return target.clone();
    }

    public int targetX() {
        return tx;
    }

    public int targetY() {
        return ty;
    }

    @Override
    public void program(Params params) {
        lastPhases = params.layer(0).clone();
        bench.program(1, calibration.levels(1, segments.expand(lastPhases), d.nx(), d.ny()));
    }

    /** The segment phases last programmed (to follow an optimiser's progress), or null before the first. */
    public double[] lastProgrammed() {
        return lastPhases == null ? null : lastPhases.clone();
    }

    @Override
    public ComplexFrames encode(Batch batch) {
        double[] ones = new double[batch.size() * d.planeSize()];
        Arrays.fill(ones, 1);
        return ComplexFrames.ofAmplitudes(batch.size(), d.ny(), d.nx(), ones);
    }

    @Override
    public IntensityObjective objective(Batch batch) {
        return (intensity, b, pixels, dLdI) -> TargetImageLoss.lossAndGradient(intensity, repeat(b), b, pixels, dLdI);
    }

    private double[] repeat(int batch) {
        double[] t = new double[batch * target.length];
        for (int b = 0; b < batch; b++) {
            System.arraycopy(target, 0, t, b * target.length, target.length);
        }
        return t;
    }

    @Override
    public int correct(double[] intensity, Batch batch) {
        return 0;
    }

    @Override
    public double[][] parameterGradient(double[][] modulatorGradient) {
        return new double[][]{segments.sum(modulatorGradient[0])};
    }

    /** One camera frame of the focus at {@code params} (one pass, one frame). */
    public double[] frame(Params params) {
        program(params);
        bench.setReference(ReferenceArm.BLOCKED);
        return bench.capture(Injection.inputs(encode(beamBatch())),
                d.outputPlane()).values();
    }

    @Override
    public EvalResult evaluate(Params params, Batch batch) {
        BenchCost before = bench.cost();
        program(params);
        bench.setReference(ReferenceArm.BLOCKED);
        Frames f = bench.capture(Injection.inputs(encode(batch)), d.outputPlane());
        int n = batch.size();
        double loss = TargetImageLoss.lossAndGradient(f.values(), repeat(n), n, d.planeSize(),
                new double[n * d.planeSize()]);
        BenchCost c = bench.cost().minus(before);
        return new EvalResult(loss, 0, n, new int[n], new double[0], 0, new Cost(c.passes(), 0, c.frames()));
    }
}
