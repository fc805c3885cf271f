package care.sciatica.assessment;

import care.sciatica.local.KafkaTestResource;
import care.sciatica.local.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The real broker and the service's own test database. */
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "assessment_test"))
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AssessmentTestResources {
}
