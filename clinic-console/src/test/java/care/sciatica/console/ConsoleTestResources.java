package care.sciatica.console;

import care.sciatica.local.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The real broker the console's live feed reads (the services themselves are stood in for by each test). */
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ConsoleTestResources {
}
