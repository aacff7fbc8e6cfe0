// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// Stable Harbor — plain token; most of its liquidity sits in a timelock locker.
contract StableHarbor is ERC20, ERC20Burnable, Ownable {
    constructor(uint256 supply) ERC20("Stable Harbor", "HARBOR") Ownable(msg.sender) {
        _mint(msg.sender, supply);
    }
}
