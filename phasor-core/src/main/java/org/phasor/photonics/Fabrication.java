package org.phasor.photonics;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The static, as-fabricated optics of one mesh or core (hidden from trainers when it belongs to a bench):
 * the power splitting ratio of every coupler, the amplitude transmission of every waveguide segment per
 * column (propagation loss), and the mirror of a folded core. Heater behaviour (phase error, quantisation,
 * crosstalk, drift) is in {@link HeaterResponse}.
 *
 * @param couplerEta  η of coupler 1 and 2 of MZI k at 2k and 2k+1 (½ is 50:50)
 * @param columnLoss  amplitude transmission of mode i after column c at c·modes + i (1 = lossless)
 * @param mirrorAmp   mirror reflection amplitude per mode (folded cores)
 * @param mirrorPhase mirror reflection phase per mode
 */
public record Fabrication(double[] couplerEta, double[] columnLoss, double[] mirrorAmp, double[] mirrorPhase) {

    public static Fabrication ideal(MeshLayout layout) {
        double[] eta = new double[2 * layout.mzis()];
        Arrays.fill(eta, 0.5);
        double[] loss = new double[layout.columns() * layout.modes()];
        Arrays.fill(loss, 1);
        double[] amp = new double[layout.modes()];
        Arrays.fill(amp, 1);
        return new Fabrication(eta, loss, amp, new double[layout.modes()]);
    }

    /**
     * Random fabrication: η = ½ + N(0, etaSigma) clipped to [0.05, 0.95]; loss of lossDb ± lossSigmaDb
     * (normal, clipped at 0) per column and waveguide; mirror amplitude 1 − |N(0, mirrorSigma)| and phase
     * N(0, mirrorSigma) per mode (a non-uniform mirror keeps the core symmetric, see SymmetricCore).
     */
    public static Fabrication random(MeshLayout layout, double etaSigma, double lossDb, double lossSigmaDb,
                                     double mirrorSigma, SplittableRandom rng) {
        Fabrication f = ideal(layout);
        for (int i = 0; i < f.couplerEta.length; i++) {
            f.couplerEta[i] = Math.clamp(0.5 + etaSigma * rng.nextGaussian(), 0.05, 0.95);
        }
        for (int i = 0; i < f.columnLoss.length; i++) {
            double db = Math.max(0, lossDb + lossSigmaDb * rng.nextGaussian());
            f.columnLoss[i] = Math.pow(10, -db / 20);
        }
        for (int i = 0; i < layout.modes(); i++) {
            f.mirrorAmp[i] = 1 - Math.abs(mirrorSigma * rng.nextGaussian());
            f.mirrorPhase[i] = mirrorSigma * rng.nextGaussian();
        }
        return f;
    }
}
