package org.phasor.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PhaseResponseRangeTest {

    /** Moving a phase into the device's range must not change the level it is programmed with. */
    @Test
    void intoRangeKeepsTheProgrammedLevel() {
        double range = 0.93 * 2 * Math.PI;
        double[] lut = new double[256];
        for (int l = 0; l < lut.length; l++) {
            lut[l] = range * l / (lut.length - 1);
        }
        PhaseResponse r = new PhaseResponse(lut);
        for (double p = -20; p < 20; p += 0.0137) {
            double w = p - 2 * Math.PI * Math.floor(p / (2 * Math.PI));
            if (Math.abs(w - (r.range() + Math.PI * 2) / 2) < 0.01) {
                continue; // the middle of the unreachable gap: either end is as near
            }
            double q = r.intoRange(p);
            assertEquals(true, q >= 0 && q <= r.range(), "phase " + p + " → " + q);
            assertEquals(r.levelFor(p), r.levelFor(q), "phase " + p + " → " + q);
        }
    }
}
