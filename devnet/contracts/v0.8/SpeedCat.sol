// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IUniswapV2Factory, IUniswapV2Router02} from "./IUniswapV2.sol";

/// SPEED CAT — anti-bot cooldown keeps sell-side bots out.
contract SpeedCat is ERC20, Ownable {
    address public immutable uniswapV2Pair;
    bool public cooldownEnabled = true;
    uint256 public sellCooldown = 60;
    mapping(address => uint256) private _lastSell;

    constructor(address router, uint256 supply) ERC20("Speed Cat", "SCAT") Ownable(msg.sender) {
        IUniswapV2Router02 r = IUniswapV2Router02(router);
        uniswapV2Pair = IUniswapV2Factory(r.factory()).createPair(address(this), r.WETH());
        _mint(msg.sender, supply);
    }

    function setCooldown(bool enabled, uint256 seconds_) external onlyOwner {
        cooldownEnabled = enabled;
        sellCooldown = seconds_;
    }

    function _update(address from, address to, uint256 value) internal override {
        if (cooldownEnabled && to == uniswapV2Pair && from != owner() && from != address(0)) {
            require(block.timestamp >= _lastSell[from] + sellCooldown, "SCAT: sell cooldown");
            _lastSell[from] = block.timestamp;
        }
        super._update(from, to, value);
    }
}
