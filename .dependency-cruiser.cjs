// The import rules of docs/architecture.md, checked by `npm test` (npm run lint:imports).
// Each folder may import only the folders listed for it; everything else in src/ is forbidden, and so is any cycle.
const allowed = {
  "src/failure.ts": [],
  "src/errors.ts": ["src/failure.ts"],
  "src/validation.ts": [],
  "src/error-mapping.ts": [
    "src/errors.ts",
    "src/failure.ts",
    "src/store/store-error.ts",
    "src/system/tool-error.ts",
    "src/dataplane/dataplane-error.ts",
  ],
  "src/alloc/": ["src/errors.ts", "src/failure.ts"],
  // The store, the host's tools and the dataplane throw their own errors, never a CniError.
  "src/system/": ["src/failure.ts"],
  "src/pool/": ["src/alloc/", "src/errors.ts", "src/failure.ts", "src/validation.ts"],
  "src/node/": ["src/alloc/", "src/system/", "src/errors.ts", "src/failure.ts", "src/validation.ts"],
  "src/store/": ["src/failure.ts", "src/validation.ts"],
  "src/cni/": ["src/alloc/", "src/pool/", "src/node/", "src/errors.ts", "src/failure.ts", "src/validation.ts"],
  "src/ipam/": [
    "src/store/",
    "src/pool/",
    "src/node/",
    "src/alloc/",
    "src/errors.ts",
    "src/failure.ts",
    "src/validation.ts",
  ],
  "src/dataplane/": ["src/pool/", "src/node/", "src/alloc/", "src/system/", "src/failure.ts"],
  // The exec'd plugin loads these two before anything else: they must stay free of the allocator, zod and the store.
  "src/agent/protocol.ts": [],
  "src/agent/forward.ts": ["src/agent/protocol.ts"],
  "src/agent/": [
    "src/plugin/",
    "src/dataplane/",
    "src/ipam/",
    "src/store/",
    "src/pool/",
    "src/node/",
    "src/alloc/",
    "src/system/",
    "src/errors.ts",
    "src/failure.ts",
  ],
  "src/plugin/": [
    "src/cni/",
    "src/ipam/",
    "src/store/",
    "src/pool/",
    "src/node/",
    "src/alloc/",
    "src/errors.ts",
    "src/failure.ts",
    "src/error-mapping.ts",
    "src/validation.ts",
  ],
  "src/cli/": [
    "src/agent/",
    "src/cni/",
    "src/dataplane/",
    "src/ipam/",
    "src/store/",
    "src/pool/",
    "src/node/",
    "src/alloc/",
    "src/system/",
    "src/errors.ts",
    "src/failure.ts",
    "src/error-mapping.ts",
    "src/validation.ts",
  ],
  // The executable's first step loads only what forwarding to the agent needs.
  "src/main.ts": ["src/agent/forward.ts", "src/agent/protocol.ts", "src/stdin.ts", "src/in-process.ts"],
  "src/in-process.ts": ["src/plugin/", "src/cli/", "src/stdin.ts"],
  "src/stdin.ts": ["src/errors.ts", "src/failure.ts"],
};

const escape = (path) => path.replace(/[.]/g, "\\.");
const layerRules = Object.entries(allowed).map(([from, to]) => ({
  name: `layer ${from}`,
  comment: `${from} may import only ${to.length > 0 ? to.join(", ") : "nothing of src/"} (docs/architecture.md)`,
  severity: "error",
  from: { path: `^${escape(from)}` },
  to: { path: "^src/", pathNot: [`^${escape(from)}`, ...to.map((path) => `^${escape(path)}`)] },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: "no-circular",
      comment: "no cycle between files (and so none between folders)",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    { name: "not-to-unresolvable", severity: "error", from: {}, to: { couldNotResolve: true } },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: [".ts", ".js"] },
  },
};
