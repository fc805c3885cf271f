package care.sciatica.followup.fhir;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import care.sciatica.contracts.followup.AppointmentSource;
import care.sciatica.contracts.followup.CancelReason;
import care.sciatica.followup.persistence.AppointmentRow;
import care.sciatica.followup.usecase.ChangeAppointment;
import care.sciatica.followup.usecase.FollowUpSeeds;
import care.sciatica.platform.observability.AfterCommit;
import care.sciatica.platform.security.SiteScope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.IdType;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Appointments over FHIR: read, search (patient by identifier, date, location, status) and the booking system's
 * changes as updates of the Appointment. An update names the version it was decided on (If-Match) and changes one
 * thing: status {@code booked} confirms, {@code cancelled} (with a cancelationReason) cancels, a new start (and end)
 * moves it; each goes through the same use case, rules, events and webhooks as the REST calls.
 */
public class AppointmentProvider implements IResourceProvider {

    static final int MAX_RESULTS = 500;

    private final SiteScope siteScope;
    private final ChangeAppointment changeAppointment;
    private final FollowUpSeeds.SiteCalendars calendars;
    private final SecurityIdentity identity;
    private final FhirNarratives narratives;

    AppointmentProvider(SiteScope siteScope, ChangeAppointment changeAppointment, FollowUpSeeds.SiteCalendars calendars,
                        SecurityIdentity identity, FhirNarratives narratives) {
        this.siteScope = siteScope;
        this.changeAppointment = changeAppointment;
        this.calendars = calendars;
        this.identity = identity;
        this.narratives = narratives;
    }

    @Override
    public Class<Appointment> getResourceType() {
        return Appointment.class;
    }

    @Read
    public Appointment read(@IdParam IdType id) {
        UUID appointmentId = appointmentId(id);
        AppointmentRow row = FhirCalls.await(() -> Panache.withSession(() -> AppointmentRow.<AppointmentRow>findById(appointmentId))
                .map(found -> siteScope.visible(found, stored -> stored.siteId, "appointment", appointmentId)));
        return narratives.described(FhirAppointments.appointment(row));
    }

    @Search
    public List<Appointment> search(
            @Description(shortDefinition = "The patient, by identifier only: patient:identifier="
                    + FhirAppointments.PATIENT_REF_SYSTEM + "|pt_…")
            @OptionalParam(name = Appointment.SP_PATIENT, chainWhitelist = {""}) ReferenceParam patient,
            @Description(shortDefinition = "The start: a day (read in UTC) or an instant, with eq, ge, gt, le or lt")
            @OptionalParam(name = Appointment.SP_DATE) DateRangeParam date,
            @Description(shortDefinition = "The site: Location/{siteId}")
            @OptionalParam(name = Appointment.SP_LOCATION) ReferenceParam location,
            @Description(shortDefinition = "proposed, booked, pending, cancelled, fulfilled or noshow; a comma means or")
            @OptionalParam(name = Appointment.SP_STATUS) TokenOrListParam status,
            RequestDetails request) {
        Set<String> sites = siteScope.listable(location == null ? null : locationId(location));
        StringBuilder query = new StringBuilder("siteId in :sites");
        Parameters parameters = Parameters.with("sites", sites);
        if (patient != null) {
            query.append(" and patientRef = :patient");
            parameters.and("patient", patientRef(request));
        }
        if (status != null) {
            query.append(" and state in :states");
            parameters.and("states", status.getValuesAsQueryTokens().stream().map(AppointmentProvider::stateOf).toList());
        }
        DateRange range = FhirDates.range("date", date, ZoneOffset.UTC);
        if (range.from() != null) {
            query.append(" and startsAt >= :from");
            parameters.and("from", range.from());
        }
        if (range.to() != null) {
            query.append(" and startsAt < :to");
            parameters.and("to", range.to());
        }
        if (sites.isEmpty()) {
            return List.of();
        }
        List<AppointmentRow> rows = FhirCalls.await(() -> Panache.withSession(() -> AppointmentRow.<AppointmentRow>find(
                query + " order by startsAt, id", parameters).range(0, MAX_RESULTS - 1).list()));
        return rows.stream().map(FhirAppointments::appointment).map(narratives::described).toList();
    }

    /**
     * Confirms, cancels or moves the appointment, as the body asks, if it is still at the version of If-Match. A body
     * equal to the stored appointment changes nothing; any other change is refused, naming what may change.
     */
    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam Appointment wanted) {
        UUID appointmentId = appointmentId(id);
        if (!id.hasVersionIdPart()) {
            throw new UnclassifiedServerFailureException(428,
                    "An update names the version it was decided on: send If-Match: W/\"<meta.versionId>\"");
        }
        Integer expected = version(id.getVersionIdPart());
        Appointment current = read(new IdType("Appointment", appointmentId.toString()));
        if (!Objects.equals(expected, version(current.getMeta().getVersionId()))) {
            throw new PreconditionFailedException("Version " + expected
                    + " was named, the appointment is at version " + current.getMeta().getVersionId());
        }
        AppointmentStatus status = wanted.getStatus();
        Instant start = wanted.hasStart() ? wanted.getStart().toInstant() : null;
        String therapist = practitioner(wanted).orElse(null);
        AppointmentSource by = identity.hasRole("booking-system") ? AppointmentSource.BOOKING_SYSTEM
                : AppointmentSource.FRONT_DESK;
        boolean moved = start != null && !start.equals(current.getStart().toInstant())
                || therapist != null && !therapist.equals(practitioner(current).orElse(null));
        if (status == null || start == null) {
            throw new UnprocessableEntityException("Appointment.status and Appointment.start are required");
        }
        if (status == AppointmentStatus.CANCELLED && current.getStatus() != AppointmentStatus.CANCELLED) {
            CancelReason why = cancelReason(wanted);
            changed(() -> changeAppointment.cancel(appointmentId, expected, why, by, null, null));
        } else if (moved) {
            if (status != AppointmentStatus.PENDING && status != current.getStatus()) {
                throw new UnprocessableEntityException("Appointment.status: a moved appointment waits for the patient "
                        + "again; send status pending (or the current status) with the new start");
            }
            String therapistRef = therapist == null ? null : therapist;
            requireEnd(wanted, start, current);
            changed(() -> changeAppointment.reschedule(appointmentId, expected, therapistRef, start, by, null, null));
        } else if (status == AppointmentStatus.BOOKED && current.getStatus() != AppointmentStatus.BOOKED) {
            changed(() -> changeAppointment.confirm(appointmentId, expected, by, null));
        } else if (status != current.getStatus()) {
            throw new UnprocessableEntityException("Appointment.status: a booking system may set booked (confirm) or "
                    + "cancelled (cancel), or move the start (pending); " + status.toCode() + " is not one of them");
        }
        Appointment now = read(new IdType("Appointment", appointmentId.toString()));
        return new MethodOutcome(now.getIdElement().withVersion(now.getMeta().getVersionId()), false).setResource(now);
    }

    private void changed(java.util.function.Supplier<Uni<ChangeAppointment.Changed>> change) {
        FhirCalls.await(() -> AfterCommit.scope(change));
    }

    private void requireEnd(Appointment wanted, Instant start, Appointment current) {
        if (!wanted.hasEnd()) {
            return;
        }
        long minutes = current.getMinutesDuration();
        Instant expectedEnd = start.plusSeconds(minutes * 60);
        String siteId = current.getParticipant().stream().map(p -> p.getActor().getReference())
                .filter(ref -> ref != null && ref.startsWith("Location/")).findFirst().map(ref -> ref.substring(9))
                .orElse(null);
        if (siteId != null && calendars.bySite().containsKey(siteId)) {
            expectedEnd = start.plus(calendars.of(siteId).slotLength());
        }
        if (!wanted.getEnd().toInstant().equals(expectedEnd)) {
            throw new UnprocessableEntityException("Appointment.end: an appointment lasts one slot of its site; "
                    + "for this start it ends at " + expectedEnd);
        }
    }

    private static CancelReason cancelReason(Appointment wanted) {
        String code = wanted.getCancelationReason().getCoding().stream()
                .filter(coding -> FhirAppointments.CANCEL_SYSTEM.equals(coding.getSystem()))
                .map(coding -> coding.getCode()).findFirst().orElse(null);
        try {
            return CancelReason.valueOf(Objects.requireNonNull(code));
        } catch (RuntimeException e) {
            throw new UnprocessableEntityException("Appointment.cancelationReason: a coding of "
                    + FhirAppointments.CANCEL_SYSTEM + " is required, one of " + List.of(CancelReason.values()));
        }
    }

    /** The therapist the appointment names: the practitioner participant's staff identifier. */
    static Optional<String> practitioner(Appointment appointment) {
        return appointment.getParticipant().stream().map(Appointment.AppointmentParticipantComponent::getActor)
                .filter(actor -> actor.getIdentifier() != null
                        && FhirAppointments.STAFF_REF_SYSTEM.equals(actor.getIdentifier().getSystem()))
                .map(actor -> actor.getIdentifier().getValue()).filter(Objects::nonNull).findFirst();
    }

    private static Integer version(String versionId) {
        try {
            return Integer.valueOf(versionId);
        } catch (NumberFormatException e) {
            throw new PreconditionFailedException(
                    "If-Match: versions of an appointment are whole numbers, got " + versionId);
        }
    }

    static UUID appointmentId(IdType id) {
        try {
            return UUID.fromString(id.getIdPart());
        } catch (IllegalArgumentException e) {
            throw new ResourceNotFoundException(id);
        }
    }

    /** patient:identifier=system|value names the patient; a plain reference cannot, as no Patient is served here. */
    private static String patientRef(RequestDetails request) {
        return FhirIdentifiers.modifierValue(request, Appointment.SP_PATIENT, FhirAppointments.PATIENT_REF_SYSTEM)
                .orElseThrow(() -> new InvalidRequestException("patient: patients are named by identifier only, as "
                        + "patient:identifier=" + FhirAppointments.PATIENT_REF_SYSTEM + "|pt_…"));
    }

    static String locationId(ReferenceParam location) {
        if (location.hasChain() || location.hasResourceType() && !"Location".equals(location.getResourceType())) {
            throw new InvalidRequestException("location: a Location reference, e.g. Location/site-north");
        }
        return location.getIdPart();
    }

    private static String stateOf(TokenParam token) {
        if (token.getSystem() != null && !token.getSystem().isEmpty()
                && !"http://hl7.org/fhir/appointmentstatus".equals(token.getSystem())) {
            throw new InvalidRequestException("status: the system is http://hl7.org/fhir/appointmentstatus");
        }
        return switch (token.getValue().trim()) {
            case "proposed" -> "PROPOSED";
            case "booked" -> "CONFIRMED";
            case "pending" -> "RESCHEDULED";
            case "cancelled" -> "CANCELLED";
            case "fulfilled" -> "ATTENDED";
            case "noshow" -> "NO_SHOW";
            default -> throw new InvalidRequestException("status: unknown status '" + token.getValue()
                    + "'; allowed: proposed, booked, pending, cancelled, fulfilled, noshow");
        };
    }
}
