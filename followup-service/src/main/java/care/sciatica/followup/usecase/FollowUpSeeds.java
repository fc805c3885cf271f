package care.sciatica.followup.usecase;

import care.sciatica.followup.domain.calendar.SiteCalendar;
import care.sciatica.followup.domain.calendar.SiteCalendarLoader;
import care.sciatica.followup.domain.episode.EpisodePolicyLoader;
import care.sciatica.followup.domain.episode.JudgeEpisode;
import care.sciatica.followup.domain.followup.ChooseFollowUp;
import care.sciatica.followup.domain.followup.ScheduleFollowUp;
import care.sciatica.followup.domain.followup.SchedulingPolicy;
import care.sciatica.followup.domain.followup.SchedulingPolicyLoader;
import care.sciatica.platform.seeds.SeedFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;

/** Loads the scheduling policy and the site calendars (data in seeds/) once at start-up. */
@ApplicationScoped
public class FollowUpSeeds {

    @Produces
    @Singleton
    ScheduleFollowUp scheduleFollowUp(ChooseFollowUp choose) {
        return new ScheduleFollowUp(choose);
    }

    @Produces
    @Singleton
    ChooseFollowUp chooseFollowUp(@ConfigProperty(name = "sciatica.followup.policy") String location) {
        SchedulingPolicy policy = SeedFiles.read(location, SchedulingPolicyLoader::load);
        return new ChooseFollowUp(policy);
    }

    @Produces
    @Singleton
    JudgeEpisode judgeEpisode(@ConfigProperty(name = "sciatica.followup.episode-policy") String location) {
        return new JudgeEpisode(SeedFiles.read(location, EpisodePolicyLoader::load));
    }

    @Produces
    @Singleton
    SiteCalendars siteCalendars(@ConfigProperty(name = "sciatica.followup.sites") String location) {
        Map<String, SiteCalendar> calendars = SeedFiles.read(location, SiteCalendarLoader::load);
        return new SiteCalendars(calendars);
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
