package care.sciatica.intake;

import care.sciatica.contracts.EventJson;
import care.sciatica.contracts.EventType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/** Requests the tests send, built from the catalogue's own example history, and a look at what is stored. */
public final class Fixtures {

    /** Every table a request could write to, the outbox included. */
    public static final List<String> TABLES = List.of(
            "patient", "care_case", "history_version", "visit", "outbox", "audit_entry", "idempotency_key");

    private Fixtures() {
    }

    /** The history of the catalogue's history-recorded example: a left L5 radiculopathy with Raynaud's. */
    public static ObjectNode history() {
        return (ObjectNode) example().get("history").deepCopy();
    }

    /** The example history with every optional part filled in: all three operations, SLR, power, ODI and RMDQ. */
    public static ObjectNode fullHistory() {
        ObjectNode history = history();
        ObjectNode surgery = (ObjectNode) history.get("surgery");
        surgery.putObject("lumbarSpine").put("date", "2019-05-10");
        surgery.putObject("hipReplacement").put("side", "RIGHT").put("approach", "POSTERIOR").put("date", "2023-06-14");
        surgery.putObject("kneeReplacement").put("side", "LEFT").put("date", "2021-09-01");
        surgery.put("otherRelevantSurgery", true);
        return history;
    }

    public static ObjectNode patient(String givenName, String familyName) {
        ObjectNode patient = EventJson.mapper().createObjectNode();
        patient.put("givenName", givenName);
        patient.put("familyName", familyName);
        patient.put("birthDate", "1981-06-14");
        patient.put("phone", "07700 900123");
        patient.put("email", givenName.toLowerCase() + "." + familyName.toLowerCase() + "@example.org");
        return patient;
    }

    /** A complete intake for Maren Holt at {@code siteId}, with a booking reference. */
    public static ObjectNode intake(String siteId) {
        ObjectNode request = EventJson.mapper().createObjectNode();
        request.put("siteId", siteId);
        request.set("patient", patient("Maren", "Holt"));
        request.putArray("externalRefs").addObject()
                .put("system", "bookwise").put("patientId", "884213").put("appointmentId", "5521907");
        request.set("history", history());
        return request;
    }

    /** The intake for {@code siteId}, changed by {@code change}, as JSON text. */
    public static String intake(String siteId, Consumer<ObjectNode> change) {
        ObjectNode request = intake(siteId);
        change.accept(request);
        return request.toString();
    }

    public static ObjectNode registration(String siteId, ObjectNode patient) {
        ObjectNode request = EventJson.mapper().createObjectNode();
        request.put("siteId", siteId);
        request.set("patient", patient);
        return request;
    }

    public static ObjectNode amendment(int supersedesVersion, String reason, JsonNode history) {
        ObjectNode request = EventJson.mapper().createObjectNode();
        request.put("supersedesVersion", supersedesVersion);
        request.put("amendmentReason", reason);
        request.set("history", history);
        return request;
    }

    /**
     * The review of follow-up visit {@code visit}: pain NRS {@code painNrs} (ODI and RMDQ too), the example's red-flag
     * screen with major trauma now answered YES, and the neurological signs unchanged but sensation improved.
     */
    public static ObjectNode review(int visit, Object painNrs) {
        ObjectNode request = EventJson.mapper().createObjectNode();
        request.put("visit", visit);
        ObjectNode scores = request.putObject("scores");
        scores.set("painNrs", EventJson.mapper().valueToTree(painNrs));
        scores.put("odi", 18).put("rmdq", 6);
        request.set("redFlags", ((ObjectNode) history().get("redFlags").deepCopy()).put("majorTrauma", "YES"));
        request.putObject("neurologicalChange").put("power", "UNCHANGED").put("sensation", "IMPROVED")
                .put("reflexes", "WORSE");
        return request;
    }

    /** The object at {@code pointer} inside {@code node}, to change a field of a request. */
    public static ObjectNode at(JsonNode node, String pointer) {
        return (ObjectNode) node.at(pointer);
    }

    /** A patient registered at {@code siteId}, written straight to the database; returns the patientRef. */
    public static String patientAt(Pool pool, String siteId) {
        UUID patientId = UUID.randomUUID();
        String patientRef = "pt_" + patientId.toString().substring(0, 8).toUpperCase();
        pool.preparedQuery("INSERT INTO patient (id, patient_ref, given_name, registered_site_id, registered_at) "
                        + "VALUES ($1, $2, 'Nessa', $3, now())")
                .execute(Tuple.of(patientId, patientRef, siteId)).await().indefinitely();
        return patientRef;
    }

    /**
     * A case at {@code siteId} in {@code status}, written straight to the database (for callers who may not write
     * one); returns the case id.
     */
    public static String caseAt(Pool pool, String siteId, String status) {
        String patientRef = patientAt(pool, siteId);
        UUID caseId = UUID.randomUUID();
        pool.preparedQuery("INSERT INTO care_case (id, patient_id, site_id, status, external_refs, opened_at) "
                        + "SELECT $1, id, $2, $3, '[]', now() FROM patient WHERE patient_ref = $4")
                .execute(Tuple.of(caseId, siteId, status, patientRef)).await().indefinitely();
        return caseId.toString();
    }

    /** How many rows each table holds now. */
    public static Map<String, Long> rows(Pool pool) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, pool.query("SELECT count(*) FROM " + table).execute().await().indefinitely()
                    .iterator().next().getLong(0));
        }
        return counts;
    }

    public static JsonNode example() {
        try (InputStream in = Fixtures.class.getClassLoader()
                .getResourceAsStream(EventType.HISTORY_RECORDED.exampleResource())) {
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
