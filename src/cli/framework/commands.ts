// The table of CLI commands: name -> spec. Adding a command is adding one entry here (and its import).
import type { CommandSpec } from "./context.js";
import { applyCommand, createCommand, deleteCommand, getCommand, replaceCommand } from "../resources/resource-verbs.js";
import { allocationsCommand, showCommand } from "../allocations/allocations.js";
import { releaseCommand } from "../allocations/release.js";
import { reclaimCommand } from "../allocations/reclaim.js";
import { usageCommand } from "../allocations/usage.js";
import { blocksCommand } from "../allocations/blocks.js";
import { verifyCommand } from "../allocations/verify.js";
import { nodeCommand } from "../operations/node-register.js";
import { dataplaneCommand } from "../operations/dataplane.js";
import { datastoreCommand } from "../operations/datastore-migrate.js";
import { installCommand } from "../operations/install.js";
import { agentCommand } from "../operations/agent.js";

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
  agent: agentCommand,
};
