package ai.kaizen.data.simulation;

/**
 * Indexes of the probe's result words and revert data, mirrored from the constants of KaizenProbe.sol
 * ({@code ProbeLayoutTests} keeps the two in step). S: start(), SR: its revert data; P: sell(); L: limits();
 * C: check(), CR: its revert data (a start() result of the fresh buyer is embedded at C_TRADE / CR_TRADE).
 */
public final class ProbeLayout {

    /** 0 traded, 1 no usable pool */
    public static final int S_STATUS = 0;
    /** index of the router used */
    public static final int S_ROUTE = 1;
    public static final int S_PAIR = 2;
    public static final int S_QUOTE = 3;
    public static final int S_TOKEN_RESERVE = 4;
    public static final int S_QUOTE_RESERVE = 5;
    /** 1: token/WETH, 2: token/quote/WETH */
    public static final int S_HOPS = 6;
    public static final int S_BUY_OK = 7;
    public static final int S_BUY_ETH = 8;
    public static final int S_BUY_EXPECTED = 9;
    public static final int S_BUY_RECEIVED = 10;
    public static final int S_BUY_GAS = 11;
    public static final int S_BUY_ATTEMPTS = 12;
    public static final int S_TRANSFER_OK = 13;
    public static final int S_TRANSFER_AMOUNT = 14;
    public static final int S_TRANSFER_RECEIVED = 15;
    public static final int S_TRANSFER_GAS = 16;
    public static final int S_SELL_OK = 17;
    public static final int S_SELL_AMOUNT = 18;
    public static final int S_SELL_POOL_RECEIVED = 19;
    public static final int S_SELL_ETH = 20;
    public static final int S_SELL_EXPECTED_ETH = 21;
    public static final int S_SELL_GAS = 22;
    public static final int S_SELL2_OK = 23;
    public static final int S_SELL2_AMOUNT = 24;
    public static final int S_SELL2_POOL_RECEIVED = 25;
    public static final int S_SELL2_ETH = 26;
    public static final int S_BALANCE_LEFT = 27;
    public static final int S_APPROVE_OK = 28;
    public static final int S_TIMESTAMP = 29;
    /** start(): reasons */
    public static final int S_LENGTH = 30;
    public static final int SR_BUY = 0;
    public static final int SR_TRANSFER = 1;
    public static final int SR_SELL = 2;
    /** the token's own revert when moving the sold amount to the pool */
    public static final int SR_SELL_TOKEN = 3;
    public static final int SR_SELL2 = 4;
    /** ---- sell(): out ---- */
    public static final int SR_LENGTH = 5;
    public static final int P_OK = 0;
    public static final int P_AMOUNT = 1;
    public static final int P_POOL_RECEIVED = 2;
    public static final int P_ETH = 3;
    public static final int P_EXPECTED_ETH = 4;
    public static final int P_GAS = 5;
    public static final int P_BALANCE_LEFT = 6;
    public static final int P_TIMESTAMP = 7;
    /** ---- limits(): out ---- */
    public static final int P_LENGTH = 8;
    /** 0 searched, 1 no pool, 2 no limit up to L_UPPER, 3 even tiny buys fail, 4 out of gas */
    public static final int L_STATUS = 0;
    public static final int L_UPPER = 1;
    /** largest single buy (tokens out of the pool) that succeeded */
    public static final int L_SINGLE_OK = 2;
    /** smallest single buy that failed */
    public static final int L_SINGLE_FAIL = 3;
    /** 0 limit found, 1 none up to L_WALLET_OK, 2 not searched */
    public static final int L_WALLET_STATUS = 4;
    /** balance when the next buy failed */
    public static final int L_WALLET_HELD = 5;
    /** largest extra buy that still succeeded */
    public static final int L_WALLET_EXTRA_OK = 6;
    public static final int L_WALLET_EXTRA_FAIL = 7;
    /** real buys of L_SINGLE_OK made before the wallet refused */
    public static final int L_BUYS = 8;
    public static final int L_PROBES = 9;
    /** ---- check(): out ---- */
    public static final int L_LENGTH = 10;
    public static final int C_SUPPLY_OK = 0;
    public static final int C_SUPPLY = 1;
    public static final int C_BAL_V = 2;
    public static final int C_BAL_O = 3;
    public static final int C_BAL_CALLER = 4;
    public static final int C_OWNER_OK = 5;
    public static final int C_OWNER = 6;
    /** balanceOf(other) answered with this code's MAGIC */
    public static final int C_FORWARDED = 7;
    public static final int C_FUNDED_BY_BUY = 8;
    public static final int C_V_TRANSFER_OK = 9;
    public static final int C_V_TRANSFER_AMOUNT = 10;
    public static final int C_V_TRANSFER_RECEIVED = 11;
    /** 2: no pool to sell into */
    public static final int C_V_SELL_OK = 12;
    public static final int C_V_SELL_AMOUNT = 13;
    public static final int C_V_SELL_POOL_RECEIVED = 14;
    public static final int C_O_TRANSFER_OK = 15;
    /** a start() result of the fresh buyer follows, S_LENGTH words */
    public static final int C_TRADE = 16;
    /** check(): reasons */
    public static final int C_LENGTH = 46;
    public static final int CR_V_TRANSFER = 0;
    public static final int CR_V_SELL = 1;
    public static final int CR_O_TRANSFER = 2;
    /** the fresh buyer's SR_* reasons follow */
    public static final int CR_TRADE = 3;
    public static final int CR_LENGTH = 8;

    private ProbeLayout() {
    }
}
