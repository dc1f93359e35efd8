"use strict";
var T = Object.create;
var E = Object.defineProperty;
var v = Object.getOwnPropertyDescriptor;
var R = Object.getOwnPropertyNames;
var N = Object.getPrototypeOf,
  P = Object.prototype.hasOwnProperty;
var _ = (n, o, e, r) => {
  if ((o && typeof o == "object") || typeof o == "function")
    for (let s of R(o))
      !P.call(n, s) && s !== e && E(n, s, { get: () => o[s], enumerable: !(r = v(o, s)) || r.enumerable });
  return n;
};
var h = (n, o, e) => (
  (e = n != null ? T(N(n)) : {}), _(o || !n || !n.__esModule ? E(e, "default", { value: n, enumerable: !0 }) : e, n)
);
var g = require("node:fs");
var D = "/run/ippool/agent.sock";
function S(n, o) {
  try {
    let e = JSON.parse(n)?.ipam?.agentSocket;
    if (typeof e == "string" && e !== "") return e;
  } catch {}
  return o.IPPOOL_AGENT_SOCKET || D;
}
async function w(n, o, e, r) {
  let s = {};
  for (let [a, c] of Object.entries(o)) c !== void 0 && (s[a] = c);
  let d = `${JSON.stringify({ v: 1, call: { env: s, stdin: e.toString("base64"), deadline: Date.now() + r } })}
`,
    t = globalThis.Bun,
    i = await (t ? F(t) : I)(n, d, r);
  if (i !== void 0)
    try {
      let a = JSON.parse(i);
      if (a.v !== 1 || !("answer" in a)) return;
      let { stdout: c, exitCode: f, warnings: u } = a.answer;
      return typeof c != "string" || !Number.isInteger(f) || !Array.isArray(u) ? void 0 : a.answer;
    } catch {
      return;
    }
}
function B() {
  let n = [];
  return {
    add(o) {
      let e = Buffer.from(o),
        r = e.indexOf(10);
      if (r < 0) {
        n.push(e);
        return;
      }
      return (n.push(e.subarray(0, r)), Buffer.concat(n).toString("utf8"));
    },
  };
}
var F = (n) => (o, e, r) =>
    new Promise((s) => {
      let d = B(),
        t = Buffer.from(e),
        i,
        a = (u) => {
          clearTimeout(c), i?.end(), s(u);
        },
        c = setTimeout(() => a(void 0), r),
        f = (u) => {
          let m = u.write(t);
          t = t.subarray(Math.max(m, 0));
        };
      n.connect({
        unix: o,
        socket: {
          open(u) {
            (i = u), f(u);
          },
          drain: (u) => (t.length > 0 ? f(u) : void 0),
          data(u, m) {
            let b = d.add(m);
            b !== void 0 && a(b);
          },
          close: () => a(void 0),
          error: () => a(void 0),
          connectError: () => a(void 0),
        },
      }).catch(() => a(void 0));
    }),
  I = async (n, o, e) => {
    let { createConnection: r } = await import("node:net");
    return new Promise((s) => {
      let d = B(),
        t = r(n),
        i = (c) => {
          clearTimeout(a), t.destroy(), s(c);
        },
        a = setTimeout(() => i(void 0), e);
      t.on("connect", () => t.write(o)),
        t.on("data", (c) => {
          let f = d.add(c);
          f !== void 0 && i(f);
        }),
        t.on("error", () => i(void 0)),
        t.on("close", () => i(void 0));
    });
  };
var p = require("node:fs");
var l = class n extends Error {
  constructor(e, r) {
    super(e);
    this.details = r;
  }
  static [Symbol.hasInstance](e) {
    return this !== n
      ? Function.prototype[Symbol.hasInstance].call(this, e)
      : typeof e == "object" && e !== null && e.isFailure === !0;
  }
  isFailure = !0;
};
var x = {
    incompatibleVersion: 1,
    unsupportedField: 2,
    unknownContainer: 3,
    invalidEnvironment: 4,
    ioFailure: 5,
    decodeFailure: 6,
    invalidConfig: 7,
    tryAgainLater: 11,
    pluginNotAvailable: 50,
    poolExhausted: 100,
    addressUnavailable: 101,
    addressOutsidePools: 102,
    noUsablePool: 103,
    storeDamaged: 104,
    checkMismatch: 105,
    internal: 999,
  },
  y = class extends l {
    constructor(e, r, s) {
      super(r, s);
      this.code = e;
      this.name = "CniError";
    }
    static [Symbol.hasInstance](e) {
      return typeof e == "object" && e !== null && e.isCniError === !0;
    }
    isCniError = !0;
  };
var C = 4 * 1024 * 1024,
  U = 0;
function M(n) {
  try {
    return (0, p.fstatSync)(n).isCharacterDevice();
  } catch {
    return !1;
  }
}
async function A(n, o, e = U) {
  if (M(e)) return Buffer.alloc(0);
  let r = [],
    s = 0,
    d = (i) => {
      if (((s += i.length), s > n))
        throw new y(x.decodeFailure, `input on stdin is larger than ${n / 1024 / 1024} MiB`, o);
      r.push(i);
    },
    t = Buffer.allocUnsafe(64 * 1024);
  for (;;) {
    let i;
    try {
      i = (0, p.readSync)(e, t, 0, t.length, null);
    } catch (a) {
      let c = a.code;
      if (c === "EOF" || c === "EBADF") break;
      if (c !== "EAGAIN") throw a;
      for await (let f of process.stdin) d(f);
      break;
    }
    if (i === 0) break;
    d(Buffer.from(t.subarray(0, i)));
  }
  return Buffer.concat(r);
}
var q = 1,
  O = 2;
async function V() {
  let n = process.env.CNI_COMMAND;
  if (!(n !== void 0 && !(n === "" && process.argv.length > 2)))
    return (await import("./ippool-in-process.cjs")).runCliInProcess();
  let e = (t) =>
      (0, g.writeSync)(
        O,
        `ippool: warning: ${t}
`,
      ),
    r,
    s;
  try {
    r = await A(C, "a network config is a few KiB");
  } catch (t) {
    s = t;
  }
  if (r !== void 0) {
    let t = S(r.toString("utf8"), process.env),
      i = await w(t, process.env, r, G());
    if (i !== void 0) {
      for (let a of i.warnings) e(a);
      return ((0, g.writeSync)(q, i.stdout), i.exitCode);
    }
  }
  let d = async () => {
    if (r === void 0) throw s;
    return r.toString("utf8");
  };
  return (await import("./ippool-in-process.cjs")).runPluginInProcess(d, e);
}
function G() {
  let n = Number(process.env.IPPOOL_AGENT_TIMEOUT);
  return (Number.isFinite(n) && n > 0 ? n : 10) * 1e3;
}
V().then(
  (n) => {
    process.exitCode = n;
  },
  (n) => {
    (0, g.writeSync)(
      O,
      `ippool: internal error: ${n?.stack ?? String(n)}
`,
    ),
      (process.exitCode = 2);
  },
);
