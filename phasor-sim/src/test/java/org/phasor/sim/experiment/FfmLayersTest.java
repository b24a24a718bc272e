package org.phasor.sim.experiment;

import org.junit.jupiter.api.Test;
import org.phasor.data.Datasets;
import org.phasor.math.fft.FftBackends;
import org.phasor.sim.Profiles;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
