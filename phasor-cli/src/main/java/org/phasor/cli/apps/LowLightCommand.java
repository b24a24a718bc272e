package org.phasor.cli.apps;

import org.phasor.data.DataSplit;
import org.phasor.data.Datasets;
import org.phasor.optics.propagation.Propagator;
import org.phasor.sim.Imperfections;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.phasor.cli.apps.ResultFiles.f;

/** {@code phasor reproduce low-light}: accuracy against photons per pixel, in-situ vs in-silico. */
@Command(name = "low-light", mixinStandardHelpOptions = true,
        description = "Sub-photon regime: hidden-object classification with a photon-counting camera, accuracy "
                + "against photons per pixel for FFM-trained and in-silico-deployed networks. "
                + "The --profile sets the optics; its camera is replaced by a photon counter.")
public final class LowLightCommand implements Callable<Integer> {
    @Mixin
    AppRunOptions opts;

    @Override
    public Integer call() throws Exception {
        Imperfections imp = opts.imperfections();
        LowLight.Settings st = opts.quick ? LowLight.Settings.quick(imp, opts.seed)
                : LowLight.Settings.full(imp, opts.seed);
        Propagator prop = opts.propagator();
        DataSplit data = Datasets.shippedFashionMnistSubset();
        LowLight.Result r = new LowLight(st, prop, AppRunOptions.PROGRESS).run(data.train(), data.test());
        write(opts.out, st, r, opts.profile, data.source());
        opts.announce();
        return 0;
    }

    /** The lowest photons per pixel at which in-situ training is within 5 points of its best accuracy. */
    static double lowestWorking(LowLight.Result r) {
        double best = r.points().stream().mapToDouble(LowLight.Point::ffmInSitu).max().orElse(Double.NaN);
        double lowest = Double.NaN;
        for (LowLight.Point p : r.points()) {
            if (p.ffmInSitu() >= best - 0.05 && !(p.photonsPerPixel() >= lowest)) {
                lowest = p.photonsPerPixel();
            }
        }
        return lowest;
    }

    static void write(Path out, LowLight.Settings st, LowLight.Result r, String profile, String source)
            throws java.io.IOException {
        Nlos.Settings ns = st.nlos();
        double working = lowestWorking(r);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("experiment", "low-light");
        json.put("profile", profile);
        json.put("seed", ns.seed());
        json.put("data", source);
        json.put("dark_counts_per_pixel_per_frame", st.darkCounts());
        json.put("train_per_class", ns.classTrainPerClass());
        json.put("test_per_class", ns.classTestPerClass());
        json.put("epochs", ns.classEpochs());
        json.put("mean_intensity_per_unit", r.meanIntensity());
        json.put("in_silico_model_accuracy", r.inSilicoModelAccuracy());
        json.put("lowest_photons_per_pixel_in_situ_training_works", working);
        List<Map<String, Object>> pts = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (LowLight.Point p : r.points()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("photons_per_unit_intensity", p.photonsPerUnit());
            m.put("photons_per_pixel_per_frame", p.photonsPerPixel());
            m.put("in_silico_deployed_accuracy", p.inSilico());
            m.put("ffm_trained_bright_deployed_accuracy", p.ffmHighLight());
            m.put("ffm_trained_in_situ_accuracy", p.ffmInSitu());
            pts.add(m);
            rows.add(List.of(f("%.3g", p.photonsPerPixel()), f("%.3g", p.photonsPerUnit()),
                    f("%.1f %%", 100 * p.inSilico()), f("%.1f %%", 100 * p.ffmHighLight()),
                    f("%.1f %%", 100 * p.ffmInSitu())));
        }
        json.put("points", pts);
        ResultFiles.writeJson(out, json);
        StringBuilder md = new StringBuilder("# Sub-photon regime: accuracy against photons per pixel\n\n");
        md.append(String.format(Locale.ROOT, "Hidden Fashion-MNIST items behind the scattering wall of `reproduce "
                        + "nlos` (%d train / %d test per class, %d epochs), photon-counting camera with %.3g dark "
                        + "counts per pixel per frame; profile `%s`, seed %d. Photons per pixel = mean detected signal "
                        + "photons per camera pixel per frame (the holography reference adds its own). In-silico "
                        + "model accuracy (its own simulation): %.1f %%.\n\n",
                ns.classTrainPerClass(), ns.classTestPerClass(), ns.classEpochs(), st.darkCounts(), profile,
                ns.seed(), 100 * r.inSilicoModelAccuracy()));
        md.append(ResultFiles.markdownTable(List.of("photons / pixel / frame", "photons per unit intensity",
                "in-silico deployed", "FFM (trained bright) deployed", "FFM trained in situ at this level"), rows));
        md.append(String.format(Locale.ROOT, "\nIn-situ (FFM) training stays within 5 points of its best accuracy "
                + "down to %s photons per pixel per frame.\n", f("%.3g", working)));
        ResultFiles.writeMarkdown(out, md.toString());
        double[] x = r.points().stream().mapToDouble(LowLight.Point::photonsPerPixel).toArray();
        Charts.lines(out.resolve("accuracy-vs-photons.png"), "Accuracy against photons per pixel",
                "signal photons per pixel per frame (log)", "test accuracy", true, List.of(
                        new Charts.Series("FFM trained in situ", x,
                                r.points().stream().mapToDouble(LowLight.Point::ffmInSitu).toArray()),
                        new Charts.Series("FFM (bright) deployed", x,
                                r.points().stream().mapToDouble(LowLight.Point::ffmHighLight).toArray()),
                        new Charts.Series("in-silico deployed", x,
                                r.points().stream().mapToDouble(LowLight.Point::inSilico).toArray())));
    }
}
