package org.phasor.train;

import org.phasor.model.Params;
import org.phasor.train.optim.OptimizerState;

import java.util.List;

/**
 * Everything needed to continue a run exactly where it stopped (a checkpoint's content). The random position is
 * implicit: the sample order of epoch e is a pure function of (seed, e) ({@link Trainer#epochOrder}), so
 * (epoch, batch) says where the shuffling stream stands. With the running sums of the epoch, a resumed run
 * reproduces an uninterrupted one bit for bit (timings aside).
 *
 * @param seed      the run's seed
 * @param epoch     0-based epoch in progress
 * @param batch     batches of that epoch already applied; == batches per epoch when only its test evaluation is left
 * @param lossSum   Σ over done batches of (batch-mean loss × batch size) in this epoch
 * @param correct   correct training predictions in this epoch so far
 * @param seen      training samples seen in this epoch so far
 * @param seconds   wall-clock seconds spent on this epoch before the checkpoint
 * @param cost      cost accumulated in this epoch so far
 * @param params    current parameters
 * @param optimizer optimiser state (moments, step count)
 * @param history   metrics of the completed epochs
 */
public record TrainingState(long seed, int epoch, int batch, double lossSum, long correct, long seen, double seconds,
                            Cost cost, Params params, OptimizerState optimizer, List<EpochMetrics> history) {
    public TrainingState {
        history = List.copyOf(history);
    }
}
