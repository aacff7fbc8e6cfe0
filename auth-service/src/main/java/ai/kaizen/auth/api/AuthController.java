package ai.kaizen.auth.api;

import java.net.URI;

import ai.kaizen.auth.account.Account;
import ai.kaizen.auth.account.AccountService;
import ai.kaizen.auth.api.AuthApi.AccountResponse;
import ai.kaizen.auth.api.AuthApi.LoginRequest;
import ai.kaizen.auth.api.AuthApi.PasswordChangeRequest;
import ai.kaizen.auth.api.AuthApi.RefreshRequest;
import ai.kaizen.auth.api.AuthApi.RegisterRequest;
import ai.kaizen.auth.api.AuthApi.TokenResponse;
import ai.kaizen.auth.problem.AuthProblem;
import ai.kaizen.auth.token.SessionService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static ai.kaizen.auth.security.Principals.accountId;

@RestController
@RequestMapping("/api/auth")
class AuthController {

    private final AccountService accounts;
    private final SessionService sessions;

    AuthController(AccountService accounts, SessionService sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @PostMapping("/register")
    ResponseEntity<TokenResponse> register(@RequestBody RegisterRequest request) {
        Account account = accounts.register(request.email(), request.password(), request.username());
        return ResponseEntity.created(URI.create("/api/auth/me")).body(TokenResponse.of(sessions.open(account)));
    }

    @PostMapping("/login")
    TokenResponse login(@RequestBody LoginRequest request) {
        return TokenResponse.of(sessions.open(accounts.login(request.email(), request.password())));
    }

    @PostMapping("/refresh")
    TokenResponse refresh(@RequestBody RefreshRequest request) {
        return TokenResponse.of(sessions.refresh(request.refreshToken()));
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@RequestBody RefreshRequest request) {
        sessions.logout(request.refreshToken());
    }

    @GetMapping("/me")
    AccountResponse me(@AuthenticationPrincipal Jwt jwt) {
        return accounts.find(accountId(jwt))
                .map(AccountResponse::of)
                .orElseThrow(() -> AuthProblem.notFound("The account no longer exists."));
    }

    @PostMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@AuthenticationPrincipal Jwt jwt, @RequestBody PasswordChangeRequest request) {
        accounts.changePassword(accountId(jwt), request.currentPassword(), request.newPassword());
    }
}
