package care.sciatica.contracts.session;

/** The manual technique used in a massage or mobilisation step. */
public enum Technique {
    EFFLEURAGE, PETRISSAGE, SUSTAINED_PRESSURE, LONG_AXIS_TRACTION, POSTERIOR_ANTERIOR_GLIDE, SIDE_LYING_ROTATION, SIJ_GAPPING
}
