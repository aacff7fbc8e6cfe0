package ai.kaizen.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import tools.jackson.databind.node.ObjectNode;

/**
 * data-service as analysis-service sees it: {@code GET /api/tokens/{network}/{address}/facts?depth=...} answering
 * the facts JSON a test sets per address (its real shape), or a problem, or a dropped connection. Records every call.
 */
public final class FakeDataService extends Dispatcher {

    /** One facts call as received. */
    public record Call(String network, String address, String depth, String authorization) {
    }

    private record Canned(int status, String body, boolean disconnect) {
    }

    private final Map<String, Canned> answers = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private volatile CountDownLatch received = new CountDownLatch(0);

    public void facts(String address, ObjectNode facts) {
        ObjectNode copy = facts.deepCopy();
        copy.put("address", address);
        answers.put(address.toLowerCase(Locale.ROOT), new Canned(200, copy.toString(), false));
    }

    public void problem(String address, int status, String title, String detail) {
        answers.put(address.toLowerCase(Locale.ROOT), new Canned(status, """
                {"type":"urn:kaizen:problem:x","title":"%s","status":%d,"detail":"%s"}"""
                .formatted(title, status, detail), false));
    }

    public void disconnect(String address) {
        answers.put(address.toLowerCase(Locale.ROOT), new Canned(0, "", true));
    }

    /** Holds every facts answer until {@link #release()}; {@link #awaitReceived()} waits for the first call. */
    public void holdAnswers() {
        hold = new CountDownLatch(1);
        received = new CountDownLatch(1);
    }

    public void release() {
        hold.countDown();
    }

    public boolean awaitReceived() throws InterruptedException {
        return received.await(30, TimeUnit.SECONDS);
    }

    public List<Call> calls(String address) {
        return calls.stream().filter(c -> c.address().equalsIgnoreCase(address)).toList();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        String path = request.getUrl().encodedPath();
        String[] parts = path.split("/");
        // /api/tokens/{network}/{address}/facts
        if (parts.length != 6 || !"facts".equals(parts[5])) {
            return new MockResponse.Builder().code(404).build();
        }
        String depth = request.getUrl().queryParameter("depth");
        String auth = request.getHeaders().get("Authorization");
        calls.add(new Call(parts[3], parts[4], depth == null ? "" : depth, auth == null ? "" : auth));
        received.countDown();
        hold.await(30, TimeUnit.SECONDS);
        Canned canned = answers.get(parts[4].toLowerCase(Locale.ROOT));
        if (canned == null) {
            return new MockResponse.Builder().code(422).addHeader("Content-Type", "application/problem+json")
                    .body("{\"title\":\"No contract code\",\"status\":422,\"detail\":\"no code at " + parts[4] + "\"}")
                    .build();
        }
        if (canned.disconnect()) {
            return new MockResponse.Builder().onRequestStart(SocketEffect.ShutdownConnection.INSTANCE).build();
        }
        return new MockResponse.Builder().code(canned.status())
                .addHeader("Content-Type", canned.status() == 200 ? "application/json" : "application/problem+json")
                .body(canned.body()).build();
    }
}
