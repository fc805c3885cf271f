package care.sciatica.intake.usecase;

import care.sciatica.contracts.followup.VisitStarted;
import care.sciatica.intake.domain.Episode;
import care.sciatica.intake.persistence.CareCase;
import care.sciatica.intake.persistence.FollowUpVisit;
import care.sciatica.platform.inbox.PoisonEventException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * Opens a case's follow-up visit when follow-up reports that the patient came, so that the visit can be reviewed.
 * Runs in the inbox's transaction. A report that cannot fit the case as recorded (an unknown case, another site, a
 * visit out of order) is poison: no retry can change it, so it goes to the dead-letter topic for a person to look at.
 */
@ApplicationScoped
public class OpenVisit {

    private static final Logger LOG = Logger.getLogger(OpenVisit.class);

    public Uni<Void> after(VisitStarted started) {
        UUID caseId = UUID.fromString(started.caseId());
        // Locked like every write to the case, so a review and a visit's start take turns.
        return CareCase.<CareCase>findById(caseId, LockModeType.PESSIMISTIC_WRITE)
                .chain(careCase -> {
                    if (careCase == null || !careCase.siteId.equals(started.siteId())) {
                        throw new PoisonEventException("visit " + started.visit() + " started for case "
                                + started.caseId() + ", which intake does not hold at " + started.siteId());
                    }
                    return FollowUpVisit.ofCase(caseId);
                })
                .chain(visits -> switch (FollowUpVisit.episode(visits)
                        .start(started.visit(), UUID.fromString(started.appointmentId()))) {
                    case Episode.Opens opens -> FollowUpVisit.started(caseId, opens.number(),
                            UUID.fromString(started.appointmentId()), started.occurredAt()).persist().replaceWithVoid();
                    case Episode.AlreadyKnown known -> {
                        LOG.debugf("Visit %d of case %s is already open", known.number(), caseId);
                        yield Uni.createFrom().voidItem();
                    }
                    case Episode.OutOfOrder outOfOrder -> throw new PoisonEventException("case " + caseId + ": "
                            + outOfOrder.reason());
                });
    }
}
