package org.phasor.task.nlos;

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
import org.phasor.math.ComplexArray;
import org.phasor.math.Precision;
import org.phasor.data.ImageEncoder;
import org.phasor.model.Params;
import org.phasor.task.generative.metrics.ImageQuality;
import org.phasor.task.scattering.TargetImageLoss;
import org.phasor.train.Batch;
import org.phasor.train.Cost;
import org.phasor.train.EvalResult;

/**
 * Imaging a hidden scene through a scattering wall as a {@link BenchTask}: the SLM phases (one per pixel) are
 * designed so that every scene point lands on its target camera pixel — the scene rotated by 180° (the geometry
 * of a single imaging lens at magnification −1). Loss: {@link TargetImageLoss} between the camera frame and the
 * target, the scene's intensity |a|² placed at the target positions. Quality: SSIM and PSNR between the camera
 * image and the target, each scaled to peak 1 ({@link ImageQuality}, range 1).
 */
public final class HiddenImaging implements BenchTask {
    private final Bench bench;
    private final BenchCalibration calibration;
    private final ImageEncoder encoder;
    private final BenchDescription d;

    public HiddenImaging(Bench bench, BenchCalibration calibration, NlosGeometry geometry) {
        this.bench = bench;
        this.calibration = calibration;
        this.encoder = ImageEncoder.amplitude(28 * geometry.upsample());
        this.d = bench.describe();
    }

    @Override
    public void program(Params params) {
        bench.program(1, calibration.levels(1, params.layer(0), d.nx(), d.ny()));
    }

    @Override
    public ComplexFrames encode(Batch batch) {
        int n = batch.size();
        ComplexArray in = ComplexArray.zeros(Precision.DOUBLE, n, d.ny(), d.nx());
        int sample = batch.rows() * batch.cols();
        for (int b = 0; b < n; b++) {
            encoder.encode(batch.features(), b * sample, batch.rows(), batch.cols(), in.item(b));
        }
        return ComplexFrames.of(in);
    }

    /** The target camera images: |scene|² rotated by 180° about the grid centre, {@code [batch][pixels]}. */
    public double[] targets(Batch batch) {
        double[] z = encode(batch).reIm();
        int nx = d.nx();
        int ny = d.ny();
        int n = d.planeSize();
        double[] t = new double[batch.size() * n];
        for (int b = 0; b < batch.size(); b++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    int sx = (nx - x) % nx; // x → −x about index nx/2 (sample i at (i − n/2)·d)
                    int sy = (ny - y) % ny;
                    int k = b * n + sy * nx + sx;
                    t[b * n + y * nx + x] = z[2 * k] * z[2 * k] + z[2 * k + 1] * z[2 * k + 1];
                }
            }
        }
        return t;
    }

    @Override
    public IntensityObjective objective(Batch batch) {
        double[] t = targets(batch);
        return (intensity, b, pixels, dLdI) -> TargetImageLoss.lossAndGradient(intensity, t, b, pixels, dLdI);
    }

    @Override
    public int correct(double[] intensity, Batch batch) {
        return 0;
    }

    /** Camera frames of the batch at {@code params} (one pass and one frame per scene). */
    public Frames capture(Params params, Batch batch) {
        program(params);
        bench.setReference(ReferenceArm.BLOCKED);
        return bench.capture(Injection.inputs(encode(batch)), d.outputPlane());
    }

    @Override
    public EvalResult evaluate(Params params, Batch batch) {
        BenchCost before = bench.cost();
        Frames f = capture(params, batch);
        int n = batch.size();
        double loss = TargetImageLoss.lossAndGradient(f.values(), targets(batch), n, d.planeSize(),
                new double[n * d.planeSize()]);
        BenchCost c = bench.cost().minus(before);
        return new EvalResult(loss, 0, n, new int[n], new double[0], 0, new Cost(c.passes(), 0, c.frames()));
    }

    /** {ssim, psnr} of each frame against its target, both scaled to peak 1: {@code [2 * b]}, {@code [2 * b + 1]}. */
    public double[] quality(double[] frames, double[] targets, int batch) {
        int n = d.planeSize();
        double[] q = new double[2 * batch];
        double[] a = new double[n];
        double[] t = new double[n];
        for (int b = 0; b < batch; b++) {
            peakNormalise(frames, b * n, a);
            peakNormalise(targets, b * n, t);
            q[2 * b] = ImageQuality.ssim(t, 0, a, 0, d.ny(), d.nx(), 1);
            q[2 * b + 1] = ImageQuality.psnr(t, 0, a, 0, n, 1);
        }
        return q;
    }

    private static void peakNormalise(double[] src, int off, double[] dst) {
        double max = 0;
        for (int i = 0; i < dst.length; i++) {
            max = Math.max(max, src[off + i]);
        }
        for (int i = 0; i < dst.length; i++) {
            dst[i] = max > 0 ? src[off + i] / max : 0;
        }
    }

    /**
     * The in-silico design for a believed wall phase ψ (radians per pixel, zero for "no wall"): cancel the wall
     * and add the imaging lens, φ = −ψ − π·r²/(λ·f).
     */
    public static double[] design(NlosGeometry g, double[] wallPhase) {
        int n = g.pixels();
        double[] phi = new double[n * n];
        double f = g.lensFocalLength();
        for (int y = 0; y < n; y++) {
            double yy = (y - n / 2) * g.pitch();
            for (int x = 0; x < n; x++) {
                double xx = (x - n / 2) * g.pitch();
                phi[y * n + x] = -wallPhase[y * n + x] - Math.PI * (xx * xx + yy * yy) / (g.wavelength() * f);
            }
        }
        return phi;
    }
}
