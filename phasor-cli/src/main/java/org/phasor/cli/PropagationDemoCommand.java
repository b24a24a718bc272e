package org.phasor.cli;

import org.phasor.io.FieldImages;
import org.phasor.io.Npy;
import org.phasor.io.NpyArray;
import org.phasor.math.ComplexArray;
import org.phasor.math.Precision;
import org.phasor.math.fft.FftBackend;
import org.phasor.math.fft.FftBackends;
import org.phasor.optics.Field;
import org.phasor.optics.Grid;
import org.phasor.optics.element.Aperture;
import org.phasor.optics.element.ThinLens;
import org.phasor.optics.propagation.Method;
import org.phasor.optics.propagation.Propagator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code phasor propagation-demo} (formerly {@code phasor demo}, which now runs the FFM comparison): a free-space propagation demo (diffraction from a circular aperture, a lens
 * focusing to the Airy pattern, a Gaussian beam), each checked against its closed form and written as PNG and
 * .npy.
 */
@Command(name = "propagation-demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the propagation demo and writes pictures (PNG) and fields (.npy) under --out.",
                "Grid: 512x512 samples of 4 um, wavelength 633 nm; every length printed is in the unit shown."})
public final class PropagationDemoCommand implements Callable<Integer> {
    static final double LAMBDA = 633e-9;
    static final double PITCH = 4e-6;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/demo",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--size", paramLabel = "N", defaultValue = "512",
            description = "Grid size in samples per side (default: ${DEFAULT-VALUE}; the pitch stays 4 um).")
    int n = 512;

    @Option(names = "--fft", paramLabel = "auto|java|fftw", defaultValue = "auto",
            description = "FFT backend (default: ${DEFAULT-VALUE}).")
    String fft = "auto";

    private PrintWriter out;

    @Override
    public Integer call() throws Exception {
        if (n < 64 || n > 4096) {
            throw new IllegalArgumentException("--size must be between 64 and 4096 samples, got " + n);
        }
        out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FftBackend backend = FftBackends.select(fft, line -> err.println("phasor: " + line));
        Propagator prop = new Propagator(backend, w -> err.println("phasor: warning: " + w));
        Grid grid = Grid.square(n, PITCH, LAMBDA);
        out.printf(Locale.ROOT, "phasor demo: free-space propagation on %s, FFT %s -> %s%n", grid.describe(),
                backend.name(), dir);
        aperture(prop, grid);
        lensFocus(prop, grid);
        gaussian(prop, grid);
        out.flush();
        return 0;
    }

    /** A circular aperture (r = 0.3 mm) from the near field to the far field: Fresnel numbers 36, 9 and 1.8. */
    private void aperture(Propagator prop, Grid grid) throws Exception {
        double a = 0.3e-3;
        Field u = uniform(grid);
        Aperture.circular(grid, a).apply(u.data());
        double[] zs = {4e-3, 16e-3, 80e-3};
        FieldImages.Panel[] panels = new FieldImages.Panel[zs.length + 1];
        panels[0] = FieldImages.intensity(u, 0, "aperture r = 0.3 mm");
        for (int i = 0; i < zs.length; i++) {
            Field z = prop.propagate(u, zs[i], Method.AUTO, 2);
            panels[i + 1] = FieldImages.intensity(z, 0, String.format(Locale.ROOT, "z = %.0f mm, N_F = %.1f",
                    zs[i] * 1e3, a * a / (LAMBDA * zs[i])));
            if (i == zs.length - 1) {
                write(dir.resolve("aperture_z80mm.npy"), z);
            }
        }
        Path png = dir.resolve("aperture.png");
        FieldImages.write(png, grid, panels);
        out.println("  wrote " + png + " (intensity after a circular aperture at 0, 4, 16 and 80 mm; method auto, zero-padded x2)");
    }

    /** A lens (f = 100 mm) behind a 1 mm pupil focuses a plane wave to the Airy pattern, first zero 1.22·λf/D. */
    private void lensFocus(Propagator prop, Grid grid) throws Exception {
        double f = 0.1;
        double d = 1e-3;
        Field u = uniform(grid);
        Aperture.circular(grid, d / 2).apply(u.data());
        new ThinLens(grid, f).apply(u.data());
        Field focus = prop.propagate(u, f, Method.AUTO, 2);
        int c = grid.nx() / 2;
        int half = Math.min(64, grid.nx() / 4);
        Field zoom = crop(focus, c - half, c - half, 2 * half);
        double measured = firstMinimum(zoom) * 1e6;
        double theory = 1.22 * LAMBDA * f / d * 1e6;
        Path png = dir.resolve("lens_focus.png");
        FieldImages.write(png, zoom.grid(), FieldImages.intensity(zoom, 0, "focal plane, f = 100 mm, D = 1 mm"),
                FieldImages.phase(zoom, 0, "focal plane phase"));
        write(dir.resolve("lens_focus.npy"), focus);
        out.printf(Locale.ROOT, "  wrote %s (Airy pattern; first zero measured %.1f um, theory 1.22*lambda*f/D = %.1f um)%n",
                png, measured, theory);
    }

    /** A Gaussian beam (w0 = 60 µm) at one Rayleigh range: width ×√2, Gouy phase −π/4 on axis. */
    private void gaussian(Propagator prop, Grid grid) throws Exception {
        double w0 = 60e-6;
        double zr = Math.PI * w0 * w0 / LAMBDA;
        Field u = Field.zeros(grid, 1, Precision.DOUBLE);
        for (int y = 0; y < grid.ny(); y++) {
            for (int x = 0; x < grid.nx(); x++) {
                double r2 = grid.x(x) * grid.x(x) + grid.y(y) * grid.y(y);
                u.data().set(u.data().index(0, y, x), Math.exp(-r2 / (w0 * w0)), 0);
            }
        }
        Field z = prop.propagate(u, zr, Method.AUTO, 1);
        ComplexArray o = z.data();
        double sx2 = 0;
        double sum = 0;
        for (int y = 0; y < grid.ny(); y++) {
            for (int x = 0; x < grid.nx(); x++) {
                long i = o.index(0, y, x);
                double in = o.re(i) * o.re(i) + o.im(i) * o.im(i);
                sx2 += grid.x(x) * grid.x(x) * in;
                sum += in;
            }
        }
        long c = o.index(0, grid.ny() / 2, grid.nx() / 2);
        double gouy = Math.IEEEremainder(Math.atan2(o.im(c), o.re(c)) - grid.k() * zr, 2 * Math.PI);
        int half = Math.min(64, grid.nx() / 4);
        Field zoom = crop(z, grid.nx() / 2 - half, grid.ny() / 2 - half, 2 * half);
        Path png = dir.resolve("gaussian.png");
        FieldImages.write(png, zoom.grid(), FieldImages.intensity(zoom, 0, String.format(Locale.ROOT,
                "Gaussian beam at z_R = %.1f mm", zr * 1e3)), FieldImages.phase(zoom, 0, "phase (curved wavefront)"));
        write(dir.resolve("gaussian_zR.npy"), z);
        out.printf(Locale.ROOT, "  wrote %s (width %.2f um, theory w0*sqrt(2) = %.2f um; on-axis Gouy phase %.4f rad, theory -pi/4 = %.4f)%n",
                png, 2 * Math.sqrt(sx2 / sum) * 1e6, w0 * Math.sqrt(2) * 1e6, gouy, -Math.PI / 4);
    }

    private static Field uniform(Grid grid) {
        Field u = Field.zeros(grid, 1, Precision.DOUBLE);
        for (long i = 0; i < u.data().size(); i++) {
            u.data().set(i, 1, 0);
        }
        return u;
    }

    /** A size×size window starting at (x0, y0), on a grid whose centre is that window's centre sample. */
    private static Field crop(Field f, int x0, int y0, int size) {
        Grid g = f.grid();
        Grid cg = new Grid(size, size, g.dx(), g.dy(), g.wavelength(), g.x(x0 + size / 2), g.y(y0 + size / 2));
        ComplexArray c = ComplexArray.zeros(f.precision(), 1, size, size);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                long i = f.data().index(0, y0 + y, x0 + x);
                c.set(c.index(0, y, x), f.data().re(i), f.data().im(i));
            }
        }
        return new Field(cg, c);
    }

    /** Distance (metres) from the centre to the first intensity minimum along +x of the centre row. */
    private static double firstMinimum(Field f) {
        ComplexArray a = f.data();
        int y = f.grid().ny() / 2;
        int c = f.grid().nx() / 2;
        double prev = Double.MAX_VALUE;
        for (int x = c; x < f.grid().nx(); x++) {
            long i = a.index(0, y, x);
            double in = a.re(i) * a.re(i) + a.im(i) * a.im(i);
            if (in > prev) {
                return (x - 1 - c) * f.grid().dx();
            }
            prev = in;
        }
        return Double.NaN;
    }

    private void write(Path p, Field f) throws Exception {
        Npy.write(p, NpyArray.of(f.data(), true));
        out.println("  wrote " + p + " (complex field, pitch " + f.grid().dx() * 1e6 + " um)");
    }
}
