package care.sciatica.session.domain;

import care.sciatica.contracts.session.ConsentDecision;
import care.sciatica.contracts.session.ConsentMethod;
import java.time.Instant;

/** A consent decision as recorded: given, refused or withdrawn, how, by whom and when. */
public record Consent(ConsentDecision decision, ConsentMethod method, String recordedBy, Instant at) {
}
