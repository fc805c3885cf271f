package care.sciatica.followup.ical;

import care.sciatica.followup.persistence.AppointmentRow;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * An RFC 5545 feed of appointments, built with ical4j: the UID is the appointment id and never changes, SEQUENCE is the
 * appointment's own sequence (bumped by every change), and cancelled appointments stay in the feed as STATUS:CANCELLED
 * so that subscribed calendars remove them. No patient data: the summary names the follow-up, not the person.
 */
public final class CalendarFeed {

    static final String PRODUCT = "-//Sciatica Care Platform//Follow-up service//EN";

    private CalendarFeed() {
    }

    public static String write(String name, List<AppointmentRow> appointments) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(net.fortuna.ical4j.model.property.immutable.ImmutableVersion.VERSION_2_0);
        calendar.add(net.fortuna.ical4j.model.property.immutable.ImmutableCalScale.GREGORIAN);
        appointments.forEach(row -> calendar.add(event(row)));
        StringWriter out = new StringWriter();
        try {
            // Not validating: an empty feed (no VEVENT yet) is still a useful subscription.
            new CalendarOutputter(false).output(calendar, out);
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
        event.add(new DtStamp(changed));
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
