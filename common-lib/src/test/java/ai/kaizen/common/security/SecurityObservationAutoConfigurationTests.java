package ai.kaizen.common.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.config.observation.SecurityObservationSettings;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityObservationAutoConfigurationTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SecurityObservationAutoConfiguration.class));

    @Test
    void securityIsNotObservedByDefault() {
        context.run(app -> {
            SecurityObservationSettings settings = app.getBean(SecurityObservationSettings.class);
            assertThat(settings.shouldObserveRequests()).isFalse();
            assertThat(settings.shouldObserveAuthentications()).isFalse();
            assertThat(settings.shouldObserveAuthorizations()).isFalse();
        });
    }

    @Test
    void observationsCanBeSwitchedBackOn() {
        context.withPropertyValues("kaizen.security.observations=true")
                .run(app -> assertThat(app).doesNotHaveBean(SecurityObservationSettings.class));
    }
}
