package ai.kaizen.gateway.routing;

import io.netty.channel.ChannelPipeline;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

/** The HTTP client the routes use to call the backends. */
@Configuration(proxyBeanMethods = false)
class BackendClientConfiguration {

    /** Every new backend connection gets the {@link RequestHeadCoalescingHandler} right after its HTTP codec. */
    @Bean
    HttpClientCustomizer requestHeadCoalescing() {
        return client -> client.doOnConnected(connection -> {
            ChannelPipeline pipeline = connection.channel().pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null && pipeline.get(RequestHeadCoalescingHandler.NAME) == null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, RequestHeadCoalescingHandler.NAME,
                        new RequestHeadCoalescingHandler());
            }
        });
    }
}
