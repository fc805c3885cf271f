package care.sciatica.platform.testapp;

import care.sciatica.local.KafkaTestResource;
import care.sciatica.local.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The real broker and database the chassis tests run against. */
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "topics", value = "platform.test.events,platform.test.dlq"))
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "platform_test"))
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ChassisTestResources {
}
