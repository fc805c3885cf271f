package care.sciatica.followup.usecase;

import care.sciatica.followup.domain.calendar.SiteCalendar;
import care.sciatica.followup.domain.calendar.SiteCalendarLoader;
import care.sciatica.followup.domain.followup.ChooseFollowUp;
import care.sciatica.followup.domain.followup.ScheduleFollowUp;
import care.sciatica.followup.domain.followup.SchedulingPolicy;
import care.sciatica.followup.domain.followup.SchedulingPolicyLoader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/** Loads the scheduling policy and the site calendars (data in seeds/) once at start-up. */
@ApplicationScoped
public class FollowUpSeeds {

    private static final String CLASSPATH = "classpath:";

    @Produces
    @Singleton
    ScheduleFollowUp scheduleFollowUp(ChooseFollowUp choose) {
        return new ScheduleFollowUp(choose);
    }

    @Produces
    @Singleton
    ChooseFollowUp chooseFollowUp(@ConfigProperty(name = "sciatica.followup.policy") String location) {
        SchedulingPolicy policy = read(location, SchedulingPolicyLoader::load);
        return new ChooseFollowUp(policy);
    }

    @Produces
    @Singleton
    SiteCalendars siteCalendars(@ConfigProperty(name = "sciatica.followup.sites") String location) {
        Map<String, SiteCalendar> calendars = read(location, SiteCalendarLoader::load);
        return new SiteCalendars(calendars);
    }

    static <T> T read(String location, Function<Reader, T> loader) {
        try (Reader reader = open(location)) {
            return loader.apply(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + location, e);
        }
    }

    private static Reader open(String location) throws IOException {
        if (location.startsWith(CLASSPATH)) {
            InputStream in = FollowUpSeeds.class.getClassLoader().getResourceAsStream(location.substring(CLASSPATH.length()));
            if (in == null) {
                throw new IOException("no such resource");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }
        return Files.newBufferedReader(Path.of(location), StandardCharsets.UTF_8);
    }

    /** The calendars of the chain's sites, by site id. */
    public record SiteCalendars(Map<String, SiteCalendar> bySite) {

        public SiteCalendar of(String siteId) {
            SiteCalendar calendar = bySite.get(siteId);
            if (calendar == null) {
                throw new IllegalStateException("No calendar for site " + siteId + " in the site seeds");
            }
            return calendar;
        }
    }
}
