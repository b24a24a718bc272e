package org.phasor.cli.run;

import org.phasor.cli.FftOption;
import org.phasor.io.NpyArray;
import org.phasor.io.NpyDtype;
import org.phasor.io.Npz;
import org.phasor.model.DiffractiveNetwork;
import org.phasor.model.NetworkWorkspace;
import org.phasor.model.Readout;
import org.phasor.math.Precision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code phasor export RUN_DIR --out model.npz}: the trained masks and the full geometry in a NumPy .npz whose
 * layout is documented in docs/export-npz.md.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a run's trained masks and geometry as a NumPy .npz (layout: docs/export-npz.md)."})
public final class ExportCommand implements Callable<Integer> {
    /** Version of the .npz layout (stored as {@code format_version}). */
    public static final int FORMAT_VERSION = 1;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run directory written by phasor train.")
    Path dir;

    @Option(names = "--out", required = true, paramLabel = "FILE.npz", description = "Where to write the .npz.")
    Path out;

    @Mixin
    FftOption fft;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        SavedRun s = SavedRun.load(dir, fft.backend(new java.io.PrintStream(System.err, true)), err);
        Npz.write(out, arrays(s));
        spec.commandLine().getOut().println("wrote " + out + " (" + s.network().layerCount() + " masks of "
                + s.network().grid().describe() + ")");
        spec.commandLine().getOut().flush();
        return 0;
    }

    static Map<String, NpyArray> arrays(SavedRun s) {
        DiffractiveNetwork net = s.network();
        RunConfig c = s.config();
        int L = net.layerCount();
        int nx = net.grid().nx();
        int ny = net.grid().ny();
        int px = nx * ny;
        NetworkWorkspace ws = net.workspace(1, Precision.DOUBLE);
        ws.setParams(s.params());
        double[] phase = new double[L * px];
        double[] trans = new double[2 * L * px];
        for (int l = 1; l <= L; l++) {
            double[] t = ws.transmission(l);
            System.arraycopy(t, 0, trans, 2 * (l - 1) * px, 2 * px);
            for (int p = 0; p < px; p++) {
                phase[(l - 1) * px + p] = Math.atan2(t[2 * p + 1], t[2 * p]);
            }
        }
        int k = net.layer(1).modulation().paramsPerPixel();
        Readout ro = net.readout();
        double[] regions = new double[4 * ro.classes()];
        for (int r = 0; r < ro.classes(); r++) {
            Readout.Region g = ro.regions().get(r);
            regions[4 * r] = g.x0();
            regions[4 * r + 1] = g.y0();
            regions[4 * r + 2] = g.width();
            regions[4 * r + 3] = g.height();
        }
        RunBuilder rb = s.builder();
        Map<String, NpyArray> m = new LinkedHashMap<>();
        m.put("format_version", scalar(FORMAT_VERSION));
        m.put("phase", NpyArray.ofReal(NpyDtype.FLOAT64, new int[]{L, ny, nx}, phase));
        m.put("transmission", new NpyArray(NpyDtype.COMPLEX128, new int[]{L, ny, nx}, trans));
        m.put("parameters", NpyArray.ofLayers(s.params().layers(), ny, nx * k));
        m.put("grid_shape", NpyArray.ofReal(NpyDtype.FLOAT64, new int[]{2}, new double[]{ny, nx}));
        m.put("pitch", NpyArray.ofReal(NpyDtype.FLOAT64, new int[]{2}, new double[]{net.grid().dy(), net.grid().dx()}));
        m.put("wavelength", scalar(net.grid().wavelength()));
        m.put("distances", NpyArray.ofReal(NpyDtype.FLOAT64, new int[]{L + 1}, rb.distances()));
        m.put("padding", scalar(c.optics.padding));
        m.put("method", text(rb.method().cliName()));
        m.put("modulation", text(c.network.modulation));
        m.put("activation", text(c.network.activation));
        m.put("encoding", text(c.encoding.type));
        m.put("object_size", scalar(rb.objectSize()));
        m.put("detector_regions", NpyArray.ofReal(NpyDtype.FLOAT64, new int[]{ro.classes(), 4}, regions));
        return m;
    }

    static NpyArray scalar(double v) {
        return NpyArray.ofReal(NpyDtype.FLOAT64, new int[]{}, new double[]{v});
    }

    /** A string as float64 Unicode code points (the .npz writer stores numeric dtypes only). */
    static NpyArray text(String s) {
        double[] cps = s.codePoints().asDoubleStream().toArray();
        return NpyArray.ofReal(NpyDtype.FLOAT64, new int[]{cps.length}, cps);
    }
}
