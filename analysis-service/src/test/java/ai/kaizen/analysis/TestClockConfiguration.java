package ai.kaizen.analysis;

import ai.kaizen.testsupport.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Puts the tests' hand-moved clock in place of the service's. */
@TestConfiguration(proxyBeanMethods = false)
class TestClockConfiguration {

    @Bean
    @Primary
    MutableClock testClock() {
        return ServiceTestSupport.CLOCK;
    }
}
