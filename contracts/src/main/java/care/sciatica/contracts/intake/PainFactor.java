package care.sciatica.contracts.intake;

/** Positions and activities that aggravate or ease the pain. */
public enum PainFactor {
    SITTING, STANDING, WALKING, BENDING, COUGHING, LYING
}
