package ai.kaizen.analysis.scoring;

import java.util.ArrayList;
import java.util.List;

/** Tokens, coverage and findings the scoring tests share. */
final class Fixtures {

    static final TokenRef UNKNOWN_TOKEN = new TokenRef("ethereum", "0x1111111111111111111111111111111111111111");
    static final TokenRef USDT = new TokenRef("ethereum", "0xdAC17F958D2ee523a2206206994597C13D831ec7");

    private Fixtures() {
    }

    /** Every check of a standard EVM analysis, all ran: technical 7, economic 3, governance 3, social 1. */
    static List<CoverageCheck> fullCoverage() {
        return List.of(
                CoverageCheck.ran("evm.bytecode", Pillar.TECHNICAL, 2),
                CoverageCheck.ran("evm.sell-simulation", Pillar.TECHNICAL, 3),
                CoverageCheck.ran("evm.privilege-probe", Pillar.TECHNICAL, 2),
                CoverageCheck.ran("evm.liquidity", Pillar.ECONOMIC, 2),
                CoverageCheck.ran("evm.holders", Pillar.ECONOMIC, 1),
                CoverageCheck.ran("evm.ownership", Pillar.GOVERNANCE, 2),
                CoverageCheck.ran("intel.deployer", Pillar.GOVERNANCE, 1),
                CoverageCheck.ran("social.mentions", Pillar.SOCIAL, 1),
                CoverageCheck.notApplicable("solana.mint", Pillar.TECHNICAL, "not a Solana token", 2));
    }

    /** Full coverage with one check's status changed. */
    static List<CoverageCheck> fullCoverageExcept(String id, CheckStatus status, String reason) {
        List<CoverageCheck> checks = new ArrayList<>();
        for (CoverageCheck check : fullCoverage()) {
            checks.add(check.id().equals(id) ? check.withStatus(status, reason) : check);
        }
        return checks;
    }

    static ScoringInput input(TokenRef token, Finding... findings) {
        return new ScoringInput(token, List.of(findings), fullCoverage());
    }

    static ScoreResult score(TokenRef token, Finding... findings) {
        return ScoringEngine.score(input(token, findings), ScoringRules.defaults());
    }

    static Finding mint() {
        return Finding.of(FindingCode.EVM_MINT, "The owner can mint new tokens",
                Evidence.selector("0x40c10f19", "mint(address,uint256) as owner grew totalSupply by 1e24"));
    }

    static Finding blacklist() {
        return Finding.of(FindingCode.EVM_BLACKLIST, "The owner can block addresses from transferring",
                Evidence.selector("0x0ecb93c0", "addBlackList(address) as owner made the victim's transfer revert"));
    }

    static Finding honeypot() {
        return Finding.of(FindingCode.EVM_HONEYPOT, "Selling fails: a simulated sell reverted",
                Evidence.simulatedCall("swapExactTokensForETHSupportingFeeOnTransferTokens(1e18, 0, [token, WETH])",
                        "reverted: TransferHelper: TRANSFER_FROM_FAILED"));
    }

    static Finding sellTax(double percent) {
        return Finding.measured(FindingCode.EVM_SELL_TAX, percent, "Selling costs " + percent + " % in tax",
                Evidence.value(Double.toString(percent), "sell tax %"));
    }
}
