package org.phasor.bench;

/**
 * Measures a modulator's pixel crosstalk ({@link Crosstalk}) on the bench: with every modulator flat and a flat
 * input, the field just after modulator m is measured flat (u₀) and with stripes two pixels wide alternating between
 * two levels about π/2 apart (u₁, period 4 px): once along x, once along y. Both fields are moved onto the
 * modulator's pixels through its registration ({@link PanelFrame}); the shown phase change arg(u₁·conj(u₀)),
 * averaged over each of the four pixel columns (rows) of the period, has a fundamental that is the programmed
 * one's — Δ from the measured response, measured on large areas where the blur does not act — times what the blur
 * keeps of it. The width of the sampled Gaussian that keeps as much is the crosstalk along that axis. (Stripes
 * one pixel wide would be more sensitive, but a pattern at the Nyquist frequency does not survive the sub-pixel
 * motion of the panel and its undoing intact: a panel without crosstalk measured 0.87 of it.)
 *
 * <p>Averaged over every illuminated pixel of the central half (weighted by |u₀|²), so camera noise and the
 * reference's drift (common to the whole plane, removed with the mean phase) hardly enter; 4 holographic
 * measurements per modulator. The model (a Gaussian blur of the phase) is what fringing-field studies of LCOS panels
 * use to first order; a panel whose crosstalk has another shape gets the Gaussian of the same Nyquist gain.
 */
public final class CrosstalkCalibration {
    /** Phase step between the stripes, rad: large enough to measure, small enough never to wrap after the blur. */
    private static final double STEP = Math.PI / 2;

    private CrosstalkCalibration() {
    }

    /** The crosstalk of modulator {@code modulator} (1-based), given its measured response and registration. */
    public static Crosstalk measure(Bench bench, Holography holo, int modulator, PhaseResponse response,
                                    AffineMap registration) {
        BenchDescription d = bench.describe();
        int nx = d.nx();
        int ny = d.ny();
        Injection flat = PhaseCalibration.flatBench(bench);
        int low = 0;
        int high = response.levelFor(response.phase(low) + STEP);
        double delta = response.phase(high) - response.phase(low);
        if (!(delta > 0.2)) {
            throw new IllegalStateException("crosstalk calibration of modulator " + modulator
                    + ": the measured response has no level about π/2 above level 0");
        }
        double gx = gain(bench, holo, modulator, registration, flat, low, high, delta, true);
        double gy = gain(bench, holo, modulator, registration, flat, low, high, delta, false);
        bench.program(modulator, new int[nx * ny]);
        return new Crosstalk(Crosstalk.sigmaForStripeGain(gx), Crosstalk.sigmaForStripeGain(gy));
    }

    /** What the blur keeps of the stripes' fundamental, stripes alternating along x ({@code alongX}) or y. */
    private static double gain(Bench bench, Holography holo, int modulator, AffineMap registration, Injection flat,
                               int low, int high, double delta, boolean alongX) {
        BenchDescription d = bench.describe();
        int nx = d.nx();
        int ny = d.ny();
        bench.program(modulator, new int[nx * ny]);
        double[] u0 = PanelFrame.pull(registration, holo.measure(bench, flat, modulator).reIm(), 1, nx, ny);
        int period = Crosstalk.PERIOD;
        int[] stripes = new int[nx * ny];
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                stripes[y * nx + x] = ((alongX ? x : y) % period < period / 2) ? low : high;
            }
        }
        bench.program(modulator, stripes);
        double[] u1 = PanelFrame.pull(registration, holo.measure(bench, flat, modulator).reIm(), 1, nx, ny);
        // the reference may have drifted between the two measurements: measure phases about the overall change
        double[] overlap = PhaseCalibration.overlap(u1, u0);
        double mean = Math.atan2(overlap[1], overlap[0]);
        // weighted mean phase change on each pixel column (row) of the period, central half only (no edge effects)
        double[] sum = new double[period];
        double[] weight = new double[period];
        for (int y = ny / 4; y < ny - ny / 4; y++) {
            for (int x = nx / 4; x < nx - nx / 4; x++) {
                int i = y * nx + x;
                double re = u1[2 * i] * u0[2 * i] + u1[2 * i + 1] * u0[2 * i + 1];
                double im = u1[2 * i + 1] * u0[2 * i] - u1[2 * i] * u0[2 * i + 1];
                double w = u0[2 * i] * u0[2 * i] + u0[2 * i + 1] * u0[2 * i + 1];
                int c = (alongX ? x : y) % period;
                sum[c] += w * Math.IEEEremainder(Math.atan2(im, re) - mean, 2 * Math.PI);
                weight[c] += w;
            }
        }
        // fundamental of the measured profile against the programmed one's (0, 0, Δ, Δ): the blur is symmetric, so
        // the ratio is real
        double fr = 0;
        double fi = 0;
        double pr = 0;
        double pi = 0;
        for (int c = 0; c < period; c++) {
            if (!(weight[c] > 0)) {
                throw new IllegalStateException("crosstalk calibration of modulator " + modulator
                        + ": no light on the central half of the plane");
            }
            double m = sum[c] / weight[c];
            double programmed = c < period / 2 ? 0 : delta;
            double cos = Math.cos(2 * Math.PI * c / period);
            double sin = -Math.sin(2 * Math.PI * c / period);
            fr += m * cos;
            fi += m * sin;
            pr += programmed * cos;
            pi += programmed * sin;
        }
        return (fr * pr + fi * pi) / (pr * pr + pi * pi);
    }
}
