/**
 * Gradient-descent optimisers over parameter tensors held as {@code double[]} arrays (one per tensor), updated
 * in place with no allocation per step; learning-rate schedules; and parameter constraints (phase wrapping,
 * clamping, sigmoid-bounded reparametrisation).
 *
 * <p>Everything that determines the next update is in {@link org.phasor.train.optim.OptimizerState} (step count
 * and moment arrays), and schedules are pure functions of the step, so saving the state in a checkpoint and
 * restoring it gives bit-identical continuations.
 *
 * <pre>{@code
 * Optimizer opt = new Adam(new int[]{n * n}, LearningRateSchedule.constant(0.05), Adam.DEFAULTS,
 *         List.of(ParameterConstraint.PHASE_WRAP));
 * opt.step(new double[][]{phase}, new double[][]{gradient});   // minimises: moves against the gradient
 * OptimizerState s = opt.state();                             // save in a checkpoint
 * opt.restore(s);                                              // resume
 * }</pre>
 */
package org.phasor.train.optim;
