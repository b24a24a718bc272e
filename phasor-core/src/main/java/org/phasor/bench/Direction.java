package org.phasor.bench;

/** Which way light travels through the bench: from the input towards the camera, or back from the output side. */
public enum Direction {
    /** Input plane → modulators → camera (the data pass). */
    FORWARD,
    /** Output plane → modulators → input (the error pass of fully forward training). */
    REVERSE
}
