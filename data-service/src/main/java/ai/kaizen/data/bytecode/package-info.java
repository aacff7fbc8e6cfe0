/** EVM bytecode analysis: disassembly, dispatcher selectors, opcodes of interest, minimal proxies, metadata tails. */
@NullMarked
package ai.kaizen.data.bytecode;

import org.jspecify.annotations.NullMarked;
