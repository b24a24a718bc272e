package org.phasor.benchmarks;

import org.junit.jupiter.api.Test;
import org.phasor.math.Precision;
import org.phasor.math.fft.FftBackends;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fused D2NN step's adjoint gradient against central finite differences (complex128, 1e-6 relative). */
class D2nnKernelStepTest {

    /**
     * Directional derivatives along a random direction per layer: summing over all pixels keeps the finite
     * difference far above the loss's rounding noise (single pixels' derivatives are ~1e-7 of the loss).
     */
    @Test
    void gradientMatchesFiniteDifferences() {
        for (String backend : new String[]{"java", "fftw"}) {
            D2nnKernelStep step = new D2nnKernelStep(FftBackends.select(backend, s -> { }), Precision.DOUBLE, 16, 3, 3, 5);
            step.forwardBackward();
            double[][] grads = new double[3][];
            for (int l = 0; l < 3; l++) {
                grads[l] = step.gradient(l).clone(); // later evaluations overwrite the step's gradient
            }
            SplittableRandom rnd = new SplittableRandom(3);
            for (int l = 0; l < 3; l++) {
                double[] g = grads[l];
                double[] p = step.phase(l);
                double[] p0 = p.clone();
                double[] d = new double[p.length];
                double analytic = 0;
                for (int i = 0; i < d.length; i++) {
                    d[i] = rnd.nextDouble(-1, 1);
                    analytic += g[i] * d[i];
                }
                double h = 1e-5;
                for (int i = 0; i < p.length; i++) {
                    p[i] = p0[i] + h * d[i];
                }
                double up = step.forwardBackward();
                for (int i = 0; i < p.length; i++) {
                    p[i] = p0[i] - h * d[i];
                }
                double down = step.forwardBackward();
                System.arraycopy(p0, 0, p, 0, p.length);
                double fd = (up - down) / (2 * h);
                assertEquals(fd, analytic, 1e-6 * Math.abs(fd), backend + " layer " + l);
            }
        }
    }

    @Test
    void sgdStepsLowerTheLoss() {
        D2nnKernelStep step = new D2nnKernelStep(FftBackends.java(), Precision.SINGLE, 32, 2, 4, 9);
        double first = step.step(0);
        double lr = 0.1 / maxAbs(step.gradient(0));
        double loss = first;
        for (int k = 0; k < 5; k++) {
            loss = step.step(lr);
        }
        assertTrue(loss < first, "loss " + first + " → " + loss);
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
