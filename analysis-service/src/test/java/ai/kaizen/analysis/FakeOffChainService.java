package ai.kaizen.analysis;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * intel-service or social-service: answers a fixed JSON body when up, 503 when down, and 404 (no such API, as today)
 * when absent. Counts requests.
 */
public final class FakeOffChainService extends Dispatcher {

    public enum Mode { UP, DOWN, ABSENT }

    private volatile Mode mode = Mode.ABSENT;
    private volatile String body = "{}";
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> paths = new CopyOnWriteArrayList<>();

    public void up(String json) {
        this.body = json;
        this.mode = Mode.UP;
    }

    public void down() {
        this.mode = Mode.DOWN;
    }

    public void absent() {
        this.mode = Mode.ABSENT;
    }

    public int requests() {
        return requests.get();
    }

    /** Requests whose path mentions this address (any case). */
    public long requestsAbout(String address) {
        return paths.stream().filter(p -> p.toLowerCase().contains(address.toLowerCase())).count();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        requests.incrementAndGet();
        paths.add(request.getUrl().encodedPath());
        return switch (mode) {
            case UP -> new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body)
                    .build();
            case DOWN -> new MockResponse.Builder().code(503).addHeader("Content-Type", "application/problem+json")
                    .body("{\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"down for the test\"}").build();
            case ABSENT -> new MockResponse.Builder().code(404).addHeader("Content-Type", "application/problem+json")
                    .body("{\"title\":\"Not Found\",\"status\":404}").build();
        };
    }
}
