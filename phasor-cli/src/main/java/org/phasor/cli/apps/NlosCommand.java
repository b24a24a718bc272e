package org.phasor.cli.apps;

import org.phasor.data.DataSplit;
import org.phasor.data.Datasets;
import org.phasor.io.ColorMap;
import org.phasor.io.FieldImages;
import org.phasor.optics.propagation.Propagator;
import org.phasor.sim.Imperfections;
import org.phasor.task.nlos.NlosGeometry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.phasor.cli.apps.ResultFiles.f;

/** {@code phasor reproduce nlos}: imaging and classifying hidden objects through a scattering wall. */
@Command(name = "nlos", mixinStandardHelpOptions = true,
        description = "Non-line-of-sight imaging and classification through a scattering wall (FFM paper Fig. 4); "
                + "writes table.json, table.md and PNG figures.")
public final class NlosCommand implements Callable<Integer> {
    @Mixin
    AppRunOptions opts;

    @Override
    public Integer call() throws Exception {
        Imperfections imp = opts.imperfections();
        Nlos.Settings st = opts.quick ? Nlos.Settings.quick(imp, opts.seed) : Nlos.Settings.full(imp, opts.seed);
        Propagator prop = opts.propagator();
        DataSplit data = Datasets.shippedFashionMnistSubset();
        Nlos.Result r = new Nlos(st, prop, AppRunOptions.PROGRESS).run(data.train(), data.test());
        write(opts.out, st, r, opts.profile, data.source());
        opts.announce();
        return 0;
    }

    static void write(Path out, Nlos.Settings st, Nlos.Result r, String profile, String source)
            throws java.io.IOException {
        NlosGeometry g = st.geometry();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("experiment", "nlos");
        json.put("profile", profile);
        json.put("seed", st.seed());
        json.put("data", source);
        json.put("geometry", Map.of("pixels", g.pixels(), "pitch_m", g.pitch(), "wavelength_m", g.wavelength(),
                "scene_distance_m", g.sceneDistance(), "camera_distance_m", g.cameraDistance(),
                "upsample", g.upsample(), "frame_seconds", g.frameSeconds()));
        json.put("wall", Map.of("correlation_length_m", st.wall().correlationLength(),
                "strength_rad", st.wall().strength(), "mis_estimate_rad", st.misEstimateRad()));
        json.put("frame_rate_hz", r.frameRate());
        json.put("imaging_train_scenes", st.imagingTrain());
        json.put("imaging_test_scenes", st.imagingTest());
        List<Map<String, Object>> im = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (Nlos.Imaging i : r.imaging()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("method", i.method());
            m.put("test_loss", i.loss());
            m.put("test_ssim", i.ssim());
            m.put("test_psnr_db", i.psnr());
            m.put("steps", i.steps());
            m.put("training_frames", i.frames());
            m.put("loss_per_epoch", i.curve());
            im.add(m);
            rows.add(List.of(i.method(), f("%.3f", i.loss()), f("%.3f", i.ssim()), f("%.2f", i.psnr()),
                    Integer.toString(i.steps()), Long.toString(i.frames())));
        }
        json.put("imaging", im);
        List<Map<String, Object>> cl = new ArrayList<>();
        List<List<String>> crows = new ArrayList<>();
        for (Nlos.Classification c : r.classification()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("method", c.method());
            m.put("test_accuracy", c.accuracy());
            m.put("model_accuracy", Double.isFinite(c.modelAccuracy()) ? c.modelAccuracy() : null);
            m.put("training_frames", c.frames());
            m.put("loss_per_epoch", c.curve());
            cl.add(m);
            crows.add(List.of(c.method(), f("%.1f %%", 100 * c.accuracy()),
                    Double.isFinite(c.modelAccuracy()) ? f("%.1f %%", 100 * c.modelAccuracy()) : "–",
                    Long.toString(c.frames())));
        }
        json.put("classification", cl);
        json.put("classification_train_per_class", st.classTrainPerClass());
        json.put("classification_test_per_class", st.classTestPerClass());
        json.put("classification_epochs", st.classEpochs());
        ResultFiles.writeJson(out, json);

        StringBuilder md = new StringBuilder("# Non-line-of-sight imaging and classification (FFM paper Fig. 4)\n\n");
        md.append(String.format(Locale.ROOT, "%d² pixels of %.0f µm, λ = %.0f nm; hidden scene %.0f mm from a "
                        + "scattering wall (correlation %.0f µm, %.2f rad rms) imaged onto the SLM; camera %.0f mm after "
                        + "the SLM; profile `%s`, seed %d. In-silico designs believe a wall with %.1f rad rms error. "
                        + "One camera frame per image: %.0f images/s at %.1f ms per frame.\n\n",
                g.pixels(), g.pitch() * 1e6, g.wavelength() * 1e9, g.sceneDistance() * 1e3,
                st.wall().correlationLength() * 1e6, st.wall().strength(), g.cameraDistance() * 1e3, profile,
                st.seed(), st.misEstimateRad(), r.frameRate(), g.frameSeconds() * 1e3));
        md.append(String.format(Locale.ROOT, "Imaging, %d held-out scenes (Fashion-MNIST test images), FFM trained on "
                + "%d scenes:\n\n", st.imagingTest(), st.imagingTrain()));
        md.append(ResultFiles.markdownTable(List.of("design", "test loss", "SSIM", "PSNR dB", "FFM steps",
                "training frames"), rows));
        md.append(String.format(Locale.ROOT, "\nClassification of hidden items (%d train / %d test per class, %d "
                + "epochs):\n\n", st.classTrainPerClass(), st.classTestPerClass(), st.classEpochs()));
        md.append(ResultFiles.markdownTable(List.of("method", "bench test accuracy", "model accuracy",
                "training frames"), crows));
        md.append("\nPaper (Xue et al. 2024): hidden objects imaged and classified through round-trip symmetry at "
                + "> 1 kHz frame rate.\n");
        ResultFiles.writeMarkdown(out, md.toString());

        // figures: targets and reconstructions of the first held-out scenes, one row per design
        int n = g.pixels() * g.pixels();
        for (int e = 0; e < r.examples(); e++) {
            List<FieldImages.Panel> panels = new ArrayList<>();
            double[] t = Arrays.copyOfRange(r.exampleTargets(), e * n, (e + 1) * n);
            panels.add(FieldImages.map("target", t, 0, max(t), ColorMap.VIRIDIS));
            for (Nlos.Imaging i : r.imaging()) {
                double[] f = Arrays.copyOfRange(i.exampleFrames(), e * n, (e + 1) * n);
                panels.add(FieldImages.map(i.method().replaceAll(" \\(.*", ""), f, 0, max(f), ColorMap.VIRIDIS));
            }
            FieldImages.write(out.resolve("scene-" + e + ".png"), g.grid(), panels.toArray(FieldImages.Panel[]::new));
        }
        List<String> cats = r.imaging().stream().map(i -> i.method().replaceAll(" \\(.*", "")).toList();
        Charts.bars(out.resolve("ssim.png"), "Held-out SSIM of hidden-scene images", "SSIM", cats,
                List.of(new Charts.Bars("SSIM", r.imaging().stream().mapToDouble(Nlos.Imaging::ssim).toArray())));
        Nlos.Imaging ffm = r.imaging().stream().filter(i -> i.method().startsWith("FFM")).findFirst().orElseThrow();
        Charts.lines(out.resolve("imaging-loss.png"), "FFM imaging loss per epoch", "epoch", "loss", false,
                List.of(new Charts.Series("FFM", ScatteringFocus.range(ffm.curve().length), ffm.curve())));
    }

    private static double max(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m > 0 ? m : 1;
    }
}
