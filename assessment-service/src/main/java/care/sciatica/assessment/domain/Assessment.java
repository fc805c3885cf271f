package care.sciatica.assessment.domain;

/** The outcome of assessing a history: a referral out, or a treatment plan, and the rule-set version that decided it. */
public sealed interface Assessment permits Referral, TreatmentPlan {

    String rulesVersion();
}
