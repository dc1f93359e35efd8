// The list of live attachments given to reclaim: JSON or plain lines of containerID[:ifname].
import { CniError, ErrorCode } from "../../errors.js";

export interface LiveEntry {
  readonly containerId: string;
  /** Absent: every interface of the container is live. */
  readonly ifname?: string;
}

const ENTRY_TEXT = /^[^\s:]+(:[^\s:]+)?$/;
const JSON_HINT = 'give a JSON list of "containerID[:ifname]" strings or {"containerID": ..., "ifname": ...} objects';

/** CNI's cni.dev/valid-attachments spelling (containerID) and ours (containerId) are both read. */
function fromJson(item: unknown, index: number, source: string): LiveEntry {
  const bad = (why: string) => new CniError(ErrorCode.invalidConfig, `${source}: live[${index}]: ${why}`, JSON_HINT);
  if (typeof item === "string") {
    if (!ENTRY_TEXT.test(item)) throw bad(`${JSON.stringify(item)} is not containerID or containerID:ifname`);
    return fromText(item);
  }
  if (typeof item !== "object" || item === null || Array.isArray(item)) throw bad("must be a string or an object");
  const { containerID, containerId, ifname, ...rest } = item as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) throw bad(`unknown field ${unknown[0]}`);
  const id = containerID ?? containerId;
  if (typeof id !== "string" || id === "") throw bad("needs containerID (a non-empty string)");
  if (ifname === undefined) return { containerId: id };
  if (typeof ifname !== "string" || ifname === "") throw bad("ifname must be a non-empty string");
  return { containerId: id, ifname };
}

/**
 * JSON: ["ctr1", "ctr2:eth1", {"containerID": "ctr3", "ifname": "eth0"}]. Lines: one entry per
 * line, blank lines and #-comments skipped. An input with no entry at all is refused: an empty
 * file is more often a failed `runtime ps > live` than a node with no containers, and reading it
 * as "nothing is live" would release everything. '[]' says "nothing is live" on purpose.
 */
export function parseLiveList(text: string, source: string): LiveEntry[] {
  if (/^\s*[[{]/.test(text)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new CniError(ErrorCode.decodeFailure, `${source}: not valid JSON: ${(error as Error).message}`);
    }
    if (!Array.isArray(value))
      throw new CniError(ErrorCode.invalidConfig, `${source}: the live list must be a JSON list`, JSON_HINT);
    return value.map((item, index) => fromJson(item, index, source));
  }
  const entries: LiveEntry[] = [];
  text.split("\n").forEach((raw, index) => {
    const line = raw.replace(/#.*/, "").trim();
    if (line === "") return;
    if (!ENTRY_TEXT.test(line)) {
      throw new CniError(
        ErrorCode.invalidConfig,
        `${source}: line ${index + 1}: ${JSON.stringify(line)} is not containerID or containerID:ifname`,
      );
    }
    entries.push(fromText(line));
  });
  if (entries.length === 0) {
    throw new CniError(
      ErrorCode.invalidConfig,
      `${source} lists no live attachment`,
      "refusing to treat every allocation as leaked; pass '[]' if truly nothing is live",
    );
  }
  return entries;
}

function fromText(text: string): LiveEntry {
  const [containerId, ifname] = text.split(":") as [string, string | undefined];
  return ifname === undefined ? { containerId } : { containerId, ifname };
}
