package care.sciatica.contracts.intake;

/** How the pain began. */
public enum OnsetMechanism {
    LIFT_AND_TWIST, COUGH_OR_SNEEZE, SLIP_OR_FALL, JUMP_DOWN, GRADUAL_PROLONGED_SITTING, GRADUAL_OTHER, UNKNOWN
}
