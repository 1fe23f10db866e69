/**
 * Outbound-traffic guard for tests (`node --import ./scripts/egress-guard.mjs`, or through NODE_OPTIONS so
 * every child process has it too). Air-gapped sites must see no connection attempt to anything but this
 * machine: every TCP/TLS connect (net, tls, http(s), fetch/undici, database and Redis clients all end in
 * net.Socket#connect), every DNS query for a name other than localhost and every UDP send to a non-loopback
 * address is recorded and refused before a packet leaves.
 *
 * Each attempt is appended as one JSON line to the file named by CREDIT_HUB_EGRESS_LOG (with the process,
 * the target and the stack that asked), and a `loaded` line marks every process the guard runs in, so the
 * test runner can both prove it was active and fail the run when anything tried to get out.
 *
 * Plain JavaScript: it must load before tsx is registered in processes started with NODE_OPTIONS.
 */
import dgram from 'node:dgram';
import dns from 'node:dns';
import { appendFileSync } from 'node:fs';
import net from 'node:net';
import process from 'node:process';

const LOG = process.env.CREDIT_HUB_EGRESS_LOG;
const MARK = Symbol.for('credit-hub.egress-guard');

function write(entry) {
  if (!LOG) return;
  try {
    appendFileSync(LOG, `${JSON.stringify({ pid: process.pid, ...entry })}\n`);
  } catch {
    // The log is best effort; the connection is refused either way.
  }
}

/** 127.0.0.0/8, ::1 (and its IPv4-mapped form), localhost; an absent host means localhost to Node. */
export function isLoopback(host) {
  if (host === undefined || host === null || host === '') return true;
  const h = String(host)
    .replace(/^\[|\]$/g, '')
    .toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (net.isIPv4(h)) return h.startsWith('127.');
  if (net.isIPv6(h)) return /^(0{0,4}:){1,7}0{0,3}1$|^::1$/.test(h) || /^::ffff:127\./.test(h);
  return false;
}

function attempt(kind, target) {
  const stack = (new Error().stack ?? '').split('\n').slice(3, 12).join('\n');
  write({ kind, target, argv: process.argv.slice(1, 3).join(' '), stack });
  const error = new Error(`outbound ${kind} to ${target} refused: air-gapped sites allow loopback only`);
  error.code = 'EGRESS_BLOCKED';
  return error;
}

if (!globalThis[MARK]) {
  globalThis[MARK] = true;
  write({ kind: 'loaded' });

  // TCP and TLS: every client socket connects through this method (net.connect, tls.connect, http agents,
  // undici's fetch, pg, ioredis).
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(...args) {
    const first = args[0];
    const options = Array.isArray(first)
      ? first[0]
      : first !== null && typeof first === 'object'
        ? first
        : typeof first === 'string' && !/^\d+$/.test(first)
          ? { path: first }
          : { port: first, host: typeof args[1] === 'string' ? args[1] : undefined };
    if (options && !options.path && !isLoopback(options.host)) {
      const error = attempt('tcp', `${options.host}:${options.port}`);
      process.nextTick(() => this.destroy(error));
      return this;
    }
    return connect.apply(this, args);
  };

  // DNS: a query for any other name is itself traffic to a resolver.
  const isLiteralOrLocal = (name) => net.isIP(String(name).replace(/^\[|\]$/g, '')) !== 0 || isLoopback(name);
  const lookup = dns.lookup;
  dns.lookup = function guardedLookup(hostname, ...rest) {
    if (isLiteralOrLocal(hostname)) return lookup.call(this, hostname, ...rest);
    const callback = rest.find((a) => typeof a === 'function');
    const error = attempt('dns', hostname);
    if (callback) process.nextTick(() => callback(error));
    return undefined;
  };
  const lookupPromise = dns.promises.lookup;
  dns.promises.lookup = function guardedLookup(hostname, ...rest) {
    if (isLiteralOrLocal(hostname)) return lookupPromise.call(this, hostname, ...rest);
    return Promise.reject(attempt('dns', hostname));
  };
  const RESOLVERS = ['resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveTxt'];
  for (const target of [dns, dns.Resolver.prototype]) {
    for (const name of RESOLVERS) {
      if (typeof target[name] !== 'function') continue;
      target[name] = function guardedResolve(hostname, ...rest) {
        const callback = rest.find((a) => typeof a === 'function');
        const error = attempt('dns', hostname);
        if (callback) process.nextTick(() => callback(error));
      };
    }
  }
  for (const target of [dns.promises, dns.promises.Resolver.prototype]) {
    for (const name of RESOLVERS) {
      if (typeof target[name] !== 'function') continue;
      target[name] = (hostname) => Promise.reject(attempt('dns', hostname));
    }
  }

  // UDP: the address is the first string after the port (send) or the second argument (connect).
  const send = dgram.Socket.prototype.send;
  dgram.Socket.prototype.send = function guardedSend(...args) {
    const port = args.findIndex((a, i) => i > 0 && typeof a === 'number' && typeof args[i + 1] === 'string');
    const address = port >= 0 ? args[port + 1] : undefined;
    if (address !== undefined && !isLoopback(address)) {
      const error = attempt('udp', `${address}:${args[port]}`);
      const callback = args.find((a) => typeof a === 'function');
      if (callback) process.nextTick(() => callback(error));
      return undefined;
    }
    return send.apply(this, args);
  };
  const udpConnect = dgram.Socket.prototype.connect;
  dgram.Socket.prototype.connect = function guardedUdpConnect(port, address, ...rest) {
    if (typeof address === 'string' && !isLoopback(address)) {
      const error = attempt('udp', `${address}:${port}`);
      const callback = rest.find((a) => typeof a === 'function');
      if (callback) process.nextTick(() => callback(error));
      return undefined;
    }
    return udpConnect.call(this, port, address, ...rest);
  };
}
