package care.sciatica.followup.domain.calendar;

import care.sciatica.followup.domain.InvalidSeedData;
import care.sciatica.followup.domain.SeedJson;
import java.io.Reader;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the sites document ({@code seeds/followup/sites.json}) into one validated {@link SiteCalendar} per site id. */
public final class SiteCalendarLoader {

    static final String DOCUMENT = "sites";

    private SiteCalendarLoader() {
    }

    public static Map<String, SiteCalendar> load(Reader reader) {
        RawSites raw = SeedJson.read(reader, RawSites.class, DOCUMENT);
        List<String> problems = new ArrayList<>();
        Map<String, SiteCalendar> calendars = new LinkedHashMap<>();
        List<RawSite> sites = raw.sites() == null ? List.of() : raw.sites();
        if (sites.isEmpty()) {
            problems.add("sites is empty");
        }
        for (int i = 0; i < sites.size(); i++) {
            RawSite site = sites.get(i);
            String at = "sites[" + i + "]";
            try {
                SiteCalendar calendar = site.toCalendar();
                if (calendars.putIfAbsent(calendar.siteId(), calendar) != null) {
                    problems.add(at + ": site " + calendar.siteId() + " is listed twice");
                }
            } catch (IllegalArgumentException | NullPointerException e) {
                problems.add(at + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSeedData(DOCUMENT, problems);
        }
        return Collections.unmodifiableMap(calendars);
    }

    record RawSites(List<RawSite> sites) {
    }

    record RawSite(String siteId, ZoneId zone, Duration slotLength, Map<DayOfWeek, List<RawPeriod>> openingHours,
                   Set<LocalDate> closures, List<RawTherapist> therapists) {

        SiteCalendar toCalendar() {
            Map<DayOfWeek, List<OpeningPeriod>> hours = new EnumMap<>(DayOfWeek.class);
            if (openingHours != null) {
                openingHours.forEach((day, periods) -> hours.put(day, periods.stream()
                        .map(period -> new OpeningPeriod(period.opens(), period.closes()))
                        .toList()));
            }
            List<Therapist> staff = therapists == null ? List.of()
                    : therapists.stream().map(therapist -> new Therapist(therapist.ref(), therapist.workingDays())).toList();
            if (staff.isEmpty()) {
                throw new IllegalArgumentException("site " + siteId + " has no therapists");
            }
            return new SiteCalendar(siteId, zone, slotLength, hours, closures == null ? Set.of() : closures, staff);
        }
    }

    record RawPeriod(LocalTime opens, LocalTime closes) {
    }

    record RawTherapist(String ref, Set<DayOfWeek> workingDays) {
    }
}
