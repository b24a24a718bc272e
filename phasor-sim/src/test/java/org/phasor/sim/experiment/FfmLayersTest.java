package org.phasor.sim.experiment;

import org.junit.jupiter.api.Test;
import org.phasor.data.Datasets;
import org.phasor.math.fft.FftBackends;
import org.phasor.sim.Imperfections;
import org.phasor.sim.Profiles;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A quick-sized piece of the reproduction: two layers, a few hundred images, the lab bench. */
class FfmLayersTest {
    @Test
    void quickPieceRunsEveryMethodAndCountsBenchCost() {
        FfmLayersConfig cfg = FfmLayersConfig.quick().withLayers(List.of(2)).withSamples(400, 200, 1);
        List<FfmLayers.Row> rows = new FfmLayers(cfg, Profiles.load("lab"), FftBackends.java(), System.out::println)
                .run(Datasets.shippedFashionMnistSubset());
        assertEquals(1, rows.size());
        FfmLayers.Row r = rows.getFirst();
        System.out.println(r);
        assertTrue(r.ideal() > 0.3, "in-silico design should learn something: " + r.ideal());
        assertTrue(r.inSilicoDeployed() < r.ideal(), "the lab's imperfections must cost the in-silico design accuracy");
        assertTrue(r.costPerStep().get("ffm").frames() > r.costPerStep().get("pat").frames(),
                "FFM measures fields by holography: more frames per step than PAT");
    }

    /**
     * A bench whose only imperfection is each panel sitting up to 3 px off the axis (an exact camera): the plain
     * deployment collapses, the registered one puts every mask back to within half a pixel and recovers most of what was lost.
     */
    @Test
    void registeredDeploymentUndoesWholePixelPanelShifts() {
        Imperfections shiftOnly = new Imperfections(11, 3, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, false, 0, 0, 0,
                "panels shifted, nothing else");
        FfmLayersConfig cfg = FfmLayersConfig.quick().withLayers(List.of(2)).withSamples(400, 200, 1)
                .withMethods(List.of());
        FfmLayers.Row r = new FfmLayers(cfg, shiftOnly, FftBackends.java(), System.out::println)
                .run(Datasets.shippedFashionMnistSubset()).getFirst();
        assertTrue(r.inSilicoDeployed() < r.ideal() - 0.1, "a 3-px shift must collapse the plain deployment: " + r);
        // measured: ideal 41.0 %, deployed 26.5 %, registered 36.0 % (the half-pixel residue keeps the rest)
        assertTrue(r.inSilicoRegistered() - r.inSilicoDeployed() > 0.5 * (r.ideal() - r.inSilicoDeployed()),
                "registration must recover most of the loss: " + r);
    }

    /**
     * --keep-in-range: FFM's and the exact twin's trained phases all lie inside the lab SLM's measured range
     * (0.93·2π), and some sit exactly on its lower end: the clamp acted (so the check is not vacuous).
     */
    /**
     * A floor on the bench methods' learning rate reaches them and nothing else: the in-silico design (and so the
     * ideal and deployed accuracies) is the same to the bit, the exact twin's trained phases are not.
     */
    @Test
    void benchFinalLearningRateChangesOnlyTheBenchTrainedMethods() {
        FfmLayersConfig q = FfmLayersConfig.quick().withLayers(List.of(2)).withSamples(100, 50, 1)
                .withMethods(List.of("exact-twin"));
        FfmLayers.Row same = new FfmLayers(q, Profiles.load("lab"), FftBackends.java(), line -> { })
                .run(Datasets.shippedFashionMnistSubset()).getFirst();
        FfmLayers.Row annealed = new FfmLayers(q.withBenchFinalLearningRate(0.001), Profiles.load("lab"),
                FftBackends.java(), line -> { }).run(Datasets.shippedFashionMnistSubset()).getFirst();
        assertTrue(java.util.Arrays.deepEquals(same.phases().get("in-silico"), annealed.phases().get("in-silico")),
                "the in-silico design must not see the bench's schedule");
        assertEquals(same.ideal(), annealed.ideal());
        assertEquals(same.inSilicoDeployed(), annealed.inSilicoDeployed());
        assertFalse(java.util.Arrays.deepEquals(same.phases().get("exact-twin"), annealed.phases().get("exact-twin")),
                "the bench method must follow its own schedule");
    }

    @Test
    void keepInRangeKeepsEveryTrainedPhaseInTheMeasuredRange() {
        FfmLayersConfig q = FfmLayersConfig.quick().withLayers(List.of(2)).withSamples(100, 50, 1)
                .withMethods(List.of("ffm", "exact-twin"));
        // a learning rate of 1 rad per step, so five steps push phases far past both ends of the range
        FfmLayersConfig base = new FfmLayersConfig(q.n(), q.pitch(), q.wavelength(), q.spacing(), q.upsample(),
                q.detector(), q.layerCounts(), q.trainSamples(), q.testSamples(), q.epochs(), q.batch(), 1.0, 1.0, 1.0,
                q.ffm(), q.methods(), q.seed());
        FfmLayers.Row kept = new FfmLayers(base.withFfm(base.ffm().withKeepInRange(true)), Profiles.load("lab"),
                FftBackends.java(), line -> { }).run(Datasets.shippedFashionMnistSubset()).getFirst();
        double reach = 0.93 * 2 * Math.PI + 0.05; // the lab's range, and the calibration's error
        for (String m : List.of("ffm", "exact-twin")) {
            assertEquals(0, outside(kept.phases().get(m), reach), m + ": phases outside the range");
            long clamped = java.util.Arrays.stream(kept.phases().get(m)).flatMapToDouble(java.util.Arrays::stream)
                    .filter(p -> p == 0).count();
            assertTrue(clamped > 0, m + ": no phase was clamped, so the check proves nothing");
        }
    }

    private static long outside(double[][] phases, double reach) {
        return java.util.Arrays.stream(phases).flatMapToDouble(java.util.Arrays::stream)
                .filter(p -> p < 0 || p > reach).count();
    }
}
