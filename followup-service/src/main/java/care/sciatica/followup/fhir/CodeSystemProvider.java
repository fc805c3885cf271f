package care.sciatica.followup.fhir;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.IdType;

import java.util.List;

/** The service's own code systems (follow-up reason, cancel reason), so that their codes can be looked up. */
public class CodeSystemProvider implements IResourceProvider {

    private final FhirNarratives narratives;

    CodeSystemProvider(FhirNarratives narratives) {
        this.narratives = narratives;
    }

    @Override
    public Class<CodeSystem> getResourceType() {
        return CodeSystem.class;
    }

    @Read
    public CodeSystem read(@IdParam IdType id) {
        return all().stream().filter(system -> system.getIdElement().getIdPart().equals(id.getIdPart())).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public List<CodeSystem> search(
            @Description(shortDefinition = "The canonical URL, e.g. " + FhirAppointments.CANCEL_SYSTEM)
            @OptionalParam(name = CodeSystem.SP_URL) UriParam url) {
        return all().stream().filter(system -> url == null || system.getUrl().equals(url.getValue())).toList();
    }

    private List<CodeSystem> all() {
        return FhirAppointments.codeSystems().stream().map(narratives::described).toList();
    }
}
