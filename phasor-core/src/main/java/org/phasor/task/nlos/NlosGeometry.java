package org.phasor.task.nlos;

import org.phasor.bench.BenchDescription;
import org.phasor.optics.Grid;

/**
 * Non-line-of-sight bench, unfolded: the hidden scene (plane 0, lit by the bench laser) sends its light a distance
 * {@code sceneDistance} to a scattering wall; the wall is imaged onto the SLM (so the wall's phase screen sits at
 * the SLM plane, as a diffuser in a pupil would), and the camera is {@code cameraDistance} after the SLM. The wall
 * and the scene are hidden; the lab programs the SLM and reads the camera, and — because every element is
 * reciprocal — a field injected at the camera travels back through the very same optics (round-trip symmetry),
 * which is what fully forward training uses.
 *
 * <p>A thin lens of focal length f = (1/d₁ + 1/d₂)⁻¹ on the SLM would image the scene onto the camera upside down
 * at magnification −d₂/d₁ (−1 here) if there were no wall; {@link #lensFocalLength()}.
 *
 * @param pixels         plane size (square)
 * @param pitch          metres
 * @param wavelength     metres
 * @param sceneDistance  scene → wall (imaged onto the SLM), metres
 * @param cameraDistance SLM → camera, metres
 * @param upsample       grid pixels per scene image pixel
 * @param frameSeconds   camera exposure plus read-out (a fast camera sets the imaging frame rate)
 */
public record NlosGeometry(int pixels, double pitch, double wavelength, double sceneDistance, double cameraDistance,
                           int upsample, double frameSeconds) {

    public NlosGeometry {
        if (pixels < 16 || !(pitch > 0) || !(wavelength > 0) || !(sceneDistance > 0) || !(cameraDistance > 0)
                || upsample < 1 || !(frameSeconds > 0)) {
            throw new IllegalArgumentException("nlos geometry: bad values " + pixels + " px, pitch " + pitch
                    + ", λ " + wavelength + ", d " + sceneDistance + "/" + cameraDistance + ", upsample " + upsample);
        }
        if (28 * upsample > pixels) {
            throw new IllegalArgumentException("nlos geometry: 28x28 scenes upsampled x" + upsample
                    + " do not fit " + pixels + " pixels");
        }
    }

    /**
     * 64² pixels of 8 µm at 532 nm (the paper's SLM pitch), scene and camera 20 mm from the SLM (lens f = 10 mm, the
     * shortest focal length whose phase the 8 µm pixels sample without aliasing at the aperture edge), scenes of
     * 28² pixels shown at 16 µm, a 1 kHz camera (1 ms per frame).
     */
    public static NlosGeometry standard() {
        return new NlosGeometry(64, 8e-6, 532e-9, 0.02, 0.02, 2, 1e-3);
    }

    public double lensFocalLength() {
        return 1 / (1 / sceneDistance + 1 / cameraDistance);
    }

    public Grid grid() {
        return Grid.of(pixels, pixels, pitch, wavelength);
    }

    public BenchDescription description() {
        return new BenchDescription("nlos", pixels, pixels, pitch, wavelength,
                new double[]{sceneDistance, cameraDistance}, 1, 256, frameSeconds);
    }

    /** Imaging frame rate: one camera frame per image of the hidden scene, frames per second. */
    public double frameRate() {
        return 1 / frameSeconds;
    }
}
