/**
 * Losses for training optical networks, each returning its value <em>and</em> its gradient with respect to its
 * real inputs (detector-region energies or output intensities), plus the chain rule from an intensity gradient
 * to the complex output field and classification metrics.
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>All losses are <b>means over the batch</b>; gradients are of that mean (so they do not grow with batch
 *       size). Arrays are batch-major and flat: {@code [batch][classes]} or {@code [batch][pixels]}.</li>
 *   <li>Gradient outputs are overwritten, never accumulated; callers own and reuse them (no allocation per step).</li>
 *   <li>Intensity {@code I = |o|²}. For a real loss of a complex field the gradient passed backwards is the
 *       Wirtinger derivative {@code ∂L/∂o* = (∂L/∂I)·o} (../shared/PHYSICS.md); the gradient with respect to
 *       {@code (Re o, Im o)} is twice that. See {@link org.phasor.train.loss.FieldGradient}.</li>
 * </ul>
 */
package org.phasor.train.loss;
