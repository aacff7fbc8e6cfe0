package ai.kaizen.auth.account;

/** An account row with its password hash, which never leaves this package. */
record StoredAccount(Account account, String passwordHash) {
}
