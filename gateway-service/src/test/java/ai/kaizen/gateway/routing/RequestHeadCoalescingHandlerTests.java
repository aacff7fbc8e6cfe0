package ai.kaizen.gateway.routing;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The handler on a real HTTP client codec: a head announcing a body leaves in the same flush as the body, a head
 * whose body does not follow at once still leaves (one event-loop turn later), anything else is untouched.
 */
class RequestHeadCoalescingHandlerTests {

    private final EmbeddedChannel channel = new EmbeddedChannel(new HttpClientCodec(), new RequestHeadCoalescingHandler());

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void aHeadWithABodyLeavesTogetherWithTheBody() {
        ChannelFuture head = wire().writeAndFlush(post(5));

        assertThat(head.isSuccess()).isTrue();
        assertThat(outbound()).isEmpty();

        wire().write(new DefaultHttpContent(Unpooled.copiedBuffer("hello", StandardCharsets.US_ASCII)));
        wire().writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);

        assertThat(outbound()).startsWith("POST /api/analysis/analyze HTTP/1.1\r\n")
                .contains("content-length: 5\r\n").endsWith("\r\n\r\nhello");
        channel.runPendingTasks();
        assertThat(outbound()).isEmpty();
    }

    @Test
    void aHeadWhoseBodyDoesNotFollowAtOnceIsFlushedAloneOneTurnLater() {
        wire().writeAndFlush(post(5));
        assertThat(outbound()).isEmpty();

        channel.runPendingTasks();

        assertThat(outbound()).startsWith("POST /api/analysis/analyze HTTP/1.1\r\n").endsWith("\r\n\r\n");
        wire().writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer("hello", StandardCharsets.US_ASCII)));
        assertThat(outbound()).isEqualTo("hello");
    }

    @Test
    void headsWithoutABodyAndFullRequestsAreWrittenAtOnce() {
        wire().write(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/api/users/me"));
        wire().writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        assertThat(outbound()).startsWith("GET /api/users/me HTTP/1.1\r\n");

        DefaultFullHttpRequest full = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/api/chat",
                Unpooled.copiedBuffer("hi", StandardCharsets.US_ASCII));
        full.headers().set(HttpHeaderNames.CONTENT_LENGTH, 2);
        wire().writeAndFlush(full);
        assertThat(outbound()).startsWith("POST /api/chat HTTP/1.1\r\n").endsWith("\r\n\r\nhi");
    }

    @Test
    void closingDropsAHeldHead() {
        wire().writeAndFlush(post(5));

        wire().close();
        channel.runPendingTasks();

        assertThat(channel.isOpen()).isFalse();
        assertThat(outbound()).isEmpty();
    }

    private static HttpRequest post(int contentLength) {
        HttpRequest head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/api/analysis/analyze");
        head.headers().set(HttpHeaderNames.CONTENT_LENGTH, contentLength);
        return head;
    }

    /** Writes through the pipeline, without EmbeddedChannel running the loop's pending tasks on every flush. */
    private ChannelPipeline wire() {
        return channel.pipeline();
    }

    /** Everything flushed to the wire since the last call. */
    private String outbound() {
        StringBuilder text = new StringBuilder();
        for (ByteBuf buffer = channel.readOutbound(); buffer != null; buffer = channel.readOutbound()) {
            text.append(buffer.toString(StandardCharsets.US_ASCII));
            buffer.release();
        }
        return text.toString();
    }
}
