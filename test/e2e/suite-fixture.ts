// The per-suite fixture of the e2e suites: a namespace lab, a CNI_PATH holding ippool, a data dir, all removed afterwards.
import { afterAll, beforeAll } from "vitest";
import { tempDir } from "../helpers/ippool.js";
import { pluginDirWithIppool } from "./cni-runtime.js";
import { NetnsLab } from "./netns.js";

export interface E2eSuite {
  readonly lab: NetnsLab;
  /** Set in beforeAll. */
  bin: ReturnType<typeof pluginDirWithIppool>;
  /** Set in beforeAll. */
  data: ReturnType<typeof tempDir>;
}

/** Registers the suite's set-up and a clean-up that runs even when a test failed. */
export function useE2eSuite(tag: string, name: string): E2eSuite {
  const suite = { lab: new NetnsLab(tag) } as E2eSuite;
  beforeAll(() => {
    suite.bin = pluginDirWithIppool();
    suite.data = tempDir(`ippool-e2e-${name}-`);
  });
  afterAll(async () => {
    await suite.lab.cleanup();
    suite.bin?.remove();
    suite.data?.remove();
  });
  return suite;
}
