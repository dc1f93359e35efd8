// What every hostile run must end in: a valid result, or a valid CNI error that changed nothing on disk.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCidr } from "../../src/alloc/address.js";
import { VERSIONS } from "./arbitraries.js";

const ERROR_KEYS = new Set(["cniVersion", "code", "msg", "details"]);
/** A JavaScript stack frame: what a user must never see instead of a message. */
export const STACK_FRAME = /\n\s+at .+[(:]\d+/;

/** Why `stdout`/`exitCode` is not an acceptable answer to `command`, or undefined when it is. */
export function outcomeProblem(
  command: string | undefined,
  exitCode: number | null,
  stdout: string,
): string | undefined {
  if (exitCode === 0) return successProblem(command, stdout);
  if (exitCode === null) return "no exit code (killed or hung)";
  const body = parseOneJson(stdout);
  if (typeof body === "string") return `error exit ${exitCode} with ${body}`;
  const extra = Object.keys(body).filter((key) => !ERROR_KEYS.has(key));
  if (extra.length > 0) return `error JSON has unexpected keys ${extra.join(", ")}`;
  if (!(VERSIONS as readonly unknown[]).includes(body.cniVersion))
    return `error JSON cniVersion ${JSON.stringify(body.cniVersion)}`;
  if (!Number.isInteger(body.code)) return `error JSON code ${JSON.stringify(body.code)} is not an integer`;
  // 999 is the plugin's "a condition nobody named": a hostile input that reaches it found a bug.
  if (body.code === 999) return `internal error (999): ${String(body.msg)} ${String(body.details ?? "")}`;
  if (typeof body.msg !== "string" || body.msg.trim() === "") return "error JSON msg is not a non-empty string";
  if (body.details !== undefined && typeof body.details !== "string") return "error JSON details is not a string";
  if (STACK_FRAME.test(`${body.msg}\n${body.details ?? ""}`)) return "error JSON carries a stack trace";
  return undefined;
}

function successProblem(command: string | undefined, stdout: string): string | undefined {
  if (command !== "ADD" && command !== "VERSION")
    return stdout === "" ? undefined : `${command} printed ${JSON.stringify(stdout.slice(0, 200))} on success`;
  const body = parseOneJson(stdout);
  if (typeof body === "string") return `success with ${body}`;
  if (!(VERSIONS as readonly unknown[]).includes(body.cniVersion))
    return `result cniVersion ${JSON.stringify(body.cniVersion)}`;
  if (command === "VERSION")
    return Array.isArray(body.supportedVersions) ? undefined : "VERSION result without supportedVersions";
  const legacy = [body.ip4, body.ip6].filter(Boolean) as { ip?: unknown }[];
  const addresses = Array.isArray(body.ips)
    ? (body.ips as { address?: unknown }[]).map((ip) => ip.address)
    : legacy.map((ip) => ip.ip);
  if (addresses.length === 0) return "ADD result holds no address";
  const bad = addresses.find((address) => typeof address !== "string" || !parseCidr(address));
  return bad === undefined ? undefined : `ADD result address ${JSON.stringify(bad)} is not a CIDR`;
}

/** Exactly one JSON object and a newline; otherwise a description of what came instead. */
function parseOneJson(stdout: string): Record<string, any> | string {
  if (!stdout.endsWith("\n") || stdout.indexOf("\n") !== stdout.length - 1)
    return `stdout that is not one JSON line: ${JSON.stringify(stdout.slice(0, 200))}`;
  try {
    const value = JSON.parse(stdout);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? value
      : `non-object JSON ${stdout.slice(0, 100)}`;
  } catch {
    return `non-JSON stdout ${JSON.stringify(stdout.slice(0, 200))}`;
  }
}

/**
 * Every file under `root` with its bytes. The lock directory is left out: it exists only while a
 * process holds the lock. So are directories as such: update() creates the data dir (0700) before
 * it takes the lock, so an ADD refused for a data dir that did not exist yet leaves it behind,
 * empty; no state file appears, changes or goes, which is what "the store is unchanged" means.
 */
export function snapshot(root: string): Map<string, string> {
  const entries = new Map<string, string>();
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = `${prefix}${entry.name}`;
      if (entry.name === "store.lock") continue;
      if (entry.isDirectory()) {
        walk(join(dir, entry.name), `${path}/`);
      } else {
        entries.set(path, readFileSync(join(dir, entry.name)).toString("base64"));
      }
    }
  };
  walk(root, "");
  return entries;
}

/**
 * The paths whose presence or bytes differ between two snapshots. An applied commit record that
 * went away is no change: any transaction, a refused one too, may make an earlier commit's writes
 * durable and then drop its record, and the state files say the same before and after.
 */
export function snapshotDiff(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  const checkpointed = (path: string) => /^commit\/[^/]+\.done\.json$/.test(path) && !after.has(path);
  return [...paths].filter((path) => before.get(path) !== after.get(path) && !checkpointed(path)).sort();
}
