package ai.kaizen.common.messaging.admin;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import ai.kaizen.common.messaging.DeadLetters;
import ai.kaizen.common.messaging.EventPublisher;
import ai.kaizen.common.messaging.StreamConsumer;
import ai.kaizen.common.messaging.StreamDefinition;
import ai.kaizen.common.messaging.StreamStates;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' view of this service's streams: state per stream and group (length, lag, pending,
 * consumers, dead letters) and replay of one dead letter. Tokens must carry the ADMIN role.
 */
@RestController
@RequestMapping(path = "/api/admin/streams", produces = MediaType.APPLICATION_JSON_VALUE)
public class StreamAdminController {

    private static final Pattern ENTRY_ID = Pattern.compile("\\d{1,20}-\\d{1,20}");
    private static final int RECENT_DEAD_LETTERS = 20;

    /**
     * @param service   this service (its consumer group)
     * @param consumer  this process's consumer name
     * @param streams   the streams it consumes or publishes to
     */
    public record StreamsView(String service, String consumer, List<StreamView> streams) {
    }

    /**
     * @param state       Redis's view of the stream and its groups
     * @param consumed    whether this service consumes it
     * @param deadLetters this service's most recent dead letters of the stream
     */
    public record StreamView(StreamStates.StreamState state, boolean consumed, List<DeadLetters.DeadLetter> deadLetters) {
    }

    /**
     * @param stream       the stream replayed to
     * @param deadLetterId the dead letter that was replayed (and removed)
     * @param entryId      the new entry on the stream
     */
    public record Replayed(String stream, String deadLetterId, String entryId) {
    }

    private final StreamStates states;
    private final DeadLetters deadLetters;
    private final StreamConsumer consumer;
    private final EventPublisher publisher;

    public StreamAdminController(StreamStates states, DeadLetters deadLetters, StreamConsumer consumer,
                                 EventPublisher publisher) {
        this.states = states;
        this.deadLetters = deadLetters;
        this.consumer = consumer;
        this.publisher = publisher;
    }

    @GetMapping
    public ResponseEntity<?> streams() {
        Optional<ResponseEntity<ProblemDetail>> denied = requireAdmin();
        if (denied.isPresent()) {
            return denied.get();
        }
        Set<String> consumed = consumedStreams();
        Set<String> all = new LinkedHashSet<>(consumed);
        all.addAll(publisher.publishedStreams().stream().sorted().toList());
        List<StreamView> views = all.stream().map(stream -> new StreamView(states.read(stream), consumed.contains(stream),
                consumed.contains(stream) ? deadLetters.list(stream, consumer.group(), RECENT_DEAD_LETTERS) : List.of()))
                .toList();
        return ResponseEntity.ok(new StreamsView(consumer.group(), consumer.consumerName(), views));
    }

    @PostMapping("/{stream}/dead-letters/{id}/replay")
    public ResponseEntity<?> replay(@PathVariable String stream, @PathVariable String id) {
        Optional<ResponseEntity<ProblemDetail>> denied = requireAdmin();
        if (denied.isPresent()) {
            return denied.get();
        }
        if (!ENTRY_ID.matcher(id).matches()) {
            return problem(HttpStatus.BAD_REQUEST, "'" + id + "' is not a stream entry id (expected <milliseconds>-<sequence>).");
        }
        if (!consumedStreams().contains(stream)) {
            return problem(HttpStatus.NOT_FOUND, "This service consumes no stream '" + stream + "'; it consumes "
                    + consumedStreams() + ".");
        }
        return deadLetters.replay(stream, consumer.group(), id)
                .<ResponseEntity<?>>map(entryId -> ResponseEntity.accepted().body(new Replayed(stream, id, entryId)))
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "No dead letter " + id + " in "
                        + StreamDefinition.deadLetterKey(stream, consumer.group()) + "."));
    }

    private Set<String> consumedStreams() {
        Set<String> keys = new LinkedHashSet<>();
        consumer.streams().forEach(definition -> keys.add(definition.key()));
        return keys;
    }

    private static Optional<ResponseEntity<ProblemDetail>> requireAdmin() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.of(problem(HttpStatus.UNAUTHORIZED, "A valid bearer token is required."));
        }
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            if ("ROLE_ADMIN".equals(authority.getAuthority())) {
                return Optional.empty();
            }
        }
        return Optional.of(problem(HttpStatus.FORBIDDEN, "Stream administration needs the ADMIN role."));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
