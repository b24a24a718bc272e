package org.phasor.cli.bench;

import org.phasor.bench.BenchCalibration;
import org.phasor.bench.BenchDescription;
import org.phasor.bench.ComplexFrames;
import org.phasor.bench.FullyForward;
import org.phasor.bench.Holography;
import org.phasor.bench.IntensityObjective;
import org.phasor.bench.NominalModel;
import org.phasor.io.Npy;
import org.phasor.io.NpyArray;
import org.phasor.io.Npz;
import org.phasor.math.ComplexArray;
import org.phasor.math.Precision;
import org.phasor.math.fft.FftBackends;
import org.phasor.model.DiffractiveNetwork;
import org.phasor.model.NetworkWorkspace;
import org.phasor.model.Params;
import org.phasor.optics.propagation.Propagator;
import org.phasor.sim.Imperfections;
import org.phasor.sim.Profiles;
import org.phasor.sim.SimulatedBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code phasor grad}: the gradient of L = Σ(|o|² − T)² with respect to every layer's phase, either from the
 * model's adjoint or measured on a (simulated) bench by fully forward mode, to compare them as the paper does.
 */
@Command(name = "grad", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes dL/dphase (layers x H x W, float64 .npy) of L = sum (|o|^2 - T)^2 for an exported model.",
                "--method adjoint: the model's exact transpose pass; --method ffm: measured on the bench by holography",
                "(data pass + error pass injected from the output side). FFM programs 8-bit levels, so its gradient is at",
                "the quantised phases; on --bench ideal it uses the nominal calibration, otherwise it measures one."})
public final class GradCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL.npz",
            description = "Exported model (phasor export): phase, pitch, wavelength, distances.")
    Path model;

    @Option(names = "--input", required = true, paramLabel = "X.npy", description = "Input field(s): HxW or BxHxW, real or complex.")
    Path input;

    @Option(names = "--target", required = true, paramLabel = "T.npy", description = "Target intensity: HxW or BxHxW.")
    Path target;

    @Option(names = "--loss", defaultValue = "intensity-mse", description = "Loss (only intensity-mse: L = sum (|o|^2 - T)^2).")
    String loss = "intensity-mse";

    @Option(names = "--method", required = true, paramLabel = "adjoint|ffm", description = "Where the gradient comes from.")
    String method;

    @Option(names = "--bench", defaultValue = "ideal", paramLabel = "ideal|lab|FILE",
            description = "Bench profile for --method ffm (default: ${DEFAULT-VALUE}).")
    String bench = "ideal";

    @Option(names = "--holography-steps", defaultValue = "4", description = "3 or 4 phase steps (default: ${DEFAULT-VALUE}).")
    int steps = 4;

    @Option(names = "--out", required = true, paramLabel = "G.npy", description = "Where to write the gradient.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!loss.equals("intensity-mse")) {
            throw new IllegalArgumentException("--loss: only intensity-mse is supported, got '" + loss + "'");
        }
        Map<String, NpyArray> m = Npz.read(model);
        NpyArray phase = require(m, "phase", model);
        if (phase.ndim() != 3) {
            throw new IllegalArgumentException(model + ": 'phase' must be layers x H x W, got " + phase.describe());
        }
        int layers = phase.shape()[0];
        int ny = phase.shape()[1];
        int nx = phase.shape()[2];
        double pitch = require(m, "pitch", model).data()[0];
        double wavelength = require(m, "wavelength", model).data()[0];
        double[] distances = require(m, "distances", model).data();
        BenchDescription d = new BenchDescription("model " + model.getFileName(), nx, ny, pitch, wavelength, distances,
                layers, 256, 1.0 / 42);
        double[][] phases = new double[layers][];
        for (int l = 0; l < layers; l++) {
            phases[l] = java.util.Arrays.copyOfRange(phase.data(), l * nx * ny, (l + 1) * nx * ny);
        }
        ComplexArray x = fields(Npy.read(input), input, nx, ny);
        double[] t = Npy.read(target).data();
        int batch = x.batch();
        if (t.length != nx * ny && t.length != batch * nx * ny) {
            throw new IllegalArgumentException(target + ": expected " + ny + "x" + nx + " or " + batch + "x" + ny + "x"
                    + nx + " values, got " + t.length);
        }
        boolean shared = t.length == nx * ny;
        Propagator prop = new Propagator(FftBackends.select("auto", s -> spec.commandLine().getErr().println("phasor: " + s)),
                w -> spec.commandLine().getErr().println("phasor: warning: " + w));
        double[][] g;
        double l;
        switch (method) {
            case "adjoint" -> {
                DiffractiveNetwork net = NominalModel.network(d, prop, NominalModel.detectors343(nx, ny, 1), List.of());
                NetworkWorkspace ws = net.workspace(batch, Precision.DOUBLE);
                ws.setBatchSize(batch);
                ws.setParams(new Params(phases));
                ws.input().copyFrom(x);
                ws.forwardRecording();
                ComplexArray o = ws.output();
                ComplexArray e = ws.errorField();
                double sum = 0;
                for (long i = 0; i < o.size(); i++) {
                    double re = o.re(i);
                    double im = o.im(i);
                    double diff = re * re + im * im - t[shared ? (int) (i % (nx * ny)) : (int) i];
                    sum += diff * diff;
                    e.set(i, 2 * diff * re, -2 * diff * im);
                }
                ws.transposePass(false);
                Params grad = net.identityParams().zerosLike();
                ws.accumulateGradients(grad);
                g = grad.layers();
                l = sum;
            }
            case "ffm" -> {
                Imperfections imp = Profiles.load(bench);
                SimulatedBench b = new SimulatedBench(d, imp, prop);
                Holography holo = new Holography(steps, layers + 2);
                BenchCalibration cal = bench.equals("ideal") ? BenchCalibration.nominal(d)
                        : BenchCalibration.measure(b, holo, 8, 4);
                FullyForward ffm = new FullyForward(b, cal, holo, List.of());
                ffm.program(phases);
                IntensityObjective obj = (intensity, n, pixels, dLdI) -> {
                    double s = 0;
                    for (int i = 0; i < n * pixels; i++) {
                        double diff = intensity[i] - t[shared ? i % pixels : i];
                        s += diff * diff;
                        dLdI[i] = 2 * diff;
                    }
                    return s;
                };
                FullyForward.Result r = ffm.gradient(ComplexFrames.of(x), obj);
                g = r.gradient();
                l = r.loss();
                spec.commandLine().getOut().printf(Locale.ROOT, "bench %s: %d passes, %d frames (calibration %d frames)%n",
                        imp.description(), r.cost().passes(), r.cost().frames(), cal.cost().frames());
            }
            default -> throw new IllegalArgumentException("--method must be adjoint or ffm, got '" + method + "'");
        }
        Npy.write(out, NpyArray.ofLayers(g, ny, nx));
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "loss %.6g; wrote %s (%d x %d x %d)%n", l, out, layers, ny, nx);
        o.flush();
        return 0;
    }

    private static NpyArray require(Map<String, NpyArray> m, String key, Path file) {
        NpyArray a = m.get(key);
        if (a == null) {
            throw new IllegalArgumentException(file + ": missing array '" + key + "' (expected a phasor export .npz)");
        }
        return a;
    }

    private static ComplexArray fields(NpyArray a, Path file, int nx, int ny) {
        int[] s = a.shape();
        boolean ok = (s.length == 2 && s[0] == ny && s[1] == nx) || (s.length == 3 && s[1] == ny && s[2] == nx);
        if (!ok) {
            throw new IllegalArgumentException(file + ": expected " + ny + "x" + nx + " or Bx" + ny + "x" + nx
                    + ", got " + a.describe());
        }
        ComplexArray c = a.toComplexArray().toPrecision(Precision.DOUBLE);
        return c;
    }
}
