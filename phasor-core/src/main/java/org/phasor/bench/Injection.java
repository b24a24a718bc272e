package org.phasor.bench;

/**
 * Light launched into the bench: a batch of fields loaded onto the injection modulator at {@code plane},
 * travelling in {@code direction}.
 * <ul>
 *   <li>FORWARD at plane 0: the input images (the input modulator is lit by the bench's laser, whatever its
 *       profile); FORWARD at plane k ≥ 1: the field leaving modulator k is replaced by {@code field} (how a lab
 *       re-loads a measured field after a digital activation);</li>
 *   <li>REVERSE at the output plane: the error field injected from the output side; REVERSE at plane k ≤ L:
 *       {@code field} arrives at modulator k from behind and passes through it.</li>
 * </ul>
 */
public record Injection(Direction direction, int plane, ComplexFrames field) {
    public Injection {
        if (direction == null || field == null) {
            throw new IllegalArgumentException("injection: direction and field are required");
        }
    }

    public static Injection inputs(ComplexFrames images) {
        return new Injection(Direction.FORWARD, 0, images);
    }

    public int batch() {
        return field.batch();
    }
}
