package ai.kaizen.data.bytecode;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.kaizen.common.address.EvmAddress;
import org.jspecify.annotations.Nullable;

/**
 * Well-known function signatures by selector. Only a label of last resort: a name says what a function is called,
 * never what it does, so analysis never trusts it over behaviour. Selectors are computed, not copied.
 */
public final class SelectorLabels {

    private static final List<String> SIGNATURES = List.of(
            // ERC-20 and extensions
            "name()", "symbol()", "decimals()", "totalSupply()", "balanceOf(address)", "transfer(address,uint256)",
            "transferFrom(address,address,uint256)", "approve(address,uint256)", "allowance(address,address)",
            "increaseAllowance(address,uint256)", "decreaseAllowance(address,uint256)",
            "permit(address,address,uint256,uint256,uint8,bytes32,bytes32)", "nonces(address)", "DOMAIN_SEPARATOR()",
            "eip712Domain()",
            // supply
            "mint(address,uint256)", "mint(uint256)", "burn(uint256)", "burn(address,uint256)",
            "burnFrom(address,uint256)", "issue(uint256)", "redeem(uint256)",
            // ownership
            "owner()", "getOwner()", "renounceOwnership()", "transferOwnership(address)", "acceptOwnership()",
            "pendingOwner()", "admin()", "changeAdmin(address)",
            // roles
            "hasRole(bytes32,address)", "getRoleAdmin(bytes32)", "grantRole(bytes32,address)",
            "revokeRole(bytes32,address)", "renounceRole(bytes32,address)", "DEFAULT_ADMIN_ROLE()",
            "getRoleMember(bytes32,uint256)", "getRoleMemberCount(bytes32)", "MINTER_ROLE()", "PAUSER_ROLE()",
            // pausing and trading switches
            "pause()", "unpause()", "paused()", "enableTrading()", "openTrading()", "setTradingEnabled(bool)",
            "tradingEnabled()", "tradingOpen()",
            // blacklists
            "blacklist(address)", "unBlacklist(address)", "isBlacklisted(address)", "addBlackList(address)",
            "removeBlackList(address)", "destroyBlackFunds(address)", "getBlackListStatus(address)",
            "setBlacklist(address,bool)", "addToBlacklist(address)", "removeFromBlacklist(address)",
            "isBlackListed(address)", "setBots(address[])", "addBots(address[])", "delBot(address)",
            // fees and limits
            "setFee(uint256)", "setFees(uint256,uint256)", "setTaxFee(uint256)", "setBuyFee(uint256)",
            "setSellFee(uint256)", "setTaxFeePercent(uint256)", "setLiquidityFeePercent(uint256)",
            "setMaxTxAmount(uint256)", "setMaxTxPercent(uint256)", "setMaxWalletSize(uint256)",
            "removeLimits()", "excludeFromFee(address)", "includeInFee(address)", "setParams(uint256,uint256)",
            "setSwapAndLiquifyEnabled(bool)",
            // proxies and upgrades
            "upgradeTo(address)", "upgradeToAndCall(address,bytes)", "implementation()", "proxiableUUID()",
            "getProxyImplementation(address)", "getProxyAdmin(address)", "upgrade(address,address)",
            "UPGRADE_INTERFACE_VERSION()",
            // multisig, timelock, governance
            "getThreshold()", "getOwners()", "isOwner(address)", "nonce()", "VERSION()", "getMinDelay()",
            "delay()", "schedule(address,uint256,bytes,bytes32,bytes32,uint256)",
            "execute(address,uint256,bytes,bytes32,bytes32)",
            // misc
            "supportsInterface(bytes4)", "multicall(bytes[])", "withdraw()", "rescueTokens(address,uint256)",
            "aggregate3((address,bool,bytes)[])", "getReserves()", "token0()", "token1()", "factory()",
            "WETH()", "uniswapV2Pair()", "uniswapV2Router()");

    private static final Map<String, String> BY_SELECTOR = new HashMap<>();

    static {
        for (String signature : SIGNATURES) {
            BY_SELECTOR.putIfAbsent(selector(signature), signature);
        }
    }

    private SelectorLabels() {
    }

    /** The label for a {@code 0x}-prefixed lowercase selector, or null when it is not in the table. */
    public static @Nullable String label(String selector) {
        return BY_SELECTOR.get(selector);
    }

    /** {@code 0x} + the first four bytes of keccak256(signature), lowercase. */
    public static String selector(String signature) {
        byte[] hash = EvmAddress.keccak256(signature.getBytes(StandardCharsets.US_ASCII));
        return "0x" + java.util.HexFormat.of().formatHex(hash, 0, 4);
    }
}
