package care.sciatica.followup.fhir;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;

import java.util.Optional;

/**
 * The {@code :identifier} modifier of a reference search parameter ({@code patient:identifier=system|value}), read
 * from the request as sent: HAPI's ReferenceParam takes the modifier for a resource type.
 */
final class FhirIdentifiers {

    private FhirIdentifiers() {
    }

    /** The identifier value asked for with {@code name:identifier}, whose system (if given) must be {@code system}. */
    static Optional<String> modifierValue(RequestDetails request, String name, String system) {
        String[] values = request.getParameters().get(name + ":identifier");
        if (values == null || values.length == 0) {
            return Optional.empty();
        }
        if (values.length > 1 || values[0].contains(",")) {
            throw new InvalidRequestException(name + ":identifier: one identifier at a time");
        }
        String value = values[0];
        int bar = value.indexOf('|');
        if (bar >= 0 && !system.equals(value.substring(0, bar))) {
            throw new InvalidRequestException(name + ":identifier: the system is " + system);
        }
        String bare = bar >= 0 ? value.substring(bar + 1) : value;
        if (bare.isBlank()) {
            throw new InvalidRequestException(name + ":identifier: a value is required, as " + system + "|…");
        }
        return Optional.of(bare);
    }
}
