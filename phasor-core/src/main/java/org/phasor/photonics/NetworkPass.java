package org.phasor.photonics;

/**
 * One data pass and one error pass of a {@link NetworkShape} over a batch, through any {@link CoreAccess}:
 * the exact model (in silico), a chip bench (fully forward: both passes measured), or a mix (physics-aware:
 * bench forward, model backward via {@link #retap}). Buffers are owned by this object and reused while the
 * batch size stays the same.
 *
 * <p>Data pass: x₀ → y_l = M_l·x_l, z_l = first modes[l+1] of y_l, x_{l+1} = f(z_l); logits = s·|y_L,c|²/Σ_k|y_L,k|² (ratio read-out, insensitive to overall chip loss).
 * Error pass: g = ∂L/∂y* = (∂L/∂I_c)·y_c / B on the class ports; the core is run backwards with conj(g),
 * which yields conj(∂L/∂x*) at its inputs (Mᵀ = M for symmetric cores, PHYSICS.md) and, with the data-pass
 * taps, ∂L/∂φ for every heater ({@link OpticalPath#accumulateGradient}); then g is multiplied by the
 * activation's derivative at the recorded z (nonlinear FFM) and the previous core is next.
 */
public final class NetworkPass {
    private final NetworkShape shape;
    private int batch = -1;
    private double[][][] xs, ys, zs, taps, vtaps, err, atIn, modelOut;
    private boolean patMode;
    private double[][] probs, power;
    private double[] totals;
    /** Keeps the normalised read-out finite when no light reaches the class ports. */
    private static final double READOUT_EPS = 1e-12;
    private int[] labels;

    public NetworkPass(NetworkShape shape) {
        this.shape = shape;
    }

    private void ensure(int b, CoreAccess access) {
        if (b == batch) {
            return;
        }
        int l = shape.cores();
        xs = new double[l][b][];
        ys = new double[l][b][];
        zs = new double[l][b][];
        taps = new double[l][b][];
        vtaps = new double[l][b][];
        err = new double[l][b][];
        atIn = new double[l][b][];
        modelOut = new double[l][b][];
        for (int c = 0; c < l; c++) {
            int n = shape.modes()[c];
            int t = access.path(c).taps();
            for (int i = 0; i < b; i++) {
                xs[c][i] = new double[2 * n];
                ys[c][i] = new double[2 * n];
                zs[c][i] = new double[2 * n];
                taps[c][i] = new double[2 * t];
                vtaps[c][i] = new double[2 * t];
                err[c][i] = new double[2 * n];
                atIn[c][i] = new double[2 * n];
                modelOut[c][i] = new double[2 * n];
            }
        }
        probs = new double[b][shape.classes()];
        power = new double[b][shape.classes()];
        totals = new double[b];
        batch = b;
    }

    /**
     * Data pass. {@code inputs[b]} are interleaved fields for the first core (length 2·modes[0]);
     * {@code labels} may be null (inference). Returns the mean cross-entropy (NaN without labels).
     */
    public double forward(CoreAccess access, double[][] inputs, int[] labels) {
        int b = inputs.length;
        ensure(b, access);
        patMode = false;
        this.labels = labels;
        for (int i = 0; i < b; i++) {
            System.arraycopy(inputs[i], 0, xs[0][i], 0, xs[0][i].length);
        }
        for (int c = 0; c < shape.cores(); c++) {
            access.forward(c, xs[c], ys[c], taps[c]);
            if (c + 1 < shape.cores()) {
                int next = shape.modes()[c + 1], keep = Math.min(next, shape.modes()[c]);
                for (int i = 0; i < b; i++) {
                    java.util.Arrays.fill(zs[c][i], 0);
                    System.arraycopy(ys[c][i], 0, zs[c][i], 0, 2 * keep);
                    java.util.Arrays.fill(xs[c + 1][i], 0);
                    shape.activation().forward(zs[c][i], xs[c + 1][i], keep);
                }
            }
        }
        double loss = 0;
        double[][] y = ys[shape.cores() - 1];
        for (int i = 0; i < b; i++) {
            double total = READOUT_EPS;
            for (int k = 0; k < shape.classes(); k++) {
                power[i][k] = y[i][2 * k] * y[i][2 * k] + y[i][2 * k + 1] * y[i][2 * k + 1];
                total += power[i][k];
            }
            totals[i] = total;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < shape.classes(); k++) {
                probs[i][k] = shape.logitScale() * power[i][k] / total;
                max = Math.max(max, probs[i][k]);
            }
            double sum = 0;
            for (int k = 0; k < shape.classes(); k++) {
                probs[i][k] = Math.exp(probs[i][k] - max);
                sum += probs[i][k];
            }
            for (int k = 0; k < shape.classes(); k++) {
                probs[i][k] /= sum;
            }
            if (labels != null) {
                loss -= Math.log(Math.max(probs[i][labels[i]], 1e-300));
            }
        }
        return labels == null ? Double.NaN : loss / b;
    }

    /**
     * Physics-aware training: keep the measured core inputs and the measured loss derivative ∂L/∂I, but take
     * the fields of the backward pass — taps, the output field that carries the phase of the error, and the
     * activation inputs — from {@code model} run on those measured inputs. (Mixing a measured output phase with
     * model taps would pair fields from two different systems: the relative phase is arbitrary.)
     */
    public void retap(CoreAccess model) {
        for (int c = 0; c < shape.cores(); c++) {
            model.forward(c, xs[c], modelOut[c], taps[c]);
        }
        patMode = true;
    }

    /** Error pass; adds ∂L/∂φ (per heater, mean loss) of core l into grads[l]. */
    public void backward(CoreAccess access, double[][] grads) {
        if (labels == null) {
            throw new IllegalStateException("backward needs a forward pass with labels");
        }
        int last = shape.cores() - 1;
        for (int i = 0; i < batch; i++) {
            double[] e = err[last][i];
            java.util.Arrays.fill(e, 0);
            double[] y = patMode ? modelOut[last][i] : ys[last][i];
            // logits z_k = s·I_k/S, S = Σ I: ∂L/∂I_c = (s/S)·(d_c − Σ_k d_k·I_k/S), d = p − onehot
            double dot = 0;
            for (int k = 0; k < shape.classes(); k++) {
                dot += (probs[i][k] - (labels[i] == k ? 1 : 0)) * power[i][k];
            }
            dot /= totals[i];
            for (int k = 0; k < shape.classes(); k++) {
                double d = probs[i][k] - (labels[i] == k ? 1 : 0);
                double dI = shape.logitScale() / totals[i] * (d - dot) / batch;
                e[2 * k] = dI * y[2 * k];          // conj(∂L/∂y*) = dI·conj(y)
                e[2 * k + 1] = -dI * y[2 * k + 1];
            }
        }
        for (int c = last; c >= 0; c--) {
            access.reverse(c, err[c], atIn[c], vtaps[c]);
            OpticalPath p = access.path(c);
            for (int i = 0; i < batch; i++) {
                p.accumulateGradient(taps[c][i], vtaps[c][i], grads[c]);
            }
            if (c > 0) {
                int keep = Math.min(shape.modes()[c], shape.modes()[c - 1]);
                for (int i = 0; i < batch; i++) {
                    double[] gx = atIn[c][i];          // conj(∂L/∂x*)
                    for (int j = 1; j < gx.length; j += 2) {
                        gx[j] = -gx[j];
                    }
                    double[] gz = err[c - 1][i];
                    java.util.Arrays.fill(gz, 0);
                    shape.activation().backward(patMode ? modelOut[c - 1][i] : zs[c - 1][i], gx, gz, keep);
                    for (int j = 1; j < gz.length; j += 2) {
                        gz[j] = -gz[j];                 // back to conj(·) for launching
                    }
                }
            }
        }
    }

    /** Class probabilities of the last forward pass, [b][classes]. */
    public double[][] probabilities() {
        return probs;
    }

    /** Arg-max class per item of the last forward pass. */
    public int[] predictions() {
        int[] out = new int[batch];
        for (int i = 0; i < batch; i++) {
            int best = 0;
            for (int k = 1; k < shape.classes(); k++) {
                if (probs[i][k] > probs[i][best]) {
                    best = k;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /** Measured or simulated input fields of core l from the last forward pass (for inspection). */
    public double[][] coreInputs(int core) {
        return xs[core];
    }
}
