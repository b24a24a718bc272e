package org.phasor.cli.progress;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingProgressTest {

    @Test
    void quietUnlessATerminalOrAsked() {
        assertFalse(TrainingProgress.enabled(TrainingProgress.Mode.AUTO, null, false));
        assertTrue(TrainingProgress.enabled(TrainingProgress.Mode.AUTO, null, true));
        assertFalse(TrainingProgress.enabled(TrainingProgress.Mode.AUTO, "0", true));
        assertTrue(TrainingProgress.enabled(TrainingProgress.Mode.AUTO, "1", false));
        assertFalse(TrainingProgress.enabled(TrainingProgress.Mode.OFF, "1", true));
        assertTrue(TrainingProgress.enabled(TrainingProgress.Mode.ON, "0", false));
    }

    @Test
    void offWritesNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TrainingProgress p = TrainingProgress.start(2, 5, 0, TrainingProgress.Mode.OFF,
                new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            assertFalse(p.visible());
            p.batchDone(1, 1, 5, 2.3, 0.1);
        }
        assertEquals(0, bytes.size());
    }

    @Test
    void onShowsEpochLossAccuracyAndEta() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TrainingProgress p = TrainingProgress.start(2, 5, 0, TrainingProgress.Mode.ON,
                new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            for (int b = 1; b <= 5; b++) {
                p.batchDone(1, b, 5, 1.0 / b, 0.1 * b);
            }
            p.batchDone(2, 3, 5, 0.25, 0.875);
            p.epochDone(new org.phasor.train.EpochMetrics(2, 0.2, 0.9, 0.3, 0.8125, 1.0, org.phasor.train.Cost.ZERO));
        }
        String s = bytes.toString(StandardCharsets.UTF_8);
        // the bar renders on a timer, so only the final state (drawn by close) is certain to appear
        assertTrue(s.contains("10/10") && s.contains("epoch 2/2 loss 0.2000 acc 90.0% test 81.3%"), s);
        assertEquals(" epoch 3/10 loss 0.4123 acc 85.2%", TrainingProgress.message(3, 10, 0.41234, 0.852));
    }
}
