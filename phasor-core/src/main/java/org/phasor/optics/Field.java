package org.phasor.optics;

import org.phasor.math.ComplexArray;
import org.phasor.math.Precision;

import java.util.Objects;

/**
 * A batch of monochromatic scalar fields on one {@link Grid}: geometry travels with the data, so no call
 * passes pitch or wavelength separately. Time dependence exp(−iωt); a plane wave along +z is exp(+ikz).
 *
 * <p>The record is a handle: {@code data} is a mutable buffer (see {@link ComplexArray}); operations document
 * whether they write in place or return a new field.
 */
public record Field(Grid grid, ComplexArray data) {

    public Field {
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(data, "data");
        if (data.nx() != grid.nx() || data.ny() != grid.ny()) {
            throw new IllegalArgumentException("field data " + data.shape() + " does not match grid " + grid.describe());
        }
    }

    /** A batch of zero fields. */
    public static Field zeros(Grid grid, int batch, Precision precision) {
        return new Field(grid, ComplexArray.zeros(precision, batch, grid.ny(), grid.nx()));
    }

    public int batch() {
        return data.batch();
    }

    public Precision precision() {
        return data.precision();
    }

    /** A deep copy. */
    public Field copy() {
        return new Field(grid, data.copy());
    }

    /** Batch item {@code b} as a one-item field sharing memory. */
    public Field item(int b) {
        return new Field(grid, data.item(b));
    }

    /** Total power of all items, Σ|u|²·dx·dy (watts if |u|² is an irradiance in W/m²). */
    public double power() {
        return data.sumAbs2() * grid.pixelArea();
    }
}
