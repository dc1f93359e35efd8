// Unit tests of CNI_ARGS parsing: the keys ippool reads and the IgnoreUnknown convention.
import { describe, expect, it } from "vitest";
import { parseCniArgs } from "../../src/cni/cni-args.js";
import { thrownCniError } from "./support.js";

describe("parseCniArgs", () => {
  it.each([
    ["", { ips: [] }],
    ["IP=10.1.0.5", { ips: ["10.1.0.5"] }],
    ["IP=10.1.0.5,fd00::5", { ips: ["10.1.0.5", "fd00::5"] }],
    ["IP=", { ips: [] }],
    [";IP=10.1.0.5;", { ips: ["10.1.0.5"] }],
    [
      "IgnoreUnknown=1;K8S_POD_NAMESPACE=default;K8S_POD_NAME=web-0;K8S_POD_INFRA_CONTAINER_ID=abc;K8S_POD_UID=u1",
      { ips: [], podNamespace: "default", podName: "web-0" },
    ],
    ["K8S_POD_NAMESPACE=kube-system;K8S_POD_NAME=dns", { ips: [], podNamespace: "kube-system", podName: "dns" }],
    ["IgnoreUnknown=1;FOO=bar;IP=10.0.0.9", { ips: ["10.0.0.9"] }],
    ["IgnoreUnknown=true;FOO=bar", { ips: [] }],
    // A value may itself contain '=': only the first one splits.
    ["IgnoreUnknown=1;LABEL=a=b", { ips: [] }],
  ])("reads %j", (text, expected) => {
    expect(parseCniArgs(text)).toEqual({ podNamespace: undefined, podName: undefined, ...expected });
  });

  it.each([
    ["FOO=bar", "unknown CNI_ARGS key FOO"],
    ["IgnoreUnknown=0;FOO=bar;BAZ=1", "unknown CNI_ARGS key FOO, BAZ"],
    ["IP", 'invalid CNI_ARGS pair "IP"'],
    ["=10.1.0.5", 'invalid CNI_ARGS pair "=10.1.0.5"'],
  ])("rejects %j with code 4", (text, message) => {
    const error = thrownCniError(() => parseCniArgs(text));
    expect(error.code).toBe(4);
    expect(error.message).toBe(message);
  });
});
