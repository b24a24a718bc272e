package org.phasor.photonics.ep;

import org.junit.jupiter.api.Test;
import org.phasor.photonics.bench.CoherentDetection;
import org.phasor.photonics.train.ParticleSwarm;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EpSearchTest {
    static final CoupledWaveguides DEVICE = CoupledWaveguides.paper();

    @Test
    void eigenvaluesCoalesceAtTheAnalyticPointAndStepMatrixIsExact() {
        double[] ep = DEVICE.exceptionalPoint();
        assertEquals(3.8, ep[0], 1e-15);
        double[] lam = DEVICE.eigenvalue(ep[0], ep[1]);
        assertEquals(0, Math.hypot(lam[0], lam[1]), 1e-7);
        // exp(iHΔz) by a fine Taylor series vs the closed form, away from and at the EP
        for (double[] p : new double[][] {{4.5, 0.3}, {3.8, 0}, {1.0, -0.7}}) {
            double[] m = DEVICE.stepMatrix(p[0], p[1]);
            double[] ref = taylor(p[0], p[1]);
            for (int k = 0; k < 8; k++) {
                assertEquals(ref[k], m[k], 1e-13);
            }
        }
    }

    private static double[] taylor(double g, double d) {
        double dz = DEVICE.dz(), k = DEVICE.kappa();
        // A = iHΔz
        double[] a = {-g / 2 * dz, d * dz, 0, k * dz, 0, k * dz, g / 2 * dz, -d * dz};
        double[] sum = {1, 0, 0, 0, 0, 0, 1, 0}, term = sum.clone();
        for (int n = 1; n < 40; n++) {
            double[] t = new double[8];
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 2; c++) {
                    for (int j = 0; j < 2; j++) {
                        double xr = term[2 * (2 * r + j)], xi = term[2 * (2 * r + j) + 1];
                        double yr = a[2 * (2 * j + c)], yi = a[2 * (2 * j + c) + 1];
                        t[2 * (2 * r + c)] += (xr * yr - xi * yi) / n;
                        t[2 * (2 * r + c) + 1] += (xr * yi + xi * yr) / n;
                    }
                }
            }
            term = t;
            for (int q = 0; q < 8; q++) {
                sum[q] += term[q];
            }
        }
        return sum;
    }

    @Test
    void measuredGradientMatchesFiniteDifferencesOfTheMeasuredLoss() {
        WaveguideChip chip = new WaveguideChip(DEVICE, 0, 0, 1);
        EpSearch s = new EpSearch(chip, new CoherentDetection(4, 1.0), DEVICE.dz(), DEVICE.exceptionalPoint());
        for (double[] p : new double[][] {{4.6, 0.4}, {3.0, -0.5}, {3.9, 0.05}}) {
            double[] g = new double[2];
            s.measure(p, g);
            double h = 1e-6;
            for (int k = 0; k < 2; k++) {
                double[] pp = p.clone(), pm = p.clone();
                pp[k] += h;
                pm[k] -= h;
                double fd = (s.measure(pp, null) - s.measure(pm, null)) / (2 * h);
                // trapezoid rule over the 16 tap planes: O((λΔz)²) relative error
                assertEquals(fd, g[k], 2e-2 * Math.hypot(g[0], g[1]), "component " + k + " at " + p[0] + "," + p[1]);
            }
        }
    }

    /** Must-show: the EP is found within 1 % from at least 5 random starts, from noisy measurements. */
    @Test
    void gradientSearchFindsTheEpFromRandomStarts() {
        SplittableRandom rng = new SplittableRandom(42);
        for (int start = 0; start < 6; start++) {
            WaveguideChip chip = new WaveguideChip(DEVICE, 1e-3, 1e-4, 100 + start);
            EpSearch s = new EpSearch(chip, new CoherentDetection(3, 1.0), DEVICE.dz(), DEVICE.exceptionalPoint());
            double[] p0 = {2.5 + 3 * rng.nextDouble(), -0.8 + 1.6 * rng.nextDouble()};
            EpSearch.Found f = s.gradientSearch(p0, 200, 0.1);
            assertTrue(f.relDistance() <= 0.01, "start " + p0[0] + "," + p0[1] + " ended at " + f.gamma() + "," + f.delta()
                    + " (" + f.relDistance() + ")");
        }
    }

    @Test
    void swarmAlsoFindsItButWithMoreMeasurements() {
        WaveguideChip chip = new WaveguideChip(DEVICE, 1e-3, 1e-4, 7);
        EpSearch s = new EpSearch(chip, new CoherentDetection(3, 1.0), DEVICE.dz(), DEVICE.exceptionalPoint());
        EpSearch.Found f = s.swarm(ParticleSwarm.standard(16), new double[] {2, -1}, new double[] {6, 1}, 60, 3);
        assertTrue(f.relDistance() <= 0.01, "PSO ended at " + f.gamma() + "," + f.delta());
    }
}
