package care.sciatica.console.pages;

import care.sciatica.console.Staff;
import care.sciatica.console.Viewer;
import care.sciatica.console.services.Answers;
import care.sciatica.console.services.FollowupApi;
import care.sciatica.console.services.IntakeApi;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operations board: for one site or the whole chain, counts only (cases by status, appointments by state, open
 * tasks) from the services' count endpoints, and rates and percentiles from Prometheus when it is there.
 */
@Path("/ops")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Staff.OPS, Staff.ADMIN})
public class OpsPages {

    /** One chart: a title, its bars' labels and values, and the text said when there is nothing to draw. */
    @TemplateData
    public record Chart(String id, String title, List<String> labels, List<Double> values, String unavailable) {

        public String json() {
            try {
                return Answers.json().writeValueAsString(Map.of("title", title, "labels", labels, "values", values));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        public boolean available() {
            return unavailable == null;
        }

        /** The counts as text too, for screen readers and for tests that read the page. */
        public List<String> rows() {
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < labels.size(); i++) {
                double value = values.get(i);
                rows.add(labels.get(i) + ": " + (value == Math.rint(value) ? Long.toString((long) value)
                        : String.format("%.2f", value)));
            }
            return rows;
        }
    }

    private final Staff staff;
    private final IntakeApi intake;
    private final FollowupApi followup;
    private final Prometheus prometheus;
    private final Template ops;
    private final Template opsBoard;

    public OpsPages(Staff staff, @RestClient IntakeApi intake, @RestClient FollowupApi followup, Prometheus prometheus,
                    @Location("ops.html") Template ops, @Location("opsBoard.html") Template opsBoard) {
        this.staff = staff;
        this.intake = intake;
        this.followup = followup;
        this.prometheus = prometheus;
        this.ops = ops;
        this.opsBoard = opsBoard;
    }

    @GET
    public TemplateInstance board(@QueryParam("site") String site) {
        List<String> sites = sitesOf(site);
        return withBoard(ops, site, sites);
    }

    /** The board alone: what the page fetches again when the live feed says something changed. */
    @GET
    @Path("board")
    public TemplateInstance boardOnly(@QueryParam("site") String site) {
        return withBoard(opsBoard, site, sitesOf(site));
    }

    private TemplateInstance withBoard(Template template, String site, List<String> sites) {
        String today = LocalDate.now(FrontDeskPages.CLINIC_ZONE).toString();
        Map<String, Double> cases = new LinkedHashMap<>();
        Map<String, Double> appointments = new LinkedHashMap<>();
        Map<String, Double> tasks = new LinkedHashMap<>();
        double openedToday = 0;
        for (String each : sites) {
            JsonNode counts = Answers.read(() -> intake.caseCounts(each, today, today));
            openedToday += counts.path("total").asDouble();
            counts.path("byStatus").fields().forEachRemaining(e -> cases.merge(e.getKey(), e.getValue().asDouble(), Double::sum));
            JsonNode day = Answers.read(() -> followup.siteDay(each, today));
            day.path("appointmentsByState").fields()
                    .forEachRemaining(e -> appointments.merge(e.getKey(), e.getValue().asDouble(), Double::sum));
            tasks.merge(each, day.path("tasksOpen").asDouble(), Double::sum);
        }
        String selector = "site=~\"" + String.join("|", sites) + "\"";
        List<Chart> counts = List.of(
                chart("cases-today", "Cases opened today: " + (long) openedToday + ", by status", cases),
                chart("appointments-today", "Appointments today by state", appointments),
                chart("tasks-open", "Follow-up tasks open, by site", tasks));
        List<Chart> rates = List.of(
                fromPrometheus("assessments", "Assessments today by origin / disposition",
                        "sum by (origin, disposition) (increase(sciatica_assessments_total{" + selector + "}[1d]))",
                        "origin", "disposition"),
                fromPrometheus("referrals", "Referrals today by urgency",
                        "sum by (urgency) (increase(sciatica_referrals_total{" + selector + "}[1d]))", "urgency"),
                latency("intake", "plan"), latency("session", "appointment"),
                fromPrometheus("backlog", "Outbox backlog (events not yet published)",
                        "max by (service) (sciatica_outbox_backlog)", "service"),
                fromPrometheus("lag", "Consumer lag (records)",
                        "max by (service) (kafka_consumer_fetch_manager_records_lag_max)", "service"),
                fromPrometheus("dead-letters", "Dead-lettered events (24 h)",
                        "sum by (service) (increase(sciatica_dead_letters_total[24h]))", "service"),
                fromPrometheus("mic-by-visit", "Share of reviewed episodes reaching the minimal important change by "
                                + "visit 2, 3 and 4",
                        "sum by (by_visit) (sciatica_episodes_mic_reached{" + selector + "}) / ignoring (by_visit) "
                                + "group_left sum (sciatica_episodes_reviewed{" + selector + "})", "by_visit"));
        return template.data("viewer", Viewer.of(staff, site == null || site.isBlank() ? null : site))
                .data("scope", site == null || site.isBlank() ? "the chain" : site)
                .data("site", site == null ? "" : site)
                .data("sites", staff.sites())
                .data("counts", counts)
                .data("rates", rates)
                .data("today", today);
    }

    private Chart latency(String from, String to) {
        String series = "sum by (le) (rate(sciatica_flow_seconds_bucket{from=\"" + from + "\",to=\"" + to + "\"}[1h]))";
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (String quantile : List.of("0.5", "0.95", "0.99")) {
            Optional<List<Prometheus.Sample>> answer = prometheus.query("histogram_quantile(" + quantile + ", " + series + ")");
            if (answer.isEmpty()) {
                return new Chart("latency-" + from, "Time " + from + " → " + to + " (s)", List.of(), List.of(),
                        "not available: Prometheus is not reachable");
            }
            answer.get().stream().filter(sample -> !Double.isNaN(sample.value())).findFirst().ifPresent(sample -> {
                labels.add("p" + quantile.substring(2).replaceAll("^(\\d)$", "$10"));
                values.add(sample.value());
            });
        }
        return new Chart("latency-" + from, "Time " + from + " → " + to + " (s)", labels, values,
                labels.isEmpty() ? "no data yet" : null);
    }

    private Chart fromPrometheus(String id, String title, String promql, String... labels) {
        Optional<List<Prometheus.Sample>> answer = prometheus.query(promql, labels);
        if (answer.isEmpty()) {
            return new Chart(id, title, List.of(), List.of(), "not available: Prometheus is not reachable");
        }
        Map<String, Double> values = new LinkedHashMap<>();
        answer.get().forEach(sample -> values.put(sample.label(), sample.value()));
        return values.isEmpty() ? new Chart(id, title, List.of(), List.of(), "no data yet") : chart(id, title, values);
    }

    private static Chart chart(String id, String title, Map<String, Double> values) {
        return new Chart(id, title, new ArrayList<>(values.keySet()), new ArrayList<>(values.values()),
                values.isEmpty() ? "none yet" : null);
    }

    private List<String> sitesOf(String site) {
        if (site == null || site.isBlank()) {
            return staff.sites();
        }
        Sites.require(staff, site);
        return List.of(site);
    }
}
