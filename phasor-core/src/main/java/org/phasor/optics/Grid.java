package org.phasor.optics;

/**
 * Sampling geometry that travels with every field and element: sample counts, pitch, wavelength and where
 * the grid sits in the transverse plane. SI units throughout (metres).
 *
 * <p>Convention (see docs/physics.md): sample {@code (ix, iy)} sits at
 * {@code x = centerX + (ix - nx/2)·dx}, {@code y = centerY + (iy - ny/2)·dy} (centre at index n/2, integer
 * division), and spatial frequencies follow the DFT ({@code fftfreq}) order {@code 0, 1/(n·dx), …, -1/(n·dx)}.
 *
 * @param nx         samples along x (columns, fastest-varying index)
 * @param ny         samples along y (rows)
 * @param dx         pitch along x in metres
 * @param dy         pitch along y in metres
 * @param wavelength vacuum wavelength in metres
 * @param centerX    x position of sample index nx/2, metres
 * @param centerY    y position of sample index ny/2, metres
 */
public record Grid(int nx, int ny, double dx, double dy, double wavelength, double centerX, double centerY) {

    public Grid {
        if (nx <= 0 || ny <= 0) {
            throw new IllegalArgumentException("grid size must be positive, got " + nx + "x" + ny);
        }
        requirePositive("pitch dx", dx);
        requirePositive("pitch dy", dy);
        requirePositive("wavelength", wavelength);
        if (!Double.isFinite(centerX) || !Double.isFinite(centerY)) {
            throw new IllegalArgumentException("grid centre must be finite, got (" + centerX + ", " + centerY + ")");
        }
    }

    /** A square grid of n×n samples with pitch {@code pitch}, centred on the optical axis. */
    public static Grid square(int n, double pitch, double wavelength) {
        return new Grid(n, n, pitch, pitch, wavelength, 0, 0);
    }

    /** An nx×ny grid with square pixels, centred on the axis. */
    public static Grid of(int nx, int ny, double pitch, double wavelength) {
        return new Grid(nx, ny, pitch, pitch, wavelength, 0, 0);
    }

    private static void requirePositive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be a positive finite number of metres, got " + v);
        }
    }

    /** x coordinate of column {@code ix}, metres. */
    public double x(int ix) {
        return centerX + (ix - nx / 2) * dx;
    }

    /** y coordinate of row {@code iy}, metres. */
    public double y(int iy) {
        return centerY + (iy - ny / 2) * dy;
    }

    /** Spatial frequency of FFT column {@code ix} (fftfreq order), cycles per metre. */
    public double fx(int ix) {
        return fftFrequency(ix, nx, dx);
    }

    /** Spatial frequency of FFT row {@code iy} (fftfreq order), cycles per metre. */
    public double fy(int iy) {
        return fftFrequency(iy, ny, dy);
    }

    /** NumPy {@code fftfreq(n, d)[i]}. */
    public static double fftFrequency(int i, int n, double d) {
        int k = i < (n + 1) / 2 ? i : i - n;
        return k / (n * d);
    }

    /** Physical width along x, {@code nx·dx}. */
    public double widthX() {
        return nx * dx;
    }

    /** Physical height along y, {@code ny·dy}. */
    public double widthY() {
        return ny * dy;
    }

    /** Wavenumber 2π/λ. */
    public double k() {
        return 2 * Math.PI / wavelength;
    }

    /** Area of one sample, {@code dx·dy}. */
    public double pixelArea() {
        return dx * dy;
    }

    /** Complex values per field. */
    public int size() {
        return nx * ny;
    }

    /** Same sample counts, pitch and wavelength (position may differ): fields can be combined element-wise. */
    public boolean sameSampling(Grid o) {
        return nx == o.nx && ny == o.ny && dx == o.dx && dy == o.dy && wavelength == o.wavelength;
    }

    /** Throws a one-line error naming both grids when sampling differs. */
    public void requireSameSampling(Grid o, String what) {
        if (!sameSampling(o)) {
            throw new IllegalArgumentException(what + ": grids differ, " + this.describe() + " vs " + o.describe());
        }
    }

    /** The same grid with a different wavelength. */
    public Grid withWavelength(double lambda) {
        return new Grid(nx, ny, dx, dy, lambda, centerX, centerY);
    }

    /** The same sampling with n-fold zero padding (centre preserved). */
    public Grid padded(int factor) {
        return new Grid(nx * factor, ny * factor, dx, dy, wavelength, centerX, centerY);
    }

    /** Short human description, e.g. {@code 256x256 @ 10 µm, λ = 633 nm}. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%dx%d @ %.4g µm x %.4g µm, λ = %.4g nm",
                nx, ny, dx * 1e6, dy * 1e6, wavelength * 1e9);
    }
}
