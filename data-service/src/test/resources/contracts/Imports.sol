// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

// OpenZeppelin contracts deployed as they are by the anvil integration tests.
import {TransparentUpgradeableProxy} from "@openzeppelin/contracts/proxy/transparent/TransparentUpgradeableProxy.sol";
import {ProxyAdmin} from "@openzeppelin/contracts/proxy/transparent/ProxyAdmin.sol";
import {UpgradeableBeacon} from "@openzeppelin/contracts/proxy/beacon/UpgradeableBeacon.sol";
import {BeaconProxy} from "@openzeppelin/contracts/proxy/beacon/BeaconProxy.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
