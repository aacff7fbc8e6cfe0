package ai.kaizen.common.messaging.admin;

import ai.kaizen.common.messaging.DeadLetters;
import ai.kaizen.common.messaging.EventPublisher;
import ai.kaizen.common.messaging.MessagingAutoConfiguration;
import ai.kaizen.common.messaging.StreamConsumer;
import ai.kaizen.common.messaging.StreamStates;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The stream admin endpoint, for servlet services only (the WebFlux gateway never sees it) and only
 * where Spring Security decides who is an ADMIN.
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({DispatcherServlet.class, SecurityContextHolder.class})
@ConditionalOnBean({StreamConsumer.class, StreamStates.class, DeadLetters.class, EventPublisher.class})
public class StreamAdminAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    StreamAdminController kaizenStreamAdminController(StreamStates states, DeadLetters deadLetters,
                                                      StreamConsumer consumer, EventPublisher publisher) {
        return new StreamAdminController(states, deadLetters, consumer, publisher);
    }
}
