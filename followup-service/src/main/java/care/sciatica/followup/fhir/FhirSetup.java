package care.sciatica.followup.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one FHIR R4 context of the service: building it scans the whole model, so it is made once and shared. */
@ApplicationScoped
public class FhirSetup {

    @Produces
    @Singleton
    FhirContext fhirContext() {
        FhirContext context = FhirContext.forR4();
        // FhirPath (which the narrative generator uses) needs a validation support; the core definitions suffice,
        // and naming them keeps HAPI from instantiating whichever support chain happens to be on the class path.
        context.setValidationSupport(new DefaultProfileValidationSupport(context));
        return context;
    }
}
