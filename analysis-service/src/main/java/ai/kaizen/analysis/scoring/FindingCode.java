package ai.kaizen.analysis.scoring;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static ai.kaizen.analysis.scoring.FindingKind.CAPABILITY;
import static ai.kaizen.analysis.scoring.FindingKind.EVIDENCE;
import static ai.kaizen.analysis.scoring.Pillar.ECONOMIC;
import static ai.kaizen.analysis.scoring.Pillar.GOVERNANCE;
import static ai.kaizen.analysis.scoring.Pillar.SOCIAL;
import static ai.kaizen.analysis.scoring.Pillar.TECHNICAL;
import static ai.kaizen.analysis.scoring.Severity.CRITICAL;
import static ai.kaizen.analysis.scoring.Severity.HIGH;
import static ai.kaizen.analysis.scoring.Severity.INFO;
import static ai.kaizen.analysis.scoring.Severity.LOW;
import static ai.kaizen.analysis.scoring.Severity.MEDIUM;

/**
 * The catalogue of finding codes. Codes are stable: they are stored with every analysis, so a code is never
 * renamed or reused; new signals get new codes. What each code costs lives in {@link ScoringRules}.
 */
public enum FindingCode {

    // EVM: trading behaviour (simulation)
    EVM_HONEYPOT("KZ-EVM-HONEYPOT", "Cannot sell (honeypot)", TECHNICAL, EVIDENCE, CRITICAL,
            "A simulated buy then sell through the deepest pool failed, so holders could not get out."),
    EVM_CANNOT_BUY("KZ-EVM-CANNOT-BUY", "Cannot buy", TECHNICAL, EVIDENCE, HIGH,
            "A simulated buy failed for a reason other than a trading switch, so nobody can enter at a fair price."),
    EVM_TRADING_NOT_ENABLED("KZ-EVM-TRADING-NOT-ENABLED", "Trading not enabled yet", TECHNICAL, EVIDENCE, MEDIUM,
            "Buys fail because trading is switched off; whoever switches it on decides who buys first."),
    EVM_TRADING_SWITCH("KZ-EVM-TRADING-SWITCH", "Owner can switch trading on and off", TECHNICAL, CAPABILITY, MEDIUM,
            "A privileged caller can stop all trading at any moment, trapping holders."),
    EVM_CANNOT_SELL_ALL("KZ-EVM-CANNOT-SELL-ALL", "Cannot sell the whole balance", TECHNICAL, EVIDENCE, MEDIUM,
            "Selling 100 % of a balance failed while a partial sell worked, so part of every position is stuck."),
    EVM_COOLDOWN("KZ-EVM-COOLDOWN", "Trading cooldown", TECHNICAL, EVIDENCE, MEDIUM,
            "A second sell right after the first failed but worked later, so holders cannot exit quickly in a crash."),
    EVM_GAS_ABUSE("KZ-EVM-GAS-ABUSE", "Sell costs abnormal gas", TECHNICAL, EVIDENCE, MEDIUM,
            "A simulated sell burned far more gas than a plain transfer, a known way to make selling expensive."),

    // EVM: taxes and limits
    EVM_BUY_TAX("KZ-EVM-BUY-TAX", "Buy tax", ECONOMIC, EVIDENCE, LOW,
            "The share of a simulated buy that did not arrive; the cost grows with the tax."),
    EVM_SELL_TAX("KZ-EVM-SELL-TAX", "Sell tax", ECONOMIC, EVIDENCE, LOW,
            "The share of a simulated sell that did not arrive; at 50 % or more selling is confiscation."),
    EVM_TRANSFER_TAX("KZ-EVM-TRANSFER-TAX", "Wallet-to-wallet transfer tax", ECONOMIC, EVIDENCE, LOW,
            "The share of a simulated wallet-to-wallet transfer that did not arrive."),
    EVM_TAX_MODIFIABLE("KZ-EVM-TAX-MODIFIABLE", "Tax can be changed", ECONOMIC, CAPABILITY, HIGH,
            "A privileged caller can raise the tax after you buy, up to turning the token into a honeypot."),
    EVM_PER_ADDRESS_TAX("KZ-EVM-PER-ADDRESS-TAX", "Per-address tax", ECONOMIC, CAPABILITY, HIGH,
            "A privileged caller can set a separate tax for chosen addresses, so your tax can differ from the one measured."),
    EVM_MAX_TX("KZ-EVM-MAX-TX", "Maximum transaction size", TECHNICAL, EVIDENCE, LOW,
            "Transfers above a size limit fail, which can stop a large holder from selling at once."),
    EVM_MAX_WALLET("KZ-EVM-MAX-WALLET", "Maximum wallet size", TECHNICAL, EVIDENCE, LOW,
            "Wallets cannot hold more than a limit, which caps buyers and can block transfers."),
    EVM_LIMITS_MODIFIABLE("KZ-EVM-LIMITS-MODIFIABLE", "Transaction and wallet limits can be changed", TECHNICAL,
            CAPABILITY, MEDIUM,
            "A privileged caller can lower the limits to a level where nobody can sell."),

    // EVM: privileged capabilities
    EVM_PAUSABLE("KZ-EVM-PAUSABLE", "Transfers can be paused", TECHNICAL, CAPABILITY, MEDIUM,
            "A privileged caller can freeze every transfer, including sells."),
    EVM_PAUSED("KZ-EVM-PAUSED", "Transfers are paused", TECHNICAL, EVIDENCE, HIGH,
            "Transfers are paused right now, so nobody can sell until the owner allows it."),
    EVM_BLACKLIST("KZ-EVM-BLACKLIST", "Blacklist", TECHNICAL, CAPABILITY, HIGH,
            "A privileged caller can block chosen addresses from transferring or selling."),
    EVM_WHITELIST("KZ-EVM-WHITELIST", "Whitelist", TECHNICAL, CAPABILITY, MEDIUM,
            "Only addresses a privileged caller approves can trade, so everyone else may be locked out."),
    EVM_MINT("KZ-EVM-MINT", "Owner can mint", TECHNICAL, CAPABILITY, HIGH,
            "A privileged caller can create new tokens and dilute or dump on holders."),
    EVM_HIDDEN_MINT("KZ-EVM-HIDDEN-MINT", "Hidden mint", TECHNICAL, CAPABILITY, CRITICAL,
            "Probing a function that is not called mint grew the supply: the mint is disguised, which only a scam needs."),
    EVM_POST_LAUNCH_MINT("KZ-EVM-POST-LAUNCH-MINT", "Tokens minted after launch", TECHNICAL, EVIDENCE, HIGH,
            "Transfer events from the zero address after launch show that new supply was actually created."),
    EVM_BALANCE_CONTROL("KZ-EVM-BALANCE-CONTROL", "Owner can change others' balances", TECHNICAL, CAPABILITY,
            CRITICAL,
            "A privileged caller can lower or move a holder's balance without the holder's signature."),
    EVM_SIPHONED_HOLDER("KZ-EVM-SIPHONED-HOLDER", "Holder balance siphoned", TECHNICAL, EVIDENCE, CRITICAL,
            "A holder's balance fell without a transfer signed by that holder: tokens are being taken."),
    EVM_MINIMAL_PROXY("KZ-EVM-MINIMAL-PROXY", "Minimal proxy (EIP-1167 clone)", TECHNICAL, CAPABILITY, LOW,
            "The token is a clone whose behaviour lives in another contract; the implementation is what was analysed."),
    EVM_DELEGATECALL("KZ-EVM-DELEGATECALL", "Delegatecall to changeable code", TECHNICAL, CAPABILITY, HIGH,
            "The contract runs code from an address that can change, so its behaviour can change after you buy."),
    EVM_SELFDESTRUCT("KZ-EVM-SELFDESTRUCT", "Self-destruct reachable", TECHNICAL, CAPABILITY, HIGH,
            "A privileged caller can reach SELFDESTRUCT, which can wipe the contract or its funds."),
    EVM_EXTERNAL_CALL_IN_TRANSFER("KZ-EVM-EXTERNAL-CALL-IN-TRANSFER", "External call during transfer", TECHNICAL,
            CAPABILITY, MEDIUM,
            "Every transfer calls an unknown contract that can make transfers fail or behave differently."),
    EVM_SCAM_CLONE("KZ-EVM-SCAM-CLONE", "Clone of a known scam", TECHNICAL, EVIDENCE, HIGH,
            "The normalised bytecode is nearly identical to a contract known to have scammed its holders."),

    // EVM: ownership and upgradeability
    EVM_OWNER_NOT_RENOUNCED("KZ-EVM-OWNER-NOT-RENOUNCED", "Owned by a single address", GOVERNANCE, CAPABILITY, LOW,
            "An externally owned address holds the owner role, so every owner-only capability is one key away."),
    EVM_OWNER_RENOUNCED("KZ-EVM-OWNER-RENOUNCED", "Ownership renounced", GOVERNANCE, EVIDENCE, INFO,
            "The owner role points at the zero or burn address; costs nothing, but hidden owners are checked separately."),
    EVM_OWNER_MULTISIG("KZ-EVM-OWNER-MULTISIG", "Owner is a multisig or timelock", GOVERNANCE, EVIDENCE, INFO,
            "Privileged actions need several signers or a delay; costs nothing and is shown for context."),
    EVM_HIDDEN_OWNER("KZ-EVM-HIDDEN-OWNER", "Hidden owner", GOVERNANCE, CAPABILITY, HIGH,
            "An address other than owner() (a role holder, a storage slot or a hard-coded address) keeps privileges."),
    EVM_OWNERSHIP_RECLAIMABLE("KZ-EVM-OWNERSHIP-RECLAIMABLE", "Ownership can be taken back", GOVERNANCE, CAPABILITY,
            HIGH,
            "After renouncing, ownership can be restored, so the renouncement protects nobody."),
    EVM_UPGRADEABLE_PROXY("KZ-EVM-UPGRADEABLE-PROXY", "Upgradeable proxy", GOVERNANCE, CAPABILITY, HIGH,
            "An admin can replace the code (EIP-1967, EIP-1822 or beacon proxy), so every other check can change tomorrow."),

    // Liquidity and holders (any chain)
    LIQ_LOW("KZ-LIQ-LOW", "Low liquidity", ECONOMIC, EVIDENCE, LOW,
            "Little value in the pools means large price impact, easy manipulation and hard exits."),
    LIQ_LP_UNLOCKED("KZ-LIQ-LP-UNLOCKED", "Liquidity not locked", ECONOMIC, EVIDENCE, LOW,
            "The share of the pool's LP tokens a single wallet (deployer, owner) can withdraw at any time: a rug pull."),
    LIQ_LP_LOCKED("KZ-LIQ-LP-LOCKED", "Liquidity locked", ECONOMIC, EVIDENCE, INFO,
            "LP tokens sit in a known locker until the unlock time; costs nothing and is shown with the unlock date."),
    LIQ_LP_BURNED("KZ-LIQ-LP-BURNED", "Liquidity burned", ECONOMIC, EVIDENCE, INFO,
            "LP tokens were sent to a burn address and can never be withdrawn; costs nothing."),
    HOLDERS_CONCENTRATED("KZ-HOLDERS-CONCENTRATED", "Holder concentration", ECONOMIC, EVIDENCE, LOW,
            "The top ten holders (excluding pools, burn addresses and lockers) own this share of the supply and can crash the price."),
    HOLDERS_OWNER_SHARE("KZ-HOLDERS-OWNER-SHARE", "Owner or creator holds a large share", ECONOMIC, EVIDENCE, LOW,
            "The owner or creator holds this share of the supply and can dump it on buyers."),

    // Deployer (intel)
    DEPLOYER_PREVIOUS_RUGS("KZ-DEPLOYER-PREVIOUS-RUGS", "Deployer launched failed tokens before", GOVERNANCE,
            EVIDENCE, HIGH,
            "The deployer's earlier tokens ended as rugs or honeypots; the count is the measure."),
    DEPLOYER_MIXER_FUNDED("KZ-DEPLOYER-MIXER-FUNDED", "Deployer funded through a mixer", GOVERNANCE, EVIDENCE, HIGH,
            "The deployer's funds trace back to a mixer, a common way to hide who launched a scam."),
    DEPLOYER_SANCTIONED("KZ-DEPLOYER-SANCTIONED", "Sanctioned deployer", GOVERNANCE, EVIDENCE, CRITICAL,
            "The deployer is on a sanctions list; dealing with the token may be illegal and the funds may be frozen."),

    // Social
    SOCIAL_MANIPULATION("KZ-SOCIAL-MANIPULATION", "Social manipulation", SOCIAL, EVIDENCE, MEDIUM,
            "Mentions show bursts, duplicate texts, new or bot-like accounts or coordinated shilling (risk 0–1)."),
    SOCIAL_NEGATIVE_SENTIMENT("KZ-SOCIAL-NEGATIVE-SENTIMENT", "Negative sentiment", SOCIAL, EVIDENCE, MEDIUM,
            "People talking about the token are mostly negative (sentiment on the 0–1 display scale)."),

    // Solana (SPL Token and Token-2022)
    SOL_MINT_AUTHORITY("KZ-SOL-MINT-AUTHORITY", "Mint authority present", TECHNICAL, CAPABILITY, HIGH,
            "The mint authority is not revoked, so its holder can create new tokens."),
    SOL_FREEZE_AUTHORITY("KZ-SOL-FREEZE-AUTHORITY", "Freeze authority present", TECHNICAL, CAPABILITY, HIGH,
            "The freeze authority can freeze any holder's token account, which stops it from selling."),
    SOL_TRANSFER_FEE("KZ-SOL-TRANSFER-FEE", "Token-2022 transfer fee", ECONOMIC, EVIDENCE, LOW,
            "Every transfer, including sells, pays this fee; at 50 % or more selling is confiscation."),
    SOL_TRANSFER_FEE_AUTHORITY("KZ-SOL-TRANSFER-FEE-AUTHORITY", "Transfer fee can be changed", ECONOMIC, CAPABILITY,
            MEDIUM,
            "The transfer-fee authority can raise the fee up to its configured maximum."),
    SOL_TRANSFER_HOOK("KZ-SOL-TRANSFER-HOOK", "Token-2022 transfer hook", TECHNICAL, CAPABILITY, HIGH,
            "Every transfer runs a program chosen by the token's authority, which can make sells fail."),
    SOL_PERMANENT_DELEGATE("KZ-SOL-PERMANENT-DELEGATE", "Permanent delegate", TECHNICAL, CAPABILITY, CRITICAL,
            "The permanent delegate can transfer or burn tokens from any holder's account."),
    SOL_NON_TRANSFERABLE("KZ-SOL-NON-TRANSFERABLE", "Non-transferable token", TECHNICAL, EVIDENCE, CRITICAL,
            "The mint forbids transfers, so a bought token can never be sold."),
    SOL_DEFAULT_FROZEN("KZ-SOL-DEFAULT-FROZEN", "New accounts start frozen", TECHNICAL, CAPABILITY, HIGH,
            "Token accounts are frozen by default, so the freeze authority decides who may trade."),
    SOL_CLOSE_AUTHORITY("KZ-SOL-CLOSE-AUTHORITY", "Mint close authority", TECHNICAL, CAPABILITY, MEDIUM,
            "The mint can be closed and re-created at the same address with different rules."),
    SOL_MUTABLE_METADATA("KZ-SOL-MUTABLE-METADATA", "Metadata can be changed", GOVERNANCE, CAPABILITY, LOW,
            "The Metaplex update authority can change the name, symbol and image, e.g. to impersonate another token."),

    // Any chain
    NOT_A_TOKEN("KZ-NOT-A-TOKEN", "Not a token", TECHNICAL, EVIDENCE, CRITICAL,
            "The address holds a contract or account that does not behave as a fungible token, so nothing else applies.");

    private static final Map<String, FindingCode> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(FindingCode::code, Function.identity()));

    private final String code;
    private final String title;
    private final Pillar pillar;
    private final FindingKind kind;
    private final Severity defaultSeverity;
    private final String why;

    FindingCode(String code, String title, Pillar pillar, FindingKind kind, Severity defaultSeverity, String why) {
        this.code = code;
        this.title = title;
        this.pillar = pillar;
        this.kind = kind;
        this.defaultSeverity = defaultSeverity;
        this.why = why;
    }

    /** The stable code, e.g. {@code KZ-EVM-HONEYPOT}. */
    public String code() {
        return code;
    }

    /** A short title for tables and cards. */
    public String title() {
        return title;
    }

    public Pillar pillar() {
        return pillar;
    }

    public FindingKind kind() {
        return kind;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    /** One sentence a user can read: why this costs points. */
    public String why() {
        return why;
    }

    public static Optional<FindingCode> byCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
