// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// A plain fixed-supply token: no fees, no limits, no mint. The deployer renounces
/// ownership after launch and burns the LP tokens.
contract KaizenCleanToken is ERC20, Ownable {
    constructor(uint256 initialSupply) ERC20("Kaizen Clean", "KZC") Ownable(msg.sender) {
        _mint(msg.sender, initialSupply);
    }
}
