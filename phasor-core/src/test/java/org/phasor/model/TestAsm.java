package org.phasor.model;

import org.phasor.math.ComplexArray;
import org.phasor.math.fft.Fft2;
import org.phasor.math.fft.FftBackends;
import org.phasor.optics.Grid;
import org.phasor.optics.LinearOp;

/**
 * A plain (circular, unpadded) angular-spectrum propagator for the model's own tests, so they check the network
 * algebra independently of the production propagators: M = F⁻¹·diag(H)·F, Mᴴ = F⁻¹·diag(H*)·F, and Mᵀ = M because
 * H(f) = H(−f) on the fftfreq grid (the transfer function only depends on fx² + fy²).
 */
record TestAsm(Grid grid, double z) implements LinearOp {

    @Override
    public void apply(ComplexArray a) {
        run(a, false);
    }

    @Override
    public void applyAdjoint(ComplexArray a) {
        run(a, true);
    }

    @Override
    public void applyTranspose(ComplexArray a) {
        run(a, false);
    }

    private void run(ComplexArray a, boolean conj) {
        Fft2 fft = FftBackends.java().plan(grid.ny(), grid.nx(), a.precision());
        fft.forward(a);
        double k2 = 1 / (grid.wavelength() * grid.wavelength());
        for (int b = 0; b < a.batch(); b++) {
            for (int y = 0; y < grid.ny(); y++) {
                for (int x = 0; x < grid.nx(); x++) {
                    double q = k2 - grid.fx(x) * grid.fx(x) - grid.fy(y) * grid.fy(y);
                    double hr;
                    double hi;
                    if (q >= 0) {
                        double ph = 2 * Math.PI * z * Math.sqrt(q);
                        hr = Math.cos(ph);
                        hi = conj ? -Math.sin(ph) : Math.sin(ph);
                    } else {
                        hr = Math.exp(-2 * Math.PI * z * Math.sqrt(-q));
                        hi = 0;
                    }
                    long i = a.index(b, y, x);
                    double re = a.re(i);
                    double im = a.im(i);
                    a.set(i, re * hr - im * hi, re * hi + im * hr);
                }
            }
        }
        fft.inverse(a);
    }
}
