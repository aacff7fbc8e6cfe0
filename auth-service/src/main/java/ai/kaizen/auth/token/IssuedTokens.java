package ai.kaizen.auth.token;

import ai.kaizen.auth.account.Account;

/** What a login, registration or refresh hands out: an access token, its rotating refresh token, and whose they are. */
public record IssuedTokens(AccessToken accessToken, String refreshToken, Account account) {
}
