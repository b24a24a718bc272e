package org.phasor.cli.bench;

import org.phasor.data.Datasets;
import org.phasor.math.fft.FftBackends;
import org.phasor.sim.Profiles;
import org.phasor.sim.experiment.FfmLayers;
import org.phasor.sim.experiment.FfmLayersConfig;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** The demo's content: the quick FFM-vs-in-silico comparison on one depth. */
public final class FfmLayersDemo {
    private FfmLayersDemo() {
    }

    public static FfmLayersConfig config() {
        return FfmLayersConfig.quick().withLayers(List.of(4)).withSamples(1000, 300, 1).withMethods(List.of("ffm"));
    }

    public static int run(CommandSpec spec, Path dir, String bench, String fft) throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        FfmLayersConfig cfg = config();
        o.println("phasor demo: a 4-layer phase network on the simulated '" + bench + "' bench — designed in silico and "
                + "deployed, vs trained in situ by fully forward mode (FFM) -> " + dir);
        o.flush();
        long t0 = System.nanoTime();
        List<FfmLayers.Row> rows = new FfmLayers(cfg, Profiles.load(bench),
                FftBackends.select(fft, line -> spec.commandLine().getErr().println("phasor: " + line)),
                line -> {
                    o.println("  " + line);
                    o.flush();
                }).run(Datasets.shippedFashionMnistSubset());
        FfmLayersReport.write(dir, rows, cfg, bench, (System.nanoTime() - t0) * 1e-9);
        o.println();
        o.print(FfmLayersReport.markdown(rows, cfg, bench));
        FfmLayers.Row row = rows.getFirst();
        java.util.List<double[]> masks = new java.util.ArrayList<>();
        java.util.List<String> titles = new java.util.ArrayList<>();
        for (var e : row.phases().entrySet()) {
            for (int l = 0; l < e.getValue().length; l++) {
                masks.add(e.getValue()[l]);
                titles.add(e.getKey() + " layer " + (l + 1));
            }
        }
        org.phasor.cli.figures.FieldImages.phaseMasks(dir.resolve("phase_masks.png"), masks, cfg.n(), cfg.n(), titles);
        o.println("wrote " + dir.resolve("table.md") + ", " + dir.resolve("accuracy.png") + ", "
                + dir.resolve("phase_masks.png") + " and the masks as " + dir.resolve("designs"));
        o.flush();
        return 0;
    }
}
