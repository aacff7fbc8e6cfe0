// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// The read interface of a Gnosis Safe (threshold and owners), enough to be recognised as a multisig.
contract KzMiniSafe {
    address[] private owners;
    uint256 private threshold;

    constructor(address[] memory owners_, uint256 threshold_) {
        owners = owners_;
        threshold = threshold_;
    }

    function getOwners() external view returns (address[] memory) {
        return owners;
    }

    function getThreshold() external view returns (uint256) {
        return threshold;
    }

    function isOwner(address who) external view returns (bool) {
        for (uint256 i = 0; i < owners.length; i++) {
            if (owners[i] == who) {
                return true;
            }
        }
        return false;
    }
}
