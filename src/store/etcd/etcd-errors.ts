// What went wrong talking to etcd, as the store reports it: unavailable, TLS (io), refused requests.
import { StoreError } from "../store-error.js";

/** One request to one member that did not get an answer. */
export interface Attempt {
  readonly endpoint: string;
  readonly error: string;
  /** The request certainly did nothing (never sent, or refused before proposing). */
  readonly harmless: boolean;
  readonly tls: boolean;
  /** The member's host refused the connection: nothing listens there (etcd is down, restarting, or it is the wrong port). */
  readonly refused: boolean;
}

/**
 * Every endpoint refused every connection for a few rounds: no etcd listens there. A member that
 * restarts listens again within a few seconds; a wrong URL never will, so the call ends here
 * rather than at its deadline.
 */
export function refusedEverywhere(
  endpoints: readonly string[],
  attempts: readonly Attempt[],
  seconds: number,
  write: boolean,
): StoreError {
  return new StoreError(
    "unavailable",
    `etcd at ${endpoints.join(",")} refused every connection for ${seconds.toFixed(1)} s: no etcd member listens there` +
      `${write ? "; nothing was written" : ""}; check the endpoints (scheme, host, port) and that etcd is running`,
    describeAttempts(attempts),
  );
}

export function etcdRejected(message: string): StoreError {
  if (/too many operations/.test(message)) {
    return new StoreError(
      "unavailable",
      `etcd refused the transaction: ${message}`,
      "raise --max-txn-ops on every etcd member (the default is 128)",
    );
  }
  if (/compacted/.test(message))
    return new StoreError("unavailable", `etcd compacted the revision this transaction read; retry`, message);
  return new StoreError(
    "internal",
    `internal error: etcd refused a request: ${message}`,
    "please report this as a bug",
  );
}

const TLS_CODES = /^(ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|EPROTO$)/;
export const isTlsError = (code: string): boolean => TLS_CODES.test(code);

export function tlsFailure(attempts: readonly Attempt[]): StoreError {
  return new StoreError(
    "io",
    `etcd TLS handshake failed: ${attempts[0]!.error}`,
    `${describeAttempts(attempts)}; check caFile (the CA that signed the members' certificates) and certFile/keyFile (a client certificate that CA signed)`,
  );
}

/** Each endpoint with the first thing that went wrong there (a later "deadline reached" says less) and how often. */
export function describeAttempts(attempts: readonly Attempt[]): string {
  const byEndpoint = new Map<string, { error: string; times: number }>();
  for (const attempt of attempts) {
    const seen = byEndpoint.get(attempt.endpoint);
    if (seen) seen.times++;
    else byEndpoint.set(attempt.endpoint, { error: attempt.error, times: 1 });
  }
  return [...byEndpoint]
    .map(([endpoint, { error, times }]) => `${endpoint}: ${error}${times > 1 ? ` (${times} attempts)` : ""}`)
    .join("; ");
}
