// What a resource kind tells the resource verbs (resource-verbs.ts): its words, its documents, its stored form, its checks.
import type { StoreReader, StoreTxn } from "../../store/store.js";

export type Verb = "create" | "apply" | "replace" | "delete";

/** A resource a command acts on: from a file, or named on the command line (delete). */
export interface Target<T> {
  readonly id: string;
  /** The new resource; absent for delete by name. */
  readonly resource?: T;
  /** Prefixes its messages ("pools.yaml: document 2"); "" for a name on the command line. */
  readonly where: string;
  /** "document 2", to name it in a message about another document of the same file. */
  readonly document?: string;
}

export interface DeleteFlags {
  /** Delete a resource that still holds allocations. */
  readonly force: boolean;
  /** With a node: hand its empty blocks back too, so other nodes may claim them. */
  readonly releaseBlocks: boolean;
}

/** Why a stored resource should not be deleted: the error without --force, the warning with it. */
export interface Holding {
  readonly refusal: string;
  readonly warning: string;
}

/**
 * The resources of one kind as one transaction sees and changes them. Opened only when a command
 * has resources of the kind, so a command about pools reads nothing of nodes, and the reverse.
 */
export interface StoredResources<T> {
  /** The stored one, as this transaction has changed it so far. */
  find(id: string): Promise<T | undefined>;
  write(resource: T): void;
  /** What keeps a stored one from being deleted without --force; nothing, for a kind that never holds addresses. */
  holds?(id: string): Promise<Holding | undefined>;
  /** Deletes a stored one; returns lines for stdout after the results (what --release-blocks handed back). */
  remove(id: string): Promise<readonly string[]>;
  /**
   * The set the file leaves after create, apply or replace: an error rejects the whole file,
   * warnings are returned. `written` lists every resource that is now as its file says.
   */
  check?(written: readonly Target<T>[]): Promise<readonly string[]>;
  /** After the last target: a kind stored as one document (the pool list) writes it here, once. */
  close?(): void;
}

/*
 * Members taking a T are methods, not function-typed properties: TypeScript checks method
 * parameters bivariantly, so the descriptor of each kind fits the list of every kind
 * (ResourceDescriptor<unknown>) while each descriptor is checked against its own type.
 */
export interface ResourceDescriptor<T> {
  /** As documents and messages name the kind ("ipPool"). */
  readonly kind: string;
  /** The TYPE words of get and delete, in lower case; the command line may give them in any case. */
  readonly aliases: readonly string[];
  /** How a file's message names one ("pool 10.22.0.0/16 is also given in document 1"), and the field that holds its identity. */
  readonly noun: string;
  readonly idField: string;
  /** The commands that add one, for the error of a replace that finds none. */
  readonly addWith: string;
  /** The usage error of 'delete TYPE' without any name. */
  readonly deleteNeedsName: string;
  /** Validates a document of a file; `where` names it in messages. */
  parse(document: unknown, where: string): { resource: T; warnings: readonly string[] };
  /** The canonical identity from a command-line argument, or a UsageError for `command`. */
  idArgument(text: string, command: string): string;
  idOf(resource: T): string;
  /** The v1 document with every default written out: get prints it, and two resources are the same when theirs are. */
  toDocument(resource: T): unknown;
  /** In the command's one transaction, before its first target: what the kind's checks for `verb` read up front. */
  open(txn: StoreTxn, verb: Verb, flags: DeleteFlags): Promise<StoredResources<T>>;
  /** Every stored one, in the order get lists them. */
  readAll(reader: StoreReader): Promise<T[]>;
  /** The table of get (-o ps, or -o wide with `wide`); `reader` is the read that found them, for columns of state. */
  table(
    resources: readonly T[],
    wide: boolean,
    reader: StoreReader,
  ): Promise<{ headers: readonly string[]; rows: readonly (readonly string[])[] }>;
}

/** Equal documents: what apply reports "unchanged" and need not write. */
export const sameResource = <T>(descriptor: ResourceDescriptor<T>, a: T, b: T): boolean =>
  JSON.stringify(descriptor.toDocument(a)) === JSON.stringify(descriptor.toDocument(b));
