// The table of CLI commands: name -> spec. Adding a command is adding one entry here (and its import).
import type { CommandSpec } from "./context.js";
import { applyCommand, createCommand, deleteCommand, replaceCommand } from "./pool-commands.js";
import { getCommand } from "./get-command.js";
import { allocationsCommand, showCommand } from "./allocation-commands.js";
import { releaseCommand } from "./release-command.js";
import { reclaimCommand } from "./reclaim-command.js";
import { usageCommand } from "./usage-command.js";
import { blocksCommand } from "./blocks-command.js";
import { verifyCommand } from "./verify-command.js";
import { nodeCommand } from "./node-command.js";
import { dataplaneCommand } from "./dataplane-command.js";
import { datastoreCommand } from "./datastore-command.js";
import { installCommand } from "./install-command.js";

/** In the order `ippool --help` lists them. */
export const COMMANDS: Readonly<Record<string, CommandSpec>> = {
  create: createCommand,
  apply: applyCommand,
  replace: replaceCommand,
  get: getCommand,
  delete: deleteCommand,
  allocations: allocationsCommand,
  show: showCommand,
  release: releaseCommand,
  reclaim: reclaimCommand,
  usage: usageCommand,
  blocks: blocksCommand,
  verify: verifyCommand,
  node: nodeCommand,
  dataplane: dataplaneCommand,
  datastore: datastoreCommand,
  install: installCommand,
};
