// The names and addresses of this PC that desks on the office network may use to reach the server.
import os from 'node:os';

/** Loopback names, the host name, and every address of every network card (IPv4 first). */
export function machineNames(): string[] {
  const addresses = Object.values(os.networkInterfaces()).flat().filter((a): a is os.NetworkInterfaceInfo => !!a && !a.internal);
  const v4 = addresses.filter((a) => a.family === 'IPv4').map((a) => a.address);
  const v6 = addresses.filter((a) => a.family === 'IPv6' && !a.address.startsWith('fe80')).map((a) => a.address);
  return [...new Set(['127.0.0.1', 'localhost', os.hostname().toLowerCase(), ...v4, ...v6])];
}

/** The addresses a person would type on another desk: the network ones, not loopback. */
export function networkAddresses(names: readonly string[]): string[] {
  return names.filter((n) => /^\d+\.\d+\.\d+\.\d+$/.test(n) && n !== '127.0.0.1');
}
