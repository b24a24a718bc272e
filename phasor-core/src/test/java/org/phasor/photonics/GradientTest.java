package org.phasor.photonics;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Finite-difference checks (double, central differences) of every differentiable photonic op. */
class GradientTest {

    static double[][] randomInputs(int b, int n, SplittableRandom rng) {
        double[][] x = new double[b][2 * n];
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = 0.4 * rng.nextGaussian();
            }
        }
        return x;
    }

    static double[][] randomPhases(NetworkShape shape, SplittableRandom rng) {
        double[][] p = new double[shape.cores()][];
        for (int c = 0; c < shape.cores(); c++) {
            p[c] = new double[shape.heaters(c)];
            for (int h = 0; h < p[c].length; h++) {
                p[c][h] = 2 * Math.PI * rng.nextDouble();
            }
        }
        return p;
    }

    static double loss(PhotonicModel model, double[][] phases, double[][] x, int[] labels) {
        for (int c = 0; c < phases.length; c++) {
            model.program(c, phases[c]);
        }
        return new NetworkPass(model.shape()).forward(model, x, labels);
    }

    @Test
    void heaterGradientsOfANonlinearNetworkMatchFiniteDifferences() {
        for (String layout : new String[] {"clements", "reck"}) {
            SplittableRandom rng = new SplittableRandom(11);
            NetworkShape shape = new NetworkShape(layout, new int[] {6, 6, 4}, Activation.kerr(1.3), 3, 4.0);
            PhotonicModel model = new PhotonicModel(shape);
            double[][] phases = randomPhases(shape, rng);
            double[][] x = randomInputs(5, 6, rng);
            int[] labels = {0, 2, 1, 1, 0};
            loss(model, phases, x, labels);
            NetworkPass pass = new NetworkPass(shape);
            pass.forward(model, x, labels);
            double[][] grads = new double[shape.cores()][];
            for (int c = 0; c < shape.cores(); c++) {
                grads[c] = new double[shape.heaters(c)];
            }
            pass.backward(model, grads);
            double h = 1e-5;
            for (int c = 0; c < shape.cores(); c++) {
                double num = 0, den = 0;
                for (int k = 0; k < grads[c].length; k++) {
                    double keep = phases[c][k];
                    phases[c][k] = keep + h;
                    double lp = loss(model, phases, x, labels);
                    phases[c][k] = keep - h;
                    double lm = loss(model, phases, x, labels);
                    phases[c][k] = keep;
                    double fd = (lp - lm) / (2 * h);
                    num += (fd - grads[c][k]) * (fd - grads[c][k]);
                    den += fd * fd;
                }
                double rel = Math.sqrt(num / den);
                assertTrue(rel <= 1e-6, layout + " core " + c + ": relative gradient error " + rel);
            }
        }
    }

    @Test
    void kerrActivationBackwardMatchesFiniteDifferences() {
        Activation f = Activation.kerr(0.9);
        SplittableRandom rng = new SplittableRandom(2);
        int n = 4;
        double[] z = randomInputs(1, n, rng)[0];
        double[] w = randomInputs(1, n, rng)[0];
        // L = Σ Re(conj(w)·f(z)) + |f(z)|⁴-ish: use L = Σ |f − w|²
        double[] fz = new double[2 * n];
        f.forward(z, fz, n);
        double[] g = new double[2 * n];
        for (int j = 0; j < 2 * n; j++) {
            g[j] = fz[j] - w[j];                  // ∂L/∂f* = f − w
        }
        double[] gz = new double[2 * n];
        f.backward(z, g, gz, n);
        double h = 1e-6;
        for (int j = 0; j < 2 * n; j++) {
            double keep = z[j];
            z[j] = keep + h;
            double lp = dist(f, z, w, n);
            z[j] = keep - h;
            double lm = dist(f, z, w, n);
            z[j] = keep;
            double fd = (lp - lm) / (2 * h);       // ∂L/∂Re z or ∂L/∂Im z = 2·Re/Im of ∂L/∂z*
            assertEquals(fd, 2 * gz[j], 1e-7 * Math.max(1, Math.abs(fd)));
        }
    }

    private static double dist(Activation f, double[] z, double[] w, int n) {
        double[] fz = new double[2 * n];
        f.forward(z, fz, n);
        double s = 0;
        for (int j = 0; j < 2 * n; j++) {
            s += (fz[j] - w[j]) * (fz[j] - w[j]);
        }
        return s;
    }

    @Test
    void reverseRunIsTheAdjointUpToConjugation() {
        // ⟨M a, b⟩ = ⟨a, Mᴴ b⟩ with Mᴴ b = conj(reverse(conj b)) — the adjoint test of the mesh op.
        SplittableRandom rng = new SplittableRandom(8);
        MeshLayout layout = MeshLayout.clements(7);
        OpticalPath p = Mesh.path(layout, Fabrication.random(layout, 0.03, 0.2, 0.1, 0, rng));
        double[] cis = new double[2 * p.heaters()];
        double[] ph = new double[p.heaters()];
        for (int i = 0; i < ph.length; i++) {
            ph[i] = rng.nextDouble() * 6;
        }
        p.cis(ph, cis);
        double[] a = randomInputs(1, 7, rng)[0], b = randomInputs(1, 7, rng)[0];
        double[] ma = a.clone();
        p.forward(cis, ma, null, null);
        double[] mhb = b.clone();
        for (int j = 1; j < 14; j += 2) {
            mhb[j] = -mhb[j];
        }
        p.reverse(cis, mhb, null);
        for (int j = 1; j < 14; j += 2) {
            mhb[j] = -mhb[j];
        }
        double[] lhs = inner(ma, b), rhs = inner(a, mhb);
        assertEquals(lhs[0], rhs[0], 1e-14);
        assertEquals(lhs[1], rhs[1], 1e-14);
    }

    /** ⟨x, y⟩ = Σ conj(x)·y. */
    static double[] inner(double[] x, double[] y) {
        double r = 0, i = 0;
        for (int j = 0; j < x.length; j += 2) {
            r += x[j] * y[j] + x[j + 1] * y[j + 1];
            i += x[j] * y[j + 1] - x[j + 1] * y[j];
        }
        return new double[] {r, i};
    }
}
