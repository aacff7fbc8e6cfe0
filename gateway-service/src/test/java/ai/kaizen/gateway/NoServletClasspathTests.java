package ai.kaizen.gateway;

import java.io.File;
import java.util.Arrays;
import java.util.Collections;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gateway is WebFlux only: Spring MVC must not be on its classpath nor used by its code. */
class NoServletClasspathTests {

    @Test
    void springMvcIsNotOnTheClasspath() throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        assertThat(Collections.list(loader.getResources("org/springframework/web/servlet"))).isEmpty();
        assertThatThrownBy(() -> Class.forName("org.springframework.web.servlet.DispatcherServlet"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> new File(entry).getName()))
                .noneMatch(name -> name.startsWith("spring-webmvc") || name.startsWith("spring-boot-webmvc")
                        || name.startsWith("tomcat-embed-core") || name.startsWith("jakarta.servlet-api"));
    }

    @Test
    void gatewayCodeUsesNoServletApi() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("ai.kaizen.gateway");
        assertThat(classes).isNotEmpty();
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "org.springframework.web.servlet..", "jakarta.servlet..")
                .check(classes);
    }
}
