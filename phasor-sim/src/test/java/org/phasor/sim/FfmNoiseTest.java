package org.phasor.sim;

import org.junit.jupiter.api.Test;
import org.phasor.bench.BenchCalibration;
import org.phasor.bench.BenchDescription;
import org.phasor.bench.ComplexFrames;
import org.phasor.bench.FullyForward;
import org.phasor.bench.Holography;
import org.phasor.bench.IntensityObjective;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With camera noise on (the lab camera: QE 0.64, 2.47 e⁻ read noise, 12-bit ADC, 10 000 e⁻ full well) and nothing
 * else wrong, the FFM gradient deviates from the adjoint gradient, and the deviation falls as the photon budget
 * grows (shot noise ∝ 1/√photons). Prints the table that docs/results.md reports.
 */
class FfmNoiseTest {
    static final int N = 32;
    static final int LAYERS = 4;

    @Test
    void deviationFallsWithPhotonBudget() {
        BenchDescription d = Rig.description(N, LAYERS, 2e-3);
        double[][] phases = Rig.levelPhases(LAYERS, N * N, 21);
        ComplexFrames in = Rig.inputs(4, N, 8);
        double[] target = new double[N * N];
        SplittableRandom r = new SplittableRandom(4);
        for (int i = 0; i < target.length; i++) {
            target[i] = 0.2 * r.nextDouble();
        }
        IntensityObjective mse = (intensity, batch, pixels, dLdI) -> {
            double l = 0;
            for (int i = 0; i < batch * pixels; i++) {
                double diff = intensity[i] - target[i % pixels];
                l += diff * diff;
                dLdI[i] = 2 * diff;
            }
            return l;
        };
        double[][] exact = FfmGradientTest.adjointGradient(d, List.of(), phases, in, target, N);
        Imperfections camera = new Imperfections(5, 0, 0, 0, 1, 1, 0, 0, 0, 1000, 0.64, 2.47, 12, 10000, false, 0, 0, 0,
                "lab camera only");
        double[] budgets = {1e2, 1e3, 1e4, 1e5, 1e6};
        double[] dev = new double[budgets.length];
        StringBuilder table = new StringBuilder("| photons per pixel (unit intensity) | relative L2 deviation | mean |Δg| / mean |g| |\n|---|---|---|\n");
        for (int k = 0; k < budgets.length; k++) {
            // full well scales with the exposure so the reference-arm interference never saturates
            Imperfections imp = new Imperfections(camera.seed(), 0, 0, 0, 1, 1, 0, 0, 0, budgets[k], 0.64, 2.47, 12,
                    10 * budgets[k] * 0.64, false, 0, 0, 0, "camera");
            SimulatedBench bench = new SimulatedBench(d, imp, Rig.PROP);
            FullyForward ffm = new FullyForward(bench, BenchCalibration.nominal(d), new Holography(4, LAYERS + 2), List.of());
            ffm.program(phases);
            double[][] g = ffm.gradient(in, mse).gradient();
            double num = 0;
            double den = 0;
            double absDiff = 0;
            double abs = 0;
            for (int l = 0; l < LAYERS; l++) {
                for (int i = 0; i < N * N; i++) {
                    double diff = g[l][i] - exact[l][i];
                    num += diff * diff;
                    den += exact[l][i] * exact[l][i];
                    absDiff += Math.abs(diff);
                    abs += Math.abs(exact[l][i]);
                }
            }
            dev[k] = Math.sqrt(num / den);
            table.append(String.format(Locale.ROOT, "| %.0e | %.4f | %.4f |%n", budgets[k], dev[k], absDiff / abs));
        }
        System.out.print(table);
        for (int k = 1; k < budgets.length; k++) {
            assertTrue(dev[k] < dev[k - 1], "deviation should fall with photons: " + table);
        }
        assertTrue(dev[budgets.length - 1] < 0.1, table.toString());
    }
}
