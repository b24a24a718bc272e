package org.phasor.cli.photonics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.phasor.photonics.bench.CoherentDetection;
import org.phasor.photonics.ep.CoupledWaveguides;
import org.phasor.photonics.ep.EpSearch;
import org.phasor.photonics.ep.WaveguideChip;
import org.phasor.photonics.train.ParticleSwarm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/** {@code phasor reproduce exceptional-point}: find the EP of a gain/loss waveguide pair from measurements only. */
@Command(name = "exceptional-point", mixinStandardHelpOptions = true,
        description = {"Finds the exceptional point of two coupled waveguides (kappa = 1.9 /cm, gain/loss gamma, detuning delta;",
            "EP at gamma = 2 kappa = 3.8, delta = 0) from measured fields only: FFM-style gradient search vs particle swarm.",
            "Writes ep.json, ep.md, eigenvalues.png and convergence.png to --out."})
public final class ExceptionalPointCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, description = "output directory (created)")
    Path out;

    @Option(names = "--starts", description = "random starts / swarm seeds (default ${DEFAULT-VALUE})")
    int starts = 6;

    @Option(names = "--iterations", description = "gradient-search iterations (default ${DEFAULT-VALUE})")
    int iterations = 200;

    @Option(names = "--pso-iterations", description = "swarm iterations (default ${DEFAULT-VALUE})")
    int psoIterations = 60;

    @Option(names = "--particles", description = "swarm size (default ${DEFAULT-VALUE})")
    int particles = 16;

    @Option(names = "--noise", description = "relative detector noise (default ${DEFAULT-VALUE})")
    double noise = 1e-3;

    @Option(names = "--seed", description = "seed (default ${DEFAULT-VALUE})")
    long seed = 1;

    static final double[] LO = {2.0, -1.0}, HI = {6.0, 1.0};

    @Override
    public Integer call() throws Exception {
        if (starts < 1 || iterations < 1 || psoIterations < 1 || particles < 2) {
            throw new IllegalArgumentException("--starts, --iterations, --pso-iterations must be ≥ 1 and --particles ≥ 2");
        }
        Files.createDirectories(out);
        CoupledWaveguides dev = CoupledWaveguides.paper();
        double[] ep = dev.exceptionalPoint();
        CoherentDetection det = new CoherentDetection(3, 1.0);
        SplittableRandom rng = new SplittableRandom(seed);
        List<EpSearch.Found> ffm = new ArrayList<>(), pso = new ArrayList<>();
        List<double[]> startPoints = new ArrayList<>();
        for (int s = 0; s < starts; s++) {
            double[] p0 = {2.5 + 3 * rng.nextDouble(), -0.8 + 1.6 * rng.nextDouble()};
            startPoints.add(p0);
            EpSearch a = new EpSearch(new WaveguideChip(dev, noise, noise / 10, seed * 100 + s), det, dev.dz(), ep);
            ffm.add(a.gradientSearch(p0, iterations, 0.1));
            EpSearch b = new EpSearch(new WaveguideChip(dev, noise, noise / 10, seed * 100 + 50 + s), det, dev.dz(), ep);
            pso.add(b.swarm(ParticleSwarm.standard(particles), LO, HI, psoIterations, seed * 1000 + s));
        }
        String command = "phasor reproduce exceptional-point --out " + out + " --starts " + starts + " --iterations " + iterations
                + " --pso-iterations " + psoIterations + " --particles " + particles + " --noise " + noise + " --seed " + seed;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("experiment", "exceptional-point");
        json.put("command", command);
        json.put("device", Map.of("kappa", dev.kappa(), "steps", dev.steps(), "dz", dev.dz(),
                "law", "dA/dz = iHA, H = [[delta + i gamma/2, kappa], [kappa, -delta - i gamma/2]]"));
        json.put("analyticEP", Map.of("gamma", ep[0], "delta", ep[1]));
        List<Map<String, Object>> runs = new ArrayList<>();
        for (int s = 0; s < starts; s++) {
            runs.add(run(ffm.get(s), startPoints.get(s)));
            runs.add(run(pso.get(s), null));
        }
        json.put("runs", runs);
        json.put("summary", Map.of("ffm", summary(ffm), "pso", summary(pso)));
        Png.write(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json), out.resolve("ep.json"));

        StringBuilder md = new StringBuilder("# Exceptional point found from measurements\n\n");
        md.append("Command: `").append(command).append("`  \n");
        md.append(String.format(Locale.ROOT, "Device: κ = %.2f cm⁻¹, %d steps of %.2f cm; analytic EP γ = 2κ = %.3f cm⁻¹, δ = 0. "
                + "Detector noise %.0e relative, 3-step coherent detection.%n%n", dev.kappa(), dev.steps(), dev.dz(), ep[0], noise));
        md.append("| method | start (γ, δ) | found γ | found δ | distance to EP | iterations to 1 % | iterations run | T measurements | frames |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (int s = 0; s < starts; s++) {
            row(md, ffm.get(s), String.format(Locale.ROOT, "(%.3f, %.3f)", startPoints.get(s)[0], startPoints.get(s)[1]));
            row(md, pso.get(s), "swarm of " + particles);
        }
        md.append("\n| method | mean distance | max distance | mean iterations to 1 % | mean measurements to 1 % |\n|---|---|---|---|---|\n");
        for (String m : List.of("ffm", "pso")) {
            Map<String, Double> sm = summary(m.equals("ffm") ? ffm : pso);
            md.append(String.format(Locale.ROOT, "| %s | %.2e | %.2e | %.1f | %.0f |%n", m, sm.get("meanDistance"), sm.get("maxDistance"),
                    sm.get("meanIterationsTo1pct"), sm.get("meanMeasurementsTo1pct")));
        }
        md.append("\nAn FFM iteration = 2 transfer-matrix measurements (forward launches + reciprocal reverse launches, taps imaged);\n"
                + "a PSO iteration = one measurement per particle. Distances are relative: ‖(γ, δ) − EP‖/‖EP‖.\n");
        Png.write(md.toString(), out.resolve("ep.md"));
        plotSurfaces(dev, ep, ffm, pso, out.resolve("eigenvalues.png"));
        plotConvergence(ffm, pso, out.resolve("convergence.png"));
        spec.commandLine().getOut().println(md);
        return 0;
    }

    private static Map<String, Object> run(EpSearch.Found f, double[] start) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", f.method());
        if (start != null) {
            m.put("start", start);
        }
        m.put("gamma", f.gamma());
        m.put("delta", f.delta());
        m.put("relativeDistance", f.relDistance());
        m.put("iterationsTo1pct", f.iterationsTo1pct());
        m.put("iterations", f.iterations());
        m.put("measurements", f.measurements());
        m.put("frames", f.frames());
        return m;
    }

    private static Map<String, Double> summary(List<EpSearch.Found> fs) {
        double mean = 0, max = 0, it = 0, meas = 0;
        int hits = 0;
        for (EpSearch.Found f : fs) {
            mean += f.relDistance() / fs.size();
            max = Math.max(max, f.relDistance());
            if (f.iterationsTo1pct() > 0) {
                hits++;
                it += f.iterationsTo1pct();
                meas += (double) f.iterationsTo1pct() * f.measurements() / f.iterations();
            }
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("meanDistance", mean);
        m.put("maxDistance", max);
        m.put("runsWithin1pct", (double) hits);
        m.put("meanIterationsTo1pct", hits == 0 ? Double.NaN : it / hits);
        m.put("meanMeasurementsTo1pct", hits == 0 ? Double.NaN : meas / hits);
        return m;
    }

    private static void row(StringBuilder md, EpSearch.Found f, String start) {
        md.append(String.format(Locale.ROOT, "| %s | %s | %.4f | %.4f | %.2e | %s | %d | %d | %d |%n", f.method(), start, f.gamma(), f.delta(),
                f.relDistance(), f.iterationsTo1pct() < 0 ? "not reached" : Integer.toString(f.iterationsTo1pct()), f.iterations(),
                f.measurements(), f.frames()));
    }

    private static void plotSurfaces(CoupledWaveguides dev, double[] ep, List<EpSearch.Found> ffm, List<EpSearch.Found> pso, Path file)
            throws Exception {
        int n = 160;
        double[][] re = new double[n][n], im = new double[n][n];
        for (int iy = 0; iy < n; iy++) {
            double delta = LO[1] + (HI[1] - LO[1]) * (iy + 0.5) / n;
            for (int ix = 0; ix < n; ix++) {
                double gamma = LO[0] + (HI[0] - LO[0]) * (ix + 0.5) / n;
                double[] lam = dev.eigenvalue(gamma, delta);
                re[iy][ix] = lam[0];
                im[iy][ix] = lam[1];
            }
        }
        int k = ffm.size() + pso.size() + 1;
        double[][] markers = new double[k][];
        Color[] colors = new Color[k];
        int i = 0;
        for (EpSearch.Found f : ffm) {
            markers[i] = new double[] {f.gamma(), f.delta()};
            colors[i++] = new Color(0, 140, 0);
        }
        for (EpSearch.Found f : pso) {
            markers[i] = new double[] {f.gamma(), f.delta()};
            colors[i++] = new Color(230, 120, 0);
        }
        markers[i] = ep;
        colors[i] = Color.BLACK;
        BufferedImage img = new BufferedImage(960, 440, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Png.start(img);
        Png.heatMap(g, 0, "Re λ₊ (λ₋ = −λ₊)", "gain/loss γ (1/cm)", "detuning δ (1/cm)", re, LO[0], HI[0], LO[1], HI[1], markers, colors);
        Png.heatMap(g, 480, "Im λ₊ (λ₋ = −λ₊)", "gain/loss γ (1/cm)", "detuning δ (1/cm)", im, LO[0], HI[0], LO[1], HI[1], markers, colors);
        g.setColor(Color.BLACK);
        g.drawString("○ black: analytic EP   ○ green: FFM-style gradient search   ○ orange: PSO", 70, 430);
        g.dispose();
        Png.write(img, file);
    }

    private static void plotConvergence(List<EpSearch.Found> ffm, List<EpSearch.Found> pso, Path file) throws Exception {
        List<Png.Series> series = new ArrayList<>();
        CoupledWaveguides dev = CoupledWaveguides.paper();
        double[] ep = dev.exceptionalPoint();
        addPaths(series, "FFM start", ffm, ep);
        addPaths(series, "PSO seed", pso, ep);
        Png.write(Png.lineChart("Distance to the EP", "iteration", "log10 relative distance", series, -5, 0.5), file);
    }

    private static void addPaths(List<Png.Series> series, String label, List<EpSearch.Found> fs, double[] ep) {
        for (int s = 0; s < Math.min(3, fs.size()); s++) {
            List<double[]> path = fs.get(s).path();
            double[] x = new double[path.size()], y = new double[path.size()];
            for (int k = 0; k < x.length; k++) {
                x[k] = k + 1;
                double d = Math.hypot(path.get(k)[0] - ep[0], path.get(k)[1] - ep[1]) / Math.hypot(ep[0], ep[1]);
                y[k] = Math.max(-5, Math.log10(Math.max(d, 1e-12)));
            }
            series.add(new Png.Series(label + " " + (s + 1), x, y));
        }
    }
}
