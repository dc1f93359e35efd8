// Resource files as the CLI reads them: YAML (one or many `---` documents) or JSON, split into resources.
import { parseAllDocuments } from "yaml";
import { CniError, ErrorCode } from "../errors.js";

/** One resource of a file and where it came from, for messages ("document 2", "document 1 item 3"). */
export interface SourceDocument {
  readonly value: Record<string, unknown>;
  readonly where: string;
}

/**
 * A pool file has no use for deep aliasing; a small bound stops the "billion laughs" expansion
 * of anchors inside anchors before it eats the memory of a node's tool.
 */
export const MAX_ALIAS_COUNT = 16;

/**
 * Splits `text` into resources. A document may be a mapping (one resource) or a list of
 * mappings (calicoctl v1 accepted lists, and `get -o json` prints one). Empty documents (a
 * trailing `---`, comments only) are skipped; numbering follows the file, so "document 3" is
 * the third `---` section even when an earlier one was empty.
 */
export function parseResourceDocuments(text: string, source: string): SourceDocument[] {
  const json = tryJson(text);
  const values = json.ok ? [json.value] : parseYaml(text, source);
  const resources: SourceDocument[] = [];
  values.forEach((value, index) => {
    const where = `document ${index + 1}`;
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      value.forEach((item, itemIndex) =>
        resources.push({
          value: asMapping(item, `${where} item ${itemIndex + 1}`, source),
          where: `${where} item ${itemIndex + 1}`,
        }),
      );
    } else {
      resources.push({ value: asMapping(value, where, source), where });
    }
  });
  if (resources.length === 0)
    throw new CniError(
      ErrorCode.decodeFailure,
      `${source} holds no resource`,
      "give one or more ipPool or node documents",
    );
  return resources;
}

/** JSON is read as JSON first: YAML would reject some valid JSON layouts (tab indentation). */
function tryJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (!/^\s*[[{]/.test(text)) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function parseYaml(text: string, source: string): unknown[] {
  // uniqueKeys: a key given twice is a typo or a merge gone wrong, never silently "last wins".
  let docs: ReturnType<typeof parseAllDocuments>;
  try {
    // logLevel "error": the library would print its own warnings (e.g. on a collection used as a
    // key) on stderr as "(node:PID) Warning"; such a key fails validation as an unknown field anyway.
    docs = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: true, logLevel: "error" });
  } catch (cause) {
    // The yaml parser recurses per nesting level; tens of thousands of levels overflow the stack.
    if (!(cause instanceof RangeError)) throw cause;
    throw new CniError(
      ErrorCode.decodeFailure,
      `${source}: nested too deeply to read (${cause.message})`,
      "a pool document needs a few levels of nesting; check what generated the file",
    );
  }
  return docs.map((doc, index) => {
    const where = `${source}: document ${index + 1}`;
    const [error] = doc.errors;
    if (error)
      throw new CniError(
        ErrorCode.decodeFailure,
        `${where}: ${firstLine(error.message)}`,
        "fix the YAML or JSON syntax",
      );
    try {
      return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (cause) {
      throw new CniError(
        ErrorCode.decodeFailure,
        `${where}: ${firstLine((cause as Error).message)}`,
        `at most ${MAX_ALIAS_COUNT} alias expansions are allowed`,
      );
    }
  });
}

function asMapping(value: unknown, where: string, source: string): Record<string, unknown> {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  const kind = Array.isArray(value) ? "a list" : value === null ? "empty" : `a ${typeof value}`;
  throw new CniError(
    ErrorCode.invalidConfig,
    `${source}: ${where} is ${kind}, not a resource`,
    "each document must be a mapping with apiVersion, kind, metadata and spec",
  );
}

const firstLine = (message: string): string => message.split("\n")[0]!.replace(/:$/, "");
