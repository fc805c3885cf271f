package care.sciatica.followup.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HAPI's FhirInstanceValidator, as an integrator would run it on our answers: the R4 core profiles and terminology,
 * plus the code systems the server itself publishes. Made once: loading the core definitions takes seconds.
 */
final class FhirValidation {

    /**
     * Warnings that are expected and why; any other warning fails the test.
     * <ul>
     * <li>none so far</li>
     * </ul>
     */
    static final List<String> EXPLAINED_WARNINGS = List.of();

    private static FhirValidator validator;

    private FhirValidation() {
    }

    static synchronized void init(FhirContext fhir, List<CodeSystem> published) {
        if (validator != null) {
            return;
        }
        PrePopulatedValidationSupport ours = new PrePopulatedValidationSupport(fhir);
        published.forEach(ours::addCodeSystem);
        ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(fhir),
                new InMemoryTerminologyServerValidationSupport(fhir), new CommonCodeSystemsTerminologyService(fhir), ours);
        validator = fhir.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
    }

    /** Asserts 0 errors and no warning that is not explained above. */
    static void assertValid(IBaseResource resource) {
        List<SingleValidationMessage> problems = validator.validateWithResult(resource).getMessages().stream()
                .filter(message -> message.getSeverity().ordinal() >= ResultSeverityEnum.WARNING.ordinal())
                .filter(message -> message.getSeverity() != ResultSeverityEnum.WARNING
                        || EXPLAINED_WARNINGS.stream().noneMatch(explained -> message.getMessage().contains(explained)))
                .toList();
        assertThat(problems).as(resource.fhirType() + " " + resource.getIdElement().getValue())
                .extracting(message -> message.getSeverity() + " " + message.getLocationString() + " " + message.getMessage())
                .isEmpty();
    }
}
