package care.sciatica.session.usecase;

import care.sciatica.platform.problem.ProblemException;
import care.sciatica.platform.security.SiteScope;
import care.sciatica.session.persistence.SessionRow;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Reads sessions: one session with its timeline, or a site's sessions opened on a given day. */
@ApplicationScoped
public class ReadSessions {

    /** Every site is in Great Britain for now; a site's own zone belongs in its settings once there is a second one. */
    static final ZoneId SITE_ZONE = ZoneId.of("Europe/London");

    /** A stored session with its timeline entries, in order. */
    public record SessionWithTimeline(SessionRow row, List<SessionJournal.Entry> timeline) {
    }

    private final RunSession runSession;
    private final SessionJournal journal;
    private final SiteScope siteScope;

    public ReadSessions(RunSession runSession, SessionJournal journal, SiteScope siteScope) {
        this.runSession = runSession;
        this.journal = journal;
        this.siteScope = siteScope;
    }

    @WithSession
    public Uni<SessionWithTimeline> timeline(UUID sessionId) {
        return runSession.load(sessionId)
                .chain(row -> journal.read(row.id).map(entries -> new SessionWithTimeline(row, entries)));
    }

    /**
     * The sessions opened on the day (midnight to midnight at the site) at the requested site, or at all of the
     * caller's sites when none is named; a site that is not the caller's lists nothing.
     */
    @WithSession
    public Uni<List<SessionRow>> openedOn(String siteId, String day) {
        LocalDate date = parse(day);
        Set<String> sites = siteScope.listable(siteId);
        if (sites.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return SessionRow.list("siteId in ?1 and openedAt >= ?2 and openedAt < ?3 order by openedAt", sites,
                date.atStartOfDay(SITE_ZONE).toInstant(), date.plusDays(1).atStartOfDay(SITE_ZONE).toInstant());
    }

    private static LocalDate parse(String day) {
        if (day == null || day.isBlank()) {
            throw ProblemException.invalid("day", "is required, as YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("day", "must be a date as YYYY-MM-DD");
        }
    }
}
