/**
 * PNG figures for run directories: learning curves and bar charts (JFreeChart), phase masks in a cyclic
 * colour map, output intensities with the detector regions drawn, and the confusion matrix as an annotated
 * heat map (Java2D). All writers are static, headless, and write atomically (temp file + rename).
 *
 * <pre>{@code
 * Charts.learningCurves(run.resolve("learning_curves.png"), epochs, trainLoss, testLoss, trainAcc, testAcc);
 * FieldImages.phaseMasks(run.resolve("phase_masks.png"), masks, nx, ny, List.of("layer 1", ...));
 * FieldImages.intensityPanels(run.resolve("outputs.png"), intensities, nx, ny, boxes, titles, highlight);
 * ConfusionMatrixImage.write(run.resolve("confusion_matrix.png"), counts, classNames);
 * }</pre>
 */
package org.phasor.cli.figures;
