package org.phasor.task.scattering;

import org.phasor.bench.BenchDescription;
import org.phasor.optics.Grid;

/**
 * The focusing bench of the FFM paper (Xue et al. 2024, Fig. 3): a flat beam through a square aperture of side
 * {@code aperture} fills the input SLM ({@code pixels} × {@code pixels}, pitch aperture/pixels), a thin scattering
 * medium sits right behind the SLM, and the camera is {@code distance} further on. The camera sees the same
 * aperture-sized field, so a focus can be scanned over the whole aperture.
 *
 * <p>Diffraction limit: a perfect converging wave through a square aperture of side D focuses to
 * sinc²(x·D/(λz)) (first zero at λz/D, FWHM 0.886·λz/D). The paper quotes λz/D = 64.5 µm at 532 nm, 3.2 mm,
 * 0.388 m; {@link #diffractionLimit()} is that number, {@link #idealFwhm()} the FWHM of the perfect focus.
 *
 * @param wavelength   metres
 * @param aperture     side of the square aperture (= SLM area), metres
 * @param distance     scatterer → camera, metres
 * @param pixels       SLM and camera pixels per side
 * @param frameSeconds camera exposure plus read-out per frame
 */
public record FocusGeometry(double wavelength, double aperture, double distance, int pixels, double frameSeconds) {

    public FocusGeometry {
        if (!(wavelength > 0) || !(aperture > 0) || !(distance > 0) || pixels < 8 || !(frameSeconds > 0)) {
            throw new IllegalArgumentException("focus geometry: bad values λ=" + wavelength + " D=" + aperture
                    + " z=" + distance + " pixels=" + pixels + " frame=" + frameSeconds);
        }
    }

    /** The paper's bench: 532 nm, 3.2 mm, 0.388 m, sampled with 256 pixels of 12.5 µm (camera at 42 Hz). */
    public static FocusGeometry paper() {
        return new FocusGeometry(532e-9, 3.2e-3, 0.388, 256, 1.0 / 42);
    }

    /**
     * A small bench with the same diffraction limit λz/D (64.5 µm) and pitch (12.5 µm) as {@link #paper()}: 64
     * pixels, a 0.8 mm aperture, 0.097 m — for quick runs and tests.
     */
    public static FocusGeometry quick() {
        return new FocusGeometry(532e-9, 0.8e-3, 0.388 / 4, 64, 1.0 / 42);
    }

    public double pitch() {
        return aperture / pixels;
    }

    /** λz/D, metres. */
    public double diffractionLimit() {
        return wavelength * distance / aperture;
    }

    /** FWHM of the perfect focus, 0.8859·λz/D (half maximum of sinc²). */
    public double idealFwhm() {
        return 0.885893 * diffractionLimit();
    }

    public Grid grid() {
        return Grid.of(pixels, pixels, pitch(), wavelength);
    }

    /** The nominal bench: input → SLM at distance 0 (the beam lights the SLM directly), SLM → camera {@code distance}. */
    public BenchDescription description() {
        return new BenchDescription("scattering-focus", pixels, pixels, pitch(), wavelength,
                new double[]{0, distance}, 1, 256, frameSeconds);
    }
}
