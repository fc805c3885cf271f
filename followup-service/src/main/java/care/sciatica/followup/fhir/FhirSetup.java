package care.sciatica.followup.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one FHIR R4 context of the service: building it scans the whole model, so it is made once and shared. */
@ApplicationScoped
public class FhirSetup {

    @Produces
    @Singleton
    FhirContext fhirContext() {
        return FhirContext.forR4();
    }
}
