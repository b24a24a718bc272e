package org.phasor.bench;

/**
 * A loss of the output intensities a camera sees, as FFM needs it: the value and ∂L/∂I per pixel. The error
 * field then follows from the measured complex output o as e = (∂L/∂I)·conj(o) = conj(∂L/∂o*).
 */
@FunctionalInterface
public interface IntensityObjective {
    /**
     * @param intensity {@code [batch][pixels]} flat, calibrated intensity units
     * @param dLdI      output, same layout (overwritten)
     * @return the loss (the gradient must be of exactly this number)
     */
    double lossAndGradient(double[] intensity, int batch, int pixels, double[] dLdI);
}
