package org.phasor.cli.bench;

import org.phasor.bench.CreepFollowing;
import org.phasor.cli.FfmProcedureOptions;
import org.phasor.data.Datasets;
import org.phasor.math.fft.FftBackends;
import org.phasor.sim.Imperfections;
import org.phasor.sim.Profiles;
import org.phasor.sim.experiment.FfmLayers;
import org.phasor.sim.experiment.FfmLayersConfig;
import org.phasor.sim.experiment.FfmProcedure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code phasor reproduce ffm-layers}: the FFM paper's depth study (Fashion-MNIST, 2/4/6/8 phase layers) on a
 * simulated bench — ideal simulation, in-silico design deployed on the bench, and in-situ training by FFM and PAT.
 */
@Command(name = "ffm-layers", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains 2/4/6/8-layer phase networks on the shipped Fashion-MNIST subset: in silico (then deployed",
                "on the bench) and in situ on the bench with FFM and PAT; writes table.json, table.md, accuracy.png",
                "and every depth's phase masks as designs/L*.npz.",
                "Without --quick: 120x120 planes of 8 um 12 mm apart, all 6000/1000 images, 2 epochs, Adam lr",
                "0.05 -> 0.0005 cosine for every method; FFM tracks the reference phase before every measurement,",
                "re-registers every 5 steps and re-calibrates every 50 (under an hour on 2 cores)."})
public final class FfmLayersCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created).")
    Path out;

    @Option(names = "--quick", description = "64x64 planes, 2 and 4 layers, 1000 training / 300 test images, 1 epoch (minutes).")
    boolean quick;

    @Option(names = "--bench", paramLabel = "ideal|lab|FILE", defaultValue = "lab",
            description = "Imperfection profile of the simulated bench (default: ${DEFAULT-VALUE}).")
    String bench = "lab";

    @Option(names = "--layers", paramLabel = "L,L,..", split = ",", description = "Override the network depths.")
    List<Integer> layers;

    @Option(names = "--methods", paramLabel = "ffm,pat,pso,exact-twin|none", split = ",",
            description = {"Bench methods (default ffm,pat; none: only the ideal and in-silico deployed columns, for",
                    "studies of deployment). exact-twin is a report-only ceiling: training with the exact",
                    "gradient of the simulated hardware itself, which no lab has (docs/bench.md)."})
    List<String> methods;

    @Option(names = "--train", paramLabel = "N", description = "Training images (0 = all 6000).")
    Integer train;

    @Option(names = "--test", paramLabel = "N", description = "Test images (0 = all 1000).")
    Integer test;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs per method.")
    Integer epochs;

    @Option(names = "--register-every", paramLabel = "STEPS",
            description = "FFM re-registers camera and modulators (response kept) every STEPS steps in between (0 = never).")
    Integer registerEvery;

    @Mixin
    FfmProcedureOptions procedure;

    @Option(names = "--follow-creep", arity = "0..1", fallbackValue = "whole", paramLabel = "whole|subpixel",
            description = {"After each re-registration FFM moves every mask to follow its panel's creep since training",
                    "began, instead of leaving it on the pixels it was trained on: 'whole' (the default value) by whole",
                    "SLM pixels (hysteresis 0.6 px), 'subpixel' by the measured creep itself, fractions of a pixel",
                    "interpolated. Needs --register-every or --recalibrate-every (the full preset has both)."})
    String followCreep;

    @Option(names = "--keep-in-range", negatable = true,
            description = {"FFM, PAT and the exact twin start from their phases moved into each SLM's measured range",
                    "(the same levels) and are clamped there after every step, so no pixel's drive ever jumps across",
                    "the device's wrap, which the SLM's crosstalk smears onto its neighbours (docs/bench.md).",
                    "On in both presets; --no-keep-in-range lets the phases wrap (the runs before 2026-12-07)."})
    Boolean keepInRange;

    @Option(names = "--bench-final-lr", paramLabel = "LR",
            description = {"Where the cosine learning rate ends for the methods trained on the bench (FFM, PAT, the exact",
                    "twin); the in-silico design keeps the preset's (0.0005 in the full one). The bench drifts while it",
                    "trains, so a step that never vanishes lets those methods keep following it (docs/results.md)."})
    Double benchFinalLr;

    @Option(names = "--seed", paramLabel = "N",
            description = {"Training seed: initial phases and sample order (default 1). The lab (realisation and camera",
                    "noise) is the profile's own seed, so repeating with other --seed values on one lab shows the spread."})
    Long seed;

    @Option(names = "--fft", paramLabel = "auto|java|fftw", defaultValue = "auto", description = "FFT backend.")
    String fft = "auto";

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        FfmLayersConfig cfg = configure(quick, layers, methods, train, test, epochs);
        FfmProcedure p = procedure.applyTo(cfg.ffm());
        if (registerEvery != null) {
            p = FfmProcedureOptions.naming("--register-every", p, q -> q.withRecalibration(q.recalibrateEvery(), registerEvery));
        }
        if (followCreep != null) {
            CreepFollowing how = switch (followCreep) {
                case "whole" -> CreepFollowing.WHOLE_PIXELS;
                case "subpixel" -> CreepFollowing.SUB_PIXEL;
                default -> throw new IllegalArgumentException("--follow-creep must be whole or subpixel, got '"
                        + followCreep + "'");
            };
            if (!p.recalibrates()) {
                throw new IllegalArgumentException("--follow-creep: FFM never re-registers in this run (set --register-every)");
            }
            p = p.withCreepFollowing(how);
        }
        if (keepInRange != null) {
            p = p.withKeepInRange(keepInRange);
        }
        cfg = cfg.withFfm(p);
        if (seed != null) {
            cfg = cfg.withSeed(seed);
        }
        if (benchFinalLr != null) {
            cfg = FfmProcedureOptions.naming("--bench-final-lr", cfg, c -> c.withBenchFinalLearningRate(benchFinalLr));
        }
        Imperfections profile = Profiles.load(bench);
        long t0 = System.nanoTime();
        List<FfmLayers.Row> rows = new FfmLayers(cfg, profile,
                FftBackends.select(fft, line -> spec.commandLine().getErr().println("phasor: " + line)),
                line -> {
                    o.println(line);
                    o.flush();
                }).run(Datasets.shippedFashionMnistSubset());
        FfmLayersReport.write(out, rows, cfg, bench, (System.nanoTime() - t0) * 1e-9);
        o.println();
        o.print(FfmLayersReport.markdown(rows, cfg, bench));
        o.println("wrote " + out.resolve("table.json") + ", table.md, accuracy.png, designs/L*.npz");
        o.flush();
        return 0;
    }

    static FfmLayersConfig configure(boolean quick, List<Integer> layers, List<String> methods, Integer train,
                                     Integer test, Integer epochs) {
        FfmLayersConfig cfg = quick
                ? FfmLayersConfig.quick().withLayers(List.of(2, 4)).withSamples(1000, 300, 1)
                : FfmLayersConfig.full();
        if (layers != null) {
            for (int l : layers) {
                if (l < 1 || l > 16) {
                    throw new IllegalArgumentException("--layers: each depth must be 1..16, got " + l);
                }
            }
            cfg = cfg.withLayers(layers);
        }
        if (methods != null) {
            cfg = cfg.withMethods(methods.equals(List.of("none")) ? List.of() : methods);
        }
        if (train != null || test != null || epochs != null) {
            int tr = train != null ? train : cfg.trainSamples();
            int te = test != null ? test : cfg.testSamples();
            int ep = epochs != null ? epochs : cfg.epochs();
            if (tr < 0 || te < 0 || ep < 1) {
                throw new IllegalArgumentException("--train/--test must be ≥ 0 and --epochs ≥ 1, got "
                        + Arrays.asList(tr, te, ep));
            }
            cfg = cfg.withSamples(tr, te, ep);
        }
        return cfg;
    }
}
