package ai.kaizen.auth.apikey;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import ai.kaizen.auth.account.Account;
import ai.kaizen.auth.account.AccountService;
import ai.kaizen.auth.problem.AuthProblem;
import ai.kaizen.auth.token.AccessToken;
import ai.kaizen.auth.token.AccessTokens;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static ai.kaizen.auth.security.Principals.accountId;

@RestController
@RequestMapping("/api/auth/api-keys")
class ApiKeyController {

    static final String API_KEY_HEADER = "X-API-Key";

    record CreateRequest(@Nullable String name) {
    }

    /** A bearer token for the key's owner, as the gateway needs it. */
    record ExchangeResponse(String accessToken, String tokenType, long expiresIn) {
    }

    private final ApiKeyService keys;
    private final AccountService accounts;
    private final AccessTokens accessTokens;

    ApiKeyController(ApiKeyService keys, AccountService accounts, AccessTokens accessTokens) {
        this.keys = keys;
        this.accounts = accounts;
        this.accessTokens = accessTokens;
    }

    @PostMapping
    ResponseEntity<CreatedApiKey> create(@AuthenticationPrincipal Jwt jwt, @RequestBody CreateRequest request) {
        CreatedApiKey created = keys.create(accountId(jwt), request.name());
        return ResponseEntity.created(URI.create("/api/auth/api-keys/" + created.id())).body(created);
    }

    @GetMapping
    List<ApiKeyView> list(@AuthenticationPrincipal Jwt jwt) {
        return keys.list(accountId(jwt));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        keys.revoke(accountId(jwt), id);
    }

    @PostMapping("/exchange")
    ExchangeResponse exchange(@RequestHeader(name = API_KEY_HEADER, required = false) @Nullable String key) {
        KeyOwnerAccount owner = keys.authenticate(key)
                .flatMap(k -> accounts.find(k.accountId()).filter(Account::active)
                        .map(account -> new KeyOwnerAccount(k.keyId(), account)))
                .orElseThrow(() -> AuthProblem.unauthorized("invalid-api-key",
                        "A valid API key is required in the " + API_KEY_HEADER + " header."));
        AccessToken token = accessTokens.issue(owner.account(), owner.keyId());
        return new ExchangeResponse(token.value(), "Bearer", token.expiresIn());
    }

    private record KeyOwnerAccount(UUID keyId, Account account) {
    }
}
