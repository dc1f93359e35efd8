// Turns samples into rows (ippool, host-local, ratio), prints them as a table and as JSON.
export interface Row {
  readonly section: string;
  readonly metric: string;
  readonly unit: string;
  readonly ippool: number | null;
  readonly hostLocal: number | null;
  /** ippool / host-local; null when either side is missing or zero. */
  readonly ratio: number | null;
}

export function row(section: string, metric: string, unit: string, ippool: number | null, hostLocal: number | null): Row {
  const ratio = ippool !== null && hostLocal !== null && hostLocal !== 0 ? ippool / hostLocal : null;
  return { section, metric, unit, ippool, hostLocal, ratio };
}

/** Rounds for reading: 1 decimal below 100, whole numbers above; counts stay whole. */
function show(value: number | null, unit: string): string {
  if (value === null || Number.isNaN(value)) return "-";
  if (unit === "count") return String(Math.round(value));
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(1);
}

export function formatTable(rows: readonly Row[]): string {
  const header = ["", "metric", "unit", "ippool", "host-local", "ratio"];
  const body = rows.map((entry) => ["", entry.metric, entry.unit, show(entry.ippool, entry.unit), show(entry.hostLocal, entry.unit), entry.ratio === null ? "-" : `${entry.ratio.toFixed(2)}x`]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column]!.length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => (column >= 3 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join("  ").trimEnd();
  const out: string[] = [line(header)];
  let section = "";
  rows.forEach((entry, index) => {
    if (entry.section !== section) {
      section = entry.section;
      out.push(`${section}`);
    }
    out.push(line(body[index]!));
  });
  return out.join("\n");
}

/** The same table as Markdown, for pasting into the README. */
export function formatMarkdown(rows: readonly Row[]): string {
  const out = ["| section | metric | unit | ippool | host-local | ratio |", "|---|---|---|---:|---:|---:|"];
  for (const entry of rows) {
    out.push(`| ${entry.section} | ${entry.metric} | ${entry.unit} | ${show(entry.ippool, entry.unit)} | ${show(entry.hostLocal, entry.unit)} | ${entry.ratio === null ? "-" : `${entry.ratio.toFixed(2)}x`} |`);
  }
  return out.join("\n");
}
