// Unit tests of the CNI_* environment checks, which follow libcni's rules.
import { describe, expect, it } from "vitest";
import { parseCniEnv } from "../../src/cni/env.js";
import { thrownCniError } from "./support.js";

const base = {
  CNI_COMMAND: "ADD",
  CNI_CONTAINERID: "ctr-1",
  CNI_NETNS: "/var/run/netns/x",
  CNI_IFNAME: "eth0",
  CNI_PATH: "/opt/cni/bin",
};

const envError = (env: Record<string, string | undefined>) => thrownCniError(() => parseCniEnv(env));

describe("parseCniEnv", () => {
  it("reads a complete ADD environment; CNI_ARGS defaults to empty", () => {
    expect(parseCniEnv(base)).toEqual({
      command: "ADD",
      containerId: "ctr-1",
      netns: "/var/run/netns/x",
      ifname: "eth0",
      args: "",
      path: "/opt/cni/bin",
    });
  });

  it.each([
    ["ADD", "CNI_CONTAINERID"],
    ["ADD", "CNI_NETNS"],
    ["ADD", "CNI_IFNAME"],
    ["ADD", "CNI_PATH"],
    ["CHECK", "CNI_NETNS"],
    ["DEL", "CNI_CONTAINERID"],
    ["DEL", "CNI_IFNAME"],
    ["ADD", "CNI_COMMAND"],
  ])("%s without %s is code 4 naming the variable", (command, name) => {
    const error = envError({ ...base, CNI_COMMAND: command, [name]: undefined });
    expect(error.code).toBe(4);
    expect(error.message).toContain(name);
  });

  it("lets DEL run without CNI_NETNS (the namespace may be gone) and VERSION/GC/STATUS without any container", () => {
    expect(parseCniEnv({ ...base, CNI_COMMAND: "DEL", CNI_NETNS: undefined }).command).toBe("DEL");
    for (const command of ["VERSION", "GC", "STATUS"])
      expect(parseCniEnv({ CNI_COMMAND: command }).command).toBe(command);
  });

  it("rejects an unknown command with code 4", () => {
    expect(envError({ ...base, CNI_COMMAND: "UPDATE" }).code).toBe(4);
  });

  it.each(["ctr-1", "a", "0abc", "A.b_c-d", "x".repeat(200)])("accepts container id %j", (id) => {
    expect(parseCniEnv({ ...base, CNI_CONTAINERID: id }).containerId).toBe(id);
  });

  it.each(["-ctr", ".ctr", "_ctr", "ctr/1", "ctr:1", "ctr 1", "ctr\n"])("rejects container id %j with code 4", (id) => {
    const error = envError({ ...base, CNI_CONTAINERID: id });
    expect(error.code).toBe(4);
    expect(error.message).toContain("CNI_CONTAINERID");
  });

  it.each(["eth0", "e", "x".repeat(15), "net1.100", "veth-a_b"])("accepts ifname %j", (name) => {
    expect(parseCniEnv({ ...base, CNI_IFNAME: name }).ifname).toBe(name);
  });

  it.each(["x".repeat(16), ".", "..", "eth/0", "eth:0", "eth 0", "eth\t0"])("rejects ifname %j with code 4", (name) => {
    const error = envError({ ...base, CNI_IFNAME: name });
    expect(error.code).toBe(4);
    expect(error.message).toContain("CNI_IFNAME");
  });

  it("rejects an empty ifname as missing", () => {
    expect(envError({ ...base, CNI_IFNAME: "" }).message).toContain("CNI_IFNAME");
  });
});
