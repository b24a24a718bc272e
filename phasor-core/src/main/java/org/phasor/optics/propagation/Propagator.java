package org.phasor.optics.propagation;

import org.phasor.math.ComplexArray;
import org.phasor.math.fft.Fft2;
import org.phasor.math.fft.FftBackend;
import org.phasor.optics.Field;
import org.phasor.optics.Grid;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Builds free-space propagators. One instance owns the FFT backend it was given, a bounded transfer-function
 * cache and a warning sink that receives each distinct sampling warning once. Create one per program (or per
 * model) and pass it around; there is no global state.
 *
 * <pre>{@code
 * Propagator prop = new Propagator(FftBackends.select("auto", Propagator.STDERR), Propagator.STDERR);
 * FreeSpace layer = prop.freeSpace(grid, 0.012, Method.BL_ASM, 1);   // a LinearOp, in place on batches
 * Field far = prop.propagate(field, 0.5, Method.FRAUNHOFER, 1);       // new field, new grid
 * }</pre>
 */
public final class Propagator {
    /** The default warning sink: one line "phasor: warning: ..." on stderr. */
    public static final Consumer<String> STDERR = msg -> System.err.println("phasor: warning: " + msg);

    private final FftBackend backend;
    private final Consumer<String> sink;
    private final TransferFunctionCache cache;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /** With a cache of 16 transfer functions. */
    public Propagator(FftBackend backend, Consumer<String> warnings) {
        this(backend, warnings, new TransferFunctionCache(16));
    }

    public Propagator(FftBackend backend, Consumer<String> warnings, TransferFunctionCache cache) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.sink = Objects.requireNonNull(warnings, "warnings");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    public FftBackend backend() {
        return backend;
    }

    public TransferFunctionCache cache() {
        return cache;
    }

    /**
     * Free space over {@code distance} metres at fixed sampling. {@code AUTO} resolves to ASM or BL-ASM;
     * FRAUNHOFER is refused (it changes the grid: use {@link #propagate}). Sampling warnings go to the sink once.
     *
     * @param pad 1 (circular convolution, the DFT's own) or 2 (zero padding ×2, linear convolution)
     */
    public FreeSpace freeSpace(Grid grid, double distance, Method method, int pad) {
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(method, "method");
        requireDistance(distance);
        requirePad(pad);
        if (method == Method.FRAUNHOFER) {
            throw new IllegalArgumentException(
                    "fraunhofer changes the grid (output pitch λz/(N·dx)), so it is not a fixed-sampling operator; "
                            + "use Propagator.propagate or another method");
        }
        Method m = SamplingCheck.resolve(grid, distance, method, pad);
        TransferFunction h = cache.get(TransferKey.of(grid, distance, m, pad), TransferFunction::compute);
        warn(h.warnings());
        return new FreeSpace(grid, h, backend);
    }

    /**
     * Propagates a copy of {@code in}; the input is untouched. FRAUNHOFER returns a field on the far-field grid
     * (pitch λz/(N·dx), centred on the axis), every other method keeps the grid.
     */
    public Field propagate(Field in, double distance, Method method, int pad) {
        if (method == Method.FRAUNHOFER) {
            requirePad(pad);
            return farField(in, distance);
        }
        Field out = in.copy();
        freeSpace(in.grid(), distance, method, pad).apply(out.data());
        return out;
    }

    /**
     * Fraunhofer far field at distance z > 0:
     * U(x₂) = exp(ikz)/(iλz) · exp(ik·|x₂|²/(2z)) · dx·dy · Σ u(x₁)·exp(−2πi·x₁·x₂/(λz)),
     * with x₁ measured from the input grid's centre sample. Output pitch λz/(N·dx); power is conserved.
     */
    public Field farField(Field in, double distance) {
        requireDistance(distance);
        if (distance == 0) {
            throw new IllegalArgumentException("fraunhofer needs a distance > 0 metres, got 0");
        }
        Grid g = in.grid();
        warn(SamplingCheck.checkFraunhofer(g, distance, supportRadius(in)));
        double lambda = g.wavelength();
        Grid out = new Grid(g.nx(), g.ny(), lambda * distance / (g.nx() * g.dx()),
                lambda * distance / (g.ny() * g.dy()), lambda, 0, 0);
        ComplexArray work = in.data().zerosLike();
        roll(in.data(), work, -(g.ny() / 2), -(g.nx() / 2)); // ifftshift: the centre sample goes to index 0
        Fft2 fft = backend.plan(g.ny(), g.nx(), in.precision());
        fft.forward(work);
        ComplexArray result = work.zerosLike();
        roll(work, result, g.ny() / 2, g.nx() / 2); // fftshift: frequency 0 goes to the centre sample
        double k = g.k();
        double scale = g.dx() * g.dy() / (lambda * distance);
        int nx = g.nx();
        int ny = g.ny();
        IntStream.range(0, result.batch() * ny).parallel().forEach(r -> {
            int y = r % ny;
            double[] row = new double[2 * nx];
            long start = (long) r * nx;
            result.load(start, row, 0, nx);
            double y2 = out.y(y);
            for (int x = 0; x < nx; x++) {
                double x2 = out.x(x);
                // exp(ikz)/(iλz) = exp(i(kz − π/2))/(λz)
                double phase = k * distance - Math.PI / 2 + k * (x2 * x2 + y2 * y2) / (2 * distance);
                double cr = scale * Math.cos(phase);
                double ci = scale * Math.sin(phase);
                double re = row[2 * x];
                double im = row[2 * x + 1];
                row[2 * x] = re * cr - im * ci;
                row[2 * x + 1] = re * ci + im * cr;
            }
            result.store(start, row, 0, nx);
        });
        return new Field(out, result);
    }

    /** Radius (from the grid centre) of the farthest sample holding more than 1e-4 of the peak intensity. */
    static double supportRadius(Field f) {
        ComplexArray a = f.data();
        Grid g = f.grid();
        double peak = 0;
        for (long i = 0; i < a.size(); i++) {
            peak = Math.max(peak, a.re(i) * a.re(i) + a.im(i) * a.im(i));
        }
        double r2 = 0;
        for (int b = 0; b < a.batch(); b++) {
            for (int y = 0; y < g.ny(); y++) {
                double dy = (y - g.ny() / 2) * g.dy();
                for (int x = 0; x < g.nx(); x++) {
                    long i = a.index(b, y, x);
                    double v = a.re(i) * a.re(i) + a.im(i) * a.im(i);
                    if (v > 1e-4 * peak) {
                        double dx = (x - g.nx() / 2) * g.dx();
                        r2 = Math.max(r2, dx * dx + dy * dy);
                    }
                }
            }
        }
        return Math.sqrt(r2);
    }

    /** dst[(y + sy) mod ny][(x + sx) mod nx] = src[y][x] for every item (np.roll). */
    static void roll(ComplexArray src, ComplexArray dst, int sy, int sx) {
        int ny = src.ny();
        int nx = src.nx();
        IntStream.range(0, src.batch() * ny).parallel().forEach(r -> {
            int b = r / ny;
            int y = r % ny;
            double[] row = new double[2 * nx];
            double[] shifted = new double[2 * nx];
            src.load(src.index(b, y, 0), row, 0, nx);
            for (int x = 0; x < nx; x++) {
                int tx = Math.floorMod(x + sx, nx);
                shifted[2 * tx] = row[2 * x];
                shifted[2 * tx + 1] = row[2 * x + 1];
            }
            dst.store(dst.index(b, Math.floorMod(y + sy, ny), 0), shifted, 0, nx);
        });
    }

    private void warn(List<String> messages) {
        for (String m : messages) {
            if (warned.add(m)) {
                sink.accept(m);
            }
        }
    }

    static void requireDistance(double distance) {
        if (!Double.isFinite(distance) || distance < 0) {
            throw new IllegalArgumentException("propagation distance must be a finite number ≥ 0 metres, got " + distance);
        }
    }

    static void requirePad(int pad) {
        if (pad != 1 && pad != 2) {
            throw new IllegalArgumentException("zero padding factor must be 1 or 2, got " + pad);
        }
    }
}
