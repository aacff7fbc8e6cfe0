// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// Whale Club — plain code; the team wallets hold nearly everything.
contract WhaleClub is ERC20, Ownable {
    constructor(uint256 supply) ERC20("Whale Club", "WHALE") Ownable(msg.sender) {
        _mint(msg.sender, supply);
    }
}
