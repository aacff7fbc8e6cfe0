/** Address value types shared by every service: EVM addresses with EIP-55 checksums and Solana base58 keys. */
@NullMarked
package ai.kaizen.common.address;

import org.jspecify.annotations.NullMarked;
