// The way out of each kind of damaged document, with the flags that reach the store.
import { describe, expect, it } from "vitest";
import { blocksToRebuild, damagedDocumentAdvice } from "../../src/ipam/damage-advice.js";

const FLAGS = "--data-dir /var/lib/cni/ippool";

describe("damagedDocumentAdvice", () => {
  it("rebuilds a block from the attachment records", () => {
    expect(damagedDocumentAdvice("block/10.22.0.0_16/1", FLAGS)).toBe(
      `rebuild it from the attachment records with 'ippool blocks rebuild 10.22.0.64/26 ${FLAGS}' (every address a record holds stays taken), ` +
        `or put back its newest copy; 'ippool verify ${FLAGS}' lists every problem`,
    );
  });

  it("lets the pools document go and be applied again: it holds no address", () => {
    expect(damagedDocumentAdvice("pools", FLAGS)).toBe(
      "it holds the pool definitions, no address: restore it from a backup, or remove it and apply the pool files again " +
        `with 'ippool apply -f FILE ${FLAGS}'; 'ippool verify ${FLAGS}' lists every problem`,
    );
  });

  it("has an attachment record restored, never removed: its addresses stay taken until then", () => {
    expect(damagedDocumentAdvice("attachment/podnet/ctr-1:eth0", FLAGS)).toBe(
      `restore it from a backup; its addresses stay taken until then; 'ippool verify ${FLAGS}' lists every problem`,
    );
  });

  it("has any other document restored from a backup", () => {
    expect(damagedDocumentAdvice("node/node-a", FLAGS)).toBe(
      `restore it from a backup; 'ippool verify ${FLAGS}' lists every problem`,
    );
  });
});

describe("blocksToRebuild", () => {
  it("names each block a problem is about, or mentions, once", () => {
    expect(
      blocksToRebuild([
        { key: "block/10.22.0.0_16/0", message: "damaged" },
        { key: "node-state/node-a/10.22.0.0_16", message: "lists block/10.22.0.0_16/1 and block/10.22.0.0_16/0" },
        { key: "pools", message: "damaged" },
      ]),
    ).toEqual(["10.22.0.0/26", "10.22.0.64/26"]);
  });
});
