package org.phasor.photonics;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The element-parameter adjoint ({@link OpticalPath#parameterGradient}) and the calibration fit objective
 * ({@link CalibratedModel#fitLoss}): adjoint identity and central finite differences.
 */
class CalibrationGradientTest {

    /** L = Σ |M x − t|² for a tagged folded core with random fabrication; compared with FD in each parameter. */
    @Test
    void elementParameterGradientsMatchFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(5);
        MeshLayout layout = MeshLayout.clements(5);
        Fabrication fab = Fabrication.random(layout, 0.05, 0.2, 0.1, 0.05, rng);
        double[] phases = new double[layout.heaters()];
        for (int i = 0; i < phases.length; i++) {
            phases[i] = 2 * Math.PI * rng.nextDouble();
        }
        double[] x0 = GradientTest.randomInputs(1, 5, rng)[0], t = GradientTest.randomInputs(1, 5, rng)[0];
        OpticalPath p = SymmetricCore.taggedPath(layout, fab);
        assertEquals(2 * layout.mzis(), p.couplerParams());
        assertEquals(layout.columns() * 5 + 5, p.diagonalParams());
        double[] gPhase = new double[p.heaters()], gCoupler = new double[p.couplerParams()], gDiag = new double[2 * p.diagonalParams()];
        double[] cis = new double[2 * p.heaters()];
        p.cis(phases, cis);
        double[] y = x0.clone();
        p.forward(cis, y, null, null);
        double[] e = new double[10];
        for (int i = 0; i < 10; i += 2) {
            e[i] = y[i] - t[i];
            e[i + 1] = -(y[i + 1] - t[i + 1]);
        }
        // adjoint identity: the reverse field of the parameterGradient run is Mᵀe; check ⟨e, M x⟩ = ⟨Mᵀe, x⟩ (bilinear)
        double[] xx = x0.clone(), ee = e.clone();
        p.parameterGradient(cis, xx, ee, gPhase, gCoupler, gDiag, new double[p.scratchSize()]);
        double[] lhs = bilinear(e, y), rhs = bilinear(ee, x0);
        assertEquals(lhs[0], rhs[0], 1e-12);
        assertEquals(lhs[1], rhs[1], 1e-12);

        double h = 1e-6;
        // couplers: α with √η = cos α
        for (int k = 0; k < p.couplerParams(); k++) {
            double a = Math.acos(Math.sqrt(fab.couplerEta()[k]));
            double[] etaP = fab.couplerEta().clone(), etaM = fab.couplerEta().clone();
            etaP[k] = Math.pow(Math.cos(a + h), 2);
            etaM[k] = Math.pow(Math.cos(a - h), 2);
            double fd = (loss(layout, new Fabrication(etaP, fab.columnLoss(), fab.mirrorAmp(), fab.mirrorPhase()), phases, x0, t)
                    - loss(layout, new Fabrication(etaM, fab.columnLoss(), fab.mirrorAmp(), fab.mirrorPhase()), phases, x0, t)) / (2 * h);
            assertEquals(fd, gCoupler[k], 1e-6 * (1 + Math.abs(fd)), "coupler " + k);
        }
        // column losses (real factors): ∂L/∂t = gDiag re part
        for (int i = 0; i < fab.columnLoss().length; i++) {
            double[] lp = fab.columnLoss().clone(), lm = fab.columnLoss().clone();
            lp[i] += h;
            lm[i] -= h;
            double fd = (loss(layout, new Fabrication(fab.couplerEta(), lp, fab.mirrorAmp(), fab.mirrorPhase()), phases, x0, t)
                    - loss(layout, new Fabrication(fab.couplerEta(), lm, fab.mirrorAmp(), fab.mirrorPhase()), phases, x0, t)) / (2 * h);
            assertEquals(fd, gDiag[2 * i], 1e-6 * (1 + Math.abs(fd)), "loss " + i);
        }
        // mirror phase ψ: f = a·e^{iψ}, ∂L/∂ψ = a(−gRe sin ψ + gIm cos ψ)
        int base = fab.columnLoss().length;
        for (int m = 0; m < 5; m++) {
            double[] pp = fab.mirrorPhase().clone(), pm = fab.mirrorPhase().clone();
            pp[m] += h;
            pm[m] -= h;
            double fd = (loss(layout, new Fabrication(fab.couplerEta(), fab.columnLoss(), fab.mirrorAmp(), pp), phases, x0, t)
                    - loss(layout, new Fabrication(fab.couplerEta(), fab.columnLoss(), fab.mirrorAmp(), pm), phases, x0, t)) / (2 * h);
            double a = fab.mirrorAmp()[m], psi = fab.mirrorPhase()[m];
            double an = a * (-gDiag[2 * (base + m)] * Math.sin(psi) + gDiag[2 * (base + m) + 1] * Math.cos(psi));
            assertEquals(fd, an, 1e-6 * (1 + Math.abs(fd)), "mirror phase " + m);
        }
        // heater phases
        for (int k = 0; k < phases.length; k++) {
            double[] pp = phases.clone(), pm = phases.clone();
            pp[k] += h;
            pm[k] -= h;
            double fd = (loss(layout, fab, pp, x0, t) - loss(layout, fab, pm, x0, t)) / (2 * h);
            assertEquals(fd, gPhase[k], 1e-6 * (1 + Math.abs(fd)), "heater " + k);
        }
    }

    private static double[] bilinear(double[] a, double[] b) {
        double re = 0, im = 0;
        for (int i = 0; i < a.length; i += 2) {
            re += a[i] * b[i] - a[i + 1] * b[i + 1];
            im += a[i] * b[i + 1] + a[i + 1] * b[i];
        }
        return new double[] {re, im};
    }

    private static double loss(MeshLayout layout, Fabrication fab, double[] phases, double[] x0, double[] t) {
        OpticalPath p = SymmetricCore.taggedPath(layout, fab);
        double[] cis = new double[2 * p.heaters()];
        p.cis(phases, cis);
        double[] y = x0.clone();
        p.forward(cis, y, null, null);
        double l = 0;
        for (int i = 0; i < y.length; i++) {
            l += (y[i] - t[i]) * (y[i] - t[i]);
        }
        return l;
    }

    /** The calibration objective's gradient in every parameter of a perturbed model. */
    @Test
    void calibrationFitGradientMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(9);
        NetworkShape shape = new NetworkShape("clements", new int[] {4}, Activation.none(), 2, 1.0);
        CalibratedModel model = new CalibratedModel(shape);
        double[] p = model.parameters(0);
        for (int i = 0; i < p.length; i++) {
            p[i] += 0.05 * rng.nextGaussian();
        }
        model.setParameters(0, p);
        int h = shape.heaters(0);
        double[][] s = new double[3][h];
        double[][][] m = new double[3][4][8];
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < h; i++) {
                s[k][i] = 2 * Math.PI * rng.nextDouble();
            }
            for (int j = 0; j < 4; j++) {
                for (int i = 0; i < 8; i++) {
                    m[k][j][i] = 0.3 * rng.nextGaussian();
                }
            }
        }
        double[] g = new double[p.length];
        model.fitLoss(0, s, m, g);
        double[] scratch = new double[p.length];
        double eps = 1e-6, worst = 0;
        for (int i = 0; i < p.length; i++) {
            double[] pp = p.clone(), pm = p.clone();
            pp[i] += eps;
            pm[i] -= eps;
            model.setParameters(0, pp);
            double lp = model.fitLoss(0, s, m, scratch);
            model.setParameters(0, pm);
            double lm = model.fitLoss(0, s, m, scratch);
            double fd = (lp - lm) / (2 * eps);
            worst = Math.max(worst, Math.abs(fd - g[i]) / (1e-4 + Math.abs(fd)));
        }
        assertTrue(worst < 1e-5, "worst relative FD mismatch " + worst);
    }

    /** The calibrated twin's command gradient (gain + crosstalk chain) against FD of the network loss. */
    @Test
    void calibratedTwinCommandGradientMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(13);
        NetworkShape shape = new NetworkShape("clements", new int[] {5, 4}, Activation.kerr(1.0), 3, 4.0);
        CalibratedModel model = new CalibratedModel(shape);
        for (int c = 0; c < shape.cores(); c++) {
            double[] p = model.parameters(c);
            for (int i = 0; i < p.length; i++) {
                p[i] += 0.05 * rng.nextGaussian();
            }
            model.setParameters(c, p);
        }
        double[][] s = GradientTest.randomPhases(shape, rng);
        double[][] x = GradientTest.randomInputs(4, 5, rng);
        int[] labels = {0, 1, 2, 1};
        for (int c = 0; c < s.length; c++) {
            model.program(c, s[c]);
        }
        NetworkPass pass = new NetworkPass(shape);
        pass.forward(model, x, labels);
        double[][] gPhase = new double[shape.cores()][];
        for (int c = 0; c < shape.cores(); c++) {
            gPhase[c] = new double[shape.heaters(c)];
        }
        pass.backward(model, gPhase);
        double eps = 1e-6;
        for (int c = 0; c < shape.cores(); c++) {
            double[] g = model.settingsGradient(c, gPhase[c]);
            for (int i = 0; i < g.length; i++) {
                double keep = s[c][i];
                s[c][i] = keep + eps;
                model.program(c, s[c]);
                double lp = pass.forward(model, x, labels);
                s[c][i] = keep - eps;
                model.program(c, s[c]);
                double lm = pass.forward(model, x, labels);
                s[c][i] = keep;
                model.program(c, s[c]);
                double fd = (lp - lm) / (2 * eps);
                assertEquals(fd, g[i], 1e-6 * (1 + Math.abs(fd)), "core " + c + " heater " + i);
            }
        }
    }
}
