package org.phasor.photonics;

/**
 * The architecture of a photonic network of symmetric cores: core l has {@code modes[l]} ports; between
 * cores the first modes[l+1] output fields of core l (zero-padded when the next core is wider) pass through
 * the activation and are re-loaded into core l+1 (the FFM chip re-uses its core in time and re-loads the
 * measured field); the class scores are the output powers of the first {@code classes} ports of the last
 * core, and the loss is softmax cross-entropy on logits = logitScale·power_c/Σ_k power_k (the ratio of the class
 * port powers: a uniform loss along the chip does not change the decision or the loss).
 *
 * @param layout     mesh layout inside each core ("clements" or "reck")
 * @param modes      ports per core
 * @param activation activation between cores
 * @param classes    number of classes read out
 * @param logitScale logit per unit of power fraction (a softmax temperature)
 */
public record NetworkShape(String layout, int[] modes, Activation activation, int classes, double logitScale) {

    public NetworkShape {
        if (modes.length == 0) {
            throw new IllegalArgumentException("a network needs at least one core");
        }
        if (classes > modes[modes.length - 1]) {
            throw new IllegalArgumentException(classes + " classes do not fit the last core's " + modes[modes.length - 1] + " ports");
        }
    }

    public int cores() {
        return modes.length;
    }

    public MeshLayout layout(int core) {
        return MeshLayout.named(layout, modes[core]);
    }

    /** Heater count of each core. */
    public int heaters(int core) {
        return layout(core).heaters();
    }
}
