package org.phasor.task.generative;

import java.util.Locale;

/**
 * Geometry and training constants of an {@link OpticalVae}. SI units.
 *
 * @param grid          samples per side of every plane (square grid)
 * @param pitch         pixel pitch of modulators and planes, metres
 * @param wavelength    metres
 * @param distance      free-space distance between consecutive planes (input → layers → fibre face, fibre face →
 *                      layers → camera), metres
 * @param pad           1 (circular) or 2 (zero-padded, linear) convolution in the propagators
 * @param encoderLayers phase layers of the optical encoder
 * @param decoderLayers phase layers of the optical decoder
 * @param channels      K, fibre channels of the optical latent space
 * @param fibreWaist    mode field waist of each fibre core, metres
 * @param fibrePitch    centre spacing of the fibre lattice on both faces, metres
 * @param conditional   class enters optically: a class spot on the input plane and 10 reserved fibre channels
 *                      lit at the decoder's face
 * @param noiseSigma    σ of the physical latent noise: z = μ + σ·ε, ε circular complex Gaussian of unit variance
 * @param klWeight      β, weight of the KL term against the reconstruction error
 * @param imageSide     side of the image window on the input plane and the camera, pixels (28×28 images are
 *                      resized to it)
 * @param seed          seed of the initial phases
 */
public record OpticalVaeConfig(int grid, double pitch, double wavelength, double distance, int pad,
                               int encoderLayers, int decoderLayers, int channels, double fibreWaist,
                               double fibrePitch, boolean conditional, double noiseSigma, double klWeight,
                               int imageSide, long seed) {
    /** Classes of Fashion-MNIST/MNIST; the reserved decoder channels in the conditional variant. */
    public static final int CLASSES = 10;
    /** Side of a class spot on the input plane, pixels. */
    public static final int SPOT = 3;

    public OpticalVaeConfig {
        require(grid >= 16, "grid", grid);
        require(pitch > 0, "pitch", pitch);
        require(wavelength > 0, "wavelength", wavelength);
        require(distance > 0, "distance", distance);
        require(pad == 1 || pad == 2, "pad", pad);
        require(encoderLayers >= 1, "encoder_layers", encoderLayers);
        require(decoderLayers >= 1, "decoder_layers", decoderLayers);
        require(channels >= 1, "channels", channels);
        require(noiseSigma > 0, "noise_sigma", noiseSigma);
        require(klWeight >= 0, "kl_weight", klWeight);
        require(imageSide >= 11, "image_side", imageSide);
        int margin = conditional ? 2 * (SPOT + 1) : 0;
        if (imageSide + margin > grid) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "image_side %d%s does not fit the %d-pixel grid", imageSide,
                    conditional ? " plus the class-spot margins (" + margin + " px)" : "", grid));
        }
    }

    private static void require(boolean ok, String key, Object value) {
        if (!ok) {
            throw new IllegalArgumentException("bad optical VAE setting " + key + " = " + value);
        }
    }

    /**
     * The small configuration of the reference point: 64² grid of 8 µm at 532 nm, 2 + 3 phase layers
     * 4 mm apart, K = 16 fibre channels, 56×56 image window.
     */
    public static OpticalVaeConfig small(boolean conditional) {
        return new OpticalVaeConfig(64, 8e-6, 532e-9, 4e-3, 1, 2, 3, 16, 20e-6, 80e-6, conditional, 0.3, 1.0,
                56, 1);
    }

    public OpticalVaeConfig withKlWeight(double beta) {
        return new OpticalVaeConfig(grid, pitch, wavelength, distance, pad, encoderLayers, decoderLayers, channels,
                fibreWaist, fibrePitch, conditional, noiseSigma, beta, imageSide, seed);
    }

    public OpticalVaeConfig withNoiseSigma(double sigma) {
        return new OpticalVaeConfig(grid, pitch, wavelength, distance, pad, encoderLayers, decoderLayers, channels,
                fibreWaist, fibrePitch, conditional, sigma, klWeight, imageSide, seed);
    }

    /** The same geometry with the class entering as light ({@code true}) or not at all ({@code false}). */
    public OpticalVaeConfig withConditional(boolean c) {
        return new OpticalVaeConfig(grid, pitch, wavelength, distance, pad, encoderLayers, decoderLayers, channels,
                fibreWaist, fibrePitch, c, noiseSigma, klWeight, imageSide, seed);
    }

    /** The same configuration with pad 1 (circular) or 2 (zero-padded, linear convolution, as benches behave). */
    public OpticalVaeConfig withPad(int p) {
        return new OpticalVaeConfig(grid, pitch, wavelength, distance, p, encoderLayers, decoderLayers, channels,
                fibreWaist, fibrePitch, conditional, noiseSigma, klWeight, imageSide, seed);
    }

    /** Channels at the decoder's fibre face: K latent channels plus the reserved class channels. */
    public int decoderChannels() {
        return channels + (conditional ? CLASSES : 0);
    }

    /** Trainable phase pixels (encoder + decoder). */
    public long phasePixels() {
        return (long) (encoderLayers + decoderLayers) * grid * grid;
    }
}
