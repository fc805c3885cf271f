package care.sciatica.followup.domain;

import care.sciatica.contracts.assessment.ReferralRequired;
import care.sciatica.contracts.assessment.Urgency;
import care.sciatica.contracts.common.Origin;
import care.sciatica.contracts.common.Reason;
import care.sciatica.contracts.common.TreatmentStep;
import care.sciatica.contracts.session.EndReason;
import care.sciatica.contracts.session.EndState;
import care.sciatica.contracts.session.SessionCompleted;
import care.sciatica.contracts.session.SessionEndedEarly;
import care.sciatica.followup.domain.calendar.SiteCalendar;
import care.sciatica.followup.domain.calendar.SiteCalendarLoader;
import care.sciatica.followup.domain.episode.EpisodePolicy;
import care.sciatica.followup.domain.episode.EpisodePolicyLoader;
import care.sciatica.followup.domain.followup.SchedulingPolicy;
import care.sciatica.followup.domain.followup.SchedulingPolicyLoader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Events and seed documents shared by the domain tests; the seeds are read from the repository's seeds/followup. */
public final class Fixtures {

    public static final String CASE_ID = "2fdd94b1-b66e-493d-8132-cd5bd4365e3c";
    public static final String PATIENT_REF = "pt_7Q2M9X4K";
    public static final String THERAPIST_REF = "st_8H3L5V2P";
    public static final Path SEEDS = Path.of("..", "seeds", "followup");

    private Fixtures() {
    }

    public static Reader seed(String file) {
        try {
            return Files.newBufferedReader(SEEDS.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SchedulingPolicy seedPolicy() {
        try (Reader reader = seed("scheduling-policy.json")) {
            return SchedulingPolicyLoader.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static EpisodePolicy seedEpisodePolicy() {
        try (Reader reader = seed("episode-policy.json")) {
            return EpisodePolicyLoader.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, SiteCalendar> seedSites() {
        try (Reader reader = seed("sites.json")) {
            return SiteCalendarLoader.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SessionCompleted completed(String siteId, int painBefore, int painAfter, Instant completedAt) {
        return new SessionCompleted(CASE_ID, siteId, PATIENT_REF, completedAt, "e5ec9fda-083d-4ff7-89e3-c4193371979b", 1,
                1, Origin.LUMBAR, THERAPIST_REF, painBefore, painAfter, painAfter - painBefore,
                List.of(TreatmentStep.EXPLANATION_AND_CONSENT, TreatmentStep.PALPATION), List.of(), List.of(), completedAt);
    }

    public static SessionEndedEarly endedEarly(String siteId, EndState state, EndReason reason, Instant endedAt) {
        return new SessionEndedEarly(CASE_ID, siteId, PATIENT_REF, endedAt, "e5ec9fda-083d-4ff7-89e3-c4193371979b", 1,
                1, THERAPIST_REF, state, reason, List.of(TreatmentStep.EXPLANATION_AND_CONSENT), 6, null, endedAt);
    }

    public static ReferralRequired referral(String siteId, Urgency urgency, Instant at) {
        return new ReferralRequired(CASE_ID, siteId, PATIENT_REF, at, "7c1f7c55-4d43-4f43-9a55-0f9e1fb0f3a2", 1, 1, "2026.03-1",
                urgency, List.of(new Reason("RED_FLAG_SADDLE_ANAESTHESIA", "redFlags.saddleAnaesthesia", "Cauda equina sign")));
    }
}
