package care.sciatica.contracts;

import care.sciatica.contracts.assessment.PlanIssued;
import care.sciatica.contracts.assessment.PlanIssuedV2;
import care.sciatica.contracts.assessment.ReferralRequired;
import care.sciatica.contracts.followup.AppointmentCancelled;
import care.sciatica.contracts.followup.AppointmentConfirmed;
import care.sciatica.contracts.followup.AppointmentRescheduled;
import care.sciatica.contracts.followup.AppointmentScheduled;
import care.sciatica.contracts.followup.EpisodeDischarged;
import care.sciatica.contracts.followup.VisitStarted;
import care.sciatica.contracts.intake.HistoryAmended;
import care.sciatica.contracts.intake.HistoryRecorded;
import care.sciatica.contracts.intake.VisitReviewed;
import care.sciatica.contracts.session.ConsentRecorded;
import care.sciatica.contracts.session.SessionCompleted;
import care.sciatica.contracts.session.SessionEndedEarly;
import care.sciatica.contracts.session.StepPerformed;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The event catalogue: each CloudEvents type with its topic, producing service, data record and contract resources.
 * Services route incoming events by {@link #of(String)}.
 */
public enum EventType {

    HISTORY_RECORDED("care.sciatica.intake.history-recorded.v1", Topics.INTAKE_EVENTS, Services.INTAKE, HistoryRecorded.class),
    HISTORY_AMENDED("care.sciatica.intake.history-amended.v1", Topics.INTAKE_EVENTS, Services.INTAKE, HistoryAmended.class),
    VISIT_REVIEWED("care.sciatica.intake.visit-reviewed.v1", Topics.INTAKE_EVENTS, Services.INTAKE, VisitReviewed.class),
    PLAN_ISSUED("care.sciatica.assessment.plan-issued.v1", Topics.ASSESSMENT_EVENTS, Services.ASSESSMENT, PlanIssued.class),
    /** The plan for one visit of the episode; the producer's current version, read beside v1 by every consumer. */
    PLAN_ISSUED_V2("care.sciatica.assessment.plan-issued.v2", Topics.ASSESSMENT_EVENTS, Services.ASSESSMENT,
            PlanIssuedV2.class),
    REFERRAL_REQUIRED("care.sciatica.assessment.referral-required.v1", Topics.ASSESSMENT_EVENTS, Services.ASSESSMENT,
            ReferralRequired.class),
    CONSENT_RECORDED("care.sciatica.session.consent-recorded.v1", Topics.SESSION_EVENTS, Services.SESSION, ConsentRecorded.class),
    STEP_PERFORMED("care.sciatica.session.step-performed.v1", Topics.SESSION_EVENTS, Services.SESSION, StepPerformed.class),
    SESSION_COMPLETED("care.sciatica.session.session-completed.v1", Topics.SESSION_EVENTS, Services.SESSION,
            SessionCompleted.class),
    SESSION_ENDED_EARLY("care.sciatica.session.session-ended-early.v1", Topics.SESSION_EVENTS, Services.SESSION,
            SessionEndedEarly.class),
    APPOINTMENT_SCHEDULED("care.sciatica.followup.appointment-scheduled.v1", Topics.FOLLOWUP_EVENTS, Services.FOLLOWUP,
            AppointmentScheduled.class),
    APPOINTMENT_CONFIRMED("care.sciatica.followup.appointment-confirmed.v1", Topics.FOLLOWUP_EVENTS, Services.FOLLOWUP,
            AppointmentConfirmed.class),
    APPOINTMENT_RESCHEDULED("care.sciatica.followup.appointment-rescheduled.v1", Topics.FOLLOWUP_EVENTS, Services.FOLLOWUP,
            AppointmentRescheduled.class),
    APPOINTMENT_CANCELLED("care.sciatica.followup.appointment-cancelled.v1", Topics.FOLLOWUP_EVENTS, Services.FOLLOWUP,
            AppointmentCancelled.class),
    VISIT_STARTED("care.sciatica.followup.visit-started.v1", Topics.FOLLOWUP_EVENTS, Services.FOLLOWUP, VisitStarted.class),
    EPISODE_DISCHARGED("care.sciatica.followup.episode-discharged.v1", Topics.FOLLOWUP_EVENTS, Services.FOLLOWUP,
            EpisodeDischarged.class);

    /** Classpath folder holding the schemas, examples and AsyncAPI document. */
    public static final String RESOURCE_ROOT = "contracts/";

    private static final Map<String, EventType> BY_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));
    private static final Map<Class<?>, EventType> BY_DATA_CLASS = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::dataClass, Function.identity()));

    private final String type;
    private final String topic;
    private final String service;
    private final Class<? extends Record> dataClass;

    EventType(String type, String topic, String service, Class<? extends Record> dataClass) {
        this.type = type;
        this.topic = topic;
        this.service = service;
        this.dataClass = dataClass;
    }

    /** Looks up a CloudEvents {@code type} attribute; empty for types this catalogue does not know. */
    public static Optional<EventType> of(String type) {
        return Optional.ofNullable(type == null ? null : BY_TYPE.get(type));
    }

    /** Looks up the event type whose data is the given record class. */
    public static Optional<EventType> ofDataClass(Class<?> dataClass) {
        return Optional.ofNullable(dataClass == null ? null : BY_DATA_CLASS.get(dataClass));
    }

    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    /** The producing service, as used in the CloudEvents {@code source}. */
    public String service() {
        return service;
    }

    public Class<? extends Record> dataClass() {
        return dataClass;
    }

    /** Classpath resource of the JSON Schema for the event's data. */
    public String schemaResource() {
        return RESOURCE_ROOT + "schemas/" + type + ".schema.json";
    }

    /** Classpath resource of a realistic example of the event's data. */
    public String exampleResource() {
        return RESOURCE_ROOT + "examples/" + type + ".json";
    }

    /** The schema's {@code $id}. */
    public String schemaId() {
        return "https://schemas.sciatica.care/events/" + type + ".schema.json";
    }

    /** Producing service names; they match the deployable modules. */
    public static final class Services {

        public static final String INTAKE = "intake-service";
        public static final String ASSESSMENT = "assessment-service";
        public static final String SESSION = "session-service";
        public static final String FOLLOWUP = "followup-service";

        private Services() {
        }
    }
}
