import { memoLast, type OperatorFamily } from './family.js';
import { networkContains, parseAddress, parseNetwork, type Network } from './ip-address.js';

/** IpAddress / NotIpAddress: the request address lies in an IPv4 or IPv6 CIDR block ("IP address condition operators"). */
export const ipAddress: OperatorFamily<Network, Uint8Array> = {
  prepare: parseNetwork,
  parse: memoLast(parseAddress),
  test: networkContains,
  variables: false,
};
