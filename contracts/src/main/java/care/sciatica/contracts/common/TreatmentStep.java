package care.sciatica.contracts.common;

/** The steps of the treatment protocol, in the order a plan may contain them. */
public enum TreatmentStep {
    EXPLANATION_AND_CONSENT, PALPATION, ICE_MASSAGE, HEAT, MASSAGE_LEG_UNDER_HEAT, MASSAGE_AREA_AND_SPINE, HIP_TRACTION, LUMBAR_MOBILISATION, SIJ_MOBILISATION
}
