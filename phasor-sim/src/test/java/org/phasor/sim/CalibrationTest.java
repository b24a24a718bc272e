package org.phasor.sim;

import org.junit.jupiter.api.Test;
import org.phasor.bench.AffineMap;
import org.phasor.bench.BenchCalibration;
import org.phasor.bench.BenchDescription;
import org.phasor.bench.Holography;
import org.phasor.bench.PhaseResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The measured procedures find what the lab profile hid, from captured frames only (with camera noise on):
 * the SLM's level→phase response and each modulator's lateral shift.
 */
class CalibrationTest {

    @Test
    void measuredCalibrationRecoversHiddenResponseAndShift() {
        int n = 48;
        BenchDescription d = Rig.description(n, 2, 1.5e-3);
        Imperfections lab = Profiles.load("lab");
        SimulatedBench bench = new SimulatedBench(d, lab, Rig.PROP);
        BenchCalibration cal = BenchCalibration.measure(bench, new Holography(4, d.modulators() + 2), 8, 4);
        Realisation truth = Realisation.draw(lab, d.modulators());
        SlmPlane slm = new SlmPlane(n, n, 256, lab, new double[5]);
        for (int m = 1; m <= d.modulators(); m++) {
            PhaseResponse r = cal.responses().get(m - 1);
            for (int level = 0; level < 256; level += 17) {
                assertEquals(slm.truePhase(level), r.phase(level), 0.05,
                        "modulator " + m + " level " + level + " phase");
            }
            AffineMap a = cal.registrations().get(m - 1);
            // pixel (p, q) appears on the camera at about (p + shiftX, q + shiftY) near the centre
            double cx = a.x(n / 2.0, n / 2.0) - n / 2.0;
            double cy = a.y(n / 2.0, n / 2.0) - n / 2.0;
            assertEquals(truth.shiftX()[m - 1], cx, 0.15, "modulator " + m + " x shift");
            assertEquals(truth.shiftY()[m - 1], cy, 0.15, "modulator " + m + " y shift");
        }
        assertTrue(cal.cost().frames() > 0, "calibration must cost frames");
    }

    @Test
    void profilesLoadAndCompose() {
        Imperfections ideal = Profiles.load("ideal");
        assertTrue(ideal.exactCamera());
        assertEquals(1.0, ideal.phaseRange());
        Imperfections lab = Profiles.load("lab");
        assertEquals(0.93, lab.phaseRange());
        assertEquals(0.6, lab.crosstalkPx());
    }
}
