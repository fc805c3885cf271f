package care.sciatica.followup.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.narrative.CustomThymeleafNarrativeGenerator;
import org.hl7.fhir.r4.model.DomainResource;

/**
 * Human-readable narratives for every resource the FHIR server returns, from HAPI's Thymeleaf narrative generator
 * and the service's own templates (src/main/resources/fhir/narrative).
 */
public class FhirNarratives {

    private final FhirContext fhir;
    private final CustomThymeleafNarrativeGenerator generator =
            new CustomThymeleafNarrativeGenerator("classpath:/fhir/narrative/narratives.properties");

    public FhirNarratives(FhirContext fhir) {
        this.fhir = fhir;
    }

    public <T extends DomainResource> T described(T resource) {
        generator.populateResourceNarrative(fhir, resource);
        return resource;
    }
}
