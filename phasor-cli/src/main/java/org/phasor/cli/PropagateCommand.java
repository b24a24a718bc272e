package org.phasor.cli;

import org.phasor.io.FieldImages;
import org.phasor.io.Npy;
import org.phasor.io.NpyArray;
import org.phasor.math.ComplexArray;
import org.phasor.math.fft.FftBackend;
import org.phasor.math.fft.FftBackends;
import org.phasor.optics.Field;
import org.phasor.optics.Grid;
import org.phasor.optics.propagation.Method;
import org.phasor.optics.propagation.Propagator;
import org.phasor.optics.propagation.SamplingCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code phasor propagate}: free-space propagation of a field stored as .npy. */
@Command(name = "propagate", mixinStandardHelpOptions = true,
        description = {
                "Propagates a 2-D complex (or real) field stored as a NumPy .npy file through free space and writes "
                        + "the complex result in the input's precision (float64/complex128 in -> complex128 out, "
                        + "float32/complex64 in -> complex64 out). A 3-D file (batch, ny, nx) is a batch of fields.",
                "Lengths are metres; a unit suffix is accepted (8e-6, 8um, 633nm, 2cm).",
                "Sampling problems are reported once as 'phasor: warning: ...' on stderr; bad input is one line "
                        + "'phasor: error: ...' and exit code 2."},
        sortOptions = false)
public final class PropagateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "IN.npy",
            description = "Input field: (ny, nx) or (batch, ny, nx), float32/float64/complex64/complex128, C order.")
    Path in;

    @Option(names = "--pitch", required = true, paramLabel = "METRES", converter = Metres.class,
            description = "Sample pitch dx = dy of the input grid, metres (e.g. 8e-6 or 8um).")
    double pitch;

    @Option(names = "--wavelength", required = true, paramLabel = "METRES", converter = Metres.class,
            description = "Vacuum wavelength, metres (e.g. 633e-9 or 633nm).")
    double wavelength;

    @Option(names = "--distance", required = true, paramLabel = "METRES", converter = Metres.class,
            description = "Propagation distance z >= 0, metres (e.g. 0.02 or 2cm).")
    double distance;

    @Option(names = "--method", paramLabel = "auto|asm|bl-asm|fresnel|fraunhofer", defaultValue = "auto",
            description = {
                    "asm: exact angular spectrum (evanescent waves decay); bl-asm: band-limited ASM (Matsushima-"
                            + "Shimobaba), alias-free at any distance; fresnel: paraxial transfer function; "
                            + "fraunhofer: far field by one FFT, output pitch = wavelength*z/(N*pitch); "
                            + "auto: asm where its transfer function is sampled correctly, bl-asm beyond "
                            + "(default: ${DEFAULT-VALUE})."})
    String method = "auto";

    @Option(names = "--pad", paramLabel = "1|2", defaultValue = "1",
            description = "Zero padding factor: 1 = periodic (circular) convolution on the input window, 2 = pad to "
                    + "twice the size so light leaving the window does not wrap around (linear convolution; "
                    + "about 4x the work). Ignored by fraunhofer (default: ${DEFAULT-VALUE}).")
    int pad = 1;

    @Option(names = "--fft", paramLabel = "auto|java|fftw", defaultValue = "auto",
            description = "FFT backend: fftw (native), java (pure Java) or auto (fftw when it loads; default: ${DEFAULT-VALUE}).")
    String fft = "auto";

    @Option(names = "--out", required = true, paramLabel = "OUT.npy",
            description = "Output .npy (complex, same shape as the input; written atomically).")
    Path out;

    @Option(names = "--png", paramLabel = "OUT.png",
            description = "Also write a picture of the (first) output field: intensity and phase, axes in mm.")
    Path png;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        requirePositive("--pitch", pitch);
        requirePositive("--wavelength", wavelength);
        if (!Double.isFinite(distance) || distance < 0) {
            throw new IllegalArgumentException("--distance must be a finite number >= 0 metres, got " + distance);
        }
        Method m = Method.parse(method);
        if (pad != 1 && pad != 2) {
            throw new IllegalArgumentException("--pad must be 1 or 2, got " + pad);
        }
        NpyArray arr = Npy.read(in);
        if (arr.ndim() != 2 && arr.ndim() != 3) {
            throw new IllegalArgumentException(in + ": expected a 2-D field (ny, nx) or a batch (batch, ny, nx), got "
                    + arr.describe());
        }
        ComplexArray data;
        try {
            data = arr.toComplexArray();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(in + ": " + e.getMessage());
        }
        Grid grid = Grid.of(data.nx(), data.ny(), pitch, wavelength);
        FftBackend backend = FftBackends.select(fft, line -> err.println("phasor: " + line));
        Propagator prop = new Propagator(backend, w -> {
            err.println("phasor: warning: " + w);
            err.flush();
        });
        String choice = m.cliName();
        if (m == Method.AUTO) {
            choice = SamplingCheck.explainAuto(grid, distance, pad);
        }
        Field result = prop.propagate(new Field(grid, data), distance, m, pad);
        NpyArray outArr = NpyArray.of(result.data(), arr.ndim() == 2);
        Npy.write(out, outArr);
        Grid g2 = result.grid();
        stdout.printf(Locale.ROOT, "propagated %s %s by z = %s m with %s (pad %d, fft %s); power Σ|u|²·dx² in %.6g, out %.6g%n",
                in, arr.describe(), fmt(distance), choice, m == Method.FRAUNHOFER ? 1 : pad, backend.name(),
                new Field(grid, data).power(), result.power());
        if (m == Method.FRAUNHOFER) {
            stdout.printf(Locale.ROOT, "far-field grid: pitch %s m (was %s m)%n", fmt(g2.dx()), fmt(pitch));
        }
        stdout.println("wrote " + out + " " + outArr.describe());
        if (png != null) {
            FieldImages.writeIntensityAndPhase(png, result.item(0),
                    String.format(Locale.ROOT, "z = %s mm (%s)", fmt(distance * 1e3), m == Method.AUTO ? "auto" : m.cliName()));
            stdout.println("wrote " + png);
        }
        stdout.flush();
        return 0;
    }

    private static void requirePositive(String option, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(option + " must be a positive number of metres, got " + v);
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
