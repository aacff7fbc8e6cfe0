// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/*
 * Kaizen's trade and privilege probe.
 *
 * Never deployed: data-service injects this runtime code at fresh addresses through state overrides
 * (eth_call, eth_simulateV1, debug_traceCall) and calls it from its own address, so that
 * msg.sender == tx.origin == the probe, like a fresh wallet. It trades through a Uniswap V2 style router
 * with the fee-on-transfer variants and measures what actually arrives.
 *
 * Results are a flat uint256[] plus raw revert data (bytes[]), indexed by the constants below; they are
 * mirrored in ai.kaizen.data.simulation.ProbeLayout. Compile with src/main/solidity/compile.js.
 */

interface IProbeRouter {
    function WETH() external view returns (address);
    function getAmountsOut(uint256 amountIn, address[] calldata path) external view returns (uint256[] memory);
    function getAmountsIn(uint256 amountOut, address[] calldata path) external view returns (uint256[] memory);
    function swapExactETHForTokensSupportingFeeOnTransferTokens(uint256 amountOutMin, address[] calldata path,
        address to, uint256 deadline) external payable;
    function swapExactTokensForETHSupportingFeeOnTransferTokens(uint256 amountIn, uint256 amountOutMin,
        address[] calldata path, address to, uint256 deadline) external;
    function swapETHForExactTokens(uint256 amountOut, address[] calldata path, address to, uint256 deadline)
        external payable returns (uint256[] memory);
}

contract KaizenProbe {
    /// What this code answers to any call it does not know (a token forwarding to it, a hook calling it).
    uint256 internal constant MAGIC = 0x4b61697a656e50726f62654d61676963;
    uint256 internal constant PPM = 1_000_000;
    /// Gas for one setting of a ladder: a fee setter needs a few tens of thousands.
    uint256 internal constant RELAY_GAS = 300_000;
    bytes32 internal constant PROBE_OK = keccak256("kaizen.probe.ok");

    // ---- start(): out ----
    uint256 internal constant S_STATUS = 0;          // 0 traded, 1 no usable pool
    uint256 internal constant S_ROUTE = 1;           // index of the router used
    uint256 internal constant S_PAIR = 2;
    uint256 internal constant S_QUOTE = 3;
    uint256 internal constant S_TOKEN_RESERVE = 4;
    uint256 internal constant S_QUOTE_RESERVE = 5;
    uint256 internal constant S_HOPS = 6;            // 1: token/WETH, 2: token/quote/WETH
    uint256 internal constant S_BUY_OK = 7;
    uint256 internal constant S_BUY_ETH = 8;
    uint256 internal constant S_BUY_EXPECTED = 9;
    uint256 internal constant S_BUY_RECEIVED = 10;
    uint256 internal constant S_BUY_GAS = 11;
    uint256 internal constant S_BUY_ATTEMPTS = 12;
    uint256 internal constant S_TRANSFER_OK = 13;
    uint256 internal constant S_TRANSFER_AMOUNT = 14;
    uint256 internal constant S_TRANSFER_RECEIVED = 15;
    uint256 internal constant S_TRANSFER_GAS = 16;
    uint256 internal constant S_SELL_OK = 17;
    uint256 internal constant S_SELL_AMOUNT = 18;
    uint256 internal constant S_SELL_POOL_RECEIVED = 19;
    uint256 internal constant S_SELL_ETH = 20;
    uint256 internal constant S_SELL_EXPECTED_ETH = 21;
    uint256 internal constant S_SELL_GAS = 22;
    uint256 internal constant S_SELL2_OK = 23;
    uint256 internal constant S_SELL2_AMOUNT = 24;
    uint256 internal constant S_SELL2_POOL_RECEIVED = 25;
    uint256 internal constant S_SELL2_ETH = 26;
    uint256 internal constant S_BALANCE_LEFT = 27;
    uint256 internal constant S_APPROVE_OK = 28;
    uint256 internal constant S_TIMESTAMP = 29;
    uint256 internal constant S_LENGTH = 30;
    // start(): reasons
    uint256 internal constant SR_BUY = 0;
    uint256 internal constant SR_TRANSFER = 1;
    uint256 internal constant SR_SELL = 2;
    uint256 internal constant SR_SELL_TOKEN = 3;     // the token's own revert when moving the sold amount to the pool
    uint256 internal constant SR_SELL2 = 4;
    uint256 internal constant SR_LENGTH = 5;

    // ---- sell(): out ----
    uint256 internal constant P_OK = 0;
    uint256 internal constant P_AMOUNT = 1;
    uint256 internal constant P_POOL_RECEIVED = 2;
    uint256 internal constant P_ETH = 3;
    uint256 internal constant P_EXPECTED_ETH = 4;
    uint256 internal constant P_GAS = 5;
    uint256 internal constant P_BALANCE_LEFT = 6;
    uint256 internal constant P_TIMESTAMP = 7;
    uint256 internal constant P_LENGTH = 8;

    // ---- limits(): out ----
    uint256 internal constant L_STATUS = 0;          // 0 searched, 1 no pool, 2 no limit up to L_UPPER, 3 even tiny buys fail, 4 out of gas
    uint256 internal constant L_UPPER = 1;
    uint256 internal constant L_SINGLE_OK = 2;       // largest single buy (tokens out of the pool) that succeeded
    uint256 internal constant L_SINGLE_FAIL = 3;     // smallest single buy that failed
    uint256 internal constant L_WALLET_STATUS = 4;   // 0 limit found, 1 none up to L_WALLET_OK, 2 not searched
    uint256 internal constant L_WALLET_HELD = 5;     // balance when the next buy failed
    uint256 internal constant L_WALLET_EXTRA_OK = 6; // largest extra buy that still succeeded
    uint256 internal constant L_WALLET_EXTRA_FAIL = 7;
    uint256 internal constant L_BUYS = 8;            // real buys of L_SINGLE_OK made before the wallet refused
    uint256 internal constant L_PROBES = 9;
    uint256 internal constant L_LENGTH = 10;

    // ---- check(): out ----
    uint256 internal constant C_SUPPLY_OK = 0;
    uint256 internal constant C_SUPPLY = 1;
    uint256 internal constant C_BAL_V = 2;
    uint256 internal constant C_BAL_O = 3;
    uint256 internal constant C_BAL_CALLER = 4;
    uint256 internal constant C_OWNER_OK = 5;
    uint256 internal constant C_OWNER = 6;
    uint256 internal constant C_FORWARDED = 7;       // balanceOf(other) answered with this code's MAGIC
    uint256 internal constant C_FUNDED_BY_BUY = 8;
    uint256 internal constant C_V_TRANSFER_OK = 9;
    uint256 internal constant C_V_TRANSFER_AMOUNT = 10;
    uint256 internal constant C_V_TRANSFER_RECEIVED = 11;
    uint256 internal constant C_V_SELL_OK = 12;      // 2: no pool to sell into
    uint256 internal constant C_V_SELL_AMOUNT = 13;
    uint256 internal constant C_V_SELL_POOL_RECEIVED = 14;
    uint256 internal constant C_O_TRANSFER_OK = 15;
    uint256 internal constant C_TRADE = 16;          // a start() result of the fresh buyer follows, S_LENGTH words
    uint256 internal constant C_LENGTH = 16 + 30;
    // check(): reasons
    uint256 internal constant CR_V_TRANSFER = 0;
    uint256 internal constant CR_V_SELL = 1;
    uint256 internal constant CR_O_TRANSFER = 2;
    uint256 internal constant CR_TRADE = 3;          // the fresh buyer's SR_* reasons follow
    uint256 internal constant CR_LENGTH = 3 + 5;

    struct Route {
        address router;
        address pair;
        address quote;
        address weth;
        uint256 tokenReserve;
        uint256 quoteReserve;
        uint256 index;
    }

    // State kept between the blocks of one eth_simulateV1 request (and between steps of one call).
    address internal _token;
    address internal _router;
    address internal _pair;
    address[] internal _buyPath;
    address[] internal _sellPath;
    uint256 internal _stepGas;

    receive() external payable {}

    fallback() external payable {
        assembly {
            mstore(0, MAGIC)
            return(0, 32)
        }
    }

    modifier self() {
        require(msg.sender == address(this), "probe: self only");
        _;
    }

    // =====================================================================================================
    // Entry points
    // =====================================================================================================

    /// Finds the deepest pool, buys a small amount, transfers a tenth to `cfg[2]`, sells half, and sells again
    /// at once. cfg: [buy size in ppm of the pool's quote reserve, gas per step, transfer recipient].
    function start(address token, address[] calldata routers, address[] calldata factories,
                   address[] calldata quotes, uint256[] calldata cfg)
        external returns (uint256[] memory out, bytes[] memory reasons)
    {
        out = new uint256[](S_LENGTH);
        reasons = new bytes[](SR_LENGTH);
        out[S_TIMESTAMP] = block.timestamp;
        Route memory r = _discover(token, routers, factories, quotes);
        if (r.pair == address(0)) {
            out[S_STATUS] = 1;
            return (out, reasons);
        }
        _remember(token, r, cfg[1]);
        out[S_ROUTE] = r.index;
        out[S_PAIR] = uint160(r.pair);
        out[S_QUOTE] = uint160(r.quote);
        out[S_TOKEN_RESERVE] = r.tokenReserve;
        out[S_QUOTE_RESERVE] = r.quoteReserve;
        out[S_HOPS] = _buyPath.length - 1;
        _trade(out, reasons, r.quoteReserve, cfg[0], address(uint160(cfg[2])));
    }

    /// Sells `ppm` of the balance through the route remembered by start(). Used in later blocks (cooldowns).
    function sell(uint256 ppm) external returns (uint256[] memory out, bytes[] memory reasons) {
        out = new uint256[](P_LENGTH);
        reasons = new bytes[](2);
        out[P_TIMESTAMP] = block.timestamp;
        if (_token == address(0)) {
            return (out, reasons);
        }
        uint256 balance = _balanceOf(_token, address(this));
        uint256 amount = ppm >= PPM ? balance : balance * ppm / PPM;
        out[P_AMOUNT] = amount;
        if (amount == 0) {
            out[P_BALANCE_LEFT] = balance;
            return (out, reasons);
        }
        try this.sellStep(amount) returns (uint256 poolReceived, uint256 ethOut, uint256 expected, uint256 gasUsed) {
            out[P_OK] = 1;
            out[P_POOL_RECEIVED] = poolReceived;
            out[P_ETH] = ethOut;
            out[P_EXPECTED_ETH] = expected;
            out[P_GAS] = gasUsed;
        } catch (bytes memory reason) {
            reasons[0] = _clip(reason);
            reasons[1] = _tokenReason(amount);
        }
        out[P_BALANCE_LEFT] = _balanceOf(_token, address(this));
    }

    /// Searches the largest single buy and the largest balance a wallet may reach by buying (anti-whale limits).
    /// cfg: [gas per step, iterations per search]. Every probing buy is undone (it reverts with its outcome).
    function limits(address token, address[] calldata routers, address[] calldata factories,
                    address[] calldata quotes, uint256[] calldata cfg)
        external returns (uint256[] memory out)
    {
        out = new uint256[](L_LENGTH);
        Route memory r = _discover(token, routers, factories, quotes);
        if (r.pair == address(0)) {
            out[L_STATUS] = 1;
            return out;
        }
        _remember(token, r, cfg[0]);
        uint256 upper = r.tokenReserve / 2;
        while (upper > 0 && !_quotable(upper)) {
            upper /= 2;
        }
        out[L_UPPER] = upper;
        out[L_WALLET_STATUS] = 2;
        if (upper == 0) {
            out[L_STATUS] = 3;
            return out;
        }
        out[L_PROBES] = 1;
        if (_probeBuy(upper)) {
            out[L_STATUS] = 2;
            out[L_SINGLE_OK] = upper;
            return out;
        }
        (uint256 ok, uint256 fail, bool finished) = _search(0, upper, cfg[1], out);
        out[L_SINGLE_OK] = ok;
        out[L_SINGLE_FAIL] = fail;
        if (ok == 0) {
            out[L_STATUS] = 3;
            return out;
        }
        if (!finished) {
            out[L_STATUS] = 4;
            return out;
        }
        // The same wallet buys the largest single amount again and again: a wallet cap stops it.
        uint256 buys = 0;
        while (buys < 8 && gasleft() > 3_000_000) {
            try this.buyExact(ok) {
                buys++;
            } catch {
                break;
            }
            out[L_PROBES]++;
            if (!_probeBuy(ok)) {
                break;
            }
        }
        out[L_BUYS] = buys;
        out[L_WALLET_HELD] = _balanceOf(token, address(this));
        if (buys == 0) {
            return out;
        }
        if (buys == 8 || gasleft() <= 3_000_000) {
            out[L_WALLET_STATUS] = 1;
            return out;
        }
        (uint256 extraOk, uint256 extraFail, bool done) = _search(0, ok, cfg[1], out);
        out[L_WALLET_EXTRA_OK] = extraOk;
        out[L_WALLET_EXTRA_FAIL] = extraFail;
        out[L_WALLET_STATUS] = done ? 0 : 2;
    }

    /// One privilege-probe check, run as the victim (this), with `cfg`: [other funded wallet, fresh buyer,
    /// the probe's caller, recipient, second recipient, buy size ppm, gas per step, fund by buying when empty].
    /// The other wallet and the buyer carry this same code.
    function check(address token, address[] calldata routers, address[] calldata factories,
                   address[] calldata quotes, uint256[] calldata cfg)
        external returns (uint256[] memory out, bytes[] memory reasons)
    {
        out = new uint256[](C_LENGTH);
        reasons = new bytes[](CR_LENGTH);
        address other = address(uint160(cfg[0]));
        (bool supplyOk, uint256 supply) = _uintCall(token, abi.encodeWithSelector(0x18160ddd));
        out[C_SUPPLY_OK] = supplyOk ? 1 : 0;
        out[C_SUPPLY] = supply;
        out[C_BAL_V] = _balanceOf(token, address(this));
        out[C_BAL_O] = _balanceOf(token, other);
        out[C_BAL_CALLER] = _balanceOf(token, address(uint160(cfg[2])));
        (bool ownerOk, uint256 owner) = _uintCall(token, abi.encodeWithSelector(0x8da5cb5b));
        out[C_OWNER_OK] = ownerOk ? 1 : 0;
        out[C_OWNER] = owner;
        out[C_FORWARDED] = out[C_BAL_O] == MAGIC ? 1 : 0;

        Route memory r = _discover(token, routers, factories, quotes);
        if (r.pair != address(0)) {
            _remember(token, r, cfg[6]);
        }
        if (out[C_BAL_V] == 0 && cfg[7] == 1 && r.pair != address(0)) {
            // No balance mapping was found to fund the wallets: they buy instead.
            out[C_FUNDED_BY_BUY] = 1;
            try this.buyStep(_ethFor(r, r.quoteReserve * cfg[5] / PPM + 1)) {} catch {}
            try KaizenProbe(payable(other)).fund(token, routers, factories, quotes, cfg[5], cfg[6]) {} catch {}
            out[C_BAL_V] = _balanceOf(token, address(this));
            out[C_BAL_O] = _balanceOf(token, other);
        }

        uint256 amount = out[C_BAL_V] / 100;
        out[C_V_TRANSFER_AMOUNT] = amount;
        try this.transferStep(address(uint160(cfg[3])), amount) returns (uint256 received, uint256) {
            out[C_V_TRANSFER_OK] = 1;
            out[C_V_TRANSFER_RECEIVED] = received;
        } catch (bytes memory reason) {
            reasons[CR_V_TRANSFER] = _clip(reason);
        }
        if (r.pair == address(0)) {
            out[C_V_SELL_OK] = 2;
        } else {
            _approveRouter();
            out[C_V_SELL_AMOUNT] = amount;
            try this.sellStep(amount) returns (uint256 poolReceived, uint256, uint256, uint256) {
                out[C_V_SELL_OK] = 1;
                out[C_V_SELL_POOL_RECEIVED] = poolReceived;
            } catch (bytes memory reason) {
                reasons[CR_V_SELL] = _clip(reason);
            }
        }
        try KaizenProbe(payable(other)).transferOut(token, address(uint160(cfg[4])), out[C_BAL_O] / 100) {
            out[C_O_TRANSFER_OK] = 1;
        } catch (bytes memory reason) {
            reasons[CR_O_TRANSFER] = _clip(reason);
        }
        uint256[] memory tradeCfg = new uint256[](3);
        tradeCfg[0] = cfg[5];
        tradeCfg[1] = cfg[6];
        tradeCfg[2] = cfg[4];
        try KaizenProbe(payable(address(uint160(cfg[1])))).start(token, routers, factories, quotes, tradeCfg)
            returns (uint256[] memory trade, bytes[] memory tradeReasons)
        {
            for (uint256 i = 0; i < S_LENGTH; i++) {
                out[C_TRADE + i] = trade[i];
            }
            for (uint256 i = 0; i < SR_LENGTH; i++) {
                reasons[CR_TRADE + i] = tradeReasons[i];
            }
        } catch (bytes memory reason) {
            out[C_TRADE + S_STATUS] = 2;
            reasons[CR_TRADE + SR_BUY] = _clip(reason);
        }
    }

    /// Which calls run under STATICCALL (they change no state, for this caller and these arguments): views, which
    /// privilege probing need not trace.
    function staticProbe(address target, bytes[] calldata calls) external view returns (uint256[] memory ok) {
        ok = new uint256[](calls.length);
        for (uint256 i = 0; i < calls.length; i++) {
            (bool success,) = target.staticcall{gas: 1_000_000}(calls[i]);
            ok[i] = success ? 1 : 0;
        }
    }

    /// A tax setter's ladder: each of `settings` (calldata for `token`) sent in turn by `caller`, a wallet running
    /// this code, then `checkCall` (an encoded check()) on this wallet in the world the last accepted one left.
    /// `accepted` flags the settings that did not revert; `checked` is check()'s return data.
    function ladder(address caller, address token, bytes[] calldata settings, bytes calldata checkCall)
        external returns (uint256[] memory accepted, bytes memory checked)
    {
        accepted = new uint256[](settings.length);
        for (uint256 i = 0; i < settings.length; i++) {
            try KaizenProbe(payable(caller)).relay{gas: RELAY_GAS}(token, settings[i]) {
                accepted[i] = 1;
            } catch {}
        }
        bool ok;
        (ok, checked) = address(this).call(checkCall);
        if (!ok) {
            _bubble(checked);
        }
    }

    /// Calls `target` with `data` from this wallet; reverts as the call does (used by ladder() for the caller).
    function relay(address target, bytes calldata data) external {
        (bool ok, bytes memory ret) = target.call(data);
        if (!ok) {
            _bubble(ret);
        }
    }

    /// Transfers `amount` of `token` from this wallet (used by check() for the other wallet).
    function transferOut(address token, address to, uint256 amount) external {
        (bool ok, bytes memory ret) = token.call(abi.encodeWithSelector(0xa9059cbb, to, amount));
        if (!ok || (ret.length > 0 && (ret.length < 32 || abi.decode(ret, (uint256)) == 0))) {
            _bubble(ok ? bytes("probe: transfer returned false") : ret);
        }
    }

    /// Buys a small amount for this wallet (used by check() when no balance mapping was found).
    function fund(address token, address[] calldata routers, address[] calldata factories,
                  address[] calldata quotes, uint256 ppm, uint256 stepGas) external {
        Route memory r = _discover(token, routers, factories, quotes);
        require(r.pair != address(0), "probe: no pool");
        _remember(token, r, stepGas);
        this.buyStep(_ethFor(r, r.quoteReserve * ppm / PPM + 1));
    }

    // =====================================================================================================
    // Steps (external so that a failure reverts only the step and hands back its revert data)
    // =====================================================================================================

    function buyStep(uint256 ethIn) external self returns (uint256 expected, uint256 received, uint256 gasUsed) {
        require(ethIn > 0, "probe: nothing to buy with");
        address[] memory path = _buyPath;
        try IProbeRouter(_router).getAmountsOut(ethIn, path) returns (uint256[] memory amounts) {
            expected = amounts[amounts.length - 1];
        } catch {}
        uint256 before = _balanceOf(_token, address(this));
        uint256 start_ = gasleft();
        IProbeRouter(_router).swapExactETHForTokensSupportingFeeOnTransferTokens{value: ethIn, gas: _stepGas}(
            0, path, address(this), block.timestamp + 3600);
        gasUsed = start_ - gasleft();
        uint256 afterwards = _balanceOf(_token, address(this));
        received = afterwards > before ? afterwards - before : 0;
    }

    function transferStep(address to, uint256 amount) external self returns (uint256 received, uint256 gasUsed) {
        uint256 before = _balanceOf(_token, to);
        uint256 start_ = gasleft();
        (bool ok, bytes memory ret) = _token.call{gas: _stepGas}(abi.encodeWithSelector(0xa9059cbb, to, amount));
        gasUsed = start_ - gasleft();
        if (!ok || (ret.length > 0 && (ret.length < 32 || abi.decode(ret, (uint256)) == 0))) {
            _bubble(ok ? bytes("probe: transfer returned false") : ret);
        }
        uint256 afterwards = _balanceOf(_token, to);
        received = afterwards > before ? afterwards - before : 0;
    }

    function sellStep(uint256 amount) external self
        returns (uint256 poolReceived, uint256 ethOut, uint256 expected, uint256 gasUsed)
    {
        address[] memory path = _sellPath;
        try IProbeRouter(_router).getAmountsOut(amount, path) returns (uint256[] memory amounts) {
            expected = amounts[amounts.length - 1];
        } catch {}
        uint256 poolBefore = _balanceOf(_token, _pair);
        uint256 ethBefore = address(this).balance;
        uint256 start_ = gasleft();
        IProbeRouter(_router).swapExactTokensForETHSupportingFeeOnTransferTokens{gas: _stepGas}(
            amount, 0, path, address(this), block.timestamp + 3600);
        gasUsed = start_ - gasleft();
        ethOut = address(this).balance - ethBefore;
        // The pair syncs its reserves on swap, so its balance grew by what it kept of the sold amount.
        (uint256 tokenReserveAfter,) = _reserves(_pair, _token);
        uint256 poolAfter = _balanceOf(_token, _pair);
        uint256 kept = poolAfter > tokenReserveAfter ? tokenReserveAfter : poolAfter;
        poolReceived = kept > poolBefore ? kept - poolBefore : 0;
    }

    /// Moves `amount` straight to the pair and always reverts: with the token's own revert data when the
    /// transfer fails, with PROBE_OK when it would have worked.
    function tokenTransferProbe(uint256 amount) external self {
        (bool ok, bytes memory ret) = _token.call{gas: _stepGas}(abi.encodeWithSelector(0xa9059cbb, _pair, amount));
        if (!ok) {
            _bubble(ret);
        }
        _bubble(abi.encodePacked(PROBE_OK));
    }

    function buyExact(uint256 amountOut) external self {
        address[] memory path = _buyPath;
        uint256[] memory amounts = IProbeRouter(_router).getAmountsIn(amountOut, path);
        IProbeRouter(_router).swapETHForExactTokens{value: amounts[0], gas: _stepGas}(
            amountOut, path, address(this), block.timestamp + 3600);
    }

    /// Buys exactly `amountOut` and always reverts: PROBE_OK when the buy worked.
    function buyExactProbe(uint256 amountOut) external self {
        this.buyExact(amountOut);
        _bubble(abi.encodePacked(PROBE_OK));
    }

    // =====================================================================================================
    // Internals
    // =====================================================================================================

    function _trade(uint256[] memory out, bytes[] memory reasons, uint256 quoteReserve, uint256 ppm, address recipient)
        internal
    {
        Route memory r;
        r.quote = _buyPath[_buyPath.length - 2];
        r.weth = _buyPath[0];
        r.router = _router;
        uint256 quoteIn = quoteReserve * ppm / PPM + 1;
        // A failing buy is retried twice, 20 times smaller each time, to tell "cannot buy" from a small limit.
        for (uint256 attempt = 0; attempt < 3 && out[S_BUY_OK] == 0; attempt++) {
            out[S_BUY_ATTEMPTS] = attempt + 1;
            uint256 ethIn = _ethFor(r, quoteIn);
            out[S_BUY_ETH] = ethIn;
            try this.buyStep(ethIn) returns (uint256 expected, uint256 received, uint256 gasUsed) {
                out[S_BUY_OK] = 1;
                out[S_BUY_EXPECTED] = expected;
                out[S_BUY_RECEIVED] = received;
                out[S_BUY_GAS] = gasUsed;
            } catch (bytes memory reason) {
                if (attempt == 0) {
                    reasons[SR_BUY] = _clip(reason);
                }
                quoteIn = quoteIn / 20 + 1;
            }
        }
        uint256 held = _balanceOf(_token, address(this));
        if (held == 0) {
            return;
        }
        uint256 sent = out[S_BUY_RECEIVED] / 10;
        if (sent == 0) {
            sent = held / 10;
        }
        out[S_TRANSFER_AMOUNT] = sent;
        if (sent > 0) {
            try this.transferStep(recipient, sent) returns (uint256 received, uint256 gasUsed) {
                out[S_TRANSFER_OK] = 1;
                out[S_TRANSFER_RECEIVED] = received;
                out[S_TRANSFER_GAS] = gasUsed;
            } catch (bytes memory reason) {
                reasons[SR_TRANSFER] = _clip(reason);
            }
        }
        out[S_APPROVE_OK] = _approveRouter() ? 1 : 0;
        uint256 amount = _balanceOf(_token, address(this)) / 2;
        out[S_SELL_AMOUNT] = amount;
        try this.sellStep(amount) returns (uint256 poolReceived, uint256 ethOut, uint256 expected, uint256 gasUsed) {
            out[S_SELL_OK] = 1;
            out[S_SELL_POOL_RECEIVED] = poolReceived;
            out[S_SELL_ETH] = ethOut;
            out[S_SELL_EXPECTED_ETH] = expected;
            out[S_SELL_GAS] = gasUsed;
        } catch (bytes memory reason) {
            reasons[SR_SELL] = _clip(reason);
            reasons[SR_SELL_TOKEN] = _tokenReason(amount);
        }
        // A second sell at once: a cooldown or a one-sell-per-block rule refuses it.
        uint256 again = _balanceOf(_token, address(this)) / 2;
        out[S_SELL2_AMOUNT] = again;
        try this.sellStep(again) returns (uint256 poolReceived, uint256 ethOut, uint256, uint256) {
            out[S_SELL2_OK] = 1;
            out[S_SELL2_POOL_RECEIVED] = poolReceived;
            out[S_SELL2_ETH] = ethOut;
        } catch (bytes memory reason) {
            reasons[SR_SELL2] = _clip(reason);
        }
        out[S_BALANCE_LEFT] = _balanceOf(_token, address(this));
    }

    /// Binary search of the largest buy in (ok, fail) that succeeds; `finished` is false when gas ran short.
    function _search(uint256 ok, uint256 fail, uint256 iterations, uint256[] memory out)
        internal returns (uint256, uint256, bool)
    {
        for (uint256 i = 0; i < iterations && fail - ok > 1; i++) {
            if (gasleft() < 1_500_000) {
                return (ok, fail, false);
            }
            if (fail - ok <= fail / (1 << 40)) {
                break;
            }
            uint256 mid = ok + (fail - ok) / 2;
            out[L_PROBES]++;
            if (_probeBuy(mid)) {
                ok = mid;
            } else {
                fail = mid;
            }
        }
        return (ok, fail, true);
    }

    function _probeBuy(uint256 amountOut) internal returns (bool) {
        if (amountOut == 0) {
            return false;
        }
        try this.buyExactProbe(amountOut) {
            return false;
        } catch (bytes memory reason) {
            return reason.length == 32 && bytes32(reason) == PROBE_OK;
        }
    }

    function _quotable(uint256 amountOut) internal view returns (bool) {
        try IProbeRouter(_router).getAmountsIn(amountOut, _buyPath) returns (uint256[] memory) {
            return true;
        } catch {
            return false;
        }
    }

    function _tokenReason(uint256 amount) internal returns (bytes memory) {
        try this.tokenTransferProbe(amount) {
            return "";
        } catch (bytes memory reason) {
            return reason.length == 32 && bytes32(reason) == PROBE_OK ? bytes("") : _clip(reason);
        }
    }

    function _approveRouter() internal returns (bool) {
        (bool ok, bytes memory ret) = _token.call(abi.encodeWithSelector(0x095ea7b3, _router, type(uint256).max));
        return ok && (ret.length == 0 || (ret.length >= 32 && abi.decode(ret, (uint256)) != 0));
    }

    function _remember(address token, Route memory r, uint256 stepGas) internal {
        _token = token;
        _router = r.router;
        _pair = r.pair;
        _stepGas = stepGas;
        delete _buyPath;
        delete _sellPath;
        _buyPath.push(r.weth);
        if (r.quote != r.weth) {
            _buyPath.push(r.quote);
        }
        _buyPath.push(token);
        _sellPath.push(token);
        if (r.quote != r.weth) {
            _sellPath.push(r.quote);
        }
        _sellPath.push(r.weth);
    }

    /// The ETH that buys `quoteIn` of the quote token (itself when the quote is WETH).
    function _ethFor(Route memory r, uint256 quoteIn) internal view returns (uint256) {
        if (r.quote == r.weth) {
            return quoteIn;
        }
        address[] memory hop = new address[](2);
        hop[0] = r.weth;
        hop[1] = r.quote;
        try IProbeRouter(r.router).getAmountsIn(quoteIn, hop) returns (uint256[] memory amounts) {
            return amounts[0];
        } catch {
            return 0;
        }
    }

    /// The pool with the largest token reserve among every router x (WETH + quotes); a quote other than WETH
    /// needs a WETH pool of its own on the same factory.
    function _discover(address token, address[] calldata routers, address[] calldata factories,
                       address[] calldata quotes) internal view returns (Route memory best)
    {
        for (uint256 i = 0; i < routers.length && i < factories.length; i++) {
            (bool ok, uint256 word) = _uintCall(routers[i], abi.encodeWithSelector(0xad5c4648));
            address weth = address(uint160(word));
            if (!ok || weth == address(0) || word >> 160 != 0) {
                continue;
            }
            for (uint256 j = 0; j <= quotes.length; j++) {
                address quote = j == 0 ? weth : quotes[j - 1];
                if (quote == token || (j > 0 && quote == weth)) {
                    continue;
                }
                address pair = _pairOf(factories[i], token, quote);
                if (pair == address(0)) {
                    continue;
                }
                (uint256 tokenReserve, uint256 quoteReserve) = _reserves(pair, token);
                if (tokenReserve == 0 || quoteReserve == 0 || tokenReserve <= best.tokenReserve) {
                    continue;
                }
                if (quote != weth) {
                    address hop = _pairOf(factories[i], weth, quote);
                    if (hop == address(0)) {
                        continue;
                    }
                    (uint256 hopWeth, uint256 hopQuote) = _reserves(hop, weth);
                    if (hopWeth == 0 || hopQuote == 0) {
                        continue;
                    }
                }
                best = Route(routers[i], pair, quote, weth, tokenReserve, quoteReserve, i);
            }
        }
    }

    function _pairOf(address factory, address a, address b) internal view returns (address) {
        (bool ok, uint256 word) = _uintCall(factory, abi.encodeWithSelector(0xe6a43905, a, b));
        return ok && word >> 160 == 0 ? address(uint160(word)) : address(0);
    }

    function _reserves(address pair, address token) internal view returns (uint256 tokenReserve, uint256 other) {
        (bool ok0, uint256 token0) = _uintCall(pair, abi.encodeWithSelector(0x0dfe1681));
        (bool ok, bytes memory ret) = pair.staticcall(abi.encodeWithSelector(0x0902f1ac));
        if (!ok0 || !ok || ret.length < 64) {
            return (0, 0);
        }
        (uint256 r0, uint256 r1) = abi.decode(ret, (uint256, uint256));
        return address(uint160(token0)) == token ? (r0, r1) : (r1, r0);
    }

    function _balanceOf(address token, address account) internal view returns (uint256) {
        (bool ok, uint256 value) = _uintCall(token, abi.encodeWithSelector(0x70a08231, account));
        return ok ? value : 0;
    }

    function _uintCall(address target, bytes memory data) internal view returns (bool, uint256) {
        (bool ok, bytes memory ret) = target.staticcall{gas: 1_000_000}(data);
        if (!ok || ret.length < 32) {
            return (false, 0);
        }
        return (true, abi.decode(ret, (uint256)));
    }

    function _clip(bytes memory reason) internal pure returns (bytes memory) {
        if (reason.length <= 260) {
            return reason;
        }
        bytes memory clipped = new bytes(260);
        for (uint256 i = 0; i < 260; i++) {
            clipped[i] = reason[i];
        }
        return clipped;
    }

    function _bubble(bytes memory data) internal pure {
        assembly {
            revert(add(data, 32), mload(data))
        }
    }
}
