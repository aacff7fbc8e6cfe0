/**
 * Calls to other Kaizen services: data-service (token facts), intel-service (address labels and deployer
 * history), social-service (sentiment and manipulation) and auth-service (the API-key exchange that gives
 * background work its own short-lived token). Every call has a connect and a total timeout, a response size
 * limit and a Resilience4j circuit breaker; replies are untrusted input.
 */
@NullMarked
package ai.kaizen.analysis.upstream;

import org.jspecify.annotations.NullMarked;
