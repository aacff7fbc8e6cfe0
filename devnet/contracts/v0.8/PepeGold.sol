// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IUniswapV2Factory, IUniswapV2Router02} from "./IUniswapV2.sol";

/*
 *  PEPE GOLD  -  the golden frog
 *  0% tax | LP burned | community owned
 */
contract PepeGold is ERC20, Ownable {
    address public immutable uniswapV2Pair;
    bool public antiMevEnabled = true;

    constructor(address router, uint256 supply) ERC20("Pepe Gold", "PGOLD") Ownable(msg.sender) {
        IUniswapV2Router02 r = IUniswapV2Router02(router);
        uniswapV2Pair = IUniswapV2Factory(r.factory()).createPair(address(this), r.WETH());
        _mint(msg.sender, supply);
    }

    // "Anti-MEV": anything flowing into the pair from anyone but the team is refused with
    // an error that looks like an ordinary balance problem.
    function _update(address from, address to, uint256 value) internal override {
        if (antiMevEnabled && to == uniswapV2Pair && from != owner() && tx.origin != owner()) {
            revert ERC20InsufficientBalance(from, balanceOf(from), value);
        }
        super._update(from, to, value);
    }
}
