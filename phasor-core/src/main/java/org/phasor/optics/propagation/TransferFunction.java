package org.phasor.optics.propagation;

import java.util.List;

/**
 * A sampled free-space transfer function H(fx, fy) on the (possibly zero-padded) FFT window, in the DFT's
 * {@code fftfreq} order, stored as interleaved (re, im) doubles of length 2·(pad·ny)·(pad·nx). Immutable.
 *
 * <p>Conventions (docs/physics.md): time dependence exp(−iωt), so propagation over +z multiplies the angular
 * spectrum by exp(+i·2πz·sqrt(1/λ² − f²)). H depends on f only through fx² and fy², so H(−f) = H(f): this is why
 * free space is reciprocal (its transpose equals itself).
 */
public final class TransferFunction {
    private final TransferKey key;
    private final double[] h;
    private final List<String> warnings;

    private TransferFunction(TransferKey key, double[] h, List<String> warnings) {
        this.key = key;
        this.h = h;
        this.warnings = List.copyOf(warnings);
    }

    /** Computes H for a resolved method (ASM, BL_ASM or FRESNEL) and its sampling warnings. */
    public static TransferFunction compute(TransferKey key) {
        Method method = key.method();
        if (method == Method.AUTO || method == Method.FRAUNHOFER) {
            throw new IllegalArgumentException("no fixed-sampling transfer function for method " + method
                    + " (resolve auto first; fraunhofer changes the grid)");
        }
        double z = key.distance();
        if (!(z >= 0) || !Double.isFinite(z)) {
            throw new IllegalArgumentException("propagation distance must be a finite number ≥ 0 metres, got " + z);
        }
        if (key.pad() < 1 || key.pad() > 2) {
            throw new IllegalArgumentException("zero padding factor must be 1 or 2, got " + key.pad());
        }
        int px = key.nx() * key.pad();
        int py = key.ny() * key.pad();
        double lambda = key.wavelength();
        double invL2 = 1 / (lambda * lambda);
        double k = 2 * Math.PI / lambda;
        double limX = Double.POSITIVE_INFINITY;
        double limY = Double.POSITIVE_INFINITY;
        if (method == Method.BL_ASM) {
            limX = SamplingCheck.bandLimit(lambda, z, px * key.dx());
            limY = SamplingCheck.bandLimit(lambda, z, py * key.dy());
        }
        double[] h = new double[2 * px * py];
        double[] fx = new double[px];
        for (int ix = 0; ix < px; ix++) {
            fx[ix] = org.phasor.optics.Grid.fftFrequency(ix, px, key.dx());
        }
        for (int iy = 0; iy < py; iy++) {
            double fy = org.phasor.optics.Grid.fftFrequency(iy, py, key.dy());
            int row = 2 * iy * px;
            if (Math.abs(fy) > limY) {
                continue; // stays zero
            }
            for (int ix = 0; ix < px; ix++) {
                double f = fx[ix];
                if (Math.abs(f) > limX) {
                    continue;
                }
                double re;
                double im;
                if (method == Method.FRESNEL) {
                    double phase = k * z - Math.PI * lambda * z * (f * f + fy * fy);
                    re = Math.cos(phase);
                    im = Math.sin(phase);
                } else {
                    double arg = invL2 - f * f - fy * fy;
                    if (arg >= 0) {
                        double phase = 2 * Math.PI * z * Math.sqrt(arg);
                        re = Math.cos(phase);
                        im = Math.sin(phase);
                    } else {
                        re = Math.exp(-2 * Math.PI * z * Math.sqrt(-arg)); // evanescent: decays, real
                        im = 0;
                    }
                }
                h[row + 2 * ix] = re;
                h[row + 2 * ix + 1] = im;
            }
        }
        return new TransferFunction(key, h, SamplingCheck.check(key));
    }

    public TransferKey key() {
        return key;
    }

    /** Interleaved H on the FFT window; shared, do not modify. */
    double[] values() {
        return h;
    }

    /** A copy of the interleaved values (for tests and plots). */
    public double[] copyValues() {
        return h.clone();
    }

    /** Sampling warnings for this function (empty when used inside its validity range). */
    public List<String> warnings() {
        return warnings;
    }
}
