package care.sciatica.followup.ical;

import care.sciatica.followup.persistence.AppointmentRow;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * An RFC 5545 feed of appointments, built with ical4j: the UID is the appointment id and never changes, SEQUENCE is the
 * appointment's own sequence (bumped by every change), and cancelled appointments stay in the feed as STATUS:CANCELLED
 * so that subscribed calendars remove them. No patient data: the summary names the follow-up, not the person.
 */
public final class CalendarFeed {

    static final String PRODUCT = "-//Sciatica Care Platform//Follow-up service//EN";
    private static final TimeZoneRegistry TIME_ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private CalendarFeed() {
    }

    /**
     * The feed of {@code appointments}, with the VTIMEZONE of the site's {@code zone}: a calendar needs at least one
     * component, so an empty feed is still valid, and clients learn the site's zone. Validated strictly as written.
     */
    public static String write(String name, ZoneId zone, List<AppointmentRow> appointments) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new XProperty("X-WR-TIMEZONE", zone.getId()));
        calendar.add(TIME_ZONES.getTimeZone(zone.getId()).getVTimeZone());
        appointments.forEach(row -> calendar.add(event(row)));
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the calendar " + name, e);
        }
        return out.toString();
    }

    static VEvent event(AppointmentRow row) {
        VEvent event = new VEvent(row.startsAt, row.endsAt, "Follow-up massage appointment");
        Instant changed = row.updatedAt != null ? row.updatedAt : row.createdAt;
        event.add(new Uid(row.id.toString()));
        event.add(new Sequence(row.sequence));
        // ical4j stamps a new event with the time of writing; one DTSTAMP is allowed, and it is the last change.
        event.replace(new DtStamp(changed));
        event.add(new LastModified(changed));
        event.add(new Status(status(row.state)));
        event.add(new Location(row.siteId));
        event.add(new Description("Therapist " + row.therapistRef + ", case " + row.caseId + ", reason " + row.reason));
        return event;
    }

    private static String status(String state) {
        return switch (state) {
            case "CANCELLED" -> Status.VALUE_CANCELLED;
            case "CONFIRMED", "ATTENDED", "NO_SHOW" -> Status.VALUE_CONFIRMED;
            default -> Status.VALUE_TENTATIVE;
        };
    }
}
