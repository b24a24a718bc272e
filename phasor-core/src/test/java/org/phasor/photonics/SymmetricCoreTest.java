package org.phasor.photonics;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

class SymmetricCoreTest {

    @Test
    void foldedCoreIsSymmetricToMachinePrecisionWithFabricationErrors() {
        SplittableRandom rng = new SplittableRandom(17);
        for (String name : new String[] {"clements", "reck"}) {
            for (int n : new int[] {4, 16, 33}) {
                MeshLayout layout = MeshLayout.named(name, n);
                // harsh errors: 5 % coupler spread, 0.5 ± 0.2 dB loss per column, non-uniform mirror,
                // and a heater response with crosstalk, gain and offset errors
                Fabrication fab = Fabrication.random(layout, 0.05, 0.5, 0.2, 0.1, rng);
                HeaterResponse resp = HeaterResponse.random(layout, 0.05, 0.3, 8, 0.05, rng);
                double[] settings = new double[layout.heaters()];
                for (int i = 0; i < settings.length; i++) {
                    settings[i] = 2 * Math.PI * rng.nextDouble();
                }
                double[] phases = new double[settings.length];
                resp.phases(settings, null, phases);
                CMat m = SymmetricCore.path(layout, fab).matrix(phases);
                double asym = m.maxAbsDiff(m.transpose());
                assertTrue(asym < 1e-14, name + " " + n + ": |M − Mᵀ| = " + asym);
                // and the matrix is far from trivially symmetric: the open mesh is not
                CMat a = Mesh.path(layout, fab).matrix(phases);
                assertTrue(a.maxAbsDiff(a.transpose()) > 1e-2);
                // M = Aᵀ R A
                CMat r = new CMat(n, n);
                for (int i = 0; i < n; i++) {
                    r.set(i, i, fab.mirrorAmp()[i] * Math.cos(fab.mirrorPhase()[i]), fab.mirrorAmp()[i] * Math.sin(fab.mirrorPhase()[i]));
                }
                assertTrue(a.transpose().times(r).times(a).maxAbsDiff(m) < 1e-13);
            }
        }
    }

    @Test
    void reverseRunAppliesTheTranspose() {
        SplittableRandom rng = new SplittableRandom(4);
        MeshLayout layout = MeshLayout.clements(6);
        OpticalPath open = Mesh.path(layout, Fabrication.random(layout, 0.05, 0.3, 0.1, 0, rng));
        double[] phases = new double[layout.heaters()];
        for (int i = 0; i < phases.length; i++) {
            phases[i] = rng.nextDouble() * 6;
        }
        CMat m = open.matrix(phases);
        double[] cis = new double[2 * open.heaters()];
        open.cis(phases, cis);
        CMat rev = new CMat(6, 6);
        for (int j = 0; j < 6; j++) {
            double[] e = new double[12];
            e[2 * j] = 1;
            open.reverse(cis, e, null);
            rev.setColumn(j, e);
        }
        assertTrue(rev.maxAbsDiff(m.transpose()) < 1e-14);
    }

    @Test
    void takagiProgramsAnySymmetricUnitaryOntoTheFoldedCore() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(21);
        for (String name : new String[] {"clements", "reck"}) {
            for (int n : new int[] {2, 5, 16}) {
                CMat w = CMat.haarUnitary(n, rng);
                CMat s = w.times(w.transpose());                 // a random symmetric unitary
                CMat v = Takagi.factor(s);
                assertTrue(v.times(v.transpose()).maxAbsDiff(s) < 1e-12, "S = V·Vᵀ");
                assertTrue(v.times(v.adjoint()).maxAbsDiff(CMat.identity(n)) < 1e-12, "V unitary");
                MeshLayout layout = MeshLayout.named(name, n);
                double[] phases = Takagi.programSymmetric(s, layout);
                CMat m = SymmetricCore.path(layout, Fabrication.ideal(layout)).matrix(phases);
                assertTrue(m.maxAbsDiff(s) < 1e-10, name + " " + n + ": |core − S| = " + m.maxAbsDiff(s));
            }
        }
    }
}
