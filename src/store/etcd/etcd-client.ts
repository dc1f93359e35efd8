// A minimal client of etcd's v3 JSON gateway (range, txn, status) over node:http/node:https, bounded by one deadline.
import * as http from "node:http";
import type * as httpsTypes from "node:https";
import { readFileSync } from "node:fs";
import * as z from "zod/mini";
import { StoreError } from "../store-error.js";
import {
  describeAttempts,
  etcdRejected,
  isTlsError,
  refusedEverywhere,
  tlsFailure,
  type Attempt,
} from "./etcd-errors.js";

export interface EtcdTls {
  readonly caFile?: string;
  readonly certFile?: string;
  readonly keyFile?: string;
}

export interface EtcdClientOptions {
  /** Tried in order; the one that answered last is tried first next time. */
  readonly endpoints: readonly string[];
  readonly tls?: EtcdTls;
  /**
   * Epoch milliseconds when the current call must be over: no request outlives it (its socket is
   * destroyed then). Read at each request, since a store moves it when its node's turn begins.
   */
  readonly deadline: () => number;
}

// proto3 JSON: int64 fields are strings and default values are omitted (a missing key has no `kvs`).
const int64 = z.pipe(
  z.optional(z.string()),
  z.transform((text) => BigInt(text ?? "0")),
);
const headerSchema = z.looseObject({ revision: int64, member_id: z.optional(z.string()) });
const keyValueSchema = z.looseObject({
  key: z.string(),
  value: z.optional(z.string()),
  create_revision: int64,
  mod_revision: int64,
});
const rangeReplySchema = z.looseObject({ header: headerSchema, kvs: z._default(z.array(keyValueSchema), []) });
export type RangeReply = z.infer<typeof rangeReplySchema>;
const txnReplySchema = z.looseObject({ header: headerSchema, succeeded: z.optional(z.boolean()) });
export type TxnReply = z.infer<typeof txnReplySchema>;
/** A read-only txn of ranges: one reply per range, in order, all at the header's revision. */
const rangesReplySchema = z.looseObject({
  header: headerSchema,
  responses: z._default(
    z.array(z.looseObject({ response_range: z.looseObject({ kvs: z._default(z.array(keyValueSchema), []) }) })),
    [],
  ),
});
const statusReplySchema = z.looseObject({
  header: headerSchema,
  version: z.optional(z.string()),
  leader: z.optional(z.string()),
});
export type StatusReply = z.infer<typeof statusReplySchema>;
/** What the gateway sends for a gRPC error: `{"error", "code", "message"}`. */
const errorReplySchema = z.looseObject({
  code: z.optional(z.number()),
  message: z.optional(z.string()),
  error: z.optional(z.string()),
});

export interface RangeRequest {
  readonly key: string;
  readonly rangeEnd?: string;
  readonly revision?: bigint;
  readonly keysOnly?: boolean;
}

export interface Compare {
  readonly key: string;
  readonly rangeEnd?: string;
  readonly target: "MOD" | "CREATE";
  readonly result: "EQUAL" | "GREATER" | "LESS";
  readonly revision: bigint;
}

export interface TxnRequest {
  readonly compares: readonly Compare[];
  readonly puts: readonly { key: string; value: string }[];
  readonly deletes: readonly string[];
}

/** A txn whose request may have reached etcd but whose reply did not come back: it may or may not be applied. */
export class UnknownOutcome extends Error {}

const encode = (text: string): string => Buffer.from(text, "utf8").toString("base64");
export const decode = (base64: string): string => Buffer.from(base64, "base64").toString("utf8");

/** The first key after every key starting with `prefix`: etcd's range_end for a prefix (UTF-8 keeps code point order). */
export function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/** Connection errors that mean the request never reached a member: any endpoint may be tried, a txn too. */
const NOT_SENT = new Set(["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "EADDRNOTAVAIL"]);
/** gRPC codes the gateway maps etcd's "no leader" and overload to; the request was refused before any proposal. */
const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_RESOURCE_EXHAUSTED = 8;

/** Rounds in which every endpoint refused the connection before the call gives up, and the first pause between them (doubling). */
const REFUSED_ROUNDS = 5;
const REFUSED_PAUSE_MS = 250;

type Outcome = { ok: true; body: unknown } | { ok: false; attempt: Attempt };

/** node:https (and with it node:tls) is loaded only for https endpoints: most clusters on loopback or a private network speak http. */
interface Https {
  readonly module: typeof httpsTypes;
  readonly agent: httpsTypes.Agent;
}

const rangeBody = (request: RangeRequest) => ({
  key: encode(request.key),
  ...(request.rangeEnd !== undefined ? { range_end: encode(request.rangeEnd) } : {}),
  ...(request.revision !== undefined ? { revision: request.revision.toString() } : {}),
  ...(request.keysOnly ? { keys_only: true } : {}),
});

export class EtcdClient {
  private readonly agentHttp: http.Agent;
  private https: Promise<Https> | undefined;
  private order: string[];

  constructor(private readonly options: EtcdClientOptions) {
    this.order = [...options.endpoints];
    this.agentHttp = new http.Agent({ keepAlive: true, maxSockets: 4 });
  }

  async range(request: RangeRequest): Promise<RangeReply> {
    return parseReply(rangeReplySchema, await this.call("/v3/kv/range", rangeBody(request), true), "range");
  }

  /**
   * Several ranges in one round trip: a txn without compares whose operations are the ranges.
   * They all read one revision, the reply header's, which is the snapshot when none is given.
   */
  async ranges(requests: readonly RangeRequest[]): Promise<{ revision: bigint; replies: RangeReply["kvs"][] }> {
    const body = { success: requests.map((request) => ({ request_range: rangeBody(request) })) };
    const reply = parseReply(rangesReplySchema, await this.call("/v3/kv/txn", body, true), "txn of ranges");
    if (reply.responses.length !== requests.length) {
      throw new StoreError(
        "internal",
        `internal error: etcd answered ${reply.responses.length} of ${requests.length} ranges`,
      );
    }
    return { revision: reply.header.revision, replies: reply.responses.map((response) => response.response_range.kvs) };
  }

  /** Throws UnknownOutcome when the txn may have been applied although no reply says so. */
  async txn(request: TxnRequest): Promise<TxnReply> {
    const body = {
      compare: request.compares.map((compare) => ({
        key: encode(compare.key),
        ...(compare.rangeEnd !== undefined ? { range_end: encode(compare.rangeEnd) } : {}),
        target: compare.target,
        result: compare.result,
        [compare.target === "MOD" ? "mod_revision" : "create_revision"]: compare.revision.toString(),
      })),
      success: [
        ...request.puts.map((put) => ({ request_put: { key: encode(put.key), value: encode(put.value) } })),
        ...request.deletes.map((key) => ({ request_delete_range: { key: encode(key) } })),
      ],
    };
    return parseReply(txnReplySchema, await this.call("/v3/kv/txn", body, false), "txn");
  }

  /** The status of one member, asked directly (no failover): for health notes. */
  async status(endpoint: string): Promise<StatusReply> {
    const outcome = await this.post(endpoint, "/v3/maintenance/status", {}, this.remaining());
    if (!outcome.ok) throw this.unavailable([outcome.attempt], false);
    return parseReply(statusReplySchema, outcome.body, "status");
  }

  /**
   * Tries each endpoint in turn until one answers. Idempotent calls (ranges) go round again
   * after a pause until the deadline; a txn only while every failure was harmless, since a
   * member that died after receiving it may have applied it.
   */
  private async call(path: string, body: unknown, idempotent: boolean): Promise<unknown> {
    const attempts: Attempt[] = [];
    const started = Date.now();
    let refusedRounds = 0;
    for (let round = 0; ; round++) {
      for (const [index, endpoint] of this.order.entries()) {
        // A member that hangs (no quorum) must leave time for the others.
        const budget = Math.max(500, this.remaining() / (this.order.length - index));
        const outcome = await this.post(endpoint, path, body, Math.min(budget, this.remaining()));
        if (outcome.ok) {
          if (index > 0) this.order = [endpoint, ...this.order.filter((other) => other !== endpoint)];
          return outcome.body;
        }
        attempts.push(outcome.attempt);
        if (!idempotent && !outcome.attempt.harmless) throw new UnknownOutcome(describeAttempts(attempts));
        if (this.remaining() <= 0) throw this.unavailable(attempts, !idempotent);
      }
      if (attempts.every((attempt) => attempt.tls)) throw tlsFailure(attempts);
      // A refused connection is not an overloaded or leaderless member: it waits longer between rounds, and not for long.
      refusedRounds = attempts.slice(-this.order.length).every((attempt) => attempt.refused) ? refusedRounds + 1 : 0;
      if (refusedRounds >= REFUSED_ROUNDS)
        throw refusedEverywhere(this.options.endpoints, attempts, (Date.now() - started) / 1000, !idempotent);
      const base = refusedRounds > 0 ? REFUSED_PAUSE_MS * 2 ** (refusedRounds - 1) : 50 * 2 ** Math.min(round, 4);
      const pause = Math.min(this.remaining(), base * (0.5 + Math.random()));
      if (pause <= 0) throw this.unavailable(attempts, !idempotent);
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  private remaining(): number {
    return this.options.deadline() - Date.now();
  }

  /** `write`: the call was a commit, so the caller learns that it did not happen; a read's error says nothing of writes. */
  private unavailable(attempts: readonly Attempt[], write: boolean): StoreError {
    if (attempts.length > 0 && attempts.every((attempt) => attempt.tls)) return tlsFailure(attempts);
    return new StoreError(
      "unavailable",
      `etcd cluster at ${this.options.endpoints.join(",")} is unavailable: no member answered before the deadline${write ? "; nothing was written" : ""}`,
      describeAttempts(attempts),
    );
  }

  private loadHttps(): Promise<Https> {
    this.https ??= import("node:https").then((module) => ({
      module,
      agent: new module.Agent({ keepAlive: true, maxSockets: 4, ...readTls(this.options.tls) }),
    }));
    return this.https;
  }

  private async post(endpoint: string, path: string, body: unknown, timeoutMs: number): Promise<Outcome> {
    const payload = JSON.stringify(body);
    const url = new URL(path, endpoint);
    const secure = url.protocol === "https:";
    const fail = (error: string, harmless: boolean, tls = false, refused = false): Outcome => ({
      ok: false,
      attempt: { endpoint, error, harmless, tls, refused },
    });
    if (timeoutMs <= 0) return fail("deadline reached before the request", true);
    const https = secure ? await this.loadHttps() : undefined;
    return new Promise((resolve) => {
      let settled = false;
      const finish = (outcome: Outcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(outcome);
      };
      const request = (https ? https.module : http).request(url, {
        method: "POST",
        agent: https ? https.agent : this.agentHttp,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload) },
      });
      let connected = false;
      request.on("socket", (socket) => {
        // A kept-alive socket is connected already; a listener on it would pile up call after call.
        if (!socket.connecting) connected = true;
        else socket.once(secure ? "secureConnect" : "connect", () => (connected = true));
      });
      const timer = setTimeout(() => {
        finish(fail(`no answer within ${Math.round(timeoutMs)} ms`, !connected));
        request.destroy();
      }, timeoutMs);
      request.on("error", (error: NodeJS.ErrnoException) => {
        const code = error.code ?? "";
        const tls = isTlsError(code);
        const text = code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
        finish(fail(text, NOT_SENT.has(code) || tls, tls, code === "ECONNREFUSED"));
      });
      request.on("response", (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", (error) => finish(fail(error.message, false)));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            return finish(fail(`HTTP ${response.statusCode}: ${text.slice(0, 200)}`, false));
          }
          if (response.statusCode === 200) return finish({ ok: true, body: json });
          const reply = z.safeParse(errorReplySchema, json);
          const grpc = reply.success ? reply.data.code : undefined;
          const message = (reply.success ? (reply.data.message ?? reply.data.error) : undefined) ?? text.slice(0, 200);
          if (grpc !== GRPC_UNAVAILABLE && grpc !== GRPC_DEADLINE_EXCEEDED && grpc !== GRPC_RESOURCE_EXHAUSTED) {
            // Not the cluster's health but the request itself: no other member will answer differently.
            return finish({ ok: true, body: { etcdError: message, status: response.statusCode } });
          }
          // "no leader" and "too many requests" are refused before any proposal; a timeout may still apply.
          finish(fail(message, grpc !== GRPC_DEADLINE_EXCEEDED && !/timed out|leader changed/.test(message)));
        });
      });
      request.end(payload);
    });
  }
}

function parseReply<T>(schema: z.ZodMiniType<T>, body: unknown, what: string): T {
  const rejected = body as { etcdError?: string };
  if (typeof rejected.etcdError === "string") throw etcdRejected(rejected.etcdError);
  const reply = z.safeParse(schema, body);
  if (!reply.success)
    throw new StoreError(
      "internal",
      `internal error: etcd ${what} reply has an unexpected shape`,
      JSON.stringify(body).slice(0, 300),
    );
  return reply.data;
}

function readTls(tls: EtcdTls | undefined): httpsTypes.AgentOptions {
  const read = (path: string | undefined, what: string): Buffer | undefined => {
    if (path === undefined) return undefined;
    try {
      return readFileSync(path);
    } catch (error) {
      throw new StoreError(
        "io",
        `cannot read the etcd ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
  };
  const ca = read(tls?.caFile, "CA file");
  const cert = read(tls?.certFile, "client certificate file");
  const key = read(tls?.keyFile, "client key file");
  return { ...(ca ? { ca } : {}), ...(cert ? { cert } : {}), ...(key ? { key } : {}) };
}
