package care.sciatica.intake.api;

/** The realm roles intake knows: who may write, who may read a clinical record, who sees only counts. */
final class Roles {

    static final String FRONT_DESK = "front-desk";
    static final String THERAPIST = "therapist";
    static final String CLINICAL_LEAD = "clinical-lead";
    static final String OPS = "ops";
    static final String BOOKING_SYSTEM = "booking-system";

    private Roles() {
    }
}
