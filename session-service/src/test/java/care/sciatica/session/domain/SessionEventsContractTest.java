package care.sciatica.session.domain;

import static care.sciatica.session.domain.SessionFixtures.CASE_ID;
import static care.sciatica.session.domain.SessionFixtures.SESSION_ID;
import static care.sciatica.session.domain.SessionFixtures.THERAPIST_REF;
import static care.sciatica.session.domain.SessionFixtures.minute;
import static org.assertj.core.api.Assertions.assertThat;

import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.EventSchemas;
import care.sciatica.contracts.EventType;
import care.sciatica.contracts.common.TreatmentStep;
import care.sciatica.contracts.session.ConsentDecision;
import care.sciatica.contracts.session.ConsentMethod;
import care.sciatica.contracts.session.ConsentRecorded;
import care.sciatica.contracts.session.DeviationReason;
import care.sciatica.contracts.session.EndReason;
import care.sciatica.contracts.session.SessionCompleted;
import care.sciatica.contracts.session.SessionEndedEarly;
import care.sciatica.contracts.session.SkippedStep;
import care.sciatica.contracts.session.StepOutcome;
import care.sciatica.contracts.session.StepPerformed;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a session emits, mapped to the catalogue's records and checked against the catalogue's JSON Schemas. */
class SessionEventsContractTest {

    static Stream<Arguments> walks() {
        return Stream.of(
                Arguments.of("lumbar", SessionWalks.lumbar()),
                Arguments.of("sacroiliac", SessionWalks.sacroiliac()),
                Arguments.of("piriformis", SessionWalks.piriformisAfterHipReplacement()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("walks")
    void everyEventOfACompletedSessionConformsToTheCatalogue(String origin, SessionWalks.Walk walk) {
        List<Record> events = SessionEvents.toContract(walk.session(), walk.events());

        assertThat(events).first().isInstanceOf(ConsentRecorded.class);
        assertThat(events).last().isInstanceOf(SessionCompleted.class);
        assertThat(events).filteredOn(StepPerformed.class::isInstance).isNotEmpty();
        events.forEach(SessionEventsContractTest::assertConforms);
    }

    @Test
    void theCompletedEventCarriesTheOutcomeTheFollowUpNeeds() {
        SessionWalks.Walk walk = SessionWalks.lumbar();

        List<Record> events = SessionEvents.toContract(walk.session(), walk.events());
        SessionCompleted completed = (SessionCompleted) events.getLast();

        assertThat(completed.caseId()).isEqualTo(CASE_ID);
        assertThat(completed.sessionId()).isEqualTo(SESSION_ID);
        assertThat(completed.therapistRef()).isEqualTo(THERAPIST_REF);
        assertThat(completed.planVersion()).isEqualTo(1);
        // The walk's plan is a v1 plan read as v2: the first visit's.
        assertThat(completed.visit()).isEqualTo(1);
        assertThat(completed.painBefore()).isEqualTo(6);
        assertThat(completed.painAfter()).isEqualTo(4);
        assertThat(completed.painChange()).isEqualTo(-2);
        assertThat(completed.stepsSkipped())
                .containsExactly(new SkippedStep(TreatmentStep.HIP_TRACTION, DeviationReason.PATIENT_PREFERENCE));
        assertThat(completed.completedAt()).isEqualTo(minute(60));
    }

    @Test
    void stepsAreNumberedInTheOrderRecordedAndSkipsCarryTheirReason() {
        SessionWalks.Walk walk = SessionWalks.lumbar();

        List<StepPerformed> steps = SessionEvents.toContract(walk.session(), walk.events()).stream()
                .filter(StepPerformed.class::isInstance).map(StepPerformed.class::cast).toList();

        assertThat(steps).extracting(StepPerformed::sequence).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(steps.get(4).outcome()).isEqualTo(StepOutcome.SKIPPED);
        assertThat(steps.get(4).deviationReason()).isEqualTo(DeviationReason.PATIENT_PREFERENCE);
    }

    @Test
    void anOverridesReasonNeverLeavesTheService() {
        TreatmentSession session = SessionFixtures.consented(TreatmentPlans.piriformisAfterHipReplacement());
        List<SessionEvent> events = session.performStep(StepReport.modified(TreatmentStep.HIP_TRACTION,
                StepParameters.none(), DeviationReason.CLINICAL_LEAD_OVERRIDE)
                .overriddenBy(SessionFixtures.CLINICAL_LEAD_REF, "Surgeon cleared traction on 2026-02-20"), minute(9));

        Record step = SessionEvents.toContract(session, events).getFirst();

        assertConforms(step);
        assertThat(new String(EventJson.toBytes(step))).doesNotContain("Surgeon").doesNotContain("st_C1L2E3A4");
    }

    @Test
    void aLaterVisitsSessionNamesItsVisitWhenItEnds() {
        TreatmentPlan sacroiliac = TreatmentPlans.sacroiliac();
        TreatmentSession session = SessionFixtures.opened(new TreatmentPlan(3, 2, sacroiliac.primaryOrigin(),
                sacroiliac.steps()));

        List<Record> events = SessionEvents.toContract(session,
                session.recordConsent(ConsentDecision.REFUSED, ConsentMethod.VERBAL, THERAPIST_REF, minute(1)));

        SessionEndedEarly ended = (SessionEndedEarly) events.getLast();
        assertThat(ended.visit()).isEqualTo(2);
        assertThat(ended.planVersion()).isEqualTo(3);
        assertConforms(ended);
    }

    @Test
    void aRefusedSessionEmitsItsConsentAndItsEnd() {
        TreatmentSession session = SessionFixtures.opened(TreatmentPlans.sacroiliac());

        List<Record> events = SessionEvents.toContract(session,
                session.recordConsent(ConsentDecision.REFUSED, ConsentMethod.VERBAL, THERAPIST_REF, minute(1)));

        assertThat(events).hasSize(2);
        assertThat(((ConsentRecorded) events.get(0)).explanationGiven()).isFalse();
        assertThat(((SessionEndedEarly) events.get(1)).reason()).isEqualTo(EndReason.CONSENT_REFUSED);
        events.forEach(SessionEventsContractTest::assertConforms);
    }

    @Test
    void aWithdrawnSessionEmitsTheWithdrawalAndItsEnd() {
        TreatmentSession session = SessionFixtures.underHeat(TreatmentPlans.sacroiliac());

        List<Record> events = SessionEvents.toContract(session,
                session.withdrawConsent(ConsentMethod.VERBAL, THERAPIST_REF, minute(12)));

        assertThat(((ConsentRecorded) events.get(0)).decision()).isEqualTo(ConsentDecision.WITHDRAWN);
        assertThat(((SessionEndedEarly) events.get(1)).stepsPerformed())
                .containsExactly(TreatmentStep.EXPLANATION_AND_CONSENT, TreatmentStep.HEAT);
        events.forEach(SessionEventsContractTest::assertConforms);
    }

    @Test
    void anEarlyEndConformsToTheCatalogue() {
        TreatmentSession session = SessionFixtures.consented(TreatmentPlans.lumbar());

        SessionEvents.toContract(session, session.endEarly(EndReason.ADVERSE_REACTION, minute(7)))
                .forEach(SessionEventsContractTest::assertConforms);
    }

    private static void assertConforms(Record event) {
        EventType type = EventType.ofDataClass(event.getClass()).orElseThrow();
        assertThat(EventSchemas.violations(type, EventJson.mapper().valueToTree(event)))
                .as("%s against %s", event, type.type())
                .isEmpty();
    }
}
