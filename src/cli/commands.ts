// The table of CLI commands: name -> spec. Adding a command is adding one entry here (and its import).
import type { CommandSpec } from "./context.js";

/** In the order `ippool --help` lists them. */
export const COMMANDS: Readonly<Record<string, CommandSpec>> = {};
