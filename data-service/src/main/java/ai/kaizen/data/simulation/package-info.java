/** Trade arithmetic for simulations: constant-product quotes and tax measurement. */
@NullMarked
package ai.kaizen.data.simulation;

import org.jspecify.annotations.NullMarked;
