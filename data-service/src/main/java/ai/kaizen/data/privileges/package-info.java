/**
 * Privilege probing: every dispatcher selector is called, as every account that may hold a privilege and as a
 * fresh control address, with arguments aimed at a funded victim; the state diff of each call (debug_traceCall,
 * prestate diff) is applied as state overrides and the victim, another wallet and a fresh buyer are checked again
 * (supply, balances, transfers, sells, taxes, owner) to say what the call can do.
 */
@NullMarked
package ai.kaizen.data.privileges;

import org.jspecify.annotations.NullMarked;
