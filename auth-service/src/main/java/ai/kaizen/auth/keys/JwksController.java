package ai.kaizen.auth.keys;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishes the public signing key so every service (and the gateway) verifies tokens itself. */
@RestController
class JwksController {

    private final SigningKey signingKey;

    JwksController(SigningKey signingKey) {
        this.signingKey = signingKey;
    }

    @GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> jwks() {
        // toJSONObject() with its default (public only) never includes private members such as "d".
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(signingKey.publicJwkSet().toJSONObject());
    }
}
