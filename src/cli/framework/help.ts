// The text of `ippool --help` and `ippool <command> --help`, built from the command table.
import { GLOBAL_FLAGS } from "./args.js";
import type { CommandSpec, FlagSpec } from "./context.js";

export function mainHelp(commands: Readonly<Record<string, CommandSpec>>): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length), 8);
  return [
    "ippool: IP pools and address allocations of the ippool CNI IPAM plugin.",
    "Run with CNI_COMMAND set, the same executable is the CNI plugin; without it, this operator tool.",
    "",
    "Usage: ippool COMMAND [ARGS] [FLAGS]",
    "",
    "Commands:",
    ...Object.entries(commands).map(([name, spec]) => `  ${name.padEnd(width)}  ${spec.summary}`),
    "",
    "Global flags:",
    ...flagLines(GLOBAL_FLAGS),
    "",
    "TYPE (for get and delete) is the pool resource: ippool, ippools, ipp, ipps, pool or pools; or a node: node, nodes, no or nos (any case).",
    "Run 'ippool COMMAND --help' for a command's flags and examples.",
    "",
  ].join("\n");
}

export function commandHelp(name: string, spec: CommandSpec): string {
  return [
    `ippool ${name}: ${spec.summary}`,
    "",
    "Usage:",
    ...spec.usage.map((line) => `  ippool ${line}`),
    ...(spec.description?.length ? ["", ...spec.description] : []),
    "",
    "Flags:",
    ...flagLines({ ...spec.flags, ...GLOBAL_FLAGS }),
    "",
    "Examples:",
    ...spec.examples.map((line) => `  ${line}`),
    "",
  ].join("\n");
}

function flagLines(flags: Readonly<Record<string, FlagSpec>>): string[] {
  const labels = Object.entries(flags).map(([name, spec]) => {
    const long = `--${name}${spec.type === "string" ? ` ${spec.value ?? "VALUE"}` : ""}`;
    return [spec.short ? `-${spec.short}, ${long}` : `    ${long}`, spec.help] as const;
  });
  const width = Math.max(...labels.map(([label]) => label.length));
  return labels.map(([label, help]) => `  ${label.padEnd(width)}  ${help}`);
}
