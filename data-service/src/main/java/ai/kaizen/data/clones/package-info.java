/**
 * {@code same_bytecode_as}: every token collected at standard depth or deeper has its executable code (runtime code
 * without the compiler metadata tail) indexed in {@code chain.code_index}, and a later token of the same network with
 * the same code is reported as a clone of the earliest one seen. Proxies are neither looked up nor indexed.
 */
@NullMarked
package ai.kaizen.data.clones;

import org.jspecify.annotations.NullMarked;
