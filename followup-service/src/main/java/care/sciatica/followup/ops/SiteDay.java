package care.sciatica.followup.ops;

import java.time.LocalDate;
import java.util.Map;

/**
 * A site's day in figures for dashboards that are not Grafana: counts only, never a case, a patient or a note.
 *
 * @param appointmentsByState  appointments starting that day (site's local day), by state
 * @param appointmentsBooked   appointments created that day, whoever booked them
 * @param tasksOpen            follow-up tasks open now
 * @param tasksOpened          follow-up tasks opened that day
 * @param webhookDeliveries    webhook deliveries created that day, by status
 */
public record SiteDay(String siteId, LocalDate day, String zone, Map<String, Long> appointmentsByState,
                      long appointmentsBooked, long tasksOpen, long tasksOpened,
                      Map<String, Long> webhookDeliveries) {
}
