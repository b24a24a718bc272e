package org.phasor.sim.experiment;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The FFM procedure: its validation, its withers and the words reports print for it. */
class FfmProcedureTest {

    @Test
    void summaryNamesOnlyWhatIsOn() {
        assertEquals("3-step holography", new FfmProcedure(3, false, 0, 0).summary());
        assertEquals("3-step holography, reference phase re-measured before every measurement, re-calibrated every 50"
                + " steps, re-registered every 5 steps, phases kept in each SLM's measured range (no wraps)",
                FfmLayersConfig.full().ffm().summary());
        assertEquals("4-step holography, re-registered every 2 steps",
                new FfmProcedure(3, false, 0, 0).withHolographySteps(4).withRecalibration(0, 2).summary());
        assertEquals("3-step holography, phases kept in each SLM's measured range (no wraps)",
                new FfmProcedure(3, false, 0, 0).withKeepInRange(true).summary());
    }

    @Test
    void badSettingsAreOneLineErrors() {
        IllegalArgumentException steps = assertThrows(IllegalArgumentException.class, () -> new FfmProcedure(5, false, 0, 0));
        assertEquals("holography steps must be 3 or 4, got 5", steps.getMessage());
        IllegalArgumentException every = assertThrows(IllegalArgumentException.class, () -> new FfmProcedure(3, false, -1, 0));
        assertTrue(every.getMessage().contains("-1 / 0"), every.getMessage());
    }

    @Test
    void recalibratesWhenEitherIntervalIsSet() {
        assertFalse(new FfmProcedure(3, true, 0, 0).recalibrates());
        assertTrue(new FfmProcedure(3, false, 0, 5).recalibrates());
        assertTrue(new FfmProcedure(3, false, 50, 0).recalibrates());
    }
}
