package ai.kaizen.data.liquidity;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import ai.kaizen.common.address.EvmAddress;
import org.jspecify.annotations.Nullable;

/**
 * The view functions of LP lockers, tried on every configured locker: whichever answers tells how the locker lists
 * its locks. The lockers are configured by address only; the interface is discovered, never assumed from a name.
 * <ul>
 * <li><b>LiquidityLocker</b> (the devnet timelock, devnet/contracts/v0.8/LiquidityLocker.sol):
 * {@code locksForToken(address) → uint256[]} then {@code getLock(uint256) → (token, owner, amount, lockedAt,
 * unlockTime, withdrawn)};</li>
 * <li><b>UNCX</b> (Unicrypt UniswapV2Locker): {@code getNumLocksForToken(address) → uint256} then
 * {@code tokenLocks(address, uint256 index) → (lockDate, amount, initialAmount, unlockDate, lockID, owner)};</li>
 * <li><b>Team Finance</b> (LockToken): {@code getDepositsByTokenAddress(address) → uint256[]} then
 * {@code lockedToken(uint256) → (tokenAddress, withdrawalAddress, tokenAmount, unlockTime, withdrawn)}.</li>
 * </ul>
 * Other lockers (PinkLock and the like) are still counted as locked by their LP balance, with an unknown unlock time.
 */
public final class LockerInterfaces {

    /** Upper bound on the ids decoded from one index answer (the first MAX_LOCK_REFS are read). */
    private static final int MAX_DECODED = 1000;

    private LockerInterfaces() {
    }

    /** How a locker lists its locks for one LP token: the call, and how its answer becomes lock references. */
    record Index(String name, String signature, Function<byte[], @Nullable List<BigInteger>> decoder) {

        @Nullable List<BigInteger> refs(byte[] data) {
            return decoder.apply(data);
        }
    }

    /** One lock as the locker reports it. {@code unlockTime} in seconds since the epoch. */
    public record Lock(@Nullable BigInteger lockId, @Nullable EvmAddress owner, BigInteger amount, long unlockTime,
                boolean withdrawn) {
    }

    static final List<Index> INDEXES = List.of(
            new Index("LiquidityLocker", "locksForToken(address)", data -> AbiWords.uintArray(data, MAX_DECODED)),
            new Index("UNCX", "getNumLocksForToken(address)", LockerInterfaces::indexes),
            new Index("Team Finance", "getDepositsByTokenAddress(address)",
                    data -> AbiWords.uintArray(data, MAX_DECODED)));

    /** UNCX answers a count: its locks are the indexes 0..count-1. */
    private static @Nullable List<BigInteger> indexes(byte[] data) {
        BigInteger count = data.length == 32 ? AbiWords.word(data, 0) : null;
        if (count == null || count.compareTo(BigInteger.valueOf(MAX_DECODED)) > 0) {
            return null;
        }
        List<BigInteger> out = new ArrayList<>();
        for (int i = 0; i < count.intValue(); i++) {
            out.add(BigInteger.valueOf(i));
        }
        return out;
    }

    /** Calldata reading one lock of {@code lpToken} for the interface called {@code name}. */
    static byte[] detailCall(String name, EvmAddress lpToken, BigInteger ref) {
        return switch (name) {
            case "LiquidityLocker" -> AbiWords.call("getLock(uint256)", ref);
            case "UNCX" -> AbiWords.call("tokenLocks(address,uint256)", lpToken, ref);
            case "Team Finance" -> AbiWords.call("lockedToken(uint256)", ref);
            default -> throw new IllegalArgumentException("unknown locker interface " + name);
        };
    }

    static String detailLabel(String name, BigInteger ref) {
        return switch (name) {
            case "LiquidityLocker" -> "getLock(" + ref + ")";
            case "UNCX" -> "tokenLocks(pair, " + ref + ")";
            default -> "lockedToken(" + ref + ")";
        };
    }

    /** Decodes one lock; null when the answer is out of shape or belongs to another token. */
    static @Nullable Lock decode(String name, EvmAddress lpToken, BigInteger ref, byte[] data) {
        return switch (name) {
            case "LiquidityLocker" -> {
                EvmAddress token = AbiWords.address(data, 0);
                EvmAddress owner = AbiWords.address(data, 1);
                BigInteger amount = AbiWords.uint(data, 2, 256);
                BigInteger unlock = AbiWords.uint(data, 4, 64);
                Boolean withdrawn = AbiWords.bool(data, 5);
                yield token == null || !token.equals(lpToken) || amount == null || unlock == null || withdrawn == null
                        ? null : new Lock(ref, owner, amount, unlock.longValue(), withdrawn);
            }
            case "UNCX" -> {
                BigInteger amount = AbiWords.uint(data, 1, 256);
                BigInteger unlock = AbiWords.uint(data, 3, 63);
                BigInteger lockId = AbiWords.uint(data, 4, 256);
                EvmAddress owner = AbiWords.address(data, 5);
                yield amount == null || unlock == null ? null
                        : new Lock(lockId, owner, amount, unlock.longValue(), amount.signum() == 0);
            }
            case "Team Finance" -> {
                EvmAddress token = AbiWords.address(data, 0);
                EvmAddress owner = AbiWords.address(data, 1);
                BigInteger amount = AbiWords.uint(data, 2, 256);
                BigInteger unlock = AbiWords.uint(data, 3, 63);
                Boolean withdrawn = AbiWords.bool(data, 4);
                yield token == null || !token.equals(lpToken) || amount == null || unlock == null || withdrawn == null
                        ? null : new Lock(ref, owner, amount, unlock.longValue(), withdrawn);
            }
            default -> null;
        };
    }
}
