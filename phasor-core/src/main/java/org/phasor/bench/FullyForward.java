package org.phasor.bench;

import org.phasor.model.Activation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Fully forward mode (Xue et al., Nature 632, 280 (2024)): the gradient of a loss with respect to every
 * modulator's phases, computed from fields the bench itself measures — never from a model.
 *
 * <ol>
 *   <li>Data pass: launch the inputs, measure m_l (the field just after modulator l) at every modulation plane
 *       and the output field o by phase-shifting holography; capture the output intensity I with the reference
 *       blocked and evaluate the loss on it.</li>
 *   <li>Error field e = (∂L/∂I)·conj(o) = conj(∂L/∂o*), scaled per item to the injector's full range (and the
 *       scale undone after measuring, as a lab does).</li>
 *   <li>Error pass: inject e from the output side; the field arriving at plane l is v_l = M_lᵀ·e (reciprocity:
 *       the bench run backwards is its own transpose); measure it by holography.</li>
 *   <li>∂L/∂φ_l = −2·Im(m_l ⊙ v_l), summed over the batch, on modulator l's own pixels: both measured fields are
 *       first moved from the camera grid onto the modulator's pixels through the measured registration
 *       ({@link BenchCalibration#phaseGradient}).</li>
 * </ol>
 * Nonlinear FFM: with an activation after modulator l (applied digitally between optical passes, as in the
 * authors' code) each layer is its own pass: the measured m_l goes through the activation and is re-loaded to
 * launch the next pass; in the error pass the field arriving at plane l is multiplied by the activation's
 * derivative, v = w·∂f/∂m + conj(w·∂f/∂m*) (both Wirtinger terms: the authors keep the first only; both make the
 * gradient exact), before it is re-injected to travel on through modulator l.
 *
 * <p>Uses only {@link Bench} operations and procedures built on them; the gradient is with respect to the
 * phase actually present at each plane (whatever the SLM's response); {@link #program} maps wanted phases to
 * device levels through the measured response. The drift of the holography reference is tracked once per call.
 */
public final class FullyForward {
    private final Bench bench;
    private final BenchCalibration calibration;
    private final Holography holo;
    private final List<Activation> activations;
    private final BenchDescription d;
    private final boolean linear;

    /** @param activations one per modulator ({@link Activation#NONE} for none), or an empty list for a linear network */
    public FullyForward(Bench bench, BenchCalibration calibration, Holography holo, List<Activation> activations) {
        this.bench = bench;
        this.calibration = calibration;
        this.holo = holo;
        this.d = bench.describe();
        List<Activation> a = new ArrayList<>(activations);
        if (a.isEmpty()) {
            for (int l = 0; l < d.modulators(); l++) {
                a.add(Activation.NONE);
            }
        }
        if (a.size() != d.modulators()) {
            throw new IllegalArgumentException("FFM: " + a.size() + " activations for " + d.modulators() + " modulators");
        }
        this.activations = List.copyOf(a);
        this.linear = this.activations.stream().allMatch(Activation::isIdentity);
    }

    /** The gradient and what it cost. {@code gradient[l−1]} is over modulator l's pixels, summed over the batch. */
    public record Result(double loss, double[][] gradient, double[] intensity, BenchCost dataPass, BenchCost errorPass) {
        public BenchCost cost() {
            return dataPass.plus(errorPass);
        }
    }

    /** Programs every modulator with the levels nearest to the wanted phases (radians, per modulator pixel). */
    public void program(double[][] phases) {
        for (int m = 1; m <= d.modulators(); m++) {
            bench.program(m, calibration.levels(m, phases[m - 1], d.nx(), d.ny()));
        }
    }

    /**
     * What a data pass measured: the field just after modulator l ({@code modulatorFields[l−1]}, interleaved,
     * before any digital activation), the output field (holography) and, when asked for, the output intensity
     * (reference blocked; null otherwise).
     */
    public record DataPass(int batch, double[][] modulatorFields, double[] output, double[] intensity, BenchCost cost) {
    }

    /**
     * What an error pass measured: ∂L/∂φ per modulator ({@code gradient[l−1]}, modulator pixels, summed over the
     * batch) and, when asked for, the co-field arriving back at the input plane (interleaved; null otherwise).
     */
    public record ErrorPass(double[][] gradient, double[] inputCoField, BenchCost cost) {
    }

    /** One FFM gradient at the currently programmed modulators. */
    public Result gradient(ComplexFrames inputs, IntensityObjective objective) {
        DataPass data = dataPass(inputs, true);
        int batch = inputs.batch();
        int n = d.planeSize();
        double[] dLdI = new double[batch * n];
        double loss = objective.lossAndGradient(data.intensity(), batch, n, dLdI);
        // error field e = (∂L/∂I)·conj(o)
        double[] o = data.output();
        double[] e = new double[2 * batch * n];
        for (int i = 0; i < batch * n; i++) {
            e[2 * i] = dLdI[i] * o[2 * i];
            e[2 * i + 1] = -dLdI[i] * o[2 * i + 1];
        }
        ErrorPass err = errorPass(data, e, false);
        return new Result(loss, err.gradient(), data.intensity(), data.cost(), err.cost());
    }

    /**
     * The data pass alone: tracks the reference drift, launches the inputs, measures the field after every
     * modulator and at the output by holography, and (with {@code intensity}) captures the output intensity.
     */
    public DataPass dataPass(ComplexFrames inputs, boolean intensity) {
        BenchCost before = bench.cost();
        if (!holo.tracksEachMeasurement()) {
            holo.track(bench); // otherwise every measurement below tracks itself
        }
        int batch = inputs.batch();
        int layers = d.modulators();
        double[][] m = new double[layers][];
        Injection light = Injection.inputs(inputs);
        for (int l = 1; l <= layers; l++) {
            m[l - 1] = holo.measure(bench, light, l).reIm();
            if (!linear) {
                // the activation runs digitally; its output is re-loaded to launch the next pass
                light = new Injection(Direction.FORWARD, l,
                        new ComplexFrames(batch, d.ny(), d.nx(), activate(activations.get(l - 1), m[l - 1])));
            }
        }
        double[] o = holo.measure(bench, light, d.outputPlane()).reIm();
        double[] i = intensity ? bench.capture(light, d.outputPlane()).values() : null;
        return new DataPass(batch, m, o, i, bench.cost().minus(before));
    }

    /**
     * The error pass for an arbitrary error field e = conj(∂L/∂o*) at the output plane (interleaved, the data
     * pass's batch; whatever loss produced it, digital or optical): injects e from the output side, measures
     * the co-field at every modulator by holography, ∂L/∂φ_l = −2·Im(m_l ⊙ v_l); with {@code toInput} also
     * measures the co-field arriving back at the input plane (plane 0), M_0ᵀ·e, which carries the gradient on
     * to whatever feeds the bench.
     */
    public ErrorPass errorPass(DataPass data, double[] error, boolean toInput) {
        BenchCost before = bench.cost();
        int batch = data.batch();
        int n = d.planeSize();
        if (error.length != 2 * batch * n) {
            throw new IllegalArgumentException("FFM: error field has " + error.length + " values, expected "
                    + 2L * batch * n);
        }
        double[][] grad = new double[d.modulators()][];
        // one reverse launch for a linear network, one per layer with activations
        Scaled inj = scaledInjection(error, batch, d.outputPlane());
        for (int l = d.modulators(); l >= 1; l--) {
            double[] m = data.modulatorFields()[l - 1];
            double[] w = measureScaled(inj, l);
            double[] v = linear ? w : activationTranspose(activations.get(l - 1), m, w);
            grad[l - 1] = calibration.phaseGradient(l, m, v, batch, d.nx(), d.ny());
            if (!linear && (l > 1 || toInput)) {
                inj = scaledInjection(v, batch, l); // v_l passes through modulator l on its way to plane l−1
            }
        }
        double[] input = toInput ? measureScaled(inj, 0) : null;
        return new ErrorPass(grad, input, bench.cost().minus(before));
    }

    /** A reverse injection whose items were scaled to unit peak amplitude, and the scales to undo. */
    private record Scaled(Injection light, double[] scale) {
    }

    /** Scales each item of {@code field} to unit peak amplitude (the injector's range), as a lab must. */
    private Scaled scaledInjection(double[] field, int batch, int plane) {
        int n = d.planeSize();
        double[] scaled = field.clone();
        double[] scale = new double[batch];
        for (int b = 0; b < batch; b++) {
            double peak = 0;
            for (int i = b * n; i < (b + 1) * n; i++) {
                peak = Math.max(peak, Math.hypot(field[2 * i], field[2 * i + 1]));
            }
            scale[b] = peak > 0 ? peak : 1;
            for (int i = 2 * b * n; i < 2 * (b + 1) * n; i++) {
                scaled[i] /= scale[b];
            }
        }
        return new Scaled(new Injection(Direction.REVERSE, plane, new ComplexFrames(batch, d.ny(), d.nx(), scaled)), scale);
    }

    private double[] measureScaled(Scaled inj, int plane) {
        double[] w = holo.measure(bench, inj.light(), plane).reIm();
        double[] scale = inj.scale();
        int n = d.planeSize();
        for (int b = 0; b < scale.length; b++) {
            for (int i = 2 * b * n; i < 2 * (b + 1) * n; i++) {
                w[i] *= scale[b];
            }
        }
        return w;
    }

    /** −2·Im(m ⊙ v) summed over the batch, in a fixed order. */
    static double[] phaseGradient(double[] m, double[] v, int batch, int n) {
        double[] g = new double[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            double s = 0;
            for (int b = 0; b < batch; b++) {
                int k = 2 * (b * n + i);
                s += m[k] * v[k + 1] + m[k + 1] * v[k];
            }
            g[i] = -2 * s;
        });
        return g;
    }

    /** f(y) = y·h(|y|²/I_ref), applied digitally between passes. */
    static double[] activate(Activation f, double[] y) {
        double[] out = new double[y.length];
        double[] r = new double[4];
        double inv = 1 / f.intensityScale();
        for (int i = 0; i < y.length; i += 2) {
            double yr = y[i];
            double yi = y[i + 1];
            f.response((yr * yr + yi * yi) * inv, r);
            out[i] = yr * r[0] - yi * r[1];
            out[i + 1] = yr * r[1] + yi * r[0];
        }
        return out;
    }

    /** v = w·∂f/∂y + conj(w·∂f/∂y*), ∂f/∂y = h + s·h', ∂f/∂y* = y²·h'/I_ref, at the recorded input y. */
    static double[] activationTranspose(Activation f, double[] y, double[] w) {
        double[] v = new double[w.length];
        double[] r = new double[4];
        double inv = 1 / f.intensityScale();
        for (int i = 0; i < w.length; i += 2) {
            double yr = y[i];
            double yi = y[i + 1];
            double s = (yr * yr + yi * yi) * inv;
            f.response(s, r);
            double ar = r[0] + s * r[2];
            double ai = r[1] + s * r[3];
            double y2r = yr * yr - yi * yi;
            double y2i = 2 * yr * yi;
            double br = (y2r * r[2] - y2i * r[3]) * inv;
            double bi = (y2r * r[3] + y2i * r[2]) * inv;
            double wr = w[i];
            double wi = w[i + 1];
            double pr = wr * ar - wi * ai;
            double pi = wr * ai + wi * ar;
            double qr = wr * br - wi * bi;
            double qi = wr * bi + wi * br;
            v[i] = pr + qr;
            v[i + 1] = pi - qi;
        }
        return v;
    }
}
