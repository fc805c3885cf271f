package care.sciatica.followup.fhir;

import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import care.sciatica.platform.problem.ProblemException;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** HAPI's parsed date parameter as the service's {@link DateRange}, read in the given zone. */
final class FhirDates {

    private FhirDates() {
    }

    static DateRange range(String parameter, DateRangeParam param, ZoneId zone) {
        List<String> values = new ArrayList<>();
        if (param != null) {
            for (DateParam bound : param.getValuesAsQueryTokens()) {
                String prefix = bound.getPrefix() == null ? "" : bound.getPrefix().getValue();
                values.add(prefix + bound.getValueAsString());
            }
        }
        try {
            return DateRange.parse(parameter, values, zone);
        } catch (ProblemException problem) {
            throw new InvalidRequestException(problem.getMessage());
        }
    }
}
