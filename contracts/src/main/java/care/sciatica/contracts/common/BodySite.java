package care.sciatica.contracts.common;

/** Body-site codes for palpation points, ice sites and treated regions. */
public enum BodySite {
    LUMBAR_SPINE, SACRUM, LEFT_SIJ, RIGHT_SIJ, LEFT_GLUTEAL, RIGHT_GLUTEAL, LEFT_SCIATIC_NOTCH, RIGHT_SCIATIC_NOTCH, LEFT_POSTERIOR_THIGH, RIGHT_POSTERIOR_THIGH, LEFT_CALF, RIGHT_CALF, LEFT_FOOT, RIGHT_FOOT, LEFT_HIP, RIGHT_HIP
}
