package care.sciatica.followup.fhir;

import ca.uhn.fhir.context.FhirContext;
import care.sciatica.followup.FollowUpTestResources;
import care.sciatica.followup.persistence.AppointmentRow;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static care.sciatica.followup.StoredAppointments.NORTH_THERAPIST;
import static care.sciatica.followup.StoredAppointments.at;
import static care.sciatica.followup.StoredAppointments.freshWednesday;
import static care.sciatica.followup.StoredAppointments.pastWednesday;
import static care.sciatica.followup.StoredAppointments.store;
import static care.sciatica.followup.fhir.FhirValidation.assertValid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FHIR server as an integrator's strict tools see it: every answer read back with HAPI's parsers and checked by
 * HAPI's FhirInstanceValidator; the CapabilityStatement held against what the server does.
 */
@QuarkusTest
@FollowUpTestResources
@TestSecurity(user = "booking.north", roles = "booking-system")
@OidcSecurity(claims = @Claim(key = "sites", value = "[\"site-north\"]", type = ClaimType.JSON_ARRAY))
class FhirServerTest {

    static final String JSON = "application/fhir+json";
    static final String XML = "application/fhir+xml";
    static final String PATIENT = FhirAppointments.PATIENT_REF_SYSTEM + "|";

    @Inject
    FhirContext fhir;

    @BeforeEach
    void validator() {
        Bundle published = fhir.newJsonParser().parseResource(Bundle.class,
                given().get("/fhir/CodeSystem").then().statusCode(200).extract().asString());
        FhirValidation.init(fhir, published.getEntry().stream().map(entry -> (CodeSystem) entry.getResource()).toList());
    }

    @Test
    void theCapabilityStatementSaysWhatIsSupported() {
        CapabilityStatement statement = json(CapabilityStatement.class, given().get("/fhir/metadata"), 200);

        assertThat(statement.getFhirVersion().toCode()).isEqualTo("4.0.1");
        assertThat(statement.getFormat()).extracting(format -> format.getValue()).contains("json", "xml");
        Map<String, CapabilityStatementRestResourceComponent> resources = statement.getRestFirstRep().getResource()
                .stream().collect(Collectors.toMap(resource -> resource.getType(), resource -> resource));
        assertThat(resources).containsOnlyKeys("Appointment", "Schedule", "Slot", "Location", "CodeSystem");
        assertThat(interactions(resources.get("Appointment"))).containsExactlyInAnyOrder("read", "search-type", "update");
        assertThat(resources.get("Appointment").getVersioning())
                .isEqualTo(CapabilityStatement.ResourceVersionPolicy.VERSIONEDUPDATE);
        assertThat(searchParams(resources.get("Appointment"))).containsExactlyInAnyOrder("patient", "date", "location", "status");
        assertThat(searchParams(resources.get("Schedule"))).containsExactly("actor");
        assertThat(searchParams(resources.get("Slot"))).containsExactlyInAnyOrder("schedule", "start");
        assertThat(searchParams(resources.get("CodeSystem"))).containsExactly("url");
        for (String readOnly : List.of("Schedule", "Slot", "Location", "CodeSystem")) {
            assertThat(interactions(resources.get(readOnly))).as(readOnly).containsExactlyInAnyOrder("read", "search-type");
        }
    }

    /** Every parameter the statement advertises answers 200 under strict handling; anything else is refused. */
    @Test
    void everyAdvertisedSearchParameterIsHonouredUnderStrictHandling() {
        LocalDate day = freshWednesday();
        AppointmentRow row = store("site-north", NORTH_THERAPIST, at(day, "10:30"));
        Map<String, String> samples = Map.of(
                "Appointment.patient", "patient:identifier=" + PATIENT + row.patientRef,
                "Appointment.date", "date=" + day,
                "Appointment.location", "location=Location/site-north",
                "Appointment.status", "status=proposed",
                "Schedule.actor", "actor=Location/site-north",
                "Slot.schedule", "schedule=Schedule/site-north.st-8H3L5V2P",
                "Slot.start", "schedule=Schedule/site-north.st-8H3L5V2P&start=" + day,
                "CodeSystem.url", "url=" + FhirAppointments.CANCEL_SYSTEM);
        CapabilityStatement statement = json(CapabilityStatement.class, given().get("/fhir/metadata"), 200);
        List<String> tried = new ArrayList<>();
        for (CapabilityStatementRestResourceComponent resource : statement.getRestFirstRep().getResource()) {
            for (String param : searchParams(resource)) {
                String query = samples.get(resource.getType() + "." + param);
                assertThat(query).as("a sample for " + resource.getType() + "." + param).isNotNull();
                Bundle found = json(Bundle.class, given().header("Prefer", "handling=strict")
                        .get("/fhir/" + resource.getType() + "?" + query), 200);
                assertThat(found.getEntry()).as(query).isNotEmpty();
                assertValid(found);
                tried.add(resource.getType() + "." + param);
            }
        }
        assertThat(tried).containsExactlyInAnyOrderElementsOf(samples.keySet());

        OperationOutcome refused = json(OperationOutcome.class, given().header("Prefer", "handling=strict")
                .get("/fhir/Appointment?practitioner=st_8H3L5V2P"), 400);
        assertThat(refused.getIssueFirstRep().getDiagnostics()).contains("practitioner");
        assertValid(refused);
    }

    /** Without strict handling an unknown parameter is left out and named in an outcome entry, never silently. */
    @Test
    void anUnknownParameterIsReportedInTheBundle() {
        LocalDate day = freshWednesday();
        store("site-north", NORTH_THERAPIST, at(day, "09:00"));

        Bundle bundle = json(Bundle.class, given().get("/fhir/Appointment?date=" + day + "&practitioner=st_8H3L5V2P"), 200);

        assertThat(bundle.getEntry()).filteredOn(entry -> entry.getSearch().getMode() == Bundle.SearchEntryMode.MATCH)
                .hasSize(1);
        Bundle.BundleEntryComponent outcome = bundle.getEntry().stream()
                .filter(entry -> entry.getSearch().getMode() == Bundle.SearchEntryMode.OUTCOME).findFirst().orElseThrow();
        assertThat(((OperationOutcome) outcome.getResource()).getIssueFirstRep().getDiagnostics()).contains("practitioner");
        assertThat(bundle.getLink("self").getUrl()).doesNotContain("practitioner");
        assertValid(bundle);
    }

    @Test
    void anAppointmentReadsAsValidFhirWithEveryReferenceResolving() {
        LocalDate day = freshWednesday();
        AppointmentRow row = store("site-north", NORTH_THERAPIST, at(day, "10:30"));

        Appointment appointment = json(Appointment.class, given().get("/fhir/Appointment/" + row.id), 200);
        assertValid(appointment);
        assertThat(appointment.getStatus()).isEqualTo(Appointment.AppointmentStatus.PROPOSED);
        assertThat(appointment.getStart().toInstant()).isEqualTo(at(day, "10:30"));
        assertThat(appointment.getMinutesDuration()).isEqualTo(45);
        assertThat(appointment.getText().getDivAsString()).contains("Routine interval");
        assertThat(appointment.getMeta().getVersionId()).isEqualTo("0");

        // The site: a literal reference that reads.
        Location site = json(Location.class, given().get("/fhir/" + appointment.getParticipant().get(2).getActor().getReference()), 200);
        assertThat(site.getIdElement().getIdPart()).isEqualTo("site-north");
        assertValid(site);
        // The therapist: by identifier only, which finds the therapist's schedule.
        String staff = appointment.getParticipant().get(1).getActor().getIdentifier().getValue();
        Bundle schedules = json(Bundle.class, given().get("/fhir/Schedule?actor:identifier="
                + FhirAppointments.STAFF_REF_SYSTEM + "|" + staff), 200);
        assertThat(schedules.getTotal()).isEqualTo(1);
        assertValid(schedules);
        Schedule schedule = json(Schedule.class, given().get("/fhir/Schedule/site-north.st-8H3L5V2P"), 200);
        assertValid(schedule);
        // The reason's code system is published.
        CodeSystem reasons = json(CodeSystem.class, given().get("/fhir/CodeSystem/follow-up-reason"), 200);
        assertThat(reasons.getUrl()).isEqualTo(appointment.getReasonCodeFirstRep().getCodingFirstRep().getSystem());
        assertThat(reasons.getConcept()).extracting(CodeSystem.ConceptDefinitionComponent::getCode).contains(row.reason);
        assertValid(reasons);
    }

    @Test
    void everyFullUrlOfASearchReads() {
        LocalDate day = freshWednesday();
        store("site-north", NORTH_THERAPIST, at(day, "09:00"));

        List<Bundle> searches = List.of(
                json(Bundle.class, given().get("/fhir/Appointment?date=" + day), 200),
                json(Bundle.class, given().get("/fhir/Schedule"), 200),
                json(Bundle.class, given().get("/fhir/Slot?schedule=Schedule/site-north.st-8H3L5V2P&start=" + day), 200),
                json(Bundle.class, given().get("/fhir/Location"), 200),
                json(Bundle.class, given().get("/fhir/CodeSystem"), 200));
        for (Bundle bundle : searches) {
            assertValid(bundle);
            assertThat(bundle.getEntry()).isNotEmpty();
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                String path = entry.getFullUrl().substring(entry.getFullUrl().indexOf("/fhir/"));
                Resource read = json(entry.getResource().getClass(), given().get(path), 200);
                assertThat(read.getIdElement().getIdPart()).isEqualTo(entry.getResource().getIdElement().getIdPart());
                assertValid(read);
            }
        }
        // A slot's schedule reference reads too, and the slot taken at 09:00 reads as busy.
        Slot busy = json(Slot.class, given().get("/fhir/Slot/site-north.st-8H3L5V2P." + at(day, "09:00").getEpochSecond()), 200);
        assertThat(busy.getStatus()).isEqualTo(Slot.SlotStatus.BUSY);
        assertValid(busy);
    }

    @Test
    void countAndPagingFollowNextLinks() {
        LocalDate day = freshWednesday();
        Set<String> stored = Set.of(store("site-north", NORTH_THERAPIST, at(day, "09:00")).id.toString(),
                store("site-north", NORTH_THERAPIST, at(day, "09:45")).id.toString(),
                store("site-north", NORTH_THERAPIST, at(day, "10:30")).id.toString());

        Bundle page = json(Bundle.class, given().get("/fhir/Appointment?date=" + day + "&_count=1"), 200);
        assertThat(page.getTotal()).isEqualTo(3);
        List<String> seen = new ArrayList<>();
        while (true) {
            assertValid(page);
            assertThat(page.getEntry()).hasSize(1);
            seen.add(page.getEntryFirstRep().getResource().getIdElement().getIdPart());
            if (page.getLink("next") == null) {
                break;
            }
            String next = page.getLink("next").getUrl();
            page = json(Bundle.class, given().get(next.substring(next.indexOf("/fhir"))), 200);
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(stored);
    }

    @Test
    void xmlIsAnsweredForFormatAndAccept() {
        AppointmentRow row = store("site-north", NORTH_THERAPIST, at(freshWednesday(), "11:15"));

        String byFormat = given().get("/fhir/Appointment/" + row.id + "?_format=xml")
                .then().statusCode(200).contentType(XML).extract().asString();
        String byAccept = given().accept(XML).get("/fhir/Appointment/" + row.id)
                .then().statusCode(200).contentType(XML).extract().asString();
        for (String body : List.of(byFormat, byAccept)) {
            Appointment appointment = fhir.newXmlParser().parseResource(Appointment.class, body);
            assertThat(appointment.getIdElement().getIdPart()).isEqualTo(row.id.toString());
            assertValid(appointment);
        }
        String metadata = given().get("/fhir/metadata?_format=xml").then().statusCode(200).contentType(XML).extract().asString();
        assertValid(fhir.newXmlParser().parseResource(CapabilityStatement.class, metadata));
    }

    @Test
    void errorsAreOperationOutcomesAndAnotherSitesResourceIsNotFound() {
        AppointmentRow south = store("site-south", "st_R6T1M8C3", at(freshWednesday(), "10:00"));

        for (String path : List.of("/fhir/Appointment/" + south.id, "/fhir/Appointment/not-a-uuid",
                "/fhir/Location/site-south", "/fhir/Schedule/site-south.st-R6T1M8C3",
                "/fhir/Slot/site-south.st-R6T1M8C3." + south.startsAt.getEpochSecond(), "/fhir/CodeSystem/unknown")) {
            assertValid(json(OperationOutcome.class, given().get(path), 404));
        }
        OperationOutcome badStatus = json(OperationOutcome.class, given().get("/fhir/Appointment?status=maybe"), 400);
        assertThat(badStatus.getIssueFirstRep().getDiagnostics()).contains("status");
        assertValid(badStatus);
        OperationOutcome badPatient = json(OperationOutcome.class, given().get("/fhir/Appointment?patient=Patient/x"), 400);
        assertThat(badPatient.getIssueFirstRep().getDiagnostics()).contains("identifier");
        assertThat(json(Bundle.class, given().get("/fhir/Slot?schedule=Schedule/site-south.st-R6T1M8C3"), 200)
                .getEntry()).isEmpty();
        assertThat(json(Bundle.class, given().get("/fhir/Appointment?location=Location/site-south"), 200)
                .getEntry()).isEmpty();
    }

    @Test
    void aRecordedAttendanceReadsAsFulfilledOrNoShow() {
        LocalDate day = pastWednesday();
        AppointmentRow came = store("site-north", NORTH_THERAPIST, at(day, "09:00"), "CONFIRMED");
        AppointmentRow missed = store("site-north", NORTH_THERAPIST, at(day, "09:45"), "CONFIRMED");
        given().contentType("application/json").body("{\"outcome\":\"ATTENDED\"}")
                .post("/appointments/" + came.id + "/attendance").then().statusCode(200);
        given().contentType("application/json").body("{\"outcome\":\"NO_SHOW\"}")
                .post("/appointments/" + missed.id + "/attendance").then().statusCode(200);

        assertThat(json(Appointment.class, given().get("/fhir/Appointment/" + came.id), 200).getStatus())
                .isEqualTo(Appointment.AppointmentStatus.FULFILLED);
        Bundle noShows = json(Bundle.class, given().get("/fhir/Appointment?status=noshow&patient:identifier="
                + PATIENT + missed.patientRef), 200);
        assertThat(noShows.getTotal()).isEqualTo(1);
        assertThat(((Appointment) noShows.getEntryFirstRep().getResource()).getStatus())
                .isEqualTo(Appointment.AppointmentStatus.NOSHOW);
    }

    private <T extends IBaseResource> T json(Class<T> type, Response response, int status) {
        String body = response.then().statusCode(status).contentType(JSON).extract().asString();
        return fhir.newJsonParser().parseResource(type, body);
    }

    private static List<String> interactions(CapabilityStatementRestResourceComponent resource) {
        return resource.getInteraction().stream().map(interaction -> interaction.getCode().toCode()).toList();
    }

    private static List<String> searchParams(CapabilityStatementRestResourceComponent resource) {
        return resource.getSearchParam().stream().map(param -> param.getName()).toList();
    }
}
