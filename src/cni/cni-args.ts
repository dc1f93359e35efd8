// CNI_ARGS ("K=V;K2=V2"): the keys ippool reads, and the IgnoreUnknown convention.
import { CniError, ErrorCode } from "../errors.js";

export interface CniArgs {
  /** Addresses asked for with IP= (comma-separated, as host-local accepts). */
  readonly ips: string[];
  /** Kubernetes' pod identity, kept with the allocation so operators see who holds it. */
  readonly podNamespace?: string;
  readonly podName?: string;
}

const KUBERNETES_KEYS = ["K8S_POD_NAMESPACE", "K8S_POD_NAME", "K8S_POD_INFRA_CONTAINER_ID", "K8S_POD_UID"];

export function parseCniArgs(text: string): CniArgs {
  const pairs = new Map<string, string>();
  for (const part of text.split(";")) {
    if (part === "") continue;
    const equals = part.indexOf("=");
    if (equals <= 0) {
      throw new CniError(
        ErrorCode.invalidEnvironment,
        `invalid CNI_ARGS pair ${JSON.stringify(part)}`,
        "expected KEY=VALUE pairs separated by ';'",
      );
    }
    pairs.set(part.slice(0, equals), part.slice(equals + 1));
  }
  const ignoreUnknown = /^(1|true)$/i.test(pairs.get("IgnoreUnknown") ?? "");
  const unknown = [...pairs.keys()].filter(
    (key) => key !== "IgnoreUnknown" && key !== "IP" && !KUBERNETES_KEYS.includes(key),
  );
  if (unknown.length > 0 && !ignoreUnknown) {
    throw new CniError(
      ErrorCode.invalidEnvironment,
      `unknown CNI_ARGS key ${unknown.join(", ")}`,
      "ippool reads IP and K8S_POD_*; add IgnoreUnknown=1 to pass other keys",
    );
  }
  const ip = pairs.get("IP");
  return {
    ips: ip ? ip.split(",").filter((entry) => entry !== "") : [],
    podNamespace: pairs.get("K8S_POD_NAMESPACE"),
    podName: pairs.get("K8S_POD_NAME"),
  };
}
