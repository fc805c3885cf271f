package care.sciatica.contracts.common;

/** The likely origin of the sciatic pain, as the assessment classifies it. */
public enum Origin {
    LUMBAR, SACROILIAC, PIRIFORMIS_DEEP_GLUTEAL, UNDETERMINED
}
