// deploy/daemonset.yaml as the deploy suites read it: the tests run the commands it holds, never copies of them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { REPO_ROOT } from "../helpers/ippool.js";

export const DAEMONSET_FILE = join(REPO_ROOT, "deploy/daemonset.yaml");

export interface VolumeMount {
  readonly name: string;
  readonly mountPath: string;
  readonly readOnly?: boolean;
}

export interface Container {
  readonly name: string;
  readonly command: readonly string[];
  readonly args?: readonly string[];
  readonly volumeMounts?: readonly VolumeMount[];
  readonly livenessProbe?: { readonly exec: { readonly command: readonly string[] } };
  readonly readinessProbe?: { readonly exec: { readonly command: readonly string[] } };
  readonly securityContext?: {
    readonly readOnlyRootFilesystem?: boolean;
    readonly capabilities?: { readonly add?: readonly string[]; readonly drop?: readonly string[] };
  };
}

export interface Volume {
  readonly name: string;
  readonly hostPath?: { readonly path: string };
  readonly configMap?: { readonly name: string };
  readonly secret?: { readonly secretName: string; readonly optional?: boolean };
}

export interface Manifest {
  /** Every document of the file, by kind. */
  readonly documents: ReadonlyMap<string, Record<string, any>>;
  readonly installContainer: Container;
  readonly agentContainer: Container;
  readonly volumes: readonly Volume[];
  /** The ConfigMap's files, by key. */
  readonly configFiles: Readonly<Record<string, string>>;
}

export function readManifest(): Manifest {
  const documents = new Map<string, Record<string, any>>();
  for (const document of parseAllDocuments(readFileSync(DAEMONSET_FILE, "utf8"))) {
    if (document.errors.length > 0) throw new Error(`${DAEMONSET_FILE}: ${document.errors[0]?.message}`);
    const value = document.toJS() as Record<string, any>;
    documents.set(value.kind, value);
  }
  const pod = documents.get("DaemonSet")?.spec.template.spec;
  if (!pod) throw new Error(`${DAEMONSET_FILE} holds no DaemonSet`);
  return {
    documents,
    installContainer: pod.initContainers[0],
    agentContainer: pod.containers[0],
    volumes: pod.volumes,
    configFiles: documents.get("ConfigMap")?.data ?? {},
  };
}

/** What Kubernetes runs: the command followed by the args. */
export const argvOf = (container: Container): string[] => [...container.command, ...(container.args ?? [])];
