// Output formats shared by the commands: aligned tables, JSON that keeps big counts exact, YAML documents.
import { stringify } from "yaml";
import { UsageError } from "./context.js";

/** Columns separated by two spaces and padded to the widest cell, like calicoctl and kubectl. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join("  ")
      .trimEnd();
  return [line(headers), ...rows.map(line)].join("\n") + "\n";
}

/**
 * JSON with 2-space indent. BigInt counts (an IPv6 /64 holds 2^64 addresses) are written as
 * plain JSON numbers with every digit, which JSON allows and jq keeps; JSON.stringify alone would throw.
 */
export function formatJson(value: unknown): string {
  const marker = "__ippool_bigint__";
  const text = JSON.stringify(
    value,
    (_key, item: unknown) => (typeof item === "bigint" ? `${marker}${item}` : item),
    2,
  );
  return text.replace(new RegExp(`"${marker}(\\d+)"`, "g"), "$1") + "\n";
}

/** Several YAML documents separated by `---`, which `apply -f` reads back. */
export const formatYamlDocuments = (docs: readonly unknown[]): string =>
  docs.map((doc) => stringify(doc)).join("---\n");

/** The -o value, checked against the formats a command offers; the first is the default. */
export function outputFormat<T extends string>(value: string | undefined, formats: readonly T[], command: string): T {
  if (value === undefined) return formats[0]!;
  const format = formats.find((candidate) => candidate === value.toLowerCase());
  if (!format) throw new UsageError(`unknown output format '${value}'; use one of ${formats.join(", ")}`, command);
  return format;
}

/** "12.50%" of used over capacity, exact for any size (BigInt), rounded down to hundredths. */
export function percent(used: bigint, capacity: bigint): string {
  if (capacity === 0n) return "-";
  const hundredths = (used * 10_000n) / capacity;
  return `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, "0")}%`;
}

/** "2026-11-26T13:50:00.000Z (5m ago)": when, and how long ago, for "since when" questions. */
export function since(iso: string, now: Date): string {
  const seconds = Math.floor((now.getTime() - Date.parse(iso)) / 1000);
  if (!Number.isFinite(seconds) || seconds < 0) return iso;
  const age =
    seconds < 60
      ? `${seconds}s`
      : seconds < 3600
        ? `${Math.floor(seconds / 60)}m`
        : seconds < 86_400
          ? `${Math.floor(seconds / 3600)}h`
          : `${Math.floor(seconds / 86_400)}d`;
  return `${iso} (${age} ago)`;
}
