package org.phasor.optics.propagation;

import org.phasor.optics.Grid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Validity and sampling checks for the propagators. Each returns human-readable warnings that name the numbers
 * (empty when the method is used inside its range); callers pass them to a warning sink once.
 *
 * <p>The central quantity is the Matsushima–Shimobaba band limit: the phase of the angular-spectrum transfer
 * function changes by more than π between adjacent frequency samples (spacing 1/L, L = FFT window width)
 * beyond |f| = 1/(λ·sqrt((2z/L)² + 1)). Plain ASM aliases when the grid's highest frequency 1/(2·dx) exceeds it.
 */
public final class SamplingCheck {
    /** Largest acceptable paraxial (Fresnel) phase error at the grid's highest spatial frequency, radians. */
    public static final double FRESNEL_MAX_PHASE_ERROR = 0.5;
    /** Largest acceptable Fresnel number a²/(λz) of the source for the Fraunhofer approximation. */
    public static final double FRAUNHOFER_MAX_FRESNEL_NUMBER = 0.5;

    private SamplingCheck() {
    }

    /** Band limit along one axis for window width {@code width}: 1/(λ·sqrt((2z/L)² + 1)), cycles per metre. */
    public static double bandLimit(double wavelength, double distance, double width) {
        double r = 2 * distance / width;
        return 1 / (wavelength * Math.sqrt(r * r + 1));
    }

    /** Highest |fftfreq| on an axis of n samples with pitch d: floor(n/2)/(n·d). */
    public static double maxFrequency(int n, double d) {
        return (n / 2) / (n * d);
    }

    /**
     * Highest frequency on an axis that the aliasing check considers: the grid's own, capped at 0.99/λ. Just below
     * the evanescent cut-off 1/λ the ASM phase varies without bound, so on grids finer than λ/2 a sliver next
     * to the cut-off aliases at every distance; ignoring the last 1 % keeps sub-wavelength grids at short
     * distances (metasurfaces) free of a warning that says nothing useful.
     */
    static double checkedFrequency(int n, double d, double wavelength) {
        return Math.min(maxFrequency(n, d), 0.99 / wavelength);
    }

    /** True when the plain ASM transfer function aliases on the (padded) window of {@code key}. */
    public static boolean asmAliases(TransferKey key) {
        int px = key.nx() * key.pad();
        int py = key.ny() * key.pad();
        double lambda = key.wavelength();
        return checkedFrequency(px, key.dx(), lambda) > bandLimit(lambda, key.distance(), px * key.dx())
                || checkedFrequency(py, key.dy(), lambda) > bandLimit(lambda, key.distance(), py * key.dy());
    }

    /** Largest distance at which plain ASM does not alias on this window (both axes). */
    public static double asmMaxDistance(TransferKey key) {
        return Math.min(axisMaxDistance(key.nx() * key.pad(), key.dx(), key.wavelength()),
                axisMaxDistance(key.ny() * key.pad(), key.dy(), key.wavelength()));
    }

    private static double axisMaxDistance(int n, double d, double lambda) {
        // solve 1/(λ·sqrt((2z/L)²+1)) = fmax for z (s > 1 because fmax ≤ 0.99/λ)
        double s = 1 / (lambda * checkedFrequency(n, d, lambda));
        return n * d / 2 * Math.sqrt(s * s - 1);
    }

    /** Warnings for a transfer-function method forced by the user (AUTO must be resolved first). */
    public static List<String> check(TransferKey key) {
        List<String> w = new ArrayList<>();
        switch (key.method()) {
            case ASM -> {
                if (asmAliases(key)) {
                    w.add(String.format(Locale.ROOT,
                            "plain angular spectrum (asm) at z = %s on %s (FFT window %s): the transfer function's "
                                    + "phase changes by more than π between adjacent frequency samples beyond |f| = %.4g 1/m "
                                    + "(grid reaches %.4g 1/m), so it aliases; asm is sampled correctly only up to "
                                    + "z = %s here; use --method bl-asm or auto, --pad 2, or a larger grid",
                            metres(key.distance()), describe(key), window(key),
                            Math.min(bandLimit(key.wavelength(), key.distance(), key.nx() * key.pad() * key.dx()),
                                    bandLimit(key.wavelength(), key.distance(), key.ny() * key.pad() * key.dy())),
                            Math.max(maxFrequency(key.nx() * key.pad(), key.dx()),
                                    maxFrequency(key.ny() * key.pad(), key.dy())),
                            metres(asmMaxDistance(key))));
                }
            }
            case FRESNEL -> {
                int px = key.nx() * key.pad();
                int py = key.ny() * key.pad();
                // phase step of exp(−iπλz f²) between adjacent samples at the highest frequency: 2πλz·fmax/L
                double stepX = 2 * Math.PI * key.wavelength() * key.distance() * maxFrequency(px, key.dx()) / (px * key.dx());
                double stepY = 2 * Math.PI * key.wavelength() * key.distance() * maxFrequency(py, key.dy()) / (py * key.dy());
                double step = Math.max(stepX, stepY);
                if (step > Math.PI) {
                    double zmax = Math.min(px * key.dx() * key.dx(), py * key.dy() * key.dy()) / key.wavelength();
                    w.add(String.format(Locale.ROOT,
                            "Fresnel transfer function at z = %s on %s (FFT window %s): its phase changes by %.3g rad "
                                    + "(> π) between adjacent frequency samples, so it aliases; it is sampled correctly "
                                    + "only for z ≤ N·dx²/λ = %s; use --method bl-asm or auto, or a larger grid",
                            metres(key.distance()), describe(key), window(key), step, metres(zmax)));
                }
                double fx = maxFrequency(px, key.dx());
                double fy = maxFrequency(py, key.dy());
                double f = Math.sqrt(fx * fx + fy * fy);
                double lambda = key.wavelength();
                if (f >= 1 / lambda) {
                    w.add(String.format(Locale.ROOT,
                            "Fresnel transfer function on %s: the grid reaches |f| = %.4g 1/m beyond 1/λ = %.4g 1/m "
                                    + "(pitch below λ/2·√2), where the paraxial approximation passes evanescent waves "
                                    + "un-attenuated; use --method asm or bl-asm",
                            describe(key), f, 1 / lambda));
                } else {
                    double exact = 2 * Math.PI * key.distance() * Math.sqrt(1 / (lambda * lambda) - f * f);
                    double paraxial = 2 * Math.PI * key.distance() / lambda - Math.PI * lambda * key.distance() * f * f;
                    double err = Math.abs(exact - paraxial);
                    if (err > FRESNEL_MAX_PHASE_ERROR) {
                        w.add(String.format(Locale.ROOT,
                                "Fresnel (paraxial) approximation at z = %s on %s: its phase error reaches %.3g rad "
                                        + "(limit %.2g rad) at the grid's highest spatial frequency %.4g 1/m; "
                                        + "use --method asm, bl-asm or auto for non-paraxial fields",
                                metres(key.distance()), describe(key), err, FRESNEL_MAX_PHASE_ERROR, f));
                    }
                }
            }
            case BL_ASM -> {
                // band limiting is alias-free by construction; nothing to warn about
            }
            case AUTO, FRAUNHOFER -> throw new IllegalArgumentException(
                    "internal: no transfer-function check for method " + key.method());
        }
        return w;
    }

    /**
     * Fraunhofer validity: the source of half-width {@code a} (radius of its support about the grid centre)
     * must have a small Fresnel number a²/(λz).
     */
    public static List<String> checkFraunhofer(Grid grid, double distance, double a) {
        List<String> w = new ArrayList<>();
        double nf = a * a / (grid.wavelength() * distance);
        if (nf > FRAUNHOFER_MAX_FRESNEL_NUMBER) {
            w.add(String.format(Locale.ROOT,
                    "Fraunhofer (far field) at z = %s: the source extends to a = %s from the centre, Fresnel number "
                            + "a²/(λz) = %.3g > %.2g, so the far-field approximation does not hold "
                            + "(it needs z ≫ a²/λ = %s); use --method auto, asm or bl-asm",
                    metres(distance), metres(a), nf, FRAUNHOFER_MAX_FRESNEL_NUMBER,
                    metres(a * a / grid.wavelength())));
        }
        return w;
    }

    /** Resolves {@link Method#AUTO} for a fixed-sampling propagation; other methods are returned unchanged. */
    public static Method resolve(Grid grid, double distance, Method method, int pad) {
        if (method != Method.AUTO) {
            return method;
        }
        return asmAliases(TransferKey.of(grid, distance, Method.ASM, pad)) ? Method.BL_ASM : Method.ASM;
    }

    /** One line saying what {@code auto} picks here and why. */
    public static String explainAuto(Grid grid, double distance, int pad) {
        TransferKey key = TransferKey.of(grid, distance, Method.ASM, pad);
        if (asmAliases(key)) {
            return String.format(Locale.ROOT,
                    "auto chose bl-asm: plain angular spectrum would alias at z = %s on this window (sampled "
                            + "correctly only up to z = %s), so frequencies beyond the band limit are dropped",
                    metres(distance), metres(asmMaxDistance(key)));
        }
        return String.format(Locale.ROOT,
                "auto chose asm (exact angular spectrum): z = %s is within the distance up to which its transfer "
                        + "function is sampled correctly on this window (%s)",
                metres(distance), metres(asmMaxDistance(key)));
    }

    static String metres(double v) {
        if (Double.isInfinite(v)) {
            return "any distance";
        }
        double a = Math.abs(v);
        if (a != 0 && a < 1e-3) {
            return String.format(Locale.ROOT, "%.4g µm", v * 1e6);
        }
        if (a < 1) {
            return String.format(Locale.ROOT, "%.4g mm", v * 1e3);
        }
        return String.format(Locale.ROOT, "%.4g m", v);
    }

    private static String describe(TransferKey k) {
        return String.format(Locale.ROOT, "a %dx%d grid of %.4g µm pitch, λ = %.4g nm",
                k.nx(), k.ny(), k.dx() * 1e6, k.wavelength() * 1e9);
    }

    private static String window(TransferKey k) {
        return String.format(Locale.ROOT, "%s x %s%s", metres(k.nx() * k.pad() * k.dx()),
                metres(k.ny() * k.pad() * k.dy()), k.pad() > 1 ? ", padded x" + k.pad() : "");
    }
}
