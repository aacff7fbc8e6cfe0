/**
 * Behaviour signals: the trade simulation, privilege probing and proxy/ownership facts turned into the codes of the
 * devnet vocabulary (honeypot, buy_tax, tax_modifiable, hidden_owner, ...), each with its parameters and evidence,
 * for the analysis engine to map onto findings.
 */
@NullMarked
package ai.kaizen.data.signals;

import org.jspecify.annotations.NullMarked;
