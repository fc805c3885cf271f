package care.sciatica.assessment.domain;

import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.EventSchemas;
import care.sciatica.contracts.EventType;
import care.sciatica.contracts.assessment.PlanIssued;
import care.sciatica.contracts.assessment.ReferralRequired;
import care.sciatica.contracts.assessment.StepStatus;
import care.sciatica.contracts.assessment.Urgency;
import care.sciatica.contracts.common.Origin;
import care.sciatica.contracts.common.TreatmentStep;
import care.sciatica.contracts.intake.HistoryRecorded;
import care.sciatica.contracts.intake.RedFlagAnswer;
import care.sciatica.contracts.intake.RedFlags;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The events built from an assessment of the catalogue's own example history conform to the catalogue's schemas. */
class AssessmentEventsTest {

    static HistoryRecorded exampleHistory() throws IOException {
        try (InputStream json = AssessmentEventsTest.class.getClassLoader()
                .getResourceAsStream(EventType.HISTORY_RECORDED.exampleResource())) {
            assertThat(json).as("the contracts jar's example history").isNotNull();
            return EventJson.fromBytes(json.readAllBytes(), HistoryRecorded.class);
        }
    }

    static AssessmentIds ids(HistoryRecorded event, int planVersion, Integer supersedes) {
        return new AssessmentIds(event.caseId(), event.siteId(), event.patientRef(), "182f10d8-33c6-4453-8d1a-ecc451aaa334",
                event.historyVersion(), 1, planVersion, supersedes, Instant.parse("2026-03-02T09:41:13Z"));
    }

    @Test
    void theExampleHistoryGivesAPlanThatConformsToTheCatalogue() throws IOException {
        HistoryRecorded event = exampleHistory();
        Assessment assessment = AssessCase.assess(event.history(), event.ageYears(),
                event.occurredAt().atZone(ZoneOffset.UTC).toLocalDate(), TestRules.real());

        PlanIssued issued = (PlanIssued) AssessmentEvents.of(assessment, ids(event, 1, null));

        assertThat(EventSchemas.violations(EventType.PLAN_ISSUED, EventJson.mapper().valueToTree(issued))).isEmpty();
        assertThat(issued.caseId()).isEqualTo(event.caseId());
        assertThat(issued.rulesVersion()).isEqualTo("2026.12-2");
        assertThat(issued.supersedesPlanVersion()).isNull();
        assertThat(issued.origin().primary()).isEqualTo(Origin.LUMBAR);
        assertThat(issued.steps()).extracting(care.sciatica.contracts.assessment.PlannedStep::order)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(issued.steps().get(2).step()).isEqualTo(TreatmentStep.ICE_MASSAGE);
        assertThat(issued.steps().get(2).status()).isEqualTo(StepStatus.EXCLUDED);
        assertThat(issued.steps().get(2).reasons()).extracting(care.sciatica.contracts.common.Reason::ruleId)
                .containsExactly("ICE_EXCLUDED_RAYNAUDS");
    }

    @Test
    void aSupersedingPlanWithAnOverrideConforms() throws IOException {
        HistoryRecorded event = exampleHistory();
        var facts = new care.sciatica.assessment.domain.rules.CaseFacts(event.history(), event.ageYears(),
                event.occurredAt().atZone(ZoneOffset.UTC).toLocalDate());
        Assessment overridden = ApplyOverride.apply(AssessCase.assess(facts, TestRules.real()), new LeadOverride.OfStep(
                TreatmentStep.ICE_MASSAGE, StepStatus.INCLUDED, null, "Raynaud's limited to the hands"), facts, TestRules.real());

        PlanIssued issued = (PlanIssued) AssessmentEvents.of(overridden, ids(event, 2, 1));

        assertThat(EventSchemas.violations(EventType.PLAN_ISSUED, EventJson.mapper().valueToTree(issued))).isEmpty();
        assertThat(issued.planVersion()).isEqualTo(2);
        assertThat(issued.supersedesPlanVersion()).isEqualTo(1);
        // No free text in events: the lead's reason stays in the service, the event says only that a lead decided.
        String json = new String(EventJson.toBytes(issued), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("Raynaud's limited to the hands").contains(LeadOverride.EXPLANATION);
    }

    @Test
    void aReferralConformsToTheCatalogue() throws IOException {
        HistoryRecorded event = exampleHistory();
        RedFlags flags = new RedFlags(RedFlagAnswer.YES, RedFlagAnswer.YES, RedFlagAnswer.NO, RedFlagAnswer.NO,
                RedFlagAnswer.NO, RedFlagAnswer.NO, RedFlagAnswer.NO, RedFlagAnswer.NO);
        var h = event.history();
        var flagged = new care.sciatica.contracts.intake.History(h.onset(), h.pain(), h.surgery(), h.conditions(), flags,
                h.observation(), h.examination(), h.baselineOutcomes());
        Assessment assessment = AssessCase.assess(flagged, event.ageYears(), java.time.LocalDate.of(2026, 3, 3), TestRules.real());

        ReferralRequired referral = (ReferralRequired) AssessmentEvents.of(assessment, ids(event, 1, null));

        assertThat(EventSchemas.violations(EventType.REFERRAL_REQUIRED, EventJson.mapper().valueToTree(referral))).isEmpty();
        assertThat(referral.urgency()).isEqualTo(Urgency.EMERGENCY);
        assertThat(referral.reasons()).extracting(care.sciatica.contracts.common.Reason::finding)
                .containsExactly("redFlags.saddleNumbness", "redFlags.bladderOrBowelDisturbance");
    }
}
