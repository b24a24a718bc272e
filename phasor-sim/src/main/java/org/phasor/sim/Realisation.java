package org.phasor.sim;

import java.util.SplittableRandom;

/**
 * One draw of a profile's random imperfections: what this particular simulated lab got wrong. Package-private:
 * nothing outside the simulated bench may read it (a lab does not know its own misalignments).
 *
 * @param shiftX          lateral shift of modulator l (index l−1) along x, pixels
 * @param shiftY          along y, pixels
 * @param rotation        in-plane rotation of modulator l, radians
 * @param distanceFactor  actual/nominal spacing of gap g (input→1, …, L→camera)
 * @param zernike         coefficients (rad, Noll-normalised) of Z4..Z8 for modulator l
 */
record Realisation(double[] shiftX, double[] shiftY, double[] rotation, double[] distanceFactor, double[][] zernike) {

    static Realisation draw(Imperfections imp, int modulators) {
        SplittableRandom rnd = new SplittableRandom(imp.seed());
        double[] sx = new double[modulators];
        double[] sy = new double[modulators];
        double[] rot = new double[modulators];
        double[][] z = new double[modulators][5];
        for (int l = 0; l < modulators; l++) {
            sx[l] = imp.lateralShiftPx() * (2 * rnd.nextDouble() - 1);
            sy[l] = imp.lateralShiftPx() * (2 * rnd.nextDouble() - 1);
            rot[l] = Math.toRadians(imp.rotationDeg()) * (2 * rnd.nextDouble() - 1);
            for (int j = 0; j < 5; j++) {
                // five terms sharing the rms: total rms over the disk = zernikeRmsRad on average
                z[l][j] = imp.zernikeRmsRad() / Math.sqrt(5) * gaussian(rnd);
            }
        }
        double[] dist = new double[modulators + 1];
        for (int g = 0; g <= modulators; g++) {
            dist[g] = 1 + imp.distanceError() * (2 * rnd.nextDouble() - 1);
        }
        return new Realisation(sx, sy, rot, dist, z);
    }

    static double gaussian(SplittableRandom rnd) {
        // Box–Muller (one of the pair); SplittableRandom has no nextGaussian
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
