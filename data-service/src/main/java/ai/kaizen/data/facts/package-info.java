/** Token facts: what the chain says about a token, each fact with its evidence, each check with its coverage. */
@NullMarked
package ai.kaizen.data.facts;

import org.jspecify.annotations.NullMarked;
