"use strict";
var Yl = Object.create;
var Kt = Object.defineProperty;
var Xl = Object.getOwnPropertyDescriptor;
var Ql = Object.getOwnPropertyNames;
var ec = Object.getPrototypeOf,
  tc = Object.prototype.hasOwnProperty;
var y = (e, t) => () => (e && (t = e((e = 0))), t);
var se = (e, t) => () => (t || e((t = { exports: {} }).exports, t), t.exports),
  Jr = (e, t) => {
    for (var r in t) Kt(e, r, { get: t[r], enumerable: !0 });
  },
  mi = (e, t, r, n) => {
    if ((t && typeof t == "object") || typeof t == "function")
      for (let i of Ql(t))
        !tc.call(e, i) && i !== r && Kt(e, i, { get: () => t[i], enumerable: !(n = Xl(t, i)) || n.enumerable });
    return e;
  };
var yt = (e, t, r) => (
    (r = e != null ? Yl(ec(e)) : {}),
    mi(t || !e || !e.__esModule ? Kt(r, "default", { value: e, enumerable: !0 }) : r, e)
  ),
  rc = (e) => mi(Kt({}, "__esModule", { value: !0 }), e);
var O,
  _e,
  q = y(() => {
    "use strict";
    (O = class extends Error {
      constructor(r, n, i) {
        super(n);
        this.reason = r;
        this.details = i;
        this.name = "StoreError";
      }
    }),
      (_e = (e) => e instanceof O && e.reason === "damaged");
  });
function _(e, t, r) {
  function n(a, c) {
    var u;
    Object.defineProperty(a, "_zod", { value: a._zod ?? {}, enumerable: !1 }),
      (u = a._zod).traits ?? (u.traits = new Set()),
      a._zod.traits.add(e),
      t(a, c);
    for (let f in s.prototype) f in a || Object.defineProperty(a, f, { value: s.prototype[f].bind(a) });
    (a._zod.constr = s), (a._zod.def = c);
  }
  let i = r?.Parent ?? Object;
  class o extends i {}
  Object.defineProperty(o, "name", { value: e });
  function s(a) {
    var c;
    let u = r?.Parent ? new o() : this;
    n(u, a), (c = u._zod).deferred ?? (c.deferred = []);
    for (let f of u._zod.deferred) f();
    return u;
  }
  return (
    Object.defineProperty(s, "init", { value: n }),
    Object.defineProperty(s, Symbol.hasInstance, {
      value: (a) => (r?.Parent && a instanceof r.Parent ? !0 : a?._zod?.traits?.has(e)),
    }),
    Object.defineProperty(s, "name", { value: e }),
    s
  );
}
function Q(e) {
  return (e && Object.assign(Gr, e), Gr);
}
var fc,
  pc,
  le,
  Yt,
  Gr,
  We = y(() => {
    fc = Object.freeze({ status: "aborted" });
    (pc = Symbol("zod_brand")),
      (le = class extends Error {
        constructor() {
          super("Encountered Promise during synchronous parse. Use .parseAsync() instead.");
        }
      }),
      (Yt = class extends Error {
        constructor(t) {
          super(`Encountered unidirectional transform during encode: ${t}`), (this.name = "ZodEncodeError");
        }
      }),
      (Gr = {});
  });
var $ = {};
Jr($, {
  BIGINT_FORMAT_RANGES: () => zi,
  Class: () => Yr,
  NUMBER_FORMAT_RANGES: () => tn,
  aborted: () => Ce,
  allowsEval: () => Ni,
  assert: () => yc,
  assertEqual: () => mc,
  assertIs: () => gc,
  assertNever: () => vc,
  assertNotEqual: () => hc,
  assignProp: () => ke,
  base64ToUint8Array: () => Ai,
  base64urlToUint8Array: () => jc,
  cached: () => wt,
  captureStackTrace: () => er,
  cleanEnum: () => Cc,
  cleanRegex: () => $t,
  clone: () => W,
  cloneDef: () => wc,
  createTransparentProxy: () => Ic,
  defineLazy: () => T,
  esc: () => Ei,
  escapeRegex: () => Ye,
  extend: () => Oc,
  finalizeIssue: () => ee,
  floatSafeRemainder: () => Ii,
  getElementAtPath: () => $c,
  getEnumValues: () => Xt,
  getLengthableOrigin: () => tr,
  getParsedType: () => Sc,
  getSizableOrigin: () => Ti,
  hexToUint8Array: () => Rc,
  isObject: () => Ge,
  isPlainObject: () => He,
  issue: () => rr,
  joinValues: () => E,
  jsonStringifyReplacer: () => Xr,
  merge: () => zc,
  mergeDefs: () => xe,
  normalizeParams: () => F,
  nullish: () => Qt,
  numKeys: () => xc,
  objectClone: () => bc,
  omit: () => Nc,
  optionalKeys: () => en,
  partial: () => Tc,
  pick: () => Ec,
  prefixIssues: () => me,
  primitiveTypes: () => Pi,
  promiseAllObject: () => _c,
  propertyKeyTypes: () => Qr,
  randomString: () => kc,
  required: () => Ac,
  safeExtend: () => Pc,
  shallowClone: () => Oi,
  stringifyPrimitive: () => I,
  uint8ArrayToBase64: () => Ci,
  uint8ArrayToBase64url: () => Dc,
  uint8ArrayToHex: () => Mc,
  unwrapMessage: () => bt,
});
function mc(e) {
  return e;
}
function hc(e) {
  return e;
}
function gc(e) {}
function vc(e) {
  throw new Error();
}
function yc(e) {}
function Xt(e) {
  let t = Object.values(e).filter((n) => typeof n == "number");
  return Object.entries(e)
    .filter(([n, i]) => t.indexOf(+n) === -1)
    .map(([n, i]) => i);
}
function E(e, t = "|") {
  return e.map((r) => I(r)).join(t);
}
function Xr(e, t) {
  return typeof t == "bigint" ? t.toString() : t;
}
function wt(e) {
  return {
    get value() {
      {
        let r = e();
        return (Object.defineProperty(this, "value", { value: r }), r);
      }
      throw new Error("cached value already set");
    },
  };
}
function Qt(e) {
  return e == null;
}
function $t(e) {
  let t = e.startsWith("^") ? 1 : 0,
    r = e.endsWith("$") ? e.length - 1 : e.length;
  return e.slice(t, r);
}
function Ii(e, t) {
  let r = (e.toString().split(".")[1] || "").length,
    n = t.toString(),
    i = (n.split(".")[1] || "").length;
  if (i === 0 && /\d?e-\d?/.test(n)) {
    let c = n.match(/\d?e-(\d?)/);
    c?.[1] && (i = Number.parseInt(c[1]));
  }
  let o = r > i ? r : i,
    s = Number.parseInt(e.toFixed(o).replace(".", "")),
    a = Number.parseInt(t.toFixed(o).replace(".", ""));
  return (s % a) / 10 ** o;
}
function T(e, t, r) {
  let n;
  Object.defineProperty(e, t, {
    get() {
      if (n !== Si) return (n === void 0 && ((n = Si), (n = r())), n);
    },
    set(i) {
      Object.defineProperty(e, t, { value: i });
    },
    configurable: !0,
  });
}
function bc(e) {
  return Object.create(Object.getPrototypeOf(e), Object.getOwnPropertyDescriptors(e));
}
function ke(e, t, r) {
  Object.defineProperty(e, t, { value: r, writable: !0, enumerable: !0, configurable: !0 });
}
function xe(...e) {
  let t = {};
  for (let r of e) {
    let n = Object.getOwnPropertyDescriptors(r);
    Object.assign(t, n);
  }
  return Object.defineProperties({}, t);
}
function wc(e) {
  return xe(e._zod.def);
}
function $c(e, t) {
  return t ? t.reduce((r, n) => r?.[n], e) : e;
}
function _c(e) {
  let t = Object.keys(e),
    r = t.map((n) => e[n]);
  return Promise.all(r).then((n) => {
    let i = {};
    for (let o = 0; o < t.length; o++) i[t[o]] = n[o];
    return i;
  });
}
function kc(e = 10) {
  let t = "abcdefghijklmnopqrstuvwxyz",
    r = "";
  for (let n = 0; n < e; n++) r += t[Math.floor(Math.random() * t.length)];
  return r;
}
function Ei(e) {
  return JSON.stringify(e);
}
function Ge(e) {
  return typeof e == "object" && e !== null && !Array.isArray(e);
}
function He(e) {
  if (Ge(e) === !1) return !1;
  let t = e.constructor;
  if (t === void 0) return !0;
  let r = t.prototype;
  return !(Ge(r) === !1 || Object.prototype.hasOwnProperty.call(r, "isPrototypeOf") === !1);
}
function Oi(e) {
  return He(e) ? { ...e } : Array.isArray(e) ? [...e] : e;
}
function xc(e) {
  let t = 0;
  for (let r in e) Object.prototype.hasOwnProperty.call(e, r) && t++;
  return t;
}
function Ye(e) {
  return e.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function W(e, t, r) {
  let n = new e._zod.constr(t ?? e._zod.def);
  return ((!t || r?.parent) && (n._zod.parent = e), n);
}
function F(e) {
  let t = e;
  if (!t) return {};
  if (typeof t == "string") return { error: () => t };
  if (t?.message !== void 0) {
    if (t?.error !== void 0) throw new Error("Cannot specify both `message` and `error` params");
    t.error = t.message;
  }
  return (delete t.message, typeof t.error == "string" ? { ...t, error: () => t.error } : t);
}
function Ic(e) {
  let t;
  return new Proxy(
    {},
    {
      get(r, n, i) {
        return (t ?? (t = e()), Reflect.get(t, n, i));
      },
      set(r, n, i, o) {
        return (t ?? (t = e()), Reflect.set(t, n, i, o));
      },
      has(r, n) {
        return (t ?? (t = e()), Reflect.has(t, n));
      },
      deleteProperty(r, n) {
        return (t ?? (t = e()), Reflect.deleteProperty(t, n));
      },
      ownKeys(r) {
        return (t ?? (t = e()), Reflect.ownKeys(t));
      },
      getOwnPropertyDescriptor(r, n) {
        return (t ?? (t = e()), Reflect.getOwnPropertyDescriptor(t, n));
      },
      defineProperty(r, n, i) {
        return (t ?? (t = e()), Reflect.defineProperty(t, n, i));
      },
    },
  );
}
function I(e) {
  return typeof e == "bigint" ? e.toString() + "n" : typeof e == "string" ? `"${e}"` : `${e}`;
}
function en(e) {
  return Object.keys(e).filter((t) => e[t]._zod.optin === "optional" && e[t]._zod.optout === "optional");
}
function Ec(e, t) {
  let r = e._zod.def,
    n = xe(e._zod.def, {
      get shape() {
        let i = {};
        for (let o in t) {
          if (!(o in r.shape)) throw new Error(`Unrecognized key: "${o}"`);
          t[o] && (i[o] = r.shape[o]);
        }
        return (ke(this, "shape", i), i);
      },
      checks: [],
    });
  return W(e, n);
}
function Nc(e, t) {
  let r = e._zod.def,
    n = xe(e._zod.def, {
      get shape() {
        let i = { ...e._zod.def.shape };
        for (let o in t) {
          if (!(o in r.shape)) throw new Error(`Unrecognized key: "${o}"`);
          t[o] && delete i[o];
        }
        return (ke(this, "shape", i), i);
      },
      checks: [],
    });
  return W(e, n);
}
function Oc(e, t) {
  if (!He(t)) throw new Error("Invalid input to extend: expected a plain object");
  let r = e._zod.def.checks;
  if (r && r.length > 0)
    throw new Error("Object schemas containing refinements cannot be extended. Use `.safeExtend()` instead.");
  let i = xe(e._zod.def, {
    get shape() {
      let o = { ...e._zod.def.shape, ...t };
      return (ke(this, "shape", o), o);
    },
    checks: [],
  });
  return W(e, i);
}
function Pc(e, t) {
  if (!He(t)) throw new Error("Invalid input to safeExtend: expected a plain object");
  let r = {
    ...e._zod.def,
    get shape() {
      let n = { ...e._zod.def.shape, ...t };
      return (ke(this, "shape", n), n);
    },
    checks: e._zod.def.checks,
  };
  return W(e, r);
}
function zc(e, t) {
  let r = xe(e._zod.def, {
    get shape() {
      let n = { ...e._zod.def.shape, ...t._zod.def.shape };
      return (ke(this, "shape", n), n);
    },
    get catchall() {
      return t._zod.def.catchall;
    },
    checks: [],
  });
  return W(e, r);
}
function Tc(e, t, r) {
  let n = xe(t._zod.def, {
    get shape() {
      let i = t._zod.def.shape,
        o = { ...i };
      if (r)
        for (let s in r) {
          if (!(s in i)) throw new Error(`Unrecognized key: "${s}"`);
          r[s] && (o[s] = e ? new e({ type: "optional", innerType: i[s] }) : i[s]);
        }
      else for (let s in i) o[s] = e ? new e({ type: "optional", innerType: i[s] }) : i[s];
      return (ke(this, "shape", o), o);
    },
    checks: [],
  });
  return W(t, n);
}
function Ac(e, t, r) {
  let n = xe(t._zod.def, {
    get shape() {
      let i = t._zod.def.shape,
        o = { ...i };
      if (r)
        for (let s in r) {
          if (!(s in o)) throw new Error(`Unrecognized key: "${s}"`);
          r[s] && (o[s] = new e({ type: "nonoptional", innerType: i[s] }));
        }
      else for (let s in i) o[s] = new e({ type: "nonoptional", innerType: i[s] });
      return (ke(this, "shape", o), o);
    },
    checks: [],
  });
  return W(t, n);
}
function Ce(e, t = 0) {
  if (e.aborted === !0) return !0;
  for (let r = t; r < e.issues.length; r++) if (e.issues[r]?.continue !== !0) return !0;
  return !1;
}
function me(e, t) {
  return t.map((r) => {
    var n;
    return ((n = r).path ?? (n.path = []), r.path.unshift(e), r);
  });
}
function bt(e) {
  return typeof e == "string" ? e : e?.message;
}
function ee(e, t, r) {
  let n = { ...e, path: e.path ?? [] };
  if (!e.message) {
    let i =
      bt(e.inst?._zod.def?.error?.(e)) ??
      bt(t?.error?.(e)) ??
      bt(r.customError?.(e)) ??
      bt(r.localeError?.(e)) ??
      "Invalid input";
    n.message = i;
  }
  return (delete n.inst, delete n.continue, t?.reportInput || delete n.input, n);
}
function Ti(e) {
  return e instanceof Set ? "set" : e instanceof Map ? "map" : e instanceof File ? "file" : "unknown";
}
function tr(e) {
  return Array.isArray(e) ? "array" : typeof e == "string" ? "string" : "unknown";
}
function rr(...e) {
  let [t, r, n] = e;
  return typeof t == "string" ? { message: t, code: "custom", input: r, inst: n } : { ...t };
}
function Cc(e) {
  return Object.entries(e)
    .filter(([t, r]) => Number.isNaN(Number.parseInt(t, 10)))
    .map((t) => t[1]);
}
function Ai(e) {
  let t = atob(e),
    r = new Uint8Array(t.length);
  for (let n = 0; n < t.length; n++) r[n] = t.charCodeAt(n);
  return r;
}
function Ci(e) {
  let t = "";
  for (let r = 0; r < e.length; r++) t += String.fromCharCode(e[r]);
  return btoa(t);
}
function jc(e) {
  let t = e.replace(/-/g, "+").replace(/_/g, "/"),
    r = "=".repeat((4 - (t.length % 4)) % 4);
  return Ai(t + r);
}
function Dc(e) {
  return Ci(e).replace(/\+/g, "-").replace(/\//g, "_").replace(/=/g, "");
}
function Rc(e) {
  let t = e.replace(/^0x/, "");
  if (t.length % 2 !== 0) throw new Error("Invalid hex string length");
  let r = new Uint8Array(t.length / 2);
  for (let n = 0; n < t.length; n += 2) r[n / 2] = Number.parseInt(t.slice(n, n + 2), 16);
  return r;
}
function Mc(e) {
  return Array.from(e)
    .map((t) => t.toString(16).padStart(2, "0"))
    .join("");
}
var Si,
  er,
  Ni,
  Sc,
  Qr,
  Pi,
  tn,
  zi,
  Yr,
  k = y(() => {
    Si = Symbol("evaluating");
    er = "captureStackTrace" in Error ? Error.captureStackTrace : (...e) => {};
    Ni = wt(() => {
      if (typeof navigator < "u" && navigator?.userAgent?.includes("Cloudflare")) return !1;
      try {
        let e = Function;
        return (new e(""), !0);
      } catch {
        return !1;
      }
    });
    (Sc = (e) => {
      let t = typeof e;
      switch (t) {
        case "undefined":
          return "undefined";
        case "string":
          return "string";
        case "number":
          return Number.isNaN(e) ? "nan" : "number";
        case "boolean":
          return "boolean";
        case "function":
          return "function";
        case "bigint":
          return "bigint";
        case "symbol":
          return "symbol";
        case "object":
          return Array.isArray(e)
            ? "array"
            : e === null
              ? "null"
              : e.then && typeof e.then == "function" && e.catch && typeof e.catch == "function"
                ? "promise"
                : typeof Map < "u" && e instanceof Map
                  ? "map"
                  : typeof Set < "u" && e instanceof Set
                    ? "set"
                    : typeof Date < "u" && e instanceof Date
                      ? "date"
                      : typeof File < "u" && e instanceof File
                        ? "file"
                        : "object";
        default:
          throw new Error(`Unknown data type: ${t}`);
      }
    }),
      (Qr = new Set(["string", "number", "symbol"])),
      (Pi = new Set(["string", "number", "bigint", "boolean", "symbol", "undefined"]));
    (tn = {
      safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
      int32: [-2147483648, 2147483647],
      uint32: [0, 4294967295],
      float32: [-34028234663852886e22, 34028234663852886e22],
      float64: [-Number.MAX_VALUE, Number.MAX_VALUE],
    }),
      (zi = {
        int64: [BigInt("-9223372036854775808"), BigInt("9223372036854775807")],
        uint64: [BigInt(0), BigInt("18446744073709551615")],
      });
    Yr = class {
      constructor(...t) {}
    };
  });
var ji,
  Di,
  _t,
  rn = y(() => {
    We();
    k();
    (ji = (e, t) => {
      (e.name = "$ZodError"),
        Object.defineProperty(e, "_zod", { value: e._zod, enumerable: !1 }),
        Object.defineProperty(e, "issues", { value: t, enumerable: !1 }),
        (e.message = JSON.stringify(t, Xr, 2)),
        Object.defineProperty(e, "toString", { value: () => e.message, enumerable: !1 });
    }),
      (Di = _("$ZodError", ji)),
      (_t = _("$ZodError", ji, { Parent: Error }));
  });
var Uc,
  nr,
  Fc,
  ir,
  Bc,
  M,
  Zc,
  kt,
  nn = y(() => {
    We();
    rn();
    k();
    (Uc = (e) => (t, r, n, i) => {
      let o = n ? Object.assign(n, { async: !1 }) : { async: !1 },
        s = t._zod.run({ value: r, issues: [] }, o);
      if (s instanceof Promise) throw new le();
      if (s.issues.length) {
        let a = new (i?.Err ?? e)(s.issues.map((c) => ee(c, o, Q())));
        throw (er(a, i?.callee), a);
      }
      return s.value;
    }),
      (nr = Uc(_t)),
      (Fc = (e) => async (t, r, n, i) => {
        let o = n ? Object.assign(n, { async: !0 }) : { async: !0 },
          s = t._zod.run({ value: r, issues: [] }, o);
        if ((s instanceof Promise && (s = await s), s.issues.length)) {
          let a = new (i?.Err ?? e)(s.issues.map((c) => ee(c, o, Q())));
          throw (er(a, i?.callee), a);
        }
        return s.value;
      }),
      (ir = Fc(_t)),
      (Bc = (e) => (t, r, n) => {
        let i = n ? { ...n, async: !1 } : { async: !1 },
          o = t._zod.run({ value: r, issues: [] }, i);
        if (o instanceof Promise) throw new le();
        return o.issues.length
          ? { success: !1, error: new (e ?? Di)(o.issues.map((s) => ee(s, i, Q()))) }
          : { success: !0, data: o.value };
      }),
      (M = Bc(_t)),
      (Zc = (e) => async (t, r, n) => {
        let i = n ? Object.assign(n, { async: !0 }) : { async: !0 },
          o = t._zod.run({ value: r, issues: [] }, i);
        return (
          o instanceof Promise && (o = await o),
          o.issues.length
            ? { success: !1, error: new e(o.issues.map((s) => ee(s, i, Q()))) }
            : { success: !0, data: o.value }
        );
      }),
      (kt = Zc(_t));
  });
var Vc,
  qc,
  Ri,
  Mi,
  Li,
  Ui,
  or = y(() => {
    (Vc =
      "(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))"),
      (qc = new RegExp(`^${Vc}$`)),
      (Ri = (e) => {
        let t = e ? `[\\s\\S]{${e?.minimum ?? 0},${e?.maximum ?? ""}}` : "[\\s\\S]*";
        return new RegExp(`^${t}$`);
      }),
      (Mi = /^-?\d+$/),
      (Li = /^-?\d+(?:\.\d+)?/),
      (Ui = /^(?:true|false)$/i);
  });
var ce,
  Fi,
  Bi,
  on,
  Zi,
  Vi,
  qi,
  Ki,
  Ji,
  sr = y(() => {
    We();
    or();
    k();
    (ce = _("$ZodCheck", (e, t) => {
      var r;
      e._zod ?? (e._zod = {}), (e._zod.def = t), (r = e._zod).onattach ?? (r.onattach = []);
    })),
      (Fi = { number: "number", bigint: "bigint", object: "date" }),
      (Bi = _("$ZodCheckLessThan", (e, t) => {
        ce.init(e, t);
        let r = Fi[typeof t.value];
        e._zod.onattach.push((n) => {
          let i = n._zod.bag,
            o = (t.inclusive ? i.maximum : i.exclusiveMaximum) ?? Number.POSITIVE_INFINITY;
          t.value < o && (t.inclusive ? (i.maximum = t.value) : (i.exclusiveMaximum = t.value));
        }),
          (e._zod.check = (n) => {
            (t.inclusive ? n.value <= t.value : n.value < t.value) ||
              n.issues.push({
                origin: r,
                code: "too_big",
                maximum: t.value,
                input: n.value,
                inclusive: t.inclusive,
                inst: e,
                continue: !t.abort,
              });
          });
      })),
      (on = _("$ZodCheckGreaterThan", (e, t) => {
        ce.init(e, t);
        let r = Fi[typeof t.value];
        e._zod.onattach.push((n) => {
          let i = n._zod.bag,
            o = (t.inclusive ? i.minimum : i.exclusiveMinimum) ?? Number.NEGATIVE_INFINITY;
          t.value > o && (t.inclusive ? (i.minimum = t.value) : (i.exclusiveMinimum = t.value));
        }),
          (e._zod.check = (n) => {
            (t.inclusive ? n.value >= t.value : n.value > t.value) ||
              n.issues.push({
                origin: r,
                code: "too_small",
                minimum: t.value,
                input: n.value,
                inclusive: t.inclusive,
                inst: e,
                continue: !t.abort,
              });
          });
      })),
      (Zi = _("$ZodCheckNumberFormat", (e, t) => {
        ce.init(e, t), (t.format = t.format || "float64");
        let r = t.format?.includes("int"),
          n = r ? "int" : "number",
          [i, o] = tn[t.format];
        e._zod.onattach.push((s) => {
          let a = s._zod.bag;
          (a.format = t.format), (a.minimum = i), (a.maximum = o), r && (a.pattern = Mi);
        }),
          (e._zod.check = (s) => {
            let a = s.value;
            if (r) {
              if (!Number.isInteger(a)) {
                s.issues.push({ expected: n, format: t.format, code: "invalid_type", continue: !1, input: a, inst: e });
                return;
              }
              if (!Number.isSafeInteger(a)) {
                a > 0
                  ? s.issues.push({
                      input: a,
                      code: "too_big",
                      maximum: Number.MAX_SAFE_INTEGER,
                      note: "Integers must be within the safe integer range.",
                      inst: e,
                      origin: n,
                      continue: !t.abort,
                    })
                  : s.issues.push({
                      input: a,
                      code: "too_small",
                      minimum: Number.MIN_SAFE_INTEGER,
                      note: "Integers must be within the safe integer range.",
                      inst: e,
                      origin: n,
                      continue: !t.abort,
                    });
                return;
              }
            }
            a < i &&
              s.issues.push({
                origin: "number",
                input: a,
                code: "too_small",
                minimum: i,
                inclusive: !0,
                inst: e,
                continue: !t.abort,
              }),
              a > o && s.issues.push({ origin: "number", input: a, code: "too_big", maximum: o, inst: e });
          });
      })),
      (Vi = _("$ZodCheckMaxLength", (e, t) => {
        var r;
        ce.init(e, t),
          (r = e._zod.def).when ??
            (r.when = (n) => {
              let i = n.value;
              return !Qt(i) && i.length !== void 0;
            }),
          e._zod.onattach.push((n) => {
            let i = n._zod.bag.maximum ?? Number.POSITIVE_INFINITY;
            t.maximum < i && (n._zod.bag.maximum = t.maximum);
          }),
          (e._zod.check = (n) => {
            let i = n.value;
            if (i.length <= t.maximum) return;
            let s = tr(i);
            n.issues.push({
              origin: s,
              code: "too_big",
              maximum: t.maximum,
              inclusive: !0,
              input: i,
              inst: e,
              continue: !t.abort,
            });
          });
      })),
      (qi = _("$ZodCheckMinLength", (e, t) => {
        var r;
        ce.init(e, t),
          (r = e._zod.def).when ??
            (r.when = (n) => {
              let i = n.value;
              return !Qt(i) && i.length !== void 0;
            }),
          e._zod.onattach.push((n) => {
            let i = n._zod.bag.minimum ?? Number.NEGATIVE_INFINITY;
            t.minimum > i && (n._zod.bag.minimum = t.minimum);
          }),
          (e._zod.check = (n) => {
            let i = n.value;
            if (i.length >= t.minimum) return;
            let s = tr(i);
            n.issues.push({
              origin: s,
              code: "too_small",
              minimum: t.minimum,
              inclusive: !0,
              input: i,
              inst: e,
              continue: !t.abort,
            });
          });
      })),
      (Ki = _("$ZodCheckStringFormat", (e, t) => {
        var r, n;
        ce.init(e, t),
          e._zod.onattach.push((i) => {
            let o = i._zod.bag;
            (o.format = t.format), t.pattern && (o.patterns ?? (o.patterns = new Set()), o.patterns.add(t.pattern));
          }),
          t.pattern
            ? ((r = e._zod).check ??
              (r.check = (i) => {
                (t.pattern.lastIndex = 0),
                  !t.pattern.test(i.value) &&
                    i.issues.push({
                      origin: "string",
                      code: "invalid_format",
                      format: t.format,
                      input: i.value,
                      ...(t.pattern ? { pattern: t.pattern.toString() } : {}),
                      inst: e,
                      continue: !t.abort,
                    });
              }))
            : ((n = e._zod).check ?? (n.check = () => {}));
      })),
      (Ji = _("$ZodCheckRegex", (e, t) => {
        Ki.init(e, t),
          (e._zod.check = (r) => {
            (t.pattern.lastIndex = 0),
              !t.pattern.test(r.value) &&
                r.issues.push({
                  origin: "string",
                  code: "invalid_format",
                  format: "regex",
                  input: r.value,
                  pattern: t.pattern.toString(),
                  inst: e,
                  continue: !t.abort,
                });
          });
      }));
  });
var sn = y(() => {});
var Gi,
  an = y(() => {
    Gi = { major: 4, minor: 1, patch: 12 };
  });
function Hi(e, t, r) {
  e.issues.length && t.issues.push(...me(r, e.issues)), (t.value[r] = e.value);
}
function lr(e, t, r, n) {
  e.issues.length && t.issues.push(...me(r, e.issues)),
    e.value === void 0 ? r in n && (t.value[r] = void 0) : (t.value[r] = e.value);
}
function Kc(e) {
  let t = Object.keys(e.shape);
  for (let n of t)
    if (!e.shape?.[n]?._zod?.traits?.has("$ZodType"))
      throw new Error(`Invalid element at key "${n}": expected a Zod schema`);
  let r = en(e.shape);
  return { ...e, keys: t, keySet: new Set(t), numKeys: t.length, optionalKeys: new Set(r) };
}
function Jc(e, t, r, n, i, o) {
  let s = [],
    a = i.keySet,
    c = i.catchall._zod,
    u = c.def.type;
  for (let f of Object.keys(t)) {
    if (a.has(f)) continue;
    if (u === "never") {
      s.push(f);
      continue;
    }
    let x = c.run({ value: t[f], issues: [] }, n);
    x instanceof Promise ? e.push(x.then((h) => lr(h, r, f, t))) : lr(x, r, f, t);
  }
  return (
    s.length && r.issues.push({ code: "unrecognized_keys", keys: s, input: t, inst: o }),
    e.length ? Promise.all(e).then(() => r) : r
  );
}
function Yi(e, t, r, n) {
  for (let o of e) if (o.issues.length === 0) return ((t.value = o.value), t);
  let i = e.filter((o) => !Ce(o));
  return i.length === 1
    ? ((t.value = i[0].value), i[0])
    : (t.issues.push({
        code: "invalid_union",
        input: t.value,
        inst: r,
        errors: e.map((o) => o.issues.map((s) => ee(s, n, Q()))),
      }),
      t);
}
function Xi(e, t) {
  return e.issues.length && t === void 0 ? { issues: [], value: void 0 } : e;
}
function Qi(e, t) {
  return (e.value === void 0 && (e.value = t.defaultValue), e);
}
function ar(e, t, r) {
  return e.issues.length ? ((e.aborted = !0), e) : t._zod.run({ value: e.value, issues: e.issues }, r);
}
function eo(e, t, r, n) {
  if (!e) {
    let i = { code: "custom", input: r, inst: n, path: [...(n._zod.def.path ?? [])], continue: !n._zod.def.abort };
    n._zod.def.params && (i.params = n._zod.def.params), t.issues.push(rr(i));
  }
}
var A,
  ln,
  cn,
  to,
  un,
  ro,
  no,
  io,
  oo,
  dn,
  so,
  ao,
  lo,
  co,
  uo,
  fo,
  po,
  mo,
  ho,
  go,
  vo,
  yo,
  fn = y(() => {
    sr();
    We();
    sn();
    nn();
    or();
    k();
    an();
    k();
    (A = _("$ZodType", (e, t) => {
      var r;
      e ?? (e = {}), (e._zod.def = t), (e._zod.bag = e._zod.bag || {}), (e._zod.version = Gi);
      let n = [...(e._zod.def.checks ?? [])];
      e._zod.traits.has("$ZodCheck") && n.unshift(e);
      for (let i of n) for (let o of i._zod.onattach) o(e);
      if (n.length === 0)
        (r = e._zod).deferred ?? (r.deferred = []),
          e._zod.deferred?.push(() => {
            e._zod.run = e._zod.parse;
          });
      else {
        let i = (s, a, c) => {
            let u = Ce(s),
              f;
            for (let x of a) {
              if (x._zod.def.when) {
                if (!x._zod.def.when(s)) continue;
              } else if (u) continue;
              let h = s.issues.length,
                l = x._zod.check(s);
              if (l instanceof Promise && c?.async === !1) throw new le();
              if (f || l instanceof Promise)
                f = (f ?? Promise.resolve()).then(async () => {
                  await l, s.issues.length !== h && (u || (u = Ce(s, h)));
                });
              else {
                if (s.issues.length === h) continue;
                u || (u = Ce(s, h));
              }
            }
            return f ? f.then(() => s) : s;
          },
          o = (s, a, c) => {
            if (Ce(s)) return ((s.aborted = !0), s);
            let u = i(a, n, c);
            if (u instanceof Promise) {
              if (c.async === !1) throw new le();
              return u.then((f) => e._zod.parse(f, c));
            }
            return e._zod.parse(u, c);
          };
        e._zod.run = (s, a) => {
          if (a.skipChecks) return e._zod.parse(s, a);
          if (a.direction === "backward") {
            let u = e._zod.parse({ value: s.value, issues: [] }, { ...a, skipChecks: !0 });
            return u instanceof Promise ? u.then((f) => o(f, s, a)) : o(u, s, a);
          }
          let c = e._zod.parse(s, a);
          if (c instanceof Promise) {
            if (a.async === !1) throw new le();
            return c.then((u) => i(u, n, a));
          }
          return i(c, n, a);
        };
      }
      e["~standard"] = {
        validate: (i) => {
          try {
            let o = M(e, i);
            return o.success ? { value: o.data } : { issues: o.error?.issues };
          } catch {
            return kt(e, i).then((s) => (s.success ? { value: s.data } : { issues: s.error?.issues }));
          }
        },
        vendor: "zod",
        version: 1,
      };
    })),
      (ln = _("$ZodString", (e, t) => {
        A.init(e, t),
          (e._zod.pattern = [...(e?._zod.bag?.patterns ?? [])].pop() ?? Ri(e._zod.bag)),
          (e._zod.parse = (r, n) => {
            if (t.coerce)
              try {
                r.value = String(r.value);
              } catch {}
            return (
              typeof r.value == "string" ||
                r.issues.push({ expected: "string", code: "invalid_type", input: r.value, inst: e }),
              r
            );
          });
      })),
      (cn = _("$ZodNumber", (e, t) => {
        A.init(e, t),
          (e._zod.pattern = e._zod.bag.pattern ?? Li),
          (e._zod.parse = (r, n) => {
            if (t.coerce)
              try {
                r.value = Number(r.value);
              } catch {}
            let i = r.value;
            if (typeof i == "number" && !Number.isNaN(i) && Number.isFinite(i)) return r;
            let o =
              typeof i == "number" ? (Number.isNaN(i) ? "NaN" : Number.isFinite(i) ? void 0 : "Infinity") : void 0;
            return (
              r.issues.push({
                expected: "number",
                code: "invalid_type",
                input: i,
                inst: e,
                ...(o ? { received: o } : {}),
              }),
              r
            );
          });
      })),
      (to = _("$ZodNumber", (e, t) => {
        Zi.init(e, t), cn.init(e, t);
      })),
      (un = _("$ZodBoolean", (e, t) => {
        A.init(e, t),
          (e._zod.pattern = Ui),
          (e._zod.parse = (r, n) => {
            if (t.coerce)
              try {
                r.value = !!r.value;
              } catch {}
            let i = r.value;
            return (
              typeof i == "boolean" || r.issues.push({ expected: "boolean", code: "invalid_type", input: i, inst: e }),
              r
            );
          });
      })),
      (ro = _("$ZodUnknown", (e, t) => {
        A.init(e, t), (e._zod.parse = (r) => r);
      })),
      (no = _("$ZodNever", (e, t) => {
        A.init(e, t),
          (e._zod.parse = (r, n) => (
            r.issues.push({ expected: "never", code: "invalid_type", input: r.value, inst: e }), r
          ));
      }));
    io = _("$ZodArray", (e, t) => {
      A.init(e, t),
        (e._zod.parse = (r, n) => {
          let i = r.value;
          if (!Array.isArray(i))
            return (r.issues.push({ expected: "array", code: "invalid_type", input: i, inst: e }), r);
          r.value = Array(i.length);
          let o = [];
          for (let s = 0; s < i.length; s++) {
            let a = i[s],
              c = t.element._zod.run({ value: a, issues: [] }, n);
            c instanceof Promise ? o.push(c.then((u) => Hi(u, r, s))) : Hi(c, r, s);
          }
          return o.length ? Promise.all(o).then(() => r) : r;
        });
    });
    oo = _("$ZodObject", (e, t) => {
      if ((A.init(e, t), !Object.getOwnPropertyDescriptor(t, "shape")?.get)) {
        let a = t.shape;
        Object.defineProperty(t, "shape", {
          get: () => {
            let c = { ...a };
            return (Object.defineProperty(t, "shape", { value: c }), c);
          },
        });
      }
      let n = wt(() => Kc(t));
      T(e._zod, "propValues", () => {
        let a = t.shape,
          c = {};
        for (let u in a) {
          let f = a[u]._zod;
          if (f.values) {
            c[u] ?? (c[u] = new Set());
            for (let x of f.values) c[u].add(x);
          }
        }
        return c;
      });
      let i = Ge,
        o = t.catchall,
        s;
      e._zod.parse = (a, c) => {
        s ?? (s = n.value);
        let u = a.value;
        if (!i(u)) return (a.issues.push({ expected: "object", code: "invalid_type", input: u, inst: e }), a);
        a.value = {};
        let f = [],
          x = s.shape;
        for (let h of s.keys) {
          let d = x[h]._zod.run({ value: u[h], issues: [] }, c);
          d instanceof Promise ? f.push(d.then((m) => lr(m, a, h, u))) : lr(d, a, h, u);
        }
        return o ? Jc(f, u, a, c, n.value, e) : f.length ? Promise.all(f).then(() => a) : a;
      };
    });
    (dn = _("$ZodUnion", (e, t) => {
      A.init(e, t),
        T(e._zod, "optin", () => (t.options.some((i) => i._zod.optin === "optional") ? "optional" : void 0)),
        T(e._zod, "optout", () => (t.options.some((i) => i._zod.optout === "optional") ? "optional" : void 0)),
        T(e._zod, "values", () => {
          if (t.options.every((i) => i._zod.values))
            return new Set(t.options.flatMap((i) => Array.from(i._zod.values)));
        }),
        T(e._zod, "pattern", () => {
          if (t.options.every((i) => i._zod.pattern)) {
            let i = t.options.map((o) => o._zod.pattern);
            return new RegExp(`^(${i.map((o) => $t(o.source)).join("|")})$`);
          }
        });
      let r = t.options.length === 1,
        n = t.options[0]._zod.run;
      e._zod.parse = (i, o) => {
        if (r) return n(i, o);
        let s = !1,
          a = [];
        for (let c of t.options) {
          let u = c._zod.run({ value: i.value, issues: [] }, o);
          if (u instanceof Promise) a.push(u), (s = !0);
          else {
            if (u.issues.length === 0) return u;
            a.push(u);
          }
        }
        return s ? Promise.all(a).then((c) => Yi(c, i, e, o)) : Yi(a, i, e, o);
      };
    })),
      (so = _("$ZodDiscriminatedUnion", (e, t) => {
        dn.init(e, t);
        let r = e._zod.parse;
        T(e._zod, "propValues", () => {
          let i = {};
          for (let o of t.options) {
            let s = o._zod.propValues;
            if (!s || Object.keys(s).length === 0)
              throw new Error(`Invalid discriminated union option at index "${t.options.indexOf(o)}"`);
            for (let [a, c] of Object.entries(s)) {
              i[a] || (i[a] = new Set());
              for (let u of c) i[a].add(u);
            }
          }
          return i;
        });
        let n = wt(() => {
          let i = t.options,
            o = new Map();
          for (let s of i) {
            let a = s._zod.propValues?.[t.discriminator];
            if (!a || a.size === 0)
              throw new Error(`Invalid discriminated union option at index "${t.options.indexOf(s)}"`);
            for (let c of a) {
              if (o.has(c)) throw new Error(`Duplicate discriminator value "${String(c)}"`);
              o.set(c, s);
            }
          }
          return o;
        });
        e._zod.parse = (i, o) => {
          let s = i.value;
          if (!Ge(s)) return (i.issues.push({ code: "invalid_type", expected: "object", input: s, inst: e }), i);
          let a = n.value.get(s?.[t.discriminator]);
          return a
            ? a._zod.run(i, o)
            : t.unionFallback
              ? r(i, o)
              : (i.issues.push({
                  code: "invalid_union",
                  errors: [],
                  note: "No matching discriminator",
                  discriminator: t.discriminator,
                  input: s,
                  path: [t.discriminator],
                  inst: e,
                }),
                i);
        };
      })),
      (ao = _("$ZodRecord", (e, t) => {
        A.init(e, t),
          (e._zod.parse = (r, n) => {
            let i = r.value;
            if (!He(i)) return (r.issues.push({ expected: "record", code: "invalid_type", input: i, inst: e }), r);
            let o = [];
            if (t.keyType._zod.values) {
              let s = t.keyType._zod.values;
              r.value = {};
              for (let c of s)
                if (typeof c == "string" || typeof c == "number" || typeof c == "symbol") {
                  let u = t.valueType._zod.run({ value: i[c], issues: [] }, n);
                  u instanceof Promise
                    ? o.push(
                        u.then((f) => {
                          f.issues.length && r.issues.push(...me(c, f.issues)), (r.value[c] = f.value);
                        }),
                      )
                    : (u.issues.length && r.issues.push(...me(c, u.issues)), (r.value[c] = u.value));
                }
              let a;
              for (let c in i) s.has(c) || ((a = a ?? []), a.push(c));
              a && a.length > 0 && r.issues.push({ code: "unrecognized_keys", input: i, inst: e, keys: a });
            } else {
              r.value = {};
              for (let s of Reflect.ownKeys(i)) {
                if (s === "__proto__") continue;
                let a = t.keyType._zod.run({ value: s, issues: [] }, n);
                if (a instanceof Promise) throw new Error("Async schemas not supported in object keys currently");
                if (a.issues.length) {
                  r.issues.push({
                    code: "invalid_key",
                    origin: "record",
                    issues: a.issues.map((u) => ee(u, n, Q())),
                    input: s,
                    path: [s],
                    inst: e,
                  }),
                    (r.value[a.value] = a.value);
                  continue;
                }
                let c = t.valueType._zod.run({ value: i[s], issues: [] }, n);
                c instanceof Promise
                  ? o.push(
                      c.then((u) => {
                        u.issues.length && r.issues.push(...me(s, u.issues)), (r.value[a.value] = u.value);
                      }),
                    )
                  : (c.issues.length && r.issues.push(...me(s, c.issues)), (r.value[a.value] = c.value));
              }
            }
            return o.length ? Promise.all(o).then(() => r) : r;
          });
      })),
      (lo = _("$ZodEnum", (e, t) => {
        A.init(e, t);
        let r = Xt(t.entries),
          n = new Set(r);
        (e._zod.values = n),
          (e._zod.pattern = new RegExp(
            `^(${r
              .filter((i) => Qr.has(typeof i))
              .map((i) => (typeof i == "string" ? Ye(i) : i.toString()))
              .join("|")})$`,
          )),
          (e._zod.parse = (i, o) => {
            let s = i.value;
            return (n.has(s) || i.issues.push({ code: "invalid_value", values: r, input: s, inst: e }), i);
          });
      })),
      (co = _("$ZodLiteral", (e, t) => {
        if ((A.init(e, t), t.values.length === 0)) throw new Error("Cannot create literal schema with no valid values");
        (e._zod.values = new Set(t.values)),
          (e._zod.pattern = new RegExp(
            `^(${t.values.map((r) => (typeof r == "string" ? Ye(r) : r ? Ye(r.toString()) : String(r))).join("|")})$`,
          )),
          (e._zod.parse = (r, n) => {
            let i = r.value;
            return (
              e._zod.values.has(i) || r.issues.push({ code: "invalid_value", values: t.values, input: i, inst: e }), r
            );
          });
      })),
      (uo = _("$ZodTransform", (e, t) => {
        A.init(e, t),
          (e._zod.parse = (r, n) => {
            if (n.direction === "backward") throw new Yt(e.constructor.name);
            let i = t.transform(r.value, r);
            if (n.async) return (i instanceof Promise ? i : Promise.resolve(i)).then((s) => ((r.value = s), r));
            if (i instanceof Promise) throw new le();
            return ((r.value = i), r);
          });
      }));
    (fo = _("$ZodOptional", (e, t) => {
      A.init(e, t),
        (e._zod.optin = "optional"),
        (e._zod.optout = "optional"),
        T(e._zod, "values", () => (t.innerType._zod.values ? new Set([...t.innerType._zod.values, void 0]) : void 0)),
        T(e._zod, "pattern", () => {
          let r = t.innerType._zod.pattern;
          return r ? new RegExp(`^(${$t(r.source)})?$`) : void 0;
        }),
        (e._zod.parse = (r, n) => {
          if (t.innerType._zod.optin === "optional") {
            let i = t.innerType._zod.run(r, n);
            return i instanceof Promise ? i.then((o) => Xi(o, r.value)) : Xi(i, r.value);
          }
          return r.value === void 0 ? r : t.innerType._zod.run(r, n);
        });
    })),
      (po = _("$ZodNullable", (e, t) => {
        A.init(e, t),
          T(e._zod, "optin", () => t.innerType._zod.optin),
          T(e._zod, "optout", () => t.innerType._zod.optout),
          T(e._zod, "pattern", () => {
            let r = t.innerType._zod.pattern;
            return r ? new RegExp(`^(${$t(r.source)}|null)$`) : void 0;
          }),
          T(e._zod, "values", () => (t.innerType._zod.values ? new Set([...t.innerType._zod.values, null]) : void 0)),
          (e._zod.parse = (r, n) => (r.value === null ? r : t.innerType._zod.run(r, n)));
      })),
      (mo = _("$ZodDefault", (e, t) => {
        A.init(e, t),
          (e._zod.optin = "optional"),
          T(e._zod, "values", () => t.innerType._zod.values),
          (e._zod.parse = (r, n) => {
            if (n.direction === "backward") return t.innerType._zod.run(r, n);
            if (r.value === void 0) return ((r.value = t.defaultValue), r);
            let i = t.innerType._zod.run(r, n);
            return i instanceof Promise ? i.then((o) => Qi(o, t)) : Qi(i, t);
          });
      }));
    (ho = _("$ZodCatch", (e, t) => {
      A.init(e, t),
        T(e._zod, "optin", () => t.innerType._zod.optin),
        T(e._zod, "optout", () => t.innerType._zod.optout),
        T(e._zod, "values", () => t.innerType._zod.values),
        (e._zod.parse = (r, n) => {
          if (n.direction === "backward") return t.innerType._zod.run(r, n);
          let i = t.innerType._zod.run(r, n);
          return i instanceof Promise
            ? i.then(
                (o) => (
                  (r.value = o.value),
                  o.issues.length &&
                    ((r.value = t.catchValue({
                      ...r,
                      error: { issues: o.issues.map((s) => ee(s, n, Q())) },
                      input: r.value,
                    })),
                    (r.issues = [])),
                  r
                ),
              )
            : ((r.value = i.value),
              i.issues.length &&
                ((r.value = t.catchValue({
                  ...r,
                  error: { issues: i.issues.map((o) => ee(o, n, Q())) },
                  input: r.value,
                })),
                (r.issues = [])),
              r);
        });
    })),
      (go = _("$ZodPipe", (e, t) => {
        A.init(e, t),
          T(e._zod, "values", () => t.in._zod.values),
          T(e._zod, "optin", () => t.in._zod.optin),
          T(e._zod, "optout", () => t.out._zod.optout),
          T(e._zod, "propValues", () => t.in._zod.propValues),
          (e._zod.parse = (r, n) => {
            if (n.direction === "backward") {
              let o = t.out._zod.run(r, n);
              return o instanceof Promise ? o.then((s) => ar(s, t.in, n)) : ar(o, t.in, n);
            }
            let i = t.in._zod.run(r, n);
            return i instanceof Promise ? i.then((o) => ar(o, t.out, n)) : ar(i, t.out, n);
          });
      }));
    (vo = _("$ZodLazy", (e, t) => {
      A.init(e, t),
        T(e._zod, "innerType", () => t.getter()),
        T(e._zod, "pattern", () => e._zod.innerType._zod.pattern),
        T(e._zod, "propValues", () => e._zod.innerType._zod.propValues),
        T(e._zod, "optin", () => e._zod.innerType._zod.optin ?? void 0),
        T(e._zod, "optout", () => e._zod.innerType._zod.optout ?? void 0),
        (e._zod.parse = (r, n) => e._zod.innerType._zod.run(r, n));
    })),
      (yo = _("$ZodCustom", (e, t) => {
        ce.init(e, t),
          A.init(e, t),
          (e._zod.parse = (r, n) => r),
          (e._zod.check = (r) => {
            let n = r.value,
              i = t.fn(n);
            if (i instanceof Promise) return i.then((o) => eo(o, r, n, e));
            eo(i, r, n, e);
          });
      }));
  });
var bo = y(() => {
  k();
});
var wo = y(() => {
  k();
});
var $o = y(() => {
  k();
});
var _o = y(() => {
  k();
});
var ko = y(() => {
  k();
});
var xo = y(() => {
  k();
});
var So = y(() => {
  k();
});
var Io = y(() => {
  k();
});
var Eo = y(() => {
  k();
});
var No = y(() => {
  k();
});
var Oo = y(() => {
  k();
});
var Po = y(() => {
  k();
});
var zo = y(() => {
  k();
});
var To = y(() => {
  k();
});
var Ao = y(() => {
  k();
});
var Co = y(() => {
  k();
});
var jo = y(() => {
  k();
});
var Do = y(() => {
  k();
});
var Ro = y(() => {
  k();
});
var Mo = y(() => {
  k();
});
var Lo = y(() => {
  k();
});
var Uo = y(() => {
  k();
});
var pn = y(() => {
  k();
});
var Fo = y(() => {
  pn();
});
var Bo = y(() => {
  k();
});
var Zo = y(() => {
  k();
});
var Vo = y(() => {
  k();
});
var qo = y(() => {
  k();
});
var Ko = y(() => {
  k();
});
var Jo = y(() => {
  k();
});
var Wo = y(() => {
  k();
});
var Go = y(() => {
  k();
});
var Ho = y(() => {
  k();
});
var Yo = y(() => {
  k();
});
var Xo = y(() => {
  k();
});
var Qo = y(() => {
  k();
});
var es = y(() => {
  k();
});
var ts = y(() => {
  k();
});
var rs = y(() => {
  k();
});
var ns = y(() => {
  k();
});
var mn = y(() => {
  k();
});
var is = y(() => {
  mn();
});
var os = y(() => {
  k();
});
var ss = y(() => {
  k();
});
var as = y(() => {
  k();
});
var ls = y(() => {
  k();
});
var cs = y(() => {
  k();
});
var hn = y(() => {
  bo();
  wo();
  $o();
  _o();
  ko();
  xo();
  So();
  Io();
  Eo();
  No();
  Oo();
  Po();
  zo();
  To();
  Ao();
  Co();
  jo();
  Do();
  Ro();
  Mo();
  Lo();
  Uo();
  Fo();
  pn();
  Bo();
  Zo();
  Vo();
  qo();
  Ko();
  Jo();
  Wo();
  Go();
  Ho();
  Yo();
  Xo();
  Qo();
  es();
  ts();
  rs();
  ns();
  is();
  mn();
  os();
  ss();
  as();
  ls();
  cs();
});
var Yc,
  Xc,
  gn = y(() => {
    (Yc = Symbol("ZodOutput")), (Xc = Symbol("ZodInput"));
  });
function ds(e, t) {
  return new e({ type: "string", ...F(t) });
}
function fs(e, t) {
  return new e({ type: "number", checks: [], ...F(t) });
}
function ps(e, t) {
  return new e({ type: "number", check: "number_format", abort: !1, format: "safeint", ...F(t) });
}
function ms(e, t) {
  return new e({ type: "boolean", ...F(t) });
}
function hs(e) {
  return new e({ type: "unknown" });
}
function gs(e, t) {
  return new e({ type: "never", ...F(t) });
}
function St(e, t) {
  return new Bi({ check: "less_than", ...F(t), value: e, inclusive: !0 });
}
function vs(e, t) {
  return new on({ check: "greater_than", ...F(t), value: e, inclusive: !1 });
}
function vn(e, t) {
  return new on({ check: "greater_than", ...F(t), value: e, inclusive: !0 });
}
function cr(e) {
  return vs(0, e);
}
function It(e) {
  return vn(0, e);
}
function Et(e, t) {
  return new Vi({ check: "max_length", ...F(t), maximum: e });
}
function yn(e, t) {
  return new qi({ check: "min_length", ...F(t), minimum: e });
}
function he(e, t) {
  return new Ji({ check: "string_format", format: "regex", ...F(t), pattern: e });
}
function ys(e, t, r) {
  return new e({ type: "custom", check: "custom", fn: t, ...F(r) });
}
var bs = y(() => {
  sr();
  fn();
  k();
});
var ws = y(() => {
  gn();
  k();
});
var $s = y(() => {});
var ge = y(() => {
  We();
  nn();
  rn();
  fn();
  sr();
  an();
  k();
  or();
  hn();
  gn();
  sn();
  bs();
  ws();
  $s();
});
var bn = y(() => {
  ge();
});
function S(e) {
  return ds(_s, e);
}
function Nt(e) {
  return fs(wn, e);
}
function dr(e) {
  return ps(ru, e);
}
function Se(e) {
  return ms(ks, e);
}
function Xe() {
  return hs(nu);
}
function ou(e) {
  return gs(iu, e);
}
function L(e, t) {
  return new su({ type: "array", element: e, ...$.normalizeParams(t) });
}
function G(e, t) {
  let r = { type: "object", shape: e ?? {}, ...$.normalizeParams(t) };
  return new $n(r);
}
function te(e, t) {
  return new $n({ type: "object", shape: e, catchall: ou(), ...$.normalizeParams(t) });
}
function R(e, t) {
  return new $n({ type: "object", shape: e, catchall: Xe(), ...$.normalizeParams(t) });
}
function xs(e, t) {
  return new au({ type: "union", options: e, ...$.normalizeParams(t) });
}
function Ss(e, t, r) {
  return new lu({ type: "union", options: t, discriminator: e, ...$.normalizeParams(r) });
}
function fr(e, t, r) {
  return new cu({ type: "record", keyType: e, valueType: t, ...$.normalizeParams(r) });
}
function Qe(e, t) {
  let r = Array.isArray(e) ? Object.fromEntries(e.map((n) => [n, n])) : e;
  return new uu({ type: "enum", entries: r, ...$.normalizeParams(t) });
}
function et(e, t) {
  return new du({ type: "literal", values: Array.isArray(e) ? e : [e], ...$.normalizeParams(t) });
}
function pr(e) {
  return new fu({ type: "transform", transform: e });
}
function N(e) {
  return new pu({ type: "optional", innerType: e });
}
function _n(e) {
  return new mu({ type: "nullable", innerType: e });
}
function D(e, t) {
  return new hu({
    type: "default",
    innerType: e,
    get defaultValue() {
      return typeof t == "function" ? t() : $.shallowClone(t);
    },
  });
}
function Is(e, t) {
  return new gu({ type: "catch", innerType: e, catchValue: typeof t == "function" ? t : () => t });
}
function mr(e, t) {
  return new vu({ type: "pipe", in: e, out: t });
}
function Es(e) {
  return new yu({ type: "lazy", getter: e });
}
function ue(e, t = {}) {
  return ys(bu, e, t);
}
var j,
  _s,
  wn,
  ru,
  ks,
  nu,
  iu,
  su,
  $n,
  au,
  lu,
  cu,
  uu,
  du,
  fu,
  pu,
  mu,
  hu,
  gu,
  vu,
  yu,
  bu,
  hr = y(() => {
    ge();
    ge();
    bn();
    (j = _("ZodMiniType", (e, t) => {
      if (!e._zod) throw new Error("Uninitialized schema in ZodMiniType.");
      A.init(e, t),
        (e.def = t),
        (e.type = t.type),
        (e.parse = (r, n) => nr(e, r, n, { callee: e.parse })),
        (e.safeParse = (r, n) => M(e, r, n)),
        (e.parseAsync = async (r, n) => ir(e, r, n, { callee: e.parseAsync })),
        (e.safeParseAsync = async (r, n) => kt(e, r, n)),
        (e.check = (...r) =>
          e.clone({
            ...t,
            checks: [
              ...(t.checks ?? []),
              ...r.map((n) =>
                typeof n == "function" ? { _zod: { check: n, def: { check: "custom" }, onattach: [] } } : n,
              ),
            ],
          })),
        (e.clone = (r, n) => W(e, r, n)),
        (e.brand = () => e),
        (e.register = (r, n) => (r.add(e, n), e));
    })),
      (_s = _("ZodMiniString", (e, t) => {
        ln.init(e, t), j.init(e, t);
      }));
    wn = _("ZodMiniNumber", (e, t) => {
      cn.init(e, t), j.init(e, t);
    });
    ru = _("ZodMiniNumberFormat", (e, t) => {
      to.init(e, t), wn.init(e, t);
    });
    ks = _("ZodMiniBoolean", (e, t) => {
      un.init(e, t), j.init(e, t);
    });
    nu = _("ZodMiniUnknown", (e, t) => {
      ro.init(e, t), j.init(e, t);
    });
    iu = _("ZodMiniNever", (e, t) => {
      no.init(e, t), j.init(e, t);
    });
    su = _("ZodMiniArray", (e, t) => {
      io.init(e, t), j.init(e, t);
    });
    $n = _("ZodMiniObject", (e, t) => {
      oo.init(e, t), j.init(e, t), $.defineLazy(e, "shape", () => t.shape);
    });
    au = _("ZodMiniUnion", (e, t) => {
      dn.init(e, t), j.init(e, t);
    });
    lu = _("ZodMiniDiscriminatedUnion", (e, t) => {
      so.init(e, t), j.init(e, t);
    });
    cu = _("ZodMiniRecord", (e, t) => {
      ao.init(e, t), j.init(e, t);
    });
    uu = _("ZodMiniEnum", (e, t) => {
      lo.init(e, t), j.init(e, t), (e.options = Object.values(t.entries));
    });
    du = _("ZodMiniLiteral", (e, t) => {
      co.init(e, t), j.init(e, t);
    });
    fu = _("ZodMiniTransform", (e, t) => {
      uo.init(e, t), j.init(e, t);
    });
    pu = _("ZodMiniOptional", (e, t) => {
      fo.init(e, t), j.init(e, t);
    });
    mu = _("ZodMiniNullable", (e, t) => {
      po.init(e, t), j.init(e, t);
    });
    hu = _("ZodMiniDefault", (e, t) => {
      mo.init(e, t), j.init(e, t);
    });
    gu = _("ZodMiniCatch", (e, t) => {
      ho.init(e, t), j.init(e, t);
    });
    vu = _("ZodMiniPipe", (e, t) => {
      go.init(e, t), j.init(e, t);
    });
    yu = _("ZodMiniLazy", (e, t) => {
      vo.init(e, t), j.init(e, t);
    });
    bu = _("ZodMiniCustom", (e, t) => {
      yo.init(e, t), j.init(e, t);
    });
  });
var Os = y(() => {
  ge();
});
var kn = y(() => {
  ge();
  hr();
});
var Ps = y(() => {
  ge();
  hr();
});
var xn = y(() => {
  ge();
  bn();
  hr();
  Os();
  ge();
  hn();
  kn();
  kn();
  Ps();
});
var zs = y(() => {
  xn();
  xn();
});
var re = y(() => {
  zs();
});
var Ms = se((Rs, vr) => {
  (function (e) {
    "use strict";
    let t = "(0?\\d+|0x[a-f0-9]+)",
      r = {
        fourOctet: new RegExp(`^${t}\\.${t}\\.${t}\\.${t}$`, "i"),
        threeOctet: new RegExp(`^${t}\\.${t}\\.${t}$`, "i"),
        twoOctet: new RegExp(`^${t}\\.${t}$`, "i"),
        longValue: new RegExp(`^${t}$`, "i"),
      },
      n = new RegExp("^0[0-7]+$", "i"),
      i = new RegExp("^0x[a-f0-9]+$", "i"),
      o = "%[0-9a-z]{1,}",
      s = "(?:[0-9a-f]+::?)+",
      a = {
        zoneIndex: new RegExp(o, "i"),
        native: new RegExp(`^(::)?(${s})?([0-9a-f]+)?(::)?(${o})?$`, "i"),
        deprecatedTransitional: new RegExp(`^(?:::)(${t}\\.${t}\\.${t}\\.${t}(${o})?)$`, "i"),
        transitional: new RegExp(`^((?:${s})|(?:::)(?:${s})?)${t}\\.${t}\\.${t}\\.${t}(${o})?$`, "i"),
      };
    function c(l, d) {
      if (l.indexOf("::") !== l.lastIndexOf("::")) return null;
      let m = 0,
        p = -1,
        g = (l.match(a.zoneIndex) || [])[0],
        v,
        P;
      for (g && ((g = g.substring(1)), (l = l.replace(/%.+$/, ""))); (p = l.indexOf(":", p + 1)) >= 0; ) m++;
      if ((l.substr(0, 2) === "::" && m--, l.substr(-2, 2) === "::" && m--, m >= d)) return null;
      for (P = d - m, v = ":"; P--; ) v += "0:";
      return (
        (l = l.replace("::", v)),
        l[0] === ":" && (l = l.slice(1)),
        l[l.length - 1] === ":" && (l = l.slice(0, -1)),
        (d = (function () {
          let K = l.split(":"),
            J = [];
          for (let X = 0; X < K.length; X++) J.push(K[X].length > 4 ? NaN : parseInt(K[X], 16));
          return J;
        })()),
        { parts: d, zoneId: g }
      );
    }
    function u(l, d, m, p) {
      if (l.length !== d.length) throw new Error("ipaddr: cannot match CIDR for objects with different lengths");
      let g = 0,
        v;
      for (; p > 0; ) {
        if (((v = m - p), v < 0 && (v = 0), l[g] >> v !== d[g] >> v)) return !1;
        (p -= m), (g += 1);
      }
      return !0;
    }
    function f(l) {
      if (i.test(l)) return parseInt(l, 16);
      if (l[0] === "0" && !isNaN(parseInt(l[1], 10))) {
        if (n.test(l)) return parseInt(l, 8);
        throw new Error(`ipaddr: cannot parse ${l} as octal`);
      }
      return parseInt(l, 10);
    }
    function x(l, d) {
      for (; l.length < d; ) l = `0${l}`;
      return l;
    }
    let h = {};
    (h.IPv4 = (function () {
      function l(d) {
        if (d.length !== 4) throw new Error("ipaddr: ipv4 octet count should be 4");
        let m, p;
        for (m = 0; m < d.length; m++)
          if (((p = d[m]), !(0 <= p && p <= 255))) throw new Error("ipaddr: ipv4 octet should fit in 8 bits");
        this.octets = d;
      }
      return (
        (l.prototype.SpecialRanges = {
          unspecified: [[new l([0, 0, 0, 0]), 8]],
          broadcast: [[new l([255, 255, 255, 255]), 32]],
          multicast: [[new l([224, 0, 0, 0]), 4]],
          linkLocal: [[new l([169, 254, 0, 0]), 16]],
          loopback: [[new l([127, 0, 0, 0]), 8]],
          carrierGradeNat: [[new l([100, 64, 0, 0]), 10]],
          private: [
            [new l([10, 0, 0, 0]), 8],
            [new l([172, 16, 0, 0]), 12],
            [new l([192, 168, 0, 0]), 16],
          ],
          reserved: [
            [new l([192, 0, 0, 0]), 24],
            [new l([192, 0, 2, 0]), 24],
            [new l([192, 88, 99, 0]), 24],
            [new l([198, 18, 0, 0]), 15],
            [new l([198, 51, 100, 0]), 24],
            [new l([203, 0, 113, 0]), 24],
            [new l([240, 0, 0, 0]), 4],
          ],
          as112: [
            [new l([192, 175, 48, 0]), 24],
            [new l([192, 31, 196, 0]), 24],
          ],
          amt: [[new l([192, 52, 193, 0]), 24]],
        }),
        (l.prototype.kind = function () {
          return "ipv4";
        }),
        (l.prototype.match = function (d, m) {
          let p;
          if ((m === void 0 && ((p = d), (d = p[0]), (m = p[1])), d.kind() !== "ipv4"))
            throw new Error("ipaddr: cannot match ipv4 address with non-ipv4 one");
          return u(this.octets, d.octets, 8, m);
        }),
        (l.prototype.prefixLengthFromSubnetMask = function () {
          let d = 0,
            m = !1,
            p = { 0: 8, 128: 7, 192: 6, 224: 5, 240: 4, 248: 3, 252: 2, 254: 1, 255: 0 },
            g,
            v,
            P;
          for (g = 3; g >= 0; g -= 1)
            if (((v = this.octets[g]), v in p)) {
              if (((P = p[v]), m && P !== 0)) return null;
              P !== 8 && (m = !0), (d += P);
            } else return null;
          return 32 - d;
        }),
        (l.prototype.range = function () {
          return h.subnetMatch(this, this.SpecialRanges);
        }),
        (l.prototype.toByteArray = function () {
          return this.octets.slice(0);
        }),
        (l.prototype.toIPv4MappedAddress = function () {
          return h.IPv6.parse(`::ffff:${this.toString()}`);
        }),
        (l.prototype.toNormalizedString = function () {
          return this.toString();
        }),
        (l.prototype.toString = function () {
          return this.octets.join(".");
        }),
        l
      );
    })()),
      (h.IPv4.broadcastAddressFromCIDR = function (l) {
        try {
          let d = this.parseCIDR(l),
            m = d[0].toByteArray(),
            p = this.subnetMaskFromPrefixLength(d[1]).toByteArray(),
            g = [],
            v = 0;
          for (; v < 4; ) g.push(parseInt(m[v], 10) | (parseInt(p[v], 10) ^ 255)), v++;
          return new this(g);
        } catch (d) {
          throw new Error("ipaddr: the address does not have IPv4 CIDR format", { cause: d });
        }
      }),
      (h.IPv4.isIPv4 = function (l) {
        return this.parser(l) !== null;
      }),
      (h.IPv4.isValid = function (l) {
        try {
          return (new this(this.parser(l)), !0);
        } catch {
          return !1;
        }
      }),
      (h.IPv4.isValidCIDR = function (l) {
        try {
          return (this.parseCIDR(l), !0);
        } catch {
          return !1;
        }
      }),
      (h.IPv4.isValidFourPartDecimal = function (l) {
        return !!(h.IPv4.isValid(l) && l.match(/^(0|[1-9]\d*)(\.(0|[1-9]\d*)){3}$/));
      }),
      (h.IPv4.isValidCIDRFourPartDecimal = function (l) {
        let d = l.match(/^(.+)\/(\d+)$/);
        return !h.IPv4.isValidCIDR(l) || !d ? !1 : h.IPv4.isValidFourPartDecimal(d[1]);
      }),
      (h.IPv4.networkAddressFromCIDR = function (l) {
        let d, m, p, g, v;
        try {
          for (
            d = this.parseCIDR(l),
              p = d[0].toByteArray(),
              v = this.subnetMaskFromPrefixLength(d[1]).toByteArray(),
              g = [],
              m = 0;
            m < 4;
          )
            g.push(parseInt(p[m], 10) & parseInt(v[m], 10)), m++;
          return new this(g);
        } catch (P) {
          throw new Error("ipaddr: the address does not have IPv4 CIDR format", { cause: P });
        }
      }),
      (h.IPv4.parse = function (l) {
        let d = this.parser(l);
        if (d === null) throw new Error("ipaddr: string is not formatted like an IPv4 Address");
        return new this(d);
      }),
      (h.IPv4.parseCIDR = function (l) {
        let d;
        if ((d = l.match(/^(.+)\/(\d+)$/))) {
          let m = parseInt(d[2]);
          if (m >= 0 && m <= 32) {
            let p = [this.parse(d[1]), m];
            return (
              Object.defineProperty(p, "toString", {
                value: function () {
                  return this.join("/");
                },
              }),
              p
            );
          }
        }
        throw new Error("ipaddr: string is not formatted like an IPv4 CIDR range");
      }),
      (h.IPv4.parser = function (l) {
        let d, m, p;
        if ((d = l.match(r.fourOctet)))
          return (function () {
            let g = d.slice(1, 6),
              v = [];
            for (let P = 0; P < g.length; P++) (m = g[P]), v.push(f(m));
            return v;
          })();
        if ((d = l.match(r.longValue))) {
          if (((p = f(d[1])), p > 4294967295 || p < 0)) throw new Error("ipaddr: address outside defined range");
          return (function () {
            let g = [],
              v;
            for (v = 0; v <= 24; v += 8) g.push((p >> v) & 255);
            return g;
          })().reverse();
        } else
          return (d = l.match(r.twoOctet))
            ? (function () {
                let g = d.slice(1, 4),
                  v = [];
                if (((p = f(g[1])), p > 16777215 || p < 0)) throw new Error("ipaddr: address outside defined range");
                return (v.push(f(g[0])), v.push((p >> 16) & 255), v.push((p >> 8) & 255), v.push(p & 255), v);
              })()
            : (d = l.match(r.threeOctet))
              ? (function () {
                  let g = d.slice(1, 5),
                    v = [];
                  if (((p = f(g[2])), p > 65535 || p < 0)) throw new Error("ipaddr: address outside defined range");
                  return (v.push(f(g[0])), v.push(f(g[1])), v.push((p >> 8) & 255), v.push(p & 255), v);
                })()
              : null;
      }),
      (h.IPv4.subnetMaskFromPrefixLength = function (l) {
        if (((l = parseInt(l)), Number.isNaN(l) || l < 0 || l > 32))
          throw new Error("ipaddr: invalid IPv4 prefix length");
        let d = [0, 0, 0, 0],
          m = 0,
          p = Math.floor(l / 8);
        for (; m < p; ) (d[m] = 255), m++;
        return (p < 4 && (d[p] = (Math.pow(2, l % 8) - 1) << (8 - (l % 8))), new this(d));
      }),
      (h.IPv6 = (function () {
        function l(d, m) {
          let p, g;
          if (d.length === 16) for (this.parts = [], p = 0; p <= 14; p += 2) this.parts.push((d[p] << 8) | d[p + 1]);
          else if (d.length === 8) this.parts = d;
          else throw new Error("ipaddr: ipv6 part count should be 8 or 16");
          for (p = 0; p < this.parts.length; p++)
            if (((g = this.parts[p]), !(0 <= g && g <= 65535)))
              throw new Error("ipaddr: ipv6 part should fit in 16 bits");
          m && (this.zoneId = m);
        }
        return (
          (l.prototype.SpecialRanges = {
            unspecified: [new l([0, 0, 0, 0, 0, 0, 0, 0]), 128],
            linkLocal: [new l([65152, 0, 0, 0, 0, 0, 0, 0]), 10],
            multicast: [new l([65280, 0, 0, 0, 0, 0, 0, 0]), 8],
            loopback: [new l([0, 0, 0, 0, 0, 0, 0, 1]), 128],
            uniqueLocal: [new l([64512, 0, 0, 0, 0, 0, 0, 0]), 7],
            ipv4Mapped: [new l([0, 0, 0, 0, 0, 65535, 0, 0]), 96],
            deprecatedSiteLocal: [new l([65216, 0, 0, 0, 0, 0, 0, 0]), 10],
            discard: [new l([256, 0, 0, 0, 0, 0, 0, 0]), 64],
            rfc6145: [new l([0, 0, 0, 0, 65535, 0, 0, 0]), 96],
            rfc6052: [
              [new l([100, 65435, 0, 0, 0, 0, 0, 0]), 96],
              [new l([100, 65435, 1, 0, 0, 0, 0, 0]), 48],
            ],
            "6to4": [new l([8194, 0, 0, 0, 0, 0, 0, 0]), 16],
            teredo: [new l([8193, 0, 0, 0, 0, 0, 0, 0]), 32],
            benchmarking: [new l([8193, 2, 0, 0, 0, 0, 0, 0]), 48],
            amt: [new l([8193, 3, 0, 0, 0, 0, 0, 0]), 32],
            as112v6: [
              [new l([8193, 4, 274, 0, 0, 0, 0, 0]), 48],
              [new l([9760, 79, 32768, 0, 0, 0, 0, 0]), 48],
            ],
            deprecatedOrchid: [new l([8193, 16, 0, 0, 0, 0, 0, 0]), 28],
            orchid2: [new l([8193, 32, 0, 0, 0, 0, 0, 0]), 28],
            droneRemoteIdProtocolEntityTags: [new l([8193, 48, 0, 0, 0, 0, 0, 0]), 28],
            segmentRouting: [new l([24320, 0, 0, 0, 0, 0, 0, 0]), 16],
            reserved: [
              [new l([8193, 0, 0, 0, 0, 0, 0, 0]), 23],
              [new l([8193, 3512, 0, 0, 0, 0, 0, 0]), 32],
              [new l([16383, 0, 0, 0, 0, 0, 0, 0]), 20],
            ],
          }),
          (l.prototype.isIPv4MappedAddress = function () {
            return this.range() === "ipv4Mapped";
          }),
          (l.prototype.kind = function () {
            return "ipv6";
          }),
          (l.prototype.match = function (d, m) {
            let p;
            if ((m === void 0 && ((p = d), (d = p[0]), (m = p[1])), d.kind() !== "ipv6"))
              throw new Error("ipaddr: cannot match ipv6 address with non-ipv6 one");
            return u(this.parts, d.parts, 16, m);
          }),
          (l.prototype.prefixLengthFromSubnetMask = function () {
            let d = 0,
              m = !1,
              p = {
                0: 16,
                32768: 15,
                49152: 14,
                57344: 13,
                61440: 12,
                63488: 11,
                64512: 10,
                65024: 9,
                65280: 8,
                65408: 7,
                65472: 6,
                65504: 5,
                65520: 4,
                65528: 3,
                65532: 2,
                65534: 1,
                65535: 0,
              },
              g,
              v;
            for (let P = 7; P >= 0; P -= 1)
              if (((g = this.parts[P]), g in p)) {
                if (((v = p[g]), m && v !== 0)) return null;
                v !== 16 && (m = !0), (d += v);
              } else return null;
            return 128 - d;
          }),
          (l.prototype.range = function () {
            return h.subnetMatch(this, this.SpecialRanges);
          }),
          (l.prototype.toByteArray = function () {
            let d,
              m = [],
              p = this.parts;
            for (let g = 0; g < p.length; g++) (d = p[g]), m.push(d >> 8), m.push(d & 255);
            return m;
          }),
          (l.prototype.toFixedLengthString = function () {
            let d = function () {
                let p = [];
                for (let g = 0; g < this.parts.length; g++) p.push(x(this.parts[g].toString(16), 4));
                return p;
              }
                .call(this)
                .join(":"),
              m = "";
            return (this.zoneId && (m = `%${this.zoneId}`), d + m);
          }),
          (l.prototype.toIPv4Address = function () {
            if (!this.isIPv4MappedAddress())
              throw new Error("ipaddr: trying to convert a generic ipv6 address to ipv4");
            let d = this.parts.slice(-2),
              m = d[0],
              p = d[1];
            return new h.IPv4([m >> 8, m & 255, p >> 8, p & 255]);
          }),
          (l.prototype.toNormalizedString = function () {
            let d = function () {
                let p = [];
                for (let g = 0; g < this.parts.length; g++) p.push(this.parts[g].toString(16));
                return p;
              }
                .call(this)
                .join(":"),
              m = "";
            return (this.zoneId && (m = `%${this.zoneId}`), d + m);
          }),
          (l.prototype.toRFC5952String = function () {
            let d = /((^|:)(0(:|$)){2,})/g,
              m = "";
            this.zoneId && (m = `%${this.zoneId}`);
            let p = this.toNormalizedString(),
              g = p.slice(0, p.length - m.length),
              v = 0,
              P = -1,
              K = -1,
              J;
            for (; (J = d.exec(g)); ) {
              let X = (J[0].match(/0/g) || []).length;
              X > K && ((K = X), (v = J.index), (P = J[0].length));
            }
            return P < 0 ? g + m : `${g.substring(0, v)}::${g.substring(v + P)}${m}`;
          }),
          (l.prototype.toString = function () {
            return this.toRFC5952String();
          }),
          l
        );
      })()),
      (h.IPv6.broadcastAddressFromCIDR = function (l) {
        try {
          let d = this.parseCIDR(l),
            m = d[0].toByteArray(),
            p = this.subnetMaskFromPrefixLength(d[1]).toByteArray(),
            g = [],
            v = 0;
          for (; v < 16; ) g.push(parseInt(m[v], 10) | (parseInt(p[v], 10) ^ 255)), v++;
          return new this(g);
        } catch (d) {
          throw new Error("ipaddr: the address does not have IPv6 CIDR format", { cause: d });
        }
      }),
      (h.IPv6.isIPv6 = function (l) {
        return this.parser(l) !== null;
      }),
      (h.IPv6.isValid = function (l) {
        if (typeof l == "string" && l.indexOf(":") === -1) return !1;
        try {
          let d = this.parser(l);
          return (new this(d.parts, d.zoneId), !0);
        } catch {
          return !1;
        }
      }),
      (h.IPv6.isValidCIDR = function (l) {
        if (typeof l == "string" && l.indexOf(":") === -1) return !1;
        try {
          return (this.parseCIDR(l), !0);
        } catch {
          return !1;
        }
      }),
      (h.IPv6.networkAddressFromCIDR = function (l) {
        let d, m, p, g, v;
        try {
          for (
            d = this.parseCIDR(l),
              p = d[0].toByteArray(),
              v = this.subnetMaskFromPrefixLength(d[1]).toByteArray(),
              g = [],
              m = 0;
            m < 16;
          )
            g.push(parseInt(p[m], 10) & parseInt(v[m], 10)), m++;
          return new this(g);
        } catch (P) {
          throw new Error("ipaddr: the address does not have IPv6 CIDR format", { cause: P });
        }
      }),
      (h.IPv6.parse = function (l) {
        let d = this.parser(l);
        if (d === null) throw new Error("ipaddr: string is not formatted like an IPv6 Address");
        return new this(d.parts, d.zoneId);
      }),
      (h.IPv6.parseCIDR = function (l) {
        let d, m, p;
        if ((m = l.match(/^(.+)\/(\d+)$/)) && ((d = parseInt(m[2])), d >= 0 && d <= 128))
          return (
            (p = [this.parse(m[1]), d]),
            Object.defineProperty(p, "toString", {
              value: function () {
                return this.join("/");
              },
            }),
            p
          );
        throw new Error("ipaddr: string is not formatted like an IPv6 CIDR range");
      }),
      (h.IPv6.parser = function (l) {
        let d, m, p, g, v, P;
        if ((p = l.match(a.deprecatedTransitional))) return this.parser(`::ffff:${p[1]}`);
        if (a.native.test(l)) return c(l, 8);
        if (
          (p = l.match(a.transitional)) &&
          ((P = p[6] || ""), (d = p[1]), p[1].endsWith("::") || (d = d.slice(0, -1)), (d = c(d + P, 6)), d && d.parts)
        ) {
          for (v = [parseInt(p[2]), parseInt(p[3]), parseInt(p[4]), parseInt(p[5])], m = 0; m < v.length; m++)
            if (((g = v[m]), !(0 <= g && g <= 255))) return null;
          return (
            d.parts.push((v[0] << 8) | v[1]), d.parts.push((v[2] << 8) | v[3]), { parts: d.parts, zoneId: d.zoneId }
          );
        }
        return null;
      }),
      (h.IPv6.subnetMaskFromPrefixLength = function (l) {
        if (((l = parseInt(l)), Number.isNaN(l) || l < 0 || l > 128))
          throw new Error("ipaddr: invalid IPv6 prefix length");
        let d = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
          m = 0,
          p = Math.floor(l / 8);
        for (; m < p; ) (d[m] = 255), m++;
        return (p < 16 && (d[p] = (Math.pow(2, l % 8) - 1) << (8 - (l % 8))), new this(d));
      }),
      (h.fromByteArray = function (l) {
        let d = l.length;
        if (d === 4) return new h.IPv4(l);
        if (d === 16) return new h.IPv6(l);
        throw new Error("ipaddr: the binary input is neither an IPv6 nor IPv4 address");
      }),
      (h.isValid = function (l) {
        return h.IPv6.isValid(l) || h.IPv4.isValid(l);
      }),
      (h.isValidCIDR = function (l) {
        return h.IPv6.isValidCIDR(l) || h.IPv4.isValidCIDR(l);
      }),
      (h.parse = function (l) {
        if (h.IPv6.isValid(l)) return h.IPv6.parse(l);
        if (h.IPv4.isValid(l)) return h.IPv4.parse(l);
        throw new Error("ipaddr: the address has neither IPv6 nor IPv4 format");
      }),
      (h.parseCIDR = function (l) {
        try {
          return h.IPv6.parseCIDR(l);
        } catch {
          try {
            return h.IPv4.parseCIDR(l);
          } catch (d) {
            throw new Error("ipaddr: the address has neither IPv6 nor IPv4 CIDR format", { cause: d });
          }
        }
      }),
      (h.process = function (l) {
        let d = this.parse(l);
        return d.kind() === "ipv6" && d.isIPv4MappedAddress() ? d.toIPv4Address() : d;
      }),
      (h.subnetMatch = function (l, d, m) {
        let p, g, v, P;
        m == null && (m = "unicast");
        for (g in d)
          if (Object.prototype.hasOwnProperty.call(d, g)) {
            for (v = d[g], v[0] && !(v[0] instanceof Array) && (v = [v]), p = 0; p < v.length; p++)
              if (((P = v[p]), l.kind() === P[0].kind() && l.match.apply(l, P))) return g;
          }
        return m;
      }),
      typeof vr < "u" && vr.exports ? (vr.exports = h) : (e.ipaddr = h);
  })(Rs);
});
function Ee(e, t) {
  return Object.assign(e, { damagedKey: t });
}
function ve(e) {
  if (e.split("/").find((n) => n === "" || n === "." || n === ".." || n.includes("\0")) !== void 0)
    throw new Error(`internal error: unsafe store key ${JSON.stringify(e)}`);
}
function On(e, t, r) {
  let n = new Set(e);
  for (let [i, o] of r) {
    if (!i.startsWith(t)) continue;
    let s = i.slice(t.length);
    s.includes("/") ? n.add(t + s.slice(0, s.indexOf("/"))) : o === null ? n.delete(i) : n.add(i);
  }
  return [...n].sort();
}
function Xs(e, t) {
  return {
    update: (r) => t(() => e.update(r)),
    read: (r) => t(() => e.read(r)),
    notes: () => e.notes(),
    get location() {
      return e.location;
    },
    get cliFlags() {
      return e.cliFlags;
    },
    get conflictsRetried() {
      return e.conflictsRetried;
    },
  };
}
var Ys,
  wr,
  st,
  at = y(() => {
    "use strict";
    (Ys = (e) => {
      let t = e?.damagedKey;
      return typeof t == "string" ? t : void 0;
    }),
      (wr = (e) => (/^[\w@%+=:,./-]+$/.test(e) ? e : `'${e.replace(/'/g, "'\\''")}'`));
    st = class {
      writes = new Map();
      put(t, r) {
        ve(t), this.writes.set(t, r);
      }
      delete(t) {
        ve(t), this.writes.set(t, null);
      }
    };
  });
var ra = se((Vb, ta) => {
  function H(e, t) {
    typeof t == "boolean" && (t = { forever: t }),
      (this._originalTimeouts = JSON.parse(JSON.stringify(e))),
      (this._timeouts = e),
      (this._options = t || {}),
      (this._maxRetryTime = (t && t.maxRetryTime) || 1 / 0),
      (this._fn = null),
      (this._errors = []),
      (this._attempts = 1),
      (this._operationTimeout = null),
      (this._operationTimeoutCb = null),
      (this._timeout = null),
      (this._operationStart = null),
      this._options.forever && (this._cachedTimeouts = this._timeouts.slice(0));
  }
  ta.exports = H;
  H.prototype.reset = function () {
    (this._attempts = 1), (this._timeouts = this._originalTimeouts);
  };
  H.prototype.stop = function () {
    this._timeout && clearTimeout(this._timeout), (this._timeouts = []), (this._cachedTimeouts = null);
  };
  H.prototype.retry = function (e) {
    if ((this._timeout && clearTimeout(this._timeout), !e)) return !1;
    var t = new Date().getTime();
    if (e && t - this._operationStart >= this._maxRetryTime)
      return (this._errors.unshift(new Error("RetryOperation timeout occurred")), !1);
    this._errors.push(e);
    var r = this._timeouts.shift();
    if (r === void 0)
      if (this._cachedTimeouts)
        this._errors.splice(this._errors.length - 1, this._errors.length),
          (this._timeouts = this._cachedTimeouts.slice(0)),
          (r = this._timeouts.shift());
      else return !1;
    var n = this,
      i = setTimeout(function () {
        n._attempts++,
          n._operationTimeoutCb &&
            ((n._timeout = setTimeout(function () {
              n._operationTimeoutCb(n._attempts);
            }, n._operationTimeout)),
            n._options.unref && n._timeout.unref()),
          n._fn(n._attempts);
      }, r);
    return (this._options.unref && i.unref(), !0);
  };
  H.prototype.attempt = function (e, t) {
    (this._fn = e), t && (t.timeout && (this._operationTimeout = t.timeout), t.cb && (this._operationTimeoutCb = t.cb));
    var r = this;
    this._operationTimeoutCb &&
      (this._timeout = setTimeout(function () {
        r._operationTimeoutCb();
      }, r._operationTimeout)),
      (this._operationStart = new Date().getTime()),
      this._fn(this._attempts);
  };
  H.prototype.try = function (e) {
    console.log("Using RetryOperation.try() is deprecated"), this.attempt(e);
  };
  H.prototype.start = function (e) {
    console.log("Using RetryOperation.start() is deprecated"), this.attempt(e);
  };
  H.prototype.start = H.prototype.try;
  H.prototype.errors = function () {
    return this._errors;
  };
  H.prototype.attempts = function () {
    return this._attempts;
  };
  H.prototype.mainError = function () {
    if (this._errors.length === 0) return null;
    for (var e = {}, t = null, r = 0, n = 0; n < this._errors.length; n++) {
      var i = this._errors[n],
        o = i.message,
        s = (e[o] || 0) + 1;
      (e[o] = s), s >= r && ((t = i), (r = s));
    }
    return t;
  };
});
var na = se((Re) => {
  var Gu = ra();
  Re.operation = function (e) {
    var t = Re.timeouts(e);
    return new Gu(t, { forever: e && e.forever, unref: e && e.unref, maxRetryTime: e && e.maxRetryTime });
  };
  Re.timeouts = function (e) {
    if (e instanceof Array) return [].concat(e);
    var t = { retries: 10, factor: 2, minTimeout: 1 * 1e3, maxTimeout: 1 / 0, randomize: !1 };
    for (var r in e) t[r] = e[r];
    if (t.minTimeout > t.maxTimeout) throw new Error("minTimeout is greater than maxTimeout");
    for (var n = [], i = 0; i < t.retries; i++) n.push(this.createTimeout(i, t));
    return (
      e && e.forever && !n.length && n.push(this.createTimeout(i, t)),
      n.sort(function (o, s) {
        return o - s;
      }),
      n
    );
  };
  Re.createTimeout = function (e, t) {
    var r = t.randomize ? Math.random() + 1 : 1,
      n = Math.round(r * t.minTimeout * Math.pow(t.factor, e));
    return ((n = Math.min(n, t.maxTimeout)), n);
  };
  Re.wrap = function (e, t, r) {
    if ((t instanceof Array && ((r = t), (t = null)), !r)) {
      r = [];
      for (var n in e) typeof e[n] == "function" && r.push(n);
    }
    for (var i = 0; i < r.length; i++) {
      var o = r[i],
        s = e[o];
      (e[o] = function (c) {
        var u = Re.operation(t),
          f = Array.prototype.slice.call(arguments, 1),
          x = f.pop();
        f.push(function (h) {
          u.retry(h) || (h && (arguments[0] = u.mainError()), x.apply(this, arguments));
        }),
          u.attempt(function () {
            c.apply(e, f);
          });
      }.bind(e, s)),
        (e[o].options = t);
    }
  };
});
var oa = se((Kb, ia) => {
  ia.exports = na();
});
var aa = se((Jb, sa) => {
  "use strict";
  sa.exports = () => () => {};
});
var ca = se((Wb, Tn) => {
  "use strict";
  var la = Symbol();
  function Hu(e, t, r) {
    let n = t[la];
    if (n)
      return t.stat(e, (o, s) => {
        if (o) return r(o);
        r(null, s.mtime, n);
      });
    let i = new Date(Math.ceil(Date.now() / 1e3) * 1e3 + 5);
    t.utimes(e, i, i, (o) => {
      if (o) return r(o);
      t.stat(e, (s, a) => {
        if (s) return r(s);
        let c = a.mtime.getTime() % 1e3 === 0 ? "s" : "ms";
        Object.defineProperty(t, la, { value: c }), r(null, a.mtime, c);
      });
    });
  }
  function Yu(e) {
    let t = Date.now();
    return (e === "s" && (t = Math.ceil(t / 1e3) * 1e3), new Date(t));
  }
  Tn.exports.probe = Hu;
  Tn.exports.getMtime = Yu;
});
var ma = se((Gb, Ct) => {
  "use strict";
  var Xu = require("path"),
    jn = require("node:fs"),
    Qu = oa(),
    ed = aa(),
    ua = ca(),
    be = {};
  function At(e, t) {
    return t.lockfilePath || `${e}.lock`;
  }
  function Dn(e, t, r) {
    if (!t.realpath) return r(null, Xu.resolve(e));
    t.fs.realpath(e, r);
  }
  function Cn(e, t, r) {
    let n = At(e, t);
    t.fs.mkdir(n, (i) => {
      if (!i)
        return ua.probe(n, t.fs, (o, s, a) => {
          if (o) return (t.fs.rmdir(n, () => {}), r(o));
          r(null, s, a);
        });
      if (i.code !== "EEXIST") return r(i);
      if (t.stale <= 0)
        return r(Object.assign(new Error("Lock file is already being held"), { code: "ELOCKED", file: e }));
      t.fs.stat(n, (o, s) => {
        if (o) return o.code === "ENOENT" ? Cn(e, { ...t, stale: 0 }, r) : r(o);
        if (!da(s, t))
          return r(Object.assign(new Error("Lock file is already being held"), { code: "ELOCKED", file: e }));
        fa(e, t, (a) => {
          if (a) return r(a);
          Cn(e, { ...t, stale: 0 }, r);
        });
      });
    });
  }
  function da(e, t) {
    return e.mtime.getTime() < Date.now() - t.stale;
  }
  function fa(e, t, r) {
    t.fs.rmdir(At(e, t), (n) => {
      if (n && n.code !== "ENOENT") return r(n);
      r();
    });
  }
  function _r(e, t) {
    let r = be[e];
    r.updateTimeout ||
      ((r.updateDelay = r.updateDelay || t.update),
      (r.updateTimeout = setTimeout(() => {
        (r.updateTimeout = null),
          t.fs.stat(r.lockfilePath, (n, i) => {
            let o = r.lastUpdate + t.stale < Date.now();
            if (n)
              return n.code === "ENOENT" || o
                ? An(e, r, Object.assign(n, { code: "ECOMPROMISED" }))
                : ((r.updateDelay = 1e3), _r(e, t));
            if (!(r.mtime.getTime() === i.mtime.getTime()))
              return An(
                e,
                r,
                Object.assign(new Error("Unable to update lock within the stale threshold"), { code: "ECOMPROMISED" }),
              );
            let a = ua.getMtime(r.mtimePrecision);
            t.fs.utimes(r.lockfilePath, a, a, (c) => {
              let u = r.lastUpdate + t.stale < Date.now();
              if (!r.released) {
                if (c)
                  return c.code === "ENOENT" || u
                    ? An(e, r, Object.assign(c, { code: "ECOMPROMISED" }))
                    : ((r.updateDelay = 1e3), _r(e, t));
                (r.mtime = a), (r.lastUpdate = Date.now()), (r.updateDelay = null), _r(e, t);
              }
            });
          });
      }, r.updateDelay)),
      r.updateTimeout.unref && r.updateTimeout.unref());
  }
  function An(e, t, r) {
    (t.released = !0),
      t.updateTimeout && clearTimeout(t.updateTimeout),
      be[e] === t && delete be[e],
      t.options.onCompromised(r);
  }
  function td(e, t, r) {
    (t = {
      stale: 1e4,
      update: null,
      realpath: !0,
      retries: 0,
      fs: jn,
      onCompromised: (n) => {
        throw n;
      },
      ...t,
    }),
      (t.retries = t.retries || 0),
      (t.retries = typeof t.retries == "number" ? { retries: t.retries } : t.retries),
      (t.stale = Math.max(t.stale || 0, 2e3)),
      (t.update = t.update == null ? t.stale / 2 : t.update || 0),
      (t.update = Math.max(Math.min(t.update, t.stale / 2), 1e3)),
      Dn(e, t, (n, i) => {
        if (n) return r(n);
        let o = Qu.operation(t.retries);
        o.attempt(() => {
          Cn(i, t, (s, a, c) => {
            if (o.retry(s)) return;
            if (s) return r(o.mainError());
            let u = (be[i] = {
              lockfilePath: At(i, t),
              mtime: a,
              mtimePrecision: c,
              options: t,
              lastUpdate: Date.now(),
            });
            _r(i, t),
              r(null, (f) => {
                if (u.released)
                  return f && f(Object.assign(new Error("Lock is already released"), { code: "ERELEASED" }));
                pa(i, { ...t, realpath: !1 }, f);
              });
          });
        });
      });
  }
  function pa(e, t, r) {
    (t = { fs: jn, realpath: !0, ...t }),
      Dn(e, t, (n, i) => {
        if (n) return r(n);
        let o = be[i];
        if (!o) return r(Object.assign(new Error("Lock is not acquired/owned by you"), { code: "ENOTACQUIRED" }));
        o.updateTimeout && clearTimeout(o.updateTimeout), (o.released = !0), delete be[i], fa(i, t, r);
      });
  }
  function rd(e, t, r) {
    (t = { stale: 1e4, realpath: !0, fs: jn, ...t }),
      (t.stale = Math.max(t.stale || 0, 2e3)),
      Dn(e, t, (n, i) => {
        if (n) return r(n);
        t.fs.stat(At(i, t), (o, s) => (o ? (o.code === "ENOENT" ? r(null, !1) : r(o)) : r(null, !da(s, t))));
      });
  }
  function nd() {
    return be;
  }
  ed(() => {
    for (let e in be) {
      let t = be[e].options;
      try {
        t.fs.rmdirSync(At(e, t));
      } catch {}
    }
  });
  Ct.exports.lock = td;
  Ct.exports.unlock = pa;
  Ct.exports.check = rd;
  Ct.exports.getLocks = nd;
});
var ga = se((Hb, ha) => {
  "use strict";
  var id = require("node:fs");
  function od(e) {
    let t = ["mkdir", "realpath", "stat", "rmdir", "utimes"],
      r = { ...e };
    return (
      t.forEach((n) => {
        r[n] = (...i) => {
          let o = i.pop(),
            s;
          try {
            s = e[`${n}Sync`](...i);
          } catch (a) {
            return o(a);
          }
          o(null, s);
        };
      }),
      r
    );
  }
  function sd(e) {
    return (...t) =>
      new Promise((r, n) => {
        t.push((i, o) => {
          i ? n(i) : r(o);
        }),
          e(...t);
      });
  }
  function ad(e) {
    return (...t) => {
      let r, n;
      if (
        (t.push((i, o) => {
          (r = i), (n = o);
        }),
        e(...t),
        r)
      )
        throw r;
      return n;
    };
  }
  function ld(e) {
    if (
      ((e = { ...e }),
      (e.fs = od(e.fs || id)),
      (typeof e.retries == "number" && e.retries > 0) ||
        (e.retries && typeof e.retries.retries == "number" && e.retries.retries > 0))
    )
      throw Object.assign(new Error("Cannot use retries with the sync api"), { code: "ESYNC" });
    return e;
  }
  ha.exports = { toPromise: sd, toSync: ad, toSyncOptions: ld };
});
var ya = se((Yb, Ne) => {
  "use strict";
  var ct = ma(),
    { toPromise: kr, toSync: xr, toSyncOptions: Rn } = ga();
  async function va(e, t) {
    let r = await kr(ct.lock)(e, t);
    return kr(r);
  }
  function cd(e, t) {
    let r = xr(ct.lock)(e, Rn(t));
    return xr(r);
  }
  function ud(e, t) {
    return kr(ct.unlock)(e, t);
  }
  function dd(e, t) {
    return xr(ct.unlock)(e, Rn(t));
  }
  function fd(e, t) {
    return kr(ct.check)(e, t);
  }
  function pd(e, t) {
    return xr(ct.check)(e, Rn(t));
  }
  Ne.exports = va;
  Ne.exports.lock = va;
  Ne.exports.unlock = ud;
  Ne.exports.lockSync = cd;
  Ne.exports.unlockSync = dd;
  Ne.exports.check = fd;
  Ne.exports.checkSync = pd;
});
async function Ta(e, t, r) {
  let n = await zd(`\0ippool-etcd:${e}`.slice(0, 100), t);
  try {
    return await r();
  } finally {
    n();
  }
}
async function zd(e, t) {
  for (;;) {
    let r = await Td(e);
    if (r) return r;
    if (Date.now() >= t)
      throw new O(
        "unavailable",
        "other ippool processes on this node kept the etcd store busy for as long as this call may wait; nothing was written",
        "retry, or raise ipam.lockWaitSeconds",
      );
    await Ad(e, t);
  }
}
function Td(e) {
  return new Promise((t, r) => {
    let n = (0, Pr.createServer)(),
      i = new Set();
    n.on("connection", (o) => {
      o.unref(), i.add(o);
    }),
      n.once("error", (o) => (o.code === "EADDRINUSE" ? t(void 0) : r(o))),
      n.listen({ path: e }, () => {
        n.unref(),
          t(() => {
            n.close();
            for (let o of i) o.destroy();
          });
      });
  });
}
function Ad(e, t) {
  return new Promise((r) => {
    let n = (0, Pr.connect)({ path: e }),
      i = !1,
      o = () => {
        clearTimeout(s), n.destroy(), setTimeout(r, i ? Math.random() * 5 : 0);
      },
      s = setTimeout(o, Math.max(0, t - Date.now()));
    n.once("error", () => {
      (i = !0), o();
    }),
      n.once("close", o);
  });
}
var Pr,
  Aa = y(() => {
    "use strict";
    Pr = require("node:net");
    q();
  });
function Ca(e, t, r, n) {
  return new O(
    "unavailable",
    `etcd at ${e.join(",")} refused every connection for ${r.toFixed(1)} s: no etcd member listens there${n ? "; nothing was written" : ""}; check the endpoints (scheme, host, port) and that etcd is running`,
    Mt(t),
  );
}
function ja(e) {
  return /too many operations/.test(e)
    ? new O(
        "unavailable",
        `etcd refused the transaction: ${e}`,
        "raise --max-txn-ops on every etcd member (the default is 128)",
      )
    : /compacted/.test(e)
      ? new O("unavailable", "etcd compacted the revision this transaction read; retry", e)
      : new O("internal", `internal error: etcd refused a request: ${e}`, "please report this as a bug");
}
function Jn(e) {
  return new O(
    "io",
    `etcd TLS handshake failed: ${e[0].error}`,
    `${Mt(e)}; check caFile (the CA that signed the members' certificates) and certFile/keyFile (a client certificate that CA signed)`,
  );
}
function Mt(e) {
  let t = new Map();
  for (let r of e) {
    let n = t.get(r.endpoint);
    n ? n.times++ : t.set(r.endpoint, { error: r.error, times: 1 });
  }
  return [...t].map(([r, { error: n, times: i }]) => `${r}: ${n}${i > 1 ? ` (${i} attempts)` : ""}`).join("; ");
}
var Cd,
  Da,
  Ra = y(() => {
    "use strict";
    q();
    (Cd = /^(ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|EPROTO$)/), (Da = (e) => Cd.test(e));
  });
function ft(e) {
  return e.slice(0, -1) + String.fromCharCode(e.charCodeAt(e.length - 1) + 1);
}
function zr(e, t, r) {
  let n = t;
  if (typeof n.etcdError == "string") throw ja(n.etcdError);
  let i = M(e, t);
  if (!i.success)
    throw new O("internal", `internal error: etcd ${r} reply has an unexpected shape`, JSON.stringify(t).slice(0, 300));
  return i.data;
}
function qd(e) {
  let t = (o, s) => {
      if (o !== void 0)
        try {
          return (0, Ua.readFileSync)(o);
        } catch (a) {
          throw new O("io", `cannot read the etcd ${s} ${o}: ${a.code ?? a.message}`);
        }
    },
    r = t(e?.caFile, "CA file"),
    n = t(e?.certFile, "client certificate file"),
    i = t(e?.keyFile, "client key file");
  return { ...(r ? { ca: r } : {}), ...(n ? { cert: n } : {}), ...(i ? { key: i } : {}) };
}
var Gn,
  Ua,
  Wn,
  Ar,
  Fa,
  jd,
  Dd,
  Rd,
  Md,
  Ld,
  Lt,
  Ue,
  dt,
  Ud,
  Fd,
  Ma,
  Bd,
  Zd,
  Vd,
  La,
  Tr,
  Ba = y(() => {
    "use strict";
    (Gn = yt(require("node:http"))), (Ua = require("node:fs"));
    re();
    q();
    Ra();
    (Wn = mr(
      N(S()),
      pr((e) => BigInt(e ?? "0")),
    )),
      (Ar = R({ revision: Wn, member_id: N(S()) })),
      (Fa = R({ key: S(), value: N(S()), create_revision: Wn, mod_revision: Wn })),
      (jd = R({ header: Ar, kvs: D(L(Fa), []) })),
      (Dd = R({ header: Ar, succeeded: N(Se()) })),
      (Rd = R({ header: Ar, responses: D(L(R({ response_range: R({ kvs: D(L(Fa), []) }) })), []) })),
      (Md = R({ header: Ar, version: N(S()), leader: N(S()) })),
      (Ld = R({ code: N(Nt()), message: N(S()), error: N(S()) })),
      (Lt = class extends Error {}),
      (Ue = (e) => Buffer.from(e, "utf8").toString("base64")),
      (dt = (e) => Buffer.from(e, "base64").toString("utf8"));
    (Ud = new Set(["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "EADDRNOTAVAIL"])),
      (Fd = 14),
      (Ma = 4),
      (Bd = 8),
      (Zd = 5),
      (Vd = 250),
      (La = (e) => ({
        key: Ue(e.key),
        ...(e.rangeEnd !== void 0 ? { range_end: Ue(e.rangeEnd) } : {}),
        ...(e.revision !== void 0 ? { revision: e.revision.toString() } : {}),
        ...(e.keysOnly ? { keys_only: !0 } : {}),
      })),
      (Tr = class {
        constructor(t) {
          this.options = t;
          (this.order = [...t.endpoints]), (this.agentHttp = new Gn.Agent({ keepAlive: !0, maxSockets: 4 }));
        }
        agentHttp;
        https;
        order;
        async range(t) {
          return zr(jd, await this.call("/v3/kv/range", La(t), !0), "range");
        }
        async ranges(t) {
          let r = { success: t.map((i) => ({ request_range: La(i) })) },
            n = zr(Rd, await this.call("/v3/kv/txn", r, !0), "txn of ranges");
          if (n.responses.length !== t.length)
            throw new O("internal", `internal error: etcd answered ${n.responses.length} of ${t.length} ranges`);
          return { revision: n.header.revision, replies: n.responses.map((i) => i.response_range.kvs) };
        }
        async txn(t) {
          let r = {
            compare: t.compares.map((n) => ({
              key: Ue(n.key),
              ...(n.rangeEnd !== void 0 ? { range_end: Ue(n.rangeEnd) } : {}),
              target: n.target,
              result: n.result,
              [n.target === "MOD" ? "mod_revision" : "create_revision"]: n.revision.toString(),
            })),
            success: [
              ...t.puts.map((n) => ({ request_put: { key: Ue(n.key), value: Ue(n.value) } })),
              ...t.deletes.map((n) => ({ request_delete_range: { key: Ue(n) } })),
            ],
          };
          return zr(Dd, await this.call("/v3/kv/txn", r, !1), "txn");
        }
        async status(t) {
          let r = await this.post(t, "/v3/maintenance/status", {}, this.remaining());
          if (!r.ok) throw this.unavailable([r.attempt], !1);
          return zr(Md, r.body, "status");
        }
        async call(t, r, n) {
          let i = [],
            o = Date.now(),
            s = 0;
          for (let a = 0; ; a++) {
            for (let [f, x] of this.order.entries()) {
              let h = Math.max(500, this.remaining() / (this.order.length - f)),
                l = await this.post(x, t, r, Math.min(h, this.remaining()));
              if (l.ok) return (f > 0 && (this.order = [x, ...this.order.filter((d) => d !== x)]), l.body);
              if ((i.push(l.attempt), !n && !l.attempt.harmless)) throw new Lt(Mt(i));
              if (this.remaining() <= 0) throw this.unavailable(i, !n);
            }
            if (i.every((f) => f.tls)) throw Jn(i);
            if (((s = i.slice(-this.order.length).every((f) => f.refused) ? s + 1 : 0), s >= Zd))
              throw Ca(this.options.endpoints, i, (Date.now() - o) / 1e3, !n);
            let c = s > 0 ? Vd * 2 ** (s - 1) : 50 * 2 ** Math.min(a, 4),
              u = Math.min(this.remaining(), c * (0.5 + Math.random()));
            if (u <= 0) throw this.unavailable(i, !n);
            await new Promise((f) => setTimeout(f, u));
          }
        }
        remaining() {
          return this.options.deadline() - Date.now();
        }
        unavailable(t, r) {
          return t.length > 0 && t.every((n) => n.tls)
            ? Jn(t)
            : new O(
                "unavailable",
                `etcd cluster at ${this.options.endpoints.join(",")} is unavailable: no member answered before the deadline${r ? "; nothing was written" : ""}`,
                Mt(t),
              );
        }
        loadHttps() {
          return (
            (this.https ??= Promise.resolve()
              .then(() => yt(require("node:https")))
              .then((t) => ({
                module: t,
                agent: new t.Agent({ keepAlive: !0, maxSockets: 4, ...qd(this.options.tls) }),
              }))),
            this.https
          );
        }
        async post(t, r, n, i) {
          let o = JSON.stringify(n),
            s = new URL(r, t),
            a = s.protocol === "https:",
            c = (f, x, h = !1, l = !1) => ({
              ok: !1,
              attempt: { endpoint: t, error: f, harmless: x, tls: h, refused: l },
            });
          if (i <= 0) return c("deadline reached before the request", !0);
          let u = a ? await this.loadHttps() : void 0;
          return new Promise((f) => {
            let x = !1,
              h = (p) => {
                x || ((x = !0), clearTimeout(m), f(p));
              },
              l = (u ? u.module : Gn).request(s, {
                method: "POST",
                agent: u ? u.agent : this.agentHttp,
                headers: { "content-type": "application/json", "content-length": Buffer.byteLength(o) },
              }),
              d = !1;
            l.on("socket", (p) => {
              p.connecting ? p.once(a ? "secureConnect" : "connect", () => (d = !0)) : (d = !0);
            });
            let m = setTimeout(() => {
              h(c(`no answer within ${Math.round(i)} ms`, !d)), l.destroy();
            }, i);
            l.on("error", (p) => {
              let g = p.code ?? "",
                v = Da(g),
                P = g && !p.message.includes(g) ? `${g}: ${p.message}` : p.message;
              h(c(P, Ud.has(g) || v, v, g === "ECONNREFUSED"));
            }),
              l.on("response", (p) => {
                let g = [];
                p.on("data", (v) => g.push(v)),
                  p.on("error", (v) => h(c(v.message, !1))),
                  p.on("end", () => {
                    let v = Buffer.concat(g).toString("utf8"),
                      P;
                    try {
                      P = JSON.parse(v);
                    } catch {
                      return h(c(`HTTP ${p.statusCode}: ${v.slice(0, 200)}`, !1));
                    }
                    if (p.statusCode === 200) return h({ ok: !0, body: P });
                    let K = M(Ld, P),
                      J = K.success ? K.data.code : void 0,
                      X = (K.success ? (K.data.message ?? K.data.error) : void 0) ?? v.slice(0, 200);
                    if (J !== Fd && J !== Ma && J !== Bd)
                      return h({ ok: !0, body: { etcdError: X, status: p.statusCode } });
                    h(c(X, J !== Ma && !/timed out|leader changed/.test(X)));
                  });
              }),
              l.end(o);
          });
        }
      });
  });
var Ka = {};
Jr(Ka, { EtcdStore: () => Hn });
function Za(e, t) {
  let r = new Set();
  for (let n of t) {
    let i = n.slice(e.length);
    r.add(e + (i.includes("/") ? i.slice(0, i.indexOf("/")) : i));
  }
  return [...r].sort();
}
function Va(e, t, r, n) {
  if (t === void 0) return;
  let i;
  try {
    i = JSON.parse(dt(t.value ?? ""));
  } catch {
    throw Ee(qa(e, "not JSON"), n);
  }
  let o = M(r, i);
  if (!o.success) throw Ee(qa(e, `unexpected content (${o.error.issues[0]?.message ?? "schema"})`), n);
  return o.data;
}
function qa(e, t) {
  return new O(
    "damaged",
    `etcd key ${e} is damaged: ${t}`,
    `inspect it with 'etcdctl get ${e}'; 'ippool verify' checks the whole store; nothing was reset`,
  );
}
var Kd,
  Jd,
  Hn,
  Cr,
  Ja = y(() => {
    "use strict";
    re();
    q();
    at();
    Aa();
    Ba();
    (Kd = 5),
      (Jd = 200),
      (Hn = class {
        constructor(t) {
          this.options = t;
          (this.deadline = Date.now() + t.timeoutMs),
            (this.client = new Tr({
              endpoints: t.endpoints,
              deadline: () => this.deadline,
              ...(t.tls ? { tls: t.tls } : {}),
            }));
        }
        client;
        deadline;
        conflictsRetried = 0;
        largestCommitOps = 0;
        get cliFlags() {
          let { endpoints: t, prefix: r, tls: n } = this.options,
            i = [
              ["--etcd-ca-file", n?.caFile],
              ["--etcd-cert-file", n?.certFile],
              ["--etcd-key-file", n?.keyFile],
            ];
          return [["--etcd-endpoints", t.join(",")], ["--etcd-prefix", r], ...i.filter(([, s]) => s !== void 0)]
            .map(([s, a]) => `${s} ${wr(a)}`)
            .join(" ");
        }
        get location() {
          return `etcd ${this.options.endpoints.join(",")} prefix ${this.options.prefix}`;
        }
        fullKey(t) {
          return `${this.options.prefix}/${t}`;
        }
        async update(t) {
          let r = Date.now() + (this.options.turnWaitMs ?? this.options.timeoutMs);
          return Ta(
            this.options.turn ?? this.options.prefix,
            r,
            () => ((this.deadline = Date.now() + this.options.timeoutMs), this.attempt(t)),
          );
        }
        async attempt(t) {
          for (let r = 1; ; r++) {
            let n = new Cr(this, this.client),
              i = await t(n);
            if (n.writes.size === 0 || (await this.commit(n))) return i;
            this.conflictsRetried++;
            let o = Math.random() * Math.min(Jd, Kd * 2 ** r);
            if (Date.now() + o >= this.deadline)
              throw new O(
                "unavailable",
                `the store changed under this transaction ${r} times; nothing was written; retry`,
                this.location,
              );
            await new Promise((s) => setTimeout(s, o));
          }
        }
        async read(t) {
          return t(new Cr(this, this.client));
        }
        async notes() {
          let t = [];
          for (let r of this.options.endpoints)
            try {
              await this.client.status(r);
            } catch (n) {
              t.push(
                `etcd member ${r} does not answer (${n.details ?? n.message}); the cluster works while a quorum does`,
              );
            }
          return { notes: t, problems: [] };
        }
        async commit(t) {
          let r = [...t.writes]
              .filter(([, o]) => o !== null)
              .map(([o, s]) => ({ key: this.fullKey(o), value: JSON.stringify(s) })),
            n = [...t.writes].filter(([, o]) => o === null).map(([o]) => this.fullKey(o)),
            i = t.compares();
          this.largestCommitOps = Math.max(this.largestCommitOps, i.length + r.length + n.length);
          try {
            return (await this.client.txn({ compares: i, puts: r, deletes: n })).succeeded === !0;
          } catch (o) {
            if (!(o instanceof Lt)) throw o;
            if (await this.landed(t.revision, r, n)) return !0;
            throw new O(
              "unavailable",
              "etcd did not confirm the commit and it cannot be told whether it was applied",
              `${o.message}; a DEL (or 'ippool release') of the same attachment cleans up if it was`,
            );
          }
        }
        async landed(t, r, n) {
          try {
            let i = new Set();
            for (let o of r) {
              let [s] = (await this.client.range({ key: o.key })).kvs;
              if (s === void 0 || dt(s.value ?? "") !== o.value || s.mod_revision <= (t ?? 0n)) return !1;
              i.add(s.mod_revision);
            }
            for (let o of n) if ((await this.client.range({ key: o })).kvs.length > 0) return !1;
            return i.size <= 1;
          } catch {
            return !1;
          }
        }
      }),
      (Cr = class extends st {
        constructor(r, n) {
          super();
          this.store = r;
          this.client = n;
        }
        revision;
        modRevisions = new Map();
        docs = new Map();
        listings = new Map();
        fetched = new Map();
        fetchedPrefixes = [];
        fetchedListings = new Map();
        async get(r, n) {
          if (this.writes.has(r)) return this.writes.get(r) ?? void 0;
          if (this.docs.has(r)) return this.docs.get(r);
          ve(r);
          let i = this.store.fullKey(r),
            [o] = this.wasFetched(i) ? [this.fetched.get(i)] : await this.range(i);
          this.modRevisions.set(i, o?.mod_revision ?? 0n);
          let s = Va(i, o, n, r);
          return (this.docs.set(r, s), s);
        }
        async peek(r, n) {
          return (
            await this.prefetch({ keys: r }),
            r.map((i) => {
              if (this.writes.has(i)) return this.writes.get(i) ?? void 0;
              if (this.docs.has(i)) return this.docs.get(i);
              let o = this.store.fullKey(i);
              return Va(o, this.fetched.get(o), n, i);
            })
          );
        }
        async peekList(r) {
          return Za(r, await this.keysBelow(r, !1, !1));
        }
        async prefetch(r) {
          let n = [],
            i = [],
            o = this.revision !== void 0 ? { revision: this.revision } : {};
          for (let c of r.keys ?? []) {
            ve(c);
            let u = this.store.fullKey(c);
            this.writes.has(c) ||
              this.docs.has(c) ||
              this.wasFetched(u) ||
              (n.push({ key: u, ...o }), i.push(([f]) => this.fetched.set(u, f)));
          }
          for (let c of r.documentsBelow ?? []) {
            if (!c.endsWith("/"))
              throw new Error(`internal error: prefetch prefix ${JSON.stringify(c)} must end with "/"`);
            let u = this.store.fullKey(c);
            this.fetchedPrefixes.includes(u) ||
              (n.push({ key: u, rangeEnd: ft(u), ...o }),
              i.push((f) => {
                for (let x of f) this.fetched.set(dt(x.key), x);
                this.fetchedPrefixes.push(u);
              }));
          }
          for (let c of r.listings ?? []) {
            let u = this.store.fullKey(c);
            this.listings.has(u) ||
              (n.push({ key: u, rangeEnd: ft(u), keysOnly: !0, ...o }), i.push((f) => this.fetchedListings.set(u, f)));
          }
          if (n.length === 0) return;
          let { revision: s, replies: a } = await this.client.ranges(n);
          (this.revision ??= s), a.forEach((c, u) => i[u](c));
        }
        wasFetched(r) {
          return this.fetched.has(r) || this.fetchedPrefixes.some((n) => r.startsWith(n));
        }
        async list(r) {
          return Za(r, await this.keysBelow(r, !1));
        }
        async listAll(r) {
          return (await this.keysBelow(r, !0)).sort();
        }
        compares() {
          let r = [];
          for (let [n, i] of this.modRevisions) r.push({ key: n, target: "MOD", result: "EQUAL", revision: i });
          for (let [n, i] of this.listings) {
            r.push({ key: n, rangeEnd: ft(n), target: "CREATE", result: "LESS", revision: (this.revision ?? 0n) + 1n });
            for (let [o, s] of i.direct)
              this.modRevisions.has(o) || r.push({ key: o, target: "CREATE", result: "EQUAL", revision: s });
            for (let o of i.subPrefixes)
              r.push({ key: o, rangeEnd: ft(o), target: "CREATE", result: "GREATER", revision: 0n });
          }
          return r;
        }
        async keysBelow(r, n, i = !0) {
          let o = this.store.fullKey(r),
            s = this.store.fullKey(""),
            a = (!n && this.fetchedListings.get(o)) || (await this.range(o, ft(o)));
          i && this.recordListing(o, a, n);
          let c = new Set(a.map((u) => dt(u.key).slice(s.length)));
          for (let [u, f] of this.writes) u.startsWith(r) && (f === null ? c.delete(u) : c.add(u));
          return [...c];
        }
        recordListing(r, n, i) {
          let o = new Map(),
            s = new Set();
          for (let c of n) {
            let u = dt(c.key),
              f = u.indexOf("/", r.length);
            i || f < 0 ? o.set(u, c.create_revision) : s.add(u.slice(0, f + 1));
          }
          let a = this.listings.get(r);
          this.listings.set(r, a && a.all ? a : { direct: o, subPrefixes: s, all: i });
        }
        async range(r, n) {
          let i = await this.client.range({
            key: r,
            ...(n !== void 0 ? { rangeEnd: n, keysOnly: !0 } : {}),
            ...(this.revision !== void 0 ? { revision: this.revision } : {}),
          });
          return ((this.revision ??= i.header.revision), i.kvs);
        }
      });
  });
var Wl = se((R$, pi) => {
  var { compileFunction: bf } = require("node:vm"),
    wf = bf(
      '"use strict";var Kx=Object.create;var mo=Object.defineProperty;var Jx=Object.getOwnPropertyDescriptor;var Gx=Object.getOwnPropertyNames;var Wx=Object.getPrototypeOf,Hx=Object.prototype.hasOwnProperty;var E=(e,t)=>()=>(e&&(t=e(e=0)),t);var b=(e,t)=>()=>(t||e((t={exports:{}}).exports,t),t.exports),hc=(e,t)=>{for(var r in t)mo(e,r,{get:t[r],enumerable:!0})},Ep=(e,t,r,n)=>{if(t&&typeof t=="object"||typeof t=="function")for(let i of Gx(t))!Hx.call(e,i)&&i!==r&&mo(e,i,{get:()=>t[i],enumerable:!(n=Jx(t,i))||n.enumerable});return e};var $r=(e,t,r)=>(r=e!=null?Kx(Wx(e)):{},Ep(t||!e||!e.__esModule?mo(r,"default",{value:e,enumerable:!0}):r,e)),Yx=e=>Ep(mo({},"__esModule",{value:!0}),e);var j,Me,be=E(()=>{"use strict";j=class extends Error{constructor(r,n,i){super(n);this.reason=r;this.details=i;this.name="StoreError"}},Me=e=>e instanceof j&&e.reason==="damaged"});function Zt(e,t){return Object.assign(e,{damagedKey:t})}function St(e){if(e.split("/").find(n=>n===""||n==="."||n===".."||n.includes("\\0"))!==void 0)throw new Error(`internal error: unsafe store key ${JSON.stringify(e)}`)}function Yr(e,t,r){let n=new Set(e);for(let[i,o]of r){if(!i.startsWith(t))continue;let s=i.slice(t.length);s.includes("/")?n.add(t+s.slice(0,s.indexOf("/"))):o===null?n.delete(i):n.add(i)}return[...n].sort()}function yo(e,t){return{update:r=>t(()=>e.update(r)),read:r=>t(()=>e.read(r)),notes:()=>e.notes(),get location(){return e.location},get cliFlags(){return e.cliFlags},get conflictsRetried(){return e.conflictsRetried}}}var ho,go,Bt,kt=E(()=>{"use strict";ho=e=>{let t=e?.damagedKey;return typeof t=="string"?t:void 0},go=e=>/^[\\w@%+=:,./-]+$/.test(e)?e:`\'${e.replace(/\'/g,"\'\\\\\'\'")}\'`;Bt=class{writes=new Map;put(t,r){St(t),this.writes.set(t,r)}delete(t){St(t),this.writes.set(t,null)}}});var Tp=b((yM,Pp)=>{function Le(e,t){typeof t=="boolean"&&(t={forever:t}),this._originalTimeouts=JSON.parse(JSON.stringify(e)),this._timeouts=e,this._options=t||{},this._maxRetryTime=t&&t.maxRetryTime||1/0,this._fn=null,this._errors=[],this._attempts=1,this._operationTimeout=null,this._operationTimeoutCb=null,this._timeout=null,this._operationStart=null,this._options.forever&&(this._cachedTimeouts=this._timeouts.slice(0))}Pp.exports=Le;Le.prototype.reset=function(){this._attempts=1,this._timeouts=this._originalTimeouts};Le.prototype.stop=function(){this._timeout&&clearTimeout(this._timeout),this._timeouts=[],this._cachedTimeouts=null};Le.prototype.retry=function(e){if(this._timeout&&clearTimeout(this._timeout),!e)return!1;var t=new Date().getTime();if(e&&t-this._operationStart>=this._maxRetryTime)return this._errors.unshift(new Error("RetryOperation timeout occurred")),!1;this._errors.push(e);var r=this._timeouts.shift();if(r===void 0)if(this._cachedTimeouts)this._errors.splice(this._errors.length-1,this._errors.length),this._timeouts=this._cachedTimeouts.slice(0),r=this._timeouts.shift();else return!1;var n=this,i=setTimeout(function(){n._attempts++,n._operationTimeoutCb&&(n._timeout=setTimeout(function(){n._operationTimeoutCb(n._attempts)},n._operationTimeout),n._options.unref&&n._timeout.unref()),n._fn(n._attempts)},r);return this._options.unref&&i.unref(),!0};Le.prototype.attempt=function(e,t){this._fn=e,t&&(t.timeout&&(this._operationTimeout=t.timeout),t.cb&&(this._operationTimeoutCb=t.cb));var r=this;this._operationTimeoutCb&&(this._timeout=setTimeout(function(){r._operationTimeoutCb()},r._operationTimeout)),this._operationStart=new Date().getTime(),this._fn(this._attempts)};Le.prototype.try=function(e){console.log("Using RetryOperation.try() is deprecated"),this.attempt(e)};Le.prototype.start=function(e){console.log("Using RetryOperation.start() is deprecated"),this.attempt(e)};Le.prototype.start=Le.prototype.try;Le.prototype.errors=function(){return this._errors};Le.prototype.attempts=function(){return this._attempts};Le.prototype.mainError=function(){if(this._errors.length===0)return null;for(var e={},t=null,r=0,n=0;n<this._errors.length;n++){var i=this._errors[n],o=i.message,s=(e[o]||0)+1;e[o]=s,s>=r&&(t=i,r=s)}return t}});var Ap=b(Sr=>{var oI=Tp();Sr.operation=function(e){var t=Sr.timeouts(e);return new oI(t,{forever:e&&e.forever,unref:e&&e.unref,maxRetryTime:e&&e.maxRetryTime})};Sr.timeouts=function(e){if(e instanceof Array)return[].concat(e);var t={retries:10,factor:2,minTimeout:1*1e3,maxTimeout:1/0,randomize:!1};for(var r in e)t[r]=e[r];if(t.minTimeout>t.maxTimeout)throw new Error("minTimeout is greater than maxTimeout");for(var n=[],i=0;i<t.retries;i++)n.push(this.createTimeout(i,t));return e&&e.forever&&!n.length&&n.push(this.createTimeout(i,t)),n.sort(function(o,s){return o-s}),n};Sr.createTimeout=function(e,t){var r=t.randomize?Math.random()+1:1,n=Math.round(r*t.minTimeout*Math.pow(t.factor,e));return n=Math.min(n,t.maxTimeout),n};Sr.wrap=function(e,t,r){if(t instanceof Array&&(r=t,t=null),!r){r=[];for(var n in e)typeof e[n]=="function"&&r.push(n)}for(var i=0;i<r.length;i++){var o=r[i],s=e[o];e[o]=function(c){var l=Sr.operation(t),u=Array.prototype.slice.call(arguments,1),p=u.pop();u.push(function(f){l.retry(f)||(f&&(arguments[0]=l.mainError()),p.apply(this,arguments))}),l.attempt(function(){c.apply(e,u)})}.bind(e,s),e[o].options=t}}});var Dp=b((bM,Cp)=>{Cp.exports=Ap()});var zp=b((wM,Rp)=>{"use strict";Rp.exports=()=>()=>{}});var Mp=b(($M,vc)=>{"use strict";var jp=Symbol();function sI(e,t,r){let n=t[jp];if(n)return t.stat(e,(o,s)=>{if(o)return r(o);r(null,s.mtime,n)});let i=new Date(Math.ceil(Date.now()/1e3)*1e3+5);t.utimes(e,i,i,o=>{if(o)return r(o);t.stat(e,(s,a)=>{if(s)return r(s);let c=a.mtime.getTime()%1e3===0?"s":"ms";Object.defineProperty(t,jp,{value:c}),r(null,a.mtime,c)})})}function aI(e){let t=Date.now();return e==="s"&&(t=Math.ceil(t/1e3)*1e3),new Date(t)}vc.exports.probe=sI;vc.exports.getMtime=aI});var Bp=b((_M,qn)=>{"use strict";var cI=require("path"),$c=require("node:fs"),lI=Dp(),uI=zp(),Lp=Mp(),It={};function Un(e,t){return t.lockfilePath||`${e}.lock`}function _c(e,t,r){if(!t.realpath)return r(null,cI.resolve(e));t.fs.realpath(e,r)}function wc(e,t,r){let n=Un(e,t);t.fs.mkdir(n,i=>{if(!i)return Lp.probe(n,t.fs,(o,s,a)=>{if(o)return t.fs.rmdir(n,()=>{}),r(o);r(null,s,a)});if(i.code!=="EEXIST")return r(i);if(t.stale<=0)return r(Object.assign(new Error("Lock file is already being held"),{code:"ELOCKED",file:e}));t.fs.stat(n,(o,s)=>{if(o)return o.code==="ENOENT"?wc(e,{...t,stale:0},r):r(o);if(!Up(s,t))return r(Object.assign(new Error("Lock file is already being held"),{code:"ELOCKED",file:e}));qp(e,t,a=>{if(a)return r(a);wc(e,{...t,stale:0},r)})})})}function Up(e,t){return e.mtime.getTime()<Date.now()-t.stale}function qp(e,t,r){t.fs.rmdir(Un(e,t),n=>{if(n&&n.code!=="ENOENT")return r(n);r()})}function bo(e,t){let r=It[e];r.updateTimeout||(r.updateDelay=r.updateDelay||t.update,r.updateTimeout=setTimeout(()=>{r.updateTimeout=null,t.fs.stat(r.lockfilePath,(n,i)=>{let o=r.lastUpdate+t.stale<Date.now();if(n)return n.code==="ENOENT"||o?bc(e,r,Object.assign(n,{code:"ECOMPROMISED"})):(r.updateDelay=1e3,bo(e,t));if(!(r.mtime.getTime()===i.mtime.getTime()))return bc(e,r,Object.assign(new Error("Unable to update lock within the stale threshold"),{code:"ECOMPROMISED"}));let a=Lp.getMtime(r.mtimePrecision);t.fs.utimes(r.lockfilePath,a,a,c=>{let l=r.lastUpdate+t.stale<Date.now();if(!r.released){if(c)return c.code==="ENOENT"||l?bc(e,r,Object.assign(c,{code:"ECOMPROMISED"})):(r.updateDelay=1e3,bo(e,t));r.mtime=a,r.lastUpdate=Date.now(),r.updateDelay=null,bo(e,t)}})})},r.updateDelay),r.updateTimeout.unref&&r.updateTimeout.unref())}function bc(e,t,r){t.released=!0,t.updateTimeout&&clearTimeout(t.updateTimeout),It[e]===t&&delete It[e],t.options.onCompromised(r)}function dI(e,t,r){t={stale:1e4,update:null,realpath:!0,retries:0,fs:$c,onCompromised:n=>{throw n},...t},t.retries=t.retries||0,t.retries=typeof t.retries=="number"?{retries:t.retries}:t.retries,t.stale=Math.max(t.stale||0,2e3),t.update=t.update==null?t.stale/2:t.update||0,t.update=Math.max(Math.min(t.update,t.stale/2),1e3),_c(e,t,(n,i)=>{if(n)return r(n);let o=lI.operation(t.retries);o.attempt(()=>{wc(i,t,(s,a,c)=>{if(o.retry(s))return;if(s)return r(o.mainError());let l=It[i]={lockfilePath:Un(i,t),mtime:a,mtimePrecision:c,options:t,lastUpdate:Date.now()};bo(i,t),r(null,u=>{if(l.released)return u&&u(Object.assign(new Error("Lock is already released"),{code:"ERELEASED"}));Fp(i,{...t,realpath:!1},u)})})})})}function Fp(e,t,r){t={fs:$c,realpath:!0,...t},_c(e,t,(n,i)=>{if(n)return r(n);let o=It[i];if(!o)return r(Object.assign(new Error("Lock is not acquired/owned by you"),{code:"ENOTACQUIRED"}));o.updateTimeout&&clearTimeout(o.updateTimeout),o.released=!0,delete It[i],qp(i,t,r)})}function fI(e,t,r){t={stale:1e4,realpath:!0,fs:$c,...t},t.stale=Math.max(t.stale||0,2e3),_c(e,t,(n,i)=>{if(n)return r(n);t.fs.stat(Un(i,t),(o,s)=>o?o.code==="ENOENT"?r(null,!1):r(o):r(null,!Up(s,t)))})}function pI(){return It}uI(()=>{for(let e in It){let t=It[e].options;try{t.fs.rmdirSync(Un(e,t))}catch{}}});qn.exports.lock=dI;qn.exports.unlock=Fp;qn.exports.check=fI;qn.exports.getLocks=pI});var Vp=b((SM,Zp)=>{"use strict";var mI=require("node:fs");function hI(e){let t=["mkdir","realpath","stat","rmdir","utimes"],r={...e};return t.forEach(n=>{r[n]=(...i)=>{let o=i.pop(),s;try{s=e[`${n}Sync`](...i)}catch(a){return o(a)}o(null,s)}}),r}function gI(e){return(...t)=>new Promise((r,n)=>{t.push((i,o)=>{i?n(i):r(o)}),e(...t)})}function yI(e){return(...t)=>{let r,n;if(t.push((i,o)=>{r=i,n=o}),e(...t),r)throw r;return n}}function vI(e){if(e={...e},e.fs=hI(e.fs||mI),typeof e.retries=="number"&&e.retries>0||e.retries&&typeof e.retries.retries=="number"&&e.retries.retries>0)throw Object.assign(new Error("Cannot use retries with the sync api"),{code:"ESYNC"});return e}Zp.exports={toPromise:gI,toSync:yI,toSyncOptions:vI}});var Jp=b((kM,Vt)=>{"use strict";var Qr=Bp(),{toPromise:wo,toSync:$o,toSyncOptions:Sc}=Vp();async function Kp(e,t){let r=await wo(Qr.lock)(e,t);return wo(r)}function bI(e,t){let r=$o(Qr.lock)(e,Sc(t));return $o(r)}function wI(e,t){return wo(Qr.unlock)(e,t)}function $I(e,t){return $o(Qr.unlock)(e,Sc(t))}function _I(e,t){return wo(Qr.check)(e,t)}function SI(e,t){return $o(Qr.check)(e,Sc(t))}Vt.exports=Kp;Vt.exports.lock=Kp;Vt.exports.unlock=wI;Vt.exports.lockSync=bI;Vt.exports.unlockSync=$I;Vt.exports.check=_I;Vt.exports.checkSync=SI});function P(e,t,r){function n(a,c){var l;Object.defineProperty(a,"_zod",{value:a._zod??{},enumerable:!1}),(l=a._zod).traits??(l.traits=new Set),a._zod.traits.add(e),t(a,c);for(let u in s.prototype)u in a||Object.defineProperty(a,u,{value:s.prototype[u].bind(a)});a._zod.constr=s,a._zod.def=c}let i=r?.Parent??Object;class o extends i{}Object.defineProperty(o,"name",{value:e});function s(a){var c;let l=r?.Parent?new o:this;n(l,a),(c=l._zod).deferred??(c.deferred=[]);for(let u of l._zod.deferred)u();return l}return Object.defineProperty(s,"init",{value:n}),Object.defineProperty(s,Symbol.hasInstance,{value:a=>r?.Parent&&a instanceof r.Parent?!0:a?._zod?.traits?.has(e)}),Object.defineProperty(s,"name",{value:e}),s}function He(e){return e&&Object.assign(Pc,e),Pc}var MI,LI,ut,Io,Pc,en=E(()=>{MI=Object.freeze({status:"aborted"});LI=Symbol("zod_brand"),ut=class extends Error{constructor(){super("Encountered Promise during synchronous parse. Use .parseAsync() instead.")}},Io=class extends Error{constructor(t){super(`Encountered unidirectional transform during encode: ${t}`),this.name="ZodEncodeError"}},Pc={}});var O={};hc(O,{BIGINT_FORMAT_RANGES:()=>fm,Class:()=>Ac,NUMBER_FORMAT_RANGES:()=>zc,aborted:()=>Ir,allowsEval:()=>lm,assert:()=>ZI,assertEqual:()=>UI,assertIs:()=>FI,assertNever:()=>BI,assertNotEqual:()=>qI,assignProp:()=>Kt,base64ToUint8Array:()=>mm,base64urlToUint8Array:()=>aE,cached:()=>Kn,captureStackTrace:()=>Oo,cleanEnum:()=>sE,cleanRegex:()=>Jn,clone:()=>Ue,cloneDef:()=>KI,createTransparentProxy:()=>XI,defineLazy:()=>K,esc:()=>cm,escapeRegex:()=>nn,extend:()=>tE,finalizeIssue:()=>Ye,floatSafeRemainder:()=>am,getElementAtPath:()=>JI,getEnumValues:()=>Eo,getLengthableOrigin:()=>Po,getParsedType:()=>YI,getSizableOrigin:()=>pm,hexToUint8Array:()=>lE,isObject:()=>tn,isPlainObject:()=>rn,issue:()=>To,joinValues:()=>R,jsonStringifyReplacer:()=>Cc,merge:()=>nE,mergeDefs:()=>Jt,normalizeParams:()=>Ee,nullish:()=>No,numKeys:()=>HI,objectClone:()=>VI,omit:()=>eE,optionalKeys:()=>Rc,partial:()=>iE,pick:()=>QI,prefixIssues:()=>Et,primitiveTypes:()=>dm,promiseAllObject:()=>GI,propertyKeyTypes:()=>Dc,randomString:()=>WI,required:()=>oE,safeExtend:()=>rE,shallowClone:()=>um,stringifyPrimitive:()=>D,uint8ArrayToBase64:()=>hm,uint8ArrayToBase64url:()=>cE,uint8ArrayToHex:()=>uE,unwrapMessage:()=>Vn});function UI(e){return e}function qI(e){return e}function FI(e){}function BI(e){throw new Error}function ZI(e){}function Eo(e){let t=Object.values(e).filter(n=>typeof n=="number");return Object.entries(e).filter(([n,i])=>t.indexOf(+n)===-1).map(([n,i])=>i)}function R(e,t="|"){return e.map(r=>D(r)).join(t)}function Cc(e,t){return typeof t=="bigint"?t.toString():t}function Kn(e){return{get value(){{let r=e();return Object.defineProperty(this,"value",{value:r}),r}throw new Error("cached value already set")}}}function No(e){return e==null}function Jn(e){let t=e.startsWith("^")?1:0,r=e.endsWith("$")?e.length-1:e.length;return e.slice(t,r)}function am(e,t){let r=(e.toString().split(".")[1]||"").length,n=t.toString(),i=(n.split(".")[1]||"").length;if(i===0&&/\\d?e-\\d?/.test(n)){let c=n.match(/\\d?e-(\\d?)/);c?.[1]&&(i=Number.parseInt(c[1]))}let o=r>i?r:i,s=Number.parseInt(e.toFixed(o).replace(".","")),a=Number.parseInt(t.toFixed(o).replace(".",""));return s%a/10**o}function K(e,t,r){let n;Object.defineProperty(e,t,{get(){if(n!==sm)return n===void 0&&(n=sm,n=r()),n},set(i){Object.defineProperty(e,t,{value:i})},configurable:!0})}function VI(e){return Object.create(Object.getPrototypeOf(e),Object.getOwnPropertyDescriptors(e))}function Kt(e,t,r){Object.defineProperty(e,t,{value:r,writable:!0,enumerable:!0,configurable:!0})}function Jt(...e){let t={};for(let r of e){let n=Object.getOwnPropertyDescriptors(r);Object.assign(t,n)}return Object.defineProperties({},t)}function KI(e){return Jt(e._zod.def)}function JI(e,t){return t?t.reduce((r,n)=>r?.[n],e):e}function GI(e){let t=Object.keys(e),r=t.map(n=>e[n]);return Promise.all(r).then(n=>{let i={};for(let o=0;o<t.length;o++)i[t[o]]=n[o];return i})}function WI(e=10){let t="abcdefghijklmnopqrstuvwxyz",r="";for(let n=0;n<e;n++)r+=t[Math.floor(Math.random()*t.length)];return r}function cm(e){return JSON.stringify(e)}function tn(e){return typeof e=="object"&&e!==null&&!Array.isArray(e)}function rn(e){if(tn(e)===!1)return!1;let t=e.constructor;if(t===void 0)return!0;let r=t.prototype;return!(tn(r)===!1||Object.prototype.hasOwnProperty.call(r,"isPrototypeOf")===!1)}function um(e){return rn(e)?{...e}:Array.isArray(e)?[...e]:e}function HI(e){let t=0;for(let r in e)Object.prototype.hasOwnProperty.call(e,r)&&t++;return t}function nn(e){return e.replace(/[.*+?^${}()|[\\]\\\\]/g,"\\\\$&")}function Ue(e,t,r){let n=new e._zod.constr(t??e._zod.def);return(!t||r?.parent)&&(n._zod.parent=e),n}function Ee(e){let t=e;if(!t)return{};if(typeof t=="string")return{error:()=>t};if(t?.message!==void 0){if(t?.error!==void 0)throw new Error("Cannot specify both `message` and `error` params");t.error=t.message}return delete t.message,typeof t.error=="string"?{...t,error:()=>t.error}:t}function XI(e){let t;return new Proxy({},{get(r,n,i){return t??(t=e()),Reflect.get(t,n,i)},set(r,n,i,o){return t??(t=e()),Reflect.set(t,n,i,o)},has(r,n){return t??(t=e()),Reflect.has(t,n)},deleteProperty(r,n){return t??(t=e()),Reflect.deleteProperty(t,n)},ownKeys(r){return t??(t=e()),Reflect.ownKeys(t)},getOwnPropertyDescriptor(r,n){return t??(t=e()),Reflect.getOwnPropertyDescriptor(t,n)},defineProperty(r,n,i){return t??(t=e()),Reflect.defineProperty(t,n,i)}})}function D(e){return typeof e=="bigint"?e.toString()+"n":typeof e=="string"?`"${e}"`:`${e}`}function Rc(e){return Object.keys(e).filter(t=>e[t]._zod.optin==="optional"&&e[t]._zod.optout==="optional")}function QI(e,t){let r=e._zod.def,n=Jt(e._zod.def,{get shape(){let i={};for(let o in t){if(!(o in r.shape))throw new Error(`Unrecognized key: "${o}"`);t[o]&&(i[o]=r.shape[o])}return Kt(this,"shape",i),i},checks:[]});return Ue(e,n)}function eE(e,t){let r=e._zod.def,n=Jt(e._zod.def,{get shape(){let i={...e._zod.def.shape};for(let o in t){if(!(o in r.shape))throw new Error(`Unrecognized key: "${o}"`);t[o]&&delete i[o]}return Kt(this,"shape",i),i},checks:[]});return Ue(e,n)}function tE(e,t){if(!rn(t))throw new Error("Invalid input to extend: expected a plain object");let r=e._zod.def.checks;if(r&&r.length>0)throw new Error("Object schemas containing refinements cannot be extended. Use `.safeExtend()` instead.");let i=Jt(e._zod.def,{get shape(){let o={...e._zod.def.shape,...t};return Kt(this,"shape",o),o},checks:[]});return Ue(e,i)}function rE(e,t){if(!rn(t))throw new Error("Invalid input to safeExtend: expected a plain object");let r={...e._zod.def,get shape(){let n={...e._zod.def.shape,...t};return Kt(this,"shape",n),n},checks:e._zod.def.checks};return Ue(e,r)}function nE(e,t){let r=Jt(e._zod.def,{get shape(){let n={...e._zod.def.shape,...t._zod.def.shape};return Kt(this,"shape",n),n},get catchall(){return t._zod.def.catchall},checks:[]});return Ue(e,r)}function iE(e,t,r){let n=Jt(t._zod.def,{get shape(){let i=t._zod.def.shape,o={...i};if(r)for(let s in r){if(!(s in i))throw new Error(`Unrecognized key: "${s}"`);r[s]&&(o[s]=e?new e({type:"optional",innerType:i[s]}):i[s])}else for(let s in i)o[s]=e?new e({type:"optional",innerType:i[s]}):i[s];return Kt(this,"shape",o),o},checks:[]});return Ue(t,n)}function oE(e,t,r){let n=Jt(t._zod.def,{get shape(){let i=t._zod.def.shape,o={...i};if(r)for(let s in r){if(!(s in o))throw new Error(`Unrecognized key: "${s}"`);r[s]&&(o[s]=new e({type:"nonoptional",innerType:i[s]}))}else for(let s in i)o[s]=new e({type:"nonoptional",innerType:i[s]});return Kt(this,"shape",o),o},checks:[]});return Ue(t,n)}function Ir(e,t=0){if(e.aborted===!0)return!0;for(let r=t;r<e.issues.length;r++)if(e.issues[r]?.continue!==!0)return!0;return!1}function Et(e,t){return t.map(r=>{var n;return(n=r).path??(n.path=[]),r.path.unshift(e),r})}function Vn(e){return typeof e=="string"?e:e?.message}function Ye(e,t,r){let n={...e,path:e.path??[]};if(!e.message){let i=Vn(e.inst?._zod.def?.error?.(e))??Vn(t?.error?.(e))??Vn(r.customError?.(e))??Vn(r.localeError?.(e))??"Invalid input";n.message=i}return delete n.inst,delete n.continue,t?.reportInput||delete n.input,n}function pm(e){return e instanceof Set?"set":e instanceof Map?"map":e instanceof File?"file":"unknown"}function Po(e){return Array.isArray(e)?"array":typeof e=="string"?"string":"unknown"}function To(...e){let[t,r,n]=e;return typeof t=="string"?{message:t,code:"custom",input:r,inst:n}:{...t}}function sE(e){return Object.entries(e).filter(([t,r])=>Number.isNaN(Number.parseInt(t,10))).map(t=>t[1])}function mm(e){let t=atob(e),r=new Uint8Array(t.length);for(let n=0;n<t.length;n++)r[n]=t.charCodeAt(n);return r}function hm(e){let t="";for(let r=0;r<e.length;r++)t+=String.fromCharCode(e[r]);return btoa(t)}function aE(e){let t=e.replace(/-/g,"+").replace(/_/g,"/"),r="=".repeat((4-t.length%4)%4);return mm(t+r)}function cE(e){return hm(e).replace(/\\+/g,"-").replace(/\\//g,"_").replace(/=/g,"")}function lE(e){let t=e.replace(/^0x/,"");if(t.length%2!==0)throw new Error("Invalid hex string length");let r=new Uint8Array(t.length/2);for(let n=0;n<t.length;n+=2)r[n/2]=Number.parseInt(t.slice(n,n+2),16);return r}function uE(e){return Array.from(e).map(t=>t.toString(16).padStart(2,"0")).join("")}var sm,Oo,lm,YI,Dc,dm,zc,fm,Ac,T=E(()=>{sm=Symbol("evaluating");Oo="captureStackTrace"in Error?Error.captureStackTrace:(...e)=>{};lm=Kn(()=>{if(typeof navigator<"u"&&navigator?.userAgent?.includes("Cloudflare"))return!1;try{let e=Function;return new e(""),!0}catch{return!1}});YI=e=>{let t=typeof e;switch(t){case"undefined":return"undefined";case"string":return"string";case"number":return Number.isNaN(e)?"nan":"number";case"boolean":return"boolean";case"function":return"function";case"bigint":return"bigint";case"symbol":return"symbol";case"object":return Array.isArray(e)?"array":e===null?"null":e.then&&typeof e.then=="function"&&e.catch&&typeof e.catch=="function"?"promise":typeof Map<"u"&&e instanceof Map?"map":typeof Set<"u"&&e instanceof Set?"set":typeof Date<"u"&&e instanceof Date?"date":typeof File<"u"&&e instanceof File?"file":"object";default:throw new Error(`Unknown data type: ${t}`)}},Dc=new Set(["string","number","symbol"]),dm=new Set(["string","number","bigint","boolean","symbol","undefined"]);zc={safeint:[Number.MIN_SAFE_INTEGER,Number.MAX_SAFE_INTEGER],int32:[-2147483648,2147483647],uint32:[0,4294967295],float32:[-34028234663852886e22,34028234663852886e22],float64:[-Number.MAX_VALUE,Number.MAX_VALUE]},fm={int64:[BigInt("-9223372036854775808"),BigInt("9223372036854775807")],uint64:[BigInt(0),BigInt("18446744073709551615")]};Ac=class{constructor(...t){}}});var gm,ym,Gn,jc=E(()=>{en();T();gm=(e,t)=>{e.name="$ZodError",Object.defineProperty(e,"_zod",{value:e._zod,enumerable:!1}),Object.defineProperty(e,"issues",{value:t,enumerable:!1}),e.message=JSON.stringify(t,Cc,2),Object.defineProperty(e,"toString",{value:()=>e.message,enumerable:!1})},ym=P("$ZodError",gm),Gn=P("$ZodError",gm,{Parent:Error})});var fE,Er,pE,Ao,mE,X,hE,Wn,Mc=E(()=>{en();jc();T();fE=e=>(t,r,n,i)=>{let o=n?Object.assign(n,{async:!1}):{async:!1},s=t._zod.run({value:r,issues:[]},o);if(s instanceof Promise)throw new ut;if(s.issues.length){let a=new(i?.Err??e)(s.issues.map(c=>Ye(c,o,He())));throw Oo(a,i?.callee),a}return s.value},Er=fE(Gn),pE=e=>async(t,r,n,i)=>{let o=n?Object.assign(n,{async:!0}):{async:!0},s=t._zod.run({value:r,issues:[]},o);if(s instanceof Promise&&(s=await s),s.issues.length){let a=new(i?.Err??e)(s.issues.map(c=>Ye(c,o,He())));throw Oo(a,i?.callee),a}return s.value},Ao=pE(Gn),mE=e=>(t,r,n)=>{let i=n?{...n,async:!1}:{async:!1},o=t._zod.run({value:r,issues:[]},i);if(o instanceof Promise)throw new ut;return o.issues.length?{success:!1,error:new(e??ym)(o.issues.map(s=>Ye(s,i,He())))}:{success:!0,data:o.value}},X=mE(Gn),hE=e=>async(t,r,n)=>{let i=n?Object.assign(n,{async:!0}):{async:!0},o=t._zod.run({value:r,issues:[]},i);return o instanceof Promise&&(o=await o),o.issues.length?{success:!1,error:new e(o.issues.map(s=>Ye(s,i,He())))}:{success:!0,data:o.value}},Wn=hE(Gn)});var gE,yE,vm,bm,wm,$m,Co=E(()=>{gE="(?:(?:\\\\d\\\\d[2468][048]|\\\\d\\\\d[13579][26]|\\\\d\\\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\\\d|30)|(?:02)-(?:0[1-9]|1\\\\d|2[0-8])))",yE=new RegExp(`^${gE}$`),vm=e=>{let t=e?`[\\\\s\\\\S]{${e?.minimum??0},${e?.maximum??""}}`:"[\\\\s\\\\S]*";return new RegExp(`^${t}$`)},bm=/^-?\\d+$/,wm=/^-?\\d+(?:\\.\\d+)?/,$m=/^(?:true|false)$/i});var dt,_m,Sm,Lc,km,xm,Im,Em,Nm,Do=E(()=>{en();Co();T();dt=P("$ZodCheck",(e,t)=>{var r;e._zod??(e._zod={}),e._zod.def=t,(r=e._zod).onattach??(r.onattach=[])}),_m={number:"number",bigint:"bigint",object:"date"},Sm=P("$ZodCheckLessThan",(e,t)=>{dt.init(e,t);let r=_m[typeof t.value];e._zod.onattach.push(n=>{let i=n._zod.bag,o=(t.inclusive?i.maximum:i.exclusiveMaximum)??Number.POSITIVE_INFINITY;t.value<o&&(t.inclusive?i.maximum=t.value:i.exclusiveMaximum=t.value)}),e._zod.check=n=>{(t.inclusive?n.value<=t.value:n.value<t.value)||n.issues.push({origin:r,code:"too_big",maximum:t.value,input:n.value,inclusive:t.inclusive,inst:e,continue:!t.abort})}}),Lc=P("$ZodCheckGreaterThan",(e,t)=>{dt.init(e,t);let r=_m[typeof t.value];e._zod.onattach.push(n=>{let i=n._zod.bag,o=(t.inclusive?i.minimum:i.exclusiveMinimum)??Number.NEGATIVE_INFINITY;t.value>o&&(t.inclusive?i.minimum=t.value:i.exclusiveMinimum=t.value)}),e._zod.check=n=>{(t.inclusive?n.value>=t.value:n.value>t.value)||n.issues.push({origin:r,code:"too_small",minimum:t.value,input:n.value,inclusive:t.inclusive,inst:e,continue:!t.abort})}}),km=P("$ZodCheckNumberFormat",(e,t)=>{dt.init(e,t),t.format=t.format||"float64";let r=t.format?.includes("int"),n=r?"int":"number",[i,o]=zc[t.format];e._zod.onattach.push(s=>{let a=s._zod.bag;a.format=t.format,a.minimum=i,a.maximum=o,r&&(a.pattern=bm)}),e._zod.check=s=>{let a=s.value;if(r){if(!Number.isInteger(a)){s.issues.push({expected:n,format:t.format,code:"invalid_type",continue:!1,input:a,inst:e});return}if(!Number.isSafeInteger(a)){a>0?s.issues.push({input:a,code:"too_big",maximum:Number.MAX_SAFE_INTEGER,note:"Integers must be within the safe integer range.",inst:e,origin:n,continue:!t.abort}):s.issues.push({input:a,code:"too_small",minimum:Number.MIN_SAFE_INTEGER,note:"Integers must be within the safe integer range.",inst:e,origin:n,continue:!t.abort});return}}a<i&&s.issues.push({origin:"number",input:a,code:"too_small",minimum:i,inclusive:!0,inst:e,continue:!t.abort}),a>o&&s.issues.push({origin:"number",input:a,code:"too_big",maximum:o,inst:e})}}),xm=P("$ZodCheckMaxLength",(e,t)=>{var r;dt.init(e,t),(r=e._zod.def).when??(r.when=n=>{let i=n.value;return!No(i)&&i.length!==void 0}),e._zod.onattach.push(n=>{let i=n._zod.bag.maximum??Number.POSITIVE_INFINITY;t.maximum<i&&(n._zod.bag.maximum=t.maximum)}),e._zod.check=n=>{let i=n.value;if(i.length<=t.maximum)return;let s=Po(i);n.issues.push({origin:s,code:"too_big",maximum:t.maximum,inclusive:!0,input:i,inst:e,continue:!t.abort})}}),Im=P("$ZodCheckMinLength",(e,t)=>{var r;dt.init(e,t),(r=e._zod.def).when??(r.when=n=>{let i=n.value;return!No(i)&&i.length!==void 0}),e._zod.onattach.push(n=>{let i=n._zod.bag.minimum??Number.NEGATIVE_INFINITY;t.minimum>i&&(n._zod.bag.minimum=t.minimum)}),e._zod.check=n=>{let i=n.value;if(i.length>=t.minimum)return;let s=Po(i);n.issues.push({origin:s,code:"too_small",minimum:t.minimum,inclusive:!0,input:i,inst:e,continue:!t.abort})}}),Em=P("$ZodCheckStringFormat",(e,t)=>{var r,n;dt.init(e,t),e._zod.onattach.push(i=>{let o=i._zod.bag;o.format=t.format,t.pattern&&(o.patterns??(o.patterns=new Set),o.patterns.add(t.pattern))}),t.pattern?(r=e._zod).check??(r.check=i=>{t.pattern.lastIndex=0,!t.pattern.test(i.value)&&i.issues.push({origin:"string",code:"invalid_format",format:t.format,input:i.value,...t.pattern?{pattern:t.pattern.toString()}:{},inst:e,continue:!t.abort})}):(n=e._zod).check??(n.check=()=>{})}),Nm=P("$ZodCheckRegex",(e,t)=>{Em.init(e,t),e._zod.check=r=>{t.pattern.lastIndex=0,!t.pattern.test(r.value)&&r.issues.push({origin:"string",code:"invalid_format",format:"regex",input:r.value,pattern:t.pattern.toString(),inst:e,continue:!t.abort})}})});var Uc=E(()=>{});var Pm,qc=E(()=>{Pm={major:4,minor:1,patch:12}});function Tm(e,t,r){e.issues.length&&t.issues.push(...Et(r,e.issues)),t.value[r]=e.value}function zo(e,t,r,n){e.issues.length&&t.issues.push(...Et(r,e.issues)),e.value===void 0?r in n&&(t.value[r]=void 0):t.value[r]=e.value}function vE(e){let t=Object.keys(e.shape);for(let n of t)if(!e.shape?.[n]?._zod?.traits?.has("$ZodType"))throw new Error(`Invalid element at key "${n}": expected a Zod schema`);let r=Rc(e.shape);return{...e,keys:t,keySet:new Set(t),numKeys:t.length,optionalKeys:new Set(r)}}function bE(e,t,r,n,i,o){let s=[],a=i.keySet,c=i.catchall._zod,l=c.def.type;for(let u of Object.keys(t)){if(a.has(u))continue;if(l==="never"){s.push(u);continue}let p=c.run({value:t[u],issues:[]},n);p instanceof Promise?e.push(p.then(f=>zo(f,r,u,t))):zo(p,r,u,t)}return s.length&&r.issues.push({code:"unrecognized_keys",keys:s,input:t,inst:o}),e.length?Promise.all(e).then(()=>r):r}function Am(e,t,r,n){for(let o of e)if(o.issues.length===0)return t.value=o.value,t;let i=e.filter(o=>!Ir(o));return i.length===1?(t.value=i[0].value,i[0]):(t.issues.push({code:"invalid_union",input:t.value,inst:r,errors:e.map(o=>o.issues.map(s=>Ye(s,n,He())))}),t)}function Cm(e,t){return e.issues.length&&t===void 0?{issues:[],value:void 0}:e}function Dm(e,t){return e.value===void 0&&(e.value=t.defaultValue),e}function Ro(e,t,r){return e.issues.length?(e.aborted=!0,e):t._zod.run({value:e.value,issues:e.issues},r)}function Rm(e,t,r,n){if(!e){let i={code:"custom",input:r,inst:n,path:[...n._zod.def.path??[]],continue:!n._zod.def.abort};n._zod.def.params&&(i.params=n._zod.def.params),t.issues.push(To(i))}}var Q,Fc,Bc,zm,Zc,jm,Mm,Lm,Um,Vc,qm,Fm,Bm,Zm,Vm,Km,Jm,Gm,Wm,Hm,Ym,Xm,Kc=E(()=>{Do();en();Uc();Mc();Co();T();qc();T();Q=P("$ZodType",(e,t)=>{var r;e??(e={}),e._zod.def=t,e._zod.bag=e._zod.bag||{},e._zod.version=Pm;let n=[...e._zod.def.checks??[]];e._zod.traits.has("$ZodCheck")&&n.unshift(e);for(let i of n)for(let o of i._zod.onattach)o(e);if(n.length===0)(r=e._zod).deferred??(r.deferred=[]),e._zod.deferred?.push(()=>{e._zod.run=e._zod.parse});else{let i=(s,a,c)=>{let l=Ir(s),u;for(let p of a){if(p._zod.def.when){if(!p._zod.def.when(s))continue}else if(l)continue;let f=s.issues.length,d=p._zod.check(s);if(d instanceof Promise&&c?.async===!1)throw new ut;if(u||d instanceof Promise)u=(u??Promise.resolve()).then(async()=>{await d,s.issues.length!==f&&(l||(l=Ir(s,f)))});else{if(s.issues.length===f)continue;l||(l=Ir(s,f))}}return u?u.then(()=>s):s},o=(s,a,c)=>{if(Ir(s))return s.aborted=!0,s;let l=i(a,n,c);if(l instanceof Promise){if(c.async===!1)throw new ut;return l.then(u=>e._zod.parse(u,c))}return e._zod.parse(l,c)};e._zod.run=(s,a)=>{if(a.skipChecks)return e._zod.parse(s,a);if(a.direction==="backward"){let l=e._zod.parse({value:s.value,issues:[]},{...a,skipChecks:!0});return l instanceof Promise?l.then(u=>o(u,s,a)):o(l,s,a)}let c=e._zod.parse(s,a);if(c instanceof Promise){if(a.async===!1)throw new ut;return c.then(l=>i(l,n,a))}return i(c,n,a)}}e["~standard"]={validate:i=>{try{let o=X(e,i);return o.success?{value:o.data}:{issues:o.error?.issues}}catch{return Wn(e,i).then(s=>s.success?{value:s.data}:{issues:s.error?.issues})}},vendor:"zod",version:1}}),Fc=P("$ZodString",(e,t)=>{Q.init(e,t),e._zod.pattern=[...e?._zod.bag?.patterns??[]].pop()??vm(e._zod.bag),e._zod.parse=(r,n)=>{if(t.coerce)try{r.value=String(r.value)}catch{}return typeof r.value=="string"||r.issues.push({expected:"string",code:"invalid_type",input:r.value,inst:e}),r}}),Bc=P("$ZodNumber",(e,t)=>{Q.init(e,t),e._zod.pattern=e._zod.bag.pattern??wm,e._zod.parse=(r,n)=>{if(t.coerce)try{r.value=Number(r.value)}catch{}let i=r.value;if(typeof i=="number"&&!Number.isNaN(i)&&Number.isFinite(i))return r;let o=typeof i=="number"?Number.isNaN(i)?"NaN":Number.isFinite(i)?void 0:"Infinity":void 0;return r.issues.push({expected:"number",code:"invalid_type",input:i,inst:e,...o?{received:o}:{}}),r}}),zm=P("$ZodNumber",(e,t)=>{km.init(e,t),Bc.init(e,t)}),Zc=P("$ZodBoolean",(e,t)=>{Q.init(e,t),e._zod.pattern=$m,e._zod.parse=(r,n)=>{if(t.coerce)try{r.value=!!r.value}catch{}let i=r.value;return typeof i=="boolean"||r.issues.push({expected:"boolean",code:"invalid_type",input:i,inst:e}),r}}),jm=P("$ZodUnknown",(e,t)=>{Q.init(e,t),e._zod.parse=r=>r}),Mm=P("$ZodNever",(e,t)=>{Q.init(e,t),e._zod.parse=(r,n)=>(r.issues.push({expected:"never",code:"invalid_type",input:r.value,inst:e}),r)});Lm=P("$ZodArray",(e,t)=>{Q.init(e,t),e._zod.parse=(r,n)=>{let i=r.value;if(!Array.isArray(i))return r.issues.push({expected:"array",code:"invalid_type",input:i,inst:e}),r;r.value=Array(i.length);let o=[];for(let s=0;s<i.length;s++){let a=i[s],c=t.element._zod.run({value:a,issues:[]},n);c instanceof Promise?o.push(c.then(l=>Tm(l,r,s))):Tm(c,r,s)}return o.length?Promise.all(o).then(()=>r):r}});Um=P("$ZodObject",(e,t)=>{if(Q.init(e,t),!Object.getOwnPropertyDescriptor(t,"shape")?.get){let a=t.shape;Object.defineProperty(t,"shape",{get:()=>{let c={...a};return Object.defineProperty(t,"shape",{value:c}),c}})}let n=Kn(()=>vE(t));K(e._zod,"propValues",()=>{let a=t.shape,c={};for(let l in a){let u=a[l]._zod;if(u.values){c[l]??(c[l]=new Set);for(let p of u.values)c[l].add(p)}}return c});let i=tn,o=t.catchall,s;e._zod.parse=(a,c)=>{s??(s=n.value);let l=a.value;if(!i(l))return a.issues.push({expected:"object",code:"invalid_type",input:l,inst:e}),a;a.value={};let u=[],p=s.shape;for(let f of s.keys){let h=p[f]._zod.run({value:l[f],issues:[]},c);h instanceof Promise?u.push(h.then(m=>zo(m,a,f,l))):zo(h,a,f,l)}return o?bE(u,l,a,c,n.value,e):u.length?Promise.all(u).then(()=>a):a}});Vc=P("$ZodUnion",(e,t)=>{Q.init(e,t),K(e._zod,"optin",()=>t.options.some(i=>i._zod.optin==="optional")?"optional":void 0),K(e._zod,"optout",()=>t.options.some(i=>i._zod.optout==="optional")?"optional":void 0),K(e._zod,"values",()=>{if(t.options.every(i=>i._zod.values))return new Set(t.options.flatMap(i=>Array.from(i._zod.values)))}),K(e._zod,"pattern",()=>{if(t.options.every(i=>i._zod.pattern)){let i=t.options.map(o=>o._zod.pattern);return new RegExp(`^(${i.map(o=>Jn(o.source)).join("|")})$`)}});let r=t.options.length===1,n=t.options[0]._zod.run;e._zod.parse=(i,o)=>{if(r)return n(i,o);let s=!1,a=[];for(let c of t.options){let l=c._zod.run({value:i.value,issues:[]},o);if(l instanceof Promise)a.push(l),s=!0;else{if(l.issues.length===0)return l;a.push(l)}}return s?Promise.all(a).then(c=>Am(c,i,e,o)):Am(a,i,e,o)}}),qm=P("$ZodDiscriminatedUnion",(e,t)=>{Vc.init(e,t);let r=e._zod.parse;K(e._zod,"propValues",()=>{let i={};for(let o of t.options){let s=o._zod.propValues;if(!s||Object.keys(s).length===0)throw new Error(`Invalid discriminated union option at index "${t.options.indexOf(o)}"`);for(let[a,c]of Object.entries(s)){i[a]||(i[a]=new Set);for(let l of c)i[a].add(l)}}return i});let n=Kn(()=>{let i=t.options,o=new Map;for(let s of i){let a=s._zod.propValues?.[t.discriminator];if(!a||a.size===0)throw new Error(`Invalid discriminated union option at index "${t.options.indexOf(s)}"`);for(let c of a){if(o.has(c))throw new Error(`Duplicate discriminator value "${String(c)}"`);o.set(c,s)}}return o});e._zod.parse=(i,o)=>{let s=i.value;if(!tn(s))return i.issues.push({code:"invalid_type",expected:"object",input:s,inst:e}),i;let a=n.value.get(s?.[t.discriminator]);return a?a._zod.run(i,o):t.unionFallback?r(i,o):(i.issues.push({code:"invalid_union",errors:[],note:"No matching discriminator",discriminator:t.discriminator,input:s,path:[t.discriminator],inst:e}),i)}}),Fm=P("$ZodRecord",(e,t)=>{Q.init(e,t),e._zod.parse=(r,n)=>{let i=r.value;if(!rn(i))return r.issues.push({expected:"record",code:"invalid_type",input:i,inst:e}),r;let o=[];if(t.keyType._zod.values){let s=t.keyType._zod.values;r.value={};for(let c of s)if(typeof c=="string"||typeof c=="number"||typeof c=="symbol"){let l=t.valueType._zod.run({value:i[c],issues:[]},n);l instanceof Promise?o.push(l.then(u=>{u.issues.length&&r.issues.push(...Et(c,u.issues)),r.value[c]=u.value})):(l.issues.length&&r.issues.push(...Et(c,l.issues)),r.value[c]=l.value)}let a;for(let c in i)s.has(c)||(a=a??[],a.push(c));a&&a.length>0&&r.issues.push({code:"unrecognized_keys",input:i,inst:e,keys:a})}else{r.value={};for(let s of Reflect.ownKeys(i)){if(s==="__proto__")continue;let a=t.keyType._zod.run({value:s,issues:[]},n);if(a instanceof Promise)throw new Error("Async schemas not supported in object keys currently");if(a.issues.length){r.issues.push({code:"invalid_key",origin:"record",issues:a.issues.map(l=>Ye(l,n,He())),input:s,path:[s],inst:e}),r.value[a.value]=a.value;continue}let c=t.valueType._zod.run({value:i[s],issues:[]},n);c instanceof Promise?o.push(c.then(l=>{l.issues.length&&r.issues.push(...Et(s,l.issues)),r.value[a.value]=l.value})):(c.issues.length&&r.issues.push(...Et(s,c.issues)),r.value[a.value]=c.value)}}return o.length?Promise.all(o).then(()=>r):r}}),Bm=P("$ZodEnum",(e,t)=>{Q.init(e,t);let r=Eo(t.entries),n=new Set(r);e._zod.values=n,e._zod.pattern=new RegExp(`^(${r.filter(i=>Dc.has(typeof i)).map(i=>typeof i=="string"?nn(i):i.toString()).join("|")})$`),e._zod.parse=(i,o)=>{let s=i.value;return n.has(s)||i.issues.push({code:"invalid_value",values:r,input:s,inst:e}),i}}),Zm=P("$ZodLiteral",(e,t)=>{if(Q.init(e,t),t.values.length===0)throw new Error("Cannot create literal schema with no valid values");e._zod.values=new Set(t.values),e._zod.pattern=new RegExp(`^(${t.values.map(r=>typeof r=="string"?nn(r):r?nn(r.toString()):String(r)).join("|")})$`),e._zod.parse=(r,n)=>{let i=r.value;return e._zod.values.has(i)||r.issues.push({code:"invalid_value",values:t.values,input:i,inst:e}),r}}),Vm=P("$ZodTransform",(e,t)=>{Q.init(e,t),e._zod.parse=(r,n)=>{if(n.direction==="backward")throw new Io(e.constructor.name);let i=t.transform(r.value,r);if(n.async)return(i instanceof Promise?i:Promise.resolve(i)).then(s=>(r.value=s,r));if(i instanceof Promise)throw new ut;return r.value=i,r}});Km=P("$ZodOptional",(e,t)=>{Q.init(e,t),e._zod.optin="optional",e._zod.optout="optional",K(e._zod,"values",()=>t.innerType._zod.values?new Set([...t.innerType._zod.values,void 0]):void 0),K(e._zod,"pattern",()=>{let r=t.innerType._zod.pattern;return r?new RegExp(`^(${Jn(r.source)})?$`):void 0}),e._zod.parse=(r,n)=>{if(t.innerType._zod.optin==="optional"){let i=t.innerType._zod.run(r,n);return i instanceof Promise?i.then(o=>Cm(o,r.value)):Cm(i,r.value)}return r.value===void 0?r:t.innerType._zod.run(r,n)}}),Jm=P("$ZodNullable",(e,t)=>{Q.init(e,t),K(e._zod,"optin",()=>t.innerType._zod.optin),K(e._zod,"optout",()=>t.innerType._zod.optout),K(e._zod,"pattern",()=>{let r=t.innerType._zod.pattern;return r?new RegExp(`^(${Jn(r.source)}|null)$`):void 0}),K(e._zod,"values",()=>t.innerType._zod.values?new Set([...t.innerType._zod.values,null]):void 0),e._zod.parse=(r,n)=>r.value===null?r:t.innerType._zod.run(r,n)}),Gm=P("$ZodDefault",(e,t)=>{Q.init(e,t),e._zod.optin="optional",K(e._zod,"values",()=>t.innerType._zod.values),e._zod.parse=(r,n)=>{if(n.direction==="backward")return t.innerType._zod.run(r,n);if(r.value===void 0)return r.value=t.defaultValue,r;let i=t.innerType._zod.run(r,n);return i instanceof Promise?i.then(o=>Dm(o,t)):Dm(i,t)}});Wm=P("$ZodCatch",(e,t)=>{Q.init(e,t),K(e._zod,"optin",()=>t.innerType._zod.optin),K(e._zod,"optout",()=>t.innerType._zod.optout),K(e._zod,"values",()=>t.innerType._zod.values),e._zod.parse=(r,n)=>{if(n.direction==="backward")return t.innerType._zod.run(r,n);let i=t.innerType._zod.run(r,n);return i instanceof Promise?i.then(o=>(r.value=o.value,o.issues.length&&(r.value=t.catchValue({...r,error:{issues:o.issues.map(s=>Ye(s,n,He()))},input:r.value}),r.issues=[]),r)):(r.value=i.value,i.issues.length&&(r.value=t.catchValue({...r,error:{issues:i.issues.map(o=>Ye(o,n,He()))},input:r.value}),r.issues=[]),r)}}),Hm=P("$ZodPipe",(e,t)=>{Q.init(e,t),K(e._zod,"values",()=>t.in._zod.values),K(e._zod,"optin",()=>t.in._zod.optin),K(e._zod,"optout",()=>t.out._zod.optout),K(e._zod,"propValues",()=>t.in._zod.propValues),e._zod.parse=(r,n)=>{if(n.direction==="backward"){let o=t.out._zod.run(r,n);return o instanceof Promise?o.then(s=>Ro(s,t.in,n)):Ro(o,t.in,n)}let i=t.in._zod.run(r,n);return i instanceof Promise?i.then(o=>Ro(o,t.out,n)):Ro(i,t.out,n)}});Ym=P("$ZodLazy",(e,t)=>{Q.init(e,t),K(e._zod,"innerType",()=>t.getter()),K(e._zod,"pattern",()=>e._zod.innerType._zod.pattern),K(e._zod,"propValues",()=>e._zod.innerType._zod.propValues),K(e._zod,"optin",()=>e._zod.innerType._zod.optin??void 0),K(e._zod,"optout",()=>e._zod.innerType._zod.optout??void 0),e._zod.parse=(r,n)=>e._zod.innerType._zod.run(r,n)}),Xm=P("$ZodCustom",(e,t)=>{dt.init(e,t),Q.init(e,t),e._zod.parse=(r,n)=>r,e._zod.check=r=>{let n=r.value,i=t.fn(n);if(i instanceof Promise)return i.then(o=>Rm(o,r,n,e));Rm(i,r,n,e)}})});var Qm=E(()=>{T()});var eh=E(()=>{T()});var th=E(()=>{T()});var rh=E(()=>{T()});var nh=E(()=>{T()});var ih=E(()=>{T()});var oh=E(()=>{T()});var sh=E(()=>{T()});var ah=E(()=>{T()});var ch=E(()=>{T()});var lh=E(()=>{T()});var uh=E(()=>{T()});var dh=E(()=>{T()});var fh=E(()=>{T()});var ph=E(()=>{T()});var mh=E(()=>{T()});var hh=E(()=>{T()});var gh=E(()=>{T()});var yh=E(()=>{T()});var vh=E(()=>{T()});var bh=E(()=>{T()});var wh=E(()=>{T()});var Jc=E(()=>{T()});var $h=E(()=>{Jc()});var _h=E(()=>{T()});var Sh=E(()=>{T()});var kh=E(()=>{T()});var xh=E(()=>{T()});var Ih=E(()=>{T()});var Eh=E(()=>{T()});var Nh=E(()=>{T()});var Oh=E(()=>{T()});var Ph=E(()=>{T()});var Th=E(()=>{T()});var Ah=E(()=>{T()});var Ch=E(()=>{T()});var Dh=E(()=>{T()});var Rh=E(()=>{T()});var zh=E(()=>{T()});var jh=E(()=>{T()});var Gc=E(()=>{T()});var Mh=E(()=>{Gc()});var Lh=E(()=>{T()});var Uh=E(()=>{T()});var qh=E(()=>{T()});var Fh=E(()=>{T()});var Bh=E(()=>{T()});var Wc=E(()=>{Qm();eh();th();rh();nh();ih();oh();sh();ah();ch();lh();uh();dh();fh();ph();mh();hh();gh();yh();vh();bh();wh();$h();Jc();_h();Sh();kh();xh();Ih();Eh();Nh();Oh();Ph();Th();Ah();Ch();Dh();Rh();zh();jh();Mh();Gc();Lh();Uh();qh();Fh();Bh()});var SE,kE,Hc=E(()=>{SE=Symbol("ZodOutput"),kE=Symbol("ZodInput")});function Vh(e,t){return new e({type:"string",...Ee(t)})}function Kh(e,t){return new e({type:"number",checks:[],...Ee(t)})}function Jh(e,t){return new e({type:"number",check:"number_format",abort:!1,format:"safeint",...Ee(t)})}function Gh(e,t){return new e({type:"boolean",...Ee(t)})}function Wh(e){return new e({type:"unknown"})}function Hh(e,t){return new e({type:"never",...Ee(t)})}function Nr(e,t){return new Sm({check:"less_than",...Ee(t),value:e,inclusive:!0})}function Yh(e,t){return new Lc({check:"greater_than",...Ee(t),value:e,inclusive:!1})}function Yn(e,t){return new Lc({check:"greater_than",...Ee(t),value:e,inclusive:!0})}function jo(e){return Yh(0,e)}function Xn(e){return Yn(0,e)}function Qn(e,t){return new xm({check:"max_length",...Ee(t),maximum:e})}function Yc(e,t){return new Im({check:"min_length",...Ee(t),minimum:e})}function Nt(e,t){return new Nm({check:"string_format",format:"regex",...Ee(t),pattern:e})}function Xh(e,t,r){return new e({type:"custom",check:"custom",fn:t,...Ee(r)})}var Qh=E(()=>{Do();Kc();T()});var eg=E(()=>{Hc();T()});var tg=E(()=>{});var Ot=E(()=>{en();Mc();jc();Kc();Do();qc();T();Co();Wc();Hc();Uc();Qh();eg();tg()});var Xc=E(()=>{Ot()});function A(e){return Vh(rg,e)}function ei(e){return Kh(Qc,e)}function on(e){return Jh(NE,e)}function Gt(e){return Gh(ng,e)}function Xe(){return Wh(OE)}function TE(e){return Hh(PE,e)}function pe(e,t){return new AE({type:"array",element:e,...O.normalizeParams(t)})}function qe(e,t){let r={type:"object",shape:e??{},...O.normalizeParams(t)};return new el(r)}function we(e,t){return new el({type:"object",shape:e,catchall:TE(),...O.normalizeParams(t)})}function ce(e,t){return new el({type:"object",shape:e,catchall:Xe(),...O.normalizeParams(t)})}function ig(e,t){return new CE({type:"union",options:e,...O.normalizeParams(t)})}function og(e,t,r){return new DE({type:"union",options:t,discriminator:e,...O.normalizeParams(r)})}function Lo(e,t,r){return new RE({type:"record",keyType:e,valueType:t,...O.normalizeParams(r)})}function sn(e,t){let r=Array.isArray(e)?Object.fromEntries(e.map(n=>[n,n])):e;return new zE({type:"enum",entries:r,...O.normalizeParams(t)})}function Pt(e,t){return new jE({type:"literal",values:Array.isArray(e)?e:[e],...O.normalizeParams(t)})}function Uo(e){return new ME({type:"transform",transform:e})}function z(e){return new LE({type:"optional",innerType:e})}function tl(e){return new UE({type:"nullable",innerType:e})}function ee(e,t){return new qE({type:"default",innerType:e,get defaultValue(){return typeof t=="function"?t():O.shallowClone(t)}})}function sg(e,t){return new FE({type:"catch",innerType:e,catchValue:typeof t=="function"?t:()=>t})}function qo(e,t){return new BE({type:"pipe",in:e,out:t})}function ag(e){return new ZE({type:"lazy",getter:e})}function Fe(e,t={}){return Xh(VE,e,t)}var ne,rg,Qc,NE,ng,OE,PE,AE,el,CE,DE,RE,zE,jE,ME,LE,UE,qE,FE,BE,ZE,VE,Fo=E(()=>{Ot();Ot();Xc();ne=P("ZodMiniType",(e,t)=>{if(!e._zod)throw new Error("Uninitialized schema in ZodMiniType.");Q.init(e,t),e.def=t,e.type=t.type,e.parse=(r,n)=>Er(e,r,n,{callee:e.parse}),e.safeParse=(r,n)=>X(e,r,n),e.parseAsync=async(r,n)=>Ao(e,r,n,{callee:e.parseAsync}),e.safeParseAsync=async(r,n)=>Wn(e,r,n),e.check=(...r)=>e.clone({...t,checks:[...t.checks??[],...r.map(n=>typeof n=="function"?{_zod:{check:n,def:{check:"custom"},onattach:[]}}:n)]}),e.clone=(r,n)=>Ue(e,r,n),e.brand=()=>e,e.register=((r,n)=>(r.add(e,n),e))}),rg=P("ZodMiniString",(e,t)=>{Fc.init(e,t),ne.init(e,t)});Qc=P("ZodMiniNumber",(e,t)=>{Bc.init(e,t),ne.init(e,t)});NE=P("ZodMiniNumberFormat",(e,t)=>{zm.init(e,t),Qc.init(e,t)});ng=P("ZodMiniBoolean",(e,t)=>{Zc.init(e,t),ne.init(e,t)});OE=P("ZodMiniUnknown",(e,t)=>{jm.init(e,t),ne.init(e,t)});PE=P("ZodMiniNever",(e,t)=>{Mm.init(e,t),ne.init(e,t)});AE=P("ZodMiniArray",(e,t)=>{Lm.init(e,t),ne.init(e,t)});el=P("ZodMiniObject",(e,t)=>{Um.init(e,t),ne.init(e,t),O.defineLazy(e,"shape",()=>t.shape)});CE=P("ZodMiniUnion",(e,t)=>{Vc.init(e,t),ne.init(e,t)});DE=P("ZodMiniDiscriminatedUnion",(e,t)=>{qm.init(e,t),ne.init(e,t)});RE=P("ZodMiniRecord",(e,t)=>{Fm.init(e,t),ne.init(e,t)});zE=P("ZodMiniEnum",(e,t)=>{Bm.init(e,t),ne.init(e,t),e.options=Object.values(t.entries)});jE=P("ZodMiniLiteral",(e,t)=>{Zm.init(e,t),ne.init(e,t)});ME=P("ZodMiniTransform",(e,t)=>{Vm.init(e,t),ne.init(e,t)});LE=P("ZodMiniOptional",(e,t)=>{Km.init(e,t),ne.init(e,t)});UE=P("ZodMiniNullable",(e,t)=>{Jm.init(e,t),ne.init(e,t)});qE=P("ZodMiniDefault",(e,t)=>{Gm.init(e,t),ne.init(e,t)});FE=P("ZodMiniCatch",(e,t)=>{Wm.init(e,t),ne.init(e,t)});BE=P("ZodMiniPipe",(e,t)=>{Hm.init(e,t),ne.init(e,t)});ZE=P("ZodMiniLazy",(e,t)=>{Ym.init(e,t),ne.init(e,t)});VE=P("ZodMiniCustom",(e,t)=>{Xm.init(e,t),ne.init(e,t)})});var lg=E(()=>{Ot()});var rl=E(()=>{Ot();Fo()});var ug=E(()=>{Ot();Fo()});var nl=E(()=>{Ot();Xc();Fo();lg();Ot();Wc();rl();rl();ug()});var dg=E(()=>{nl();nl()});var xe=E(()=>{dg()});async function pg(e,t,r){let n=await XE(`\\0ippool-etcd:${e}`.slice(0,100),t);try{return await r()}finally{n()}}async function XE(e,t){for(;;){let r=await QE(e);if(r)return r;if(Date.now()>=t)throw new j("unavailable","other ippool processes on this node kept the etcd store busy for as long as this call may wait; nothing was written","retry, or raise ipam.lockWaitSeconds");await eN(e,t)}}function QE(e){return new Promise((t,r)=>{let n=(0,Zo.createServer)(),i=new Set;n.on("connection",o=>{o.unref(),i.add(o)}),n.once("error",o=>o.code==="EADDRINUSE"?t(void 0):r(o)),n.listen({path:e},()=>{n.unref(),t(()=>{n.close();for(let o of i)o.destroy()})})})}function eN(e,t){return new Promise(r=>{let n=(0,Zo.connect)({path:e}),i=!1,o=()=>{clearTimeout(s),n.destroy(),setTimeout(r,i?Math.random()*5:0)},s=setTimeout(o,Math.max(0,t-Date.now()));n.once("error",()=>{i=!0,o()}),n.once("close",o)})}var Zo,mg=E(()=>{"use strict";Zo=require("node:net");be()});function hg(e,t,r,n){return new j("unavailable",`etcd at ${e.join(",")} refused every connection for ${r.toFixed(1)} s: no etcd member listens there${n?"; nothing was written":""}; check the endpoints (scheme, host, port) and that etcd is running`,ti(t))}function gg(e){return/too many operations/.test(e)?new j("unavailable",`etcd refused the transaction: ${e}`,"raise --max-txn-ops on every etcd member (the default is 128)"):/compacted/.test(e)?new j("unavailable","etcd compacted the revision this transaction read; retry",e):new j("internal",`internal error: etcd refused a request: ${e}`,"please report this as a bug")}function al(e){return new j("io",`etcd TLS handshake failed: ${e[0].error}`,`${ti(e)}; check caFile (the CA that signed the members\' certificates) and certFile/keyFile (a client certificate that CA signed)`)}function ti(e){let t=new Map;for(let r of e){let n=t.get(r.endpoint);n?n.times++:t.set(r.endpoint,{error:r.error,times:1})}return[...t].map(([r,{error:n,times:i}])=>`${r}: ${n}${i>1?` (${i} attempts)`:""}`).join("; ")}var tN,yg,vg=E(()=>{"use strict";be();tN=/^(ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|EPROTO$)/,yg=e=>tN.test(e)});function ln(e){return e.slice(0,-1)+String.fromCharCode(e.charCodeAt(e.length-1)+1)}function Vo(e,t,r){let n=t;if(typeof n.etcdError=="string")throw gg(n.etcdError);let i=X(e,t);if(!i.success)throw new j("internal",`internal error: etcd ${r} reply has an unexpected shape`,JSON.stringify(t).slice(0,300));return i.data}function fN(e){let t=(o,s)=>{if(o!==void 0)try{return(0,$g.readFileSync)(o)}catch(a){throw new j("io",`cannot read the etcd ${s} ${o}: ${a.code??a.message}`)}},r=t(e?.caFile,"CA file"),n=t(e?.certFile,"client certificate file"),i=t(e?.keyFile,"client key file");return{...r?{ca:r}:{},...n?{cert:n}:{},...i?{key:i}:{}}}var ll,$g,cl,Jo,_g,rN,nN,iN,oN,sN,ri,Or,cn,aN,cN,bg,lN,uN,dN,wg,Ko,Sg=E(()=>{"use strict";ll=$r(require("node:http")),$g=require("node:fs");xe();be();vg();cl=qo(z(A()),Uo(e=>BigInt(e??"0"))),Jo=ce({revision:cl,member_id:z(A())}),_g=ce({key:A(),value:z(A()),create_revision:cl,mod_revision:cl}),rN=ce({header:Jo,kvs:ee(pe(_g),[])}),nN=ce({header:Jo,succeeded:z(Gt())}),iN=ce({header:Jo,responses:ee(pe(ce({response_range:ce({kvs:ee(pe(_g),[])})})),[])}),oN=ce({header:Jo,version:z(A()),leader:z(A())}),sN=ce({code:z(ei()),message:z(A()),error:z(A())}),ri=class extends Error{},Or=e=>Buffer.from(e,"utf8").toString("base64"),cn=e=>Buffer.from(e,"base64").toString("utf8");aN=new Set(["ECONNREFUSED","EHOSTUNREACH","ENETUNREACH","ENOTFOUND","EAI_AGAIN","EADDRNOTAVAIL"]),cN=14,bg=4,lN=8,uN=5,dN=250,wg=e=>({key:Or(e.key),...e.rangeEnd!==void 0?{range_end:Or(e.rangeEnd)}:{},...e.revision!==void 0?{revision:e.revision.toString()}:{},...e.keysOnly?{keys_only:!0}:{}}),Ko=class{constructor(t){this.options=t;this.order=[...t.endpoints],this.agentHttp=new ll.Agent({keepAlive:!0,maxSockets:4})}agentHttp;https;order;async range(t){return Vo(rN,await this.call("/v3/kv/range",wg(t),!0),"range")}async ranges(t){let r={success:t.map(i=>({request_range:wg(i)}))},n=Vo(iN,await this.call("/v3/kv/txn",r,!0),"txn of ranges");if(n.responses.length!==t.length)throw new j("internal",`internal error: etcd answered ${n.responses.length} of ${t.length} ranges`);return{revision:n.header.revision,replies:n.responses.map(i=>i.response_range.kvs)}}async txn(t){let r={compare:t.compares.map(n=>({key:Or(n.key),...n.rangeEnd!==void 0?{range_end:Or(n.rangeEnd)}:{},target:n.target,result:n.result,[n.target==="MOD"?"mod_revision":"create_revision"]:n.revision.toString()})),success:[...t.puts.map(n=>({request_put:{key:Or(n.key),value:Or(n.value)}})),...t.deletes.map(n=>({request_delete_range:{key:Or(n)}}))]};return Vo(nN,await this.call("/v3/kv/txn",r,!1),"txn")}async status(t){let r=await this.post(t,"/v3/maintenance/status",{},this.remaining());if(!r.ok)throw this.unavailable([r.attempt],!1);return Vo(oN,r.body,"status")}async call(t,r,n){let i=[],o=Date.now(),s=0;for(let a=0;;a++){for(let[u,p]of this.order.entries()){let f=Math.max(500,this.remaining()/(this.order.length-u)),d=await this.post(p,t,r,Math.min(f,this.remaining()));if(d.ok)return u>0&&(this.order=[p,...this.order.filter(h=>h!==p)]),d.body;if(i.push(d.attempt),!n&&!d.attempt.harmless)throw new ri(ti(i));if(this.remaining()<=0)throw this.unavailable(i,!n)}if(i.every(u=>u.tls))throw al(i);if(s=i.slice(-this.order.length).every(u=>u.refused)?s+1:0,s>=uN)throw hg(this.options.endpoints,i,(Date.now()-o)/1e3,!n);let c=s>0?dN*2**(s-1):50*2**Math.min(a,4),l=Math.min(this.remaining(),c*(.5+Math.random()));if(l<=0)throw this.unavailable(i,!n);await new Promise(u=>setTimeout(u,l))}}remaining(){return this.options.deadline()-Date.now()}unavailable(t,r){return t.length>0&&t.every(n=>n.tls)?al(t):new j("unavailable",`etcd cluster at ${this.options.endpoints.join(",")} is unavailable: no member answered before the deadline${r?"; nothing was written":""}`,ti(t))}loadHttps(){return this.https??=Promise.resolve().then(()=>$r(require("node:https"))).then(t=>({module:t,agent:new t.Agent({keepAlive:!0,maxSockets:4,...fN(this.options.tls)})})),this.https}async post(t,r,n,i){let o=JSON.stringify(n),s=new URL(r,t),a=s.protocol==="https:",c=(u,p,f=!1,d=!1)=>({ok:!1,attempt:{endpoint:t,error:u,harmless:p,tls:f,refused:d}});if(i<=0)return c("deadline reached before the request",!0);let l=a?await this.loadHttps():void 0;return new Promise(u=>{let p=!1,f=g=>{p||(p=!0,clearTimeout(m),u(g))},d=(l?l.module:ll).request(s,{method:"POST",agent:l?l.agent:this.agentHttp,headers:{"content-type":"application/json","content-length":Buffer.byteLength(o)}}),h=!1;d.on("socket",g=>{g.connecting?g.once(a?"secureConnect":"connect",()=>h=!0):h=!0});let m=setTimeout(()=>{f(c(`no answer within ${Math.round(i)} ms`,!h)),d.destroy()},i);d.on("error",g=>{let v=g.code??"",y=yg(v),w=v&&!g.message.includes(v)?`${v}: ${g.message}`:g.message;f(c(w,aN.has(v)||y,y,v==="ECONNREFUSED"))}),d.on("response",g=>{let v=[];g.on("data",y=>v.push(y)),g.on("error",y=>f(c(y.message,!1))),g.on("end",()=>{let y=Buffer.concat(v).toString("utf8"),w;try{w=JSON.parse(y)}catch{return f(c(`HTTP ${g.statusCode}: ${y.slice(0,200)}`,!1))}if(g.statusCode===200)return f({ok:!0,body:w});let S=X(sN,w),k=S.success?S.data.code:void 0,x=(S.success?S.data.message??S.data.error:void 0)??y.slice(0,200);if(k!==cN&&k!==bg&&k!==lN)return f({ok:!0,body:{etcdError:x,status:g.statusCode}});f(c(x,k!==bg&&!/timed out|leader changed/.test(x)))})}),d.end(o)})}}});var Eg={};hc(Eg,{EtcdStore:()=>ul});function kg(e,t){let r=new Set;for(let n of t){let i=n.slice(e.length);r.add(e+(i.includes("/")?i.slice(0,i.indexOf("/")):i))}return[...r].sort()}function xg(e,t,r,n){if(t===void 0)return;let i;try{i=JSON.parse(cn(t.value??""))}catch{throw Zt(Ig(e,"not JSON"),n)}let o=X(r,i);if(!o.success)throw Zt(Ig(e,`unexpected content (${o.error.issues[0]?.message??"schema"})`),n);return o.data}function Ig(e,t){return new j("damaged",`etcd key ${e} is damaged: ${t}`,`inspect it with \'etcdctl get ${e}\'; \'ippool verify\' checks the whole store; nothing was reset`)}var pN,mN,ul,Go,Ng=E(()=>{"use strict";xe();be();kt();mg();Sg();pN=5,mN=200,ul=class{constructor(t){this.options=t;this.deadline=Date.now()+t.timeoutMs,this.client=new Ko({endpoints:t.endpoints,deadline:()=>this.deadline,...t.tls?{tls:t.tls}:{}})}client;deadline;conflictsRetried=0;largestCommitOps=0;get cliFlags(){let{endpoints:t,prefix:r,tls:n}=this.options,i=[["--etcd-ca-file",n?.caFile],["--etcd-cert-file",n?.certFile],["--etcd-key-file",n?.keyFile]];return[["--etcd-endpoints",t.join(",")],["--etcd-prefix",r],...i.filter(([,s])=>s!==void 0)].map(([s,a])=>`${s} ${go(a)}`).join(" ")}get location(){return`etcd ${this.options.endpoints.join(",")} prefix ${this.options.prefix}`}fullKey(t){return`${this.options.prefix}/${t}`}async update(t){let r=Date.now()+(this.options.turnWaitMs??this.options.timeoutMs);return pg(this.options.turn??this.options.prefix,r,()=>(this.deadline=Date.now()+this.options.timeoutMs,this.attempt(t)))}async attempt(t){for(let r=1;;r++){let n=new Go(this,this.client),i=await t(n);if(n.writes.size===0||await this.commit(n))return i;this.conflictsRetried++;let o=Math.random()*Math.min(mN,pN*2**r);if(Date.now()+o>=this.deadline)throw new j("unavailable",`the store changed under this transaction ${r} times; nothing was written; retry`,this.location);await new Promise(s=>setTimeout(s,o))}}async read(t){return t(new Go(this,this.client))}async notes(){let t=[];for(let r of this.options.endpoints)try{await this.client.status(r)}catch(n){t.push(`etcd member ${r} does not answer (${n.details??n.message}); the cluster works while a quorum does`)}return{notes:t,problems:[]}}async commit(t){let r=[...t.writes].filter(([,o])=>o!==null).map(([o,s])=>({key:this.fullKey(o),value:JSON.stringify(s)})),n=[...t.writes].filter(([,o])=>o===null).map(([o])=>this.fullKey(o)),i=t.compares();this.largestCommitOps=Math.max(this.largestCommitOps,i.length+r.length+n.length);try{return(await this.client.txn({compares:i,puts:r,deletes:n})).succeeded===!0}catch(o){if(!(o instanceof ri))throw o;if(await this.landed(t.revision,r,n))return!0;throw new j("unavailable","etcd did not confirm the commit and it cannot be told whether it was applied",`${o.message}; a DEL (or \'ippool release\') of the same attachment cleans up if it was`)}}async landed(t,r,n){try{let i=new Set;for(let o of r){let[s]=(await this.client.range({key:o.key})).kvs;if(s===void 0||cn(s.value??"")!==o.value||s.mod_revision<=(t??0n))return!1;i.add(s.mod_revision)}for(let o of n)if((await this.client.range({key:o})).kvs.length>0)return!1;return i.size<=1}catch{return!1}}},Go=class extends Bt{constructor(r,n){super();this.store=r;this.client=n}revision;modRevisions=new Map;docs=new Map;listings=new Map;fetched=new Map;fetchedPrefixes=[];fetchedListings=new Map;async get(r,n){if(this.writes.has(r))return this.writes.get(r)??void 0;if(this.docs.has(r))return this.docs.get(r);St(r);let i=this.store.fullKey(r),[o]=this.wasFetched(i)?[this.fetched.get(i)]:await this.range(i);this.modRevisions.set(i,o?.mod_revision??0n);let s=xg(i,o,n,r);return this.docs.set(r,s),s}async peek(r,n){return await this.prefetch({keys:r}),r.map(i=>{if(this.writes.has(i))return this.writes.get(i)??void 0;if(this.docs.has(i))return this.docs.get(i);let o=this.store.fullKey(i);return xg(o,this.fetched.get(o),n,i)})}async peekList(r){return kg(r,await this.keysBelow(r,!1,!1))}async prefetch(r){let n=[],i=[],o=this.revision!==void 0?{revision:this.revision}:{};for(let c of r.keys??[]){St(c);let l=this.store.fullKey(c);this.writes.has(c)||this.docs.has(c)||this.wasFetched(l)||(n.push({key:l,...o}),i.push(([u])=>this.fetched.set(l,u)))}for(let c of r.documentsBelow??[]){if(!c.endsWith("/"))throw new Error(`internal error: prefetch prefix ${JSON.stringify(c)} must end with "/"`);let l=this.store.fullKey(c);this.fetchedPrefixes.includes(l)||(n.push({key:l,rangeEnd:ln(l),...o}),i.push(u=>{for(let p of u)this.fetched.set(cn(p.key),p);this.fetchedPrefixes.push(l)}))}for(let c of r.listings??[]){let l=this.store.fullKey(c);this.listings.has(l)||(n.push({key:l,rangeEnd:ln(l),keysOnly:!0,...o}),i.push(u=>this.fetchedListings.set(l,u)))}if(n.length===0)return;let{revision:s,replies:a}=await this.client.ranges(n);this.revision??=s,a.forEach((c,l)=>i[l](c))}wasFetched(r){return this.fetched.has(r)||this.fetchedPrefixes.some(n=>r.startsWith(n))}async list(r){return kg(r,await this.keysBelow(r,!1))}async listAll(r){return(await this.keysBelow(r,!0)).sort()}compares(){let r=[];for(let[n,i]of this.modRevisions)r.push({key:n,target:"MOD",result:"EQUAL",revision:i});for(let[n,i]of this.listings){r.push({key:n,rangeEnd:ln(n),target:"CREATE",result:"LESS",revision:(this.revision??0n)+1n});for(let[o,s]of i.direct)this.modRevisions.has(o)||r.push({key:o,target:"CREATE",result:"EQUAL",revision:s});for(let o of i.subPrefixes)r.push({key:o,rangeEnd:ln(o),target:"CREATE",result:"GREATER",revision:0n})}return r}async keysBelow(r,n,i=!0){let o=this.store.fullKey(r),s=this.store.fullKey(""),a=!n&&this.fetchedListings.get(o)||await this.range(o,ln(o));i&&this.recordListing(o,a,n);let c=new Set(a.map(l=>cn(l.key).slice(s.length)));for(let[l,u]of this.writes)l.startsWith(r)&&(u===null?c.delete(l):c.add(l));return[...c]}recordListing(r,n,i){let o=new Map,s=new Set;for(let c of n){let l=cn(c.key),u=l.indexOf("/",r.length);i||u<0?o.set(l,c.create_revision):s.add(l.slice(0,u+1))}let a=this.listings.get(r);this.listings.set(r,a&&a.all?a:{direct:o,subPrefixes:s,all:i})}async range(r,n){let i=await this.client.range({key:r,...n!==void 0?{rangeEnd:n,keysOnly:!0}:{},...this.revision!==void 0?{revision:this.revision}:{}});return this.revision??=i.header.revision,i.kvs}}});var Pg=b((Og,Wo)=>{(function(e){"use strict";let t="(0?\\\\d+|0x[a-f0-9]+)",r={fourOctet:new RegExp(`^${t}\\\\.${t}\\\\.${t}\\\\.${t}$`,"i"),threeOctet:new RegExp(`^${t}\\\\.${t}\\\\.${t}$`,"i"),twoOctet:new RegExp(`^${t}\\\\.${t}$`,"i"),longValue:new RegExp(`^${t}$`,"i")},n=new RegExp("^0[0-7]+$","i"),i=new RegExp("^0x[a-f0-9]+$","i"),o="%[0-9a-z]{1,}",s="(?:[0-9a-f]+::?)+",a={zoneIndex:new RegExp(o,"i"),native:new RegExp(`^(::)?(${s})?([0-9a-f]+)?(::)?(${o})?$`,"i"),deprecatedTransitional:new RegExp(`^(?:::)(${t}\\\\.${t}\\\\.${t}\\\\.${t}(${o})?)$`,"i"),transitional:new RegExp(`^((?:${s})|(?:::)(?:${s})?)${t}\\\\.${t}\\\\.${t}\\\\.${t}(${o})?$`,"i")};function c(d,h){if(d.indexOf("::")!==d.lastIndexOf("::"))return null;let m=0,g=-1,v=(d.match(a.zoneIndex)||[])[0],y,w;for(v&&(v=v.substring(1),d=d.replace(/%.+$/,""));(g=d.indexOf(":",g+1))>=0;)m++;if(d.substr(0,2)==="::"&&m--,d.substr(-2,2)==="::"&&m--,m>=h)return null;for(w=h-m,y=":";w--;)y+="0:";return d=d.replace("::",y),d[0]===":"&&(d=d.slice(1)),d[d.length-1]===":"&&(d=d.slice(0,-1)),h=(function(){let S=d.split(":"),k=[];for(let x=0;x<S.length;x++)k.push(S[x].length>4?NaN:parseInt(S[x],16));return k})(),{parts:h,zoneId:v}}function l(d,h,m,g){if(d.length!==h.length)throw new Error("ipaddr: cannot match CIDR for objects with different lengths");let v=0,y;for(;g>0;){if(y=m-g,y<0&&(y=0),d[v]>>y!==h[v]>>y)return!1;g-=m,v+=1}return!0}function u(d){if(i.test(d))return parseInt(d,16);if(d[0]==="0"&&!isNaN(parseInt(d[1],10))){if(n.test(d))return parseInt(d,8);throw new Error(`ipaddr: cannot parse ${d} as octal`)}return parseInt(d,10)}function p(d,h){for(;d.length<h;)d=`0${d}`;return d}let f={};f.IPv4=(function(){function d(h){if(h.length!==4)throw new Error("ipaddr: ipv4 octet count should be 4");let m,g;for(m=0;m<h.length;m++)if(g=h[m],!(0<=g&&g<=255))throw new Error("ipaddr: ipv4 octet should fit in 8 bits");this.octets=h}return d.prototype.SpecialRanges={unspecified:[[new d([0,0,0,0]),8]],broadcast:[[new d([255,255,255,255]),32]],multicast:[[new d([224,0,0,0]),4]],linkLocal:[[new d([169,254,0,0]),16]],loopback:[[new d([127,0,0,0]),8]],carrierGradeNat:[[new d([100,64,0,0]),10]],private:[[new d([10,0,0,0]),8],[new d([172,16,0,0]),12],[new d([192,168,0,0]),16]],reserved:[[new d([192,0,0,0]),24],[new d([192,0,2,0]),24],[new d([192,88,99,0]),24],[new d([198,18,0,0]),15],[new d([198,51,100,0]),24],[new d([203,0,113,0]),24],[new d([240,0,0,0]),4]],as112:[[new d([192,175,48,0]),24],[new d([192,31,196,0]),24]],amt:[[new d([192,52,193,0]),24]]},d.prototype.kind=function(){return"ipv4"},d.prototype.match=function(h,m){let g;if(m===void 0&&(g=h,h=g[0],m=g[1]),h.kind()!=="ipv4")throw new Error("ipaddr: cannot match ipv4 address with non-ipv4 one");return l(this.octets,h.octets,8,m)},d.prototype.prefixLengthFromSubnetMask=function(){let h=0,m=!1,g={0:8,128:7,192:6,224:5,240:4,248:3,252:2,254:1,255:0},v,y,w;for(v=3;v>=0;v-=1)if(y=this.octets[v],y in g){if(w=g[y],m&&w!==0)return null;w!==8&&(m=!0),h+=w}else return null;return 32-h},d.prototype.range=function(){return f.subnetMatch(this,this.SpecialRanges)},d.prototype.toByteArray=function(){return this.octets.slice(0)},d.prototype.toIPv4MappedAddress=function(){return f.IPv6.parse(`::ffff:${this.toString()}`)},d.prototype.toNormalizedString=function(){return this.toString()},d.prototype.toString=function(){return this.octets.join(".")},d})(),f.IPv4.broadcastAddressFromCIDR=function(d){try{let h=this.parseCIDR(d),m=h[0].toByteArray(),g=this.subnetMaskFromPrefixLength(h[1]).toByteArray(),v=[],y=0;for(;y<4;)v.push(parseInt(m[y],10)|parseInt(g[y],10)^255),y++;return new this(v)}catch(h){throw new Error("ipaddr: the address does not have IPv4 CIDR format",{cause:h})}},f.IPv4.isIPv4=function(d){return this.parser(d)!==null},f.IPv4.isValid=function(d){try{return new this(this.parser(d)),!0}catch{return!1}},f.IPv4.isValidCIDR=function(d){try{return this.parseCIDR(d),!0}catch{return!1}},f.IPv4.isValidFourPartDecimal=function(d){return!!(f.IPv4.isValid(d)&&d.match(/^(0|[1-9]\\d*)(\\.(0|[1-9]\\d*)){3}$/))},f.IPv4.isValidCIDRFourPartDecimal=function(d){let h=d.match(/^(.+)\\/(\\d+)$/);return!f.IPv4.isValidCIDR(d)||!h?!1:f.IPv4.isValidFourPartDecimal(h[1])},f.IPv4.networkAddressFromCIDR=function(d){let h,m,g,v,y;try{for(h=this.parseCIDR(d),g=h[0].toByteArray(),y=this.subnetMaskFromPrefixLength(h[1]).toByteArray(),v=[],m=0;m<4;)v.push(parseInt(g[m],10)&parseInt(y[m],10)),m++;return new this(v)}catch(w){throw new Error("ipaddr: the address does not have IPv4 CIDR format",{cause:w})}},f.IPv4.parse=function(d){let h=this.parser(d);if(h===null)throw new Error("ipaddr: string is not formatted like an IPv4 Address");return new this(h)},f.IPv4.parseCIDR=function(d){let h;if(h=d.match(/^(.+)\\/(\\d+)$/)){let m=parseInt(h[2]);if(m>=0&&m<=32){let g=[this.parse(h[1]),m];return Object.defineProperty(g,"toString",{value:function(){return this.join("/")}}),g}}throw new Error("ipaddr: string is not formatted like an IPv4 CIDR range")},f.IPv4.parser=function(d){let h,m,g;if(h=d.match(r.fourOctet))return(function(){let v=h.slice(1,6),y=[];for(let w=0;w<v.length;w++)m=v[w],y.push(u(m));return y})();if(h=d.match(r.longValue)){if(g=u(h[1]),g>4294967295||g<0)throw new Error("ipaddr: address outside defined range");return(function(){let v=[],y;for(y=0;y<=24;y+=8)v.push(g>>y&255);return v})().reverse()}else return(h=d.match(r.twoOctet))?(function(){let v=h.slice(1,4),y=[];if(g=u(v[1]),g>16777215||g<0)throw new Error("ipaddr: address outside defined range");return y.push(u(v[0])),y.push(g>>16&255),y.push(g>>8&255),y.push(g&255),y})():(h=d.match(r.threeOctet))?(function(){let v=h.slice(1,5),y=[];if(g=u(v[2]),g>65535||g<0)throw new Error("ipaddr: address outside defined range");return y.push(u(v[0])),y.push(u(v[1])),y.push(g>>8&255),y.push(g&255),y})():null},f.IPv4.subnetMaskFromPrefixLength=function(d){if(d=parseInt(d),Number.isNaN(d)||d<0||d>32)throw new Error("ipaddr: invalid IPv4 prefix length");let h=[0,0,0,0],m=0,g=Math.floor(d/8);for(;m<g;)h[m]=255,m++;return g<4&&(h[g]=Math.pow(2,d%8)-1<<8-d%8),new this(h)},f.IPv6=(function(){function d(h,m){let g,v;if(h.length===16)for(this.parts=[],g=0;g<=14;g+=2)this.parts.push(h[g]<<8|h[g+1]);else if(h.length===8)this.parts=h;else throw new Error("ipaddr: ipv6 part count should be 8 or 16");for(g=0;g<this.parts.length;g++)if(v=this.parts[g],!(0<=v&&v<=65535))throw new Error("ipaddr: ipv6 part should fit in 16 bits");m&&(this.zoneId=m)}return d.prototype.SpecialRanges={unspecified:[new d([0,0,0,0,0,0,0,0]),128],linkLocal:[new d([65152,0,0,0,0,0,0,0]),10],multicast:[new d([65280,0,0,0,0,0,0,0]),8],loopback:[new d([0,0,0,0,0,0,0,1]),128],uniqueLocal:[new d([64512,0,0,0,0,0,0,0]),7],ipv4Mapped:[new d([0,0,0,0,0,65535,0,0]),96],deprecatedSiteLocal:[new d([65216,0,0,0,0,0,0,0]),10],discard:[new d([256,0,0,0,0,0,0,0]),64],rfc6145:[new d([0,0,0,0,65535,0,0,0]),96],rfc6052:[[new d([100,65435,0,0,0,0,0,0]),96],[new d([100,65435,1,0,0,0,0,0]),48]],"6to4":[new d([8194,0,0,0,0,0,0,0]),16],teredo:[new d([8193,0,0,0,0,0,0,0]),32],benchmarking:[new d([8193,2,0,0,0,0,0,0]),48],amt:[new d([8193,3,0,0,0,0,0,0]),32],as112v6:[[new d([8193,4,274,0,0,0,0,0]),48],[new d([9760,79,32768,0,0,0,0,0]),48]],deprecatedOrchid:[new d([8193,16,0,0,0,0,0,0]),28],orchid2:[new d([8193,32,0,0,0,0,0,0]),28],droneRemoteIdProtocolEntityTags:[new d([8193,48,0,0,0,0,0,0]),28],segmentRouting:[new d([24320,0,0,0,0,0,0,0]),16],reserved:[[new d([8193,0,0,0,0,0,0,0]),23],[new d([8193,3512,0,0,0,0,0,0]),32],[new d([16383,0,0,0,0,0,0,0]),20]]},d.prototype.isIPv4MappedAddress=function(){return this.range()==="ipv4Mapped"},d.prototype.kind=function(){return"ipv6"},d.prototype.match=function(h,m){let g;if(m===void 0&&(g=h,h=g[0],m=g[1]),h.kind()!=="ipv6")throw new Error("ipaddr: cannot match ipv6 address with non-ipv6 one");return l(this.parts,h.parts,16,m)},d.prototype.prefixLengthFromSubnetMask=function(){let h=0,m=!1,g={0:16,32768:15,49152:14,57344:13,61440:12,63488:11,64512:10,65024:9,65280:8,65408:7,65472:6,65504:5,65520:4,65528:3,65532:2,65534:1,65535:0},v,y;for(let w=7;w>=0;w-=1)if(v=this.parts[w],v in g){if(y=g[v],m&&y!==0)return null;y!==16&&(m=!0),h+=y}else return null;return 128-h},d.prototype.range=function(){return f.subnetMatch(this,this.SpecialRanges)},d.prototype.toByteArray=function(){let h,m=[],g=this.parts;for(let v=0;v<g.length;v++)h=g[v],m.push(h>>8),m.push(h&255);return m},d.prototype.toFixedLengthString=function(){let h=(function(){let g=[];for(let v=0;v<this.parts.length;v++)g.push(p(this.parts[v].toString(16),4));return g}).call(this).join(":"),m="";return this.zoneId&&(m=`%${this.zoneId}`),h+m},d.prototype.toIPv4Address=function(){if(!this.isIPv4MappedAddress())throw new Error("ipaddr: trying to convert a generic ipv6 address to ipv4");let h=this.parts.slice(-2),m=h[0],g=h[1];return new f.IPv4([m>>8,m&255,g>>8,g&255])},d.prototype.toNormalizedString=function(){let h=(function(){let g=[];for(let v=0;v<this.parts.length;v++)g.push(this.parts[v].toString(16));return g}).call(this).join(":"),m="";return this.zoneId&&(m=`%${this.zoneId}`),h+m},d.prototype.toRFC5952String=function(){let h=/((^|:)(0(:|$)){2,})/g,m="";this.zoneId&&(m=`%${this.zoneId}`);let g=this.toNormalizedString(),v=g.slice(0,g.length-m.length),y=0,w=-1,S=-1,k;for(;k=h.exec(v);){let x=(k[0].match(/0/g)||[]).length;x>S&&(S=x,y=k.index,w=k[0].length)}return w<0?v+m:`${v.substring(0,y)}::${v.substring(y+w)}${m}`},d.prototype.toString=function(){return this.toRFC5952String()},d})(),f.IPv6.broadcastAddressFromCIDR=function(d){try{let h=this.parseCIDR(d),m=h[0].toByteArray(),g=this.subnetMaskFromPrefixLength(h[1]).toByteArray(),v=[],y=0;for(;y<16;)v.push(parseInt(m[y],10)|parseInt(g[y],10)^255),y++;return new this(v)}catch(h){throw new Error("ipaddr: the address does not have IPv6 CIDR format",{cause:h})}},f.IPv6.isIPv6=function(d){return this.parser(d)!==null},f.IPv6.isValid=function(d){if(typeof d=="string"&&d.indexOf(":")===-1)return!1;try{let h=this.parser(d);return new this(h.parts,h.zoneId),!0}catch{return!1}},f.IPv6.isValidCIDR=function(d){if(typeof d=="string"&&d.indexOf(":")===-1)return!1;try{return this.parseCIDR(d),!0}catch{return!1}},f.IPv6.networkAddressFromCIDR=function(d){let h,m,g,v,y;try{for(h=this.parseCIDR(d),g=h[0].toByteArray(),y=this.subnetMaskFromPrefixLength(h[1]).toByteArray(),v=[],m=0;m<16;)v.push(parseInt(g[m],10)&parseInt(y[m],10)),m++;return new this(v)}catch(w){throw new Error("ipaddr: the address does not have IPv6 CIDR format",{cause:w})}},f.IPv6.parse=function(d){let h=this.parser(d);if(h===null)throw new Error("ipaddr: string is not formatted like an IPv6 Address");return new this(h.parts,h.zoneId)},f.IPv6.parseCIDR=function(d){let h,m,g;if((m=d.match(/^(.+)\\/(\\d+)$/))&&(h=parseInt(m[2]),h>=0&&h<=128))return g=[this.parse(m[1]),h],Object.defineProperty(g,"toString",{value:function(){return this.join("/")}}),g;throw new Error("ipaddr: string is not formatted like an IPv6 CIDR range")},f.IPv6.parser=function(d){let h,m,g,v,y,w;if(g=d.match(a.deprecatedTransitional))return this.parser(`::ffff:${g[1]}`);if(a.native.test(d))return c(d,8);if((g=d.match(a.transitional))&&(w=g[6]||"",h=g[1],g[1].endsWith("::")||(h=h.slice(0,-1)),h=c(h+w,6),h&&h.parts)){for(y=[parseInt(g[2]),parseInt(g[3]),parseInt(g[4]),parseInt(g[5])],m=0;m<y.length;m++)if(v=y[m],!(0<=v&&v<=255))return null;return h.parts.push(y[0]<<8|y[1]),h.parts.push(y[2]<<8|y[3]),{parts:h.parts,zoneId:h.zoneId}}return null},f.IPv6.subnetMaskFromPrefixLength=function(d){if(d=parseInt(d),Number.isNaN(d)||d<0||d>128)throw new Error("ipaddr: invalid IPv6 prefix length");let h=[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0],m=0,g=Math.floor(d/8);for(;m<g;)h[m]=255,m++;return g<16&&(h[g]=Math.pow(2,d%8)-1<<8-d%8),new this(h)},f.fromByteArray=function(d){let h=d.length;if(h===4)return new f.IPv4(d);if(h===16)return new f.IPv6(d);throw new Error("ipaddr: the binary input is neither an IPv6 nor IPv4 address")},f.isValid=function(d){return f.IPv6.isValid(d)||f.IPv4.isValid(d)},f.isValidCIDR=function(d){return f.IPv6.isValidCIDR(d)||f.IPv4.isValidCIDR(d)},f.parse=function(d){if(f.IPv6.isValid(d))return f.IPv6.parse(d);if(f.IPv4.isValid(d))return f.IPv4.parse(d);throw new Error("ipaddr: the address has neither IPv6 nor IPv4 format")},f.parseCIDR=function(d){try{return f.IPv6.parseCIDR(d)}catch{try{return f.IPv4.parseCIDR(d)}catch(h){throw new Error("ipaddr: the address has neither IPv6 nor IPv4 CIDR format",{cause:h})}}},f.process=function(d){let h=this.parse(d);return h.kind()==="ipv6"&&h.isIPv4MappedAddress()?h.toIPv4Address():h},f.subnetMatch=function(d,h,m){let g,v,y,w;m==null&&(m="unicast");for(v in h)if(Object.prototype.hasOwnProperty.call(h,v)){for(y=h[v],y[0]&&!(y[0]instanceof Array)&&(y=[y]),g=0;g<y.length;g++)if(w=y[g],d.kind()===w[0].kind()&&d.match.apply(d,w))return v}return m},typeof Wo<"u"&&Wo.exports?Wo.exports=f:e.ipaddr=f})(Og)});var L=b(ye=>{"use strict";var _l=Symbol.for("yaml.alias"),yy=Symbol.for("yaml.document"),us=Symbol.for("yaml.map"),vy=Symbol.for("yaml.pair"),Sl=Symbol.for("yaml.scalar"),ds=Symbol.for("yaml.seq"),zt=Symbol.for("yaml.node.type"),VN=e=>!!e&&typeof e=="object"&&e[zt]===_l,KN=e=>!!e&&typeof e=="object"&&e[zt]===yy,JN=e=>!!e&&typeof e=="object"&&e[zt]===us,GN=e=>!!e&&typeof e=="object"&&e[zt]===vy,by=e=>!!e&&typeof e=="object"&&e[zt]===Sl,WN=e=>!!e&&typeof e=="object"&&e[zt]===ds;function wy(e){if(e&&typeof e=="object")switch(e[zt]){case us:case ds:return!0}return!1}function HN(e){if(e&&typeof e=="object")switch(e[zt]){case _l:case us:case Sl:case ds:return!0}return!1}var YN=e=>(by(e)||wy(e))&&!!e.anchor;ye.ALIAS=_l;ye.DOC=yy;ye.MAP=us;ye.NODE_TYPE=zt;ye.PAIR=vy;ye.SCALAR=Sl;ye.SEQ=ds;ye.hasAnchor=YN;ye.isAlias=VN;ye.isCollection=wy;ye.isDocument=KN;ye.isMap=JN;ye.isNode=HN;ye.isPair=GN;ye.isScalar=by;ye.isSeq=WN});var di=b(kl=>{"use strict";var fe=L(),Ae=Symbol("break visit"),$y=Symbol("skip children"),gt=Symbol("remove node");function fs(e,t){let r=_y(t);fe.isDocument(e)?gn(null,e.contents,r,Object.freeze([e]))===gt&&(e.contents=null):gn(null,e,r,Object.freeze([]))}fs.BREAK=Ae;fs.SKIP=$y;fs.REMOVE=gt;function gn(e,t,r,n){let i=Sy(e,t,r,n);if(fe.isNode(i)||fe.isPair(i))return ky(e,n,i),gn(e,i,r,n);if(typeof i!="symbol"){if(fe.isCollection(t)){n=Object.freeze(n.concat(t));for(let o=0;o<t.items.length;++o){let s=gn(o,t.items[o],r,n);if(typeof s=="number")o=s-1;else{if(s===Ae)return Ae;s===gt&&(t.items.splice(o,1),o-=1)}}}else if(fe.isPair(t)){n=Object.freeze(n.concat(t));let o=gn("key",t.key,r,n);if(o===Ae)return Ae;o===gt&&(t.key=null);let s=gn("value",t.value,r,n);if(s===Ae)return Ae;s===gt&&(t.value=null)}}return i}async function ps(e,t){let r=_y(t);fe.isDocument(e)?await yn(null,e.contents,r,Object.freeze([e]))===gt&&(e.contents=null):await yn(null,e,r,Object.freeze([]))}ps.BREAK=Ae;ps.SKIP=$y;ps.REMOVE=gt;async function yn(e,t,r,n){let i=await Sy(e,t,r,n);if(fe.isNode(i)||fe.isPair(i))return ky(e,n,i),yn(e,i,r,n);if(typeof i!="symbol"){if(fe.isCollection(t)){n=Object.freeze(n.concat(t));for(let o=0;o<t.items.length;++o){let s=await yn(o,t.items[o],r,n);if(typeof s=="number")o=s-1;else{if(s===Ae)return Ae;s===gt&&(t.items.splice(o,1),o-=1)}}}else if(fe.isPair(t)){n=Object.freeze(n.concat(t));let o=await yn("key",t.key,r,n);if(o===Ae)return Ae;o===gt&&(t.key=null);let s=await yn("value",t.value,r,n);if(s===Ae)return Ae;s===gt&&(t.value=null)}}return i}function _y(e){return typeof e=="object"&&(e.Collection||e.Node||e.Value)?Object.assign({Alias:e.Node,Map:e.Node,Scalar:e.Node,Seq:e.Node},e.Value&&{Map:e.Value,Scalar:e.Value,Seq:e.Value},e.Collection&&{Map:e.Collection,Seq:e.Collection},e):e}function Sy(e,t,r,n){if(typeof r=="function")return r(e,t,n);if(fe.isMap(t))return r.Map?.(e,t,n);if(fe.isSeq(t))return r.Seq?.(e,t,n);if(fe.isPair(t))return r.Pair?.(e,t,n);if(fe.isScalar(t))return r.Scalar?.(e,t,n);if(fe.isAlias(t))return r.Alias?.(e,t,n)}function ky(e,t,r){let n=t[t.length-1];if(fe.isCollection(n))n.items[e]=r;else if(fe.isPair(n))e==="key"?n.key=r:n.value=r;else if(fe.isDocument(n))n.contents=r;else{let i=fe.isAlias(n)?"alias":"scalar";throw new Error(`Cannot replace node with ${i} parent`)}}kl.visit=fs;kl.visitAsync=ps});var xl=b(Iy=>{"use strict";var xy=L(),XN=di(),QN={"!":"%21",",":"%2C","[":"%5B","]":"%5D","{":"%7B","}":"%7D"},eO=e=>e.replace(/[!,[\\]{}]/g,t=>QN[t]),fi=class e{constructor(t,r){this.docStart=null,this.docEnd=!1,this.yaml=Object.assign({},e.defaultYaml,t),this.tags=Object.assign({},e.defaultTags,r)}clone(){let t=new e(this.yaml,this.tags);return t.docStart=this.docStart,t}atDocument(){let t=new e(this.yaml,this.tags);switch(this.yaml.version){case"1.1":this.atNextDocument=!0;break;case"1.2":this.atNextDocument=!1,this.yaml={explicit:e.defaultYaml.explicit,version:"1.2"},this.tags=Object.assign({},e.defaultTags);break}return t}add(t,r){this.atNextDocument&&(this.yaml={explicit:e.defaultYaml.explicit,version:"1.1"},this.tags=Object.assign({},e.defaultTags),this.atNextDocument=!1);let n=t.trim().split(/[ \\t]+/),i=n.shift();switch(i){case"%TAG":{if(n.length!==2&&(r(0,"%TAG directive should contain exactly two parts"),n.length<2))return!1;let[o,s]=n;return this.tags[o]=s,!0}case"%YAML":{if(this.yaml.explicit=!0,n.length!==1)return r(0,"%YAML directive should contain exactly one part"),!1;let[o]=n;if(o==="1.1"||o==="1.2")return this.yaml.version=o,!0;{let s=/^\\d+\\.\\d+$/.test(o);return r(6,`Unsupported YAML version ${o}`,s),!1}}default:return r(0,`Unknown directive ${i}`,!0),!1}}tagName(t,r){if(t==="!")return"!";if(t[0]!=="!")return r(`Not a valid tag: ${t}`),null;if(t[1]==="<"){let s=t.slice(2,-1);return s==="!"||s==="!!"?(r(`Verbatim tags aren\'t resolved, so ${t} is invalid.`),null):(t[t.length-1]!==">"&&r("Verbatim tags must end with a >"),s)}let[,n,i]=t.match(/^(.*!)([^!]*)$/s);i||r(`The ${t} tag has no suffix`);let o=this.tags[n];if(o)try{return o+decodeURIComponent(i)}catch(s){return r(String(s)),null}return n==="!"?t:(r(`Could not resolve tag: ${t}`),null)}tagString(t){for(let[r,n]of Object.entries(this.tags))if(t.startsWith(n))return r+eO(t.substring(n.length));return t[0]==="!"?t:`!<${t}>`}toString(t){let r=this.yaml.explicit?[`%YAML ${this.yaml.version||"1.2"}`]:[],n=Object.entries(this.tags),i;if(t&&n.length>0&&xy.isNode(t.contents)){let o={};XN.visit(t.contents,(s,a)=>{xy.isNode(a)&&a.tag&&(o[a.tag]=!0)}),i=Object.keys(o)}else i=[];for(let[o,s]of n)o==="!!"&&s==="tag:yaml.org,2002:"||(!t||i.some(a=>a.startsWith(s)))&&r.push(`%TAG ${o} ${s}`);return r.join(`\n`)}};fi.defaultYaml={explicit:!1,version:"1.2"};fi.defaultTags={"!!":"tag:yaml.org,2002:"};Iy.Directives=fi});var ms=b(pi=>{"use strict";var Ey=L(),tO=di();function rO(e){if(/[\\x00-\\x19\\s,[\\]{}]/.test(e)){let r=`Anchor must not contain whitespace or control characters: ${JSON.stringify(e)}`;throw new Error(r)}return!0}function Ny(e){let t=new Set;return tO.visit(e,{Value(r,n){n.anchor&&t.add(n.anchor)}}),t}function Oy(e,t){for(let r=1;;++r){let n=`${e}${r}`;if(!t.has(n))return n}}function nO(e,t){let r=[],n=new Map,i=null;return{onAnchor:o=>{r.push(o),i??(i=Ny(e));let s=Oy(t,i);return i.add(s),s},setAnchors:()=>{for(let o of r){let s=n.get(o);if(typeof s=="object"&&s.anchor&&(Ey.isScalar(s.node)||Ey.isCollection(s.node)))s.node.anchor=s.anchor;else{let a=new Error("Failed to resolve repeated object (this should not happen)");throw a.source=o,a}}},sourceObjects:n}}pi.anchorIsValid=rO;pi.anchorNames=Ny;pi.createNodeAnchors=nO;pi.findNewAnchor=Oy});var Il=b(Py=>{"use strict";function mi(e,t,r,n){if(n&&typeof n=="object")if(Array.isArray(n))for(let i=0,o=n.length;i<o;++i){let s=n[i],a=mi(e,n,String(i),s);a===void 0?delete n[i]:a!==s&&(n[i]=a)}else if(n instanceof Map)for(let i of Array.from(n.keys())){let o=n.get(i),s=mi(e,n,i,o);s===void 0?n.delete(i):s!==o&&n.set(i,s)}else if(n instanceof Set)for(let i of Array.from(n)){let o=mi(e,n,i,i);o===void 0?n.delete(i):o!==i&&(n.delete(i),n.add(o))}else for(let[i,o]of Object.entries(n)){let s=mi(e,n,i,o);s===void 0?delete n[i]:s!==o&&(n[i]=s)}return e.call(t,r,n)}Py.applyReviver=mi});var ir=b(Ay=>{"use strict";var iO=L();function Ty(e,t,r){if(Array.isArray(e))return e.map((n,i)=>Ty(n,String(i),r));if(e&&typeof e.toJSON=="function"){if(!r||!iO.hasAnchor(e))return e.toJSON(t,r);let n={aliasCount:0,count:1,res:void 0};r.anchors.set(e,n),r.onCreate=o=>{n.res=o,delete r.onCreate};let i=e.toJSON(t,r);return r.onCreate&&r.onCreate(i),i}return typeof e=="bigint"&&!r?.keep?Number(e):e}Ay.toJS=Ty});var hs=b(Dy=>{"use strict";var oO=Il(),Cy=L(),sO=ir(),El=class{constructor(t){Object.defineProperty(this,Cy.NODE_TYPE,{value:t})}clone(){let t=Object.create(Object.getPrototypeOf(this),Object.getOwnPropertyDescriptors(this));return this.range&&(t.range=this.range.slice()),t}toJS(t,{mapAsMap:r,maxAliasCount:n,onAnchor:i,reviver:o}={}){if(!Cy.isDocument(t))throw new TypeError("A document argument is required");let s={anchors:new Map,doc:t,keep:!0,mapAsMap:r===!0,mapKeyWarned:!1,maxAliasCount:typeof n=="number"?n:100},a=sO.toJS(this,"",s);if(typeof i=="function")for(let{count:c,res:l}of s.anchors.values())i(l,c);return typeof o=="function"?oO.applyReviver(o,{"":a},"",a):a}};Dy.NodeBase=El});var hi=b(Ry=>{"use strict";var aO=ms(),cO=di(),vn=L(),lO=hs(),uO=ir(),Nl=class extends lO.NodeBase{constructor(t){super(vn.ALIAS),this.source=t,Object.defineProperty(this,"tag",{set(){throw new Error("Alias nodes cannot have tags")}})}resolve(t,r){let n;r?.aliasResolveCache?n=r.aliasResolveCache:(n=[],cO.visit(t,{Node:(o,s)=>{(vn.isAlias(s)||vn.hasAnchor(s))&&n.push(s)}}),r&&(r.aliasResolveCache=n));let i;for(let o of n){if(o===this)break;o.anchor===this.source&&(i=o)}return i}toJSON(t,r){if(!r)return{source:this.source};let{anchors:n,doc:i,maxAliasCount:o}=r,s=this.resolve(i,r);if(!s){let c=`Unresolved alias (the anchor must be set before the alias): ${this.source}`;throw new ReferenceError(c)}let a=n.get(s);if(a||(uO.toJS(s,null,r),a=n.get(s)),!a||a.res===void 0){let c="This should not happen: Alias anchor was not resolved?";throw new ReferenceError(c)}if(o>=0&&(a.count+=1,a.aliasCount===0&&(a.aliasCount=gs(i,s,n)),a.count*a.aliasCount>o)){let c="Excessive alias count indicates a resource exhaustion attack";throw new ReferenceError(c)}return a.res}toString(t,r,n){let i=`*${this.source}`;if(t){if(aO.anchorIsValid(this.source),t.options.verifyAliasOrder&&!t.anchors.has(this.source)){let o=`Unresolved alias (the anchor must be set before the alias): ${this.source}`;throw new Error(o)}if(t.implicitKey)return`${i} `}return i}};function gs(e,t,r){if(vn.isAlias(t)){let n=t.resolve(e),i=r&&n&&r.get(n);return i?i.count*i.aliasCount:0}else if(vn.isCollection(t)){let n=0;for(let i of t.items){let o=gs(e,i,r);o>n&&(n=o)}return n}else if(vn.isPair(t)){let n=gs(e,t.key,r),i=gs(e,t.value,r);return Math.max(n,i)}return 1}Ry.Alias=Nl});var ie=b(Ol=>{"use strict";var dO=L(),fO=hs(),pO=ir(),mO=e=>!e||typeof e!="function"&&typeof e!="object",or=class extends fO.NodeBase{constructor(t){super(dO.SCALAR),this.value=t}toJSON(t,r){return r?.keep?this.value:pO.toJS(this.value,t,r)}toString(){return String(this.value)}};or.BLOCK_FOLDED="BLOCK_FOLDED";or.BLOCK_LITERAL="BLOCK_LITERAL";or.PLAIN="PLAIN";or.QUOTE_DOUBLE="QUOTE_DOUBLE";or.QUOTE_SINGLE="QUOTE_SINGLE";Ol.Scalar=or;Ol.isScalarValue=mO});var gi=b(jy=>{"use strict";var hO=hi(),Rr=L(),zy=ie(),gO="tag:yaml.org,2002:";function yO(e,t,r){if(t){let n=r.filter(o=>o.tag===t),i=n.find(o=>!o.format)??n[0];if(!i)throw new Error(`Tag ${t} not found`);return i}return r.find(n=>n.identify?.(e)&&!n.format)}function vO(e,t,r){if(Rr.isDocument(e)&&(e=e.contents),Rr.isNode(e))return e;if(Rr.isPair(e)){let p=r.schema[Rr.MAP].createNode?.(r.schema,null,r);return p.items.push(e),p}(e instanceof String||e instanceof Number||e instanceof Boolean||typeof BigInt<"u"&&e instanceof BigInt)&&(e=e.valueOf());let{aliasDuplicateObjects:n,onAnchor:i,onTagObj:o,schema:s,sourceObjects:a}=r,c;if(n&&e&&typeof e=="object"){if(c=a.get(e),c)return c.anchor??(c.anchor=i(e)),new hO.Alias(c.anchor);c={anchor:null,node:null},a.set(e,c)}t?.startsWith("!!")&&(t=gO+t.slice(2));let l=yO(e,t,s.tags);if(!l){if(e&&typeof e.toJSON=="function"&&(e=e.toJSON()),!e||typeof e!="object"){let p=new zy.Scalar(e);return c&&(c.node=p),p}l=e instanceof Map?s[Rr.MAP]:Symbol.iterator in Object(e)?s[Rr.SEQ]:s[Rr.MAP]}o&&(o(l),delete r.onTagObj);let u=l?.createNode?l.createNode(r.schema,e,r):typeof l?.nodeClass?.from=="function"?l.nodeClass.from(r.schema,e,r):new zy.Scalar(e);return t?u.tag=t:l.default||(u.tag=l.tag),c&&(c.node=u),u}jy.createNode=vO});var vs=b(ys=>{"use strict";var bO=gi(),yt=L(),wO=hs();function Pl(e,t,r){let n=r;for(let i=t.length-1;i>=0;--i){let o=t[i];if(typeof o=="number"&&Number.isInteger(o)&&o>=0){let s=[];s[o]=n,n=s}else n=new Map([[o,n]])}return bO.createNode(n,void 0,{aliasDuplicateObjects:!1,keepUndefined:!1,onAnchor:()=>{throw new Error("This should not happen, please report a bug.")},schema:e,sourceObjects:new Map})}var My=e=>e==null||typeof e=="object"&&!!e[Symbol.iterator]().next().done,Tl=class extends wO.NodeBase{constructor(t,r){super(t),Object.defineProperty(this,"schema",{value:r,configurable:!0,enumerable:!1,writable:!0})}clone(t){let r=Object.create(Object.getPrototypeOf(this),Object.getOwnPropertyDescriptors(this));return t&&(r.schema=t),r.items=r.items.map(n=>yt.isNode(n)||yt.isPair(n)?n.clone(t):n),this.range&&(r.range=this.range.slice()),r}addIn(t,r){if(My(t))this.add(r);else{let[n,...i]=t,o=this.get(n,!0);if(yt.isCollection(o))o.addIn(i,r);else if(o===void 0&&this.schema)this.set(n,Pl(this.schema,i,r));else throw new Error(`Expected YAML collection at ${n}. Remaining path: ${i}`)}}deleteIn(t){let[r,...n]=t;if(n.length===0)return this.delete(r);let i=this.get(r,!0);if(yt.isCollection(i))return i.deleteIn(n);throw new Error(`Expected YAML collection at ${r}. Remaining path: ${n}`)}getIn(t,r){let[n,...i]=t,o=this.get(n,!0);return i.length===0?!r&&yt.isScalar(o)?o.value:o:yt.isCollection(o)?o.getIn(i,r):void 0}hasAllNullValues(t){return this.items.every(r=>{if(!yt.isPair(r))return!1;let n=r.value;return n==null||t&&yt.isScalar(n)&&n.value==null&&!n.commentBefore&&!n.comment&&!n.tag})}hasIn(t){let[r,...n]=t;if(n.length===0)return this.has(r);let i=this.get(r,!0);return yt.isCollection(i)?i.hasIn(n):!1}setIn(t,r){let[n,...i]=t;if(i.length===0)this.set(n,r);else{let o=this.get(n,!0);if(yt.isCollection(o))o.setIn(i,r);else if(o===void 0&&this.schema)this.set(n,Pl(this.schema,i,r));else throw new Error(`Expected YAML collection at ${n}. Remaining path: ${i}`)}}};ys.Collection=Tl;ys.collectionFromPath=Pl;ys.isEmptyPath=My});var yi=b(bs=>{"use strict";var $O=e=>e.replace(/^(?!$)(?: $)?/gm,"#");function Al(e,t){return/^\\n+$/.test(e)?e.substring(1):t?e.replace(/^(?! *$)/gm,t):e}var _O=(e,t,r)=>e.endsWith(`\n`)?Al(r,t):r.includes(`\n`)?`\n`+Al(r,t):(e.endsWith(" ")?"":" ")+r;bs.indentComment=Al;bs.lineComment=_O;bs.stringifyComment=$O});var Uy=b(vi=>{"use strict";var SO="flow",Cl="block",ws="quoted";function kO(e,t,r="flow",{indentAtStart:n,lineWidth:i=80,minContentWidth:o=20,onFold:s,onOverflow:a}={}){if(!i||i<0)return e;i<o&&(o=0);let c=Math.max(1+o,1+i-t.length);if(e.length<=c)return e;let l=[],u={},p=i-t.length;typeof n=="number"&&(n>i-Math.max(2,o)?l.push(0):p=i-n);let f,d,h=!1,m=-1,g=-1,v=-1;r===Cl&&(m=Ly(e,m,t.length),m!==-1&&(p=m+c));for(let w;w=e[m+=1];){if(r===ws&&w==="\\\\"){switch(g=m,e[m+1]){case"x":m+=3;break;case"u":m+=5;break;case"U":m+=9;break;default:m+=1}v=m}if(w===`\n`)r===Cl&&(m=Ly(e,m,t.length)),p=m+t.length+c,f=void 0;else{if(w===" "&&d&&d!==" "&&d!==`\n`&&d!=="	"){let S=e[m+1];S&&S!==" "&&S!==`\n`&&S!=="	"&&(f=m)}if(m>=p)if(f)l.push(f),p=f+c,f=void 0;else if(r===ws){for(;d===" "||d==="	";)d=w,w=e[m+=1],h=!0;let S=m>v+1?m-2:g-1;if(u[S])return e;l.push(S),u[S]=!0,p=S+c,f=void 0}else h=!0}d=w}if(h&&a&&a(),l.length===0)return e;s&&s();let y=e.slice(0,l[0]);for(let w=0;w<l.length;++w){let S=l[w],k=l[w+1]||e.length;S===0?y=`\n${t}${e.slice(0,k)}`:(r===ws&&u[S]&&(y+=`${e[S]}\\\\`),y+=`\n${t}${e.slice(S+1,k)}`)}return y}function Ly(e,t,r){let n=t,i=t+1,o=e[i];for(;o===" "||o==="	";)if(t<i+r)o=e[++t];else{do o=e[++t];while(o&&o!==`\n`);n=t,i=t+1,o=e[i]}return n}vi.FOLD_BLOCK=Cl;vi.FOLD_FLOW=SO;vi.FOLD_QUOTED=ws;vi.foldFlowLines=kO});var wi=b(qy=>{"use strict";var ot=ie(),sr=Uy(),_s=(e,t)=>({indentAtStart:t?e.indent.length:e.indentAtStart,lineWidth:e.options.lineWidth,minContentWidth:e.options.minContentWidth}),Ss=e=>/^(%|---|\\.\\.\\.)/m.test(e);function xO(e,t,r){if(!t||t<0)return!1;let n=t-r,i=e.length;if(i<=n)return!1;for(let o=0,s=0;o<i;++o)if(e[o]===`\n`){if(o-s>n)return!0;if(s=o+1,i-s<=n)return!1}return!0}function bi(e,t){let r=JSON.stringify(e);if(t.options.doubleQuotedAsJSON)return r;let{implicitKey:n}=t,i=t.options.doubleQuotedMinMultiLineLength,o=t.indent||(Ss(e)?"  ":""),s="",a=0;for(let c=0,l=r[c];l;l=r[++c])if(l===" "&&r[c+1]==="\\\\"&&r[c+2]==="n"&&(s+=r.slice(a,c)+"\\\\ ",c+=1,a=c,l="\\\\"),l==="\\\\")switch(r[c+1]){case"u":{s+=r.slice(a,c);let u=r.substr(c+2,4);switch(u){case"0000":s+="\\\\0";break;case"0007":s+="\\\\a";break;case"000b":s+="\\\\v";break;case"001b":s+="\\\\e";break;case"0085":s+="\\\\N";break;case"00a0":s+="\\\\_";break;case"2028":s+="\\\\L";break;case"2029":s+="\\\\P";break;default:u.substr(0,2)==="00"?s+="\\\\x"+u.substr(2):s+=r.substr(c,6)}c+=5,a=c+1}break;case"n":if(n||r[c+2]===\'"\'||r.length<i)c+=1;else{for(s+=r.slice(a,c)+`\n\n`;r[c+2]==="\\\\"&&r[c+3]==="n"&&r[c+4]!==\'"\';)s+=`\n`,c+=2;s+=o,r[c+2]===" "&&(s+="\\\\"),c+=1,a=c+1}break;default:c+=1}return s=a?s+r.slice(a):r,n?s:sr.foldFlowLines(s,o,sr.FOLD_QUOTED,_s(t,!1))}function Dl(e,t){if(t.options.singleQuote===!1||t.implicitKey&&e.includes(`\n`)||/[ \\t]\\n|\\n[ \\t]/.test(e))return bi(e,t);let r=t.indent||(Ss(e)?"  ":""),n="\'"+e.replace(/\'/g,"\'\'").replace(/\\n+/g,`$&\n${r}`)+"\'";return t.implicitKey?n:sr.foldFlowLines(n,r,sr.FOLD_FLOW,_s(t,!1))}function bn(e,t){let{singleQuote:r}=t.options,n;if(r===!1)n=bi;else{let i=e.includes(\'"\'),o=e.includes("\'");i&&!o?n=Dl:o&&!i?n=bi:n=r?Dl:bi}return n(e,t)}var Rl;try{Rl=new RegExp(`(^|(?<!\n))\n+(?!\n|$)`,"g")}catch{Rl=/\\n+(?!\\n|$)/g}function $s({comment:e,type:t,value:r},n,i,o){let{blockQuote:s,commentString:a,lineWidth:c}=n.options;if(!s||/\\n[\\t ]+$/.test(r))return bn(r,n);let l=n.indent||(n.forceBlockIndent||Ss(r)?"  ":""),u=s==="literal"?!0:s==="folded"||t===ot.Scalar.BLOCK_FOLDED?!1:t===ot.Scalar.BLOCK_LITERAL?!0:!xO(r,c,l.length);if(!r)return u?`|\n`:`>\n`;let p,f;for(f=r.length;f>0;--f){let k=r[f-1];if(k!==`\n`&&k!=="	"&&k!==" ")break}let d=r.substring(f),h=d.indexOf(`\n`);h===-1?p="-":r===d||h!==d.length-1?(p="+",o&&o()):p="",d&&(r=r.slice(0,-d.length),d[d.length-1]===`\n`&&(d=d.slice(0,-1)),d=d.replace(Rl,`$&${l}`));let m=!1,g,v=-1;for(g=0;g<r.length;++g){let k=r[g];if(k===" ")m=!0;else if(k===`\n`)v=g;else break}let y=r.substring(0,v<g?v+1:g);y&&(r=r.substring(y.length),y=y.replace(/\\n+/g,`$&${l}`));let S=(m?l?"2":"1":"")+p;if(e&&(S+=" "+a(e.replace(/ ?[\\r\\n]+/g," ")),i&&i()),!u){let k=r.replace(/\\n+/g,`\n$&`).replace(/(?:^|\\n)([\\t ].*)(?:([\\n\\t ]*)\\n(?![\\n\\t ]))?/g,"$1$2").replace(/\\n+/g,`$&${l}`),x=!1,C=_s(n,!0);s!=="folded"&&t!==ot.Scalar.BLOCK_FOLDED&&(C.onOverflow=()=>{x=!0});let N=sr.foldFlowLines(`${y}${k}${d}`,l,sr.FOLD_BLOCK,C);if(!x)return`>${S}\n${l}${N}`}return r=r.replace(/\\n+/g,`$&${l}`),`|${S}\n${l}${y}${r}${d}`}function IO(e,t,r,n){let{type:i,value:o}=e,{actualString:s,implicitKey:a,indent:c,indentStep:l,inFlow:u}=t;if(a&&o.includes(`\n`)||u&&/[[\\]{},]/.test(o))return bn(o,t);if(/^[\\n\\t ,[\\]{}#&*!|>\'"%@`]|^[?-]$|^[?-][ \\t]|[\\n:][ \\t]|[ \\t]\\n|[\\n\\t ]#|[\\n\\t :]$/.test(o))return a||u||!o.includes(`\n`)?bn(o,t):$s(e,t,r,n);if(!a&&!u&&i!==ot.Scalar.PLAIN&&o.includes(`\n`))return $s(e,t,r,n);if(Ss(o)){if(c==="")return t.forceBlockIndent=!0,$s(e,t,r,n);if(a&&c===l)return bn(o,t)}let p=o.replace(/\\n+/g,`$&\n${c}`);if(s){let f=m=>m.default&&m.tag!=="tag:yaml.org,2002:str"&&m.test?.test(p),{compat:d,tags:h}=t.doc.schema;if(h.some(f)||d?.some(f))return bn(o,t)}return a?p:sr.foldFlowLines(p,c,sr.FOLD_FLOW,_s(t,!1))}function EO(e,t,r,n){let{implicitKey:i,inFlow:o}=t,s=typeof e.value=="string"?e:Object.assign({},e,{value:String(e.value)}),{type:a}=e;a!==ot.Scalar.QUOTE_DOUBLE&&/[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u{D800}-\\u{DFFF}]/u.test(s.value)&&(a=ot.Scalar.QUOTE_DOUBLE);let c=u=>{switch(u){case ot.Scalar.BLOCK_FOLDED:case ot.Scalar.BLOCK_LITERAL:return i||o?bn(s.value,t):$s(s,t,r,n);case ot.Scalar.QUOTE_DOUBLE:return bi(s.value,t);case ot.Scalar.QUOTE_SINGLE:return Dl(s.value,t);case ot.Scalar.PLAIN:return IO(s,t,r,n);default:return null}},l=c(a);if(l===null){let{defaultKeyType:u,defaultStringType:p}=t.options,f=i&&u||p;if(l=c(f),l===null)throw new Error(`Unsupported default string type ${f}`)}return l}qy.stringifyString=EO});var $i=b(zl=>{"use strict";var NO=ms(),ar=L(),OO=yi(),PO=wi();function TO(e,t){let r=Object.assign({blockQuote:!0,commentString:OO.stringifyComment,defaultKeyType:null,defaultStringType:"PLAIN",directives:null,doubleQuotedAsJSON:!1,doubleQuotedMinMultiLineLength:40,falseStr:"false",flowCollectionPadding:!0,indentSeq:!0,lineWidth:80,minContentWidth:20,nullStr:"null",simpleKeys:!1,singleQuote:null,trueStr:"true",verifyAliasOrder:!0},e.schema.toStringOptions,t),n;switch(r.collectionStyle){case"block":n=!1;break;case"flow":n=!0;break;default:n=null}return{anchors:new Set,doc:e,flowCollectionPadding:r.flowCollectionPadding?" ":"",indent:"",indentStep:typeof r.indent=="number"?" ".repeat(r.indent):"  ",inFlow:n,options:r}}function AO(e,t){if(t.tag){let i=e.filter(o=>o.tag===t.tag);if(i.length>0)return i.find(o=>o.format===t.format)??i[0]}let r,n;if(ar.isScalar(t)){n=t.value;let i=e.filter(o=>o.identify?.(n));if(i.length>1){let o=i.filter(s=>s.test);o.length>0&&(i=o)}r=i.find(o=>o.format===t.format)??i.find(o=>!o.format)}else n=t,r=e.find(i=>i.nodeClass&&n instanceof i.nodeClass);if(!r){let i=n?.constructor?.name??(n===null?"null":typeof n);throw new Error(`Tag not resolved for ${i} value`)}return r}function CO(e,t,{anchors:r,doc:n}){if(!n.directives)return"";let i=[],o=(ar.isScalar(e)||ar.isCollection(e))&&e.anchor;o&&NO.anchorIsValid(o)&&(r.add(o),i.push(`&${o}`));let s=e.tag??(t.default?null:t.tag);return s&&i.push(n.directives.tagString(s)),i.join(" ")}function DO(e,t,r,n){if(ar.isPair(e))return e.toString(t,r,n);if(ar.isAlias(e)){if(t.doc.directives)return e.toString(t);if(t.resolvedAliases?.has(e))throw new TypeError("Cannot stringify circular structure without alias nodes");t.resolvedAliases?t.resolvedAliases.add(e):t.resolvedAliases=new Set([e]),e=e.resolve(t.doc)}let i,o=ar.isNode(e)?e:t.doc.createNode(e,{onTagObj:c=>i=c});i??(i=AO(t.doc.schema.tags,o));let s=CO(o,i,t);s.length>0&&(t.indentAtStart=(t.indentAtStart??0)+s.length+1);let a=typeof i.stringify=="function"?i.stringify(o,t,r,n):ar.isScalar(o)?PO.stringifyString(o,t,r,n):o.toString(t,r,n);return s?ar.isScalar(o)||a[0]==="{"||a[0]==="["?`${s} ${a}`:`${s}\n${t.indent}${a}`:a}zl.createStringifyContext=TO;zl.stringify=DO});var Vy=b(Zy=>{"use strict";var jt=L(),Fy=ie(),By=$i(),_i=yi();function RO({key:e,value:t},r,n,i){let{allNullValues:o,doc:s,indent:a,indentStep:c,options:{commentString:l,indentSeq:u,simpleKeys:p}}=r,f=jt.isNode(e)&&e.comment||null;if(p){if(f)throw new Error("With simple keys, key nodes cannot have comments");if(jt.isCollection(e)||!jt.isNode(e)&&typeof e=="object"){let C="With simple keys, collection cannot be used as a key value";throw new Error(C)}}let d=!p&&(!e||f&&t==null&&!r.inFlow||jt.isCollection(e)||(jt.isScalar(e)?e.type===Fy.Scalar.BLOCK_FOLDED||e.type===Fy.Scalar.BLOCK_LITERAL:typeof e=="object"));r=Object.assign({},r,{allNullValues:!1,implicitKey:!d&&(p||!o),indent:a+c});let h=!1,m=!1,g=By.stringify(e,r,()=>h=!0,()=>m=!0);if(!d&&!r.inFlow&&g.length>1024){if(p)throw new Error("With simple keys, single line scalar must not span more than 1024 characters");d=!0}if(r.inFlow){if(o||t==null)return h&&n&&n(),g===""?"?":d?`? ${g}`:g}else if(o&&!p||t==null&&d)return g=`? ${g}`,f&&!h?g+=_i.lineComment(g,r.indent,l(f)):m&&i&&i(),g;h&&(f=null),d?(f&&(g+=_i.lineComment(g,r.indent,l(f))),g=`? ${g}\n${a}:`):(g=`${g}:`,f&&(g+=_i.lineComment(g,r.indent,l(f))));let v,y,w;jt.isNode(t)?(v=!!t.spaceBefore,y=t.commentBefore,w=t.comment):(v=!1,y=null,w=null,t&&typeof t=="object"&&(t=s.createNode(t))),r.implicitKey=!1,!d&&!f&&jt.isScalar(t)&&(r.indentAtStart=g.length+1),m=!1,!u&&c.length>=2&&!r.inFlow&&!d&&jt.isSeq(t)&&!t.flow&&!t.tag&&!t.anchor&&(r.indent=r.indent.substring(2));let S=!1,k=By.stringify(t,r,()=>S=!0,()=>m=!0),x=" ";if(f||v||y){if(x=v?`\n`:"",y){let C=l(y);x+=`\n${_i.indentComment(C,r.indent)}`}k===""&&!r.inFlow?x===`\n`&&(x=`\n\n`):x+=`\n${r.indent}`}else if(!d&&jt.isCollection(t)){let C=k[0],N=k.indexOf(`\n`),q=N!==-1,Je=r.inFlow??t.flow??t.items.length===0;if(q||!Je){let lt=!1;if(q&&(C==="&"||C==="!")){let se=k.indexOf(" ");C==="&"&&se!==-1&&se<N&&k[se+1]==="!"&&(se=k.indexOf(" ",se+1)),(se===-1||N<se)&&(lt=!0)}lt||(x=`\n${r.indent}`)}}else(k===""||k[0]===`\n`)&&(x="");return g+=x+k,r.inFlow?S&&n&&n():w&&!S?g+=_i.lineComment(g,r.indent,l(w)):m&&i&&i(),g}Zy.stringifyPair=RO});var Ml=b(jl=>{"use strict";var Ky=require("process");function zO(e,...t){e==="debug"&&console.log(...t)}function jO(e,t){(e==="debug"||e==="warn")&&(typeof Ky.emitWarning=="function"?Ky.emitWarning(t):console.warn(t))}jl.debug=zO;jl.warn=jO});var Es=b(Is=>{"use strict";var Si=L(),Jy=ie(),ks="<<",xs={identify:e=>e===ks||typeof e=="symbol"&&e.description===ks,default:"key",tag:"tag:yaml.org,2002:merge",test:/^<<$/,resolve:()=>Object.assign(new Jy.Scalar(Symbol(ks)),{addToJSMap:Gy}),stringify:()=>ks},MO=(e,t)=>(xs.identify(t)||Si.isScalar(t)&&(!t.type||t.type===Jy.Scalar.PLAIN)&&xs.identify(t.value))&&e?.doc.schema.tags.some(r=>r.tag===xs.tag&&r.default);function Gy(e,t,r){if(r=e&&Si.isAlias(r)?r.resolve(e.doc):r,Si.isSeq(r))for(let n of r.items)Ll(e,t,n);else if(Array.isArray(r))for(let n of r)Ll(e,t,n);else Ll(e,t,r)}function Ll(e,t,r){let n=e&&Si.isAlias(r)?r.resolve(e.doc):r;if(!Si.isMap(n))throw new Error("Merge sources must be maps or map aliases");let i=n.toJSON(null,e,Map);for(let[o,s]of i)t instanceof Map?t.has(o)||t.set(o,s):t instanceof Set?t.add(o):Object.prototype.hasOwnProperty.call(t,o)||Object.defineProperty(t,o,{value:s,writable:!0,enumerable:!0,configurable:!0});return t}Is.addMergeToJSMap=Gy;Is.isMergeKey=MO;Is.merge=xs});var ql=b(Yy=>{"use strict";var LO=Ml(),Wy=Es(),UO=$i(),Hy=L(),Ul=ir();function qO(e,t,{key:r,value:n}){if(Hy.isNode(r)&&r.addToJSMap)r.addToJSMap(e,t,n);else if(Wy.isMergeKey(e,r))Wy.addMergeToJSMap(e,t,n);else{let i=Ul.toJS(r,"",e);if(t instanceof Map)t.set(i,Ul.toJS(n,i,e));else if(t instanceof Set)t.add(i);else{let o=FO(r,i,e),s=Ul.toJS(n,o,e);o in t?Object.defineProperty(t,o,{value:s,writable:!0,enumerable:!0,configurable:!0}):t[o]=s}}return t}function FO(e,t,r){if(t===null)return"";if(typeof t!="object")return String(t);if(Hy.isNode(e)&&r?.doc){let n=UO.createStringifyContext(r.doc,{});n.anchors=new Set;for(let o of r.anchors.keys())n.anchors.add(o.anchor);n.inFlow=!0,n.inStringifyKey=!0;let i=e.toString(n);if(!r.mapKeyWarned){let o=JSON.stringify(i);o.length>40&&(o=o.substring(0,36)+\'..."\'),LO.warn(r.doc.options.logLevel,`Keys with collection values will be stringified due to JS Object restrictions: ${o}. Set mapAsMap: true to use object keys.`),r.mapKeyWarned=!0}return i}return JSON.stringify(t)}Yy.addPairToJSMap=qO});var cr=b(Fl=>{"use strict";var Xy=gi(),BO=Vy(),ZO=ql(),Ns=L();function VO(e,t,r){let n=Xy.createNode(e,void 0,r),i=Xy.createNode(t,void 0,r);return new Os(n,i)}var Os=class e{constructor(t,r=null){Object.defineProperty(this,Ns.NODE_TYPE,{value:Ns.PAIR}),this.key=t,this.value=r}clone(t){let{key:r,value:n}=this;return Ns.isNode(r)&&(r=r.clone(t)),Ns.isNode(n)&&(n=n.clone(t)),new e(r,n)}toJSON(t,r){let n=r?.mapAsMap?new Map:{};return ZO.addPairToJSMap(r,n,this)}toString(t,r,n){return t?.doc?BO.stringifyPair(this,t,r,n):JSON.stringify(this)}};Fl.Pair=Os;Fl.createPair=VO});var Bl=b(ev=>{"use strict";var zr=L(),Qy=$i(),Ps=yi();function KO(e,t,r){return(t.inFlow??e.flow?GO:JO)(e,t,r)}function JO({comment:e,items:t},r,{blockItemPrefix:n,flowChars:i,itemIndent:o,onChompKeep:s,onComment:a}){let{indent:c,options:{commentString:l}}=r,u=Object.assign({},r,{indent:o,type:null}),p=!1,f=[];for(let h=0;h<t.length;++h){let m=t[h],g=null;if(zr.isNode(m))!p&&m.spaceBefore&&f.push(""),Ts(r,f,m.commentBefore,p),m.comment&&(g=m.comment);else if(zr.isPair(m)){let y=zr.isNode(m.key)?m.key:null;y&&(!p&&y.spaceBefore&&f.push(""),Ts(r,f,y.commentBefore,p))}p=!1;let v=Qy.stringify(m,u,()=>g=null,()=>p=!0);g&&(v+=Ps.lineComment(v,o,l(g))),p&&g&&(p=!1),f.push(n+v)}let d;if(f.length===0)d=i.start+i.end;else{d=f[0];for(let h=1;h<f.length;++h){let m=f[h];d+=m?`\n${c}${m}`:`\n`}}return e?(d+=`\n`+Ps.indentComment(l(e),c),a&&a()):p&&s&&s(),d}function GO({items:e},t,{flowChars:r,itemIndent:n}){let{indent:i,indentStep:o,flowCollectionPadding:s,options:{commentString:a}}=t;n+=o;let c=Object.assign({},t,{indent:n,inFlow:!0,type:null}),l=!1,u=0,p=[];for(let h=0;h<e.length;++h){let m=e[h],g=null;if(zr.isNode(m))m.spaceBefore&&p.push(""),Ts(t,p,m.commentBefore,!1),m.comment&&(g=m.comment);else if(zr.isPair(m)){let y=zr.isNode(m.key)?m.key:null;y&&(y.spaceBefore&&p.push(""),Ts(t,p,y.commentBefore,!1),y.comment&&(l=!0));let w=zr.isNode(m.value)?m.value:null;w?(w.comment&&(g=w.comment),w.commentBefore&&(l=!0)):m.value==null&&y?.comment&&(g=y.comment)}g&&(l=!0);let v=Qy.stringify(m,c,()=>g=null);h<e.length-1&&(v+=","),g&&(v+=Ps.lineComment(v,n,a(g))),!l&&(p.length>u||v.includes(`\n`))&&(l=!0),p.push(v),u=p.length}let{start:f,end:d}=r;if(p.length===0)return f+d;if(!l){let h=p.reduce((m,g)=>m+g.length+2,2);l=t.options.lineWidth>0&&h>t.options.lineWidth}if(l){let h=f;for(let m of p)h+=m?`\n${o}${i}${m}`:`\n`;return`${h}\n${i}${d}`}else return`${f}${s}${p.join(" ")}${s}${d}`}function Ts({indent:e,options:{commentString:t}},r,n,i){if(n&&i&&(n=n.replace(/^\\n+/,"")),n){let o=Ps.indentComment(t(n),e);r.push(o.trimStart())}}ev.stringifyCollection=KO});var ur=b(Vl=>{"use strict";var WO=Bl(),HO=ql(),YO=vs(),lr=L(),As=cr(),XO=ie();function ki(e,t){let r=lr.isScalar(t)?t.value:t;for(let n of e)if(lr.isPair(n)&&(n.key===t||n.key===r||lr.isScalar(n.key)&&n.key.value===r))return n}var Zl=class extends YO.Collection{static get tagName(){return"tag:yaml.org,2002:map"}constructor(t){super(lr.MAP,t),this.items=[]}static from(t,r,n){let{keepUndefined:i,replacer:o}=n,s=new this(t),a=(c,l)=>{if(typeof o=="function")l=o.call(r,c,l);else if(Array.isArray(o)&&!o.includes(c))return;(l!==void 0||i)&&s.items.push(As.createPair(c,l,n))};if(r instanceof Map)for(let[c,l]of r)a(c,l);else if(r&&typeof r=="object")for(let c of Object.keys(r))a(c,r[c]);return typeof t.sortMapEntries=="function"&&s.items.sort(t.sortMapEntries),s}add(t,r){let n;lr.isPair(t)?n=t:!t||typeof t!="object"||!("key"in t)?n=new As.Pair(t,t?.value):n=new As.Pair(t.key,t.value);let i=ki(this.items,n.key),o=this.schema?.sortMapEntries;if(i){if(!r)throw new Error(`Key ${n.key} already set`);lr.isScalar(i.value)&&XO.isScalarValue(n.value)?i.value.value=n.value:i.value=n.value}else if(o){let s=this.items.findIndex(a=>o(n,a)<0);s===-1?this.items.push(n):this.items.splice(s,0,n)}else this.items.push(n)}delete(t){let r=ki(this.items,t);return r?this.items.splice(this.items.indexOf(r),1).length>0:!1}get(t,r){let i=ki(this.items,t)?.value;return(!r&&lr.isScalar(i)?i.value:i)??void 0}has(t){return!!ki(this.items,t)}set(t,r){this.add(new As.Pair(t,r),!0)}toJSON(t,r,n){let i=n?new n:r?.mapAsMap?new Map:{};r?.onCreate&&r.onCreate(i);for(let o of this.items)HO.addPairToJSMap(r,i,o);return i}toString(t,r,n){if(!t)return JSON.stringify(this);for(let i of this.items)if(!lr.isPair(i))throw new Error(`Map items must all be pairs; found ${JSON.stringify(i)} instead`);return!t.allNullValues&&this.hasAllNullValues(!1)&&(t=Object.assign({},t,{allNullValues:!0})),WO.stringifyCollection(this,t,{blockItemPrefix:"",flowChars:{start:"{",end:"}"},itemIndent:t.indent||"",onChompKeep:n,onComment:r})}};Vl.YAMLMap=Zl;Vl.findPair=ki});var wn=b(rv=>{"use strict";var QO=L(),tv=ur(),eP={collection:"map",default:!0,nodeClass:tv.YAMLMap,tag:"tag:yaml.org,2002:map",resolve(e,t){return QO.isMap(e)||t("Expected a mapping for this tag"),e},createNode:(e,t,r)=>tv.YAMLMap.from(e,t,r)};rv.map=eP});var dr=b(nv=>{"use strict";var tP=gi(),rP=Bl(),nP=vs(),Ds=L(),iP=ie(),oP=ir(),Kl=class extends nP.Collection{static get tagName(){return"tag:yaml.org,2002:seq"}constructor(t){super(Ds.SEQ,t),this.items=[]}add(t){this.items.push(t)}delete(t){let r=Cs(t);return typeof r!="number"?!1:this.items.splice(r,1).length>0}get(t,r){let n=Cs(t);if(typeof n!="number")return;let i=this.items[n];return!r&&Ds.isScalar(i)?i.value:i}has(t){let r=Cs(t);return typeof r=="number"&&r<this.items.length}set(t,r){let n=Cs(t);if(typeof n!="number")throw new Error(`Expected a valid index, not ${t}.`);let i=this.items[n];Ds.isScalar(i)&&iP.isScalarValue(r)?i.value=r:this.items[n]=r}toJSON(t,r){let n=[];r?.onCreate&&r.onCreate(n);let i=0;for(let o of this.items)n.push(oP.toJS(o,String(i++),r));return n}toString(t,r,n){return t?rP.stringifyCollection(this,t,{blockItemPrefix:"- ",flowChars:{start:"[",end:"]"},itemIndent:(t.indent||"")+"  ",onChompKeep:n,onComment:r}):JSON.stringify(this)}static from(t,r,n){let{replacer:i}=n,o=new this(t);if(r&&Symbol.iterator in Object(r)){let s=0;for(let a of r){if(typeof i=="function"){let c=r instanceof Set?a:String(s++);a=i.call(r,c,a)}o.items.push(tP.createNode(a,void 0,n))}}return o}};function Cs(e){let t=Ds.isScalar(e)?e.value:e;return t&&typeof t=="string"&&(t=Number(t)),typeof t=="number"&&Number.isInteger(t)&&t>=0?t:null}nv.YAMLSeq=Kl});var $n=b(ov=>{"use strict";var sP=L(),iv=dr(),aP={collection:"seq",default:!0,nodeClass:iv.YAMLSeq,tag:"tag:yaml.org,2002:seq",resolve(e,t){return sP.isSeq(e)||t("Expected a sequence for this tag"),e},createNode:(e,t,r)=>iv.YAMLSeq.from(e,t,r)};ov.seq=aP});var xi=b(sv=>{"use strict";var cP=wi(),lP={identify:e=>typeof e=="string",default:!0,tag:"tag:yaml.org,2002:str",resolve:e=>e,stringify(e,t,r,n){return t=Object.assign({actualString:!0},t),cP.stringifyString(e,t,r,n)}};sv.string=lP});var Rs=b(lv=>{"use strict";var av=ie(),cv={identify:e=>e==null,createNode:()=>new av.Scalar(null),default:!0,tag:"tag:yaml.org,2002:null",test:/^(?:~|[Nn]ull|NULL)?$/,resolve:()=>new av.Scalar(null),stringify:({source:e},t)=>typeof e=="string"&&cv.test.test(e)?e:t.options.nullStr};lv.nullTag=cv});var Jl=b(dv=>{"use strict";var uP=ie(),uv={identify:e=>typeof e=="boolean",default:!0,tag:"tag:yaml.org,2002:bool",test:/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,resolve:e=>new uP.Scalar(e[0]==="t"||e[0]==="T"),stringify({source:e,value:t},r){if(e&&uv.test.test(e)){let n=e[0]==="t"||e[0]==="T";if(t===n)return e}return t?r.options.trueStr:r.options.falseStr}};dv.boolTag=uv});var _n=b(fv=>{"use strict";function dP({format:e,minFractionDigits:t,tag:r,value:n}){if(typeof n=="bigint")return String(n);let i=typeof n=="number"?n:Number(n);if(!isFinite(i))return isNaN(i)?".nan":i<0?"-.inf":".inf";let o=JSON.stringify(n);if(!e&&t&&(!r||r==="tag:yaml.org,2002:float")&&/^\\d/.test(o)){let s=o.indexOf(".");s<0&&(s=o.length,o+=".");let a=t-(o.length-s-1);for(;a-- >0;)o+="0"}return o}fv.stringifyNumber=dP});var Wl=b(zs=>{"use strict";var fP=ie(),Gl=_n(),pP={identify:e=>typeof e=="number",default:!0,tag:"tag:yaml.org,2002:float",test:/^(?:[-+]?\\.(?:inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN)$/,resolve:e=>e.slice(-3).toLowerCase()==="nan"?NaN:e[0]==="-"?Number.NEGATIVE_INFINITY:Number.POSITIVE_INFINITY,stringify:Gl.stringifyNumber},mP={identify:e=>typeof e=="number",default:!0,tag:"tag:yaml.org,2002:float",format:"EXP",test:/^[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)[eE][-+]?[0-9]+$/,resolve:e=>parseFloat(e),stringify(e){let t=Number(e.value);return isFinite(t)?t.toExponential():Gl.stringifyNumber(e)}},hP={identify:e=>typeof e=="number",default:!0,tag:"tag:yaml.org,2002:float",test:/^[-+]?(?:\\.[0-9]+|[0-9]+\\.[0-9]*)$/,resolve(e){let t=new fP.Scalar(parseFloat(e)),r=e.indexOf(".");return r!==-1&&e[e.length-1]==="0"&&(t.minFractionDigits=e.length-r-1),t},stringify:Gl.stringifyNumber};zs.float=hP;zs.floatExp=mP;zs.floatNaN=pP});var Yl=b(Ms=>{"use strict";var pv=_n(),js=e=>typeof e=="bigint"||Number.isInteger(e),Hl=(e,t,r,{intAsBigInt:n})=>n?BigInt(e):parseInt(e.substring(t),r);function mv(e,t,r){let{value:n}=e;return js(n)&&n>=0?r+n.toString(t):pv.stringifyNumber(e)}var gP={identify:e=>js(e)&&e>=0,default:!0,tag:"tag:yaml.org,2002:int",format:"OCT",test:/^0o[0-7]+$/,resolve:(e,t,r)=>Hl(e,2,8,r),stringify:e=>mv(e,8,"0o")},yP={identify:js,default:!0,tag:"tag:yaml.org,2002:int",test:/^[-+]?[0-9]+$/,resolve:(e,t,r)=>Hl(e,0,10,r),stringify:pv.stringifyNumber},vP={identify:e=>js(e)&&e>=0,default:!0,tag:"tag:yaml.org,2002:int",format:"HEX",test:/^0x[0-9a-fA-F]+$/,resolve:(e,t,r)=>Hl(e,2,16,r),stringify:e=>mv(e,16,"0x")};Ms.int=yP;Ms.intHex=vP;Ms.intOct=gP});var gv=b(hv=>{"use strict";var bP=wn(),wP=Rs(),$P=$n(),_P=xi(),SP=Jl(),Xl=Wl(),Ql=Yl(),kP=[bP.map,$P.seq,_P.string,wP.nullTag,SP.boolTag,Ql.intOct,Ql.int,Ql.intHex,Xl.floatNaN,Xl.floatExp,Xl.float];hv.schema=kP});var bv=b(vv=>{"use strict";var xP=ie(),IP=wn(),EP=$n();function yv(e){return typeof e=="bigint"||Number.isInteger(e)}var Ls=({value:e})=>JSON.stringify(e),NP=[{identify:e=>typeof e=="string",default:!0,tag:"tag:yaml.org,2002:str",resolve:e=>e,stringify:Ls},{identify:e=>e==null,createNode:()=>new xP.Scalar(null),default:!0,tag:"tag:yaml.org,2002:null",test:/^null$/,resolve:()=>null,stringify:Ls},{identify:e=>typeof e=="boolean",default:!0,tag:"tag:yaml.org,2002:bool",test:/^true$|^false$/,resolve:e=>e==="true",stringify:Ls},{identify:yv,default:!0,tag:"tag:yaml.org,2002:int",test:/^-?(?:0|[1-9][0-9]*)$/,resolve:(e,t,{intAsBigInt:r})=>r?BigInt(e):parseInt(e,10),stringify:({value:e})=>yv(e)?e.toString():JSON.stringify(e)},{identify:e=>typeof e=="number",default:!0,tag:"tag:yaml.org,2002:float",test:/^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,resolve:e=>parseFloat(e),stringify:Ls}],OP={default:!0,tag:"",test:/^/,resolve(e,t){return t(`Unresolved plain scalar ${JSON.stringify(e)}`),e}},PP=[IP.map,EP.seq].concat(NP,OP);vv.schema=PP});var tu=b(wv=>{"use strict";var Ii=require("buffer"),eu=ie(),TP=wi(),AP={identify:e=>e instanceof Uint8Array,default:!1,tag:"tag:yaml.org,2002:binary",resolve(e,t){if(typeof Ii.Buffer=="function")return Ii.Buffer.from(e,"base64");if(typeof atob=="function"){let r=atob(e.replace(/[\\n\\r]/g,"")),n=new Uint8Array(r.length);for(let i=0;i<r.length;++i)n[i]=r.charCodeAt(i);return n}else return t("This environment does not support reading binary tags; either Buffer or atob is required"),e},stringify({comment:e,type:t,value:r},n,i,o){if(!r)return"";let s=r,a;if(typeof Ii.Buffer=="function")a=s instanceof Ii.Buffer?s.toString("base64"):Ii.Buffer.from(s.buffer).toString("base64");else if(typeof btoa=="function"){let c="";for(let l=0;l<s.length;++l)c+=String.fromCharCode(s[l]);a=btoa(c)}else throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");if(t??(t=eu.Scalar.BLOCK_LITERAL),t!==eu.Scalar.QUOTE_DOUBLE){let c=Math.max(n.options.lineWidth-n.indent.length,n.options.minContentWidth),l=Math.ceil(a.length/c),u=new Array(l);for(let p=0,f=0;p<l;++p,f+=c)u[p]=a.substr(f,c);a=u.join(t===eu.Scalar.BLOCK_LITERAL?`\n`:" ")}return TP.stringifyString({comment:e,type:t,value:a},n,i,o)}};wv.binary=AP});var Fs=b(qs=>{"use strict";var Us=L(),ru=cr(),CP=ie(),DP=dr();function $v(e,t){if(Us.isSeq(e))for(let r=0;r<e.items.length;++r){let n=e.items[r];if(!Us.isPair(n)){if(Us.isMap(n)){n.items.length>1&&t("Each pair must have its own sequence indicator");let i=n.items[0]||new ru.Pair(new CP.Scalar(null));if(n.commentBefore&&(i.key.commentBefore=i.key.commentBefore?`${n.commentBefore}\n${i.key.commentBefore}`:n.commentBefore),n.comment){let o=i.value??i.key;o.comment=o.comment?`${n.comment}\n${o.comment}`:n.comment}n=i}e.items[r]=Us.isPair(n)?n:new ru.Pair(n)}}else t("Expected a sequence for this tag");return e}function _v(e,t,r){let{replacer:n}=r,i=new DP.YAMLSeq(e);i.tag="tag:yaml.org,2002:pairs";let o=0;if(t&&Symbol.iterator in Object(t))for(let s of t){typeof n=="function"&&(s=n.call(t,String(o++),s));let a,c;if(Array.isArray(s))if(s.length===2)a=s[0],c=s[1];else throw new TypeError(`Expected [key, value] tuple: ${s}`);else if(s&&s instanceof Object){let l=Object.keys(s);if(l.length===1)a=l[0],c=s[a];else throw new TypeError(`Expected tuple with one key, not ${l.length} keys`)}else a=s;i.items.push(ru.createPair(a,c,r))}return i}var RP={collection:"seq",default:!1,tag:"tag:yaml.org,2002:pairs",resolve:$v,createNode:_v};qs.createPairs=_v;qs.pairs=RP;qs.resolvePairs=$v});var ou=b(iu=>{"use strict";var Sv=L(),nu=ir(),Ei=ur(),zP=dr(),kv=Fs(),jr=class e extends zP.YAMLSeq{constructor(){super(),this.add=Ei.YAMLMap.prototype.add.bind(this),this.delete=Ei.YAMLMap.prototype.delete.bind(this),this.get=Ei.YAMLMap.prototype.get.bind(this),this.has=Ei.YAMLMap.prototype.has.bind(this),this.set=Ei.YAMLMap.prototype.set.bind(this),this.tag=e.tag}toJSON(t,r){if(!r)return super.toJSON(t);let n=new Map;r?.onCreate&&r.onCreate(n);for(let i of this.items){let o,s;if(Sv.isPair(i)?(o=nu.toJS(i.key,"",r),s=nu.toJS(i.value,o,r)):o=nu.toJS(i,"",r),n.has(o))throw new Error("Ordered maps must not include duplicate keys");n.set(o,s)}return n}static from(t,r,n){let i=kv.createPairs(t,r,n),o=new this;return o.items=i.items,o}};jr.tag="tag:yaml.org,2002:omap";var jP={collection:"seq",identify:e=>e instanceof Map,nodeClass:jr,default:!1,tag:"tag:yaml.org,2002:omap",resolve(e,t){let r=kv.resolvePairs(e,t),n=[];for(let{key:i}of r.items)Sv.isScalar(i)&&(n.includes(i.value)?t(`Ordered maps must not include duplicate keys: ${i.value}`):n.push(i.value));return Object.assign(new jr,r)},createNode:(e,t,r)=>jr.from(e,t,r)};iu.YAMLOMap=jr;iu.omap=jP});var Ov=b(su=>{"use strict";var xv=ie();function Iv({value:e,source:t},r){return t&&(e?Ev:Nv).test.test(t)?t:e?r.options.trueStr:r.options.falseStr}var Ev={identify:e=>e===!0,default:!0,tag:"tag:yaml.org,2002:bool",test:/^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,resolve:()=>new xv.Scalar(!0),stringify:Iv},Nv={identify:e=>e===!1,default:!0,tag:"tag:yaml.org,2002:bool",test:/^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,resolve:()=>new xv.Scalar(!1),stringify:Iv};su.falseTag=Nv;su.trueTag=Ev});var Pv=b(Bs=>{"use strict";var MP=ie(),au=_n(),LP={identify:e=>typeof e=="number",default:!0,tag:"tag:yaml.org,2002:float",test:/^(?:[-+]?\\.(?:inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN)$/,resolve:e=>e.slice(-3).toLowerCase()==="nan"?NaN:e[0]==="-"?Number.NEGATIVE_INFINITY:Number.POSITIVE_INFINITY,stringify:au.stringifyNumber},UP={identify:e=>typeof e=="number",default:!0,tag:"tag:yaml.org,2002:float",format:"EXP",test:/^[-+]?(?:[0-9][0-9_]*)?(?:\\.[0-9_]*)?[eE][-+]?[0-9]+$/,resolve:e=>parseFloat(e.replace(/_/g,"")),stringify(e){let t=Number(e.value);return isFinite(t)?t.toExponential():au.stringifyNumber(e)}},qP={identify:e=>typeof e=="number",default:!0,tag:"tag:yaml.org,2002:float",test:/^[-+]?(?:[0-9][0-9_]*)?\\.[0-9_]*$/,resolve(e){let t=new MP.Scalar(parseFloat(e.replace(/_/g,""))),r=e.indexOf(".");if(r!==-1){let n=e.substring(r+1).replace(/_/g,"");n[n.length-1]==="0"&&(t.minFractionDigits=n.length)}return t},stringify:au.stringifyNumber};Bs.float=qP;Bs.floatExp=UP;Bs.floatNaN=LP});var Av=b(Oi=>{"use strict";var Tv=_n(),Ni=e=>typeof e=="bigint"||Number.isInteger(e);function Zs(e,t,r,{intAsBigInt:n}){let i=e[0];if((i==="-"||i==="+")&&(t+=1),e=e.substring(t).replace(/_/g,""),n){switch(r){case 2:e=`0b${e}`;break;case 8:e=`0o${e}`;break;case 16:e=`0x${e}`;break}let s=BigInt(e);return i==="-"?BigInt(-1)*s:s}let o=parseInt(e,r);return i==="-"?-1*o:o}function cu(e,t,r){let{value:n}=e;if(Ni(n)){let i=n.toString(t);return n<0?"-"+r+i.substr(1):r+i}return Tv.stringifyNumber(e)}var FP={identify:Ni,default:!0,tag:"tag:yaml.org,2002:int",format:"BIN",test:/^[-+]?0b[0-1_]+$/,resolve:(e,t,r)=>Zs(e,2,2,r),stringify:e=>cu(e,2,"0b")},BP={identify:Ni,default:!0,tag:"tag:yaml.org,2002:int",format:"OCT",test:/^[-+]?0[0-7_]+$/,resolve:(e,t,r)=>Zs(e,1,8,r),stringify:e=>cu(e,8,"0")},ZP={identify:Ni,default:!0,tag:"tag:yaml.org,2002:int",test:/^[-+]?[0-9][0-9_]*$/,resolve:(e,t,r)=>Zs(e,0,10,r),stringify:Tv.stringifyNumber},VP={identify:Ni,default:!0,tag:"tag:yaml.org,2002:int",format:"HEX",test:/^[-+]?0x[0-9a-fA-F_]+$/,resolve:(e,t,r)=>Zs(e,2,16,r),stringify:e=>cu(e,16,"0x")};Oi.int=ZP;Oi.intBin=FP;Oi.intHex=VP;Oi.intOct=BP});var uu=b(lu=>{"use strict";var Js=L(),Vs=cr(),Ks=ur(),Mr=class e extends Ks.YAMLMap{constructor(t){super(t),this.tag=e.tag}add(t){let r;Js.isPair(t)?r=t:t&&typeof t=="object"&&"key"in t&&"value"in t&&t.value===null?r=new Vs.Pair(t.key,null):r=new Vs.Pair(t,null),Ks.findPair(this.items,r.key)||this.items.push(r)}get(t,r){let n=Ks.findPair(this.items,t);return!r&&Js.isPair(n)?Js.isScalar(n.key)?n.key.value:n.key:n}set(t,r){if(typeof r!="boolean")throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof r}`);let n=Ks.findPair(this.items,t);n&&!r?this.items.splice(this.items.indexOf(n),1):!n&&r&&this.items.push(new Vs.Pair(t))}toJSON(t,r){return super.toJSON(t,r,Set)}toString(t,r,n){if(!t)return JSON.stringify(this);if(this.hasAllNullValues(!0))return super.toString(Object.assign({},t,{allNullValues:!0}),r,n);throw new Error("Set items must all have null values")}static from(t,r,n){let{replacer:i}=n,o=new this(t);if(r&&Symbol.iterator in Object(r))for(let s of r)typeof i=="function"&&(s=i.call(r,s,s)),o.items.push(Vs.createPair(s,null,n));return o}};Mr.tag="tag:yaml.org,2002:set";var KP={collection:"map",identify:e=>e instanceof Set,nodeClass:Mr,default:!1,tag:"tag:yaml.org,2002:set",createNode:(e,t,r)=>Mr.from(e,t,r),resolve(e,t){if(Js.isMap(e)){if(e.hasAllNullValues(!0))return Object.assign(new Mr,e);t("Set items must all have null values")}else t("Expected a mapping for this tag");return e}};lu.YAMLSet=Mr;lu.set=KP});var fu=b(Gs=>{"use strict";var JP=_n();function du(e,t){let r=e[0],n=r==="-"||r==="+"?e.substring(1):e,i=s=>t?BigInt(s):Number(s),o=n.replace(/_/g,"").split(":").reduce((s,a)=>s*i(60)+i(a),i(0));return r==="-"?i(-1)*o:o}function Cv(e){let{value:t}=e,r=s=>s;if(typeof t=="bigint")r=s=>BigInt(s);else if(isNaN(t)||!isFinite(t))return JP.stringifyNumber(e);let n="";t<0&&(n="-",t*=r(-1));let i=r(60),o=[t%i];return t<60?o.unshift(0):(t=(t-o[0])/i,o.unshift(t%i),t>=60&&(t=(t-o[0])/i,o.unshift(t))),n+o.map(s=>String(s).padStart(2,"0")).join(":").replace(/000000\\d*$/,"")}var GP={identify:e=>typeof e=="bigint"||Number.isInteger(e),default:!0,tag:"tag:yaml.org,2002:int",format:"TIME",test:/^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,resolve:(e,t,{intAsBigInt:r})=>du(e,r),stringify:Cv},WP={identify:e=>typeof e=="number",default:!0,tag:"tag:yaml.org,2002:float",format:"TIME",test:/^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*$/,resolve:e=>du(e,!1),stringify:Cv},Dv={identify:e=>e instanceof Date,default:!0,tag:"tag:yaml.org,2002:timestamp",test:RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\\\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\\\.[0-9]+)?)(?:[ \\\\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),resolve(e){let t=e.match(Dv.test);if(!t)throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");let[,r,n,i,o,s,a]=t.map(Number),c=t[7]?Number((t[7]+"00").substr(1,3)):0,l=Date.UTC(r,n-1,i,o||0,s||0,a||0,c),u=t[8];if(u&&u!=="Z"){let p=du(u,!1);Math.abs(p)<30&&(p*=60),l-=6e4*p}return new Date(l)},stringify:({value:e})=>e?.toISOString().replace(/(T00:00:00)?\\.000Z$/,"")??""};Gs.floatTime=WP;Gs.intTime=GP;Gs.timestamp=Dv});var jv=b(zv=>{"use strict";var HP=wn(),YP=Rs(),XP=$n(),QP=xi(),eT=tu(),Rv=Ov(),pu=Pv(),Ws=Av(),tT=Es(),rT=ou(),nT=Fs(),iT=uu(),mu=fu(),oT=[HP.map,XP.seq,QP.string,YP.nullTag,Rv.trueTag,Rv.falseTag,Ws.intBin,Ws.intOct,Ws.int,Ws.intHex,pu.floatNaN,pu.floatExp,pu.float,eT.binary,tT.merge,rT.omap,nT.pairs,iT.set,mu.intTime,mu.floatTime,mu.timestamp];zv.schema=oT});var Jv=b(yu=>{"use strict";var qv=wn(),sT=Rs(),Fv=$n(),aT=xi(),cT=Jl(),hu=Wl(),gu=Yl(),lT=gv(),uT=bv(),Bv=tu(),Pi=Es(),Zv=ou(),Vv=Fs(),Mv=jv(),Kv=uu(),Hs=fu(),Lv=new Map([["core",lT.schema],["failsafe",[qv.map,Fv.seq,aT.string]],["json",uT.schema],["yaml11",Mv.schema],["yaml-1.1",Mv.schema]]),Uv={binary:Bv.binary,bool:cT.boolTag,float:hu.float,floatExp:hu.floatExp,floatNaN:hu.floatNaN,floatTime:Hs.floatTime,int:gu.int,intHex:gu.intHex,intOct:gu.intOct,intTime:Hs.intTime,map:qv.map,merge:Pi.merge,null:sT.nullTag,omap:Zv.omap,pairs:Vv.pairs,seq:Fv.seq,set:Kv.set,timestamp:Hs.timestamp},dT={"tag:yaml.org,2002:binary":Bv.binary,"tag:yaml.org,2002:merge":Pi.merge,"tag:yaml.org,2002:omap":Zv.omap,"tag:yaml.org,2002:pairs":Vv.pairs,"tag:yaml.org,2002:set":Kv.set,"tag:yaml.org,2002:timestamp":Hs.timestamp};function fT(e,t,r){let n=Lv.get(t);if(n&&!e)return r&&!n.includes(Pi.merge)?n.concat(Pi.merge):n.slice();let i=n;if(!i)if(Array.isArray(e))i=[];else{let o=Array.from(Lv.keys()).filter(s=>s!=="yaml11").map(s=>JSON.stringify(s)).join(", ");throw new Error(`Unknown schema "${t}"; use one of ${o} or define customTags array`)}if(Array.isArray(e))for(let o of e)i=i.concat(o);else typeof e=="function"&&(i=e(i.slice()));return r&&(i=i.concat(Pi.merge)),i.reduce((o,s)=>{let a=typeof s=="string"?Uv[s]:s;if(!a){let c=JSON.stringify(s),l=Object.keys(Uv).map(u=>JSON.stringify(u)).join(", ");throw new Error(`Unknown custom tag ${c}; use one of ${l}`)}return o.includes(a)||o.push(a),o},[])}yu.coreKnownTags=dT;yu.getTags=fT});var wu=b(Gv=>{"use strict";var vu=L(),pT=wn(),mT=$n(),hT=xi(),Ys=Jv(),gT=(e,t)=>e.key<t.key?-1:e.key>t.key?1:0,bu=class e{constructor({compat:t,customTags:r,merge:n,resolveKnownTags:i,schema:o,sortMapEntries:s,toStringDefaults:a}){this.compat=Array.isArray(t)?Ys.getTags(t,"compat"):t?Ys.getTags(null,t):null,this.name=typeof o=="string"&&o||"core",this.knownTags=i?Ys.coreKnownTags:{},this.tags=Ys.getTags(r,this.name,n),this.toStringOptions=a??null,Object.defineProperty(this,vu.MAP,{value:pT.map}),Object.defineProperty(this,vu.SCALAR,{value:hT.string}),Object.defineProperty(this,vu.SEQ,{value:mT.seq}),this.sortMapEntries=typeof s=="function"?s:s===!0?gT:null}clone(){let t=Object.create(e.prototype,Object.getOwnPropertyDescriptors(this));return t.tags=this.tags.slice(),t}};Gv.Schema=bu});var Hv=b(Wv=>{"use strict";var yT=L(),$u=$i(),Ti=yi();function vT(e,t){let r=[],n=t.directives===!0;if(t.directives!==!1&&e.directives){let c=e.directives.toString(e);c?(r.push(c),n=!0):e.directives.docStart&&(n=!0)}n&&r.push("---");let i=$u.createStringifyContext(e,t),{commentString:o}=i.options;if(e.commentBefore){r.length!==1&&r.unshift("");let c=o(e.commentBefore);r.unshift(Ti.indentComment(c,""))}let s=!1,a=null;if(e.contents){if(yT.isNode(e.contents)){if(e.contents.spaceBefore&&n&&r.push(""),e.contents.commentBefore){let u=o(e.contents.commentBefore);r.push(Ti.indentComment(u,""))}i.forceBlockIndent=!!e.comment,a=e.contents.comment}let c=a?void 0:()=>s=!0,l=$u.stringify(e.contents,i,()=>a=null,c);a&&(l+=Ti.lineComment(l,"",o(a))),(l[0]==="|"||l[0]===">")&&r[r.length-1]==="---"?r[r.length-1]=`--- ${l}`:r.push(l)}else r.push($u.stringify(e.contents,i));if(e.directives?.docEnd)if(e.comment){let c=o(e.comment);c.includes(`\n`)?(r.push("..."),r.push(Ti.indentComment(c,""))):r.push(`... ${c}`)}else r.push("...");else{let c=e.comment;c&&s&&(c=c.replace(/^\\n+/,"")),c&&((!s||a)&&r[r.length-1]!==""&&r.push(""),r.push(Ti.indentComment(o(c),"")))}return r.join(`\n`)+`\n`}Wv.stringifyDocument=vT});var Ai=b(Yv=>{"use strict";var bT=hi(),Sn=vs(),Ve=L(),wT=cr(),$T=ir(),_T=wu(),ST=Hv(),_u=ms(),kT=Il(),xT=gi(),Su=xl(),ku=class e{constructor(t,r,n){this.commentBefore=null,this.comment=null,this.errors=[],this.warnings=[],Object.defineProperty(this,Ve.NODE_TYPE,{value:Ve.DOC});let i=null;typeof r=="function"||Array.isArray(r)?i=r:n===void 0&&r&&(n=r,r=void 0);let o=Object.assign({intAsBigInt:!1,keepSourceTokens:!1,logLevel:"warn",prettyErrors:!0,strict:!0,stringKeys:!1,uniqueKeys:!0,version:"1.2"},n);this.options=o;let{version:s}=o;n?._directives?(this.directives=n._directives.atDocument(),this.directives.yaml.explicit&&(s=this.directives.yaml.version)):this.directives=new Su.Directives({version:s}),this.setSchema(s,n),this.contents=t===void 0?null:this.createNode(t,i,n)}clone(){let t=Object.create(e.prototype,{[Ve.NODE_TYPE]:{value:Ve.DOC}});return t.commentBefore=this.commentBefore,t.comment=this.comment,t.errors=this.errors.slice(),t.warnings=this.warnings.slice(),t.options=Object.assign({},this.options),this.directives&&(t.directives=this.directives.clone()),t.schema=this.schema.clone(),t.contents=Ve.isNode(this.contents)?this.contents.clone(t.schema):this.contents,this.range&&(t.range=this.range.slice()),t}add(t){kn(this.contents)&&this.contents.add(t)}addIn(t,r){kn(this.contents)&&this.contents.addIn(t,r)}createAlias(t,r){if(!t.anchor){let n=_u.anchorNames(this);t.anchor=!r||n.has(r)?_u.findNewAnchor(r||"a",n):r}return new bT.Alias(t.anchor)}createNode(t,r,n){let i;if(typeof r=="function")t=r.call({"":t},"",t),i=r;else if(Array.isArray(r)){let g=y=>typeof y=="number"||y instanceof String||y instanceof Number,v=r.filter(g).map(String);v.length>0&&(r=r.concat(v)),i=r}else n===void 0&&r&&(n=r,r=void 0);let{aliasDuplicateObjects:o,anchorPrefix:s,flow:a,keepUndefined:c,onTagObj:l,tag:u}=n??{},{onAnchor:p,setAnchors:f,sourceObjects:d}=_u.createNodeAnchors(this,s||"a"),h={aliasDuplicateObjects:o??!0,keepUndefined:c??!1,onAnchor:p,onTagObj:l,replacer:i,schema:this.schema,sourceObjects:d},m=xT.createNode(t,u,h);return a&&Ve.isCollection(m)&&(m.flow=!0),f(),m}createPair(t,r,n={}){let i=this.createNode(t,null,n),o=this.createNode(r,null,n);return new wT.Pair(i,o)}delete(t){return kn(this.contents)?this.contents.delete(t):!1}deleteIn(t){return Sn.isEmptyPath(t)?this.contents==null?!1:(this.contents=null,!0):kn(this.contents)?this.contents.deleteIn(t):!1}get(t,r){return Ve.isCollection(this.contents)?this.contents.get(t,r):void 0}getIn(t,r){return Sn.isEmptyPath(t)?!r&&Ve.isScalar(this.contents)?this.contents.value:this.contents:Ve.isCollection(this.contents)?this.contents.getIn(t,r):void 0}has(t){return Ve.isCollection(this.contents)?this.contents.has(t):!1}hasIn(t){return Sn.isEmptyPath(t)?this.contents!==void 0:Ve.isCollection(this.contents)?this.contents.hasIn(t):!1}set(t,r){this.contents==null?this.contents=Sn.collectionFromPath(this.schema,[t],r):kn(this.contents)&&this.contents.set(t,r)}setIn(t,r){Sn.isEmptyPath(t)?this.contents=r:this.contents==null?this.contents=Sn.collectionFromPath(this.schema,Array.from(t),r):kn(this.contents)&&this.contents.setIn(t,r)}setSchema(t,r={}){typeof t=="number"&&(t=String(t));let n;switch(t){case"1.1":this.directives?this.directives.yaml.version="1.1":this.directives=new Su.Directives({version:"1.1"}),n={resolveKnownTags:!1,schema:"yaml-1.1"};break;case"1.2":case"next":this.directives?this.directives.yaml.version=t:this.directives=new Su.Directives({version:t}),n={resolveKnownTags:!0,schema:"core"};break;case null:this.directives&&delete this.directives,n=null;break;default:{let i=JSON.stringify(t);throw new Error(`Expected \'1.1\', \'1.2\' or null as first argument, but found: ${i}`)}}if(r.schema instanceof Object)this.schema=r.schema;else if(n)this.schema=new _T.Schema(Object.assign(n,r));else throw new Error("With a null YAML version, the { schema: Schema } option is required")}toJS({json:t,jsonArg:r,mapAsMap:n,maxAliasCount:i,onAnchor:o,reviver:s}={}){let a={anchors:new Map,doc:this,keep:!t,mapAsMap:n===!0,mapKeyWarned:!1,maxAliasCount:typeof i=="number"?i:100},c=$T.toJS(this.contents,r??"",a);if(typeof o=="function")for(let{count:l,res:u}of a.anchors.values())o(u,l);return typeof s=="function"?kT.applyReviver(s,{"":c},"",c):c}toJSON(t,r){return this.toJS({json:!0,jsonArg:t,mapAsMap:!1,onAnchor:r})}toString(t={}){if(this.errors.length>0)throw new Error("Document with errors cannot be stringified");if("indent"in t&&(!Number.isInteger(t.indent)||Number(t.indent)<=0)){let r=JSON.stringify(t.indent);throw new Error(`"indent" option must be a positive integer, not ${r}`)}return ST.stringifyDocument(this,t)}};function kn(e){if(Ve.isCollection(e))return!0;throw new Error("Expected a YAML collection as document contents")}Yv.Document=ku});var Ri=b(Di=>{"use strict";var Ci=class extends Error{constructor(t,r,n,i){super(),this.name=t,this.code=n,this.message=i,this.pos=r}},xu=class extends Ci{constructor(t,r,n){super("YAMLParseError",t,r,n)}},Iu=class extends Ci{constructor(t,r,n){super("YAMLWarning",t,r,n)}},IT=(e,t)=>r=>{if(r.pos[0]===-1)return;r.linePos=r.pos.map(a=>t.linePos(a));let{line:n,col:i}=r.linePos[0];r.message+=` at line ${n}, column ${i}`;let o=i-1,s=e.substring(t.lineStarts[n-1],t.lineStarts[n]).replace(/[\\n\\r]+$/,"");if(o>=60&&s.length>80){let a=Math.min(o-39,s.length-79);s="\\u2026"+s.substring(a),o-=a-1}if(s.length>80&&(s=s.substring(0,79)+"\\u2026"),n>1&&/^ *$/.test(s.substring(0,o))){let a=e.substring(t.lineStarts[n-2],t.lineStarts[n-1]);a.length>80&&(a=a.substring(0,79)+`\\u2026\n`),s=a+s}if(/[^ ]/.test(s)){let a=1,c=r.linePos[1];c&&c.line===n&&c.col>i&&(a=Math.max(1,Math.min(c.col-i,80-o)));let l=" ".repeat(o)+"^".repeat(a);r.message+=`:\n\n${s}\n${l}\n`}};Di.YAMLError=Ci;Di.YAMLParseError=xu;Di.YAMLWarning=Iu;Di.prettifyError=IT});var zi=b(Xv=>{"use strict";function ET(e,{flow:t,indicator:r,next:n,offset:i,onError:o,parentIndent:s,startOnNewline:a}){let c=!1,l=a,u=a,p="",f="",d=!1,h=!1,m=null,g=null,v=null,y=null,w=null,S=null,k=null;for(let N of e)switch(h&&(N.type!=="space"&&N.type!=="newline"&&N.type!=="comma"&&o(N.offset,"MISSING_CHAR","Tags and anchors must be separated from the next token by white space"),h=!1),m&&(l&&N.type!=="comment"&&N.type!=="newline"&&o(m,"TAB_AS_INDENT","Tabs are not allowed as indentation"),m=null),N.type){case"space":!t&&(r!=="doc-start"||n?.type!=="flow-collection")&&N.source.includes("	")&&(m=N),u=!0;break;case"comment":{u||o(N,"MISSING_CHAR","Comments must be separated from other tokens by white space characters");let q=N.source.substring(1)||" ";p?p+=f+q:p=q,f="",l=!1;break}case"newline":l?p?p+=N.source:(!S||r!=="seq-item-ind")&&(c=!0):f+=N.source,l=!0,d=!0,(g||v)&&(y=N),u=!0;break;case"anchor":g&&o(N,"MULTIPLE_ANCHORS","A node can have at most one anchor"),N.source.endsWith(":")&&o(N.offset+N.source.length-1,"BAD_ALIAS","Anchor ending in : is ambiguous",!0),g=N,k??(k=N.offset),l=!1,u=!1,h=!0;break;case"tag":{v&&o(N,"MULTIPLE_TAGS","A node can have at most one tag"),v=N,k??(k=N.offset),l=!1,u=!1,h=!0;break}case r:(g||v)&&o(N,"BAD_PROP_ORDER",`Anchors and tags must be after the ${N.source} indicator`),S&&o(N,"UNEXPECTED_TOKEN",`Unexpected ${N.source} in ${t??"collection"}`),S=N,l=r==="seq-item-ind"||r==="explicit-key-ind",u=!1;break;case"comma":if(t){w&&o(N,"UNEXPECTED_TOKEN",`Unexpected , in ${t}`),w=N,l=!1,u=!1;break}default:o(N,"UNEXPECTED_TOKEN",`Unexpected ${N.type} token`),l=!1,u=!1}let x=e[e.length-1],C=x?x.offset+x.source.length:i;return h&&n&&n.type!=="space"&&n.type!=="newline"&&n.type!=="comma"&&(n.type!=="scalar"||n.source!=="")&&o(n.offset,"MISSING_CHAR","Tags and anchors must be separated from the next token by white space"),m&&(l&&m.indent<=s||n?.type==="block-map"||n?.type==="block-seq")&&o(m,"TAB_AS_INDENT","Tabs are not allowed as indentation"),{comma:w,found:S,spaceBefore:c,comment:p,hasNewline:d,anchor:g,tag:v,newlineAfterProp:y,end:C,start:k??C}}Xv.resolveProps=ET});var Xs=b(Qv=>{"use strict";function Eu(e){if(!e)return null;switch(e.type){case"alias":case"scalar":case"double-quoted-scalar":case"single-quoted-scalar":if(e.source.includes(`\n`))return!0;if(e.end){for(let t of e.end)if(t.type==="newline")return!0}return!1;case"flow-collection":for(let t of e.items){for(let r of t.start)if(r.type==="newline")return!0;if(t.sep){for(let r of t.sep)if(r.type==="newline")return!0}if(Eu(t.key)||Eu(t.value))return!0}return!1;default:return!0}}Qv.containsNewline=Eu});var Nu=b(eb=>{"use strict";var NT=Xs();function OT(e,t,r){if(t?.type==="flow-collection"){let n=t.end[0];n.indent===e&&(n.source==="]"||n.source==="}")&&NT.containsNewline(t)&&r(n,"BAD_INDENT","Flow end indicator should be more indented than parent",!0)}}eb.flowIndentCheck=OT});var Ou=b(rb=>{"use strict";var tb=L();function PT(e,t,r){let{uniqueKeys:n}=e.options;if(n===!1)return!1;let i=typeof n=="function"?n:(o,s)=>o===s||tb.isScalar(o)&&tb.isScalar(s)&&o.value===s.value;return t.some(o=>i(o.key,r))}rb.mapIncludes=PT});var cb=b(ab=>{"use strict";var nb=cr(),TT=ur(),ib=zi(),AT=Xs(),ob=Nu(),CT=Ou(),sb="All mapping items must start at the same column";function DT({composeNode:e,composeEmptyNode:t},r,n,i,o){let s=o?.nodeClass??TT.YAMLMap,a=new s(r.schema);r.atRoot&&(r.atRoot=!1);let c=n.offset,l=null;for(let u of n.items){let{start:p,key:f,sep:d,value:h}=u,m=ib.resolveProps(p,{indicator:"explicit-key-ind",next:f??d?.[0],offset:c,onError:i,parentIndent:n.indent,startOnNewline:!0}),g=!m.found;if(g){if(f&&(f.type==="block-seq"?i(c,"BLOCK_AS_IMPLICIT_KEY","A block sequence may not be used as an implicit map key"):"indent"in f&&f.indent!==n.indent&&i(c,"BAD_INDENT",sb)),!m.anchor&&!m.tag&&!d){l=m.end,m.comment&&(a.comment?a.comment+=`\n`+m.comment:a.comment=m.comment);continue}(m.newlineAfterProp||AT.containsNewline(f))&&i(f??p[p.length-1],"MULTILINE_IMPLICIT_KEY","Implicit keys need to be on a single line")}else m.found?.indent!==n.indent&&i(c,"BAD_INDENT",sb);r.atKey=!0;let v=m.end,y=f?e(r,f,m,i):t(r,v,p,null,m,i);r.schema.compat&&ob.flowIndentCheck(n.indent,f,i),r.atKey=!1,CT.mapIncludes(r,a.items,y)&&i(v,"DUPLICATE_KEY","Map keys must be unique");let w=ib.resolveProps(d??[],{indicator:"map-value-ind",next:h,offset:y.range[2],onError:i,parentIndent:n.indent,startOnNewline:!f||f.type==="block-scalar"});if(c=w.end,w.found){g&&(h?.type==="block-map"&&!w.hasNewline&&i(c,"BLOCK_AS_IMPLICIT_KEY","Nested mappings are not allowed in compact mappings"),r.options.strict&&m.start<w.found.offset-1024&&i(y.range,"KEY_OVER_1024_CHARS","The : indicator must be at most 1024 chars after the start of an implicit block mapping key"));let S=h?e(r,h,w,i):t(r,c,d,null,w,i);r.schema.compat&&ob.flowIndentCheck(n.indent,h,i),c=S.range[2];let k=new nb.Pair(y,S);r.options.keepSourceTokens&&(k.srcToken=u),a.items.push(k)}else{g&&i(y.range,"MISSING_CHAR","Implicit map keys need to be followed by map values"),w.comment&&(y.comment?y.comment+=`\n`+w.comment:y.comment=w.comment);let S=new nb.Pair(y);r.options.keepSourceTokens&&(S.srcToken=u),a.items.push(S)}}return l&&l<c&&i(l,"IMPOSSIBLE","Map comment with trailing content"),a.range=[n.offset,c,l??c],a}ab.resolveBlockMap=DT});var ub=b(lb=>{"use strict";var RT=dr(),zT=zi(),jT=Nu();function MT({composeNode:e,composeEmptyNode:t},r,n,i,o){let s=o?.nodeClass??RT.YAMLSeq,a=new s(r.schema);r.atRoot&&(r.atRoot=!1),r.atKey&&(r.atKey=!1);let c=n.offset,l=null;for(let{start:u,value:p}of n.items){let f=zT.resolveProps(u,{indicator:"seq-item-ind",next:p,offset:c,onError:i,parentIndent:n.indent,startOnNewline:!0});if(!f.found)if(f.anchor||f.tag||p)p&&p.type==="block-seq"?i(f.end,"BAD_INDENT","All sequence items must start at the same column"):i(c,"MISSING_CHAR","Sequence item without - indicator");else{l=f.end,f.comment&&(a.comment=f.comment);continue}let d=p?e(r,p,f,i):t(r,f.end,u,null,f,i);r.schema.compat&&jT.flowIndentCheck(n.indent,p,i),c=d.range[2],a.items.push(d)}return a.range=[n.offset,c,l??c],a}lb.resolveBlockSeq=MT});var xn=b(db=>{"use strict";function LT(e,t,r,n){let i="";if(e){let o=!1,s="";for(let a of e){let{source:c,type:l}=a;switch(l){case"space":o=!0;break;case"comment":{r&&!o&&n(a,"MISSING_CHAR","Comments must be separated from other tokens by white space characters");let u=c.substring(1)||" ";i?i+=s+u:i=u,s="";break}case"newline":i&&(s+=c),o=!0;break;default:n(a,"UNEXPECTED_TOKEN",`Unexpected ${l} at node end`)}t+=c.length}}return{comment:i,offset:t}}db.resolveEnd=LT});var hb=b(mb=>{"use strict";var UT=L(),qT=cr(),fb=ur(),FT=dr(),BT=xn(),pb=zi(),ZT=Xs(),VT=Ou(),Pu="Block collections are not allowed within flow collections",Tu=e=>e&&(e.type==="block-map"||e.type==="block-seq");function KT({composeNode:e,composeEmptyNode:t},r,n,i,o){let s=n.start.source==="{",a=s?"flow map":"flow sequence",c=o?.nodeClass??(s?fb.YAMLMap:FT.YAMLSeq),l=new c(r.schema);l.flow=!0;let u=r.atRoot;u&&(r.atRoot=!1),r.atKey&&(r.atKey=!1);let p=n.offset+n.start.source.length;for(let g=0;g<n.items.length;++g){let v=n.items[g],{start:y,key:w,sep:S,value:k}=v,x=pb.resolveProps(y,{flow:a,indicator:"explicit-key-ind",next:w??S?.[0],offset:p,onError:i,parentIndent:n.indent,startOnNewline:!1});if(!x.found){if(!x.anchor&&!x.tag&&!S&&!k){g===0&&x.comma?i(x.comma,"UNEXPECTED_TOKEN",`Unexpected , in ${a}`):g<n.items.length-1&&i(x.start,"UNEXPECTED_TOKEN",`Unexpected empty item in ${a}`),x.comment&&(l.comment?l.comment+=`\n`+x.comment:l.comment=x.comment),p=x.end;continue}!s&&r.options.strict&&ZT.containsNewline(w)&&i(w,"MULTILINE_IMPLICIT_KEY","Implicit keys of flow sequence pairs need to be on a single line")}if(g===0)x.comma&&i(x.comma,"UNEXPECTED_TOKEN",`Unexpected , in ${a}`);else if(x.comma||i(x.start,"MISSING_CHAR",`Missing , between ${a} items`),x.comment){let C="";e:for(let N of y)switch(N.type){case"comma":case"space":break;case"comment":C=N.source.substring(1);break e;default:break e}if(C){let N=l.items[l.items.length-1];UT.isPair(N)&&(N=N.value??N.key),N.comment?N.comment+=`\n`+C:N.comment=C,x.comment=x.comment.substring(C.length+1)}}if(!s&&!S&&!x.found){let C=k?e(r,k,x,i):t(r,x.end,S,null,x,i);l.items.push(C),p=C.range[2],Tu(k)&&i(C.range,"BLOCK_IN_FLOW",Pu)}else{r.atKey=!0;let C=x.end,N=w?e(r,w,x,i):t(r,C,y,null,x,i);Tu(w)&&i(N.range,"BLOCK_IN_FLOW",Pu),r.atKey=!1;let q=pb.resolveProps(S??[],{flow:a,indicator:"map-value-ind",next:k,offset:N.range[2],onError:i,parentIndent:n.indent,startOnNewline:!1});if(q.found){if(!s&&!x.found&&r.options.strict){if(S)for(let se of S){if(se===q.found)break;if(se.type==="newline"){i(se,"MULTILINE_IMPLICIT_KEY","Implicit keys of flow sequence pairs need to be on a single line");break}}x.start<q.found.offset-1024&&i(q.found,"KEY_OVER_1024_CHARS","The : indicator must be at most 1024 chars after the start of an implicit flow sequence key")}}else k&&("source"in k&&k.source&&k.source[0]===":"?i(k,"MISSING_CHAR",`Missing space after : in ${a}`):i(q.start,"MISSING_CHAR",`Missing , or : between ${a} items`));let Je=k?e(r,k,q,i):q.found?t(r,q.end,S,null,q,i):null;Je?Tu(k)&&i(Je.range,"BLOCK_IN_FLOW",Pu):q.comment&&(N.comment?N.comment+=`\n`+q.comment:N.comment=q.comment);let lt=new qT.Pair(N,Je);if(r.options.keepSourceTokens&&(lt.srcToken=v),s){let se=l;VT.mapIncludes(r,se.items,N)&&i(C,"DUPLICATE_KEY","Map keys must be unique"),se.items.push(lt)}else{let se=new fb.YAMLMap(r.schema);se.flow=!0,se.items.push(lt);let Ip=(Je??N).range;se.range=[N.range[0],Ip[1],Ip[2]],l.items.push(se)}p=Je?Je.range[2]:q.end}}let f=s?"}":"]",[d,...h]=n.end,m=p;if(d&&d.source===f)m=d.offset+d.source.length;else{let g=a[0].toUpperCase()+a.substring(1),v=u?`${g} must end with a ${f}`:`${g} in block collection must be sufficiently indented and end with a ${f}`;i(p,u?"MISSING_CHAR":"BAD_INDENT",v),d&&d.source.length!==1&&h.unshift(d)}if(h.length>0){let g=BT.resolveEnd(h,m,r.options.strict,i);g.comment&&(l.comment?l.comment+=`\n`+g.comment:l.comment=g.comment),l.range=[n.offset,m,g.offset]}else l.range=[n.offset,m,m];return l}mb.resolveFlowCollection=KT});var yb=b(gb=>{"use strict";var JT=L(),GT=ie(),WT=ur(),HT=dr(),YT=cb(),XT=ub(),QT=hb();function Au(e,t,r,n,i,o){let s=r.type==="block-map"?YT.resolveBlockMap(e,t,r,n,o):r.type==="block-seq"?XT.resolveBlockSeq(e,t,r,n,o):QT.resolveFlowCollection(e,t,r,n,o),a=s.constructor;return i==="!"||i===a.tagName?(s.tag=a.tagName,s):(i&&(s.tag=i),s)}function eA(e,t,r,n,i){let o=n.tag,s=o?t.directives.tagName(o.source,f=>i(o,"TAG_RESOLVE_FAILED",f)):null;if(r.type==="block-seq"){let{anchor:f,newlineAfterProp:d}=n,h=f&&o?f.offset>o.offset?f:o:f??o;h&&(!d||d.offset<h.offset)&&i(h,"MISSING_CHAR","Missing newline after block sequence props")}let a=r.type==="block-map"?"map":r.type==="block-seq"?"seq":r.start.source==="{"?"map":"seq";if(!o||!s||s==="!"||s===WT.YAMLMap.tagName&&a==="map"||s===HT.YAMLSeq.tagName&&a==="seq")return Au(e,t,r,i,s);let c=t.schema.tags.find(f=>f.tag===s&&f.collection===a);if(!c){let f=t.schema.knownTags[s];if(f&&f.collection===a)t.schema.tags.push(Object.assign({},f,{default:!1})),c=f;else return f?i(o,"BAD_COLLECTION_TYPE",`${f.tag} used for ${a} collection, but expects ${f.collection??"scalar"}`,!0):i(o,"TAG_RESOLVE_FAILED",`Unresolved tag: ${s}`,!0),Au(e,t,r,i,s)}let l=Au(e,t,r,i,s,c),u=c.resolve?.(l,f=>i(o,"TAG_RESOLVE_FAILED",f),t.options)??l,p=JT.isNode(u)?u:new GT.Scalar(u);return p.range=l.range,p.tag=s,c?.format&&(p.format=c.format),p}gb.composeCollection=eA});var Du=b(vb=>{"use strict";var Cu=ie();function tA(e,t,r){let n=t.offset,i=rA(t,e.options.strict,r);if(!i)return{value:"",type:null,comment:"",range:[n,n,n]};let o=i.mode===">"?Cu.Scalar.BLOCK_FOLDED:Cu.Scalar.BLOCK_LITERAL,s=t.source?nA(t.source):[],a=s.length;for(let m=s.length-1;m>=0;--m){let g=s[m][1];if(g===""||g==="\\r")a=m;else break}if(a===0){let m=i.chomp==="+"&&s.length>0?`\n`.repeat(Math.max(1,s.length-1)):"",g=n+i.length;return t.source&&(g+=t.source.length),{value:m,type:o,comment:i.comment,range:[n,g,g]}}let c=t.indent+i.indent,l=t.offset+i.length,u=0;for(let m=0;m<a;++m){let[g,v]=s[m];if(v===""||v==="\\r")i.indent===0&&g.length>c&&(c=g.length);else{g.length<c&&r(l+g.length,"MISSING_CHAR","Block scalars with more-indented leading empty lines must use an explicit indentation indicator"),i.indent===0&&(c=g.length),u=m,c===0&&!e.atRoot&&r(l,"BAD_INDENT","Block scalar values in collections must be indented");break}l+=g.length+v.length+1}for(let m=s.length-1;m>=a;--m)s[m][0].length>c&&(a=m+1);let p="",f="",d=!1;for(let m=0;m<u;++m)p+=s[m][0].slice(c)+`\n`;for(let m=u;m<a;++m){let[g,v]=s[m];l+=g.length+v.length+1;let y=v[v.length-1]==="\\r";if(y&&(v=v.slice(0,-1)),v&&g.length<c){let S=`Block scalar lines must not be less indented than their ${i.indent?"explicit indentation indicator":"first line"}`;r(l-v.length-(y?2:1),"BAD_INDENT",S),g=""}o===Cu.Scalar.BLOCK_LITERAL?(p+=f+g.slice(c)+v,f=`\n`):g.length>c||v[0]==="	"?(f===" "?f=`\n`:!d&&f===`\n`&&(f=`\n\n`),p+=f+g.slice(c)+v,f=`\n`,d=!0):v===""?f===`\n`?p+=`\n`:f=`\n`:(p+=f+v,f=" ",d=!1)}switch(i.chomp){case"-":break;case"+":for(let m=a;m<s.length;++m)p+=`\n`+s[m][0].slice(c);p[p.length-1]!==`\n`&&(p+=`\n`);break;default:p+=`\n`}let h=n+i.length+t.source.length;return{value:p,type:o,comment:i.comment,range:[n,h,h]}}function rA({offset:e,props:t},r,n){if(t[0].type!=="block-scalar-header")return n(t[0],"IMPOSSIBLE","Block scalar header not found"),null;let{source:i}=t[0],o=i[0],s=0,a="",c=-1;for(let f=1;f<i.length;++f){let d=i[f];if(!a&&(d==="-"||d==="+"))a=d;else{let h=Number(d);!s&&h?s=h:c===-1&&(c=e+f)}}c!==-1&&n(c,"UNEXPECTED_TOKEN",`Block scalar header includes extra characters: ${i}`);let l=!1,u="",p=i.length;for(let f=1;f<t.length;++f){let d=t[f];switch(d.type){case"space":l=!0;case"newline":p+=d.source.length;break;case"comment":r&&!l&&n(d,"MISSING_CHAR","Comments must be separated from other tokens by white space characters"),p+=d.source.length,u=d.source.substring(1);break;case"error":n(d,"UNEXPECTED_TOKEN",d.message),p+=d.source.length;break;default:{let h=`Unexpected token in block scalar header: ${d.type}`;n(d,"UNEXPECTED_TOKEN",h);let m=d.source;m&&typeof m=="string"&&(p+=m.length)}}}return{mode:o,indent:s,chomp:a,comment:u,length:p}}function nA(e){let t=e.split(/\\n( *)/),r=t[0],n=r.match(/^( *)/),o=[n?.[1]?[n[1],r.slice(n[1].length)]:["",r]];for(let s=1;s<t.length;s+=2)o.push([t[s],t[s+1]]);return o}vb.resolveBlockScalar=tA});var zu=b(wb=>{"use strict";var Ru=ie(),iA=xn();function oA(e,t,r){let{offset:n,type:i,source:o,end:s}=e,a,c,l=(f,d,h)=>r(n+f,d,h);switch(i){case"scalar":a=Ru.Scalar.PLAIN,c=sA(o,l);break;case"single-quoted-scalar":a=Ru.Scalar.QUOTE_SINGLE,c=aA(o,l);break;case"double-quoted-scalar":a=Ru.Scalar.QUOTE_DOUBLE,c=cA(o,l);break;default:return r(e,"UNEXPECTED_TOKEN",`Expected a flow scalar value, but found: ${i}`),{value:"",type:null,comment:"",range:[n,n+o.length,n+o.length]}}let u=n+o.length,p=iA.resolveEnd(s,u,t,r);return{value:c,type:a,comment:p.comment,range:[n,u,p.offset]}}function sA(e,t){let r="";switch(e[0]){case"	":r="a tab character";break;case",":r="flow indicator character ,";break;case"%":r="directive indicator character %";break;case"|":case">":{r=`block scalar indicator ${e[0]}`;break}case"@":case"`":{r=`reserved character ${e[0]}`;break}}return r&&t(0,"BAD_SCALAR_START",`Plain value cannot start with ${r}`),bb(e)}function aA(e,t){return(e[e.length-1]!=="\'"||e.length===1)&&t(e.length,"MISSING_CHAR","Missing closing \'quote"),bb(e.slice(1,-1)).replace(/\'\'/g,"\'")}function bb(e){let t,r;try{t=new RegExp(`(.*?)(?<![ 	])[ 	]*\\r?\n`,"sy"),r=new RegExp(`[ 	]*(.*?)(?:(?<![ 	])[ 	]*)?\\r?\n`,"sy")}catch{t=/(.*?)[ \\t]*\\r?\\n/sy,r=/[ \\t]*(.*?)[ \\t]*\\r?\\n/sy}let n=t.exec(e);if(!n)return e;let i=n[1],o=" ",s=t.lastIndex;for(r.lastIndex=s;n=r.exec(e);)n[1]===""?o===`\n`?i+=o:o=`\n`:(i+=o+n[1],o=" "),s=r.lastIndex;let a=/[ \\t]*(.*)/sy;return a.lastIndex=s,n=a.exec(e),i+o+(n?.[1]??"")}function cA(e,t){let r="";for(let n=1;n<e.length-1;++n){let i=e[n];if(!(i==="\\r"&&e[n+1]===`\n`))if(i===`\n`){let{fold:o,offset:s}=lA(e,n);r+=o,n=s}else if(i==="\\\\"){let o=e[++n],s=uA[o];if(s)r+=s;else if(o===`\n`)for(o=e[n+1];o===" "||o==="	";)o=e[++n+1];else if(o==="\\r"&&e[n+1]===`\n`)for(o=e[++n+1];o===" "||o==="	";)o=e[++n+1];else if(o==="x"||o==="u"||o==="U"){let a={x:2,u:4,U:8}[o];r+=dA(e,n+1,a,t),n+=a}else{let a=e.substr(n-1,2);t(n-1,"BAD_DQ_ESCAPE",`Invalid escape sequence ${a}`),r+=a}}else if(i===" "||i==="	"){let o=n,s=e[n+1];for(;s===" "||s==="	";)s=e[++n+1];s!==`\n`&&!(s==="\\r"&&e[n+2]===`\n`)&&(r+=n>o?e.slice(o,n+1):i)}else r+=i}return(e[e.length-1]!==\'"\'||e.length===1)&&t(e.length,"MISSING_CHAR",\'Missing closing "quote\'),r}function lA(e,t){let r="",n=e[t+1];for(;(n===" "||n==="	"||n===`\n`||n==="\\r")&&!(n==="\\r"&&e[t+2]!==`\n`);)n===`\n`&&(r+=`\n`),t+=1,n=e[t+1];return r||(r=" "),{fold:r,offset:t}}var uA={0:"\\0",a:"\\x07",b:"\\b",e:"\\x1B",f:"\\f",n:`\n`,r:"\\r",t:"	",v:"\\v",N:"\\x85",_:"\\xA0",L:"\\u2028",P:"\\u2029"," ":" ",\'"\':\'"\',"/":"/","\\\\":"\\\\","	":"	"};function dA(e,t,r,n){let i=e.substr(t,r),s=i.length===r&&/^[0-9a-fA-F]+$/.test(i)?parseInt(i,16):NaN;if(isNaN(s)){let a=e.substr(t-2,r+2);return n(t-2,"BAD_DQ_ESCAPE",`Invalid escape sequence ${a}`),a}return String.fromCodePoint(s)}wb.resolveFlowScalar=oA});var Sb=b(_b=>{"use strict";var Lr=L(),$b=ie(),fA=Du(),pA=zu();function mA(e,t,r,n){let{value:i,type:o,comment:s,range:a}=t.type==="block-scalar"?fA.resolveBlockScalar(e,t,n):pA.resolveFlowScalar(t,e.options.strict,n),c=r?e.directives.tagName(r.source,p=>n(r,"TAG_RESOLVE_FAILED",p)):null,l;e.options.stringKeys&&e.atKey?l=e.schema[Lr.SCALAR]:c?l=hA(e.schema,i,c,r,n):t.type==="scalar"?l=gA(e,i,t,n):l=e.schema[Lr.SCALAR];let u;try{let p=l.resolve(i,f=>n(r??t,"TAG_RESOLVE_FAILED",f),e.options);u=Lr.isScalar(p)?p:new $b.Scalar(p)}catch(p){let f=p instanceof Error?p.message:String(p);n(r??t,"TAG_RESOLVE_FAILED",f),u=new $b.Scalar(i)}return u.range=a,u.source=i,o&&(u.type=o),c&&(u.tag=c),l.format&&(u.format=l.format),s&&(u.comment=s),u}function hA(e,t,r,n,i){if(r==="!")return e[Lr.SCALAR];let o=[];for(let a of e.tags)if(!a.collection&&a.tag===r)if(a.default&&a.test)o.push(a);else return a;for(let a of o)if(a.test?.test(t))return a;let s=e.knownTags[r];return s&&!s.collection?(e.tags.push(Object.assign({},s,{default:!1,test:void 0})),s):(i(n,"TAG_RESOLVE_FAILED",`Unresolved tag: ${r}`,r!=="tag:yaml.org,2002:str"),e[Lr.SCALAR])}function gA({atKey:e,directives:t,schema:r},n,i,o){let s=r.tags.find(a=>(a.default===!0||e&&a.default==="key")&&a.test?.test(n))||r[Lr.SCALAR];if(r.compat){let a=r.compat.find(c=>c.default&&c.test?.test(n))??r[Lr.SCALAR];if(s.tag!==a.tag){let c=t.tagString(s.tag),l=t.tagString(a.tag),u=`Value may be parsed as either ${c} or ${l}`;o(i,"TAG_RESOLVE_FAILED",u,!0)}}return s}_b.composeScalar=mA});var xb=b(kb=>{"use strict";function yA(e,t,r){if(t){r??(r=t.length);for(let n=r-1;n>=0;--n){let i=t[n];switch(i.type){case"space":case"comment":case"newline":e-=i.source.length;continue}for(i=t[++n];i?.type==="space";)e+=i.source.length,i=t[++n];break}}return e}kb.emptyScalarPosition=yA});var Nb=b(Mu=>{"use strict";var vA=hi(),bA=L(),wA=yb(),Ib=Sb(),$A=xn(),_A=xb(),SA={composeNode:Eb,composeEmptyNode:ju};function Eb(e,t,r,n){let i=e.atKey,{spaceBefore:o,comment:s,anchor:a,tag:c}=r,l,u=!0;switch(t.type){case"alias":l=kA(e,t,n),(a||c)&&n(t,"ALIAS_PROPS","An alias node must not specify any properties");break;case"scalar":case"single-quoted-scalar":case"double-quoted-scalar":case"block-scalar":l=Ib.composeScalar(e,t,c,n),a&&(l.anchor=a.source.substring(1));break;case"block-map":case"block-seq":case"flow-collection":l=wA.composeCollection(SA,e,t,r,n),a&&(l.anchor=a.source.substring(1));break;default:{let p=t.type==="error"?t.message:`Unsupported token (type: ${t.type})`;n(t,"UNEXPECTED_TOKEN",p),l=ju(e,t.offset,void 0,null,r,n),u=!1}}return a&&l.anchor===""&&n(a,"BAD_ALIAS","Anchor cannot be an empty string"),i&&e.options.stringKeys&&(!bA.isScalar(l)||typeof l.value!="string"||l.tag&&l.tag!=="tag:yaml.org,2002:str")&&n(c??t,"NON_STRING_KEY","With stringKeys, all keys must be strings"),o&&(l.spaceBefore=!0),s&&(t.type==="scalar"&&t.source===""?l.comment=s:l.commentBefore=s),e.options.keepSourceTokens&&u&&(l.srcToken=t),l}function ju(e,t,r,n,{spaceBefore:i,comment:o,anchor:s,tag:a,end:c},l){let u={type:"scalar",offset:_A.emptyScalarPosition(t,r,n),indent:-1,source:""},p=Ib.composeScalar(e,u,a,l);return s&&(p.anchor=s.source.substring(1),p.anchor===""&&l(s,"BAD_ALIAS","Anchor cannot be an empty string")),i&&(p.spaceBefore=!0),o&&(p.comment=o,p.range[2]=c),p}function kA({options:e},{offset:t,source:r,end:n},i){let o=new vA.Alias(r.substring(1));o.source===""&&i(t,"BAD_ALIAS","Alias cannot be an empty string"),o.source.endsWith(":")&&i(t+r.length-1,"BAD_ALIAS","Alias ending in : is ambiguous",!0);let s=t+r.length,a=$A.resolveEnd(n,s,e.strict,i);return o.range=[t,s,a.offset],a.comment&&(o.comment=a.comment),o}Mu.composeEmptyNode=ju;Mu.composeNode=Eb});var Tb=b(Pb=>{"use strict";var xA=Ai(),Ob=Nb(),IA=xn(),EA=zi();function NA(e,t,{offset:r,start:n,value:i,end:o},s){let a=Object.assign({_directives:t},e),c=new xA.Document(void 0,a),l={atKey:!1,atRoot:!0,directives:c.directives,options:c.options,schema:c.schema},u=EA.resolveProps(n,{indicator:"doc-start",next:i??o?.[0],offset:r,onError:s,parentIndent:0,startOnNewline:!0});u.found&&(c.directives.docStart=!0,i&&(i.type==="block-map"||i.type==="block-seq")&&!u.hasNewline&&s(u.end,"MISSING_CHAR","Block collection cannot start on same line with directives-end marker")),c.contents=i?Ob.composeNode(l,i,u,s):Ob.composeEmptyNode(l,u.end,n,null,u,s);let p=c.contents.range[2],f=IA.resolveEnd(o,p,!1,s);return f.comment&&(c.comment=f.comment),c.range=[r,p,f.offset],c}Pb.composeDoc=NA});var Uu=b(Db=>{"use strict";var OA=require("process"),PA=xl(),TA=Ai(),ji=Ri(),Ab=L(),AA=Tb(),CA=xn();function Mi(e){if(typeof e=="number")return[e,e+1];if(Array.isArray(e))return e.length===2?e:[e[0],e[1]];let{offset:t,source:r}=e;return[t,t+(typeof r=="string"?r.length:1)]}function Cb(e){let t="",r=!1,n=!1;for(let i=0;i<e.length;++i){let o=e[i];switch(o[0]){case"#":t+=(t===""?"":n?`\n\n`:`\n`)+(o.substring(1)||" "),r=!0,n=!1;break;case"%":e[i+1]?.[0]!=="#"&&(i+=1),r=!1;break;default:r||(n=!0),r=!1}}return{comment:t,afterEmptyLine:n}}var Lu=class{constructor(t={}){this.doc=null,this.atDirectives=!1,this.prelude=[],this.errors=[],this.warnings=[],this.onError=(r,n,i,o)=>{let s=Mi(r);o?this.warnings.push(new ji.YAMLWarning(s,n,i)):this.errors.push(new ji.YAMLParseError(s,n,i))},this.directives=new PA.Directives({version:t.version||"1.2"}),this.options=t}decorate(t,r){let{comment:n,afterEmptyLine:i}=Cb(this.prelude);if(n){let o=t.contents;if(r)t.comment=t.comment?`${t.comment}\n${n}`:n;else if(i||t.directives.docStart||!o)t.commentBefore=n;else if(Ab.isCollection(o)&&!o.flow&&o.items.length>0){let s=o.items[0];Ab.isPair(s)&&(s=s.key);let a=s.commentBefore;s.commentBefore=a?`${n}\n${a}`:n}else{let s=o.commentBefore;o.commentBefore=s?`${n}\n${s}`:n}}r?(Array.prototype.push.apply(t.errors,this.errors),Array.prototype.push.apply(t.warnings,this.warnings)):(t.errors=this.errors,t.warnings=this.warnings),this.prelude=[],this.errors=[],this.warnings=[]}streamInfo(){return{comment:Cb(this.prelude).comment,directives:this.directives,errors:this.errors,warnings:this.warnings}}*compose(t,r=!1,n=-1){for(let i of t)yield*this.next(i);yield*this.end(r,n)}*next(t){switch(OA.env.LOG_STREAM&&console.dir(t,{depth:null}),t.type){case"directive":this.directives.add(t.source,(r,n,i)=>{let o=Mi(t);o[0]+=r,this.onError(o,"BAD_DIRECTIVE",n,i)}),this.prelude.push(t.source),this.atDirectives=!0;break;case"document":{let r=AA.composeDoc(this.options,this.directives,t,this.onError);this.atDirectives&&!r.directives.docStart&&this.onError(t,"MISSING_CHAR","Missing directives-end/doc-start indicator line"),this.decorate(r,!1),this.doc&&(yield this.doc),this.doc=r,this.atDirectives=!1;break}case"byte-order-mark":case"space":break;case"comment":case"newline":this.prelude.push(t.source);break;case"error":{let r=t.source?`${t.message}: ${JSON.stringify(t.source)}`:t.message,n=new ji.YAMLParseError(Mi(t),"UNEXPECTED_TOKEN",r);this.atDirectives||!this.doc?this.errors.push(n):this.doc.errors.push(n);break}case"doc-end":{if(!this.doc){let n="Unexpected doc-end without preceding document";this.errors.push(new ji.YAMLParseError(Mi(t),"UNEXPECTED_TOKEN",n));break}this.doc.directives.docEnd=!0;let r=CA.resolveEnd(t.end,t.offset+t.source.length,this.doc.options.strict,this.onError);if(this.decorate(this.doc,!0),r.comment){let n=this.doc.comment;this.doc.comment=n?`${n}\n${r.comment}`:r.comment}this.doc.range[2]=r.offset;break}default:this.errors.push(new ji.YAMLParseError(Mi(t),"UNEXPECTED_TOKEN",`Unsupported token ${t.type}`))}}*end(t=!1,r=-1){if(this.doc)this.decorate(this.doc,!0),yield this.doc,this.doc=null;else if(t){let n=Object.assign({_directives:this.directives},this.options),i=new TA.Document(void 0,n);this.atDirectives&&this.onError(r,"MISSING_CHAR","Missing directives-end indicator line"),i.range=[0,r,r],this.decorate(i,!1),yield i}}};Db.Composer=Lu});var jb=b(Qs=>{"use strict";var DA=Du(),RA=zu(),zA=Ri(),Rb=wi();function jA(e,t=!0,r){if(e){let n=(i,o,s)=>{let a=typeof i=="number"?i:Array.isArray(i)?i[0]:i.offset;if(r)r(a,o,s);else throw new zA.YAMLParseError([a,a+1],o,s)};switch(e.type){case"scalar":case"single-quoted-scalar":case"double-quoted-scalar":return RA.resolveFlowScalar(e,t,n);case"block-scalar":return DA.resolveBlockScalar({options:{strict:t}},e,n)}}return null}function MA(e,t){let{implicitKey:r=!1,indent:n,inFlow:i=!1,offset:o=-1,type:s="PLAIN"}=t,a=Rb.stringifyString({type:s,value:e},{implicitKey:r,indent:n>0?" ".repeat(n):"",inFlow:i,options:{blockQuote:!0,lineWidth:-1}}),c=t.end??[{type:"newline",offset:-1,indent:n,source:`\n`}];switch(a[0]){case"|":case">":{let l=a.indexOf(`\n`),u=a.substring(0,l),p=a.substring(l+1)+`\n`,f=[{type:"block-scalar-header",offset:o,indent:n,source:u}];return zb(f,c)||f.push({type:"newline",offset:-1,indent:n,source:`\n`}),{type:"block-scalar",offset:o,indent:n,props:f,source:p}}case\'"\':return{type:"double-quoted-scalar",offset:o,indent:n,source:a,end:c};case"\'":return{type:"single-quoted-scalar",offset:o,indent:n,source:a,end:c};default:return{type:"scalar",offset:o,indent:n,source:a,end:c}}}function LA(e,t,r={}){let{afterKey:n=!1,implicitKey:i=!1,inFlow:o=!1,type:s}=r,a="indent"in e?e.indent:null;if(n&&typeof a=="number"&&(a+=2),!s)switch(e.type){case"single-quoted-scalar":s="QUOTE_SINGLE";break;case"double-quoted-scalar":s="QUOTE_DOUBLE";break;case"block-scalar":{let l=e.props[0];if(l.type!=="block-scalar-header")throw new Error("Invalid block scalar header");s=l.source[0]===">"?"BLOCK_FOLDED":"BLOCK_LITERAL";break}default:s="PLAIN"}let c=Rb.stringifyString({type:s,value:t},{implicitKey:i||a===null,indent:a!==null&&a>0?" ".repeat(a):"",inFlow:o,options:{blockQuote:!0,lineWidth:-1}});switch(c[0]){case"|":case">":UA(e,c);break;case\'"\':qu(e,c,"double-quoted-scalar");break;case"\'":qu(e,c,"single-quoted-scalar");break;default:qu(e,c,"scalar")}}function UA(e,t){let r=t.indexOf(`\n`),n=t.substring(0,r),i=t.substring(r+1)+`\n`;if(e.type==="block-scalar"){let o=e.props[0];if(o.type!=="block-scalar-header")throw new Error("Invalid block scalar header");o.source=n,e.source=i}else{let{offset:o}=e,s="indent"in e?e.indent:-1,a=[{type:"block-scalar-header",offset:o,indent:s,source:n}];zb(a,"end"in e?e.end:void 0)||a.push({type:"newline",offset:-1,indent:s,source:`\n`});for(let c of Object.keys(e))c!=="type"&&c!=="offset"&&delete e[c];Object.assign(e,{type:"block-scalar",indent:s,props:a,source:i})}}function zb(e,t){if(t)for(let r of t)switch(r.type){case"space":case"comment":e.push(r);break;case"newline":return e.push(r),!0}return!1}function qu(e,t,r){switch(e.type){case"scalar":case"double-quoted-scalar":case"single-quoted-scalar":e.type=r,e.source=t;break;case"block-scalar":{let n=e.props.slice(1),i=t.length;e.props[0].type==="block-scalar-header"&&(i-=e.props[0].source.length);for(let o of n)o.offset+=i;delete e.props,Object.assign(e,{type:r,source:t,end:n});break}case"block-map":case"block-seq":{let i={type:"newline",offset:e.offset+t.length,indent:e.indent,source:`\n`};delete e.items,Object.assign(e,{type:r,source:t,end:[i]});break}default:{let n="indent"in e?e.indent:-1,i="end"in e&&Array.isArray(e.end)?e.end.filter(o=>o.type==="space"||o.type==="comment"||o.type==="newline"):[];for(let o of Object.keys(e))o!=="type"&&o!=="offset"&&delete e[o];Object.assign(e,{type:r,indent:n,source:t,end:i})}}}Qs.createScalarToken=MA;Qs.resolveAsScalar=jA;Qs.setScalarValue=LA});var Lb=b(Mb=>{"use strict";var qA=e=>"type"in e?ta(e):ea(e);function ta(e){switch(e.type){case"block-scalar":{let t="";for(let r of e.props)t+=ta(r);return t+e.source}case"block-map":case"block-seq":{let t="";for(let r of e.items)t+=ea(r);return t}case"flow-collection":{let t=e.start.source;for(let r of e.items)t+=ea(r);for(let r of e.end)t+=r.source;return t}case"document":{let t=ea(e);if(e.end)for(let r of e.end)t+=r.source;return t}default:{let t=e.source;if("end"in e&&e.end)for(let r of e.end)t+=r.source;return t}}}function ea({start:e,key:t,sep:r,value:n}){let i="";for(let o of e)i+=o.source;if(t&&(i+=ta(t)),r)for(let o of r)i+=o.source;return n&&(i+=ta(n)),i}Mb.stringify=qA});var Bb=b(Fb=>{"use strict";var Fu=Symbol("break visit"),FA=Symbol("skip children"),Ub=Symbol("remove item");function Ur(e,t){"type"in e&&e.type==="document"&&(e={start:e.start,value:e.value}),qb(Object.freeze([]),e,t)}Ur.BREAK=Fu;Ur.SKIP=FA;Ur.REMOVE=Ub;Ur.itemAtPath=(e,t)=>{let r=e;for(let[n,i]of t){let o=r?.[n];if(o&&"items"in o)r=o.items[i];else return}return r};Ur.parentCollection=(e,t)=>{let r=Ur.itemAtPath(e,t.slice(0,-1)),n=t[t.length-1][0],i=r?.[n];if(i&&"items"in i)return i;throw new Error("Parent collection not found")};function qb(e,t,r){let n=r(t,e);if(typeof n=="symbol")return n;for(let i of["key","value"]){let o=t[i];if(o&&"items"in o){for(let s=0;s<o.items.length;++s){let a=qb(Object.freeze(e.concat([[i,s]])),o.items[s],r);if(typeof a=="number")s=a-1;else{if(a===Fu)return Fu;a===Ub&&(o.items.splice(s,1),s-=1)}}typeof n=="function"&&i==="key"&&(n=n(t,e))}}return typeof n=="function"?n(t,e):n}Fb.visit=Ur});var ra=b(Ce=>{"use strict";var Bu=jb(),BA=Lb(),ZA=Bb(),Zu="\\uFEFF",Vu="",Ku="",Ju="",VA=e=>!!e&&"items"in e,KA=e=>!!e&&(e.type==="scalar"||e.type==="single-quoted-scalar"||e.type==="double-quoted-scalar"||e.type==="block-scalar");function JA(e){switch(e){case Zu:return"<BOM>";case Vu:return"<DOC>";case Ku:return"<FLOW_END>";case Ju:return"<SCALAR>";default:return JSON.stringify(e)}}function GA(e){switch(e){case Zu:return"byte-order-mark";case Vu:return"doc-mode";case Ku:return"flow-error-end";case Ju:return"scalar";case"---":return"doc-start";case"...":return"doc-end";case"":case`\n`:case`\\r\n`:return"newline";case"-":return"seq-item-ind";case"?":return"explicit-key-ind";case":":return"map-value-ind";case"{":return"flow-map-start";case"}":return"flow-map-end";case"[":return"flow-seq-start";case"]":return"flow-seq-end";case",":return"comma"}switch(e[0]){case" ":case"	":return"space";case"#":return"comment";case"%":return"directive-line";case"*":return"alias";case"&":return"anchor";case"!":return"tag";case"\'":return"single-quoted-scalar";case\'"\':return"double-quoted-scalar";case"|":case">":return"block-scalar-header"}return null}Ce.createScalarToken=Bu.createScalarToken;Ce.resolveAsScalar=Bu.resolveAsScalar;Ce.setScalarValue=Bu.setScalarValue;Ce.stringify=BA.stringify;Ce.visit=ZA.visit;Ce.BOM=Zu;Ce.DOCUMENT=Vu;Ce.FLOW_END=Ku;Ce.SCALAR=Ju;Ce.isCollection=VA;Ce.isScalar=KA;Ce.prettyToken=JA;Ce.tokenType=GA});var Hu=b(Vb=>{"use strict";var Li=ra();function st(e){switch(e){case void 0:case" ":case`\n`:case"\\r":case"	":return!0;default:return!1}}var Zb=new Set("0123456789ABCDEFabcdef"),WA=new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*\'()"),na=new Set(",[]{}"),HA=new Set(` ,[]{}\n\\r	`),Gu=e=>!e||HA.has(e),Wu=class{constructor(){this.atEnd=!1,this.blockScalarIndent=-1,this.blockScalarKeep=!1,this.buffer="",this.flowKey=!1,this.flowLevel=0,this.indentNext=0,this.indentValue=0,this.lineEndPos=null,this.next=null,this.pos=0}*lex(t,r=!1){if(t){if(typeof t!="string")throw TypeError("source is not a string");this.buffer=this.buffer?this.buffer+t:t,this.lineEndPos=null}this.atEnd=!r;let n=this.next??"stream";for(;n&&(r||this.hasChars(1));)n=yield*this.parseNext(n)}atLineEnd(){let t=this.pos,r=this.buffer[t];for(;r===" "||r==="	";)r=this.buffer[++t];return!r||r==="#"||r===`\n`?!0:r==="\\r"?this.buffer[t+1]===`\n`:!1}charAt(t){return this.buffer[this.pos+t]}continueScalar(t){let r=this.buffer[t];if(this.indentNext>0){let n=0;for(;r===" ";)r=this.buffer[++n+t];if(r==="\\r"){let i=this.buffer[n+t+1];if(i===`\n`||!i&&!this.atEnd)return t+n+1}return r===`\n`||n>=this.indentNext||!r&&!this.atEnd?t+n:-1}if(r==="-"||r==="."){let n=this.buffer.substr(t,3);if((n==="---"||n==="...")&&st(this.buffer[t+3]))return-1}return t}getLine(){let t=this.lineEndPos;return(typeof t!="number"||t!==-1&&t<this.pos)&&(t=this.buffer.indexOf(`\n`,this.pos),this.lineEndPos=t),t===-1?this.atEnd?this.buffer.substring(this.pos):null:(this.buffer[t-1]==="\\r"&&(t-=1),this.buffer.substring(this.pos,t))}hasChars(t){return this.pos+t<=this.buffer.length}setNext(t){return this.buffer=this.buffer.substring(this.pos),this.pos=0,this.lineEndPos=null,this.next=t,null}peek(t){return this.buffer.substr(this.pos,t)}*parseNext(t){switch(t){case"stream":return yield*this.parseStream();case"line-start":return yield*this.parseLineStart();case"block-start":return yield*this.parseBlockStart();case"doc":return yield*this.parseDocument();case"flow":return yield*this.parseFlowCollection();case"quoted-scalar":return yield*this.parseQuotedScalar();case"block-scalar":return yield*this.parseBlockScalar();case"plain-scalar":return yield*this.parsePlainScalar()}}*parseStream(){let t=this.getLine();if(t===null)return this.setNext("stream");if(t[0]===Li.BOM&&(yield*this.pushCount(1),t=t.substring(1)),t[0]==="%"){let r=t.length,n=t.indexOf("#");for(;n!==-1;){let o=t[n-1];if(o===" "||o==="	"){r=n-1;break}else n=t.indexOf("#",n+1)}for(;;){let o=t[r-1];if(o===" "||o==="	")r-=1;else break}let i=(yield*this.pushCount(r))+(yield*this.pushSpaces(!0));return yield*this.pushCount(t.length-i),this.pushNewline(),"stream"}if(this.atLineEnd()){let r=yield*this.pushSpaces(!0);return yield*this.pushCount(t.length-r),yield*this.pushNewline(),"stream"}return yield Li.DOCUMENT,yield*this.parseLineStart()}*parseLineStart(){let t=this.charAt(0);if(!t&&!this.atEnd)return this.setNext("line-start");if(t==="-"||t==="."){if(!this.atEnd&&!this.hasChars(4))return this.setNext("line-start");let r=this.peek(3);if((r==="---"||r==="...")&&st(this.charAt(3)))return yield*this.pushCount(3),this.indentValue=0,this.indentNext=0,r==="---"?"doc":"stream"}return this.indentValue=yield*this.pushSpaces(!1),this.indentNext>this.indentValue&&!st(this.charAt(1))&&(this.indentNext=this.indentValue),yield*this.parseBlockStart()}*parseBlockStart(){let[t,r]=this.peek(2);if(!r&&!this.atEnd)return this.setNext("block-start");if((t==="-"||t==="?"||t===":")&&st(r)){let n=(yield*this.pushCount(1))+(yield*this.pushSpaces(!0));return this.indentNext=this.indentValue+1,this.indentValue+=n,yield*this.parseBlockStart()}return"doc"}*parseDocument(){yield*this.pushSpaces(!0);let t=this.getLine();if(t===null)return this.setNext("doc");let r=yield*this.pushIndicators();switch(t[r]){case"#":yield*this.pushCount(t.length-r);case void 0:return yield*this.pushNewline(),yield*this.parseLineStart();case"{":case"[":return yield*this.pushCount(1),this.flowKey=!1,this.flowLevel=1,"flow";case"}":case"]":return yield*this.pushCount(1),"doc";case"*":return yield*this.pushUntil(Gu),"doc";case\'"\':case"\'":return yield*this.parseQuotedScalar();case"|":case">":return r+=yield*this.parseBlockScalarHeader(),r+=yield*this.pushSpaces(!0),yield*this.pushCount(t.length-r),yield*this.pushNewline(),yield*this.parseBlockScalar();default:return yield*this.parsePlainScalar()}}*parseFlowCollection(){let t,r,n=-1;do t=yield*this.pushNewline(),t>0?(r=yield*this.pushSpaces(!1),this.indentValue=n=r):r=0,r+=yield*this.pushSpaces(!0);while(t+r>0);let i=this.getLine();if(i===null)return this.setNext("flow");if((n!==-1&&n<this.indentNext&&i[0]!=="#"||n===0&&(i.startsWith("---")||i.startsWith("..."))&&st(i[3]))&&!(n===this.indentNext-1&&this.flowLevel===1&&(i[0]==="]"||i[0]==="}")))return this.flowLevel=0,yield Li.FLOW_END,yield*this.parseLineStart();let o=0;for(;i[o]===",";)o+=yield*this.pushCount(1),o+=yield*this.pushSpaces(!0),this.flowKey=!1;switch(o+=yield*this.pushIndicators(),i[o]){case void 0:return"flow";case"#":return yield*this.pushCount(i.length-o),"flow";case"{":case"[":return yield*this.pushCount(1),this.flowKey=!1,this.flowLevel+=1,"flow";case"}":case"]":return yield*this.pushCount(1),this.flowKey=!0,this.flowLevel-=1,this.flowLevel?"flow":"doc";case"*":return yield*this.pushUntil(Gu),"flow";case\'"\':case"\'":return this.flowKey=!0,yield*this.parseQuotedScalar();case":":{let s=this.charAt(1);if(this.flowKey||st(s)||s===",")return this.flowKey=!1,yield*this.pushCount(1),yield*this.pushSpaces(!0),"flow"}default:return this.flowKey=!1,yield*this.parsePlainScalar()}}*parseQuotedScalar(){let t=this.charAt(0),r=this.buffer.indexOf(t,this.pos+1);if(t==="\'")for(;r!==-1&&this.buffer[r+1]==="\'";)r=this.buffer.indexOf("\'",r+2);else for(;r!==-1;){let o=0;for(;this.buffer[r-1-o]==="\\\\";)o+=1;if(o%2===0)break;r=this.buffer.indexOf(\'"\',r+1)}let n=this.buffer.substring(0,r),i=n.indexOf(`\n`,this.pos);if(i!==-1){for(;i!==-1;){let o=this.continueScalar(i+1);if(o===-1)break;i=n.indexOf(`\n`,o)}i!==-1&&(r=i-(n[i-1]==="\\r"?2:1))}if(r===-1){if(!this.atEnd)return this.setNext("quoted-scalar");r=this.buffer.length}return yield*this.pushToIndex(r+1,!1),this.flowLevel?"flow":"doc"}*parseBlockScalarHeader(){this.blockScalarIndent=-1,this.blockScalarKeep=!1;let t=this.pos;for(;;){let r=this.buffer[++t];if(r==="+")this.blockScalarKeep=!0;else if(r>"0"&&r<="9")this.blockScalarIndent=Number(r)-1;else if(r!=="-")break}return yield*this.pushUntil(r=>st(r)||r==="#")}*parseBlockScalar(){let t=this.pos-1,r=0,n;e:for(let o=this.pos;n=this.buffer[o];++o)switch(n){case" ":r+=1;break;case`\n`:t=o,r=0;break;case"\\r":{let s=this.buffer[o+1];if(!s&&!this.atEnd)return this.setNext("block-scalar");if(s===`\n`)break}default:break e}if(!n&&!this.atEnd)return this.setNext("block-scalar");if(r>=this.indentNext){this.blockScalarIndent===-1?this.indentNext=r:this.indentNext=this.blockScalarIndent+(this.indentNext===0?1:this.indentNext);do{let o=this.continueScalar(t+1);if(o===-1)break;t=this.buffer.indexOf(`\n`,o)}while(t!==-1);if(t===-1){if(!this.atEnd)return this.setNext("block-scalar");t=this.buffer.length}}let i=t+1;for(n=this.buffer[i];n===" ";)n=this.buffer[++i];if(n==="	"){for(;n==="	"||n===" "||n==="\\r"||n===`\n`;)n=this.buffer[++i];t=i-1}else if(!this.blockScalarKeep)do{let o=t-1,s=this.buffer[o];s==="\\r"&&(s=this.buffer[--o]);let a=o;for(;s===" ";)s=this.buffer[--o];if(s===`\n`&&o>=this.pos&&o+1+r>a)t=o;else break}while(!0);return yield Li.SCALAR,yield*this.pushToIndex(t+1,!0),yield*this.parseLineStart()}*parsePlainScalar(){let t=this.flowLevel>0,r=this.pos-1,n=this.pos-1,i;for(;i=this.buffer[++n];)if(i===":"){let o=this.buffer[n+1];if(st(o)||t&&na.has(o))break;r=n}else if(st(i)){let o=this.buffer[n+1];if(i==="\\r"&&(o===`\n`?(n+=1,i=`\n`,o=this.buffer[n+1]):r=n),o==="#"||t&&na.has(o))break;if(i===`\n`){let s=this.continueScalar(n+1);if(s===-1)break;n=Math.max(n,s-2)}}else{if(t&&na.has(i))break;r=n}return!i&&!this.atEnd?this.setNext("plain-scalar"):(yield Li.SCALAR,yield*this.pushToIndex(r+1,!0),t?"flow":"doc")}*pushCount(t){return t>0?(yield this.buffer.substr(this.pos,t),this.pos+=t,t):0}*pushToIndex(t,r){let n=this.buffer.slice(this.pos,t);return n?(yield n,this.pos+=n.length,n.length):(r&&(yield""),0)}*pushIndicators(){switch(this.charAt(0)){case"!":return(yield*this.pushTag())+(yield*this.pushSpaces(!0))+(yield*this.pushIndicators());case"&":return(yield*this.pushUntil(Gu))+(yield*this.pushSpaces(!0))+(yield*this.pushIndicators());case"-":case"?":case":":{let t=this.flowLevel>0,r=this.charAt(1);if(st(r)||t&&na.has(r))return t?this.flowKey&&(this.flowKey=!1):this.indentNext=this.indentValue+1,(yield*this.pushCount(1))+(yield*this.pushSpaces(!0))+(yield*this.pushIndicators())}}return 0}*pushTag(){if(this.charAt(1)==="<"){let t=this.pos+2,r=this.buffer[t];for(;!st(r)&&r!==">";)r=this.buffer[++t];return yield*this.pushToIndex(r===">"?t+1:t,!1)}else{let t=this.pos+1,r=this.buffer[t];for(;r;)if(WA.has(r))r=this.buffer[++t];else if(r==="%"&&Zb.has(this.buffer[t+1])&&Zb.has(this.buffer[t+2]))r=this.buffer[t+=3];else break;return yield*this.pushToIndex(t,!1)}}*pushNewline(){let t=this.buffer[this.pos];return t===`\n`?yield*this.pushCount(1):t==="\\r"&&this.charAt(1)===`\n`?yield*this.pushCount(2):0}*pushSpaces(t){let r=this.pos-1,n;do n=this.buffer[++r];while(n===" "||t&&n==="	");let i=r-this.pos;return i>0&&(yield this.buffer.substr(this.pos,i),this.pos=r),i}*pushUntil(t){let r=this.pos,n=this.buffer[r];for(;!t(n);)n=this.buffer[++r];return yield*this.pushToIndex(r,!1)}};Vb.Lexer=Wu});var Xu=b(Kb=>{"use strict";var Yu=class{constructor(){this.lineStarts=[],this.addNewLine=t=>this.lineStarts.push(t),this.linePos=t=>{let r=0,n=this.lineStarts.length;for(;r<n;){let o=r+n>>1;this.lineStarts[o]<t?r=o+1:n=o}if(this.lineStarts[r]===t)return{line:r+1,col:1};if(r===0)return{line:0,col:t};let i=this.lineStarts[r-1];return{line:r,col:t-i+1}}}};Kb.LineCounter=Yu});var ed=b(Yb=>{"use strict";var YA=require("process"),Jb=ra(),XA=Hu();function fr(e,t){for(let r=0;r<e.length;++r)if(e[r].type===t)return!0;return!1}function Gb(e){for(let t=0;t<e.length;++t)switch(e[t].type){case"space":case"comment":case"newline":break;default:return t}return-1}function Hb(e){switch(e?.type){case"alias":case"scalar":case"single-quoted-scalar":case"double-quoted-scalar":case"flow-collection":return!0;default:return!1}}function ia(e){switch(e.type){case"document":return e.start;case"block-map":{let t=e.items[e.items.length-1];return t.sep??t.start}case"block-seq":return e.items[e.items.length-1].start;default:return[]}}function In(e){if(e.length===0)return[];let t=e.length;e:for(;--t>=0;)switch(e[t].type){case"doc-start":case"explicit-key-ind":case"map-value-ind":case"seq-item-ind":case"newline":break e}for(;e[++t]?.type==="space";);return e.splice(t,e.length)}function Wb(e){if(e.start.type==="flow-seq-start")for(let t of e.items)t.sep&&!t.value&&!fr(t.start,"explicit-key-ind")&&!fr(t.sep,"map-value-ind")&&(t.key&&(t.value=t.key),delete t.key,Hb(t.value)?t.value.end?Array.prototype.push.apply(t.value.end,t.sep):t.value.end=t.sep:Array.prototype.push.apply(t.start,t.sep),delete t.sep)}var Qu=class{constructor(t){this.atNewLine=!0,this.atScalar=!1,this.indent=0,this.offset=0,this.onKeyLine=!1,this.stack=[],this.source="",this.type="",this.lexer=new XA.Lexer,this.onNewLine=t}*parse(t,r=!1){this.onNewLine&&this.offset===0&&this.onNewLine(0);for(let n of this.lexer.lex(t,r))yield*this.next(n);r||(yield*this.end())}*next(t){if(this.source=t,YA.env.LOG_TOKENS&&console.log("|",Jb.prettyToken(t)),this.atScalar){this.atScalar=!1,yield*this.step(),this.offset+=t.length;return}let r=Jb.tokenType(t);if(r)if(r==="scalar")this.atNewLine=!1,this.atScalar=!0,this.type="scalar";else{switch(this.type=r,yield*this.step(),r){case"newline":this.atNewLine=!0,this.indent=0,this.onNewLine&&this.onNewLine(this.offset+t.length);break;case"space":this.atNewLine&&t[0]===" "&&(this.indent+=t.length);break;case"explicit-key-ind":case"map-value-ind":case"seq-item-ind":this.atNewLine&&(this.indent+=t.length);break;case"doc-mode":case"flow-error-end":return;default:this.atNewLine=!1}this.offset+=t.length}else{let n=`Not a YAML token: ${t}`;yield*this.pop({type:"error",offset:this.offset,message:n,source:t}),this.offset+=t.length}}*end(){for(;this.stack.length>0;)yield*this.pop()}get sourceToken(){return{type:this.type,offset:this.offset,indent:this.indent,source:this.source}}*step(){let t=this.peek(1);if(this.type==="doc-end"&&(!t||t.type!=="doc-end")){for(;this.stack.length>0;)yield*this.pop();this.stack.push({type:"doc-end",offset:this.offset,source:this.source});return}if(!t)return yield*this.stream();switch(t.type){case"document":return yield*this.document(t);case"alias":case"scalar":case"single-quoted-scalar":case"double-quoted-scalar":return yield*this.scalar(t);case"block-scalar":return yield*this.blockScalar(t);case"block-map":return yield*this.blockMap(t);case"block-seq":return yield*this.blockSequence(t);case"flow-collection":return yield*this.flowCollection(t);case"doc-end":return yield*this.documentEnd(t)}yield*this.pop()}peek(t){return this.stack[this.stack.length-t]}*pop(t){let r=t??this.stack.pop();if(!r)yield{type:"error",offset:this.offset,source:"",message:"Tried to pop an empty stack"};else if(this.stack.length===0)yield r;else{let n=this.peek(1);switch(r.type==="block-scalar"?r.indent="indent"in n?n.indent:0:r.type==="flow-collection"&&n.type==="document"&&(r.indent=0),r.type==="flow-collection"&&Wb(r),n.type){case"document":n.value=r;break;case"block-scalar":n.props.push(r);break;case"block-map":{let i=n.items[n.items.length-1];if(i.value){n.items.push({start:[],key:r,sep:[]}),this.onKeyLine=!0;return}else if(i.sep)i.value=r;else{Object.assign(i,{key:r,sep:[]}),this.onKeyLine=!i.explicitKey;return}break}case"block-seq":{let i=n.items[n.items.length-1];i.value?n.items.push({start:[],value:r}):i.value=r;break}case"flow-collection":{let i=n.items[n.items.length-1];!i||i.value?n.items.push({start:[],key:r,sep:[]}):i.sep?i.value=r:Object.assign(i,{key:r,sep:[]});return}default:yield*this.pop(),yield*this.pop(r)}if((n.type==="document"||n.type==="block-map"||n.type==="block-seq")&&(r.type==="block-map"||r.type==="block-seq")){let i=r.items[r.items.length-1];i&&!i.sep&&!i.value&&i.start.length>0&&Gb(i.start)===-1&&(r.indent===0||i.start.every(o=>o.type!=="comment"||o.indent<r.indent))&&(n.type==="document"?n.end=i.start:n.items.push({start:i.start}),r.items.splice(-1,1))}}}*stream(){switch(this.type){case"directive-line":yield{type:"directive",offset:this.offset,source:this.source};return;case"byte-order-mark":case"space":case"comment":case"newline":yield this.sourceToken;return;case"doc-mode":case"doc-start":{let t={type:"document",offset:this.offset,start:[]};this.type==="doc-start"&&t.start.push(this.sourceToken),this.stack.push(t);return}}yield{type:"error",offset:this.offset,message:`Unexpected ${this.type} token in YAML stream`,source:this.source}}*document(t){if(t.value)return yield*this.lineEnd(t);switch(this.type){case"doc-start":{Gb(t.start)!==-1?(yield*this.pop(),yield*this.step()):t.start.push(this.sourceToken);return}case"anchor":case"tag":case"space":case"comment":case"newline":t.start.push(this.sourceToken);return}let r=this.startBlockValue(t);r?this.stack.push(r):yield{type:"error",offset:this.offset,message:`Unexpected ${this.type} token in YAML document`,source:this.source}}*scalar(t){if(this.type==="map-value-ind"){let r=ia(this.peek(2)),n=In(r),i;t.end?(i=t.end,i.push(this.sourceToken),delete t.end):i=[this.sourceToken];let o={type:"block-map",offset:t.offset,indent:t.indent,items:[{start:n,key:t,sep:i}]};this.onKeyLine=!0,this.stack[this.stack.length-1]=o}else yield*this.lineEnd(t)}*blockScalar(t){switch(this.type){case"space":case"comment":case"newline":t.props.push(this.sourceToken);return;case"scalar":if(t.source=this.source,this.atNewLine=!0,this.indent=0,this.onNewLine){let r=this.source.indexOf(`\n`)+1;for(;r!==0;)this.onNewLine(this.offset+r),r=this.source.indexOf(`\n`,r)+1}yield*this.pop();break;default:yield*this.pop(),yield*this.step()}}*blockMap(t){let r=t.items[t.items.length-1];switch(this.type){case"newline":if(this.onKeyLine=!1,r.value){let n="end"in r.value?r.value.end:void 0;(Array.isArray(n)?n[n.length-1]:void 0)?.type==="comment"?n?.push(this.sourceToken):t.items.push({start:[this.sourceToken]})}else r.sep?r.sep.push(this.sourceToken):r.start.push(this.sourceToken);return;case"space":case"comment":if(r.value)t.items.push({start:[this.sourceToken]});else if(r.sep)r.sep.push(this.sourceToken);else{if(this.atIndentedComment(r.start,t.indent)){let i=t.items[t.items.length-2]?.value?.end;if(Array.isArray(i)){Array.prototype.push.apply(i,r.start),i.push(this.sourceToken),t.items.pop();return}}r.start.push(this.sourceToken)}return}if(this.indent>=t.indent){let n=!this.onKeyLine&&this.indent===t.indent,i=n&&(r.sep||r.explicitKey)&&this.type!=="seq-item-ind",o=[];if(i&&r.sep&&!r.value){let s=[];for(let a=0;a<r.sep.length;++a){let c=r.sep[a];switch(c.type){case"newline":s.push(a);break;case"space":break;case"comment":c.indent>t.indent&&(s.length=0);break;default:s.length=0}}s.length>=2&&(o=r.sep.splice(s[1]))}switch(this.type){case"anchor":case"tag":i||r.value?(o.push(this.sourceToken),t.items.push({start:o}),this.onKeyLine=!0):r.sep?r.sep.push(this.sourceToken):r.start.push(this.sourceToken);return;case"explicit-key-ind":!r.sep&&!r.explicitKey?(r.start.push(this.sourceToken),r.explicitKey=!0):i||r.value?(o.push(this.sourceToken),t.items.push({start:o,explicitKey:!0})):this.stack.push({type:"block-map",offset:this.offset,indent:this.indent,items:[{start:[this.sourceToken],explicitKey:!0}]}),this.onKeyLine=!0;return;case"map-value-ind":if(r.explicitKey)if(r.sep)if(r.value)t.items.push({start:[],key:null,sep:[this.sourceToken]});else if(fr(r.sep,"map-value-ind"))this.stack.push({type:"block-map",offset:this.offset,indent:this.indent,items:[{start:o,key:null,sep:[this.sourceToken]}]});else if(Hb(r.key)&&!fr(r.sep,"newline")){let s=In(r.start),a=r.key,c=r.sep;c.push(this.sourceToken),delete r.key,delete r.sep,this.stack.push({type:"block-map",offset:this.offset,indent:this.indent,items:[{start:s,key:a,sep:c}]})}else o.length>0?r.sep=r.sep.concat(o,this.sourceToken):r.sep.push(this.sourceToken);else if(fr(r.start,"newline"))Object.assign(r,{key:null,sep:[this.sourceToken]});else{let s=In(r.start);this.stack.push({type:"block-map",offset:this.offset,indent:this.indent,items:[{start:s,key:null,sep:[this.sourceToken]}]})}else r.sep?r.value||i?t.items.push({start:o,key:null,sep:[this.sourceToken]}):fr(r.sep,"map-value-ind")?this.stack.push({type:"block-map",offset:this.offset,indent:this.indent,items:[{start:[],key:null,sep:[this.sourceToken]}]}):r.sep.push(this.sourceToken):Object.assign(r,{key:null,sep:[this.sourceToken]});this.onKeyLine=!0;return;case"alias":case"scalar":case"single-quoted-scalar":case"double-quoted-scalar":{let s=this.flowScalar(this.type);i||r.value?(t.items.push({start:o,key:s,sep:[]}),this.onKeyLine=!0):r.sep?this.stack.push(s):(Object.assign(r,{key:s,sep:[]}),this.onKeyLine=!0);return}default:{let s=this.startBlockValue(t);if(s){if(s.type==="block-seq"){if(!r.explicitKey&&r.sep&&!fr(r.sep,"newline")){yield*this.pop({type:"error",offset:this.offset,message:"Unexpected block-seq-ind on same line with key",source:this.source});return}}else n&&t.items.push({start:o});this.stack.push(s);return}}}}yield*this.pop(),yield*this.step()}*blockSequence(t){let r=t.items[t.items.length-1];switch(this.type){case"newline":if(r.value){let n="end"in r.value?r.value.end:void 0;(Array.isArray(n)?n[n.length-1]:void 0)?.type==="comment"?n?.push(this.sourceToken):t.items.push({start:[this.sourceToken]})}else r.start.push(this.sourceToken);return;case"space":case"comment":if(r.value)t.items.push({start:[this.sourceToken]});else{if(this.atIndentedComment(r.start,t.indent)){let i=t.items[t.items.length-2]?.value?.end;if(Array.isArray(i)){Array.prototype.push.apply(i,r.start),i.push(this.sourceToken),t.items.pop();return}}r.start.push(this.sourceToken)}return;case"anchor":case"tag":if(r.value||this.indent<=t.indent)break;r.start.push(this.sourceToken);return;case"seq-item-ind":if(this.indent!==t.indent)break;r.value||fr(r.start,"seq-item-ind")?t.items.push({start:[this.sourceToken]}):r.start.push(this.sourceToken);return}if(this.indent>t.indent){let n=this.startBlockValue(t);if(n){this.stack.push(n);return}}yield*this.pop(),yield*this.step()}*flowCollection(t){let r=t.items[t.items.length-1];if(this.type==="flow-error-end"){let n;do yield*this.pop(),n=this.peek(1);while(n&&n.type==="flow-collection")}else if(t.end.length===0){switch(this.type){case"comma":case"explicit-key-ind":!r||r.sep?t.items.push({start:[this.sourceToken]}):r.start.push(this.sourceToken);return;case"map-value-ind":!r||r.value?t.items.push({start:[],key:null,sep:[this.sourceToken]}):r.sep?r.sep.push(this.sourceToken):Object.assign(r,{key:null,sep:[this.sourceToken]});return;case"space":case"comment":case"newline":case"anchor":case"tag":!r||r.value?t.items.push({start:[this.sourceToken]}):r.sep?r.sep.push(this.sourceToken):r.start.push(this.sourceToken);return;case"alias":case"scalar":case"single-quoted-scalar":case"double-quoted-scalar":{let i=this.flowScalar(this.type);!r||r.value?t.items.push({start:[],key:i,sep:[]}):r.sep?this.stack.push(i):Object.assign(r,{key:i,sep:[]});return}case"flow-map-end":case"flow-seq-end":t.end.push(this.sourceToken);return}let n=this.startBlockValue(t);n?this.stack.push(n):(yield*this.pop(),yield*this.step())}else{let n=this.peek(2);if(n.type==="block-map"&&(this.type==="map-value-ind"&&n.indent===t.indent||this.type==="newline"&&!n.items[n.items.length-1].sep))yield*this.pop(),yield*this.step();else if(this.type==="map-value-ind"&&n.type!=="flow-collection"){let i=ia(n),o=In(i);Wb(t);let s=t.end.splice(1,t.end.length);s.push(this.sourceToken);let a={type:"block-map",offset:t.offset,indent:t.indent,items:[{start:o,key:t,sep:s}]};this.onKeyLine=!0,this.stack[this.stack.length-1]=a}else yield*this.lineEnd(t)}}flowScalar(t){if(this.onNewLine){let r=this.source.indexOf(`\n`)+1;for(;r!==0;)this.onNewLine(this.offset+r),r=this.source.indexOf(`\n`,r)+1}return{type:t,offset:this.offset,indent:this.indent,source:this.source}}startBlockValue(t){switch(this.type){case"alias":case"scalar":case"single-quoted-scalar":case"double-quoted-scalar":return this.flowScalar(this.type);case"block-scalar-header":return{type:"block-scalar",offset:this.offset,indent:this.indent,props:[this.sourceToken],source:""};case"flow-map-start":case"flow-seq-start":return{type:"flow-collection",offset:this.offset,indent:this.indent,start:this.sourceToken,items:[],end:[]};case"seq-item-ind":return{type:"block-seq",offset:this.offset,indent:this.indent,items:[{start:[this.sourceToken]}]};case"explicit-key-ind":{this.onKeyLine=!0;let r=ia(t),n=In(r);return n.push(this.sourceToken),{type:"block-map",offset:this.offset,indent:this.indent,items:[{start:n,explicitKey:!0}]}}case"map-value-ind":{this.onKeyLine=!0;let r=ia(t),n=In(r);return{type:"block-map",offset:this.offset,indent:this.indent,items:[{start:n,key:null,sep:[this.sourceToken]}]}}}return null}atIndentedComment(t,r){return this.type!=="comment"||this.indent<=r?!1:t.every(n=>n.type==="newline"||n.type==="space")}*documentEnd(t){this.type!=="doc-mode"&&(t.end?t.end.push(this.sourceToken):t.end=[this.sourceToken],this.type==="newline"&&(yield*this.pop()))}*lineEnd(t){switch(this.type){case"comma":case"doc-start":case"doc-end":case"flow-seq-end":case"flow-map-end":case"map-value-ind":yield*this.pop(),yield*this.step();break;case"newline":this.onKeyLine=!1;case"space":case"comment":default:t.end?t.end.push(this.sourceToken):t.end=[this.sourceToken],this.type==="newline"&&(yield*this.pop())}}};Yb.Parser=Qu});var rw=b(qi=>{"use strict";var Xb=Uu(),QA=Ai(),Ui=Ri(),eC=Ml(),tC=L(),rC=Xu(),Qb=ed();function ew(e){let t=e.prettyErrors!==!1;return{lineCounter:e.lineCounter||t&&new rC.LineCounter||null,prettyErrors:t}}function nC(e,t={}){let{lineCounter:r,prettyErrors:n}=ew(t),i=new Qb.Parser(r?.addNewLine),o=new Xb.Composer(t),s=Array.from(o.compose(i.parse(e)));if(n&&r)for(let a of s)a.errors.forEach(Ui.prettifyError(e,r)),a.warnings.forEach(Ui.prettifyError(e,r));return s.length>0?s:Object.assign([],{empty:!0},o.streamInfo())}function tw(e,t={}){let{lineCounter:r,prettyErrors:n}=ew(t),i=new Qb.Parser(r?.addNewLine),o=new Xb.Composer(t),s=null;for(let a of o.compose(i.parse(e),!0,e.length))if(!s)s=a;else if(s.options.logLevel!=="silent"){s.errors.push(new Ui.YAMLParseError(a.range.slice(0,2),"MULTIPLE_DOCS","Source contains multiple documents; please use YAML.parseAllDocuments()"));break}return n&&r&&(s.errors.forEach(Ui.prettifyError(e,r)),s.warnings.forEach(Ui.prettifyError(e,r))),s}function iC(e,t,r){let n;typeof t=="function"?n=t:r===void 0&&t&&typeof t=="object"&&(r=t);let i=tw(e,r);if(!i)return null;if(i.warnings.forEach(o=>eC.warn(i.options.logLevel,o)),i.errors.length>0){if(i.options.logLevel!=="silent")throw i.errors[0];i.errors=[]}return i.toJS(Object.assign({reviver:n},r))}function oC(e,t,r){let n=null;if(typeof t=="function"||Array.isArray(t)?n=t:r===void 0&&t&&(r=t),typeof r=="string"&&(r=r.length),typeof r=="number"){let i=Math.round(r);r=i<1?void 0:i>8?{indent:8}:{indent:i}}if(e===void 0){let{keepUndefined:i}=r??t??{};if(!i)return}return tC.isDocument(e)&&!n?e.toString(r):new QA.Document(e,n,r).toString(r)}qi.parse=iC;qi.parseAllDocuments=nC;qi.parseDocument=tw;qi.stringify=oC});var rd=b(B=>{"use strict";var sC=Uu(),aC=Ai(),cC=wu(),td=Ri(),lC=hi(),pr=L(),uC=cr(),dC=ie(),fC=ur(),pC=dr(),mC=ra(),hC=Hu(),gC=Xu(),yC=ed(),oa=rw(),nw=di();B.Composer=sC.Composer;B.Document=aC.Document;B.Schema=cC.Schema;B.YAMLError=td.YAMLError;B.YAMLParseError=td.YAMLParseError;B.YAMLWarning=td.YAMLWarning;B.Alias=lC.Alias;B.isAlias=pr.isAlias;B.isCollection=pr.isCollection;B.isDocument=pr.isDocument;B.isMap=pr.isMap;B.isNode=pr.isNode;B.isPair=pr.isPair;B.isScalar=pr.isScalar;B.isSeq=pr.isSeq;B.Pair=uC.Pair;B.Scalar=dC.Scalar;B.YAMLMap=fC.YAMLMap;B.YAMLSeq=pC.YAMLSeq;B.CST=mC;B.Lexer=hC.Lexer;B.LineCounter=gC.LineCounter;B.Parser=yC.Parser;B.parse=oa.parse;B.parseAllDocuments=oa.parseAllDocuments;B.parseDocument=oa.parseDocument;B.stringify=oa.stringify;B.visit=nw.visit;B.visitAsync=nw.visitAsync});var _t=b($t=>{"use strict";$t.getValueAsString=function(t){return Number.isNaN(t)?"Nan":Number.isFinite(t)?`${t}`:t<0?"-Inf":"+Inf"};$t.removeLabels=function(t,r,n){let i=Ld(r,n);delete t[i]};$t.setValue=function(t,r,n){let i=Ld(n);return t[i]={value:typeof r=="number"?r:0,labels:n||{}},t};$t.setValueDelta=function(t,r,n,i=""){let o=typeof r=="number"?r:0;return t[i]?t[i].value+=o:t[i]={value:o,labels:n},t};$t.getLabels=function(e,t){if(typeof t[0]=="object")return t[0];if(e.length!==t.length)throw new Error(`Invalid number of arguments (${t.length}): "${t.join(", ")}" for label names (${e.length}): "${e.join(", ")}".`);let r={};for(let n=0;n<e.length;n++)r[e[n]]=t[n];return r};function y_(e,t){if(e.length===0)return"";let r="";for(let n=0;n<e.length;n++){let i=e[n],o=t[i];o!==void 0&&(r+=`${i}:${o},`)}return r}function Ld(e,t){if(t)return y_(t,e);let r=Object.keys(e);return r.length>1&&r.sort(),y_(r,e)}$t.hashObject=Ld;$t.isObject=function(t){return t!==null&&typeof t=="object"};$t.nowTimestamp=function(){return Date.now()/1e3};var Md=class extends Map{add(t,r){this.has(t)?this.get(t).push(r):this.set(t,[r])}};$t.Grouper=Md});var Tn=b((hW,Fd)=>{"use strict";var{getValueAsString:v_}=_t(),La=class e{static get PROMETHEUS_CONTENT_TYPE(){return"text/plain; version=0.0.4; charset=utf-8"}static get OPENMETRICS_CONTENT_TYPE(){return"application/openmetrics-text; version=1.0.0; charset=utf-8"}constructor(t=e.PROMETHEUS_CONTENT_TYPE){if(this._metrics={},this._collectors=[],this._defaultLabels={},t!==e.PROMETHEUS_CONTENT_TYPE&&t!==e.OPENMETRICS_CONTENT_TYPE)throw new TypeError(`Content type ${t} is unsupported`);this._contentType=t}getMetricsAsArray(){return Object.values(this._metrics)}async getMetricsAsString(t){let r=typeof t.getForPromString=="function"?await t.getForPromString():await t.get(),n=qd(r.name),i=`# HELP ${n} ${qd(r.help)}`,o=`# TYPE ${n} ${r.type}`,s=[i,o],a=Object.keys(this._defaultLabels).length>0?this._defaultLabels:null,c=this.contentType===e.OPENMETRICS_CONTENT_TYPE;for(let l of r.values||[]){let{metricName:u=n,labels:p={}}=l,{sharedLabels:f={}}=l;c&&r.type==="counter"&&(u=`${u}_total`),a&&(p={...p,...a,...p});let d=Ud(p,f),h=zD(f),m=[...d,h].filter(Boolean),g=m.length?`{${m.join(",")}}`:"",v=`${u}${g} ${v_(l.value)}`,{exemplar:y}=l;if(y&&c){let w=Ud(y.labelSet);v+=` # {${w.join(",")}} ${v_(y.value)} ${y.timestamp}`}s.push(v)}return s.join(`\n`)}async metrics(){let t=this.contentType===e.OPENMETRICS_CONTENT_TYPE,r=this.getMetricsAsArray().map(i=>(t&&i.type==="counter"&&(i.name=MD(i.name)),this.getMetricsAsString(i))),n=await Promise.all(r);return t?`${n.join(`\n`)}\n# EOF\n`:`${n.join(`\n\n`)}\n`}registerMetric(t){if(this._metrics[t.name]&&this._metrics[t.name]!==t)throw new Error(`A metric with the name ${t.name} has already been registered.`);this._metrics[t.name]=t}clear(){this._metrics={},this._defaultLabels={}}async getMetricsAsJSON(){let t=[],r=Object.keys(this._defaultLabels),n=[];for(let o of this.getMetricsAsArray())n.push(o.get());let i=await Promise.all(n);for(let o of i){if(o.values&&r.length>0)for(let s of o.values){s.labels=Object.assign({},s.labels);for(let a of r)s.labels[a]=s.labels[a]||this._defaultLabels[a]}t.push(o)}return t}removeSingleMetric(t){delete this._metrics[t]}getSingleMetricAsString(t){return this.getMetricsAsString(this._metrics[t])}getSingleMetric(t){return this._metrics[t]}setDefaultLabels(t){this._defaultLabels=t}resetMetrics(){for(let t in this._metrics)this._metrics[t].reset()}get contentType(){return this._contentType}setContentType(t){if(t===e.OPENMETRICS_CONTENT_TYPE||t===e.PROMETHEUS_CONTENT_TYPE)this._contentType=t;else throw new Error(`Content type ${t} is unsupported`)}static merge(t){let r=t[0].contentType;for(let o of t)if(o.contentType!==r)throw new Error("Registers can only be merged if they have the same content type");let n=new e(r);return t.reduce((o,s)=>o.concat(s.getMetricsAsArray()),[]).forEach(n.registerMetric,n),n}};function Ud(e,t){let{hasOwnProperty:r}=Object.prototype,n=[];for(let[i,o]of Object.entries(e))(!t||!r.call(t,i))&&n.push(`${i}="${jD(o)}"`);return n}var b_=new WeakMap;function zD(e){let t=b_.get(e);if(t)return t;let n=Ud(e).join(",");return b_.set(e,n),n}function jD(e){return typeof e!="string"?e:qd(e).replace(/"/g,\'\\\\"\')}function qd(e){return e.replace(/\\\\/g,"\\\\\\\\").replace(/\\n/g,"\\\\n")}function MD(e){return e.replace(/_total$/,"")}Fd.exports=La;Fd.exports.globalRegistry=new La});var Jr=b(Ua=>{"use strict";var LD=require("util"),UD=/^[a-zA-Z_:][a-zA-Z0-9_:]*$/,qD=/^[a-zA-Z_][a-zA-Z0-9_]*$/;Ua.validateMetricName=function(e){return UD.test(e)};Ua.validateLabelName=function(e=[]){return e.every(t=>qD.test(t))};Ua.validateLabel=function(t,r){for(let n in r)if(!t.includes(n))throw new Error(`Added label "${n}" is not included in initial labelset: ${LD.inspect(t)}`)}});var eo=b((yW,w_)=>{"use strict";var Bd=Tn(),{isObject:FD}=_t(),{validateMetricName:BD,validateLabelName:ZD}=Jr(),Zd=class{constructor(t,r={}){if(!FD(t))throw new TypeError("constructor expected a config object");if(Object.assign(this,{labelNames:[],registers:[Bd.globalRegistry],aggregator:"sum",enableExemplars:!1},r,t),this.registers||(this.registers=[Bd.globalRegistry]),!this.help)throw new Error("Missing mandatory help parameter");if(!this.name)throw new Error("Missing mandatory name parameter");if(!BD(this.name))throw new Error("Invalid metric name");if(!ZD(this.labelNames))throw new Error("Invalid label name");if(this.collect&&typeof this.collect!="function")throw new Error(\'Optional "collect" parameter must be a function\');this.labelNames?this.sortedLabelNames=[...this.labelNames].sort():this.sortedLabelNames=[],this.reset();for(let n of this.registers){if(this.enableExemplars&&n.contentType===Bd.PROMETHEUS_CONTENT_TYPE)throw new TypeError("Exemplars are supported only on OpenMetrics registries");n.registerMetric(this)}}reset(){}};w_.exports={Metric:Zd}});var Kd=b((vW,$_)=>{"use strict";var Vd=class{constructor(t={},r=null){this.labelSet=t,this.value=r}validateExemplarLabelSet(t){let r="";for(let[n,i]of Object.entries(t))r+=`${n}${i}`;if(r.length>128)throw new RangeError("Label set size must be smaller than 128 UTF-8 chars")}};$_.exports=Vd});var Gd=b((bW,I_)=>{"use strict";var VD=require("util"),{hashObject:KD,isObject:__,getLabels:S_,removeLabels:JD,nowTimestamp:GD}=_t(),{validateLabel:k_}=Jr(),{Metric:WD}=eo(),HD=Kd(),Jd=class extends WD{constructor(t){super(t),this.type="counter",this.defaultLabels={},this.defaultValue=1,this.defaultExemplarLabelSet={},t.enableExemplars?(this.enableExemplars=!0,this.inc=this.incWithExemplar):this.inc=this.incWithoutExemplar}incWithoutExemplar(t,r){let n="";if(__(t)?(n=KD(t,this.sortedLabelNames),k_(this.labelNames,t)):(r=t,t={}),r&&!Number.isFinite(r))throw new TypeError(`Value is not a valid number: ${VD.format(r)}`);if(r<0)throw new Error("It is not possible to decrease a counter");return r==null&&(r=1),x_(this.hashMap,r,t,n),{labelHash:n}}incWithExemplar({labels:t=this.defaultLabels,value:r=this.defaultValue,exemplarLabels:n=this.defaultExemplarLabelSet}={}){let i=this.incWithoutExemplar(t,r);this.updateExemplar(n,r,i.labelHash)}updateExemplar(t,r,n){t!==this.defaultExemplarLabelSet&&(__(this.hashMap[n].exemplar)||(this.hashMap[n].exemplar=new HD),this.hashMap[n].exemplar.validateExemplarLabelSet(t),this.hashMap[n].exemplar.labelSet=t,this.hashMap[n].exemplar.value=r||1,this.hashMap[n].exemplar.timestamp=GD())}reset(){this.hashMap={},this.labelNames.length===0&&x_(this.hashMap,0)}async get(){if(this.collect){let t=this.collect();t instanceof Promise&&await t}return{help:this.help,name:this.name,type:this.type,values:Object.values(this.hashMap),aggregator:this.aggregator}}labels(...t){let r=S_(this.labelNames,t)||{};return{inc:this.inc.bind(this,r)}}remove(...t){let r=S_(this.labelNames,t)||{};return k_(this.labelNames,r),JD.call(this,this.hashMap,r,this.sortedLabelNames)}};function x_(e,t,r={},n=""){return e[n]?e[n].value+=t:e[n]={value:t,labels:r},e}I_.exports=Jd});var De=b((wW,C_)=>{"use strict";var O_=require("util"),{setValue:P_,setValueDelta:YD,getLabels:E_,hashObject:T_,isObject:A_,removeLabels:XD}=_t(),{validateLabel:qa}=Jr(),{Metric:QD}=eo(),Yd=class extends QD{constructor(t){super(t),this.type="gauge"}set(t,r){r=Hd(t,r),t=Wd(t),eR(this,t,r)}reset(){this.hashMap={},this.labelNames.length===0&&P_(this.hashMap,0,{})}inc(t,r){r=Hd(t,r),t=Wd(t),r===void 0&&(r=1),N_(this,t,r)}dec(t,r){r=Hd(t,r),t=Wd(t),r===void 0&&(r=1),N_(this,t,-r)}setToCurrentTime(t){let r=Date.now()/1e3;t===void 0?this.set(r):this.set(t,r)}startTimer(t){let r=process.hrtime();return n=>{let i=process.hrtime(r),o=i[0]+i[1]/1e9;return this.set(Object.assign({},t,n),o),o}}async get(){if(this.collect){let t=this.collect();t instanceof Promise&&await t}return{help:this.help,name:this.name,type:this.type,values:Object.values(this.hashMap),aggregator:this.aggregator}}_getValue(t){let r=T_(t||{},this.sortedLabelNames);return this.hashMap[r]?this.hashMap[r].value:0}labels(...t){let r=E_(this.labelNames,t);return qa(this.labelNames,r),{inc:this.inc.bind(this,r),dec:this.dec.bind(this,r),set:this.set.bind(this,r),setToCurrentTime:this.setToCurrentTime.bind(this,r),startTimer:this.startTimer.bind(this,r)}}remove(...t){let r=E_(this.labelNames,t);qa(this.labelNames,r),XD.call(this,this.hashMap,r,this.sortedLabelNames)}};function eR(e,t,r){if(typeof r!="number")throw new TypeError(`Value is not a valid number: ${O_.format(r)}`);qa(e.labelNames,t),P_(e.hashMap,r,t)}function N_(e,t,r){if(typeof r!="number")throw new TypeError(`Delta is not a valid number: ${O_.format(r)}`);qa(e.labelNames,t);let n=T_(t,e.sortedLabelNames);YD(e.hashMap,r,t,n)}function Wd(e){return A_(e)?e:{}}function Hd(e,t){return A_(e)?t:e}C_.exports=Yd});var rf=b(($W,M_)=>{"use strict";var tR=require("util"),{getLabels:D_,hashObject:Fa,isObject:z_,removeLabels:rR,nowTimestamp:nR}=_t(),{validateLabel:Qd}=Jr(),{Metric:iR}=eo(),oR=Kd(),ef=class extends iR{constructor(t){super(t,{buckets:[.005,.01,.025,.05,.1,.25,.5,1,2.5,5,10]}),this.type="histogram",this.defaultLabels={},this.defaultExemplarLabelSet={},this.enableExemplars=!1;for(let r of this.labelNames)if(r==="le")throw new Error("le is a reserved label keyword");this.upperBounds=this.buckets,this.bucketValues=this.upperBounds.reduce((r,n)=>(r[n]=0,r),{}),t.enableExemplars?(this.enableExemplars=!0,this.bucketExemplars=this.upperBounds.reduce((r,n)=>(r[n]=null,r),{}),Object.freeze(this.bucketExemplars),this.observe=this.observeWithExemplar):this.observe=this.observeWithoutExemplar,Object.freeze(this.bucketValues),Object.freeze(this.upperBounds),this.labelNames.length===0&&(this.hashMap={[Fa({})]:tf({},this.bucketValues,this.bucketExemplars)})}observeWithoutExemplar(t,r){Xd.call(this,t===0?0:t||{})(r)}observeWithExemplar({labels:t=this.defaultLabels,value:r,exemplarLabels:n=this.defaultExemplarLabelSet}={}){Xd.call(this,t===0?0:t||{})(r),this.updateExemplar(t,r,n)}updateExemplar(t,r,n){if(Object.keys(n).length===0)return;let i=Fa(t,this.sortedLabelNames),o=j_(this.upperBounds,r),{bucketExemplars:s}=this.hashMap[i],a=s[o];z_(a)||(a=new oR,s[o]=a),a.validateExemplarLabelSet(n),a.labelSet=n,a.value=r,a.timestamp=nR()}async get(){let t=await this.getForPromString();return t.values=t.values.map(uR),t}async getForPromString(){if(this.collect){let n=this.collect();n instanceof Promise&&await n}let r=Object.values(this.hashMap).map(cR(this)).reduce(lR(this),[]);return{name:this.name,help:this.help,type:this.type,values:r,aggregator:this.aggregator}}reset(){this.hashMap={}}zero(t){let r=Fa(t,this.sortedLabelNames);this.hashMap[r]=tf(t,this.bucketValues,this.bucketExemplars)}startTimer(t,r){return this.enableExemplars?sR.call(this,t,r)():R_.call(this,t)()}labels(...t){let r=D_(this.labelNames,t);return Qd(this.labelNames,r),{observe:Xd.call(this,r),startTimer:R_.call(this,r)}}remove(...t){let r=D_(this.labelNames,t);Qd(this.labelNames,r),rR.call(this,this.hashMap,r,this.sortedLabelNames)}};function R_(e){return()=>{let t=process.hrtime();return r=>{let n=process.hrtime(t),i=n[0]+n[1]/1e9;return this.observe(Object.assign({},e,r),i),i}}}function sR(e,t){return()=>{let r=process.hrtime();return(n,i)=>{let o=process.hrtime(r),s=o[0]+o[1]/1e9;return this.observe({labels:Object.assign({},e,n),value:s,exemplarLabels:Object.assign({},t,i)}),s}}}function Ba(e,t,r,n,i={}){return{labels:e,sharedLabels:i,value:t,metricName:r,exemplar:n}}function j_(e,t){for(let r=0;r<e.length;r++){let n=e[r];if(t<=n)return n}return-1}function Xd(e){return t=>{let r=aR(e,t);if(Qd(this.labelNames,r.labels),!Number.isFinite(r.value))throw new TypeError(`Value is not a valid number: ${tR.format(r.value)}`);let n=Fa(r.labels,this.sortedLabelNames),i=this.hashMap[n];i||(i=tf(r.labels,this.bucketValues,this.bucketExemplars));let o=j_(this.upperBounds,r.value);i.sum+=r.value,i.count+=1,Object.prototype.hasOwnProperty.call(i.bucketValues,o)&&(i.bucketValues[o]+=1),this.hashMap[n]=i}}function tf(e,t,r){let n={labels:e,bucketValues:{...t},sum:0,count:0};return r&&(n.bucketExemplars={...r}),n}function aR(e,t){return z_(e)?{labels:e,value:t}:{value:e,labels:{}}}function cR(e){let t=`${e.name}_bucket`;return r=>{let n=0;return{buckets:e.upperBounds.map(o=>(n+=r.bucketValues[o],Ba({le:o},n,t,r.bucketExemplars?r.bucketExemplars[o]:null,r.labels))),data:r}}}function lR(e){return(t,r)=>{t.push(...r.buckets);let n={le:"+Inf"};return t.push(Ba(n,r.data.count,`${e.name}_bucket`,r.data.bucketExemplars?r.data.bucketExemplars[-1]:null,r.data.labels),Ba({},r.data.sum,`${e.name}_sum`,void 0,r.data.labels),Ba({},r.data.count,`${e.name}_count`,void 0,r.data.labels)),t}}function uR(e){let{sharedLabels:t,labels:r,...n}=e;for(let i of Object.keys(t))r[i]=t[i];return n.labels=r,n}M_.exports=ef});var nf=b((_W,L_)=>{function at(){}at.prototype.clear=function(){this._root=null,this.size=0};at.prototype.find=function(e){for(var t=this._root;t!==null;){var r=this._comparator(e,t.data);if(r===0)return t.data;t=t.get_child(r>0)}return null};at.prototype.findIter=function(e){for(var t=this._root,r=this.iterator();t!==null;){var n=this._comparator(e,t.data);if(n===0)return r._cursor=t,r;r._ancestors.push(t),t=t.get_child(n>0)}return null};at.prototype.lowerBound=function(e){for(var t=this._root,r=this.iterator(),n=this._comparator;t!==null;){var i=n(e,t.data);if(i===0)return r._cursor=t,r;r._ancestors.push(t),t=t.get_child(i>0)}for(var o=r._ancestors.length-1;o>=0;--o)if(t=r._ancestors[o],n(e,t.data)<0)return r._cursor=t,r._ancestors.length=o,r;return r._ancestors.length=0,r};at.prototype.upperBound=function(e){for(var t=this.lowerBound(e),r=this._comparator;t.data()!==null&&r(t.data(),e)===0;)t.next();return t};at.prototype.min=function(){var e=this._root;if(e===null)return null;for(;e.left!==null;)e=e.left;return e.data};at.prototype.max=function(){var e=this._root;if(e===null)return null;for(;e.right!==null;)e=e.right;return e.data};at.prototype.iterator=function(){return new An(this)};at.prototype.each=function(e){for(var t=this.iterator(),r;(r=t.next())!==null;)if(e(r)===!1)return};at.prototype.reach=function(e){for(var t=this.iterator(),r;(r=t.prev())!==null;)if(e(r)===!1)return};function An(e){this._tree=e,this._ancestors=[],this._cursor=null}An.prototype.data=function(){return this._cursor!==null?this._cursor.data:null};An.prototype.next=function(){if(this._cursor===null){var e=this._tree._root;e!==null&&this._minNode(e)}else if(this._cursor.right===null){var t;do if(t=this._cursor,this._ancestors.length)this._cursor=this._ancestors.pop();else{this._cursor=null;break}while(this._cursor.right===t)}else this._ancestors.push(this._cursor),this._minNode(this._cursor.right);return this._cursor!==null?this._cursor.data:null};An.prototype.prev=function(){if(this._cursor===null){var e=this._tree._root;e!==null&&this._maxNode(e)}else if(this._cursor.left===null){var t;do if(t=this._cursor,this._ancestors.length)this._cursor=this._ancestors.pop();else{this._cursor=null;break}while(this._cursor.left===t)}else this._ancestors.push(this._cursor),this._maxNode(this._cursor.left);return this._cursor!==null?this._cursor.data:null};An.prototype._minNode=function(e){for(;e.left!==null;)this._ancestors.push(e),e=e.left;this._cursor=e};An.prototype._maxNode=function(e){for(;e.right!==null;)this._ancestors.push(e),e=e.right;this._cursor=e};L_.exports=at});var F_=b((SW,q_)=>{var dR=nf();function Cn(e){this.data=e,this.left=null,this.right=null,this.red=!0}Cn.prototype.get_child=function(e){return e?this.right:this.left};Cn.prototype.set_child=function(e,t){e?this.right=t:this.left=t};function Za(e){this._root=null,this._comparator=e,this.size=0}Za.prototype=new dR;Za.prototype.insert=function(e){var t=!1;if(this._root===null)this._root=new Cn(e),t=!0,this.size++;else{var r=new Cn(void 0),n=0,i=0,o=null,s=r,a=null,c=this._root;for(s.right=this._root;;){if(c===null?(c=new Cn(e),a.set_child(n,c),t=!0,this.size++):Ke(c.left)&&Ke(c.right)&&(c.red=!0,c.left.red=!1,c.right.red=!1),Ke(c)&&Ke(a)){var l=s.right===o;c===a.get_child(i)?s.set_child(l,to(o,!i)):s.set_child(l,U_(o,!i))}var u=this._comparator(c.data,e);if(u===0)break;i=n,n=u<0,o!==null&&(s=o),o=a,a=c,c=c.get_child(n)}this._root=r.right}return this._root.red=!1,t};Za.prototype.remove=function(e){if(this._root===null)return!1;var t=new Cn(void 0),r=t;r.right=this._root;for(var n=null,i=null,o=null,s=1;r.get_child(s)!==null;){var a=s;i=n,n=r,r=r.get_child(s);var c=this._comparator(e,r.data);if(s=c>0,c===0&&(o=r),!Ke(r)&&!Ke(r.get_child(s))){if(Ke(r.get_child(!s))){var l=to(r,s);n.set_child(a,l),n=l}else if(!Ke(r.get_child(!s))){var u=n.get_child(!a);if(u!==null)if(!Ke(u.get_child(!a))&&!Ke(u.get_child(a)))n.red=!1,u.red=!0,r.red=!0;else{var p=i.right===n;Ke(u.get_child(a))?i.set_child(p,U_(n,a)):Ke(u.get_child(!a))&&i.set_child(p,to(n,a));var f=i.get_child(p);f.red=!0,r.red=!0,f.left.red=!1,f.right.red=!1}}}}return o!==null&&(o.data=r.data,n.set_child(n.right===r,r.get_child(r.left===null)),this.size--),this._root=t.right,this._root!==null&&(this._root.red=!1),o!==null};function Ke(e){return e!==null&&e.red}function to(e,t){var r=e.get_child(!t);return e.set_child(!t,r.get_child(t)),r.set_child(t,e),e.red=!0,r.red=!1,r}function U_(e,t){return e.set_child(!t,to(e.get_child(!t),!t)),to(e,t)}q_.exports=Za});var Z_=b((kW,B_)=>{var fR=nf();function ro(e){this.data=e,this.left=null,this.right=null}ro.prototype.get_child=function(e){return e?this.right:this.left};ro.prototype.set_child=function(e,t){e?this.right=t:this.left=t};function Va(e){this._root=null,this._comparator=e,this.size=0}Va.prototype=new fR;Va.prototype.insert=function(e){if(this._root===null)return this._root=new ro(e),this.size++,!0;for(var t=0,r=null,n=this._root;;){if(n===null)return n=new ro(e),r.set_child(t,n),ret=!0,this.size++,!0;if(this._comparator(n.data,e)===0)return!1;t=this._comparator(n.data,e)<0,r=n,n=n.get_child(t)}};Va.prototype.remove=function(e){if(this._root===null)return!1;var t=new ro(void 0),r=t;r.right=this._root;for(var n=null,i=null,o=1;r.get_child(o)!==null;){n=r,r=r.get_child(o);var s=this._comparator(e,r.data);o=s>0,s===0&&(i=r)}return i!==null?(i.data=r.data,n.set_child(n.right===r,r.get_child(r.left===null)),this._root=t.right,this.size--,!0):!1};B_.exports=Va});var K_=b((xW,V_)=>{V_.exports={RBTree:F_(),BinTree:Z_()}});var W_=b((IW,G_)=>{var pR=K_().RBTree;function W(e,t,r){this.discrete=e===!1,this.delta=e||.01,this.K=t===void 0?25:t,this.CX=r===void 0?1.1:r,this.centroids=new pR(J_),this.nreset=0,this.reset()}W.prototype.reset=function(){this.centroids.clear(),this.n=0,this.nreset+=1,this.last_cumulate=0};W.prototype.size=function(){return this.centroids.size};W.prototype.toArray=function(e){var t=[];return e?(this._cumulate(!0),this.centroids.each(function(r){t.push(r)})):this.centroids.each(function(r){t.push({mean:r.mean,n:r.n})}),t};W.prototype.summary=function(){var e=this.discrete?"exact ":"approximating ",t=[e+this.n+" samples using "+this.size()+" centroids","min = "+this.percentile(0),"Q1  = "+this.percentile(.25),"Q2  = "+this.percentile(.5),"Q3  = "+this.percentile(.75),"max = "+this.percentile(1)];return t.join(`\n`)};function J_(e,t){return e.mean>t.mean?1:e.mean<t.mean?-1:0}function mR(e,t){return e.mean_cumn-t.mean_cumn}W.prototype.push=function(e,t){t=t||1,e=Array.isArray(e)?e:[e];for(var r=0;r<e.length;r++)this._digest(e[r],t)};W.prototype.push_centroid=function(e){e=Array.isArray(e)?e:[e];for(var t=0;t<e.length;t++)this._digest(e[t].mean,e[t].n)};W.prototype._cumulate=function(e){if(!(this.n===this.last_cumulate||!e&&this.CX&&this.CX>this.n/this.last_cumulate)){var t=0;this.centroids.each(function(r){r.mean_cumn=t+r.n/2,t=r.cumn=t+r.n}),this.n=this.last_cumulate=t}};W.prototype.find_nearest=function(e){if(this.size()===0)return null;var t=this.centroids.lowerBound({mean:e}),r=t.data()===null?t.prev():t.data();if(r.mean===e||this.discrete)return r;var n=t.prev();return n&&Math.abs(n.mean-e)<Math.abs(r.mean-e)?n:r};W.prototype._new_centroid=function(e,t,r){var n={mean:e,n:t,cumn:r};return this.centroids.insert(n),this.n+=t,n};W.prototype._addweight=function(e,t,r){t!==e.mean&&(e.mean+=r*(t-e.mean)/(e.n+r)),e.cumn+=r,e.mean_cumn+=r/2,e.n+=r,this.n+=r};W.prototype._digest=function(e,t){var r=this.centroids.min(),n=this.centroids.max(),i=this.find_nearest(e);if(i&&i.mean===e)this._addweight(i,e,t);else if(i===r)this._new_centroid(e,t,0);else if(i===n)this._new_centroid(e,t,this.n);else if(this.discrete)this._new_centroid(e,t,i.cumn);else{var o=i.mean_cumn/this.n,s=Math.floor(4*this.n*this.delta*o*(1-o));s-i.n>=t?this._addweight(i,e,t):this._new_centroid(e,t,i.cumn)}this._cumulate(!1),!this.discrete&&this.K&&this.size()>this.K/this.delta&&this.compress()};W.prototype.bound_mean=function(e){var t=this.centroids.upperBound({mean:e}),r=t.prev(),n=r.mean===e?r:t.next();return[r,n]};W.prototype.p_rank=function(e){var t=Array.isArray(e)?e:[e],r=t.map(this._p_rank,this);return Array.isArray(e)?r:r[0]};W.prototype._p_rank=function(e){if(this.size()!==0){{if(e<this.centroids.min().mean)return 0;if(e>this.centroids.max().mean)return 1}this._cumulate(!0);var t=this.bound_mean(e),r=t[0],n=t[1];if(this.discrete)return r.cumn/this.n;var i=r.mean_cumn;return r!==n&&(i+=(e-r.mean)*(n.mean_cumn-r.mean_cumn)/(n.mean-r.mean)),i/this.n}};W.prototype.bound_mean_cumn=function(e){this.centroids._comparator=mR;var t=this.centroids.upperBound({mean_cumn:e});this.centroids._comparator=J_;var r=t.prev(),n=r&&r.mean_cumn===e?r:t.next();return[r,n]};W.prototype.percentile=function(e){var t=Array.isArray(e)?e:[e],r=t.map(this._percentile,this);return Array.isArray(e)?r:r[0]};W.prototype._percentile=function(e){if(this.size()!==0){this._cumulate(!0);var t=this.n*e,r=this.bound_mean_cumn(t),n=r[0],i=r[1];return i===n||n===null||i===null?(n||i).mean:this.discrete?t<=n.cumn?n.mean:i.mean:n.mean+(t-n.mean_cumn)*(i.mean-n.mean)/(i.mean_cumn-n.mean_cumn)}};function hR(e){var t=Math.floor(Math.random()*e.length);return e.splice(t,1)[0]}W.prototype.compress=function(){if(!this.compressing){var e=this.toArray();for(this.reset(),this.compressing=!0;e.length>0;)this.push_centroid(hR(e));this._cumulate(!0),this.compressing=!1}};function yr(e){this.config=e||{},this.mode=this.config.mode||"auto",W.call(this,this.mode==="cont"?e.delta:!1),this.digest_ratio=this.config.ratio||.9,this.digest_thresh=this.config.thresh||1e3,this.n_unique=0}yr.prototype=Object.create(W.prototype);yr.prototype.constructor=yr;yr.prototype.push=function(e){W.prototype.push.call(this,e),this.check_continuous()};yr.prototype._new_centroid=function(e,t,r){this.n_unique+=1,W.prototype._new_centroid.call(this,e,t,r)};yr.prototype._addweight=function(e,t,r){e.n===1&&(this.n_unique-=1),W.prototype._addweight.call(this,e,t,r)};yr.prototype.check_continuous=function(){return this.mode!=="auto"||this.size()<this.digest_thresh?!1:this.n_unique/this.size()>this.digest_ratio?(this.mode="cont",this.discrete=!1,this.delta=this.config.delta||.01,this.compress(),!0):!1};G_.exports={TDigest:W,Digest:yr}});var X_=b((EW,Y_)=>{"use strict";var{TDigest:H_}=W_(),sf=class{constructor(t,r){this.maxAgeSeconds=t||0,this.ageBuckets=r||0,this.shouldRotate=t&&r,this.ringBuffer=Array(r).fill(new H_),this.currentBuffer=0,this.lastRotateTimestampMillis=Date.now(),this.durationBetweenRotatesMillis=t*1e3/r||1/0}size(){return of.call(this).size()}percentile(t){return of.call(this).percentile(t)}push(t){of.call(this),this.ringBuffer.forEach(r=>{r.push(t)})}reset(){this.ringBuffer.forEach(t=>{t.reset()})}compress(){this.ringBuffer.forEach(t=>{t.compress()})}};function of(){let e=Date.now()-this.lastRotateTimestampMillis;for(;e>this.durationBetweenRotatesMillis&&this.shouldRotate;)this.ringBuffer[this.currentBuffer]=new H_,++this.currentBuffer>=this.ringBuffer.length&&(this.currentBuffer=0),e-=this.durationBetweenRotatesMillis,this.lastRotateTimestampMillis+=this.durationBetweenRotatesMillis;return this.ringBuffer[this.currentBuffer]}Y_.exports=sf});var oS=b((NW,iS)=>{"use strict";var gR=require("util"),{getLabels:Q_,hashObject:rS,removeLabels:yR}=_t(),{validateLabel:af}=Jr(),{Metric:vR}=eo(),nS=X_(),bR=1e3,cf=class extends vR{constructor(t){super(t,{percentiles:[.01,.05,.5,.9,.95,.99,.999],compressCount:bR,hashMap:{}}),this.type="summary";for(let r of this.labelNames)if(r==="quantile")throw new Error("quantile is a reserved label keyword");this.labelNames.length===0&&(this.hashMap={[rS({})]:{labels:{},td:new nS(this.maxAgeSeconds,this.ageBuckets),count:0,sum:0}})}observe(t,r){tS.call(this,t===0?0:t||{})(r)}async get(){if(this.collect){let n=this.collect();n instanceof Promise&&await n}let t=Object.keys(this.hashMap),r=[];return t.forEach(n=>{let i=this.hashMap[n];i&&(this.pruneAgedBuckets&&i.td.size()===0?delete this.hashMap[n]:(wR(i,this.percentiles).forEach(o=>{r.push(o)}),r.push(_R(i,this)),r.push($R(i,this))))}),{name:this.name,help:this.help,type:this.type,values:r,aggregator:this.aggregator}}reset(){Object.values(this.hashMap).forEach(r=>{r.td.reset(),r.count=0,r.sum=0})}startTimer(t){return eS.call(this,t)()}labels(...t){let r=Q_(this.labelNames,t);return af(this.labelNames,r),{observe:tS.call(this,r),startTimer:eS.call(this,r)}}remove(...t){let r=Q_(this.labelNames,t);af(this.labelNames,r),yR.call(this,this.hashMap,r,this.sortedLabelNames)}};function wR(e,t){return e.td.compress(),t.map(r=>{let n=e.td.percentile(r);return{labels:Object.assign({quantile:r},e.labels),value:n||0}})}function $R(e,t){return{metricName:`${t.name}_count`,labels:e.labels,value:e.count}}function _R(e,t){return{metricName:`${t.name}_sum`,labels:e.labels,value:e.sum}}function eS(e){return()=>{let t=process.hrtime();return r=>{let n=process.hrtime(t),i=n[0]+n[1]/1e9;return this.observe(Object.assign({},e,r),i),i}}}function tS(e){return t=>{let r=SR(e,t);if(af(this.labelNames,e),!Number.isFinite(r.value))throw new TypeError(`Value is not a valid number: ${gR.format(r.value)}`);let n=rS(r.labels,this.sortedLabelNames),i=this.hashMap[n];i||(i={labels:r.labels,td:new nS(this.maxAgeSeconds,this.ageBuckets),count:0,sum:0}),i.td.push(r.value),i.count++,i.count%this.compressCount===0&&i.td.compress(),i.sum+=r.value,this.hashMap[n]=i}}function SR(e,t){return t===void 0?{value:e,labels:{}}:{labels:e,value:t}}iS.exports=cf});var aS=b((OW,sS)=>{"use strict";var lf=require("url"),kR=require("http"),xR=require("https"),{gzipSync:IR}=require("zlib"),{globalRegistry:ER}=Tn(),df=class{constructor(t,r,n){n||(n=ER),this.registry=n,this.gatewayUrl=t;let{requireJobName:i,...o}={requireJobName:!0,...r};this.requireJobName=i,this.requestOptions=o}pushAdd(t={}){if(this.requireJobName&&!t.jobName)throw new Error("Missing jobName parameter");return uf.call(this,"POST",t.jobName,t.groupings)}push(t={}){if(this.requireJobName&&!t.jobName)throw new Error("Missing jobName parameter");return uf.call(this,"PUT",t.jobName,t.groupings)}delete(t={}){if(this.requireJobName&&!t.jobName)throw new Error("Missing jobName parameter");return uf.call(this,"DELETE",t.jobName,t.groupings)}};async function uf(e,t,r){let n=lf.parse(this.gatewayUrl),i=n.pathname&&n.pathname!=="/"?n.pathname:"",o=t?`/job/${encodeURIComponent(t)}${NR(r)}`:"",s=`${i}/metrics${o}`,a=lf.resolve(this.gatewayUrl,s),c=lf.parse(a),l=OR(c.href)?xR:kR,u=Object.assign(c,this.requestOptions,{method:e});return new Promise((p,f)=>{e==="DELETE"&&u.headers&&delete u.headers["Content-Encoding"];let d=l.request(u,h=>{let m="";h.setEncoding("utf8"),h.on("data",g=>{m+=g}),h.on("end",()=>{h.statusCode>=400?f(new Error(`push failed with status ${h.statusCode}, ${m}`)):p({resp:h,body:m})})});d.on("error",h=>{f(h)}),d.on("timeout",()=>{d.destroy(new Error("Pushgateway request timed out"))}),e!=="DELETE"?this.registry.metrics().then(h=>{u.headers&&u.headers["Content-Encoding"]==="gzip"&&(h=IR(h)),d.write(h),d.end()}).catch(h=>{f(h)}):d.end()})}function NR(e){return e?Object.keys(e).map(t=>`/${encodeURIComponent(t)}/${encodeURIComponent(e[t])}`).join(""):""}function OR(e){return e.search(/^https/)!==-1}sS.exports=df});var pf=b(ff=>{"use strict";ff.linearBuckets=(e,t,r)=>{if(r<1)throw new Error("Linear buckets needs a positive count");let n=new Array(r);for(let i=0;i<r;i++)n[i]=e+i*t;return n};ff.exponentialBuckets=(e,t,r)=>{if(e<=0)throw new Error("Exponential buckets needs a positive start");if(r<1)throw new Error("Exponential buckets needs a positive count");if(t<=1)throw new Error("Exponential buckets needs a factor greater than 1");let n=new Array(r);for(let i=0;i<r;i++)n[i]=e,e*=t;return n}});var Ka=b(cS=>{var PR=(function(e){return e[e.NONE=0]="NONE",e[e.ERROR=30]="ERROR",e[e.WARN=50]="WARN",e[e.INFO=60]="INFO",e[e.DEBUG=70]="DEBUG",e[e.VERBOSE=80]="VERBOSE",e[e.ALL=9999]="ALL",e})({});cS.DiagLogLevel=PR});var mf=b(lS=>{var TR="1.10.0";lS.VERSION=TR});var fS=b(hf=>{var AR=mf(),uS=/^(\\d+)\\.(\\d+)\\.(\\d+)(-(.+))?$/;function dS(e){let t=new Set([e]),r=new Set,n=e.match(uS);if(!n)return()=>!1;let i={major:+n[1],minor:+n[2],patch:+n[3],prerelease:n[4]};if(i.prerelease!=null)return function(c){return c===e};function o(a){return r.add(a),!1}function s(a){return t.add(a),!0}return function(c){if(t.has(c))return!0;if(r.has(c))return!1;let l=c.match(uS);if(!l)return o(c);let u={major:+l[1],minor:+l[2],patch:+l[3],prerelease:l[4]};return u.prerelease!=null||i.major!==u.major?o(c):i.major===0?i.minor===u.minor&&i.patch<=u.patch?s(c):o(c):i.minor<=u.minor?s(c):o(c)}}var CR=dS(AR.VERSION);hf._makeCompatibilityCheck=dS;hf.isCompatible=CR});var vr=b(Wa=>{var no=mf(),DR=fS(),RR=no.VERSION.split(".")[0],Ja=Symbol.for(`opentelemetry.js.api.${RR}`),Ga=typeof globalThis=="object"?globalThis:typeof self=="object"?self:typeof window=="object"?window:typeof global=="object"?global:{};function zR(){return Object.defineProperty({},"version",{value:no.VERSION,enumerable:!0,writable:!1,configurable:!1})}function jR(e,t,r,n=!1){var i;let o=Ga[Ja]=(i=Ga[Ja])!==null&&i!==void 0?i:zR();if(!n&&o[e]){let s=new Error(`@opentelemetry/api: Attempted duplicate registration of API: ${e}`);return r.error(s.stack||s.message),!1}if(o.version!=="1.10.0"){let s=new Error(`@opentelemetry/api: Registration of version v${o.version} for ${e} does not match previously registered API v${no.VERSION}`);return r.error(s.stack||s.message),!1}return o[e]=t,r.debug(`@opentelemetry/api: Registered a global for ${e} v${no.VERSION}.`),!0}var pS;function MR(e){let t=Ga[Ja];if(t!=null){if(t!==pS){if(!t.version||!DR.isCompatible(t.version))return;pS=t}return t[e]}}function LR(e,t){t.debug(`@opentelemetry/api: Unregistering a global for ${e} v${no.VERSION}.`);let r=Ga[Ja];r&&delete r[e]}Wa.getGlobal=MR;Wa.registerGlobal=jR;Wa.unregisterGlobal=LR});var hS=b(mS=>{var UR=vr(),qR=class{constructor(e){this._namespace=e.namespace||"DiagComponentLogger"}debug(...e){return io("debug",this._namespace,e)}error(...e){return io("error",this._namespace,e)}info(...e){return io("info",this._namespace,e)}warn(...e){return io("warn",this._namespace,e)}verbose(...e){return io("verbose",this._namespace,e)}};function io(e,t,r){let n=UR.getGlobal("diag");if(n)return n[e](t,...r)}mS.DiagComponentLogger=qR});var yS=b(gS=>{Ka();function FR(e,t){e<0?e=0:e>9999&&(e=9999),t=t||{};function r(n,i){let o=t[n];return typeof o=="function"&&e>=i?o.bind(t):function(){}}return{error:r("error",30),warn:r("warn",50),info:r("info",60),debug:r("debug",70),verbose:r("verbose",80)}}gS.createLogLevelDiagLogger=FR});var br=b(bS=>{var Ha=vr(),BR=hS();Ka();var ZR=yS(),VR="diag",KR=class vS{static instance(){return this._instance||(this._instance=new vS),this._instance}constructor(){function t(i){return function(...o){let s=Ha.getGlobal("diag");if(s)return s[i](...o)}}let r=this,n=(i,o={logLevel:60})=>{var s;if(i===r){var a;let p=new Error("Cannot use diag as the logger for itself. Please use a DiagLogger implementation like ConsoleDiagLogger or a custom implementation");return r.error((a=p.stack)!==null&&a!==void 0?a:p.message),!1}typeof o=="number"&&(o={logLevel:o});let c=Ha.getGlobal("diag"),l=ZR.createLogLevelDiagLogger((s=o.logLevel)!==null&&s!==void 0?s:60,i);if(c&&!o.suppressOverrideMessage){var u;let p=(u=new Error().stack)!==null&&u!==void 0?u:"<failed to generate stacktrace>";c.warn(`Current logger will be overwritten from ${p}`),l.warn(`Current logger will overwrite one already registered from ${p}`)}return Ha.registerGlobal("diag",l,r,!0)};r.setLogger=n,r.disable=()=>{Ha.unregisterGlobal(VR,r)},r.createComponentLogger=i=>new BR.DiagComponentLogger(i),r.verbose=t("verbose"),r.debug=t("debug"),r.info=t("info"),r.warn=t("warn"),r.error=t("error")}};bS.DiagAPI=KR});var $S=b(wS=>{var JR=class oo{constructor(t){this._entries=t?new Map(t):new Map}getEntry(t){let r=this._entries.get(t);if(r)return Object.assign({},r)}getAllEntries(){return Array.from(this._entries.entries())}setEntry(t,r){let n=new oo(this._entries);return n._entries.set(t,r),n}removeEntry(t){let r=new oo(this._entries);return r._entries.delete(t),r}removeEntries(...t){let r=new oo(this._entries);for(let n of t)r._entries.delete(n);return r}clear(){return new oo}};wS.BaggageImpl=JR});var SS=b(_S=>{var GR=Symbol("BaggageEntryMetadata");_S.baggageEntryMetadataSymbol=GR});var yf=b(gf=>{var WR=br(),HR=$S(),YR=SS(),XR=WR.DiagAPI.instance();function QR(e={}){return new HR.BaggageImpl(new Map(Object.entries(e)))}function ez(e){return typeof e!="string"&&(XR.error(`Cannot create baggage metadata from unknown type: ${typeof e}`),e=""),{__TYPE__:YR.baggageEntryMetadataSymbol,toString(){return e}}}gf.baggageEntryMetadataFromString=ez;gf.createBaggage=QR});var so=b(bf=>{function tz(e){return Symbol.for(e)}var rz=new class vf{constructor(t){let r=this;r._currentContext=t?new Map(t):new Map,r.getValue=n=>r._currentContext.get(n),r.setValue=(n,i)=>{let o=new vf(r._currentContext);return o._currentContext.set(n,i),o},r.deleteValue=n=>{let i=new vf(r._currentContext);return i._currentContext.delete(n),i}}};bf.ROOT_CONTEXT=rz;bf.createContextKey=tz});var kS=b($f=>{var wf=[{n:"error",c:"error"},{n:"warn",c:"warn"},{n:"info",c:"info"},{n:"debug",c:"debug"},{n:"verbose",c:"trace"}],Ya={};if(typeof console<"u")for(let e of["error","warn","info","debug","trace","log"])typeof console[e]=="function"&&(Ya[e]=console[e]);var nz=class{constructor(){function e(t){return function(...r){let n=Ya[t];if(typeof n!="function"&&(n=Ya.log),typeof n!="function"&&console&&(n=console[t],typeof n!="function"&&(n=console.log)),typeof n=="function")return n.apply(console,r)}}for(let t=0;t<wf.length;t++)this[wf[t].n]=e(wf[t].c)}};$f.DiagConsoleLogger=nz;$f._originalConsoleMethods=Ya});var _f=b(oe=>{var xS=class{constructor(){}createGauge(e,t){return RS}createHistogram(e,t){return zS}createCounter(e,t){return DS}createUpDownCounter(e,t){return jS}createObservableGauge(e,t){return LS}createObservableCounter(e,t){return MS}createObservableUpDownCounter(e,t){return US}addBatchObservableCallback(e,t){}removeBatchObservableCallback(e){}},ao=class{},IS=class extends ao{add(e,t){}},ES=class extends ao{add(e,t){}},NS=class extends ao{record(e,t){}},OS=class extends ao{record(e,t){}},Xa=class{addCallback(e){}removeCallback(e){}},PS=class extends Xa{},TS=class extends Xa{},AS=class extends Xa{},CS=new xS,DS=new IS,RS=new NS,zS=new OS,jS=new ES,MS=new PS,LS=new TS,US=new AS;function iz(){return CS}oe.NOOP_COUNTER_METRIC=DS;oe.NOOP_GAUGE_METRIC=RS;oe.NOOP_HISTOGRAM_METRIC=zS;oe.NOOP_METER=CS;oe.NOOP_OBSERVABLE_COUNTER_METRIC=MS;oe.NOOP_OBSERVABLE_GAUGE_METRIC=LS;oe.NOOP_OBSERVABLE_UP_DOWN_COUNTER_METRIC=US;oe.NOOP_UP_DOWN_COUNTER_METRIC=jS;oe.NoopCounterMetric=IS;oe.NoopGaugeMetric=NS;oe.NoopHistogramMetric=OS;oe.NoopMeter=xS;oe.NoopMetric=ao;oe.NoopObservableCounterMetric=PS;oe.NoopObservableGaugeMetric=TS;oe.NoopObservableMetric=Xa;oe.NoopObservableUpDownCounterMetric=AS;oe.NoopUpDownCounterMetric=ES;oe.createNoopMeter=iz});var FS=b(qS=>{var oz=(function(e){return e[e.INT=0]="INT",e[e.DOUBLE=1]="DOUBLE",e})({});qS.ValueType=oz});var ec=b(Qa=>{var BS=class{emit(e){}enabled(){return!1}},ZS=new BS;function sz(){return ZS}Qa.NOOP_LOGGER=ZS;Qa.NoopLogger=BS;Qa.createNoopLogger=sz});var KS=b(VS=>{var az=(function(e){return e[e.UNSPECIFIED=0]="UNSPECIFIED",e[e.TRACE=1]="TRACE",e[e.TRACE2=2]="TRACE2",e[e.TRACE3=3]="TRACE3",e[e.TRACE4=4]="TRACE4",e[e.DEBUG=5]="DEBUG",e[e.DEBUG2=6]="DEBUG2",e[e.DEBUG3=7]="DEBUG3",e[e.DEBUG4=8]="DEBUG4",e[e.INFO=9]="INFO",e[e.INFO2=10]="INFO2",e[e.INFO3=11]="INFO3",e[e.INFO4=12]="INFO4",e[e.WARN=13]="WARN",e[e.WARN2=14]="WARN2",e[e.WARN3=15]="WARN3",e[e.WARN4=16]="WARN4",e[e.ERROR=17]="ERROR",e[e.ERROR2=18]="ERROR2",e[e.ERROR3=19]="ERROR3",e[e.ERROR4=20]="ERROR4",e[e.FATAL=21]="FATAL",e[e.FATAL2=22]="FATAL2",e[e.FATAL3=23]="FATAL3",e[e.FATAL4=24]="FATAL4",e})({});VS.SeverityNumber=az});var kf=b(Sf=>{var cz={get(e,t){if(e!=null)return e[t]},keys(e){return e==null?[]:Object.keys(e)}},lz={set(e,t,r){e!=null&&(e[t]=r)}};Sf.defaultTextMapGetter=cz;Sf.defaultTextMapSetter=lz});var xf=b(JS=>{var uz=(function(e){return e[e.NONE=0]="NONE",e[e.SAMPLED=1]="SAMPLED",e})({});JS.TraceFlags=uz});var rc=b(tc=>{xf();var GS="0000000000000000",WS="00000000000000000000000000000000",dz={traceId:WS,spanId:GS,traceFlags:0};tc.INVALID_SPANID=GS;tc.INVALID_SPAN_CONTEXT=dz;tc.INVALID_TRACEID=WS});var nc=b(HS=>{var fz=rc(),pz=class{constructor(e=fz.INVALID_SPAN_CONTEXT){this._spanContext=e}spanContext(){return this._spanContext}setAttribute(e,t){return this}setAttributes(e){return this}addEvent(e,t){return this}addLink(e){return this}addLinks(e){return this}setStatus(e){return this}updateName(e){return this}end(e){}isRecording(){return!1}recordException(e,t){}};HS.NonRecordingSpan=pz});var oc=b(co=>{rc();var mz=nc(),ic=new Uint8Array([0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1]);function YS(e,t){if(typeof e!="string"||e.length!==t)return!1;let r=0;for(let n=0;n<e.length;n+=4)r+=(ic[e.charCodeAt(n)]|0)+(ic[e.charCodeAt(n+1)]|0)+(ic[e.charCodeAt(n+2)]|0)+(ic[e.charCodeAt(n+3)]|0);return r===t}function XS(e){return YS(e,32)&&e!=="00000000000000000000000000000000"}function QS(e){return YS(e,16)&&e!=="0000000000000000"}function hz(e){return XS(e.traceId)&&QS(e.spanId)}function gz(e){return new mz.NonRecordingSpan(e)}co.isSpanContextValid=hz;co.isValidSpanId=QS;co.isValidTraceId=XS;co.wrapSpanContext=gz});var tk=b(ek=>{var yz=so(),vz=class{active(){return yz.ROOT_CONTEXT}with(e,t,r,...n){return t.call(r,...n)}bind(e,t){return t}enable(){return this}disable(){return this}attach(e){return{dispose(){}}}};ek.NoopContextManager=vz});var lo=b(nk=>{var If=vr(),Ef=br(),bz=tk(),Nf="context",wz=new bz.NoopContextManager,$z=Object.freeze({dispose:()=>{}}),_z=class rk{constructor(){this._attachUnsupportedWarned=!1}static getInstance(){return this._instance||(this._instance=new rk),this._instance}setGlobalContextManager(t){return If.registerGlobal(Nf,t,Ef.DiagAPI.instance())}active(){return this._getContextManager().active()}with(t,r,n,...i){return this._getContextManager().with(t,r,n,...i)}bind(t,r){return this._getContextManager().bind(t,r)}attach(t){let r=this._getContextManager();return r.attach?r.attach(t):(this._attachUnsupportedWarned||(this._attachUnsupportedWarned=!0,Ef.DiagAPI.instance().warn("The current ContextManager does not implement attach(). The context will not be attached. Use a ContextManager that supports attach() (e.g. AsyncLocalStorageContextManager) or use with()/bind() instead.")),$z)}_getContextManager(){return If.getGlobal(Nf)||wz}disable(){this._getContextManager().disable(),If.unregisterGlobal(Nf,Ef.DiagAPI.instance())}};nk.ContextAPI=_z});var Tf=b(Gr=>{var Sz=so(),kz=lo(),xz=nc(),Of=Sz.createContextKey("OpenTelemetry Context Key SPAN");function Pf(e){return e.getValue(Of)||void 0}function Iz(){return Pf(kz.ContextAPI.getInstance().active())}function ik(e,t){return e.setValue(Of,t)}function Ez(e){return e.deleteValue(Of)}function Nz(e,t){return ik(e,new xz.NonRecordingSpan(t))}function Oz(e){var t;return(t=Pf(e))===null||t===void 0?void 0:t.spanContext()}Gr.deleteSpan=Ez;Gr.getActiveSpan=Iz;Gr.getSpan=Pf;Gr.getSpanContext=Oz;Gr.setSpan=ik;Gr.setSpanContext=Nz});var Df=b(sk=>{var Pz=lo(),Af=nc(),ok=Tf(),Tz=oc(),Cf=Pz.ContextAPI.getInstance(),Az=class{startSpan(e,t,r=Cf.active()){if(t?.root)return new Af.NonRecordingSpan;let n=r&&ok.getSpanContext(r);return Cz(n)&&Tz.isSpanContextValid(n)?new Af.NonRecordingSpan(n):new Af.NonRecordingSpan}startActiveSpan(e,t,r,n){var i;let o,s,a;if(arguments.length<2)return;arguments.length===2?a=t:arguments.length===3?(o=t,a=r):(o=t,s=r,a=n);let c=(i=s)!==null&&i!==void 0?i:Cf.active(),l=this.startSpan(e,o,c),u=ok.setSpan(c,l);return Cf.with(u,a,void 0,l)}};function Cz(e){return e!==null&&typeof e=="object"&&"spanId"in e&&typeof e.spanId=="string"&&"traceId"in e&&typeof e.traceId=="string"&&"traceFlags"in e&&typeof e.traceFlags=="number"}sk.NoopTracer=Az});var Rf=b(ak=>{var Dz=new(Df()).NoopTracer,Rz=class{constructor(e,t,r,n){this._provider=e,this.name=t,this.version=r,this.options=n}startSpan(e,t,r){return this._getTracer().startSpan(e,t,r)}startActiveSpan(e,t,r,n){let i=this._getTracer();return Reflect.apply(i.startActiveSpan,i,arguments)}_getTracer(){if(this._delegate)return this._delegate;let e=this._provider.getDelegateTracer(this.name,this.version,this.options);return e?(this._delegate=e,this._delegate):Dz}};ak.ProxyTracer=Rz});var lk=b(ck=>{var zz=(function(e){return e[e.INTERNAL=0]="INTERNAL",e[e.SERVER=1]="SERVER",e[e.CLIENT=2]="CLIENT",e[e.PRODUCER=3]="PRODUCER",e[e.CONSUMER=4]="CONSUMER",e})({});ck.SpanKind=zz});var dk=b(uk=>{var jz=(function(e){return e[e.UNSET=0]="UNSET",e[e.OK=1]="OK",e[e.ERROR=2]="ERROR",e})({});uk.SpanStatusCode=jz});var fk=b(jf=>{var zf="[_0-9a-z-*/]",Mz=new RegExp(`^(?:${`[a-z]${zf}{0,255}`}|${`[a-z0-9]${zf}{0,240}@[a-z]${zf}{0,13}`})$`),Lz=/^[ -~]{0,255}[!-~]$/,Uz=/,|=/;function qz(e){return Mz.test(e)}function Fz(e){return Lz.test(e)&&!Uz.test(e)}jf.validateKey=qz;jf.validateValue=Fz});var bk=b(vk=>{var pk=fk(),Mf=32,mk=512,hk=",",gk="=",Bz=class yk{constructor(t){this._internalState=new Map,t&&this._parse(t)}set(t,r){let n=this._internalState.get(t),i=this.serialize().length;if(typeof n=="string")i+=r.length-n.length;else{if(this._internalState.size>=Mf)return this;i+=t.length+r.length+(this._internalState.size>0?2:1)}if(i>mk)return this;let o=this._clone();return o._internalState.has(t)&&o._internalState.delete(t),o._internalState.set(t,r),o}unset(t){let r=this._clone();return r._internalState.delete(t),r}get(t){return this._internalState.get(t)}serialize(){return Array.from(this._internalState.keys()).reduceRight((t,r)=>(t.push(r+gk+this.get(r)),t),[]).join(hk)}_parse(t){t.length>mk||(this._internalState=t.split(hk).reduceRight((r,n)=>{let i=n.trim(),o=i.indexOf(gk);if(o!==-1){let s=i.slice(0,o),a=i.slice(o+1,n.length);pk.validateKey(s)&&pk.validateValue(a)&&r.set(s,a)}return r},new Map),this._internalState.size>Mf&&(this._internalState=new Map(Array.from(this._internalState.entries()).reverse().slice(0,Mf))))}_keys(){return Array.from(this._internalState.keys()).reverse()}_clone(){let t=new yk;return t._internalState=new Map(this._internalState),t}};vk.TraceStateImpl=Bz});var $k=b(wk=>{var Zz=bk();function Vz(e){return new Zz.TraceStateImpl(e)}wk.createTraceState=Vz});var Sk=b(_k=>{var Kz=Df(),Jz=class{getTracer(e,t,r){return new Kz.NoopTracer}};_k.NoopTracerProvider=Jz});var Lf=b(kk=>{var Gz=Rf(),Wz=new(Sk()).NoopTracerProvider,Hz=class{getTracer(e,t,r){var n;return(n=this.getDelegateTracer(e,t,r))!==null&&n!==void 0?n:new Gz.ProxyTracer(this,e,t,r)}getDelegate(){var e;return(e=this._delegate)!==null&&e!==void 0?e:Wz}setDelegate(e){this._delegate=e}getDelegateTracer(e,t,r){var n;return(n=this._delegate)===null||n===void 0?void 0:n.getTracer(e,t,r)}};kk.ProxyTracerProvider=Hz});var Ik=b(xk=>{var Yz=(function(e){return e[e.NOT_RECORD=0]="NOT_RECORD",e[e.RECORD=1]="RECORD",e[e.RECORD_AND_SAMPLED=2]="RECORD_AND_SAMPLED",e})({});xk.SamplingDecision=Yz});var Nk=b(Ek=>{var Xz=lo().ContextAPI.getInstance();Ek.context=Xz});var Pk=b(Ok=>{var Qz=br().DiagAPI.instance();Ok.diag=Qz});var Ak=b(Uf=>{var e1=ec(),Tk=class{getLogger(e,t,r){return new e1.NoopLogger}},t1=new Tk;Uf.NOOP_LOGGER_PROVIDER=t1;Uf.NoopLoggerProvider=Tk});var Dk=b(Ck=>{var r1=ec(),n1=class{constructor(e,t,r,n){this._provider=e,this.name=t,this.version=r,this.options=n}emit(e){this._getLogger().emit(e)}enabled(e){return this._getLogger().enabled(e)}_getLogger(){if(this._delegate)return this._delegate;let e=this._provider._getDelegateLogger(this.name,this.version,this.options);return e?(this._delegate=e,this._delegate):r1.NOOP_LOGGER}};Ck.ProxyLogger=n1});var zk=b(Rk=>{var i1=Ak(),o1=Dk(),s1=class{getLogger(e,t,r){var n;return(n=this._getDelegateLogger(e,t,r))!==null&&n!==void 0?n:new o1.ProxyLogger(this,e,t,r)}_getDelegate(){var e;return(e=this._delegate)!==null&&e!==void 0?e:i1.NOOP_LOGGER_PROVIDER}_setDelegate(e){this._delegate=e}_getDelegateLogger(e,t,r){var n;return(n=this._delegate)===null||n===void 0?void 0:n.getLogger(e,t,r)}};Rk.ProxyLoggerProvider=s1});var qk=b(Uk=>{var qf=vr(),jk=br(),Mk=zk(),Ff="logs",a1=class Lk{constructor(){this._proxyLoggerProvider=new Mk.ProxyLoggerProvider}static getInstance(){return this._instance||(this._instance=new Lk),this._instance}setGlobalLoggerProvider(t){let r=qf.registerGlobal(Ff,t,jk.DiagAPI.instance());return r&&this._proxyLoggerProvider._setDelegate(t),r}getLoggerProvider(){return qf.getGlobal(Ff)||this._proxyLoggerProvider}getLogger(t,r,n){return this.getLoggerProvider().getLogger(t,r,n)}disable(){qf.unregisterGlobal(Ff,jk.DiagAPI.instance()),this._proxyLoggerProvider=new Mk.ProxyLoggerProvider}};Uk.LogsAPI=a1});var Bk=b(Fk=>{var c1=qk().LogsAPI.getInstance();Fk.logs=c1});var Vk=b(Bf=>{var l1=_f(),Zk=class{getMeter(e,t,r){return l1.NOOP_METER}},u1=new Zk;Bf.NOOP_METER_PROVIDER=u1;Bf.NoopMeterProvider=Zk});var Wk=b(Gk=>{var Zf=vr(),Kk=br(),d1=Vk(),Vf="metrics",f1=class Jk{constructor(){}static getInstance(){return this._instance||(this._instance=new Jk),this._instance}setGlobalMeterProvider(t){return Zf.registerGlobal(Vf,t,Kk.DiagAPI.instance())}getMeterProvider(){return Zf.getGlobal(Vf)||d1.NOOP_METER_PROVIDER}getMeter(t,r,n){return this.getMeterProvider().getMeter(t,r,n)}disable(){Zf.unregisterGlobal(Vf,Kk.DiagAPI.instance())}};Gk.MetricsAPI=f1});var Yk=b(Hk=>{var p1=Wk().MetricsAPI.getInstance();Hk.metrics=p1});var Qk=b(Xk=>{var m1=class{inject(e,t){}extract(e,t){return e}fields(){return[]}};Xk.NoopTextMapPropagator=m1});var t0=b(uo=>{var h1=so(),g1=lo(),Kf=h1.createContextKey("OpenTelemetry Baggage Key");function e0(e){return e.getValue(Kf)||void 0}function y1(){return e0(g1.ContextAPI.getInstance().active())}function v1(e,t){return e.setValue(Kf,t)}function b1(e){return e.deleteValue(Kf)}uo.deleteBaggage=b1;uo.getActiveBaggage=y1;uo.getBaggage=e0;uo.setBaggage=v1});var s0=b(o0=>{var Jf=vr(),r0=br(),w1=yf(),n0=kf(),$1=Qk(),sc=t0(),Gf="propagation",_1=new $1.NoopTextMapPropagator,S1=class i0{constructor(){this.createBaggage=w1.createBaggage,this.getBaggage=sc.getBaggage,this.getActiveBaggage=sc.getActiveBaggage,this.setBaggage=sc.setBaggage,this.deleteBaggage=sc.deleteBaggage}static getInstance(){return this._instance||(this._instance=new i0),this._instance}setGlobalPropagator(t){return Jf.registerGlobal(Gf,t,r0.DiagAPI.instance())}inject(t,r,n=n0.defaultTextMapSetter){return this._getGlobalPropagator().inject(t,r,n)}extract(t,r,n=n0.defaultTextMapGetter){return this._getGlobalPropagator().extract(t,r,n)}fields(){return this._getGlobalPropagator().fields()}disable(){Jf.unregisterGlobal(Gf,r0.DiagAPI.instance())}_getGlobalPropagator(){return Jf.getGlobal(Gf)||_1}};o0.PropagationAPI=S1});var c0=b(a0=>{var k1=s0().PropagationAPI.getInstance();a0.propagation=k1});var m0=b(p0=>{var Wf=vr(),l0=br(),Dn=Tf(),u0=oc(),d0=Lf(),Hf="trace",x1=class f0{constructor(){this._proxyTracerProvider=new d0.ProxyTracerProvider,this.wrapSpanContext=u0.wrapSpanContext,this.isSpanContextValid=u0.isSpanContextValid,this.deleteSpan=Dn.deleteSpan,this.getSpan=Dn.getSpan,this.getActiveSpan=Dn.getActiveSpan,this.getSpanContext=Dn.getSpanContext,this.setSpan=Dn.setSpan,this.setSpanContext=Dn.setSpanContext}static getInstance(){return this._instance||(this._instance=new f0),this._instance}setGlobalTracerProvider(t){let r=Wf.registerGlobal(Hf,this._proxyTracerProvider,l0.DiagAPI.instance());return r&&this._proxyTracerProvider.setDelegate(t),r}getTracerProvider(){return Wf.getGlobal(Hf)||this._proxyTracerProvider}getTracer(t,r){return this.getTracerProvider().getTracer(t,r)}disable(){Wf.unregisterGlobal(Hf,l0.DiagAPI.instance()),this._proxyTracerProvider=new d0.ProxyTracerProvider}};p0.TraceAPI=x1});var g0=b(h0=>{var I1=m0().TraceAPI.getInstance();h0.trace=I1});var x0=b(U=>{Object.defineProperties(U,{__esModule:{value:!0},[Symbol.toStringTag]:{value:"Module"}});var E1=Ka(),N1=yf(),y0=so(),O1=kS(),P1=_f(),T1=FS(),A1=ec(),C1=KS(),v0=kf(),D1=xf(),Yf=rc(),Xf=oc(),R1=Rf(),z1=lk(),j1=dk(),M1=$k(),L1=Lf(),U1=Ik(),b0=Nk(),w0=Pk(),$0=Bk(),_0=Yk(),S0=c0(),k0=g0(),q1={context:b0.context,diag:w0.diag,logs:$0.logs,metrics:_0.metrics,propagation:S0.propagation,trace:k0.trace};U.DiagConsoleLogger=O1.DiagConsoleLogger;U.DiagLogLevel=E1.DiagLogLevel;U.INVALID_SPANID=Yf.INVALID_SPANID;U.INVALID_SPAN_CONTEXT=Yf.INVALID_SPAN_CONTEXT;U.INVALID_TRACEID=Yf.INVALID_TRACEID;U.ProxyTracer=R1.ProxyTracer;U.ProxyTracerProvider=L1.ProxyTracerProvider;U.ROOT_CONTEXT=y0.ROOT_CONTEXT;U.SamplingDecision=U1.SamplingDecision;U.SeverityNumber=C1.SeverityNumber;U.SpanKind=z1.SpanKind;U.SpanStatusCode=j1.SpanStatusCode;U.TraceFlags=D1.TraceFlags;U.ValueType=T1.ValueType;U.baggageEntryMetadataFromString=N1.baggageEntryMetadataFromString;U.context=b0.context;U.createContextKey=y0.createContextKey;U.createNoopLogger=A1.createNoopLogger;U.createNoopMeter=P1.createNoopMeter;U.createTraceState=M1.createTraceState;U.default=q1;U.defaultTextMapGetter=v0.defaultTextMapGetter;U.defaultTextMapSetter=v0.defaultTextMapSetter;U.diag=w0.diag;U.isSpanContextValid=Xf.isSpanContextValid;U.isValidSpanId=Xf.isValidSpanId;U.isValidTraceId=Xf.isValidTraceId;U.logs=$0.logs;U.metrics=_0.metrics;U.propagation=S0.propagation;U.trace=k0.trace});var P0=b((X3,ep)=>{"use strict";var I0=x0(),Qf=Gd(),E0="process_cpu_user_seconds_total",N0="process_cpu_system_seconds_total",O0="process_cpu_seconds_total";ep.exports=(e,t={})=>{let r=e?[e]:void 0,n=t.prefix?t.prefix:"",i=t.labels?t.labels:{},o=t.enableExemplars?t.enableExemplars:!1,s=Object.keys(i),a=process.cpuUsage(),c=new Qf({name:n+E0,help:"Total user CPU time spent in seconds.",enableExemplars:o,registers:r,labelNames:s,collect(){let p=process.cpuUsage(),f=p.user-a.user,d=p.system-a.system;if(a=p,this.enableExemplars){let h={},m=I0.trace.getSpan(I0.context.active());m&&(h={traceId:m.spanContext().traceId,spanId:m.spanContext().spanId}),c.inc({labels:i,value:f/1e6,exemplarLabels:h}),l.inc({labels:i,value:d/1e6,exemplarLabels:h}),u.inc({labels:i,value:(f+d)/1e6,exemplarLabels:h})}else c.inc(i,f/1e6),l.inc(i,d/1e6),u.inc(i,(f+d)/1e6)}}),l=new Qf({name:n+N0,help:"Total system CPU time spent in seconds.",enableExemplars:o,registers:r,labelNames:s}),u=new Qf({name:n+O0,help:"Total user and system CPU time spent in seconds.",enableExemplars:o,registers:r,labelNames:s})};ep.exports.metricNames=[E0,N0,O0]});var A0=b((Q3,tp)=>{"use strict";var F1=De(),B1=Math.round(Date.now()/1e3-process.uptime()),T0="process_start_time_seconds";tp.exports=(e,t={})=>{let r=t.prefix?t.prefix:"",n=t.labels?t.labels:{},i=Object.keys(n);new F1({name:r+T0,help:"Start time of the process since unix epoch in seconds.",registers:e?[e]:void 0,labelNames:i,aggregator:"omit",collect(){this.set(n,B1)}})};tp.exports.metricNames=[T0]});var z0=b((eH,np)=>{"use strict";var rp=De(),Z1=require("fs"),V1=["VmSize","VmRSS","VmData"],C0="process_resident_memory_bytes",D0="process_virtual_memory_bytes",R0="process_heap_bytes";function K1(e){return e.split(`\n`).reduce((t,r)=>{if(!V1.some(o=>r.startsWith(o)))return t;let n=r.split(":"),i=n[1].trim();return i=i.substr(0,i.length-3),i=Number(i)*1024,t[n[0]]=i,t},{})}np.exports=(e,t={})=>{let r=e?[e]:void 0,n=t.prefix?t.prefix:"",i=t.labels?t.labels:{},o=Object.keys(i),s=new rp({name:n+C0,help:"Resident memory size in bytes.",registers:r,labelNames:o,collect(){try{let l=Z1.readFileSync("/proc/self/status","utf8"),u=K1(l);s.set(i,u.VmRSS),a.set(i,u.VmSize),c.set(i,u.VmData)}catch{}}}),a=new rp({name:n+D0,help:"Virtual memory size in bytes.",registers:r,labelNames:o}),c=new rp({name:n+R0,help:"Process heap size in bytes.",registers:r,labelNames:o})};np.exports.metricNames=[C0,D0,R0]});var ip=b((tH,j0)=>{"use strict";function J1(){try{return process.memoryUsage()}catch{return}}j0.exports=J1});var U0=b((rH,op)=>{"use strict";var G1=De(),M0=z0(),W1=ip(),L0="process_resident_memory_bytes";function H1(e,t={}){let r=t.prefix?t.prefix:"",n=t.labels?t.labels:{},i=Object.keys(n);new G1({name:r+L0,help:"Resident memory size in bytes.",registers:e?[e]:void 0,labelNames:i,collect(){let o=W1();o&&this.set(n,o.rss)}})}op.exports=(e,t)=>process.platform==="linux"?M0(e,t):H1(e,t);op.exports.metricNames=process.platform==="linux"?M0.metricNames:[L0]});var F0=b((nH,sp)=>{"use strict";var Y1=De(),X1=require("fs"),Q1=require("process"),q0="process_open_fds";sp.exports=(e,t={})=>{if(Q1.platform!=="linux")return;let r=t.prefix?t.prefix:"",n=t.labels?t.labels:{},i=Object.keys(n);new Y1({name:r+q0,help:"Number of open file descriptors.",registers:e?[e]:void 0,labelNames:i,collect(){try{let o=X1.readdirSync("/proc/self/fd");this.set(n,o.length-1)}catch{}}})};sp.exports.metricNames=[q0]});var Z0=b((iH,ap)=>{"use strict";var ej=De(),tj=require("fs"),B0="process_max_fds",fo;ap.exports=(e,t={})=>{if(fo===void 0)try{let s=tj.readFileSync("/proc/self/limits","utf8").split(`\n`);for(let a of s)if(a.startsWith("Max open files")){let c=a.split(/  +/);fo=Number(c[1]);break}}catch{return}if(fo===void 0)return;let r=t.prefix?t.prefix:"",n=t.labels?t.labels:{},i=Object.keys(n);new ej({name:r+B0,help:"Maximum number of open file descriptors.",registers:e?[e]:void 0,labelNames:i,collect(){fo!==void 0&&this.set(n,fo)}})};ap.exports.metricNames=[B0]});var ex=b((oH,cp)=>{"use strict";var wr=De(),ac;try{ac=require("perf_hooks")}catch{}var K0="nodejs_eventloop_lag_seconds",J0="nodejs_eventloop_lag_min_seconds",G0="nodejs_eventloop_lag_max_seconds",W0="nodejs_eventloop_lag_mean_seconds",H0="nodejs_eventloop_lag_stddev_seconds",Y0="nodejs_eventloop_lag_p50_seconds",X0="nodejs_eventloop_lag_p90_seconds",Q0="nodejs_eventloop_lag_p99_seconds";function V0(e,t,r){let n=process.hrtime(e),o=(n[0]*1e9+n[1])/1e9;t.set(r,o)}cp.exports=(e,t={})=>{let r=t.prefix?t.prefix:"",n=t.labels?t.labels:{},i=Object.keys(n),o=e?[e]:void 0,s=()=>{let m=process.hrtime();setImmediate(V0,m,a,n)};if(ac&&ac.monitorEventLoopDelay)try{let m=ac.monitorEventLoopDelay({resolution:t.eventLoopMonitoringPrecision});m.enable(),s=()=>{let g=process.hrtime();setImmediate(V0,g,a,n),c.set(n,m.min/1e9),l.set(n,m.max/1e9),u.set(n,m.mean/1e9),p.set(n,m.stddev/1e9),f.set(n,m.percentile(50)/1e9),d.set(n,m.percentile(90)/1e9),h.set(n,m.percentile(99)/1e9),m.reset()}}catch(m){if(m.code==="ERR_NOT_IMPLEMENTED")return;throw m}let a=new wr({name:r+K0,help:"Lag of event loop in seconds.",registers:o,labelNames:i,aggregator:"average",collect:s}),c=new wr({name:r+J0,help:"The minimum recorded event loop delay.",registers:o,labelNames:i,aggregator:"min"}),l=new wr({name:r+G0,help:"The maximum recorded event loop delay.",registers:o,labelNames:i,aggregator:"max"}),u=new wr({name:r+W0,help:"The mean of the recorded event loop delays.",registers:o,labelNames:i,aggregator:"average"}),p=new wr({name:r+H0,help:"The standard deviation of the recorded event loop delays.",registers:o,labelNames:i,aggregator:"average"}),f=new wr({name:r+Y0,help:"The 50th percentile of the recorded event loop delays.",registers:o,labelNames:i,aggregator:"average"}),d=new wr({name:r+X0,help:"The 90th percentile of the recorded event loop delays.",registers:o,labelNames:i,aggregator:"average"}),h=new wr({name:r+Q0,help:"The 99th percentile of the recorded event loop delays.",registers:o,labelNames:i,aggregator:"average"})};cp.exports.metricNames=[K0,J0,G0,W0,H0,Y0,X0,Q0]});var Rn=b((sH,tx)=>{"use strict";function rj(e){let t={};for(let r=0;r<e.length;r++){let n=e[r];!n||typeof n.constructor>"u"||(Object.hasOwnProperty.call(t,n.constructor.name)?t[n.constructor.name]+=1:t[n.constructor.name]=1)}return t}function nj(e,t,r){e.reset();for(let n in t)e.set(Object.assign({type:n},r||{}),t[n])}tx.exports={aggregateByObjectName:rj,updateMetrics:nj}});var ox=b((aH,lp)=>{"use strict";var{aggregateByObjectName:ij}=Rn(),{updateMetrics:oj}=Rn(),rx=De(),nx="nodejs_active_handles",ix="nodejs_active_handles_total";lp.exports=(e,t={})=>{if(typeof process._getActiveHandles!="function")return;let r=e?[e]:void 0,n=t.prefix?t.prefix:"",i=t.labels?t.labels:{},o=Object.keys(i);new rx({name:n+nx,help:"Number of active libuv handles grouped by handle type. Every handle type is C++ class name.",labelNames:["type",...o],registers:r,collect(){let s=process._getActiveHandles();oj(this,ij(s),i)}}),new rx({name:n+ix,help:"Total number of active handles.",registers:r,labelNames:o,collect(){let s=process._getActiveHandles();this.set(i,s.length)}})};lp.exports.metricNames=[nx,ix]});var lx=b((cH,up)=>{"use strict";var sx=De(),{aggregateByObjectName:sj}=Rn(),{updateMetrics:aj}=Rn(),ax="nodejs_active_requests",cx="nodejs_active_requests_total";up.exports=(e,t={})=>{if(typeof process._getActiveRequests!="function")return;let r=t.prefix?t.prefix:"",n=t.labels?t.labels:{},i=Object.keys(n);new sx({name:r+ax,help:"Number of active libuv requests grouped by request type. Every request type is C++ class name.",labelNames:["type",...i],registers:e?[e]:void 0,collect(){let o=process._getActiveRequests();aj(this,sj(o),n)}}),new sx({name:r+cx,help:"Total number of active requests.",registers:e?[e]:void 0,labelNames:i,collect(){let o=process._getActiveRequests();this.set(n,o.length)}})};up.exports.metricNames=[ax,cx]});var px=b((lH,dp)=>{"use strict";var ux=De(),{updateMetrics:cj}=Rn(),dx="nodejs_active_resources",fx="nodejs_active_resources_total";dp.exports=(e,t={})=>{if(typeof process.getActiveResourcesInfo!="function")return;let r=t.prefix?t.prefix:"",n=t.labels?t.labels:{},i=Object.keys(n);new ux({name:r+dx,help:"Number of active resources that are currently keeping the event loop alive, grouped by async resource type.",labelNames:["type",...i],registers:e?[e]:void 0,collect(){let o=process.getActiveResourcesInfo(),s={};for(let a=0;a<o.length;a++){let c=o[a];Object.hasOwn(s,c)?s[c]+=1:s[c]=1}cj(this,s,n)}}),new ux({name:r+fx,help:"Total number of active resources.",registers:e?[e]:void 0,labelNames:i,collect(){let o=process.getActiveResourcesInfo();this.set(n,o.length)}})};dp.exports.metricNames=[dx,fx]});var yx=b((uH,pp)=>{"use strict";var fp=De(),lj=ip(),mx="nodejs_heap_size_total_bytes",hx="nodejs_heap_size_used_bytes",gx="nodejs_external_memory_bytes";pp.exports=(e,t={})=>{if(typeof process.memoryUsage!="function")return;let r=t.labels?t.labels:{},n=Object.keys(r),i=e?[e]:void 0,o=t.prefix?t.prefix:"",s=()=>{let u=lj();u&&(a.set(r,u.heapTotal),c.set(r,u.heapUsed),u.external!==void 0&&l.set(r,u.external))},a=new fp({name:o+mx,help:"Process heap size from Node.js in bytes.",registers:i,labelNames:n,collect:s}),c=new fp({name:o+hx,help:"Process heap size used from Node.js in bytes.",registers:i,labelNames:n}),l=new fp({name:o+gx,help:"Node.js external memory size in bytes.",registers:i,labelNames:n})};pp.exports.metricNames=[mx,hx,gx]});var wx=b((dH,hp)=>{"use strict";var uj=De(),vx=require("v8"),bx=["total","used","available"],mp={};bx.forEach(e=>{mp[e]=`nodejs_heap_space_size_${e}_bytes`});hp.exports=(e,t={})=>{try{vx.getHeapSpaceStatistics()}catch(a){if(a.code==="ERR_NOT_IMPLEMENTED")return;throw a}let r=e?[e]:void 0,n=t.prefix?t.prefix:"",i=t.labels?t.labels:{},o=["space",...Object.keys(i)],s={};bx.forEach(a=>{s[a]=new uj({name:n+mp[a],help:`Process heap space size ${a} from Node.js in bytes.`,labelNames:o,registers:r})}),s.total.collect=()=>{for(let a of vx.getHeapSpaceStatistics()){let c=a.space_name.substr(0,a.space_name.indexOf("_space"));s.total.set({space:c,...i},a.space_size),s.used.set({space:c,...i},a.space_used_size),s.available.set({space:c,...i},a.space_available_size)}}};hp.exports.metricNames=Object.values(mp)});var Sx=b((fH,yp)=>{"use strict";var dj=De(),$x=process.version,gp=$x.slice(1).split(".").map(Number),_x="nodejs_version_info";yp.exports=(e,t={})=>{let r=t.prefix?t.prefix:"",n=t.labels?t.labels:{},i=Object.keys(n);new dj({name:r+_x,help:"Node.js version info.",labelNames:["version","major","minor","patch",...i],registers:e?[e]:void 0,aggregator:"first",collect(){this.labels($x,gp[0],gp[1],gp[2],...Object.values(n)).set(1)}})};yp.exports.metricNames=[_x]});var xx=b((pH,vp)=>{"use strict";var fj=rf(),Lt;try{Lt=require("perf_hooks")}catch{}var kx="nodejs_gc_duration_seconds",pj=[.001,.01,.1,1,2,5],zn=[];Lt&&Lt.constants&&(zn[Lt.constants.NODE_PERFORMANCE_GC_MAJOR]="major",zn[Lt.constants.NODE_PERFORMANCE_GC_MINOR]="minor",zn[Lt.constants.NODE_PERFORMANCE_GC_INCREMENTAL]="incremental",zn[Lt.constants.NODE_PERFORMANCE_GC_WEAKCB]="weakcb");vp.exports=(e,t={})=>{if(!Lt)return;let r=t.prefix?t.prefix:"",n=t.labels?t.labels:{},i=Object.keys(n),o=t.gcDurationBuckets?t.gcDurationBuckets:pj,s=new fj({name:r+kx,help:"Garbage collection duration by kind, one of major, minor, incremental or weakcb.",labelNames:["kind",...i],enableExemplars:!1,buckets:o,registers:e?[e]:void 0});new Lt.PerformanceObserver(c=>{let l=c.getEntries()[0],u=l.detail?zn[l.detail.kind]:zn[l.kind];s.observe(Object.assign({kind:u},n),l.duration/1e3)}).observe({entryTypes:["gc"]})};vp.exports.metricNames=[kx]});var Ex=b((mH,bp)=>{"use strict";var{isObject:mj}=_t(),hj=P0(),gj=A0(),yj=U0(),vj=F0(),bj=Z0(),wj=ex(),$j=ox(),_j=lx(),Sj=px(),kj=yx(),xj=wx(),Ij=Sx(),Ej=xx(),Ix={processCpuTotal:hj,processStartTime:gj,osMemoryHeap:yj,processOpenFileDescriptors:vj,processMaxFileDescriptors:bj,eventLoopLag:wj,...typeof process.getActiveResourcesInfo=="function"?{processResources:Sj}:{},processHandles:$j,processRequests:_j,heapSizeAndUsed:kj,heapSpacesSizeAndUsed:xj,version:Ij,gc:Ej},Nj=Object.keys(Ix);bp.exports=function(t){if(t!=null&&!mj(t))throw new TypeError("config must be null, undefined, or an object");t={eventLoopMonitoringPrecision:10,...t};for(let r of Object.values(Ix))r(t.register,t)};bp.exports.metricsList=Nj});var $p=b(wp=>{"use strict";var{Grouper:Oj,hashObject:Pj}=_t();function jn(e){return t=>{if(t.length===0)return;let r={help:t[0].help,name:t[0].name,type:t[0].type,values:[],aggregator:t[0].aggregator},n=new Oj;return t.forEach(i=>{i.values.forEach(o=>{let s=Pj(o.labels);n.add(`${o.metricName}_${s}`,o)})}),n.forEach(i=>{if(i.length===0)return;let o={value:e(i),labels:i[0].labels};i[0].metricName&&(o.metricName=i[0].metricName),r.values.push(o)}),r}}wp.AggregatorFactory=jn;wp.aggregators={sum:jn(e=>e.reduce((t,r)=>t+r.value,0)),first:jn(e=>e[0].value),omit:()=>{},average:jn(e=>e.reduce((t,r)=>t+r.value,0)/e.length),min:jn(e=>e.reduce((t,r)=>Math.min(t,r.value),1/0)),max:jn(e=>e.reduce((t,r)=>Math.max(t,r.value),-1/0))}});var Ax=b((gH,Tx)=>{"use strict";var Mn=Tn(),{Grouper:Tj}=_t(),{aggregators:Aj}=$p(),Wr=()=>{let e=require("cluster");return Wr=()=>e,e},Ox="prom-client:getMetricsReq",_p="prom-client:getMetricsRes",Px=[Mn.globalRegistry],Cj=0,Nx=!1,Sp=new Map,cc=class extends Mn{constructor(t=Mn.PROMETHEUS_CONTENT_TYPE){super(t),Dj()}clusterMetrics(){let t=Cj++;return new Promise((r,n)=>{let i=!1;function o(c,l){i||(i=!0,c?n(c):r(l))}let s={responses:[],pending:0,done:o,errorTimeout:setTimeout(()=>{let c=new Error("Operation timed out.");s.done(c)},5e3)};Sp.set(t,s);let a={type:Ox,requestId:t};for(let c in Wr().workers)Wr().workers[c].isConnected()&&(Wr().workers[c].send(a),s.pending++);s.pending===0&&(clearTimeout(s.errorTimeout),process.nextTick(()=>o(null,"")))})}get contentType(){return super.contentType}static aggregate(t,r=Mn.PROMETHEUS_CONTENT_TYPE){let n=new Mn,i=new Tj;return n.setContentType(r),t.forEach(o=>{o.forEach(s=>{i.add(s.name,s)})}),i.forEach(o=>{let s=o[0].aggregator,a=Aj[s];if(typeof a!="function")throw new Error(`\'${s}\' is not a defined aggregator.`);let c=a(o);if(c){let l=Object.assign({get:()=>c},c);n.registerMetric(l)}}),n}static setRegistries(t){Array.isArray(t)||(t=[t]),t.forEach(r=>{if(!(r instanceof Mn))throw new TypeError(`Expected Registry, got ${typeof r}`)}),Px=t}};function Dj(){Nx||(Nx=!0,Wr().isMaster&&Wr().on("message",(e,t)=>{if(t.type===_p){let r=Sp.get(t.requestId);if(t.error){r.done(new Error(t.error));return}if(t.metrics.forEach(n=>r.responses.push(n)),r.pending--,r.pending===0){Sp.delete(t.requestId),clearTimeout(r.errorTimeout);let i=cc.aggregate(r.responses).metrics();r.done(null,i)}}}),Wr().isWorker&&process.on("message",e=>{e.type===Ox&&Promise.all(Px.map(t=>t.getMetricsAsJSON())).then(t=>{process.send({type:_p,requestId:e.requestId,metrics:t})}).catch(t=>{process.send({type:_p,requestId:e.requestId,error:t.message})})}))}Tx.exports=cc});var Cx=b(re=>{"use strict";re.register=Tn().globalRegistry;re.Registry=Tn();Object.defineProperty(re,"contentType",{configurable:!1,enumerable:!0,get(){return re.register.contentType},set(e){re.register.setContentType(e)}});re.prometheusContentType=re.Registry.PROMETHEUS_CONTENT_TYPE;re.openMetricsContentType=re.Registry.OPENMETRICS_CONTENT_TYPE;re.validateMetricName=Jr().validateMetricName;re.Counter=Gd();re.Gauge=De();re.Histogram=rf();re.Summary=oS();re.Pushgateway=aS();re.linearBuckets=pf().linearBuckets;re.exponentialBuckets=pf().exponentialBuckets;re.collectDefaultMetrics=Ex();re.aggregators=$p().aggregators;re.AggregatorRegistry=Ax()});var Hj={};hc(Hj,{runCli:()=>Zj});module.exports=Yx(Hj);var mc=require("node:fs/promises");var ae=class e extends Error{constructor(r,n){super(r);this.details=n}static[Symbol.hasInstance](r){return this!==e?Function.prototype[Symbol.hasInstance].call(this,r):typeof r=="object"&&r!==null&&r.isFailure===!0}isFailure=!0};var _={incompatibleVersion:1,unsupportedField:2,unknownContainer:3,invalidEnvironment:4,ioFailure:5,decodeFailure:6,invalidConfig:7,tryAgainLater:11,pluginNotAvailable:50,poolExhausted:100,addressUnavailable:101,addressOutsidePools:102,noUsablePool:103,storeDamaged:104,checkMismatch:105,internal:999},$=class extends ae{constructor(r,n,i){super(n,i);this.code=r;this.name="CniError"}static[Symbol.hasInstance](r){return typeof r=="object"&&r!==null&&r.isCniError===!0}isCniError=!0};be();var Ut=class extends ae{constructor(r,n,i){super(n,i);this.program=r;this.name="ToolError"}},Hr=class extends Ut{constructor(t){let r=t.includes("tables")?"iptables":t==="modprobe"?"kmod":"iproute2";super(t,`${t} not found on PATH`,`install it (Debian: apt-get install ${r}) and run the command again`)}};var qt=class extends ae{constructor(t,r){super(t,r),this.name="DataplaneError"}};var Xx={unavailable:_.tryAgainLater,damaged:_.storeDamaged,io:_.ioFailure,internal:_.internal};function Ft(e){if(e instanceof $)return e;if(e instanceof j)return new $(Xx[e.reason],e.message,e.details);if(e instanceof Ut)return new $(_.ioFailure,e.message,e.details);if(e instanceof qt)return new $(_.invalidConfig,e.message,e.details);if(e instanceof ae)return new $(_.invalidConfig,e.message,e.details);let t=e instanceof Error?e.message:String(e),r=e?.code;if(typeof r!="string")return new $(_.internal,`internal error: ${t}`,"please report this as a bug");let n=Qx[r];return new $(_.ioFailure,n?`${n}: ${t}`:t,r)}var Qx={ENOSPC:"no space left on the device holding the data dir; free space and retry",EDQUOT:"disk quota exceeded on the data dir; free space and retry",EROFS:"the data dir is on a read-only file system",EACCES:"permission denied on the data dir (ippool must run as root or own it)",EPERM:"operation not permitted on the data dir"};var Wt=require("node:fs"),Ne=require("node:path");be();kt();var te=require("node:fs"),Xr=require("node:path");be();var eI=new Uint32Array(256).map((e,t)=>{let r=t;for(let n=0;n<8;n++)r=r&1?3988292384^r>>>1:r>>>1;return r>>>0}),Np=globalThis.Bun;function tI(e){let t=4294967295,r=Buffer.from(e,"utf8");for(let n=0;n<r.length;n++)t=eI[(t^r[n])&255]^t>>>8;return(t^4294967295)>>>0}function gc(e){return(Np?Np.hash.crc32(e):tI(e)).toString(16).padStart(8,"0")}var yc=1,rI="the file was left as it is; run \'ippool verify\' to list every problem, then restore the file from a backup";function xt(e,t,r=rI){return new j("damaged",`state file ${e} is damaged: ${t}`,r)}function nI(e){let t={ippoolState:yc,crc32:gc(JSON.stringify(e)),data:e};return`${JSON.stringify(t)}\n`}function vo(e){let t;try{t=(0,te.readFileSync)(e,"utf8")}catch(n){if(n.code==="ENOENT")return;throw n}let r;try{r=JSON.parse(t)}catch{throw xt(e,"not valid JSON (truncated or overwritten?)")}if(typeof r!="object"||r===null||r.ippoolState!==yc||typeof r.crc32!="string")throw xt(e,`not an ippool state file of format ${yc}`);if(gc(JSON.stringify(r.data))!==r.crc32)throw xt(e,"checksum mismatch");return r.data}var iI=0,Op=e=>Number(e.split(".")[0]);function Ln(e,t,r,n){let i=(0,Xr.dirname)(e);(0,te.mkdirSync)(i,{recursive:!0,mode:448}),(0,te.mkdirSync)(r,{recursive:!0,mode:448});let o=(0,Xr.join)(r,`${process.pid}.${iI++}.${(0,Xr.basename)(e)}`),s=(0,te.openSync)(o,"wx",384);try{(0,te.writeSync)(s,nI(t)),n==="durable"&&(0,te.fsyncSync)(s)}catch(a){throw(0,te.closeSync)(s),Ge(o),a}(0,te.closeSync)(s),(0,te.renameSync)(o,e),n==="durable"&&_r(i)}function Ge(e){try{(0,te.unlinkSync)(e)}catch(t){if(t.code!=="ENOENT")throw t}}function _r(e){let t;try{t=(0,te.openSync)(e,"r")}catch(r){if(r.code==="ENOENT")return;throw r}try{(0,te.fsyncSync)(t)}finally{(0,te.closeSync)(t)}}var Qp=$r(Jp()),Z=require("node:fs"),xr=require("node:path");be();var _o=require("node:fs"),Gp,Wp;function Fn(){return Wp??=(0,_o.readFileSync)("/proc/sys/kernel/random/boot_id","utf8").trim(),Wp}function kr(){return Gp??={pid:process.pid,start:kI(process.pid)??"",boot:Fn()},Gp}function Bn(e){if(e.boot!==Fn())return!1;let t;try{t=(0,_o.readFileSync)(`/proc/${e.pid}/stat`,"utf8")}catch(n){return n.code!=="ENOENT"}let r=Hp(t);return r[0]==="Z"||r[0]==="X"?!1:r[19]===e.start}function So(e){if(typeof e!="object"||e===null)return;let{pid:t,start:r,boot:n}=e;if(!(!Number.isSafeInteger(t)||t<=0||typeof r!="string"||typeof n!="string"))return{pid:t,start:r,boot:n}}function kI(e){try{return Hp((0,_o.readFileSync)(`/proc/${e}/stat`,"utf8"))[19]}catch{return}}var Hp=e=>e.slice(e.lastIndexOf(")")+2).split(" ");var Ic="store.lock",em="owner.json",tm=`${Ic}.stale-`,rm=1e4,xI=6e4,Yp=2**30,II={mkdirSync:Z.mkdirSync,realpathSync:Z.realpathSync,statSync:Z.statSync,rmdirSync:Z.rmdirSync,utimesSync:Z.utimesSync},EI=500,NI=200,OI=250;async function nm(e,t,r){let n=(0,xr.join)(e,Ic),i=(0,xr.join)(n,em),o=await PI(e,n,i,t),s=JSON.stringify(kr());try{return await r(()=>{if(kc(i)!==s)throw Ec(e)})}finally{if(kc(i)===s){Ge(i);try{o()}catch{}}}}function Ec(e){return new j("unavailable","lost the store lock to another process; nothing was written; retry",`another ippool process committed to the store in ${e} first`)}async function PI(e,t,r,n){let i=Date.now(),o=i+n,s={lockfilePath:t,realpath:!1,stale:Yp,update:Yp,fs:II},a,c=0;try{for(;;){try{let u=Qp.default.lockSync(e,s);if(TI(r,u))return u}catch(u){if(!["ELOCKED","ENOENT"].includes(u.code??""))throw u}if(AI(e,t))continue;if(Date.now()>=o)throw new j("unavailable",`the store in ${e} stayed locked by another ippool process for ${n/1e3}s`,`retry later; the lock of a process that died is taken over at once (one left without an owner record after ${rm/1e3}s)`);let l=o-Date.now();Date.now()-i<NI?(a??=new xc(e,t),await a.next(Math.min(EI,l))):(a?.close(),a=void 0,c++,await new Promise(u=>setTimeout(u,Math.min(l,Math.min(2*1.25**c,OI)*(.5+Math.random())))))}}finally{a?.close()}}function TI(e,t){try{return(0,Z.writeFileSync)(e,JSON.stringify(kr()),{flag:"wx",mode:384}),!0}catch(r){if(r.code!=="EEXIST"&&r.code!=="ENOENT")throw Ge(e),t(),r;return!1}}function kc(e){try{return(0,Z.readFileSync)(e,"utf8")}catch{return}}function AI(e,t){let r=Xp(t);if(r==="gone")return!0;if(r==="live")return!1;let n=(0,xr.join)(e,`${tm}${r.ino}`);try{(0,Z.mkdirSync)(n,{mode:448})}catch(o){if(o.code==="EEXIST")return!1;throw o}let i=Xp(t);if(typeof i=="object"&&i.ino===r.ino&&i.ownerText===r.ownerText)try{(0,Z.renameSync)(t,(0,xr.join)(n,"lock"))}catch(o){if(o.code!=="ENOENT")throw o}else(0,Z.rmSync)(n,{recursive:!0,force:!0});return CI(e),!0}function Xp(e){let t=(0,Z.statSync)(e,{throwIfNoEntry:!1});if(!t)return"gone";let r=kc((0,xr.join)(e,em)),n=r===void 0?void 0:So(DI(r));return(n?Bn(n):Date.now()-t.mtimeMs<rm)?"live":{ino:t.ino,ownerText:r}}function CI(e){for(let t of(0,Z.readdirSync)(e)){if(!t.startsWith(tm))continue;let r=(0,xr.join)(e,t);Date.now()-((0,Z.statSync)(r,{throwIfNoEntry:!1})?.mtimeMs??Date.now())>xI&&(0,Z.rmSync)(r,{recursive:!0,force:!0})}}var DI=e=>{try{return JSON.parse(e)}catch{return}},RI=10,xc=class{watcher;onChange;constructor(t,r){try{this.watcher=(0,Z.watch)(t,{persistent:!1},(n,i)=>{i===Ic&&this.onChange?.(!(0,Z.existsSync)(r))}),this.watcher.on("error",()=>{})}catch{this.watcher=void 0}}next(t){return new Promise(r=>{let n=setTimeout(s,Math.max(0,t)),i,o=this;function s(){clearTimeout(n),clearTimeout(i),o.onChange=void 0,r()}this.onChange=a=>{clearTimeout(i),i=a?setTimeout(s,Math.random()*RI):void 0}})}close(){this.watcher?.close()}};var Ie=require("node:fs"),We=require("node:path");be();var zI="commit",ko="head.",im="init",Nc=".done.json",Oc="the file was left as it is; run \'ippool verify\' to list every problem, then restore the commit/ directory from a backup. Do not remove it: it holds the store\'s last commit, which may not be in the state files yet, and an address that commit handed out would be handed out again",xo=class{constructor(t,r){this.dataDir=t;this.tempDir=r;this.dir=(0,We.join)(t,zI)}dir;head(){let t;try{t=(0,Ie.readdirSync)(this.dir)}catch(o){if(o.code==="ENOENT")return{n:0,id:"",names:[]};throw o}let r=t.find(o=>o.startsWith(ko));if(r===void 0)throw xt(this.dir,"no head.<generation> file (removed by hand?)",Oc);let[n,...i]=r.slice(ko.length).split(".");return{n:Number(n),id:i.join("."),names:t}}isCurrent(t){let r;try{r=(0,Ie.readdirSync)(this.dir)}catch(n){if(n.code==="ENOENT")return t.id==="";throw n}return t.id!==""&&r.includes(Zn(t.n,t.id))}create(){let t=(0,We.join)(this.tempDir,`${process.pid}.commit-${Math.random().toString(16).slice(2,10)}`);(0,Ie.mkdirSync)(t,{recursive:!0,mode:448}),Ln((0,We.join)(t,Zn(0,im)),null,this.tempDir,"durable");try{(0,Ie.renameSync)(t,this.dir),_r(this.dataDir)}catch(r){if((0,Ie.rmSync)(t,{recursive:!0,force:!0}),!["EEXIST","ENOTEMPTY"].includes(r.code??""))throw r}}record(t){let r=this.recordFile(t);if(r===void 0)return;let n;try{n=vo(r)}catch(s){throw Me(s)?new j("damaged",s.message,Oc):s}if(n===void 0)return;let i=So(n.owner);if(!(i&&Array.isArray(n.writes)&&n.writes.every(s=>Array.isArray(s)&&typeof s[0]=="string")))throw xt(r,"not a commit record (no owner or no list of writes)",Oc);return{file:r,applied:r.endsWith(Nc),owner:i,writes:new Map(n.writes)}}recordFile(t){let r=t.names.find(n=>n.startsWith(`${t.n}.${t.id}.`)&&n.endsWith(".json"));return r===void 0?void 0:(0,We.join)(this.dir,r)}commit(t,r){t.id===""&&this.create();let n=t.id===""?{...t,id:im}:t,i=n.n+1,o=`${process.pid}-${Math.random().toString(16).slice(2,10)}`,s=(0,We.join)(this.dir,`${i}.${o}.json`);Ln(s,{owner:kr(),writes:[...r]},this.tempDir,"durable");try{(0,Ie.renameSync)((0,We.join)(this.dir,Zn(n.n,n.id)),(0,We.join)(this.dir,Zn(i,o)))}catch(a){throw Ge(s),a.code==="ENOENT"?Ec(this.dataDir):a}return _r(this.dir),{n:i,id:o,names:[Zn(i,o),`${i}.${o}.json`]}}markApplied(t){let r=(0,We.join)(this.dir,`${t.n}.${t.id}.json`);(0,Ie.renameSync)(r,r.replace(/\\.json$/,Nc))}drop(t){Ge(t.file),Ge(t.file.replace(/\\.json$/,Nc))}sweep(t){for(let r of t.names)r.startsWith(ko)||r.startsWith(`${t.n}.${t.id}.`)||Number(r.split(".")[0])>t.n||(0,Ie.rmSync)((0,We.join)(this.dir,r),{recursive:!0,force:!0})}},Zn=(e,t)=>`${ko}${e}.${t}`;function om(e){let t;try{t=(0,Ie.readdirSync)(e)}catch{return}for(let r of t)jI(Op(r))||(0,Ie.rmSync)((0,We.join)(e,r),{recursive:!0,force:!0})}function jI(e){if(!Number.isSafeInteger(e)||e<=0)return!1;try{return process.kill(e,0),!0}catch(t){return t.code==="EPERM"}}var il=require("node:fs"),fg=require("node:path");xe();be();kt();var ol=e=>e==="commit"||e==="tmp"||e.startsWith("store.lock");function WE(e,t){try{return vo(e)}catch(r){throw Me(r)?Zt(r,t):r}}var an=class extends Bt{constructor(r,n=new Map,i=""){super();this.dataDir=r;this.pending=n;this.pendingFile=i}cache=new Map;pathOf(r){return St(r),(0,fg.join)(this.dataDir,`${r}.json`)}async get(r,n){if(this.writes.has(r))return this.writes.get(r)??void 0;if(this.cache.has(r))return this.cache.get(r);let i=this.pending.has(r),o=i?this.pendingFile:this.pathOf(r),s=i?this.pending.get(r)??void 0:WE(o,r),a;if(s!==void 0){let c=X(n,s);if(!c.success){let l=`unexpected content${i?` for ${r}`:""} (${c.error.issues[0]?.message??"schema"})`;throw i?xt(o,l):Zt(xt(o,l),r)}a=c.data}return this.cache.set(r,a),a}async prefetch(){}async peek(r,n){let i=[];for(let o of r)i.push(await this.get(o,n));return i}peekList(r){return this.list(r)}async list(r){let n=r===""?this.dataDir:this.pathOf(r.replace(/\\/$/,"")).replace(/\\.json$/,""),i=[];try{i=(0,il.readdirSync)(n,{withFileTypes:!0})}catch(s){if(s.code!=="ENOENT")throw s}let o=i.filter(s=>(s.isDirectory()||s.name.endsWith(".json"))&&!(r===""&&ol(s.name))).map(s=>r+(s.isDirectory()?s.name:s.name.slice(0,-5)));return Yr(Yr(o,r,this.pending),r,this.writes)}async listAll(r){let n=[];for(let i of await this.list(r))(await this.list(`${i}/`)).length>0||this.isDirectory(i)?n.push(...await this.listAll(`${i}/`)):n.push(i);return n.sort()}isDirectory(r){try{return(0,il.readdirSync)(this.pathOf(r).replace(/\\.json$/,"")),!0}catch{return!1}}};var sl="tmp",HE=32,YE=5,Bo=class{constructor(t,r){this.dataDir=t;this.lockWaitMs=r;this.log=new xo(t,this.tempDir)}log;get location(){return this.dataDir}get cliFlags(){return`--data-dir ${go(this.dataDir)}`}createDataDir(){try{(0,Wt.mkdirSync)(this.dataDir,{recursive:!0,mode:448})}catch(t){let r=t.code;if(r==="EEXIST"){let n="give the directory that holds the store";throw new j("io",`data dir ${this.dataDir} is not a directory`,n)}if(r==="ENOTDIR"){let n=`cannot create data dir ${this.dataDir}: a part of its path is not a directory`;throw new j("io",n)}throw t}}conflictsRetried=0;get tempDir(){return(0,Ne.join)(this.dataDir,sl)}pathOf(t){return St(t),(0,Ne.join)(this.dataDir,`${t}.json`)}async update(t){if(!(0,Wt.existsSync)(this.dataDir)){let r=new an(this.dataDir),n=await t(r);if(r.writes.size===0)return n}return this.createDataDir(),nm(this.dataDir,this.lockWaitMs,async r=>{let n=this.log.head(),i=this.settle(n);this.log.sweep(n),om(this.tempDir);let o=new an(this.dataDir),s=await t(o);if(o.writes.size===0)return s;r();let a=this.log.commit(n,new Map([...i,...o.writes]));try{this.apply(o.writes),this.log.markApplied(a);let c=this.log.recordFile(n);c&&Ge(c)}catch{}return s})}async read(t){let r=Date.now()+this.lockWaitMs;for(;;){let n=this.log.head(),i=this.log.record(n);if(i||this.log.recordFile(n)===void 0){let o=i&&(!i.applied||i.owner.boot!==Fn())?i:void 0,s=await t(new an(this.dataDir,o?.writes,o?.file));if(this.log.isCurrent(n))return s}if(Date.now()>=r)throw new j("unavailable",`the store in ${this.dataDir} changed under every read for ${this.lockWaitMs/1e3}s`,"retry later");await new Promise(o=>setTimeout(o,YE*(.5+Math.random())))}}settle(t){let r=this.log.record(t);if(!r)return new Map;let n=r.owner.boot===Fn();if(!r.applied&&Bn(r.owner)&&r.owner.pid!==kr().pid)throw new j("unavailable",`process ${r.owner.pid} is still applying its commit to the store in ${this.dataDir}; nothing was written`,"retry later");return!r.applied||!n?(this.apply(r.writes),this.checkpoint(r),new Map):r.writes.size>HE?(this.checkpoint(r),new Map):r.writes}checkpoint(t){let r=new Set;for(let n of t.writes.keys()){let i=this.pathOf(n);t.writes.get(n)!==null&&_r(i),r.add((0,Ne.dirname)(i))}for(let n of r)_r(n);this.log.drop(t)}apply(t){for(let[r,n]of t)n===null?Ge(this.pathOf(r)):Ln(this.pathOf(r),n,this.tempDir,"cached")}async notes(){let t={notes:[],problems:[]};if(!(0,Wt.existsSync)(this.dataDir))return t;let r=[],n=[],i=o=>{for(let s of(0,Wt.readdirSync)(o,{withFileTypes:!0})){let a=(0,Ne.relative)(this.dataDir,(0,Ne.join)(o,s.name)).split(Ne.sep).join("/");if(o===this.dataDir&&s.name===sl)n.push(...(0,Wt.readdirSync)((0,Ne.join)(o,s.name)).map(c=>`${sl}/${c}`));else{if(o===this.dataDir&&ol(s.name))continue;s.isDirectory()?i((0,Ne.join)(o,s.name)):s.name.endsWith(".json")||r.push(a)}}};i(this.dataDir),r.length>0&&t.notes.push(`file(s) that ippool did not write, ignored: ${r.join(", ")}`),n.length>0&&t.notes.push(`${n.length} temporary file(s) left by killed writes (never read; the next ippool write removes them): ${n.slice(0,5).join(", ")}${n.length>5?", ...":""}`);try{let o=this.log.head(),s=this.log.record(o);if(s&&!s.applied){let a=(0,Ne.relative)(this.dataDir,s.file),c=Bn(s.owner)?`process ${s.owner.pid} is applying it`:"its writer died before it was applied; the next ippool write applies it";t.notes.push(`${a} holds a committed change of ${s.writes.size} write(s) not yet in the files (${c}); it was checked as applied`)}}catch(o){if(!Me(o))throw o;let s=(0,Ne.relative)(this.dataDir,this.log.recordFile(this.log.head())??this.log.dir);t.problems.push({key:s.replace(/\\.json$/,""),message:`${o.message} (every ippool call fails until it is restored or removed)`})}return t}};async function Tt(e){let t=e.datastore;if(t.type==="disk")return new Bo(e.dataDir,e.lockWaitSeconds*1e3);let{EtcdStore:r}=await Promise.resolve().then(()=>(Ng(),Eg)),n={...t.caFile?{caFile:t.caFile}:{},...t.certFile?{certFile:t.certFile}:{},...t.keyFile?{keyFile:t.keyFile}:{}},i=e.nodename?{turn:`${t.prefix}@${e.nodename}`}:{};return new r({endpoints:t.endpoints,prefix:t.prefix,tls:n,timeoutMs:t.timeoutSeconds*1e3,turnWaitMs:e.lockWaitSeconds*1e3,...i})}be();kt();xe();var un=$r(Pg()),$e=e=>e===4?32:128;function G(e){if(un.default.IPv4.isValidFourPartDecimal(e))return{family:4,value:Tg(un.default.IPv4.parse(e).toByteArray())};if(e.includes(":")&&!e.includes("%")&&un.default.IPv6.isValid(e))return{family:6,value:Tg(un.default.IPv6.parse(e).toByteArray())}}function J(e){let t=e.indexOf("/");if(t<0)return;let r=G(e.slice(0,t)),n=e.slice(t+1);if(!r||!/^\\d{1,3}$/.test(n))return;let i=Number(n);if(i>$e(r.family))return;let o=r.value&hN(r.family,i);return{cidr:{family:r.family,network:o,prefix:i},hadHostBits:o!==r.value}}function Ze(e,t){let r=$e(e)/8,n=new Array(r),i=t;for(let o=r-1;o>=0;o--)n[o]=Number(i&0xffn),i>>=8n;return un.default.fromByteArray(n).toString()}var Oe=(e,t)=>Ze(e.family,e.network+t),me=e=>`${Ze(e.family,e.network)}/${e.prefix}`,ni=e=>1n<<BigInt($e(e.family)-e.prefix),ft=(e,t,r)=>t===e.family&&r>=e.network&&r<e.network+ni(e),pt=(e,t)=>e.family===t.family&&e.network<t.network+ni(t)&&t.network<e.network+ni(e);function Re(e,t){return e.family!==t.family?e.family-t.family:e.network!==t.network?e.network<t.network?-1:1:e.prefix-t.prefix}function hN(e,t){let r=BigInt($e(e));return(1n<<r)-1n^(1n<<r-BigInt(t))-1n}function Tg(e){let t=0n;for(let r of e)t=t<<8n|BigInt(r);return t}xe();var Qe=/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/,Ht={reportInput:!0},gN="Invalid input";function Yt(e,t=""){return e.issues.map(r=>{let n=Rg(t,r.path);return r.code==="unrecognized_keys"?r.keys.map(i=>`unknown field ${Rg(n,[i])}`).join("; "):`${n||"document"}: ${yN(r)}`}).join("; ")}function yN(e){let t=vN(e),r=t!==void 0?`got ${wN(t)}`:"missing";if(e.message!==gN)return r==="missing"?`${e.message} (missing)`:`${e.message} (${r})`;let n=zg(e);return r==="missing"?n.length>0?`missing; expected ${Dg(n)}`:"missing":n.length>0?`expected ${Dg(n)}, ${r}`:`not accepted (${r})`}function vN(e){let t="input"in e?e.input:void 0,r=e.path[e.path.length-1];return e.code!=="invalid_union"||typeof t!="object"||t===null||typeof r!="string"?t:t[r]}function zg(e){switch(e.code){case"invalid_type":return e.expected==="boolean"?["true","false"]:[bN[e.expected]??`a ${e.expected}`];case"invalid_value":return e.values.map(t=>JSON.stringify(t)??String(t));case"too_small":return[`${Ag(e.origin,e.inclusive,"at least","more than")} ${String(e.minimum)}${Cg(e.origin)}`];case"too_big":return[`${Ag(e.origin,e.inclusive,"at most","less than")} ${String(e.maximum)}${Cg(e.origin)}`];case"invalid_union":return[...new Set(e.errors.flatMap(t=>t.filter(r=>r.path.length===0).flatMap(zg)))];default:return[]}}var bN={string:"a string",number:"a number",int:"an integer",object:"an object",array:"a list"},Ag=(e,t,r,n)=>e==="number"||e==="int"||e==="bigint"?`a number ${t?r:n}`:r,Cg=e=>e==="string"?" character(s)":e==="array"||e==="set"?" entry(ies)":"",Dg=e=>e.length<=1?e[0]??"":`${e.slice(0,-1).join(", ")} or ${e[e.length-1]}`;function wN(e){if(Array.isArray(e))return e.length===0?"an empty list":`a list of ${e.length}`;if(typeof e=="object"&&e!==null)return"an object";let t=JSON.stringify(e)??String(e);return t.length>60?`${t.slice(0,57)}...`:t}var jg=e=>e.issues.every(t=>t.code==="unrecognized_keys");function Rg(e,t){let r=e;for(let n of t)r+=typeof n=="number"?`[${n}]`:`${r?".":""}${String(n)}`;return r}var Mg=["always","cross-subnet"],$N=A().check(Fe(e=>J(e)!==void 0,{message:"not a valid IPv4 or IPv6 CIDR"})),dl=we({apiVersion:Pt("v1",{message:\'apiVersion must be "v1" (the Calico v1 ipPool format)\'}),kind:Pt("ipPool",{message:\'kind must be "ipPool"\'}),metadata:we({cidr:$N}),spec:ee(we({ipip:z(we({enabled:ee(Gt(),!0),mode:ee(sn(Mg,{message:`mode must be one of ${Mg.join(", ")}`}),"always")})),"nat-outgoing":ee(Gt(),!1),disabled:ee(Gt(),!1)}),{"nat-outgoing":!1,disabled:!1})});function Xt(e,t){let r=X(dl,e,Ht);if(!r.success)throw new $(_.invalidConfig,`${t}: ${Yt(r.error)}`);let n=r.data,i=fl(n);if(i.cidr.family===6&&i.ipip?.enabled)throw new $(_.invalidConfig,`${t}: spec.ipip: IP-in-IP is not supported on an IPv6 pool (${i.id})`,"remove spec.ipip or set spec.ipip.enabled: false; IPv6 pool traffic between nodes is routed directly");let o=[];return J(n.metadata.cidr).hadHostBits&&o.push(`${t}: cidr ${n.metadata.cidr} has host bits set; stored as ${i.id}`),i.ipip?.enabled&&!i.natOutgoing&&o.push(`${t}: pool ${i.id} has ipip enabled but nat-outgoing off; traffic between containers and hosts may be routed asymmetrically and dropped by reverse-path filtering (set spec.nat-outgoing: true)`),{pool:i,warnings:o}}function fl(e){let{cidr:t}=J(e.metadata.cidr);return{cidr:t,id:me(t),...e.spec.ipip?{ipip:{enabled:e.spec.ipip.enabled,mode:e.spec.ipip.mode}}:{},natOutgoing:e.spec["nat-outgoing"],disabled:e.spec.disabled}}function Ho(e){return{apiVersion:"v1",kind:"ipPool",metadata:{cidr:e.id},spec:{...e.ipip?{ipip:{enabled:e.ipip.enabled,mode:e.ipip.mode}}:{},"nat-outgoing":e.natOutgoing,disabled:e.disabled}}}var et="pools",Yo=qe({pools:pe(dl)}),Xo=e=>e.replace("/","_"),_e=e=>e.replace("_","/"),Lg=A().check(Nt(/^[0-9a-f]+$/)),Ug=A().check(Nt(/^\\d+$/)),qg=on().check(Xn()),ii=A().check(Nt(Qe),Qn(253)),tt="block/",mt=e=>`${tt}${Xo(e)}/`,H=(e,t)=>`${mt(e)}${t.toString(16)}`,_N=qe({attachment:A(),handle:A()}),le=qe({pool:A(),node:ii,seq:qg,bitmap:A().check(Nt(/^[0-9a-f]*$/)),owners:Lo(Ug,_N)}),pl="block-claim/",ml=e=>`${pl}${Xo(e)}/`,Pe=(e,t)=>`${ml(e)}${t.toString(16)}`,Qo=qe({pool:A(),node:ii}),Pr="pools-with-blocks/",At=e=>`${Pr}${Xo(e)}`,es=qe({pool:A()}),Ct="claims/";var oi=qe({pool:A(),blocks:Lo(Lg,ii)}),dn="node-state/",Dt=e=>`${dn}${e}/`,he=(e,t)=>`${Dt(e)}${Xo(t)}`,Qt=qe({pool:A(),node:ii,cursor:z(Ug),blocks:Lo(Lg,qg)}),ht=(e,t,r)=>`${e}/${t}:${r}`,rt="attachment/",ue=e=>`${rt}${e}`,Fg=e=>`${rt}${e}/`,Se=qe({network:A(),containerId:A(),ifname:A(),node:ii,handle:A(),addresses:pe(qe({pool:A(),address:A()})),allocatedAt:A(),podNamespace:z(A()),podName:z(A())}),ge=e=>ht(e.network,e.containerId,e.ifname);function F(e){let t=J(e);if(!t||me(t.cidr)!==e)throw new Error(`internal error: bad pool id ${e}`);return t.cidr}be();var Te=e=>e===""?0n:BigInt(`0x${e}`),Tr=e=>e.toString(16),er=(e,t)=>(e>>BigInt(t)&1n)===1n,fn=(e,t)=>e|1n<<BigInt(t),Bg=(e,t)=>e&~(1n<<BigInt(t));function pn(e){let t=[];for(let r=0,n=e;n>0n;r++,n>>=1n)n&1n&&t.push(r);return t}var Zg=64n;function Y(e){let t=ni(e),r=$e(e.family)-e.prefix,n=new Set,i=r>=2?1n:void 0;i!==void 0&&(n.add(0n),e.family===4&&n.add(t-1n),n.add(i));let o=t<Zg?t:Zg;return{cidr:e,size:t,blockSize:o,blockCount:t/o,gatewayOffset:i,reserved:n}}function mn(e,t){if(e.reserved.has(t))return t===0n?"network address":t===e.gatewayOffset?"gateway (network+1)":"broadcast address"}var ts=e=>e.size-BigInt(e.reserved.size);function si(e,t){let r=Number(e.blockSize);for(let n of e.reserved)n/e.blockSize===t&&r--;return r}kt();var Ar=(e,t)=>G(t).value-F(e).network;function Rt(e,t){let{blockSize:r}=Y(F(e));return{block:t/r,bit:Number(t%r)}}async function nt(e,t,r){return await e.get(he(t,r),Qt)??{pool:r,node:t,blocks:{}}}var Vg=(e,t,r)=>Zt(new j("damaged",r,"nothing was allocated from it; see \'ippool verify\'"),H(e,t));function it(e,t){let r=F(e),{blockSize:n}=Y(r),i=$e(r.family)-(n.toString(2).length-1);return`${Oe(r,t*n)}/${i}`}async function tr(e,t,r){let n=H(t,r),i=await e.get(n,le);if(!i)return;let o=(await nt(e,i.node,t)).blocks[r.toString(16)];if(o!==void 0&&i.seq<o)throw Vg(t,r,`block ${n} is older than node ${i.node}\'s record of it (the block shows write ${i.seq}, the node recorded write ${o}): it was restored from an earlier copy, so addresses handed out since may look free`);return i}async function Kg(e,t,r,n){let i=await tr(e,r,n);if(i)return i;throw rs(r,n,`node ${t}\'s state ${he(t,r)}`)}var rs=(e,t,r)=>Vg(e,t,`block ${H(e,t)} is missing, but ${r} lists it as claimed`);function Cr(e,t,r){return e.get(Pe(t,r),Qo)}async function SN(e,t,r,n){let i=await Cr(e,t,r);if(i)throw rs(t,r,`its claim ${Pe(t,r)} (node ${i.node})`);e.put(Pe(t,r),{pool:t,node:n}),await ai(e,t)}async function ai(e,t){await e.get(At(t),es)||e.put(At(t),{pool:t})}function rr(e){let t=Te(e.bitmap);for(let r of Object.keys(e.owners))t=fn(t,Number(r));return t}async function Jg(e,t,r,n){let i=n.seq+1;e.put(H(t,r),{...n,seq:i});let o=await nt(e,n.node,t);e.put(he(n.node,t),{...o,blocks:{...o.blocks,[r.toString(16)]:i}})}async function Gg(e,t,r,n,i){let{block:o,bit:s}=Rt(t,r),a=await tr(e,t,o);a||await SN(e,t,o,i);let c=a??{pool:t,node:i,seq:0,bitmap:"",owners:{}};if(er(rr(c),s))throw new Error(`internal error: offset ${r} of pool ${t} is taken`);let l=fn(Te(c.bitmap),s);await Jg(e,t,o,{...c,bitmap:Tr(l),owners:{...c.owners,[s]:n}})}async function Wg(e,t,r,n){let i=await nt(e,t,r);e.put(he(t,r),{...i,cursor:n.toString()})}async function ci(e,t,r,n){let{block:i,bit:o}=Rt(t,r),s=await tr(e,t,i);if(!s)return!1;let a=Te(s.bitmap),c=s.owners[o];if(!er(a,o)||c?.attachment!==n.attachment||c.handle!==n.handle)return!1;let{[o]:l,...u}=s.owners;return await Jg(e,t,i,{...s,bitmap:Tr(Bg(a,o)),owners:u}),!0}async function ns(e,t,r){let{block:n,bit:i}=Rt(t,r),o=await tr(e,t,n);return o&&er(Te(o.bitmap),i)?o.owners[i]:void 0}function Hg(e){let t=/^([^/]+)\\/([0-9a-f]+)$/.exec(e.startsWith(tt)?e.slice(tt.length):"");return t?it(_e(t[1]),BigInt(`0x${t[2]}`)):void 0}var hl=(e,t)=>`ippool blocks rebuild ${e} ${t}`;function kN(e,t){let r=`\'ippool verify ${t}\' lists every problem`,n=Hg(e);return n!==void 0?`rebuild it from the attachment records with \'${hl(n,t)}\' (every address a record holds stays taken), or put back its newest copy; ${r}`:e===et?`it holds the pool definitions, no address: restore it from a backup, or remove it and apply the pool files again with \'ippool apply -f FILE ${t}\'; ${r}`:e.startsWith(rt)?`restore it from a backup; its addresses stay taken until then; ${r}`:`restore it from a backup; ${r}`}function Yg(e){let t=new RegExp(`\\\\b${tt}[^\\\\s/]+/[0-9a-f]+\\\\b`,"g"),r=e.flatMap(n=>[n.key,...n.message.match(t)??[]]);return[...new Set(r.map(Hg).filter(n=>n!==void 0))]}function is(e){let t=r=>{let n=ho(r);throw n===void 0||!Me(r)?r:Object.assign(new j("damaged",r.message,kN(n,e.cliFlags)),{damagedKey:n})};return yo(e,r=>r().catch(t))}xe();xe();var Dr=["0.1.0","0.2.0","0.3.0","0.3.1","0.4.0","1.0.0","1.1.0"],Xg="1.1.0",yl=e=>typeof e=="string"&&Dr.includes(e);function gl(e,t){return Dr.indexOf(e)-Dr.indexOf(t)}function Qg(e){return gl(e,"0.3.0")<0?"legacy":gl(e,"1.0.0")<0?"versioned-ips":"ips"}var xN={CHECK:"0.4.0",GC:"1.1.0",STATUS:"1.1.0"};function ey(e,t){let r=xN[e];if(r&&gl(t,r)<0)throw new $(_.incompatibleVersion,`${e} needs a config of cniVersion ${r} or later, this one is ${t}`,`raise "cniVersion" in the network config to ${r} or later`)}xe();var IN=/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/,ty=253;function nr(e){if(e.length>ty)return`a node name may be at most ${ty} characters`;if(!IN.test(e))return"a node name is lower-case letters, digits, \'-\' and \'.\', starting and ending with a letter or digit"}var os=A().check(Fe(e=>nr(e)===void 0,{error:e=>nr(String(e.input))}));var ss="/var/lib/cni/ippool",EN=30,NN="/ippool",ON=10,ry=200,PN=A().check(Fe(e=>J(e)!==void 0,{message:"not a valid CIDR"})),sy=A().check(Fe(e=>G(e)!==void 0,{message:"not a valid IP address"})),ny=ig([Gt(),qo(sn(["true","false"]),Uo(e=>e==="true"))]),li=z(on().check(Xn())),hn=z(pe(A())),TN=we({dst:PN,gw:z(sy),mtu:li,advmss:li,priority:li,table:li,scope:li}),AN=we({nameservers:z(pe(sy)),domain:z(A()),search:hn,options:hn}),ui=()=>A().check(Fe(e=>e.startsWith("/")&&!e.includes("\\0"),{message:"must be an absolute path"})),CN=()=>A().check(Fe(e=>/^https?:\\/\\/[^/?#\\s]+\\/?$/.test(e),{message:"must be an http:// or https:// URL with a host and port and no path"})),DN=()=>og("type",[we({type:Pt("disk")}),we({type:Pt("etcd"),endpoints:pe(CN()).check(Yc(1,{message:"needs at least one endpoint"})),prefix:ee(A().check(Nt(/^(\\/[^/\\0]+)+$/,{message:\'must be an etcd key path such as "/ippool" (no trailing slash)\'})),NN),timeoutSeconds:ee(ei().check(jo(),Nr(600)),ON),caFile:z(ui()),certFile:z(ui()),keyFile:z(ui())}).check(Fe(zN,{message:"https endpoints need caFile (and certFile with keyFile for a client certificate); http endpoints take no TLS files; endpoints may not mix http and https"}))],{message:\'expected "disk" or "etcd"\'}),RN,vl=()=>RN??=DN();function zN(e){let t=e.endpoints.map(r=>r.startsWith("https:"));return t.some(r=>r!==t[0])?!1:t[0]?e.caFile!==void 0&&e.certFile===void 0==(e.keyFile===void 0):e.caFile===void 0&&e.certFile===void 0&&e.keyFile===void 0}var jN=we({type:A(),dataDir:ee(ui(),ss),agentSocket:z(ui()),ipPools:ee(pe(Xe()),[]),ipv4_pools:hn,ipv6_pools:hn,assign_ipv4:z(ny),assign_ipv6:z(ny),routes:ee(pe(TN),[]),dns:z(AN),gateway:ee(sn(["first-address","none"]),"first-address"),addressPrefix:ee(sn(["pool","host"]),"pool"),nodename:z(os),lockWaitSeconds:ee(ei().check(jo(),Nr(600)),EN),datastore:ee(ag(()=>vl()),{type:"disk"})}),iy=qe({containerID:A(),ifname:A()}),MN=ce({cniVersion:A(),name:A().check(Nt(Qe,{message:`network name must match ${Qe.source}`}),Qn(ry,{message:`network name may be at most ${ry} characters`})),ipam:jN,runtimeConfig:z(ce({ips:hn})),args:z(ce({cni:z(ce({ips:hn}))})),prevResult:z(Xe()),"cni.dev/valid-attachments":z(tl(pe(iy))),"cni.dev/attachments":z(tl(pe(iy)))}),oy=64;function LN(e,t){let r=0,n=!1;for(let i=0;i<e.length;i++){let o=e.charCodeAt(i);if(n)o===92?i++:o===34&&(n=!1);else if(o===34)n=!0;else if(o===91||o===123){if(++r>t)return!0}else(o===93||o===125)&&r--}return!1}function ay(e){if(LN(e,oy))throw new $(_.decodeFailure,`network config on stdin nests deeper than ${oy} levels`,"a network config needs a few; check what generated it");let t;try{t=JSON.parse(e)}catch(r){throw new $(_.decodeFailure,"network config on stdin is not valid JSON",r.message)}if(typeof t!="object"||t===null||Array.isArray(t))throw new $(_.decodeFailure,"network config on stdin must be a JSON object");return t}function bl(e){let t=e.cniVersion??"0.1.0";if(!yl(t))throw new $(_.incompatibleVersion,`unsupported cniVersion ${JSON.stringify(t)}`,`ippool supports ${Dr.join(", ")}`);return t}function as(e){let t=bl(e),r=X(MN,{...e,cniVersion:t},Ht);if(!r.success){let i=jg(r.error)?_.unsupportedField:_.invalidConfig;throw new $(i,`invalid network config: ${Yt(r.error)}`,UN(e))}let n=r.data;return{cniVersion:t,name:n.name,ipam:n.ipam,requestedIps:{fromConfig:[...n.runtimeConfig?.ips??[],...n.args?.cni?.ips??[]],argsGiven:n.args!==void 0},prevResult:n.prevResult,validAttachments:[n["cni.dev/valid-attachments"],n["cni.dev/attachments"]].map(i=>i===null?[]:i).find(i=>i!==void 0)}}function UN(e){if(!(!Array.isArray(e.plugins)||e.ipam!==void 0))return`this is a conflist (a list of plugins under "plugins"); a plugin is given one entry of that list, with the list\'s name and cniVersion added, as a runtime (libcni) passes it: feed that entry, not the whole list`}function wl(e){let t=e&&e.cniVersion===void 0?"0.1.0":e?.cniVersion;return yl(t)?t:Xg}var I=class extends ae{constructor(r,n){super(r);this.command=n;this.name="UsageError"}},M=(e,t)=>{let r=e.flags[t];return typeof r=="string"?r:void 0},de=(e,t)=>e.flags[t]===!0;var qN=["etcd-prefix","etcd-ca-file","etcd-cert-file","etcd-key-file"];function ly(e,t,r){let n=p=>{let f=e[p];return typeof f=="string"?f:void 0},i=p=>t[p]===""?void 0:t[p],o=n("data-dir"),s=n("etcd-endpoints");if(o!==void 0&&s!==void 0)throw new I("--data-dir selects the disk store and --etcd-endpoints etcd: give one of them, not both");let a=p=>({datastore:FN(p,e,t,r),dataDir:ss});if(o!==void 0)return{datastore:cy(e,"--data-dir selects the disk store"),dataDir:o};if(s!==void 0)return a(s);let c=i("IPPOOL_DATA_DIR"),l=i("ETCD_ENDPOINTS");if(c!==void 0&&l!==void 0)throw new I("both IPPOOL_DATA_DIR and ETCD_ENDPOINTS are set: choose the store with --data-dir DIR or --etcd-endpoints URL");return l!==void 0?a(l):{datastore:cy(e,"--etcd-endpoints (or ETCD_ENDPOINTS) is not given"),dataDir:c??ss}}function cy(e,t){let r=qN.find(n=>typeof e[n]=="string");if(r)throw new I(`--${r} goes with --etcd-endpoints, and ${t}`);return{type:"disk"}}function FN(e,t,r,n){let i=(l,u)=>{let p=typeof t[l]=="string"?t[l]:r[u];return p===""?void 0:p},o={prefix:i("etcd-prefix","IPPOOL_ETCD_PREFIX"),caFile:i("etcd-ca-file","ETCD_CA_CERT_FILE"),certFile:i("etcd-cert-file","ETCD_CERT_FILE"),keyFile:i("etcd-key-file","ETCD_KEY_FILE")},s=Object.fromEntries(Object.entries(o).filter(([,l])=>l!==void 0)),a=e.split(",").map(l=>l.trim()),c=X(vl(),{type:"etcd",endpoints:a,timeoutSeconds:n,...s},Ht);if(!c.success)throw new I(`invalid etcd settings: ${Yt(c.error)}`);return c.data}var uy=require("node:os");function cs(e,t){if(e!==void 0)return e;let[r,n]=t.NODENAME?[t.NODENAME,"env variable NODENAME"]:[(0,uy.hostname)().trim().toLowerCase(),"the host name"],i=nr(r);if(i!==void 0)throw new $(_.invalidEnvironment,`node name ${JSON.stringify(r)} from ${n} cannot name a node record: ${i}`,"set ipam.nodename or NODENAME (the CLI: --nodename) to the node\'s name, the one \'ippool node register\' records");return r}var $l=require("node:fs"),dy=require("node:path");kt();var fy=(e,t)=>e.datastore.type==="disk"?`data dir ${e.dataDir}`:t.location;function py(e){let{datastore:t}=e;return t.type==="etcd"?r=>`${t.prefix}/${r}`:r=>(0,dy.join)(e.dataDir,r.endsWith("/")?r:`${r}.json`)}function my(e){if(e.datastore.type==="disk")try{if(!(0,$l.statSync)(e.dataDir).isDirectory()){let t="give the directory that holds the store with --data-dir";throw new $(_.ioFailure,`data dir ${e.dataDir} is not a directory`,t)}}catch(t){if(t.code!=="ENOENT")throw t}}function hy(e,t,r){let n,i=()=>n??=BN(e,t,r);return yo(t,async o=>(await i(),o()))}async function BN(e,t,r){if((await t.read(a=>a.list(""))).length>0)return;let n=e.datastore.type==="disk",i=n?(0,$l.statSync)(e.dataDir,{throwIfNoEntry:!1})?"it holds nothing ippool wrote":"the directory does not exist":"no key under the prefix",s=`${n?"check --data-dir (or IPPOOL_DATA_DIR)":"check --etcd-prefix (or IPPOOL_ETCD_PREFIX) and --etcd-endpoints"}; \'ippool apply -f FILE\' or the plugin\'s first ADD creates one`;throw new $(_.ioFailure,`no ippool store in ${r}: ${i}`,s)}var ls={"data-dir":{type:"string",value:"DIR",help:"the store the plugin uses (env IPPOOL_DATA_DIR; default /var/lib/cni/ippool)"},"etcd-endpoints":{type:"string",value:"URL[,URL...]",help:"use the etcd datastore at these endpoints instead of the data dir (env ETCD_ENDPOINTS)"},"etcd-prefix":{type:"string",value:"PREFIX",help:"the etcd key prefix (env IPPOOL_ETCD_PREFIX; default /ippool)"},"etcd-ca-file":{type:"string",value:"FILE",help:"CA of the etcd members\' certificates, for https endpoints (env ETCD_CA_CERT_FILE)"},"etcd-cert-file":{type:"string",value:"FILE",help:"client certificate for etcd (env ETCD_CERT_FILE)"},"etcd-key-file":{type:"string",value:"FILE",help:"key of the client certificate (env ETCD_KEY_FILE)"},nodename:{type:"string",value:"NAME",help:"the node to act for (env NODENAME; default the host name)"},help:{type:"boolean",short:"h",help:"show help for the command"},version:{type:"boolean",help:"print the version and which build of ippool this is, and exit"}};function gy(e,t){let r,n=[],i={},o=()=>({...ls,...r?t[r]?.flags:{}});for(let s=0;s<e.length;s++){let a=e[s];if(a==="--"){n.push(...e.slice(s+1));break}if(a.length>1&&a.startsWith("-")){let{name:c,inline:l}=ZN(a,o(),r),u=o()[c];if(u.type==="boolean"){if(l!==void 0)throw new I(`flag --${c} takes no value`,r);i[c]=!0;continue}let p=e[s+1],f=l??(p!==void 0&&!/^--./.test(p)?e[++s]:void 0);if(f===void 0)throw new I(`flag --${c} needs a value (${u.value??"VALUE"})`,r);if(i[c]!==void 0)throw new I(`flag --${c} given twice; it takes one value (${u.value??"VALUE"})`,r);i[c]=f;continue}if(r===void 0&&a==="help"&&i.help!==!0)i.help=!0;else if(r===void 0){if(!Object.hasOwn(t,a))throw new I(`unknown command \'${a}\'; commands: ${Object.keys(t).join(", ")}`);r=a}else n.push(a)}return{...r!==void 0?{command:r}:{},positionals:n,flags:i}}function ZN(e,t,r){let n=r?` for \'ippool ${r}\'`:"";if(e.startsWith("--")){let a=e.indexOf("="),c=a<0?e.slice(2):e.slice(2,a);if(!Object.hasOwn(t,c))throw new I(`unknown flag --${c}${n}`,r);return a<0?{name:c}:{name:c,inline:e.slice(a+1)}}let i=e[1],o=Object.entries(t).find(([,a])=>a.short===i);if(!o)throw new I(`unknown flag -${i}${n}`,r);let s=e.slice(2).replace(/^=/,"");return s===""?{name:o[0]}:{name:o[0],inline:s}}var iw=$r(rd());function mr(e,t){let r=e.map((i,o)=>Math.max(i.length,...t.map(s=>(s[o]??"").length))),n=i=>i.map((o,s)=>s===i.length-1?o:o.padEnd(r[s])).join("  ").trimEnd();return[n(e),...t.map(n)].join(`\n`)+`\n`}function vt(e){let t="__ippool_bigint__";return JSON.stringify(e,(n,i)=>typeof i=="bigint"?`${t}${i}`:i,2).replace(new RegExp(`"${t}(\\\\d+)"`,"g"),"$1")+`\n`}var ow=e=>e.map(t=>(0,iw.stringify)(t)).join(`---\n`);function Mt(e,t,r){if(e===void 0)return t[0];let n=t.find(i=>i===e.toLowerCase());if(!n)throw new I(`unknown output format \'${e}\'; use one of ${t.join(", ")}`,r);return n}function sw(e,t){if(t===0n)return"-";let r=e*10000n/t;return`${r/100n}.${(r%100n).toString().padStart(2,"0")}%`}function aw(e,t){let r=Math.floor((t.getTime()-Date.parse(e))/1e3);if(!Number.isFinite(r)||r<0)return e;let n=r<60?`${r}s`:r<3600?`${Math.floor(r/60)}m`:r<86400?`${Math.floor(r/3600)}h`:`${Math.floor(r/86400)}d`;return`${e} (${n} ago)`}var sa=(e,t,r)=>JSON.stringify(e.toDocument(t))===JSON.stringify(e.toDocument(r));var dw=$r(rd());var cw=16;function fw(e,t){let r=vC(e),n=r.ok?[r.value]:bC(e,t),i=[];if(n.forEach((o,s)=>{let a=`document ${s+1}`;o!=null&&(Array.isArray(o)?o.forEach((c,l)=>i.push({value:lw(c,`${a} item ${l+1}`,t),where:`${a} item ${l+1}`})):i.push({value:lw(o,a,t),where:a}))}),i.length===0)throw new $(_.decodeFailure,`${t} holds no resource`,"give one or more ipPool or node documents");return i}function vC(e){if(!/^\\s*[[{]/.test(e))return{ok:!1};try{return{ok:!0,value:JSON.parse(e)}}catch{return{ok:!1}}}function bC(e,t){let r;try{r=(0,dw.parseAllDocuments)(e,{uniqueKeys:!0,prettyErrors:!0,logLevel:"error"})}catch(n){throw n instanceof RangeError?new $(_.decodeFailure,`${t}: nested too deeply to read (${n.message})`,"a pool document needs a few levels of nesting; check what generated the file"):n}return r.map((n,i)=>{let o=`${t}: document ${i+1}`,[s]=n.errors;if(s)throw new $(_.decodeFailure,`${o}: ${uw(s.message)}`,"fix the YAML or JSON syntax");try{return n.toJS({maxAliasCount:cw})}catch(a){throw new $(_.decodeFailure,`${o}: ${uw(a.message)}`,`at most ${cw} alias expansions are allowed`)}})}function lw(e,t,r){if(typeof e=="object"&&e!==null&&!Array.isArray(e))return e;let n=Array.isArray(e)?"a list":e===null?"empty":`a ${typeof e}`;throw new $(_.invalidConfig,`${r}: ${t} is ${n}, not a resource`,"each document must be a mapping with apiVersion, kind, metadata and spec")}var uw=e=>e.split(`\n`)[0].replace(/:$/,"");async function qr(e){return(await e.list(tt)).map(t=>_e(t.slice(tt.length)))}async function aa(e,t){let r=mt(t);return(await e.list(r)).map(n=>BigInt(`0x${n.slice(r.length)}`))}async function Fi(e){return(await e.list(dn)).map(t=>t.slice(dn.length))}function pw(e,t,r){let n=Y(F(t)),i=r*n.blockSize;return pn(Te(e.bitmap)).filter(o=>!n.reserved.has(i+BigInt(o))).length}async function ca(e,t){let r=0n;for(let n of await aa(e,t)){let i=await e.get(H(t,n),le);i&&(r+=BigInt(pw(i,t,n)))}return r}async function Fr(e){let t=[],r=(await qr(e)).sort((n,i)=>Re(F(n),F(i)));for(let n of r){let i=Y(F(n)),o=(await aa(e,n)).sort((s,a)=>s<a?-1:s>a?1:0);for(let s of o){let a=await e.get(H(n,s),le);if(!a)continue;let c=pw(a,n,s);t.push({cidr:it(n,s),pool:n,node:a.node,used:c,free:Math.max(0,si(i,s)-c)})}}return t}async function la(e,t,r){let n=[],i=(await e.list(Dt(t))).map(o=>_e(o.slice(Dt(t).length)));for(let o of i){let s=await e.get(he(t,o),Qt);if(!s)continue;let a={...s.blocks},c=n.length;for(let l of Object.keys(s.blocks)){let u=BigInt(`0x${l}`),p=await tr(e,o,u);!p||p.node!==t||Te(p.bitmap)!==0n||(e.delete(H(o,u)),e.delete(Pe(o,u)),delete a[l],n.push(it(o,u)))}n.length>c&&await wC(e,o),r&&Object.keys(a).length===0?e.delete(he(t,o)):Object.keys(a).length!==Object.keys(s.blocks).length&&e.put(he(t,o),{...s,blocks:a})}return n}async function wC(e,t){(await e.peekList(mt(t))).length>0||(await e.list(mt(t))).length===0&&e.delete(At(t))}async function hr(e,t){let r=ts(Y(F(t))),n=await ca(e,t);return{capacity:r,used:n,free:r>n?r-n:0n}}xe();var $C=4294967295,mw=e=>A().check(Fe(t=>Bi(t)?.family===e,{message:`not an IPv${e} address with prefix (e.g. ${e===4?"192.168.10.11/24":"fd00:10::11/64"})`})),Zi=we({apiVersion:Pt("v1",{message:\'apiVersion must be "v1" (the Calico v1 node format)\'}),kind:Pt("node",{message:\'kind must be "node"\'}),metadata:we({name:os}),spec:ee(we({bgp:z(we({ipv4Address:z(mw(4)),ipv6Address:z(mw(6)),asNumber:z(on().check(Yn(1),Nr($C)))}))}),{})});function Bi(e){let t=e.indexOf("/"),r=G(t<0?e:e.slice(0,t));if(!r)return;let n=$e(r.family),i=t<0?String(n):e.slice(t+1);if(!/^\\d{1,3}$/.test(i)||Number(i)>n)return;let o=Number(i),s=(1n<<BigInt(n-o))-1n,a=Ze(r.family,r.value);return{family:r.family,value:r.value,address:a,subnet:{family:r.family,network:r.value&~s,prefix:o},text:`${a}/${o}`}}function ua(e,t){let r=X(Zi,e,Ht);if(!r.success)throw new $(_.invalidConfig,`${t}: ${Yt(r.error)}`);let n=nd(r.data),i=[],o=r.data.spec.bgp;for(let[s,a]of[["ipv4Address",o?.ipv4Address],["ipv6Address",o?.ipv6Address]])a!==void 0&&!a.includes("/")&&i.push(`${t}: spec.bgp.${s} ${a} has no prefix; read as a subnet of one, so every other node counts as in another subnet (give e.g. ${a}/24)`);return{node:n,warnings:i}}function nd(e){let t=e.spec.bgp;return{name:e.metadata.name,...t?.ipv4Address!==void 0?{ipv4:Bi(t.ipv4Address)}:{},...t?.ipv6Address!==void 0?{ipv6:Bi(t.ipv6Address)}:{},...t?.asNumber!==void 0?{asNumber:t.asNumber}:{}}}function En(e){let t={...e.ipv4?{ipv4Address:e.ipv4.text}:{},...e.ipv6?{ipv6Address:e.ipv6.text}:{},...e.asNumber!==void 0?{asNumber:e.asNumber}:{}};return{apiVersion:"v1",kind:"node",metadata:{name:e.name},spec:Object.keys(t).length>0?{bgp:t}:{}}}var id=(e,t)=>t===4?e.ipv4:e.ipv6;var od="nodes/",sd=e=>`${od}${e}`;async function Vi(e,t){let r=await e.get(sd(t),Zi);return r&&nd(r)}async function da(e){let t=[];for(let r of await e.list(od)){let n=await Vi(e,r.slice(od.length));n&&t.push(n)}return t.sort((r,n)=>r.name<n.name?-1:r.name>n.name?1:0)}var fa=(e,t)=>e.put(sd(t.name),En(t)),hw=(e,t)=>e.delete(sd(t));function _C(e,t){let r=nr(e);if(r!==void 0)throw new I(`\'${e}\' is not a node name: ${r}`,t);return e}var pa={kind:"node",aliases:["node","nodes","no","nos"],noun:"node",idField:"metadata.name",addWith:"\'ippool create\', \'ippool apply\' or \'ippool node register\'",deleteNeedsName:"\'ippool delete node\' needs the name of the node to delete",parse(e,t){let{node:r,warnings:n}=ua(e,t);return{resource:r,warnings:n}},idArgument:_C,idOf:e=>e.name,toDocument:En,async open(e,t,r){let n=t==="delete"?await Fr(e):[];return{find:i=>Vi(e,i),write:i=>fa(e,i),async holds(i){let o=n.filter(c=>c.node===i&&c.used>0);if(o.length===0)return;let s=o.reduce((c,l)=>c+l.used,0),a=o.map(c=>c.cidr).join(", ");return{refusal:`node ${i} still holds ${s} allocation(s) in block(s) ${a}; release them (\'ippool release\', \'ippool reclaim\') or delete it anyway with --force`,warning:`node ${i} deleted with ${s} allocation(s) still held in block(s) ${a}; other nodes no longer route to them`}},async remove(i){if(hw(e,i),!r.releaseBlocks)return[];let o=await la(e,i,!0);return[`released ${o.length} empty block(s) of node ${i}${o.length>0?`: ${o.join(", ")}`:""}`]}}},readAll:da,async table(e,t){return t?{headers:["NAME","ASN","IPV4","IPV6"],rows:e.map(r=>[r.name,r.asNumber!==void 0?String(r.asNumber):"-",r.ipv4?.text??"-",r.ipv6?.text??"-"])}:{headers:["NAME"],rows:e.map(r=>[r.name])}}};async function ve(e){return((await e.get(et,Yo))?.pools??[]).map(fl)}function gw(e,t){e.put(et,{pools:t.map(Ho)})}async function yw(e,t,r){let n=new Set;for(let i of await e.list(mt(t))){let o=await e.get(i,le);for(let s of Object.values(o?.owners??{}))if(n.add(s.attachment),n.size>=r)return[...n]}return[...n]}var Br=qr;var SC=3;function ad(e,t){let r=J(e);if(!r)throw new I(`\'${e}\' is not an IPv4 or IPv6 CIDR (a pool is named by its CIDR, e.g. 10.22.0.0/16)`,t);return me(r.cidr)}var cd={kind:"ipPool",aliases:["ippool","ippools","ipp","ipps","pool","pools"],noun:"pool",idField:"metadata.cidr",addWith:"\'ippool create\' or \'ippool apply\'",deleteNeedsName:"\'ippool delete TYPE\' needs the CIDR of the pool to delete",parse(e,t){let{pool:r,warnings:n}=Xt(e,t);return{resource:r,warnings:n}},idArgument:ad,idOf:e=>e.id,toDocument:Ho,async open(e){let t=new Map((await ve(e)).map(n=>[n.id,n])),r=!1;return{find:async n=>t.get(n),write(n){t.set(n.id,n),r=!0},async holds(n){let{used:i}=await hr(e,n);if(i===0n)return;let o=await yw(e,n,SC),s=`${o.join(", ")}${i>BigInt(o.length)?`, and ${i-BigInt(o.length)} more`:""}`;return{refusal:`ipPool ${n} still holds ${i} allocation(s) (${s}); set spec.disabled: true first so it gets no new ones, release them (\'ippool release\', \'ippool reclaim\'), or delete it anyway with --force`,warning:`ipPool ${n} deleted with ${i} allocation(s) still held (${s}); they stay valid until DEL or \'ippool release\' frees them`}},async remove(n){return t.delete(n),r=!0,[]},async check(n){return kC(n,[...t.values()]),xC(e,n.map(i=>i.resource))},close(){r&&gw(e,[...t.values()].sort((n,i)=>Re(n.cidr,i.cidr)))}}},readAll:ve,async table(e,t,r){if(!t)return{headers:["CIDR"],rows:e.map(i=>[i.id])};let n=[];for(let i of e){let{used:o,free:s}=await hr(r,i.id),a=i.ipip?.enabled??!1;n.push([i.id,String(a),a?i.ipip.mode:"-",String(i.natOutgoing),String(i.disabled),String(o),String(s)])}return{headers:["CIDR","IPIP","IPIP MODE","NAT","DISABLED","USED","FREE"],rows:n}}};function kC(e,t){let r=new Set(e.map(i=>i.id)),n=t.filter(i=>!r.has(i.id));e.forEach((i,o)=>{let s=e.slice(0,o).find(u=>pt(u.resource.cidr,i.resource.cidr)),a=n.find(u=>pt(u.cidr,i.resource.cidr)),[c,l]=s?[s.id,s.document??s.where]:a?[a.id,"stored"]:[];if(c!==void 0)throw new $(_.invalidConfig,`${i.where}: metadata.cidr: pool ${i.id} overlaps pool ${c} (${l})`,"pools may not share addresses; nothing was changed")})}async function xC(e,t){let r=[];for(let n of await Br(e))for(let i of t){if(n===i.id||!pt(F(n),i.cidr))continue;let{used:o}=await hr(e,n);o>0n&&r.push(`pool ${i.id} overlaps pool ${n}, which is not stored but still holds ${o} address(es); ADD will not use ${i.id} until they are released`)}return r}var Ki=[cd,pa];function ld(e,t){let r=`accepted types: ${Ki.flatMap(i=>i.aliases).join(", ")} (any case)`;if(e===void 0)throw new I(`\'ippool ${t}\' needs a resource TYPE; ${r}`,t);let n=Ki.find(i=>i.aliases.includes(e.toLowerCase()));if(!n)throw new I(`unknown resource type \'${e}\'; ${r}`,t);return n}var vw=e=>Ki.find(t=>t.kind===e)??cd;async function bw(e,t){let r=t==="-"?"stdin":t,n=fw(await e.readInput(t),r),i=[],o=Ki.map(a=>({descriptor:a,targets:[]})),s=new Map;for(let a of n)try{let c=`${r}: ${a.where}`,{descriptor:l,targets:u}=o.find(g=>g.descriptor===vw(a.value.kind)),{resource:p,warnings:f}=l.parse(a.value,c),d=l.idOf(p),h=`${l.noun} ${d}`,m=s.get(h);m&&i.push(`${c}: ${l.idField}: ${h} is also given in ${m}`),s.set(h,m??a.where),u.push({id:d,resource:p,where:c,document:a.where,warnings:f})}catch(c){if(!(c instanceof $))throw c;i.push(c.message)}if(i.length>0)throw new $(_.invalidConfig,i.join("; "),"nothing was changed; fix the file and run the command again");return o.filter(a=>a.targets.length>0)}var ud={create:"created",apply:"applied",replace:"replaced",delete:"deleted"};function IC(e,t,r,n){let i=`${t.kind} ${r.id}`;return e==="delete"?n?"deleted":{failure:`${i} does not exist`}:e==="create"&&n?{failure:`${i} already exists; change it with \'ippool apply\' or \'ippool replace\'`}:e==="replace"&&!n?{failure:`${i} does not exist; add it with ${t.addWith}`}:n?sa(t,n,r.resource)?"unchanged":e==="replace"?"replaced":"configured":"created"}async function EC(e,t,{descriptor:r,targets:n},i,o){let s=await r.open(e,t,i),a=[];for(let c of n){let l=p=>o.failed.push(c.where?`${c.where}: ${p}`:p),u=IC(t,r,c,await s.find(c.id));if(typeof u!="string"){l(u.failure);continue}if(u==="deleted"){let p=await s.holds?.(c.id);if(p&&!i.force){l(p.refusal);continue}p&&o.warnings.push(p.warning),o.notes.push(...await s.remove(c.id))}else u!=="unchanged"&&s.write(c.resource);a.push({target:c,result:u})}t!=="delete"&&o.warnings.push(...await s.check?.(a.map(c=>c.target))??[]),s.close?.(),o.done.push(...a.map(({target:c,result:l})=>({kind:r.kind,id:c.id,result:l})))}async function NC(e,t,r){let n={force:de(e,"force"),releaseBlocks:de(e,"release-blocks")};return e.store.update(async i=>{let o={done:[],failed:[],warnings:[],notes:[]};for(let s of r)await EC(i,t,s,n,o);return o})}async function ww(e,t,r){let n=await NC(e,t,r),i=r.reduce((a,c)=>a+c.targets.length,0);for(let{kind:a,id:c,result:l}of n.done)e.out(`${l} ${a} ${c}\n`);for(let a of n.notes)e.out(`${a}\n`);n.warnings.forEach(e.warn);let o=r.map(a=>`\'${a.descriptor.kind}\'`).join(" and ");if(n.failed.length===0)return e.out(`Successfully ${ud[t]} ${i} ${o} resource(s) in ${e.storeName}\n`),0;let s=`${ud[t]} ${n.done.length} of ${i} ${o} resource(s)`;return n.done.length>0&&e.out(`Partial success: ${s} in ${e.storeName}\n`),n.failed.forEach(e.error),n.done.length===0&&e.error(`${ud[t]} none of ${i} ${o} resource(s) in ${e.storeName}`),1}var $w={type:"string",short:"f",value:"FILE",help:"YAML (one or more --- documents) or JSON; \'-\' reads stdin"};async function _w(e,t){let r=M(e,"filename");if(r===void 0)throw new I(`\'ippool ${t}\' needs -f FILE`,t);let n=await bw(e,r);return t!=="delete"&&n.flatMap(i=>i.targets).forEach(i=>i.warnings.forEach(e.warn)),ww(e,t,n)}var dd=(e,t,r)=>({summary:t,args:[],usage:[`${e} -f FILE`],description:[r,"Every document is validated before any is applied: one invalid document (named by its index and field path) changes nothing."],flags:{filename:$w},examples:[`ippool ${e} -f pools.yaml`,`cat pool.json | ippool ${e} -f -`],run:n=>_w(n,e)}),Sw=dd("create","create pools from a file; fails for a pool that exists","Creates each ipPool of FILE. A pool whose CIDR already exists is an error (the others are still created)."),kw=dd("apply","create or update pools from a file","Creates each ipPool of FILE that does not exist and updates each that does. Changing ipip, nat-outgoing or disabled never disturbs existing allocations."),xw=dd("replace","update existing pools from a file; fails for a missing pool","Replaces each ipPool of FILE, which must exist (the others are still replaced). Allocations are never disturbed."),Iw={summary:"delete pools named in a file or by CIDR",args:["TYPE","CIDR|NAME..."],requiresStore:!0,usage:["delete -f FILE [--force] [--release-blocks]","delete TYPE CIDR [CIDR...] [--force]","delete node NAME [NAME...] [--force] [--release-blocks]"],description:["A pool that still holds allocations is not deleted: the error says how many and by whom. Disable it first","(spec.disabled: true) so it gets no new ones, release what it holds, then delete it. --force deletes the","resource anyway; its allocations stay valid and are freed by the runtime\'s DEL or \'ippool release\'.","A node is refused likewise while a block affine to it holds addresses. --release-blocks also hands the","deleted node\'s empty blocks back (as \'blocks release --all-empty\'), so other nodes may claim them."],flags:{filename:$w,force:{type:"boolean",help:"delete even when the pool (or node) still holds allocations"},"release-blocks":{type:"boolean",help:"with a node: hand its empty blocks back"}},examples:["ippool delete pool 10.22.0.0/16","ippool delete -f pools.yaml","ippool delete ippool 10.21.0.0/16 --force","ippool delete node node-b"],run:async e=>{if(M(e,"filename")!==void 0)return _w(e,"delete");let[t,...r]=e.positionals,n=ld(t,"delete");if(r.length===0)throw new I(`${n.deleteNeedsName} (or -f FILE)`,"delete");let i=r.map(o=>({id:n.idArgument(o,"delete"),where:""}));return ww(e,"delete",[{descriptor:n,targets:i}])}},OC=["ps","wide","yaml","json"],Ew={summary:"list pools or nodes (table, wide table with usage, YAML or JSON)",args:["TYPE","CIDR|NAME..."],requiresStore:!0,usage:["get TYPE [CIDR...] [-o ps|wide|yaml|json]","get nodes [NAME...] [-o ps|wide|yaml|json]"],description:["TYPE is ippool, ippools, ipp, ipps, pool or pools (any case). Without CIDRs, every stored pool is listed.","-o ps (default): the CIDRs. -o wide: also IPIP, IPIP MODE, NAT, DISABLED and the USED/FREE address counts.","-o yaml / -o json: the v1 documents with every default written out; \'ippool apply -f\' accepts them unchanged.","TYPE node, nodes, no or nos lists node records: -o ps the NAME, -o wide also ASN, IPV4 and IPV6."],flags:{output:{type:"string",short:"o",value:"FORMAT",help:"ps (default), wide, yaml or json"}},examples:["ippool get ippools","ippool get pool 10.22.0.0/16 -o wide","ippool get pools -o yaml > pools.yaml","ippool get ipp -o json | jq \'.[].metadata.cidr\'","ippool get nodes -o wide"],run:async e=>{let[t,...r]=e.positionals,n=ld(t,"get"),i=Mt(M(e,"output"),OC,"get"),o=r.map(l=>n.idArgument(l,"get")),{found:s,text:a}=await e.store.read(async l=>{let u=await n.readAll(l),p=o.length===0?u:u.filter(f=>o.includes(n.idOf(f)));return{found:p,text:await PC(n,p,i,l)}}),c=new Set(o.filter(l=>!s.some(u=>n.idOf(u)===l)));(s.length>0||c.size===0)&&e.out(a);for(let l of c)e.error(`${n.kind} ${l} does not exist in ${e.storeName}`);return c.size>0?1:0}};async function PC(e,t,r,n){let i=()=>t.map(o=>e.toDocument(o));switch(r){case"yaml":return ow(i());case"json":return vt(i());case"ps":case"wide":{let{headers:o,rows:s}=await e.table(t,r==="wide",n);return mr(o,s)}}}async function bt(e,t,r){let n=await e.get(ue(t),Se);if(!(!n||r!==void 0&&n.handle!==r)){for(let{pool:i,address:o}of n.addresses)await ci(e,i,Ar(i,o),{attachment:t,handle:n.handle});return e.delete(ue(t)),n}}async function Nw(e,t,r){let n=ge(t),i=t.addresses.find(s=>s.address===r);if(!i)return;await ci(e,i.pool,Ar(i.pool,r),{attachment:n,handle:t.handle});let o=t.addresses.filter(s=>s!==i);o.length===0?e.delete(ue(n)):e.put(ue(n),{...t,addresses:o})}async function wt(e,t){let r=t!==void 0?[t]:(await e.list(rt)).map(i=>i.slice(rt.length)),n=[];for(let i of r)for(let o of await e.list(Fg(i))){let s=await e.get(o,Se);s&&n.push(s)}return n}async function ma(e,t,r,n){let i=new Set(n.map(o=>`${o.containerId}:${o.ifname}`));return(await wt(e,t)).filter(o=>o.node===r&&!i.has(`${o.containerId}:${o.ifname}`))}function ha(e){let t=G(e);return t&&Ze(t.family,t.value)}function Ow(e){return e.flatMap(r=>r.addresses.map(({pool:n,address:i})=>({pool:n,address:i,attachment:r}))).sort((r,n)=>Re(F(r.pool),F(n.pool))||TC(r.address,n.address))}var TC=(e,t)=>{let[r,n]=[G(e).value,G(t).value];return r<n?-1:r>n?1:0};async function ga(e,t){let r=G(t),n=(await ve(e)).map(s=>s.id),i=[...new Set([...n,...await Br(e)])].filter(s=>ft(F(s),r.family,r.value)),o={address:t};for(let s of i){let a=r.value-F(s).network,c=await ns(e,s,a);if(c===void 0){o.pool===void 0&&(o={address:t,pool:s,offset:a});continue}let l=await e.get(ue(c.attachment),Se);return{address:t,pool:s,offset:a,owner:c.attachment,handle:c.handle,...l?{attachment:l}:{}}}return o}function ya(e){if(e.pool===void 0)return`address ${e.address} is not allocated; it is in no pool the store knows`;let t=mn(Y(F(e.pool)),e.offset);return t===void 0?`address ${e.address} is not allocated; it is free in pool ${e.pool}`:`address ${e.address} is reserved: it is the ${t} of pool ${e.pool}, never handed to a container`}async function Ji(e,t){return(await wt(e,t.network)).filter(n=>(t.containerId===void 0||n.containerId===t.containerId)&&(t.ifname===void 0||n.ifname===t.ifname)&&(t.pool===void 0||n.addresses.some(i=>i.pool===t.pool)))}async function Pw(e,t,r){let n=c=>new $(_.unknownContainer,c),i=await wt(e),o=c=>[...new Set(c)].sort().join(", ")||"none";if(t.pool!==void 0){let c=[...(await ve(e)).map(l=>l.id),...await Br(e)];if(!c.includes(t.pool))return n(`no pool ${t.pool} in ${r} (pools: ${o(c)})`)}if(t.network!==void 0&&!i.some(c=>c.network===t.network)){let c=o(i.map(u=>u.network)),l=`network ${t.network} holds no allocation in ${r}`;return n(`${l} (networks with allocations: ${c})`)}if(t.containerId!==void 0&&!i.some(c=>c.containerId===t.containerId))return n(`container ${t.containerId} holds no address in ${r} (container ids match exactly)`);let s=c=>c==="containerId"?"container":c,a=Object.entries(t).map(([c,l])=>`${s(c)} ${l}`);return n(`no allocation in ${r} matches ${a.join(", ")}`)}function Nn(e,t){if(e!==void 0&&!Qe.test(e))throw new I(`\'${e}\' is not a valid network name (it must match ${Qe.source})`,t);return e}var va=e=>ha(e.trim().replace(/\\/\\d{1,3}$/,"")),fd=e=>`${ge(e)}${e.podName?` (pod ${e.podNamespace??"?"}/${e.podName})`:""}`;var Tw=e=>e.podName?`${e.podNamespace??""}/${e.podName}`:"-",Aw={summary:"list allocated addresses with their pool, network, container, interface and time",args:[],requiresStore:!0,usage:["allocations [--pool CIDR] [--network NAME] [--container ID] [--ifname IF] [-o table|json]"],description:["One row per allocated address, pool by pool. Filters combine. -o json prints one object per attachment","(network, containerId, ifname, node, handle, addresses, allocatedAt, and the pod when the runtime passed it)."],flags:{pool:{type:"string",value:"CIDR",help:"only addresses of this pool"},network:{type:"string",value:"NAME",help:"only this network (the netconf\'s name)"},container:{type:"string",value:"ID",help:"only this container id"},ifname:{type:"string",value:"IF",help:"only this interface name"},output:{type:"string",short:"o",value:"FORMAT",help:"table (default) or json"}},examples:["ippool allocations","ippool allocations --pool 10.22.0.0/16","ippool allocations --network podnet -o json | jq \'.[].containerId\'"],run:async e=>{let t=Mt(M(e,"output"),["table","json"],"allocations"),r=M(e,"pool"),n=r===void 0?void 0:ad(r,"allocations"),i=Nn(M(e,"network"),"allocations"),o=M(e,"container"),s=M(e,"ifname"),a={...i!==void 0?{network:i}:{},...o!==void 0?{containerId:o}:{},...s!==void 0?{ifname:s}:{},...n!==void 0?{pool:n}:{}},c=await e.store.read(async p=>{let f=await Ji(p,a),d=Object.keys(a).length>0;if(f.length===0&&d)throw await Pw(p,a,e.storeName);return f}),l=n===void 0?c:c.map(p=>({...p,addresses:p.addresses.filter(f=>f.pool===n)}));if(t==="json")return e.out(vt(l)),0;let u=Ow(l).map(({pool:p,address:f,attachment:d})=>[p,f,d.network,d.containerId,d.ifname,d.node,Tw(d),d.allocatedAt]);return e.out(mr(["POOL","ADDRESS","NETWORK","CONTAINER","IFNAME","NODE","POD","ALLOCATED"],u)),0}},Cw={summary:"show who holds an address, or what a container holds, and since when",args:["ADDRESS|CONTAINER-ID"],requiresStore:!0,usage:["show ADDRESS [-o text|json]","show CONTAINER-ID [-o text|json]"],description:["An argument that parses as an IP address is looked up as one; anything else is a container id (exact)."],flags:{output:{type:"string",short:"o",value:"FORMAT",help:"text (default) or json"}},examples:["ippool show 10.22.0.5","ippool show 3f1c2a9e0b7d","ippool show fd00:22::5 -o json"],run:async e=>{let[t]=e.positionals;if(t===void 0)throw new I("\'ippool show\' needs an ADDRESS or a CONTAINER-ID","show");let r=Mt(M(e,"output"),["text","json"],"show"),n=va(t);return n===void 0?CC(e,t,r):AC(e,n,r)}};async function AC(e,t,r){let n=await e.store.read(i=>ga(i,t));if(!n.owner)throw new $(_.unknownContainer,ya(n));return r==="json"?(e.out(vt({address:t,pool:n.pool,holder:n.owner,attachment:n.attachment??null})),0):(e.out(pd([["address",t],["pool",n.pool]])),n.attachment?e.out(Dw(e,n.attachment)):e.out(pd([["holder",`${n.owner} (its attachment record is missing; run \'ippool verify\')`]])),0)}async function CC(e,t,r){let n=await e.store.read(i=>Ji(i,{containerId:t}));if(n.length===0)throw new $(_.unknownContainer,`container ${t} holds no address (container ids match exactly; see \'ippool allocations\')`);return r==="json"?e.out(vt(n)):e.out(n.map(i=>Dw(e,i)).join(`\n`)),0}function Dw(e,t){return pd([["network",t.network],["container",t.containerId],["ifname",t.ifname],["node",t.node],["addresses",t.addresses.map(r=>`${r.address} (pool ${r.pool})`).join(", ")],["allocated",aw(t.allocatedAt,e.now())],...t.podName?[["pod",Tw(t)]]:[]])}var pd=e=>e.map(([t,r])=>`${`${t}:`.padEnd(11)}${r}\n`).join("");var Rw={summary:"release an address or a container\'s addresses (the manual DEL)",args:["ADDRESS"],requiresStore:!0,usage:["release ADDRESS [--yes]","release --container ID [--ifname IF] [--network NAME] [--yes]"],description:["Frees addresses the runtime never released. Without --yes, prints what would be released and changes","nothing (exit 1); with --yes, releases it. Releasing an address of a running container lets it be","handed to another, so check with \'ippool show\' first."],flags:{container:{type:"string",value:"ID",help:"release every attachment of this container id (exact)"},ifname:{type:"string",value:"IF",help:"with --container: only this interface"},network:{type:"string",value:"NAME",help:"with --container: only this network"},yes:{type:"boolean",short:"y",help:"release without asking (for scripts)"}},examples:["ippool release 10.22.0.5 --yes","ippool release --container 3f1c2a9e0b7d --yes","ippool release --container 3f1c2a9e0b7d --network podnet --ifname eth1"],run:async e=>{let t=M(e,"container"),[r]=e.positionals;if(r===void 0==(t===void 0))throw new I("\'ippool release\' needs either an ADDRESS or --container ID","release");if(r!==void 0&&(M(e,"ifname")!==void 0||M(e,"network")!==void 0))throw new I("--ifname and --network go with --container, not with an ADDRESS","release");let n=r!==void 0?zC(RC(r)):jC(t,M(e,"ifname"),Nn(M(e,"network"),"release"));return DC(e,n)}};async function DC(e,t){return de(e,"yes")?((await e.store.update(n=>t(n,!0))).forEach(n=>e.out(`released ${n}\n`)),e.out(`released from ${e.storeName}\n`),0):((await e.store.read(i=>t(i,!1))).forEach(i=>e.out(`would release ${i}\n`)),e.error(`nothing was released from ${e.storeName}; run the command again with --yes to release it`),1)}function RC(e){let t=va(e);if(t===void 0)throw new I(`\'${e}\' is not an IP address; to release a container\'s addresses use --container ID`,"release");return t}function zC(e){return async(t,r)=>{let n=await ga(t,e);if(!n.owner)throw new $(_.unknownContainer,`nothing to release: ${ya(n)}`);let i=n.attachment?fd(n.attachment):`${n.owner} (no attachment record)`;if(r){let o=t;n.attachment?.addresses.some(s=>s.address===e)?await Nw(o,n.attachment,e):await ci(o,n.pool,n.offset,{attachment:n.owner,handle:n.handle})}return[`${e} (pool ${n.pool}) held by ${i}`]}}function jC(e,t,r){return async(n,i)=>{let o=await Ji(n,{containerId:e,...t!==void 0?{ifname:t}:{},...r!==void 0?{network:r}:{}});if(o.length===0){let s=[r&&`network ${r}`,t&&`ifname ${t}`].filter(Boolean).join(", ");throw new $(_.unknownContainer,`nothing to release: container ${e}${s?` (${s})`:""} holds no address`)}if(i)for(let s of o)await bt(n,ge(s),s.handle);return o.map(md)}}var md=e=>`${e.addresses.map(t=>t.address).join(", ")||"no address"} of ${fd(e)}, allocated ${e.allocatedAt}`;var zw=/^[^\\s:]+(:[^\\s:]+)?$/,jw=\'give a JSON list of "containerID[:ifname]" strings or {"containerID": ..., "ifname": ...} objects\';function MC(e,t,r){let n=u=>new $(_.invalidConfig,`${r}: live[${t}]: ${u}`,jw);if(typeof e=="string"){if(!zw.test(e))throw n(`${JSON.stringify(e)} is not containerID or containerID:ifname`);return Lw(e)}if(typeof e!="object"||e===null||Array.isArray(e))throw n("must be a string or an object");let{containerID:i,containerId:o,ifname:s,...a}=e,c=Object.keys(a);if(c.length>0)throw n(`unknown field ${c[0]}`);let l=i??o;if(typeof l!="string"||l==="")throw n("needs containerID (a non-empty string)");if(s===void 0)return{containerId:l};if(typeof s!="string"||s==="")throw n("ifname must be a non-empty string");return{containerId:l,ifname:s}}function Mw(e,t){if(/^\\s*[[{]/.test(e)){let n;try{n=JSON.parse(e)}catch(i){throw new $(_.decodeFailure,`${t}: not valid JSON: ${i.message}`)}if(!Array.isArray(n))throw new $(_.invalidConfig,`${t}: the live list must be a JSON list`,jw);return n.map((i,o)=>MC(i,o,t))}let r=[];if(e.split(`\n`).forEach((n,i)=>{let o=n.replace(/#.*/,"").trim();if(o!==""){if(!zw.test(o))throw new $(_.invalidConfig,`${t}: line ${i+1}: ${JSON.stringify(o)} is not containerID or containerID:ifname`);r.push(Lw(o))}}),r.length===0)throw new $(_.invalidConfig,`${t} lists no live attachment`,"refusing to treat every allocation as leaked; pass \'[]\' if truly nothing is live");return r}function Lw(e){let[t,r]=e.split(":");return r===void 0?{containerId:t}:{containerId:t,ifname:r}}var qw={summary:"release a network\'s leaked addresses: all but the live attachments you list",args:[],requiresStore:!0,usage:["reclaim --network NAME --live FILE|- [--dry-run]"],description:[\'The fix for addresses leaked by a reboot or a missed DEL ("no IP addresses available in range set"),\',"without deleting the data dir. Give the attachments that are live on this node for NAME; every other",\'allocation of NAME is released. The live list is JSON (["ctr1", "ctr2:eth1", {"containerID": "ctr3",\',`"ifname": "eth0"}]) or lines of containerID[:ifname]; an entry without :ifname keeps all the container\'s`,"interfaces. An empty list is refused; pass \'[]\' if truly nothing is live. Use --dry-run first.","Only attachments made on this node (--nodename, env NODENAME, else the host name) are considered: a runtime lists its own node\'s containers."],flags:{network:{type:"string",value:"NAME",help:"the network (netconf name) to reclaim in; required"},live:{type:"string",value:"FILE",help:"the live attachments; \'-\' reads stdin; required"},"dry-run":{type:"boolean",help:"print what would be released and change nothing"}},examples:["podman ps -q --no-trunc | ippool reclaim --network podman --live - --dry-run","ippool reclaim --network podnet --live live.txt","echo \'[]\' | ippool reclaim --network podnet --live -"],run:async e=>{let t=Nn(M(e,"network"),"reclaim"),r=M(e,"live");if(t===void 0){let l=await e.store.read(Fw);throw new I(`\'ippool reclaim\' needs --network NAME (networks with allocations: ${l.join(", ")||"none"})`,"reclaim")}if(r===void 0)throw new I("\'ippool reclaim\' needs --live FILE (or --live - for stdin)","reclaim");let n=Mw(await e.readInput(r),r==="-"?"stdin":r),i=de(e,"dry-run"),{stale:o,kept:s}=i?await e.store.read(l=>Uw(l,t,e.nodename,n)):await e.store.update(async l=>{let u=await Uw(l,t,e.nodename,n);for(let p of u.stale)await bt(l,ge(p),p.handle);return u});o.length===0&&s===0&&e.warn(await LC(e,t));for(let l of o)e.out(`${i?"would release":"released"} ${md(l)}\n`);let a=o.reduce((l,u)=>l+u.addresses.length,0),c=`${o.length} attachment(s) (${a} address(es)) of network ${t} in ${e.storeName}`;return e.out(i?`dry run: ${c} would be released, ${s} kept; nothing was changed\n`:`reclaimed ${c}; ${s} live attachment(s) kept\n`),0}};async function Uw(e,t,r,n){let i=n.filter(c=>c.ifname!==void 0),o=new Set(n.filter(c=>c.ifname===void 0).map(c=>c.containerId)),s=(await wt(e,t)).filter(c=>c.node===r),a=(await ma(e,t,r,i)).filter(c=>!o.has(c.containerId));return{stale:a,kept:s.length-a.length}}async function LC(e,t){let r=await e.store.read(async s=>(await wt(s,t)).map(a=>a.node)),n=[...new Set(r)].sort().join(", ");if(n!=="")return`${`this node, ${e.nodename} (from ${e.nodenameSource})`}, holds no allocation of network ${t}; nodes that do: ${n}; reclaim acts for one node: run it there, or give --nodename NODE`;let o=(await e.store.read(Fw)).join(", ")||"none";return`network ${t} holds no allocation in ${e.storeName} (networks with allocations: ${o})`}async function Fw(e){return[...new Set((await wt(e)).map(t=>t.network))].sort()}var Bw={summary:"per pool: capacity, used, free and percentage in use",args:[],requiresStore:!0,usage:["usage [-o table|json]"],description:["Lists every stored pool, and pools that are not stored but still hold addresses (given inline in a",`network config\'s ipam.ipPools, or deleted with --force): those show SOURCE "not stored".`,"CAPACITY counts what can be handed out: the network address, network+1 (the gateway) and the IPv4","broadcast address never are."],flags:{output:{type:"string",short:"o",value:"FORMAT",help:"table (default) or json"}},examples:["ippool usage","ippool usage -o json | jq \'.[] | select(.free < 10)\'"],run:async e=>{let t=Mt(M(e,"output"),["table","json"],"usage"),r=await e.store.read(async n=>{let i=await ve(n),o=new Set(i.map(c=>c.id)),s=i.map(c=>({pool:c.id,stored:!0,disabled:c.disabled}));for(let c of await Br(n))o.has(c)||s.push({pool:c,stored:!1,disabled:!1});let a=[];for(let c of s){let l=await hr(n,c.pool);(c.stored||l.used>0n)&&a.push({...c,...l,percent:sw(l.used,l.capacity)})}return a.sort((c,l)=>Re(F(c.pool),F(l.pool)))});return t==="json"?(e.out(vt(r)),0):(e.out(mr(["POOL","CAPACITY","USED","FREE","USE%","SOURCE"],r.map(n=>[n.pool,String(n.capacity),String(n.used),String(n.free),n.percent,n.stored?n.disabled?"stored, disabled":"stored":"not stored"]))),0)}};be();kt();async function UC(e,t){try{return await e.get(t,le)}catch(r){if(Me(r)&&ho(r)===t)return;throw r}}async function Zw(e,t,r){let n=H(t,r),i=r.toString(16),o=await UC(e,n),s=[];for(let g of await Fi(e))(await nt(e,g,t)).blocks[i]!==void 0&&s.push(g);let a=(await Cr(e,t,r))?.node,c=[...new Set([...s,...o?[o.node]:[],...a!==void 0?[a]:[]])];if(c.length!==1)throw new j("damaged",c.length===0?`block ${it(t,r)} is not claimed: nothing to rebuild`:`block ${it(t,r)} is claimed by several nodes (${c.join(", ")})`,"see \'ippool blocks\' and \'ippool verify\'; a block is rebuilt only when one node holds it");let l=c[0],u=0n,p={};for(let g of await wt(e))for(let{pool:v,address:y}of g.addresses){if(v!==t||G(y)===void 0)continue;let w=Rt(t,Ar(t,y));if(w.block!==r)continue;let S=p[w.bit];if(S)throw new j("damaged",`${y} is held by both ${S.attachment} and ${ge(g)}`,"release one of them first (\'ippool release\'), then rebuild");p[w.bit]={attachment:ge(g),handle:g.handle},u=fn(u,w.bit)}let f=Object.keys(p).length,d=0;for(let[g,v]of Object.entries(o?.owners??{}))p[g]||await e.get(ue(v.attachment),Se)||(p[g]=v,u=fn(u,Number(g)),d++);let h=await nt(e,l,t),m=Math.max(o?.seq??0,h.blocks[i]??0)+1;return e.put(n,{pool:t,node:l,seq:m,bitmap:Tr(u),owners:p}),e.put(he(l,t),{...h,blocks:{...h.blocks,[i]:m}}),a===void 0&&e.put(Pe(t,r),{pool:t,node:l}),await ai(e,t),{cidr:it(t,r),node:l,held:f,keptUnknown:d}}xe();var ba=class extends Error{constructor(){super("the store has the layout of an earlier ippool version")}},Vw=32;async function Kw(e){if((await e.list(Ct)).length>0)throw new ba}async function Jw(e,t){try{return await e.update(t)}catch(r){if(!(r instanceof ba))throw r}return await Zr(e),e.update(t)}async function Zr(e){let t=0;for(;;){let r=await e.read(async n=>{let i=[];for(let o of await n.list(Ct)){let s=await n.get(o,oi),a=_e(o.slice(Ct.length));s&&i.push({key:o,doc:s,blocks:await aa(n,a)})}return i});if(r.length===0)return t;for(let{key:n,doc:i,blocks:o}of r){let s=_e(n.slice(Ct.length)),a=[...new Set([...Object.keys(i.blocks),...o.map(c=>c.toString(16))])];for(let c=0;c<a.length;c+=Vw)t+=await e.update(l=>qC(l,s,i,a.slice(c,c+Vw)));await e.update(async c=>{let l=await c.get(n,oi);JSON.stringify(l)===JSON.stringify(i)&&(await ai(c,s),c.delete(n))})}}}async function qC(e,t,r,n){let i=0;for(let o of n){let s=BigInt(`0x${o}`);if(await Cr(e,t,s))continue;let c=(await e.get(H(t,s),sg(z(le),void 0)))?.node??r.blocks[o];c!==void 0&&(e.put(Pe(t,s),{pool:t,node:c}),i++)}return i}var Gw={summary:"list claimed blocks (pool, affine node, used, free), or hand empty ones back",args:["ACTION","BLOCK-CIDR"],requiresStore:!0,usage:["blocks [-o table|json]","blocks release --empty [--nodename NODE]","blocks release --all-empty --nodename NODE","blocks rebuild BLOCK-CIDR"],description:["A pool is cut into 64-address blocks (/26, /122). A node claims a block when its own are full and allocates","from its blocks first; an empty block stays affine to its node for cheap reuse. USED counts held addresses;","the network address, network+1 and the IPv4 broadcast count as neither used nor free.","\'blocks release --empty\' hands back this node\'s empty blocks (or NODE\'s with --nodename), keeping its next-fit","cursor. \'--all-empty --nodename NODE\' is for a node that is gone: its empty blocks go and, where it has no block","left, its state too. Blocks that still hold addresses are never released; release those addresses first.","\'blocks rebuild BLOCK-CIDR\' repairs a block that is damaged, lost or restored from an earlier copy (ADD refuses such","a block with code 104), in place: every address an attachment record holds in it is marked taken again; nothing held","is freed."],flags:{output:{type:"string",short:"o",value:"FORMAT",help:"table (default) or json"},empty:{type:"boolean",help:"with release: hand back the node\'s empty blocks"},"all-empty":{type:"boolean",help:"with release and --nodename: a gone node\'s empty blocks and state"}},examples:["ippool blocks",`ippool blocks -o json | jq \'.[] | select(.node == "node-a")\'`,"ippool blocks release --empty","ippool blocks release --all-empty --nodename node-c","ippool blocks rebuild 10.22.0.64/26"],run:async e=>{let[t,r]=e.positionals;if(t==="rebuild")return ZC(e,r);if(r!==void 0)throw new I(`unexpected argument \'${r}\'`,"blocks");if(t==="release")return FC(e);if(t!==void 0)throw new I(`unknown action \'${t}\'; use \'ippool blocks\' or \'ippool blocks release\'`,"blocks");if(de(e,"empty")||de(e,"all-empty"))throw new I("--empty and --all-empty go with \'ippool blocks release\'","blocks");let n=Mt(M(e,"output"),["table","json"],"blocks"),i=await e.store.read(Fr);return n==="json"?(e.out(vt(i)),0):(e.out(mr(["CIDR","POOL","NODE","USED","FREE"],i.map(o=>[o.cidr,o.pool,o.node,String(o.used),String(o.free)]))),0)}};async function FC(e){let t=de(e,"empty"),r=de(e,"all-empty");if(t===r)throw new I("\'ippool blocks release\' needs --empty or --all-empty (one of them)","blocks");if(r&&M(e,"nodename")===void 0)throw new I("--all-empty needs --nodename NODE (the node that is gone)","blocks");await Zr(e.store);let n=await e.store.update(async o=>{let s=await Fi(o),a=await la(o,e.nodename,r);return a.length===0&&await BC(o,e,s),a});if(n.length===0&&!r){let o=`node ${e.nodename} has no empty block to release in ${e.storeName} (see \'ippool blocks\')`;throw new $(_.unknownContainer,o)}n.forEach(o=>e.out(`released block ${o} of node ${e.nodename}\n`));let i=r?"; its state is gone where it held no block":"";return e.out(`released ${n.length} empty block(s) of node ${e.nodename} in ${e.storeName}${i}\n`),0}async function BC(e,t,r){let n=new Set([...(await Fr(e)).map(s=>s.node),...r]);if(n.has(t.nodename))return;let i=[...n].sort().join(", ")||"none",o=`node ${t.nodename} has no block and no state in ${t.storeName} (nodes that do: ${i})`;throw new $(_.unknownContainer,o)}async function ZC(e,t){if(t===void 0)throw new I("\'ippool blocks rebuild\' needs the block\'s CIDR (as \'ippool blocks\' or the error shows it)","blocks");let r=J(t);if(!r)throw new I(`\'${t}\' is not a CIDR`,"blocks");let n=me(r.cidr);await Zr(e.store);let i=await e.store.update(async o=>{let s=new Set([...(await ve(o)).map(a=>a.id),...await qr(o)]);for(let a of await Fi(o))for(let c of await o.list(Dt(a)))s.add(_e(c.slice(Dt(a).length)));for(let a of s){let c=F(a);if(!ft(c,r.cidr.family,r.cidr.network))continue;let{block:l}=Rt(a,r.cidr.network-c.network);if(it(a,l)===n)return Zw(o,a,l)}throw new $(_.unknownContainer,`${n} is not a block of any pool the store knows (blocks are /26 and /122, or a smaller pool itself)`)});return e.out(`rebuilt block ${i.cidr} of node ${i.node} from the attachment records: ${i.held} address(es) held`),e.out(i.keptUnknown>0?`, ${i.keptUnknown} kept taken whose holder has no record (see \'ippool verify\')\n`:`\n`),0}be();function Gi(e,t){let r=[...e].sort((n,i)=>Re(n.cidr,i.cidr));for(let n=1;n<r.length;n++){let[i,o]=[r[n-1],r[n]];if(pt(i.cidr,o.cidr))throw new $(_.invalidConfig,`${t}: pool ${o.id} overlaps pool ${i.id}`,"pools may not share addresses")}}function Ww(e,t){let r=new Set(t.map(i=>i.id)),n=[...e.filter(i=>!r.has(i.id)),...t];return Gi(n,"pools of this network (stored and ipam.ipPools)"),n.sort((i,o)=>Re(i.cidr,o.cidr))}function Hw(e,t,r){if(!r)return e.filter(i=>i.cidr.family===t&&!i.disabled);let n=`ipam.ipv${t}_pools`;return r.map(i=>{let o=J(i);if(!o||o.cidr.family!==t)throw new $(_.invalidConfig,`${n}: ${JSON.stringify(i)} is not an IPv${t} CIDR`);let s=me(o.cidr),a=e.find(c=>c.id===s);if(!a)throw new $(_.noUsablePool,`${n} names pool ${s}, which does not exist`,"create it with \'ippool apply -f FILE\' or list it in ipam.ipPools");if(a.disabled)throw new $(_.noUsablePool,`${n} names pool ${s}, which is disabled`,"enable it or remove it from the list");return a})}function Yw(e,t,r,n,i){let{layout:o,cidr:s,id:a}=n;if(r.pool!==a&&i(e,`names pool ${r.pool} but lies under pool ${a}`),!/^[0-9a-f]+$/.test(t)||BigInt(`0x${t}`)>=o.blockCount)return i(e,`block ${JSON.stringify(t)} is not a block of pool ${a}`),[];let c=BigInt(`0x${t}`)*o.blockSize,l=pn(Te(r.bitmap)),u=[];for(let p of l){let f=c+BigInt(p),d=Oe(s,f);if(BigInt(p)>=o.blockSize){i(e,`bit ${p} is set but the block has only ${o.blockSize} addresses`);continue}let h=mn(o,f);h!==void 0&&i(e,`${d} is taken but is the ${h} of pool ${a}`);let m=r.owners[p];m===void 0?i(e,`${d} is taken but no owner is recorded for it`):u.push({offset:f,owner:m})}for(let[p,f]of Object.entries(r.owners))l.includes(Number(p))||i(e,`owner ${f.attachment} is recorded for bit ${p} (${Oe(s,c+BigInt(p))}), which is free`);return u}function Xw(e,t){for(let[r,n]of e.blocks){let i=H(e.id,BigInt(`0x${r}`)),o=e.states.get(n.node)?.blocks[r];o===void 0?t(i,`is affine to node ${n.node}, but ${he(n.node,e.id)} does not list it`):n.seq<o?t(i,`is older than node ${n.node}\'s record of it (write ${n.seq}, recorded ${o}): restored from an earlier copy? addresses handed out since may look free`):n.seq>o&&t(he(n.node,e.id),`records write ${o} of block ${r}, but the block is at write ${n.seq}: restored from an earlier copy?`)}for(let[r,n]of e.blocks){let i=e.claims.get(r),o=Pe(e.id,BigInt(`0x${r}`));i===void 0?t(o,`is missing: block ${r} is affine to node ${n.node} but its claim is not recorded`):i.node!==n.node&&t(i.key,`records block ${r} as claimed by node ${i.node}, but the block is affine to node ${n.node}`)}e.blocks.size>0&&!e.listedWithBlocks&&t(At(e.id),`is missing: pool ${e.id} has blocks, so an ADD in an overlapping pool would not see them`);for(let[r,n]of e.claims){let i=H(e.id,BigInt(`0x${r}`));n.pool!==e.id&&t(n.key,`names pool ${n.pool} but is a claim in pool ${e.id}`),!e.blocks.has(r)&&!e.unreadable.has(i)&&t(n.key,`records block ${r} as claimed by node ${n.node}, but its file ${i} is missing (lost, not released: its addresses may be held)`)}for(let[r,n]of e.states){let i=he(r,e.id);n.node!==r&&t(i,`names node ${n.node} but is the state of node ${r}`),n.pool!==e.id&&t(i,`names pool ${n.pool} but is the state of pool ${e.id}`),n.cursor!==void 0&&BigInt(n.cursor)>=e.layout.size&&t(i,`cursor ${n.cursor} lies outside the pool (it has ${e.layout.size} addresses)`);for(let o of Object.keys(n.blocks)){let s=H(e.id,BigInt(`0x${o}`));if(BigInt(`0x${o}`)>=e.layout.blockCount)t(i,`lists block ${o}, which is not a block of the pool`);else{if(e.unreadable.has(s))continue;e.blocks.has(o)?e.blocks.get(o).node!==r&&t(i,`lists block ${o}, which is affine to node ${e.blocks.get(o).node}`):t(i,`lists block ${o}, whose file ${s} is missing (lost, not released: its addresses may be held)`)}}}}function Qw(e,t){let r=e.filter(n=>[...n.blocks.values()].some(i=>Te(i.bitmap)!==0n)).sort((n,i)=>Re(n.cidr,i.cidr));for(let n=0;n<r.length;n++)for(let i=n+1;i<r.length;i++){let[o,s]=[r[n],r[i]];pt(o.cidr,s.cidr)&&t(`block/${o.id.replace("/","_")}/`,`pools ${o.id} and ${s.id} overlap and both hold addresses`)}}async function e$(e,t){let r=[],n=(y,w)=>r.push({key:y,message:w}),i=new Set,o=async(y,w)=>{try{return await e.get(y,w)}catch(S){if(!Me(S))throw S;i.add(y),n(y,S.message);return}},s=new Map,a=(y,w)=>{let S=_e(w),k=s.get(S);if(k)return k;let x=J(S);if(!x||me(x.cidr)!==S){n(y,`its name does not name a pool CIDR (${JSON.stringify(w)})`);return}let C={id:S,cidr:x.cidr,layout:Y(x.cidr),blocks:new Map,unreadable:new Set,states:new Map,claims:new Map,listedWithBlocks:!1};return s.set(S,C),C},c=new Map,l=new Map,u=[],p=0,f=new Set;for(let y of t){let w=y.split("/");if(y===et)for(let S of VC(await o(y,Yo),n))f.add(S);else if(w[0]==="block"&&w.length===3){p++;let S=a(y,w[1]),k=await o(y,le);if(!S)continue;if(!k){S.unreadable.add(y);continue}S.blocks.set(w[2],k);for(let{offset:x,owner:C}of Yw(y,w[2],k,S,n)){c.set(`${S.id}|${x}`,C);let N=Oe(S.cidr,x);l.set(N,[...l.get(N)??[],`${C.attachment} (pool ${S.id})`])}}else if(w[0]==="node-state"&&w.length===3){let S=a(y,w[2]),k=await o(y,Qt);S&&k&&S.states.set(w[1],k)}else if(w[0]==="block-claim"&&w.length===3){let S=a(y,w[1]),k=await o(y,Qo);S&&k&&S.claims.set(w[2],{node:k.node,pool:k.pool,key:y})}else if(w[0]==="pools-with-blocks"&&w.length===2){let S=a(y,w[1]);S&&await o(y,es)&&(S.listedWithBlocks=!0)}else if(w[0]==="claims"&&w.length===2){let S=a(y,w[1]),k=await o(y,oi);if(S&&k)for(let[x,C]of Object.entries(k.blocks))S.claims.set(x,{node:C,pool:k.pool,key:y});S&&k&&(S.listedWithBlocks=!0)}else w[0]==="attachment"&&w.length===3?u.push(y):w[0]==="nodes"&&w.length===2?await o(y,Zi):n(y,"not written by ippool (an unexpected name in the store)")}for(let[y,w]of l)w.length>1&&n("block/",`address ${y} is taken in more than one pool: ${w.join(", ")}`);for(let y of s.values())Xw(y,n);Qw([...s.values()],n);let d=new Map,h=new Map,m=0;for(let y of u){let w=await o(y,Se);if(!w)continue;let S=y.slice(rt.length);ge(w)!==S&&n(y,`record names attachment ${ge(w)} but is stored as ${S}`),d.set(S,w);for(let k of w.addresses){m++;let x=G(k.address),C=J(k.pool);if(!x||!C||me(C.cidr)!==k.pool){n(y,`holds ${JSON.stringify(k.address)} in pool ${JSON.stringify(k.pool)}, which is not an address in a pool CIDR`);continue}let N=Ze(x.family,x.value);if(h.set(N,[...h.get(N)??[],S]),!ft(C.cidr,x.family,x.value)){n(y,`holds ${N}, which lies outside its pool ${k.pool}`);continue}let q=c.get(`${k.pool}|${x.value-C.cidr.network}`);q?.attachment!==S?n(y,`holds ${N} of pool ${k.pool}, but the pool\'s bitmap shows it ${q?`held by ${q.attachment}`:"free"}`):q.handle!==w.handle&&n(y,`holds ${N} of pool ${k.pool} as allocation ${w.handle}, but the block records allocation ${q.handle}`)}}for(let[y,w]of h)w.length>1&&n(`${rt}${w[0]}`,`address ${y} is held more than once: by ${w.join(", ")}`);for(let[y,w]of c){let[S,k]=y.split("|"),x=Oe(s.get(S).cidr,BigInt(k)),C=`${rt}${w.attachment}`;if(i.has(C))continue;let N=d.get(w.attachment);N?N.addresses.some(q=>q.pool===S&&G(q.address)?.value===G(x).value)||n(C,`${x} of pool ${S} is taken by ${w.attachment}, whose record does not list it`):n(C,`${x} of pool ${S} is taken by ${w.attachment}, which has no attachment record (a leaked address)`)}let v={pools:new Set([...f,...s.keys()]).size,blocks:p,attachments:u.length,addresses:m};return{problems:r,checked:v}}function VC(e,t){if(!e)return[];let r=[];e.pools.forEach((n,i)=>{try{r.push(Xt(n,`stored pool ${i+1}`).pool)}catch(o){t(et,o.message)}});try{Gi(r,"stored pools")}catch(n){t(et,n.message)}return r.map(n=>n.id)}var t$={summary:"check the store: every address held once, bitmaps, owners and block records agreeing, files intact",args:[],requiresStore:!0,usage:["verify [-o text|json]"],description:["Reads the whole store as of one commit (without taking its lock) and checks that each taken address has exactly one owner whose record lists it, that no address is held twice, that every address and cursor lies in its pool, that blocks, claims and node states agree on each block\'s node and last write, and that every file parses and passes its checksum.","The first line names the store checked (the data dir, or etcd\'s endpoints and prefix) and says how many pools (stored, or still holding state), blocks, attachments and addresses it holds. On etcd, problems name keys.","It changes nothing, not even a commit whose writer died before applying it (the next ippool write finishes that; verify checks the store as if it were finished). Exit code 0 means no problem was found, 1 that some were."],flags:{output:{type:"string",short:"o",value:"FORMAT",help:"text (default) or json"}},examples:["ippool verify","ippool verify --data-dir /var/lib/cni/ippool -o json"],run:async e=>{let t=M(e,"output")??"text";if(t!=="text"&&t!=="json")throw new I(`unknown output format ${JSON.stringify(t)}; use text or json`,"verify");let r=await KC(e.store);return e.out(t==="json"?`${JSON.stringify(WC(e,r),null,2)}\n`:JC(e,r)),r.problems.length===0?0:1}};async function KC(e){let t=await e.notes();return t.problems.length>0?{problems:t.problems,checked:{pools:0,blocks:0,attachments:0,addresses:0},notes:t.notes}:{...await e.read(async n=>e$(n,await n.listAll(""))),notes:t.notes}}function JC(e,t){let{checked:r,problems:n,notes:i}=t,o=e.datastore==="etcd",[s,a]=o?["etcd key ","key from an etcd snapshot"]:["","file from a backup"];return`${[`checked ${e.storeName}: ${r.pools} pool(s), ${r.blocks} block(s), ${r.attachments} attachment(s), ${r.addresses} address(es)`,...i.map(l=>`note: ${l}`),...n.map(l=>`problem: ${s}${e.whereIs(l.key)}: ${l.message}`),...n.length===0?["ok: no problems found"]:GC(n,e.store.cliFlags,a)].join(`\n`)}\n`}function GC(e,t,r){let n=Yg(e);return[`${e.length} problem(s) found; nothing was changed.`+(n.length>0?" Rebuild each block below from the attachment records (every address a record holds stays taken):":""),...n.map(i=>`  ${hl(i,t)}`),`Restore any other damaged ${r}; free an address held without a record with \'ippool release ADDRESS --yes\'; then run \'ippool verify\' again`]}function WC(e,t){let r=e.datastore==="etcd"?"key":"file";return{store:e.storeName,...e.datastore==="disk"?{dataDir:e.dataDir}:{},ok:t.problems.length===0,checked:t.checked,problems:t.problems.map(n=>({[r]:e.whereIs(n.key),message:n.message})),notes:t.notes}}var n$=require("node:child_process");function gr(e){let t=(r,n,i)=>{let[o,s]=e?["ip",["netns","exec",e,r,...n]]:[r,[...n]];return new Promise((a,c)=>{let l=(0,n$.spawn)(o,s,{stdio:["pipe","pipe","pipe"]}),u="",p="";l.stdout.on("data",f=>u+=f.toString()),l.stderr.on("data",f=>p+=f.toString()),l.on("error",f=>c(f.code==="ENOENT"?r$(r):new Ut(r,`cannot run ${r}: ${f.message}`))),l.on("close",f=>{e&&f===255&&/No such file or directory/.test(p)&&p.includes(r)?c(r$(r)):a({code:f??1,stdout:u,stderr:p})}),l.stdin.on("error",()=>{}),l.stdin.end(i??"")})};return{run:t,check:async(r,n,i)=>{let o=await t(r,n,i);if(o.code!==0){let s=(o.stderr.trim()||o.stdout.trim()).split(`\n`)[0]??"";throw new Ut(r,`${r} ${n.join(" ")} failed (exit ${o.code}): ${s}`)}return o.stdout}}}var r$=e=>new Hr(e);async function i$(e){let t=gr(),n=JSON.parse(await t.check("ip",[`-${e}`,"-j","route","show","default"])||"[]").find(s=>s.dev!==void 0)?.dev;if(n===void 0)throw new $(_.invalidConfig,`cannot detect this node\'s IPv${e} address: there is no default route`,"give the address with --ipv4-address CIDR (e.g. 192.168.10.11/24)");let o=JSON.parse(await t.check("ip",[`-${e}`,"-j","addr","show","dev",n])).flatMap(s=>s.addr_info??[]).find(s=>s.scope==="global");if(!o)throw new $(_.invalidConfig,`cannot detect this node\'s IPv${e} address: ${n}, the device of the default route, has no global address`,"give it with --ipv4-address CIDR");return`${o.local}/${o.prefixlen}`}function o$(e,t,r){let n=M(e,t);if(n!==void 0&&Bi(n)?.family!==r)throw new I(`--${t} ${n} is not an IPv${r} address with prefix (e.g. ${r===4?"192.168.10.11/24":"fd00:10::11/64"})`,"node");return n}async function HC(e){let t=e.nodename,r=o$(e,"ipv4-address",4);if(r!==void 0&&de(e,"detect"))throw new I("give either --ipv4-address or --detect, not both","node");let n=r??(de(e,"detect")?await i$(4):void 0),i=o$(e,"ipv6-address",6),{result:o,warnings:s}=await e.store.update(async a=>{let c=await Vi(a,t),u={...c?En(c).spec?.bgp:void 0,...n!==void 0?{ipv4Address:n}:{},...i!==void 0?{ipv6Address:i}:{}},p={apiVersion:"v1",kind:"node",metadata:{name:t},spec:Object.keys(u).length>0?{bgp:u}:{}},{node:f,warnings:d}=ua(p,"node register"),h=c?sa(pa,c,f)?"unchanged":"updated":"registered";return h!=="unchanged"&&fa(a,f),!f.ipv4&&!f.ipv6&&d.push(`node ${t} has no address, so other nodes cannot route to its blocks; give --ipv4-address, --ipv6-address or --detect`),{result:h,warnings:d}});return s.forEach(e.warn),e.out(`${o} node ${t}\n`),0}var s$={summary:"register this node (its name and address with prefix) for the dataplane agent",args:["SUBCOMMAND"],usage:["node register [--nodename NAME] [--ipv4-address CIDR | --detect] [--ipv6-address CIDR]"],description:["Writes this node\'s v1 node record. The name is --nodename, else $NODENAME, else the host name. The address","keeps its prefix, which defines the node\'s subnet for ipip cross-subnet (192.168.10.11/24). --detect takes","the address and prefix of the interface that holds the default route. Running it again changes nothing.","List nodes with \'ippool get nodes -o wide\'; change or delete them with apply/replace/delete like pools."],flags:{"ipv4-address":{type:"string",value:"CIDR",help:"this node\'s IPv4 address with prefix, e.g. 192.168.10.11/24"},"ipv6-address":{type:"string",value:"CIDR",help:"this node\'s IPv6 address with prefix"},detect:{type:"boolean",help:"use the address and prefix of the default route\'s interface"}},examples:["ippool node register --detect","ippool node register --nodename node-a --ipv4-address 192.168.10.11/24"],run:async e=>{let[t]=e.positionals;if(t!=="register")throw new I(t===void 0?"\'ippool node\' needs a subcommand: register":`unknown subcommand \'${t}\'; use register`,"node");return HC(e)}};var I$=require("node:timers/promises");var ke="tunl0",hd="IPPOOL-POSTROUTING",wa="IPPOOL-NAT-OUTGOING",Vr=[hd,wa],Wi=`-j ${hd}`;function gd(e,t){let r=[`-A ${hd} -j ${wa}`];for(let n of e.masqueradePools){for(let i of e.allPools)r.push(`-A ${wa} -s ${n} -d ${i} -j RETURN`);r.push(`-A ${wa} -s ${n} -j MASQUERADE${t?" --random-fully":""}`)}return r}function YC(e,t){let r=t.jumps===0?[`-A POSTROUTING ${Wi}`]:Array.from({length:t.jumps-1},()=>`-D POSTROUTING ${Wi}`);return["*nat",...Vr.map(n=>`:${n} - [0:0]`),...gd(e,t.randomFully),...r,"COMMIT",""].join(`\n`)}function yd(e,t){let r=Vr.filter(n=>e.includes(n));return["*nat",...Array.from({length:t},()=>`-D POSTROUTING ${Wi}`),...r.map(n=>`-F ${n}`),...r.map(n=>`-X ${n}`),"COMMIT",""].join(`\n`)}function vd(e,t){return e.masqueradePools.length>0?YC(e,t):t.chains.length>0||t.jumps>0?yd(t.chains,t.jumps):void 0}function bd(e){let t=["proto",String(201)];switch(e.kind){case"blackhole":return["blackhole",e.dst,...t];case"direct":return[e.dst,"via",e.via,...t];case"tunnel":return[e.dst,"via",e.via,"dev",ke,"onlink",...t]}}var $a=e=>bd(e).join(" ");function a$(e,t){let r=[4,6].map(i=>{let o=i===4?"iptables-restore":"ip6tables-restore",s=vd(e.nat[i],t[i]);return s===void 0?`# ${o}: nothing to write (no IPv${i} pool has nat-outgoing)\n`:`# ${o} --noflush\n${s}`}),n=e.routes.length>0?e.routes.map($a).join(`\n`)+`\n`:"";return`${r.join("")}# routes (ip route, proto 201)\n${n}`}var Yi={4:{tables:"iptables",restore:"iptables-restore"},6:{tables:"ip6tables",restore:"ip6tables-restore"}};async function _a(e,t){let r=(await e.check(Yi[t].tables,["-w","-t","nat","-S"])).split(`\n`);return{chains:Vr.filter(n=>r.includes(`-N ${n}`)),jumps:r.filter(n=>n===`-A POSTROUTING ${Wi}`).length,rules:r.filter(n=>Vr.some(i=>n.startsWith(`-A ${i} `)))}}var c$=e=>Vr.map(t=>e.filter(r=>r.startsWith(`-A ${t} `)).join(`\n`)).join(`\n\n`),wd=new Map;function l$(e,t){let r=Yi[t].tables,n=wd.get(r);return n||(n=e.run(r,["-j","MASQUERADE","--help"]).then(i=>i.stdout.includes("--random-fully")),n.catch(()=>wd.delete(r)),wd.set(r,n)),n}async function XC(e,t,r,n){let i=r.nat[t],o;try{o=await _a(e,t)}catch(c){if(c instanceof Hr&&i.masqueradePools.length===0)return;throw c}let s=i.masqueradePools.length>0&&await l$(e,t);(i.masqueradePools.length>0?o.jumps===1&&o.chains.length===Vr.length&&c$(gd(i,s))===c$(o.rules):o.jumps===0&&o.chains.length===0)||(await e.check(Yi[t].restore,["-w","--noflush"],vd(i,{randomFully:s,...o})),n.changes.push(i.masqueradePools.length>0?`IPv${t} nat-outgoing rules written (${i.masqueradePools.length} pool(s) masqueraded)`:`IPv${t} nat-outgoing chains removed (no pool of the family has nat-outgoing)`))}function Hi(e,t){let r=J(e.includes("/")?e:`${e}/${$e(t)}`);return r?me(r.cidr):e}function u$(e){let t=G(e);return t?Ze(t.family,t.value):e}function QC(e){return e.kind==="blackhole"?`blackhole ${Hi(e.dst,e.family)}`:`${e.kind} ${Hi(e.dst,e.family)} ${u$(e.via)}`}function eD(e,t){let r=Hi(e.dst,t);return e.type==="blackhole"?`blackhole ${r}`:`${e.dev===ke&&(e.flags??[]).includes("onlink")?"tunnel":"direct"} ${r} ${u$(e.gateway??"")}`}async function $d(e,t){let r=await e.check("ip",[`-${t}`,"-j","route","show","proto",String(201)]);return r.trim()?JSON.parse(r):[]}async function tD(e,t,r){for(let n of[4,6]){let i=await $d(e,n),o=new Set(i.map(c=>eD(c,n))),s=t.filter(c=>c.family===n),a=new Set(s.map(c=>Hi(c.dst,n)));for(let c of s)if(!o.has(QC(c)))try{await e.check("ip",[`-${n}`,"route","replace",...bd(c)]),r.changes.push(`route set: ${$a(c)}`)}catch(l){r.errors.push(`route ${$a(c)} not set: ${l.message}`)}for(let c of i)a.has(Hi(c.dst,n))||(await e.check("ip",[`-${n}`,"route","del",..._d(c)]),r.changes.push(`route removed: ${c.type==="blackhole"?"blackhole ":""}${c.dst}`))}}var _d=e=>[...e.type==="blackhole"?["blackhole"]:[],e.dst,"proto",String(201)];async function rD(e){let[t]=JSON.parse(await e.check("ip",["-4","-j","route","show","default"])||"[]");if(!t?.dev)return 1480;let[r]=JSON.parse(await e.check("ip",["-j","link","show","dev",t.dev]));return(r?.mtu??1500)-20}async function nD(e,t,r,n){let i=async()=>(await e.run("ip",["link","show","dev",ke])).code===0;if(!await i()&&(await e.run("ip",["link","add","name",ke,"type","ipip"])).code!==0&&(await e.run("modprobe",["ipip"]).catch(()=>{}),!await i()))return n.errors.push(`${ke}: this kernel has no IPIP support (ip link add ${ke} type ipip and modprobe ipip failed); the routes of pool(s) ${t.tunnelPools.join(", ")} need it and were not set; everything else was applied. Load the ipip module, or set ipip.mode: cross-subnet or ipip.enabled: false on pools whose nodes share a subnet`),!1;let o=r.mtu??await rD(e);return await e.check("ip",["link","set","dev",ke,"mtu",String(o),"up"]),r.tunnelAddress&&await iD(e,r.tunnelAddress,n),!0}async function iD(e,t,r){let{address:n,allocated:i}=await t.acquire();i&&r.changes.push(`tunnel address ${n} allocated for ${ke}`);let[o]=JSON.parse(await e.check("ip",["-4","-j","addr","show","dev",ke])),s=(o?.addr_info??[]).map(a=>a.local);for(let a of s.filter(c=>c!==n))await e.check("ip",["addr","del",`${a}/32`,"dev",ke]);s.includes(n)||(await e.check("ip",["addr","add",`${n}/32`,"dev",ke]),r.changes.push(`${ke} address set: ${n}/32`))}async function Sd(e,t){let r=await t.release();if(r!==void 0)return await e.run("ip",["addr","del",`${r}/32`,"dev",ke]),`tunnel address ${r} released`}function Sa(e){return async t=>{try{await t()}catch(r){if(!(r instanceof ae))throw r;e.errors.push(r.details?`${r.message}; ${r.details}`:r.message)}}}async function d$(e,t={}){let r=gr(t.netns),n={changes:[],errors:[]},i=Sa(n);for(let s of[4,6])await i(()=>XC(r,s,e,n));let o=e.routes;if(e.tunnelPools.length>0){let s=!1;await i(async()=>void(s=await nD(r,e,t,n))),s||(o=o.filter(a=>a.kind!=="tunnel"))}else if(t.tunnelAddress){let s=t.tunnelAddress;await i(async()=>{let a=await Sd(r,s);a!==void 0&&n.changes.push(a)})}return await i(()=>tD(r,o,n)),n}async function f$(e,t={}){let r=gr(t.netns),n=async i=>{try{let{jumps:o,chains:s}=await _a(r,i);return{randomFully:await l$(r,i),jumps:o,chains:s}}catch(o){if(!(o instanceof ae))throw o;return{randomFully:!0,jumps:0,chains:[]}}};return a$(e,{4:await n(4),6:await n(6)})}function m$(e){let t=e.nodes.find(a=>a.name===e.nodename);if(!t){let a=e.nodes.length>0?` (stored nodes: ${e.nodes.map(c=>c.name).join(", ")})`:" (no node is stored)";throw new qt(`node ${e.nodename} has no node record${a}`,`register it with \'ippool node register --nodename ${e.nodename}\', or give the name it was registered under with --nodename`)}let r=new Map(e.pools.map(a=>[a.id,a])),n=new Map(e.nodes.map(a=>[a.name,a])),i=[],o=new Set,s=[];for(let a of e.blocks){let c=J(a.cidr);if(!c)continue;let{family:l}=c.cidr;if(a.node===t.name){c.cidr.prefix<$e(l)&&i.push({family:l,kind:"blackhole",dst:a.cidr});continue}let u=n.get(a.node);if(!u){s.push(`block ${a.cidr} is affine to node ${a.node}, which has no node record: no route (register it with \'ippool node register\')`);continue}let p=id(u,l);if(!p){s.push(`node ${u.name} has no IPv${l} address (spec.bgp.ipv${l}Address): block ${a.cidr} is unroutable from ${t.name}`);continue}let f=id(t,l),d=f!==void 0&&ft(f.subnet,l,p.value),h=r.get(a.pool);if(l===4&&h?.ipip?.enabled===!0&&(h.ipip.mode==="always"||!d))o.add(h.id),i.push({family:l,kind:"tunnel",dst:a.cidr,via:p.address});else if(d)i.push({family:l,kind:"direct",dst:a.cidr,via:p.address});else{let g=f?`outside this node\'s subnet ${me(f.subnet)}`:`and node ${t.name} has no IPv${l} address`;s.push(`node ${u.name} at ${p.address} is unroutable for block ${a.cidr}: ${g}, no direct route (a routing daemon may cover it)`)}}return i.sort((a,c)=>a.family-c.family||(a.dst<c.dst?-1:a.dst>c.dst?1:0)),{nat:{4:p$(e.pools,4),6:p$(e.pools,6)},routes:i,tunnelPools:[...o].sort(),warnings:s}}function p$(e,t){let r=e.filter(n=>n.cidr.family===t);return{masqueradePools:r.filter(n=>n.natOutgoing).map(n=>n.id),allPools:r.map(n=>n.id)}}function*kd(e,t,r){let n=e.blockSize,i=t===void 0?0n:(t+1n)%e.size,o=i/n,s=Number(i%n),a=[...new Set(r)].sort((u,p)=>u<p?-1:u>p?1:0),c=u=>({block:u,fromBit:0,toBit:Number(n)}),l=a.includes(o);l&&(yield{block:o,fromBit:s,toBit:Number(n)});for(let u of a)u>o&&(yield c(u));for(let u of a)u<o&&(yield c(u));l&&s>0&&(yield{block:o,fromBit:0,toBit:s})}function ka(e,t,r){let n=t.block*e.blockSize;for(let i=t.fromBit;i<t.toBit;i++){let o=n+BigInt(i);if(!er(r,i)&&!e.reserved.has(o))return o}}xe();var h$=8,oD=4,sD=16,g$=(e,t)=>BigInt(`0x${t.slice(e.length)}`);function aD(e){let t=0xcbf29ce484222325n;for(let r of Buffer.from(e,"utf8"))t=(t^BigInt(r))*0x100000001b3n&0xffffffffffffffffn;return t}function cD(e,t,r){let n=aD(`${e} ${t}`),i=n%r,o=(n>>32n)%r|1n;return s=>(i+s*o)%r}async function y$(e,t,r,n){let i=Y(r.cidr),o=n.reduce((u,p)=>u!==void 0&&u>p?u:p,void 0),a=!(await e.list(Pr)).includes(At(r.id))?0n:o!==void 0?(o+1n)%i.blockCount:void 0,c=cD(t,r.id,i.blockCount),l=u=>a===void 0?c(u):u===0n?a:c(u-1n);for(let u=0n;u<BigInt(oD);u++){let p=u*BigInt(h$);if(p>=i.blockCount)break;let f=Math.min(h$,Number(i.blockCount-p)),d=Array.from({length:f},(v,y)=>l(p+BigInt(y))).filter(v=>si(i,v)>0),h=d.flatMap(v=>[H(r.id,v),Pe(r.id,v)]),m=await e.peek(h,Xe()),g=d.find((v,y)=>m[2*y]===void 0&&m[2*y+1]===void 0);if(g!==void 0)return g}return lD(e,r.id,i,l(0n))}async function lD(e,t,r,n){let i=async s=>(await e.peekList(s)).map(a=>g$(s,a)),o=new Set([...await i(mt(t)),...await i(ml(t))]);for(let s=0n;s<r.blockCount&&s<=BigInt(o.size)+3n;s++){let a=(n+s)%r.blockCount;if(!o.has(a)&&si(r,a)>0)return a}}async function xd(e,t,r,n){let i=Y(e.cidr),o=new Map;for(let s of kd(i,t,r)){if(!o.has(s.block)){let l=await n(s.block);o.set(s.block,l&&rr(l))}let a=o.get(s.block);if(a===void 0)continue;let c=ka(i,s,a);if(c!==void 0)return c}}async function v$(e,t,r,n){let i=mt(t.id),o=(await e.peekList(i)).map(l=>g$(i,l)).filter(l=>!n.has(l)),s=[...new Set([...kd(Y(t.cidr),r,o)].map(l=>l.block))],a=new Map(s.map((l,u)=>[l,u])),c=new Map;return xd(t,r,o,async l=>{if(!c.has(l)){let u=a.get(l),p=s.slice(u,u+sD),f=await e.peek(p.map(d=>H(t.id,d)),le);p.forEach((d,h)=>c.set(d,f[h]))}return c.get(l)})}function b$(e,t,r){let n=[Pr,Ct];return e.prefetch({keys:[ue(t),et],documentsBelow:[Dt(r)],listings:n})}async function xa(e,t){let r=ht(t.network,t.containerId,t.ifname),n={attachment:r,handle:t.handle},i=[];for(let s of t.families){let a=s.requested===void 0?await Id(e,t.node,s)??await uD(e,s):await dD(e,t.node,s);await Gg(e,a.pool.id,a.offset,n,t.node),s.requested===void 0&&await Wg(e,t.node,a.pool.id,a.offset),i.push({pool:a.pool.id,address:Oe(a.pool.cidr,a.offset)})}let o={network:t.network,containerId:t.containerId,ifname:t.ifname,node:t.node,handle:t.handle,addresses:i,allocatedAt:t.allocatedAt,...t.podNamespace?{podNamespace:t.podNamespace}:{},...t.podName?{podName:t.podName}:{}};return e.put(ue(r),o),o}async function Id(e,t,r){for(let n of r.candidates){await w$(e,n);let i=await nt(e,t,n.id),o=i.cursor===void 0?void 0:BigInt(i.cursor),s=Object.keys(i.blocks).map(l=>BigInt(`0x${l}`)),a=await xd(n,o,s,async l=>{let u=await Kg(e,t,n.id,l);return u.node===t?u:void 0});if(a!==void 0)return{pool:n,offset:a,how:"affine"};let c=await y$(e,t,n,s);if(c!==void 0){let l=Y(n.cidr),u=ka(l,{block:c,fromBit:0,toBit:Number(l.blockSize)},0n);if(u!==void 0)return{pool:n,offset:u,how:"claim"}}}for(let n of r.candidates){let i=await nt(e,t,n.id),o=i.cursor===void 0?void 0:BigInt(i.cursor),s=new Set(Object.keys(i.blocks).map(c=>BigInt(`0x${c}`))),a=await v$(e,n,o,s);if(a!==void 0)return{pool:n,offset:a,how:"borrow"}}}async function uD(e,t){let r=[];for(let n of t.candidates)r.push(`${n.id} (${await ca(e,n.id)} of ${ts(Y(n.cidr))} in use)`);throw new $(_.poolExhausted,`no free IPv${t.family} address in pool${r.length>1?"s":""} ${r.join(", ")}`,"release leaked addresses with \'ippool reclaim\' (or a CNI GC from the runtime), or add a pool")}async function dD(e,t,r){let n=r.requested,i=Ze(r.family,n),o=r.candidates.find(f=>ft(f.cidr,r.family,n));if(!o)throw new $(_.addressOutsidePools,`requested address ${i} is not in any usable IPv${r.family} pool of this network`,`usable pools: ${r.candidates.map(f=>f.id).join(", ")||"none"}`);await w$(e,o);let s=n-o.cidr.network,a=Y(o.cidr),c=mn(a,s);if(c!==void 0)throw new $(_.addressUnavailable,`requested address ${i} is the ${c} of pool ${o.id}`);let{block:l,bit:u}=Rt(o.id,s),p=await tr(e,o.id,l);if(p){if(er(rr(p),u)){let f=p.owners[u]?.attachment??"an allocation with no owner recorded";throw new $(_.addressUnavailable,`requested address ${i} is already held by ${f}`,"release it first or ask for another")}}else{let f=await Cr(e,o.id,l);if(f)throw rs(o.id,l,`its claim (node ${f.node})`)}return{pool:o,offset:s,how:p?p.node===t?"affine":"borrow":"claim"}}async function w$(e,t){let r=(await e.list(Pr)).map(n=>_e(n.slice(Pr.length)));for(let n of r){if(n===t.id||!pt(F(n),t.cidr))continue;let i=await ca(e,n);if(i>0n)throw new $(_.invalidConfig,`pool ${t.id} overlaps pool ${n}, which still holds ${i} address(es)`,"pools may not share addresses; release the other pool\'s addresses or use the same CIDR")}}var Ia=e=>`${e.getTime().toString(36)}-${Math.floor(Math.random()*281474976710656).toString(36).padStart(10,"0")}`;var $$="_ippool-tunnel",_$="tunl0",Ed=e=>ht($$,e,_$);async function S$(e,t,r,n){let i=Ed(t),o=await e.get(ue(i),Se),s=o?.addresses.find(c=>r.some(l=>l.id===c.pool));return s?{...s,allocated:!1}:(o&&await bt(e,i),{...(await xa(e,{network:$$,containerId:t,ifname:_$,node:t,handle:Ia(n),families:[{family:4,candidates:r}],allocatedAt:n.toISOString()})).addresses[0],allocated:!0})}function k$(e,t){return bt(e,Ed(t))}async function x$(e,t){return(await e.get(ue(Ed(t)),Se))?.addresses[0]?.address}async function Nd(e){let t=await e.store.read(async r=>({pools:await ve(r),nodes:await da(r),blocks:await Fr(r)}));return m$({...t,nodename:e.nodename})}function Od(e,t){let r=e.nodename;return{acquire:()=>e.store.update(async n=>{let i=(await ve(n)).filter(o=>t.includes(o.id)&&!o.disabled);if(i.length===0)throw new qt(`tunl0: no enabled pool among ${t.join(", ")} to take the tunnel address of node ${r} from`,"enable one of them (spec.disabled: false)");return S$(n,r,i,e.now())}),release:async()=>(await e.store.update(n=>k$(n,r)))?.addresses[0]?.address,held:()=>e.store.read(n=>x$(n,r))}}function Pd(e,t){return t.changes.forEach(r=>e.out(`${r}\n`)),t.errors.forEach(e.error),t.errors.length>0?1:0}async function Td(e,t,r){let n=await Nd(e);for(let i of n.warnings)r?.has(i)||e.warn(i);return r&&(r.clear(),n.warnings.forEach(i=>r.add(i))),Pd(e,await d$(n,{...t,tunnelAddress:Od(e,n.tunnelPools)}))}async function Ea(e,t,r,n){let i=new Set;for(;!n.aborted;){try{await Td(e,t,i)}catch(o){e.error(o.message)}await(0,I$.setTimeout)(r*1e3,void 0,{signal:n}).catch(()=>{})}return 0}function Na(){let e=new AbortController,t=()=>e.abort();return process.once("SIGTERM",t),process.once("SIGINT",t),{signal:e.signal,dispose:()=>{process.off("SIGTERM",t),process.off("SIGINT",t)}}}var E$=[4,6];async function fD(e,t){let{restore:r}=Yi[t],n=await _a(e,t);if(n.chains.length===0&&n.jumps===0)return{preview:[`# ${r}: nothing to remove (no chain or jump of ippool\'s)`]};let i=yd(n.chains,n.jumps);return{preview:[`# ${r} --noflush`,...i.trimEnd().split(`\n`)],remove:async()=>(await e.check(r,["-w","--noflush"],i),`IPv${t} nat-outgoing chains removed`)}}async function pD(e,t){return(await $d(e,t)).map(r=>{let n=_d(r);return{preview:[n.join(" ")],remove:async()=>(await e.check("ip",[`-${t}`,"route","del",...n]),`route removed: ${r.type==="blackhole"?"blackhole ":""}${r.dst}`)}})}async function N$(e,t,r){let n=Sa(r),i=[];for(let s of E$)await n(async()=>void i.push(await fD(e,s)));i.push({preview:[`# routes to delete (ip route del, proto ${201})`]});for(let s of E$)await n(async()=>void i.push(...await pD(e,s)));let o=t.tunnelAddress;return o&&await n(async()=>{let s=await o.held();i.push(s===void 0?{preview:["# tunnel address: none held"]}:{preview:[`# tunnel address to release: ${s} (taken off ${ke})`],remove:()=>Sd(e,o)})}),i}async function O$(e={}){let t=gr(e.netns),r={changes:[],errors:[]},n=Sa(r);for(let{remove:i}of await N$(t,e,r))i&&await n(async()=>{let o=await i();o!==void 0&&r.changes.push(o)});return r}async function P$(e={}){let t={changes:[],errors:[]},r=await N$(gr(e.netns),e,t);return t.changes.push(...r.flatMap(n=>n.preview)),t}var Oa=["apply","watch","remove"],Ad={apply:["dry-run","mtu"],watch:["mtu","interval"],remove:["dry-run"]},Xi=10;function Pa(e,t,r,n){let i=M(e,t);if(i===void 0)return;let o=Number(i);if(!/^\\d+$/.test(i)||o<1||o>r)throw new I(`--${t} must be a whole number from 1 to ${r}, not \'${i}\'`,n);return o}var T$={summary:"program this node: nat-outgoing rules, routes to other nodes\' blocks, tunl0",args:["SUBCOMMAND"],usage:["dataplane apply [--nodename NAME] [--dry-run] [--mtu N]","dataplane watch [--nodename NAME] [--mtu N] [--interval SECONDS]","dataplane remove [--nodename NAME] [--dry-run]"],description:["apply reconciles once: per family an iptables-restore --noflush of the chains IPPOOL-POSTROUTING and","IPPOOL-NAT-OUTGOING (hooked once from nat POSTROUTING), and the routes of protocol "+String(201)+": blackhole for","this node\'s blocks, via the affine node for the others (dev tunl0 onlink for ipip; tunl0 then gets","the node\'s tunnel address, an allocation \'ippool allocations\' shows, released when no route needs it).",`watch re-applies every --interval seconds (default ${Xi}) until SIGTERM or SIGINT. remove deletes`,"every chain and route of ippool and releases the tunnel address.","--dry-run changes nothing: with apply it prints the iptables-restore input and the routes, with remove","the iptables-restore input, the routes (ip route del arguments) and the tunnel address it would take away.","A flag of another subcommand (apply --interval, remove --mtu, watch --dry-run) is a usage error."],flags:{"dry-run":{type:"boolean",help:"apply, remove: print what would change, change nothing"},mtu:{type:"string",value:"N",help:"apply, watch: tunl0\'s MTU (default: the uplink\'s MTU minus 20)"},interval:{type:"string",value:"SECONDS",help:`watch: seconds between reconciles (default ${Xi})`}},examples:["ippool dataplane apply --dry-run","ippool dataplane apply --nodename node-a","ippool dataplane watch --interval 5","ippool dataplane remove --dry-run","ippool dataplane remove"],run:async e=>{let[t]=e.positionals;if(!mD(t))throw new I(t===void 0?`\'ippool dataplane\' needs a subcommand: ${Oa.join(", ")}`:`unknown subcommand \'${t}\'; use ${Oa.join(", ")}`,"dataplane");hD(e,t);let{node:r,options:n,interval:i}=Cd(e,"dataplane"),o=de(e,"dry-run");if(t==="remove"){let a={tunnelAddress:Od(r,[])};return Pd(r,await(o?P$(a):O$(a)))}if(o){let a=await Nd(r);return a.warnings.forEach(e.warn),e.out(await f$(a)),0}if(t==="apply")return Td(r,n);let s=Na();try{return await Ea(r,n,i,s.signal)}finally{s.dispose()}}};function Cd(e,t){let r=Pa(e,"mtu",65535,t),n=Pa(e,"interval",86400,t)??Xi;return{node:{store:e.store,nodename:e.nodename,now:e.now,out:e.out,warn:e.warn,error:e.error},options:r!==void 0?{mtu:r}:{},interval:n}}var mD=e=>Oa.includes(e);function hD(e,t){for(let r of new Set(Object.values(Ad).flat())){if(e.flags[r]===void 0||Ad[t].includes(r))continue;let n=Oa.filter(i=>Ad[i].includes(r)).map(i=>`\'dataplane ${i}\'`);throw new I(`--${r} does not apply to \'dataplane ${t}\'; it goes with ${n.join(" and ")}`,"dataplane")}}xe();var Aa=require("node:fs"),L$=require("node:os"),U$=require("node:path");xe();var A$=e=>{let t=e.split("/"),r=`${t[0]}/`;if(!(t.length!==3||r!==tt&&r!==pl))return{poolId:_e(t[1]),block:BigInt(`0x${t[2]}`)}};async function D$(e,t,r){let n=[],i=new Set;for(let[a,c]of t){let l=A$(a);if(!l||!a.startsWith(tt))continue;let u=await e.get(a,le);if(u===void 0||Kr(u)===Kr(c))continue;let p=Er(le,c);z$(l.poolId,l.block,u,p,r,"nothing was copied"),n.push({...l,source:p}),i.add(`${l.poolId} ${l.block}`)}let o=new Map,s=0;for(let[a,c]of t){let l=A$(a);if(l&&i.has(`${l.poolId} ${l.block}`))continue;let u=a.startsWith(dn)?gD(c,i):c,p=await e.get(a,Xe());if(p===void 0)o.set(a,u);else if(Kr(p)===Kr(u))s++;else throw Ta(r,a,"nothing was copied")}return{copies:o,rehomes:n,alreadyThere:s}}function gD(e,t){let r=Er(Qt,e),n=Object.entries(r.blocks).filter(([o])=>!t.has(`${r.pool} ${BigInt(`0x${o}`)}`)),i=Object.fromEntries(n);return{...r,blocks:i}}async function R$(e,t,r,n){let i=H(t.poolId,t.block),o=await e.get(i,le);if(!o)throw Ta(r,i,n);z$(t.poolId,t.block,o,t.source,r,n);let s=o.seq+1,a=Tr(Te(o.bitmap)|Te(t.source.bitmap));e.put(i,{...o,seq:s,bitmap:a,owners:{...o.owners,...t.source.owners}});let c=await nt(e,o.node,t.poolId),l={...c.blocks,[t.block.toString(16)]:s};e.put(he(o.node,t.poolId),{...c,blocks:l})}function z$(e,t,r,n,i,o){let s=pn(rr(r)&rr(n));if(s.length===0)return;let a=t*Y(F(e)).blockSize,c=s[0],l=Oe(F(e),a+BigInt(c));throw new $(_.invalidConfig,`${i} already holds ${l} (and ${s.length-1} more address(es) of block ${H(e,t)}) for ${C$(r,c)} on node ${r.node}, and this store holds it for ${C$(n,c)} on node ${n.node}; ${o}`,"two containers have this address now; release one of them (a DEL, or \'ippool release ADDRESS\' on the store that holds it) and run the migration again")}var C$=(e,t)=>e.owners[t]?.attachment??"an unknown holder";function Ta(e,t,r){return new $(_.invalidConfig,`${e} already holds a different document at ${t}; ${r}`,"the two stores disagree: compare them (etcdctl get, \'ippool show\'); pool documents must be merged by hand first")}function Kr(e){return JSON.stringify(e,(t,r)=>r&&typeof r=="object"&&!Array.isArray(r)?Object.fromEntries(Object.entries(r).sort(([n],[i])=>n<i?-1:n>i?1:0)):r)}var j$=64,M$=30,q$={summary:"copy a node\'s disk store into the etcd datastore",args:["SUBCOMMAND"],usage:["datastore migrate --from-data-dir DIR --etcd-endpoints URL[,URL...] [--etcd-prefix PREFIX]"],description:["Copies every key of the disk store in DIR (pools, pool state, blocks, attachments) into etcd. A key","etcd already holds with the same document is left alone, so running it twice changes nothing; a key","etcd holds with a different document is refused (exit 1, naming the key) before anything is written.","A block etcd holds for another node (every disk store claims its pool\'s first block) keeps that node;","this node\'s addresses in it join it as borrowed ones, none changes; an address both nodes hold is","refused, naming both holders. DIR is only read; a store of an earlier ippool is converted on the way.","Stop ADD and DEL on the node while it runs (e.g. drain it), then point the network configs at etcd","(ipam.datastore)."],flags:{"from-data-dir":{type:"string",value:"DIR",help:"the disk store to copy (required)"}},examples:["ippool datastore migrate --from-data-dir /var/lib/cni/ippool --etcd-endpoints http://10.0.0.1:2379"],run:async e=>{if(e.positionals[0]!=="migrate")throw new I("expected \'datastore migrate\'","datastore");let t=M(e,"from-data-dir");if(t===void 0)throw new I("--from-data-dir DIR is required","datastore");if(e.datastore!=="etcd")throw new I("datastore migrate copies into etcd: give --etcd-endpoints (or ETCD_ENDPOINTS)","datastore");let r=await yD(t);if(r.size===0)throw new $(_.ioFailure,`${t} holds no ippool store: nothing to copy`);await Zr(e.store);let n=await e.store.read(a=>D$(a,r,e.store.location)),i=0;for(let a of n.rehomes)await e.store.update(c=>R$(c,a,e.store.location,`${i} key(s) were copied before it`)),i++;let o=[...n.copies.keys()];for(let a=0;a<o.length;a+=j$)i+=await e.store.update(async c=>{let l=0;for(let u of o.slice(a,a+j$)){let p=n.copies.get(u);await vD(c.get(u,Xe()),p,u,e.store,`${i} key(s) were copied before it`)||(c.put(u,p),l++)}return l});let s=n.rehomes.length>0?`; ${n.rehomes.length} block(s) another node holds there got this node\'s addresses as borrowed ones`:"";return e.out(i===0?`nothing to copy: ${e.store.location} already holds all ${r.size} key(s) of ${t}\n`:`copied ${i} key(s) from ${t} to ${e.store.location}${n.alreadyThere>0?`; ${n.alreadyThere} were already there`:""}${s}\n`),0}};async function yD(e){let t=i=>i.read(async o=>{let s=new Map;for(let a of await o.listAll(""))s.set(a,await o.get(a,Xe()));return s}),r=await t(await Tt({datastore:{type:"disk"},dataDir:e,lockWaitSeconds:M$}));if(![...r.keys()].some(i=>i.startsWith(Ct)))return r;let n=(0,Aa.mkdtempSync)((0,U$.join)((0,L$.tmpdir)(),"ippool-migrate-"));try{let i=await Tt({datastore:{type:"disk"},dataDir:n,lockWaitSeconds:M$});return await i.update(async o=>r.forEach((s,a)=>o.put(a,s))),await Zr(i),await t(i)}finally{(0,Aa.rmSync)(n,{recursive:!0,force:!0})}}async function vD(e,t,r,n,i){let o=await e;if(o===void 0)return!1;if(Kr(o)===Kr(t))return!0;throw Ta(n.location,r,i)}var Y$=require("node:path");var V=require("node:fs"),Dd=require("node:path");var F$=1024*1024;function Rd(e,t,r,n){let i=(0,Dd.join)(e,t),o=_D(i);if(o?.isFile()&&(o.mode&4095)===n&&bD(i,r))return"unchanged";let s=(0,Dd.join)(e,`.${t}.tmp-${process.pid}`);try{(0,V.mkdirSync)(e,{recursive:!0,mode:493});let a=(0,V.openSync)(s,"wx",n);try{Buffer.isBuffer(r)?Z$(a,r):wD(a,r.path),(0,V.fsyncSync)(a)}finally{(0,V.closeSync)(a)}(0,V.renameSync)(s,i),$D(e)}catch(a){throw(0,V.rmSync)(s,{force:!0}),Da(`cannot write ${i}`,a)}return o?"replaced":"installed"}function B$(e,t){if(V$(e).size>t)throw new $(_.decodeFailure,`${e} is larger than ${t/1024} KiB; a network config is a few KiB`);let n=Ca(e);try{let i=[];for(let o=Pn(n);o.length>0;o=Pn(n))i.push(o);return Buffer.concat(i)}finally{(0,V.closeSync)(n)}}function bD(e,t){if((Buffer.isBuffer(t)?t.length:V$(t.path).size)!==(0,V.statSync)(e).size)return!1;let n=Ca(e),i=Buffer.isBuffer(t)?void 0:Ca(t.path);try{for(let o=0;;){let s=Pn(n),a=i===void 0?t.subarray(o,o+s.length):Pn(i);if(!s.equals(a))return!1;if(s.length===0)return!0;o+=s.length}}finally{(0,V.closeSync)(n),i!==void 0&&(0,V.closeSync)(i)}}function wD(e,t){let r=Ca(t);try{for(let n=Pn(r);n.length>0;n=Pn(r))Z$(e,n)}finally{(0,V.closeSync)(r)}}function Pn(e){let t=Buffer.allocUnsafe(F$);return t.subarray(0,(0,V.readSync)(e,t,0,F$,null))}function Z$(e,t){for(let r=0;r<t.length;)r+=(0,V.writeSync)(e,t,r,t.length-r)}function $D(e){let t=(0,V.openSync)(e,"r");try{(0,V.fsyncSync)(t)}finally{(0,V.closeSync)(t)}}function _D(e){try{return(0,V.statSync)(e)}catch(t){if(t.code==="ENOENT")return;throw Da(`cannot read ${e}`,t)}}function V$(e){try{return(0,V.statSync)(e)}catch(t){throw Da(`cannot read ${e}`,t)}}function Ca(e){try{return(0,V.openSync)(e,"r")}catch(t){throw Da(`cannot read ${e}`,t)}}var SD={ENOENT:"no such file or directory",EACCES:"permission denied (run as root, or choose a directory you can write)",EPERM:"operation not permitted",EROFS:"read-only file system (mount the directory read-write, e.g. as a hostPath volume)",ENOSPC:"no space left on the device",EISDIR:"is a directory",ENOTDIR:"a part of the path is not a directory"};function Da(e,t){if(t instanceof $)return t;let r=t.code??"unknown";return new $(_.ioFailure,`${e}: ${SD[r]??r}`,r)}var K$="/opt/cni/bin",J$="/etc/cni/net.d",G$=["bridge","ptp"],kD="1.0.0",xD=1024*1024,X$={summary:"copy this executable into a CNI bin dir (and a network config into the conf dir)",args:[],usage:["install [--bin-dir DIR]","install [--bin-dir DIR] --conflist FILE [--conf-dir DIR]","install [--bin-dir DIR] --network NAME --pool CIDR[,CIDR] [--plugin bridge|ptp] [--conf-dir DIR] [--data-dir DIR]"],description:["Copies the running executable to BIN-DIR/ippool: the standalone executable itself, or, run as","\'node build/ippool install\', the Node bundle (which then needs Node.js 20 on the node). The file is","written to a temp file in BIN-DIR, fsynced and renamed over the old one, so a runtime exec\'ing","ippool meanwhile runs the old or the new file, never a half-written one.","With --conflist, FILE is checked (JSON, a conflist with an ippool ipam section that ippool accepts)","and written to CONF-DIR under its own name; with --network and --pool, a conflist for bridge (the","default, isGateway) or ptp with those inline pools is written to CONF-DIR/10-NAME.conflist.","--data-dir, if given, becomes the config\'s ipam.dataDir. A file already equal to what would be","written is left alone: running install twice changes nothing the second time, and says so."],flags:{"bin-dir":{type:"string",value:"DIR",help:`where runtimes look for plugins (default ${K$})`},"conf-dir":{type:"string",value:"DIR",help:`where runtimes read network configs (default ${J$})`},conflist:{type:"string",value:"FILE",help:"a conflist to check and copy into the conf dir"},network:{type:"string",value:"NAME",help:"generate a conflist for network NAME"},pool:{type:"string",value:"CIDR[,CIDR]",help:"the generated network\'s pools, comma-separated (one per family at most is usual)"},plugin:{type:"string",value:"bridge|ptp",help:"the generated network\'s main plugin (default bridge)"}},examples:["ippool install","ippool install --bin-dir /host/opt/cni/bin --conf-dir /host/etc/cni/net.d --conflist /config/10-pods.conflist","ippool install --network pods --pool 10.22.0.0/16,fd00:22::/64 --plugin bridge"],run:async e=>{let t=ID(e);if(!e.executable)throw new $(_.internal,"the path of the running executable is unknown","please report this as a bug");let r=M(e,"bin-dir")??K$;if(W$(e,`${r}/ippool`,Rd(r,"ippool",{path:e.executable},493)),t){let n=M(e,"conf-dir")??J$;W$(e,`${n}/${t.name}`,Rd(n,t.name,t.bytes,420))}return 0}};function W$(e,t,r){e.out(r==="unchanged"?`${t} unchanged (already up to date)\n`:`${t} ${r}\n`)}function ID(e){let t=M(e,"conflist"),r=M(e,"network"),n=r!==void 0||["pool","plugin"].some(a=>e.flags[a]!==void 0);if(t!==void 0&&n)throw new I("--conflist copies a file; --network, --pool and --plugin generate one: give one or the other","install");if(e.flags["conf-dir"]!==void 0&&t===void 0&&!n)throw new I("--conf-dir needs --conflist FILE or --network NAME --pool CIDR","install");if(t!==void 0){let a=B$(t,xD);return H$(a.toString("utf8"),t),{name:(0,Y$.basename)(t),bytes:a}}if(!n)return;if(r===void 0)throw new I("--pool and --plugin need --network NAME","install");let i=M(e,"pool");if(i===void 0)throw new I("--network needs --pool CIDR (comma-separated for more than one)","install");let o=ND(r,i.split(",").map(a=>a.trim()),ED(e),e.flags["data-dir"]),s=`${JSON.stringify(o,null,2)}\n`;return H$(s,"the generated conflist"),{name:`10-${r}.conflist`,bytes:Buffer.from(s)}}function ED(e){let t=M(e,"plugin")??"bridge";if(!G$.includes(t))throw new I(`--plugin must be one of ${G$.join(", ")}, not \'${t}\'`,"install");return t}function ND(e,t,r,n){let i=t.map(a=>{let c=J(a);if(!c)throw new I(`--pool: \'${a}\' is not a CIDR (e.g. 10.22.0.0/16 or fd00:22::/64)`,"install");return c.cidr.family}),o={type:"ippool",...typeof n=="string"?{dataDir:n}:{},ipPools:t.map(a=>({apiVersion:"v1",kind:"ipPool",metadata:{cidr:a}})),routes:[...new Set(i)].map(a=>({dst:a===4?"0.0.0.0/0":"::/0"}))},s=r==="bridge"?{type:"bridge",bridge:`cni-${e}`.slice(0,15),isGateway:!0,ipMasq:!0,hairpinMode:!0}:{type:"ptp",ipMasq:!0};return{cniVersion:kD,name:e,plugins:[{...s,ipam:o}]}}function H$(e,t){let r;try{r=JSON.parse(e)}catch(o){throw new $(_.decodeFailure,`${t} is not JSON: ${o.message}`)}let n=r;if(typeof n!="object"||n===null||!Array.isArray(n.plugins))throw new $(_.invalidConfig,`${t} is not a conflist (an object with a "plugins" array)`);let i=n.plugins.findIndex(o=>o?.ipam?.type==="ippool");if(i<0)throw new $(_.invalidConfig,`${t} has no plugin with "ipam": {"type": "ippool", ...}`);try{let s=as({...n.plugins[i],name:n.name,cniVersion:n.cniVersion}).ipam.ipPools.map((a,c)=>Xt(a,`ipam.ipPools[${c}]`).pool);Gi(s,"ipam.ipPools")}catch(o){throw o instanceof $?new $(o.code,`${t}, plugins[${i}]: ${o.message}`,o.details):o}}var ct=require("node:fs"),fc=require("node:net"),jx=require("node:path");var Q$=["ADD","DEL","CHECK","VERSION","GC","STATUS"],zd={ADD:["CNI_CONTAINERID","CNI_NETNS","CNI_IFNAME","CNI_PATH"],CHECK:["CNI_CONTAINERID","CNI_NETNS","CNI_IFNAME","CNI_PATH"],DEL:["CNI_CONTAINERID","CNI_IFNAME","CNI_PATH"],VERSION:[],GC:[],STATUS:[]},e_=15;function r_(e){let t=e.CNI_COMMAND;if(t===""){let o="a runtime sets it to a verb such as ADD; for the operator CLI, unset it (or give a command)";throw new $(_.invalidEnvironment,"env variable CNI_COMMAND is set but empty",o)}if(!t)throw new $(_.invalidEnvironment,"required env variable CNI_COMMAND missing");if(!Q$.includes(t))throw new $(_.invalidEnvironment,`unknown CNI_COMMAND "${t}"`,`expected one of ${Q$.join(", ")}`);let r=t,n=zd[r].filter(o=>!e[o]);if(n.length>0){let o=n.join(", ");throw new $(_.invalidEnvironment,`required env variable${n.length>1?"s":""} ${o} missing`)}let i={command:r,containerId:e.CNI_CONTAINERID??"",netns:e.CNI_NETNS??"",ifname:e.CNI_IFNAME??"",args:e.CNI_ARGS??"",path:e.CNI_PATH??""};return zd[r].includes("CNI_CONTAINERID")&&OD(i.containerId),zd[r].includes("CNI_IFNAME")&&PD(i.ifname),i}var t_=200;function OD(e){if(e.length>t_)throw new $(_.invalidEnvironment,`CNI_CONTAINERID is ${e.length} characters long; ippool accepts at most ${t_}`);if(!Qe.test(e))throw new $(_.invalidEnvironment,`invalid CNI_CONTAINERID ${JSON.stringify(e)}`,`must match ${Qe.source}`)}function PD(e){let t=e.length>e_?`longer than ${e_} characters`:e==="."||e===".."?"may not be \'.\' or \'..\'":/[/:\\s]/.test(e)?"may not contain \'/\', \':\' or whitespace":e.includes("\\0")?"may not contain a NUL byte":e.includes("\\uFFFD")?"is not valid UTF-8":void 0;if(t)throw new $(_.invalidEnvironment,`invalid CNI_IFNAME ${JSON.stringify(e)}: ${t}`)}xe();function n_(e,t){return t==="1.1.0"?e:{dst:e.dst,...e.gw?{gw:e.gw}:{}}}function i_(e,t){let r=t.dns?{dns:t.dns}:{},n=Qg(e);if(n==="legacy"){let i={cniVersion:e};for(let o of[4,6]){let s=t.ips.find(c=>c.family===o);if(!s)continue;let a=t.routes.filter(c=>J(c.dst)?.cidr.family===o);i[`ip${o}`]={ip:s.address,...s.gateway?{gateway:s.gateway}:{},...a.length?{routes:a.map(c=>n_(c,e))}:{}}}return{...i,...r}}return{cniVersion:e,ips:t.ips.map(i=>({...n==="versioned-ips"?{version:String(i.family)}:{},address:i.address,...i.gateway?{gateway:i.gateway}:{}})),...t.routes.length?{routes:t.routes.map(i=>n_(i,e))}:{},...r}}var TD;function AD(){let e=ce({address:A()}),t=z(ce({ip:A()}));return ce({ips:z(pe(e)),ip4:t,ip6:t})}function o_(e){let t=X(TD??=AD(),e);if(!t.success)throw new $(_.decodeFailure,"prevResult is not a CNI result");let{ips:r,ip4:n,ip6:i}=t.data;return[...(r??[]).map(s=>s.address),...[n,i].flatMap(s=>s?[s.ip]:[])].map(s=>{let a=s.split("/")[0];if(!G(a))throw new $(_.decodeFailure,`prevResult lists ${JSON.stringify(s)}, which is not an address`);return a})}var CD=["K8S_POD_NAMESPACE","K8S_POD_NAME","K8S_POD_INFRA_CONTAINER_ID","K8S_POD_UID"];function s_(e){let t=new Map;for(let o of e.split(";")){if(o==="")continue;let s=o.indexOf("=");if(s<=0)throw new $(_.invalidEnvironment,`invalid CNI_ARGS pair ${JSON.stringify(o)}`,"expected KEY=VALUE pairs separated by \';\'");t.set(o.slice(0,s),o.slice(s+1))}let r=/^(1|true)$/i.test(t.get("IgnoreUnknown")??""),n=[...t.keys()].filter(o=>o!=="IgnoreUnknown"&&o!=="IP"&&!CD.includes(o));if(n.length>0&&!r)throw new $(_.invalidEnvironment,`unknown CNI_ARGS key ${n.join(", ")}`,"ippool reads IP and K8S_POD_*; add IgnoreUnknown=1 to pass other keys");let i=t.get("IP");return{ips:i?i.split(",").filter(o=>o!==""):[],podNamespace:t.get("K8S_POD_NAMESPACE"),podName:t.get("K8S_POD_NAME")}}function Ra(e,t){return e.ipam.ipPools.map((r,n)=>{let i=Xt(r,`ipam.ipPools[${n}]`);return i.warnings.forEach(t),i.pool})}async function za(e,t){return Ww(await ve(e),t)}function ja(e,t,r){let n=[];for(let i of[4,6]){let o=i===4?e.ipam.assign_ipv4:e.ipam.assign_ipv6,s=r.get(i);if(o===!1){if(s!==void 0)throw new $(_.invalidConfig,`an IPv${i} address was requested but ipam.assign_ipv${i} is false`);continue}let a=Hw(t,i,i===4?e.ipam.ipv4_pools:e.ipam.ipv6_pools);if(a.length===0){if(o===!0||s!==void 0)throw new $(_.noUsablePool,`network ${e.name} has no enabled IPv${i} pool`,a_);continue}n.push({family:i,candidates:a,...s!==void 0?{requested:s}:{}})}if(n.length===0)throw new $(_.noUsablePool,`network ${e.name} has no enabled pool`,a_);return n}var a_="create one with \'ippool apply -f FILE\', enable a disabled one, or list pools in ipam.ipPools";function c_(e){let t=new Map;for(let r of e){let n=G(r.split("/")[0]);if(!n)throw new $(_.invalidConfig,`requested address ${JSON.stringify(r)} is not an IP address`);if(t.has(n.family))throw new $(_.invalidConfig,`more than one IPv${n.family} address requested`,"ask for at most one address per family");t.set(n.family,n.value)}return t}var Qi=({conf:e,io:t})=>cs(e.ipam.nodename,t.env);async function l_(e){let{env:t,conf:r,store:n,io:i}=e,o=Qi(e),s=i.now(),a=s_(t.args),c=Ra(r,i.warn),l=c_([...r.requestedIps.fromConfig,...r.requestedIps.argsGiven?[]:a.ips]),u=ht(r.name,t.containerId,t.ifname),p=await Jw(n,async f=>{await b$(f,u,o);let d=await f.get(ue(u),Se);if(d)return d;await Kw(f);let h=ja(r,await za(f,c),l);return xa(f,{network:r.name,containerId:t.containerId,ifname:t.ifname,node:o,handle:Ia(s),families:h,allocatedAt:s.toISOString(),...a.podNamespace?{podNamespace:a.podNamespace}:{},...a.podName?{podName:a.podName}:{}})});return DD(p,r.ipam)}function DD(e,t){let r=e.addresses.map(({pool:o,address:s})=>{let a=F(o),{gatewayOffset:c}=Y(a),l=t.addressPrefix==="host"?$e(a.family):a.prefix;return{family:a.family,address:`${s}/${l}`,...t.gateway==="first-address"&&c!==void 0?{gateway:Oe(a,c)}:{}}}),n=new Set(r.map(o=>o.family)),i=t.routes.filter(o=>n.has(J(o.dst).cidr.family));return{ips:r,routes:i,...t.dns?{dns:t.dns}:{}}}async function u_({env:e,conf:t,store:r}){await r.update(n=>bt(n,ht(t.name,e.containerId,e.ifname)))}async function d_({env:e,conf:t,store:r}){let n=ht(t.name,e.containerId,e.ifname),i=o_(t.prevResult??{}).map(o=>ha(o));await r.read(async o=>{let s=await o.get(ue(n),Se);if(!s||s.addresses.length===0)throw new $(_.unknownContainer,`container ${e.containerId} (ifname ${e.ifname}) holds no address in network ${t.name}`);let a=s.addresses.map(c=>c.address);for(let c of i)if(!a.includes(c))throw new $(_.checkMismatch,`prevResult lists ${c}, which ippool does not hold for ${n}`,`it holds ${a.join(", ")}`);for(let{pool:c,address:l}of s.addresses){let u=await ns(o,c,Ar(c,l));if(u?.attachment!==n||u.handle!==s.handle){let p=u===void 0?"free":u.attachment===n?"recorded for another allocation of it":`recorded for ${u.attachment}`;throw new $(_.checkMismatch,`${l} of ${n} is ${p} in pool ${c}`,"run \'ippool verify\'")}}})}async function f_(e){let{conf:t,store:r}=e,n=Qi(e);if(!t.validAttachments)throw new $(_.invalidConfig,"GC needs cni.dev/valid-attachments in the config","without it every allocation would look stale");let i=t.validAttachments.map(c=>({containerId:c.containerID,ifname:c.ifname})),o=await r.read(c=>ma(c,t.name,n,i)),s=[],a=[];for(let c of o)try{await r.update(l=>bt(l,ge(c),c.handle))}catch(l){s.push(Ft(l)),a.push(`${ge(c)}: ${s.at(-1).message}`)}if(s.length>0){let c=s.every(u=>u.code===s[0].code)?s[0].code:_.ioFailure,l=[...new Set(s.map(u=>u.details).filter(u=>u!==void 0))];throw new $(c,`gc could not release ${s.length} of ${o.length} stale attachment(s)`,[...a,...l].join("; "))}}async function p_(e){let{conf:t,store:r,io:n}=e,i=Ra(t,n.warn),o=Qi(e);try{await r.read(async s=>{for(let a of ja(t,await za(s,i),new Map))if(await Id(s,o,a)===void 0){let c=a.candidates.map(l=>l.id).join(", ");throw new $(_.poolExhausted,`every IPv${a.family} pool of network ${t.name} is full (${c})`)}})}catch(s){let a=Ft(s);throw a.code===_.invalidConfig||a.code===_.unsupportedField?a:new $(_.pluginNotAvailable,`ippool cannot serve ADD for network ${t.name}: ${a.message}`,a.details)}}function m_(e,t){let r=o=>o.replace(/\'ippool ([^\']*)\'/g,(s,a)=>a.includes(t)?s:`\'ippool ${a} ${t}\'`),n=r(e.message),i=e.details===void 0?void 0:r(e.details);return n===e.message&&i===e.details?e:new $(e.code,n,i)}async function g_(e,t=Tt){let r,n,i;try{let o=await e.readStdin(),s;try{r=ay(o)}catch(u){s=u}let a=r_(e.env);if(a.command==="VERSION")return h_({cniVersion:wl(r),supportedVersions:Dr});if(!r)throw s;ey(a.command,bl(r)),n=as(r),i=is(await t({...n.ipam,nodename:n.ipam.nodename??e.env.NODENAME}));let c={env:a,conf:n,store:i,io:e},l;switch(a.command){case"ADD":l=i_(n.cniVersion,await l_(c));break;case"DEL":await u_(c);break;case"CHECK":await d_(c);break;case"GC":await f_(c);break;case"STATUS":await p_(c);break}return RD(c),l===void 0?{stdout:"",exitCode:0}:h_(l)}catch(o){let s=i?m_(Ft(o),i.cliFlags):Ft(o),a={cniVersion:wl(r),code:s.code,msg:s.message,...s.details?{details:s.details}:{}};return{stdout:`${JSON.stringify(a)}\n`,exitCode:1}}}function RD({store:e,io:t}){e.conflictsRetried>0&&t.warn(`committed after ${e.conflictsRetried} conflict(s) with other writers to ${e.location}, each retried`)}var h_=e=>({stdout:`${JSON.stringify(e)}\n`,exitCode:0});be();kt();var Ma=class{constructor(t,r={}){this.inner=t;this.options=r}queue=[];committing=!1;get queued(){return this.queue.length}forCall(t=()=>!0){let r=this,n=0;return{update:i=>r.enqueue(i,t,o=>n+=o),read:i=>r.inner.read(i),notes:()=>r.inner.notes(),location:r.inner.location,cliFlags:r.inner.cliFlags,get conflictsRetried(){return n}}}enqueue(t,r,n){return new Promise((i,o)=>{let s=this.inner.conflictsRetried;this.queue.push({work:t,stillWanted:r,resolve:a=>{n(this.inner.conflictsRetried-s),i(a)},reject:o}),this.pump()})}pump(){if(this.committing||this.queue.length===0)return;let t=this.queue.filter(o=>o.stillWanted());for(let o of this.queue.filter(s=>!t.includes(s)))o.reject(new j("unavailable","the caller stopped waiting before its turn came"));if(this.queue=[],t.length===0)return;this.committing=!0;let r=performance.now(),n=this.inner.conflictsRetried,i=o=>this.options.onBatch?.({size:t.length,seconds:(performance.now()-r)/1e3,conflictsRetried:this.inner.conflictsRetried-n,failed:o});this.inner.update(async o=>{let s=[];for(let a of t){let c=new jd(o);try{let l=await a.work(c);c.applyTo(o),s.push({ok:!0,value:l})}catch(l){s.push({ok:!1,error:l})}}return s}).then(o=>{i(!1),t.forEach((s,a)=>{let c=o[a];c.ok?s.resolve(c.value):s.reject(c.error)})},o=>{i(!0);for(let s of t)s.reject(o)}).finally(()=>{this.committing=!1,this.pump()})}},jd=class extends Bt{constructor(r){super();this.below=r}async get(r,n){return this.writes.has(r)?this.writes.get(r)??void 0:this.below.get(r,n)}async list(r){return Yr(await this.below.list(r),r,this.writes)}async peekList(r){return Yr(await this.below.peekList(r),r,this.writes)}async listAll(r){let n=new Set(await this.below.listAll(r));for(let[i,o]of this.writes)i.startsWith(r)&&(o===null?n.delete(i):n.add(i));return[...n].sort()}prefetch(r){return this.below.prefetch(r)}async peek(r,n){let i=await this.below.peek(r.filter(o=>!this.writes.has(o)),n);return r.map(o=>this.writes.has(o)?this.writes.get(o)??void 0:i.shift())}applyTo(r){for(let[n,i]of this.writes)i===null?r.delete(n):r.put(n,i)}};var Rx=require("node:http"),ze=$r(Cx());var Dx=[.001,.0025,.005,.01,.025,.05,.1,.25,.5,1,2.5,5,10],lc=class{registry=new ze.Registry;calls=new ze.Counter({name:"ippool_agent_calls_total",help:"CNI calls answered by the agent, by verb and outcome (ok, error)",labelNames:["verb","outcome"],registers:[this.registry]});callSeconds=new ze.Histogram({name:"ippool_agent_call_duration_seconds",help:"Time from receiving a CNI call to answering it, by verb",labelNames:["verb"],buckets:Dx,registers:[this.registry]});commitSeconds=new ze.Histogram({name:"ippool_agent_commit_duration_seconds",help:"Time of one batch\'s transaction, from its start to its durable commit (retries included)",buckets:Dx,registers:[this.registry]});batchSize=new ze.Histogram({name:"ippool_agent_batch_size",help:"Store updates committed together in one transaction",buckets:[1,2,4,8,16,32,64,128,256],registers:[this.registry]});conflicts=new ze.Counter({name:"ippool_agent_conflicts_retried_total",help:"Batches run again because another writer committed first",registers:[this.registry]});busy=new ze.Counter({name:"ippool_agent_busy_total",help:"Calls answered busy at once because the queue was full (the plugin then did them itself)",registers:[this.registry]});constructor(t,r){new ze.Gauge({name:"ippool_agent_queue_depth",help:"CNI calls received and not answered yet",registers:[this.registry],collect(){this.set(t())}}),new ze.Gauge({name:"ippool_pool_addresses",help:"Addresses of each pool in the stores the agent serves, by state (in_use, free)",labelNames:["store","pool","state"],registers:[this.registry],async collect(){this.reset();for(let n of r())try{await n.read(async i=>{let o=new Set([...(await ve(i)).map(s=>s.id),...await qr(i)]);for(let s of o){let{used:a,free:c}=await hr(i,s);this.set({store:n.location,pool:s,state:"in_use"},Number(a)),this.set({store:n.location,pool:s,state:"free"},Number(c))}})}catch(i){if(!(i instanceof ae))throw i}}})}called(t,r,n){this.calls.inc({verb:t,outcome:r===0?"ok":"error"}),this.callSeconds.observe({verb:t},n)}refusedBusy(){this.busy.inc()}batched(t){this.commitSeconds.observe(t.seconds),this.batchSize.observe(t.size),this.conflicts.inc(t.conflictsRetried)}async serve(t){let r=(0,Rx.createServer)((n,i)=>{if(n.method!=="GET"||n.url?.split("?")[0]!=="/metrics"){i.writeHead(404).end(`not found: metrics are at /metrics\n`);return}this.registry.metrics().then(o=>i.writeHead(200,{"content-type":this.registry.contentType}).end(o),o=>i.writeHead(500).end(`${o.message}\n`))});return await new Promise((n,i)=>{r.once("error",i),r.listen(t.port,t.host,()=>n())}),r}};var uc="/run/ippool/agent.sock";async function Mx(e){await jj(e.socketPath);let t=new Map,r=[],n=0,i=new Map,o=e.now().toISOString(),s=new lc(()=>n,()=>r.map(v=>v.inner)),a=()=>({serving:!0,pid:process.pid,version:e.version,since:o,inFlight:n,queueLimit:e.queueLimit,calls:Object.fromEntries(i)}),c=v=>{let y=JSON.stringify(v),w=t.get(y);return w||(w=Tt(v).then(S=>{let k=new Ma(S,{onBatch:x=>s.batched(x)});return r.push(k),k}),w.catch(()=>t.delete(y)),t.set(y,w)),w},l=async v=>{let y=performance.now(),w=[],S=Buffer.from(v.stdin,"base64").toString("utf8"),k=()=>Date.now()<v.deadline,x=async lt=>(await c(lt)).forCall(k),C=await g_({env:v.env,readStdin:async()=>S,now:e.now,warn:lt=>w.push(lt)},x),N=typeof v.env.CNI_COMMAND=="string"?v.env.CNI_COMMAND:"",q=["ADD","DEL","CHECK","GC","STATUS","VERSION"].includes(N)?N:"other",Je=`${q} ${C.exitCode===0?"ok":"error"}`;return i.set(Je,(i.get(Je)??0)+1),s.called(q,C.exitCode,(performance.now()-y)/1e3),{...C,warnings:w}},u=async v=>{let y;try{y=JSON.parse(v)}catch{return{v:1,refused:"the request is not JSON"}}if(typeof y!="object"||y===null)return{v:1,refused:"the request is not a JSON object"};if(y.v!==1)return{v:1,refused:`protocol version ${JSON.stringify(y.v)} is not served; this agent speaks version ${1}`};if(y.health===!0)return{v:1,health:a()};let w=y.call;if(!Rj(w))return{v:1,refused:"the request is neither a call nor a health check"};if(n>=e.queueLimit)return s.refusedBusy(),{v:1,busy:`${n} calls are in flight (the limit is ${e.queueLimit})`};n++;try{return{v:1,answer:await l(w)}}finally{n--,f()}},p,f=()=>{n===0&&p?.()},d=(0,fc.createServer)(v=>zj(v,u));await Lj(d,e.socketPath);let h=e.metricsAddress?await s.serve(e.metricsAddress):void 0,m=h?.address(),g=m&&typeof m=="object"?`http://${m.family==="IPv6"?`[${m.address}]`:m.address}:${m.port}/metrics`:void 0;return e.log(`serving CNI calls on ${e.socketPath}${g?`, metrics on ${g}`:""}`),{health:a,metricsUrl:g,stop:async()=>{let v=new Promise(y=>d.close(()=>y()));Uj(e.socketPath),n>0&&await new Promise(y=>p=y),await v,h?.closeAllConnections(),await new Promise(y=>h?h.close(()=>y()):y())}}}var Rj=e=>{if(typeof e!="object"||e===null)return!1;let{env:t,stdin:r,deadline:n}=e;return typeof t=="object"&&t!==null&&Object.values(t).every(i=>typeof i=="string")&&typeof r=="string"&&typeof n=="number"};function zj(e,t){let r=[],n=0,i=!1,o=s=>{i=!0,e.end(`${JSON.stringify(s)}\n`)};e.on("error",()=>e.destroy()),e.on("data",s=>{if(i)return;let a=s.indexOf(10),c=a<0?s:s.subarray(0,a);if(n+=c.length,n>8388608){o({v:1,refused:`the request is larger than ${8388608/1024/1024} MiB`});return}r.push(c),!(a<0)&&(i=!0,t(Buffer.concat(r).toString("utf8")).then(l=>{e.destroyed||e.end(`${JSON.stringify(l)}\n`)},()=>e.destroy()))}),e.on("end",()=>{i||o({v:1,refused:"the request ended without a newline"})})}async function jj(e){let t=(0,jx.dirname)(e);try{(0,ct.lstatSync)(t)}catch{(0,ct.mkdirSync)(t,{recursive:!0,mode:448}),(0,ct.chmodSync)(t,448)}let r;try{r=(0,ct.lstatSync)(e).isSocket()}catch{return}if(!r)throw new dc(`${e} exists and is not a socket; remove it or choose another --socket`);if(await Mj(e))throw new dc(`another agent serves on ${e}; stop it first (it keeps serving), or give this one another --socket`);(0,ct.unlinkSync)(e)}var dc=class extends ae{},Mj=e=>new Promise(t=>{let r=(0,fc.createConnection)(e);r.once("connect",()=>{r.destroy(),t(!0)}),r.once("error",()=>t(!1))});async function Lj(e,t){let r=process.umask(127);try{await new Promise((n,i)=>{e.once("error",i),e.listen(t,()=>n())})}finally{process.umask(r)}(0,ct.chmodSync)(t,384)}function Uj(e){try{(0,ct.unlinkSync)(e)}catch{}}var Lx=require("node:net");function Ux(e,t){return new Promise(r=>{let n=(0,Lx.createConnection)(e),i=[],o=a=>{clearTimeout(s),n.destroy(),r(a)},s=setTimeout(()=>o(void 0),t);n.on("connect",()=>n.write(`${JSON.stringify({v:1,health:!0})}\n`)),n.on("data",a=>i.push(a)),n.on("end",()=>{try{let a=JSON.parse(Buffer.concat(i).toString("utf8"));o("health"in a?a.health:void 0)}catch{o(void 0)}}),n.on("error",()=>o(void 0))})}var pc="0.1.0";var kp=1024;function qj(e){let t=M(e,"metrics-address");if(t===void 0)return;let r=/^(\\[[0-9a-fA-F:]+\\]|[^:]+):(\\d{1,5})$/.exec(t),n=Number(r?.[2]);if(!r||n<1||n>65535)throw new I(`--metrics-address must be HOST:PORT (e.g. 127.0.0.1:9311), not \'${t}\'`,"agent");return{host:r[1].replace(/^\\[|\\]$/g,""),port:n}}var Fj=e=>{let t=M(e,"socket")??uc;if(!t.startsWith("/"))throw new I(`--socket must be an absolute path, not \'${t}\'`,"agent");return t},qx={summary:"the node agent: serve the plugin\'s calls on a unix socket (and, with --dataplane, the routes)",args:["[status]"],usage:["agent [--socket PATH] [--metrics-address HOST:PORT] [--queue-limit N] [--dataplane [--interval SECONDS] [--mtu N]]","agent status [--socket PATH]"],description:[`agent serves CNI calls on a unix socket (default ${uc}, its directory made 0700, the socket 0600) until`,"SIGTERM or SIGINT, then answers what it accepted, removes the socket and exits 0. The exec\'d plugin","tries it first (ipam.agentSocket, else IPPOOL_AGENT_SOCKET, else the default) and works in-process when","no agent answers. Each network\'s store is opened once; updates that queue while a commit is in flight",`are committed together. Beyond --queue-limit calls in flight (default ${kp}) it answers busy at once.`,"--metrics-address serves Prometheus metrics on http://HOST:PORT/metrics. --dataplane also does what",`\'dataplane watch\' does, every --interval seconds (default ${Xi}), for the store named by the store flags.`,"status asks the agent on the socket whether it serves, since when, and its queue; exit 0 when it","serves, 1 when nothing answers (the liveness probe of a DaemonSet)."],flags:{socket:{type:"string",value:"PATH",help:`the agent\'s socket (default ${uc})`},"metrics-address":{type:"string",value:"HOST:PORT",help:"serve Prometheus metrics at /metrics there"},"queue-limit":{type:"string",value:"N",help:`calls in flight before it answers busy (default ${kp})`},dataplane:{type:"boolean",help:"also keep this node\'s nat-outgoing rules and routes, as \'dataplane watch\'"},interval:{type:"string",value:"SECONDS",help:"with --dataplane: seconds between reconciles"},mtu:{type:"string",value:"N",help:"with --dataplane: tunl0\'s MTU (default: the uplink\'s minus 20)"}},examples:["ippool agent","ippool agent --dataplane --metrics-address 127.0.0.1:9311","ippool agent status","ippool agent status --socket /run/ippool/agent.sock"],run:async e=>{let[t]=e.positionals;if(t!==void 0&&t!=="status")throw new I(`unknown subcommand \'${t}\'; the only one is \'status\'`,"agent");let r=Fj(e);if(t==="status"){let a=["metrics-address","queue-limit","dataplane","interval","mtu"].find(c=>e.flags[c]!==void 0);if(a)throw new I(`--${a} goes with \'ippool agent\', not \'agent status\'`,"agent");return Bj(e,r)}let n=de(e,"dataplane"),i=["interval","mtu"].find(a=>e.flags[a]!==void 0);if(i&&!n)throw new I(`--${i} goes with --dataplane`,"agent");let o=n?Cd(e,"agent"):void 0,s=Na();try{let a=await Mx({socketPath:r,queueLimit:Pa(e,"queue-limit",1e6,"agent")??kp,metricsAddress:qj(e),version:pc,now:e.now,log:l=>e.error(l)}),c=o?Ea(o.node,o.options,o.interval,s.signal):void 0;return s.signal.aborted||await new Promise(l=>s.signal.addEventListener("abort",l)),await a.stop(),await c,e.error("stopped: every accepted call was answered and the socket removed"),0}finally{s.dispose()}}};async function Bj(e,t){let r=await Ux(t,5e3);if(r===void 0)return e.error(`no agent answers on ${t}; the plugin works in-process meanwhile`),1;let n=Object.entries(r.calls).map(([i,o])=>`${i}: ${o}`).join(", ");return e.out([`serving on ${t} since ${r.since} (pid ${r.pid}, ippool ${r.version})`,`in flight: ${r.inFlight} of at most ${r.queueLimit}`,`answered: ${n||"none yet"}`,""].join(`\n`)),0}var po={create:Sw,apply:kw,replace:xw,get:Ew,delete:Iw,allocations:Aw,show:Cw,release:Rw,reclaim:qw,usage:Bw,blocks:Gw,verify:t$,node:s$,dataplane:T$,datastore:q$,install:X$,agent:qx};function xp(e){let t=Math.max(...Object.keys(e).map(r=>r.length),8);return["ippool: IP pools and address allocations of the ippool CNI IPAM plugin.","Run with CNI_COMMAND set, the same executable is the CNI plugin; without it, this operator tool.","","Usage: ippool COMMAND [ARGS] [FLAGS]","","Commands:",...Object.entries(e).map(([r,n])=>`  ${r.padEnd(t)}  ${n.summary}`),"","Global flags:",...Bx(ls),"","TYPE (for get and delete) is the pool resource: ippool, ippools, ipp, ipps, pool or pools; or a node: node, nodes, no or nos (any case).","Run \'ippool COMMAND --help\' for a command\'s flags and examples.",""].join(`\n`)}function Fx(e,t){return[`ippool ${e}: ${t.summary}`,"","Usage:",...t.usage.map(r=>`  ippool ${r}`),...t.description?.length?["",...t.description]:[],"","Flags:",...Bx({...t.flags,...ls}),"","Examples:",...t.examples.map(r=>`  ${r}`),""].join(`\n`)}function Bx(e){let t=Object.entries(e).map(([n,i])=>{let o=`--${n}${i.type==="string"?` ${i.value??"VALUE"}`:""}`;return[i.short?`-${i.short}, ${o}`:`    ${o}`,i.help]}),r=Math.max(...t.map(([n])=>n.length));return t.map(([n,i])=>`  ${n.padEnd(r)}  ${i}`)}var Zx=3e4;async function Zj(e,t=Tt){try{let r=gy(e.argv,po);if(r.flags.version===!0){if(r.command!==void 0)throw new I("--version goes alone: \'ippool --version\'",r.command);return e.stdout(`ippool ${pc}${e.artifact?` (${e.artifact})`:""}\n`),0}if(r.command===void 0)return r.flags.help===!0?(e.stdout(xp(po)),0):(e.stderr(xp(po)),2);let n=po[r.command];if(r.flags.help===!0)return e.stdout(Fx(r.command,n)),0;Vj(r.command,n,r.positionals);let i=ly(r.flags,e.env,Zx/1e3),o=Gj(r.flags.nodename,e.env);my(i);let s=is(await t({...i,lockWaitSeconds:Zx/1e3,nodename:Wj(o)})),a=fy(i,s),c=n.requiresStore?hy(i,s,a):s,l={positionals:r.positionals,flags:r.flags,dataDir:i.dataDir,datastore:i.datastore.type,storeName:a,whereIs:py(i),get nodename(){return o()},nodenameSource:typeof r.flags.nodename=="string"?"--nodename":e.env.NODENAME?"env NODENAME":"the host name",store:c,now:e.now,...e.executable!==void 0?{executable:e.executable}:{},readInput:u=>Jj(e,u),out:e.stdout,warn:u=>e.stderr(`ippool: warning: ${u}\n`),error:u=>e.stderr(`ippool: ${u}\n`)};return await n.run(l)}catch(r){return Kj(e,r)}}function Vj(e,t,r){if(t.args.at(-1)?.endsWith("..."))return;let n=r[t.args.length];if(n!==void 0)throw new I(`unexpected argument \'${n}\'`,e)}function Kj(e,t){if(t instanceof I){let i=t.command?`ippool ${t.command} --help`:"ippool --help";return e.stderr(`ippool: ${t.message} (see \'${i}\')\n`),2}let r=Ft(t),n=r.details&&!r.message.includes(r.details)?`; ${r.details}`:"";return e.stderr(`ippool: ${r.message}${n}\n`),r.code===_.internal&&t instanceof Error&&t.stack&&e.stderr(`${t.stack}\n`),1}var Vx=4*1024*1024;async function Jj(e,t){if(t==="-")return e.readStdin();try{let{size:r}=await(0,mc.stat)(t);if(r>Vx)throw new $(_.decodeFailure,`${t} is larger than ${Vx/1024/1024} MiB; a pool file is a few KiB`);return await(0,mc.readFile)(t,"utf8")}catch(r){if(r instanceof $)throw r;let n=r.code,i=n==="ENOENT"?"no such file":n==="EISDIR"?"is a directory":n==="EACCES"?"permission denied":String(n);throw new $(_.ioFailure,`cannot read ${t}: ${i}`)}}function Gj(e,t){if(typeof e=="string"){let n=nr(e);if(n!==void 0)throw new I(`--nodename ${JSON.stringify(e)} is not a node name: ${n}`);return()=>e}let r;return()=>r??=cs(void 0,t)}function Wj(e){try{return e()}catch(t){if(t instanceof $)return;throw t}}0&&(module.exports={runCli});\n',
      ["exports", "require", "module"],
      { filename: "ippool-cli.js" },
    );
  wf(pi.exports, require, pi);
});
var Sf = {};
Jr(Sf, { runCliInProcess: () => kf, runPluginInProcess: () => _f });
module.exports = rc(Sf);
var Gl = require("node:fs");
var $e = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/,
  Jt = { reportInput: !0 },
  nc = "Invalid input";
function Wt(e, t = "") {
  return e.issues
    .map((r) => {
      let n = yi(t, r.path);
      return r.code === "unrecognized_keys"
        ? r.keys.map((i) => `unknown field ${yi(n, [i])}`).join("; ")
        : `${n || "document"}: ${ic(r)}`;
    })
    .join("; ");
}
function ic(e) {
  let t = oc(e),
    r = t !== void 0 ? `got ${ac(t)}` : "missing";
  if (e.message !== nc) return r === "missing" ? `${e.message} (missing)` : `${e.message} (${r})`;
  let n = bi(e);
  return r === "missing"
    ? n.length > 0
      ? `missing; expected ${vi(n)}`
      : "missing"
    : n.length > 0
      ? `expected ${vi(n)}, ${r}`
      : `not accepted (${r})`;
}
function oc(e) {
  let t = "input" in e ? e.input : void 0,
    r = e.path[e.path.length - 1];
  return e.code !== "invalid_union" || typeof t != "object" || t === null || typeof r != "string" ? t : t[r];
}
function bi(e) {
  switch (e.code) {
    case "invalid_type":
      return e.expected === "boolean" ? ["true", "false"] : [sc[e.expected] ?? `a ${e.expected}`];
    case "invalid_value":
      return e.values.map((t) => JSON.stringify(t) ?? String(t));
    case "too_small":
      return [`${hi(e.origin, e.inclusive, "at least", "more than")} ${String(e.minimum)}${gi(e.origin)}`];
    case "too_big":
      return [`${hi(e.origin, e.inclusive, "at most", "less than")} ${String(e.maximum)}${gi(e.origin)}`];
    case "invalid_union":
      return [...new Set(e.errors.flatMap((t) => t.filter((r) => r.path.length === 0).flatMap(bi)))];
    default:
      return [];
  }
}
var sc = { string: "a string", number: "a number", int: "an integer", object: "an object", array: "a list" },
  hi = (e, t, r, n) => (e === "number" || e === "int" || e === "bigint" ? `a number ${t ? r : n}` : r),
  gi = (e) => (e === "string" ? " character(s)" : e === "array" || e === "set" ? " entry(ies)" : ""),
  vi = (e) => (e.length <= 1 ? (e[0] ?? "") : `${e.slice(0, -1).join(", ")} or ${e[e.length - 1]}`);
function ac(e) {
  if (Array.isArray(e)) return e.length === 0 ? "an empty list" : `a list of ${e.length}`;
  if (typeof e == "object" && e !== null) return "an object";
  let t = JSON.stringify(e) ?? String(e);
  return t.length > 60 ? `${t.slice(0, 57)}...` : t;
}
var wi = (e) => e.issues.every((t) => t.code === "unrecognized_keys");
function yi(e, t) {
  let r = e;
  for (let n of t) r += typeof n == "number" ? `[${n}]` : `${r ? "." : ""}${String(n)}`;
  return r;
}
var ae = class e extends Error {
  constructor(r, n) {
    super(r);
    this.details = n;
  }
  static [Symbol.hasInstance](r) {
    return this !== e
      ? Function.prototype[Symbol.hasInstance].call(this, r)
      : typeof r == "object" && r !== null && r.isFailure === !0;
  }
  isFailure = !0;
};
var b = {
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
  w = class extends ae {
    constructor(r, n, i) {
      super(n, i);
      this.code = r;
      this.name = "CniError";
    }
    static [Symbol.hasInstance](r) {
      return typeof r == "object" && r !== null && r.isCniError === !0;
    }
    isCniError = !0;
  };
var $i = ["ADD", "DEL", "CHECK", "VERSION", "GC", "STATUS"],
  Wr = {
    ADD: ["CNI_CONTAINERID", "CNI_NETNS", "CNI_IFNAME", "CNI_PATH"],
    CHECK: ["CNI_CONTAINERID", "CNI_NETNS", "CNI_IFNAME", "CNI_PATH"],
    DEL: ["CNI_CONTAINERID", "CNI_IFNAME", "CNI_PATH"],
    VERSION: [],
    GC: [],
    STATUS: [],
  },
  _i = 15;
function xi(e) {
  let t = e.CNI_COMMAND;
  if (t === "") {
    let o = "a runtime sets it to a verb such as ADD; for the operator CLI, unset it (or give a command)";
    throw new w(b.invalidEnvironment, "env variable CNI_COMMAND is set but empty", o);
  }
  if (!t) throw new w(b.invalidEnvironment, "required env variable CNI_COMMAND missing");
  if (!$i.includes(t))
    throw new w(b.invalidEnvironment, `unknown CNI_COMMAND "${t}"`, `expected one of ${$i.join(", ")}`);
  let r = t,
    n = Wr[r].filter((o) => !e[o]);
  if (n.length > 0) {
    let o = n.join(", ");
    throw new w(b.invalidEnvironment, `required env variable${n.length > 1 ? "s" : ""} ${o} missing`);
  }
  let i = {
    command: r,
    containerId: e.CNI_CONTAINERID ?? "",
    netns: e.CNI_NETNS ?? "",
    ifname: e.CNI_IFNAME ?? "",
    args: e.CNI_ARGS ?? "",
    path: e.CNI_PATH ?? "",
  };
  return (Wr[r].includes("CNI_CONTAINERID") && lc(i.containerId), Wr[r].includes("CNI_IFNAME") && cc(i.ifname), i);
}
var ki = 200;
function lc(e) {
  if (e.length > ki)
    throw new w(b.invalidEnvironment, `CNI_CONTAINERID is ${e.length} characters long; ippool accepts at most ${ki}`);
  if (!$e.test(e))
    throw new w(b.invalidEnvironment, `invalid CNI_CONTAINERID ${JSON.stringify(e)}`, `must match ${$e.source}`);
}
function cc(e) {
  let t =
    e.length > _i
      ? `longer than ${_i} characters`
      : e === "." || e === ".."
        ? "may not be '.' or '..'"
        : /[/:\s]/.test(e)
          ? "may not contain '/', ':' or whitespace"
          : e.includes("\0")
            ? "may not contain a NUL byte"
            : e.includes("\uFFFD")
              ? "is not valid UTF-8"
              : void 0;
  if (t) throw new w(b.invalidEnvironment, `invalid CNI_IFNAME ${JSON.stringify(e)}: ${t}`);
}
q();
var Gt = class extends ae {
  constructor(r, n, i) {
    super(n, i);
    this.program = r;
    this.name = "ToolError";
  }
};
var Ht = class extends ae {
  constructor(t, r) {
    super(t, r), (this.name = "DataplaneError");
  }
};
var uc = { unavailable: b.tryAgainLater, damaged: b.storeDamaged, io: b.ioFailure, internal: b.internal };
function Je(e) {
  if (e instanceof w) return e;
  if (e instanceof O) return new w(uc[e.reason], e.message, e.details);
  if (e instanceof Gt) return new w(b.ioFailure, e.message, e.details);
  if (e instanceof Ht) return new w(b.invalidConfig, e.message, e.details);
  if (e instanceof ae) return new w(b.invalidConfig, e.message, e.details);
  let t = e instanceof Error ? e.message : String(e),
    r = e?.code;
  if (typeof r != "string") return new w(b.internal, `internal error: ${t}`, "please report this as a bug");
  let n = dc[r];
  return new w(b.ioFailure, n ? `${n}: ${t}` : t, r);
}
var dc = {
  ENOSPC: "no space left on the device holding the data dir; free space and retry",
  EDQUOT: "disk quota exceeded on the data dir; free space and retry",
  EROFS: "the data dir is on a read-only file system",
  EACCES: "permission denied on the data dir (ippool must run as root or own it)",
  EPERM: "operation not permitted on the data dir",
};
re();
var je = ["0.1.0", "0.2.0", "0.3.0", "0.3.1", "0.4.0", "1.0.0", "1.1.0"],
  Ts = "1.1.0",
  In = (e) => typeof e == "string" && je.includes(e);
function Sn(e, t) {
  return je.indexOf(e) - je.indexOf(t);
}
function As(e) {
  return Sn(e, "0.3.0") < 0 ? "legacy" : Sn(e, "1.0.0") < 0 ? "versioned-ips" : "ips";
}
var ku = { CHECK: "0.4.0", GC: "1.1.0", STATUS: "1.1.0" };
function Cs(e, t) {
  let r = ku[e];
  if (r && Sn(t, r) < 0)
    throw new w(
      b.incompatibleVersion,
      `${e} needs a config of cniVersion ${r} or later, this one is ${t}`,
      `raise "cniVersion" in the network config to ${r} or later`,
    );
}
re();
var xu = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/,
  js = 253;
function gr(e) {
  if (e.length > js) return `a node name may be at most ${js} characters`;
  if (!xu.test(e))
    return "a node name is lower-case letters, digits, '-' and '.', starting and ending with a letter or digit";
}
var Ds = S().check(ue((e) => gr(e) === void 0, { error: (e) => gr(String(e.input)) }));
var tt = yt(Ms()),
  de = (e) => (e === 4 ? 32 : 128);
function ne(e) {
  if (tt.default.IPv4.isValidFourPartDecimal(e))
    return { family: 4, value: Ls(tt.default.IPv4.parse(e).toByteArray()) };
  if (e.includes(":") && !e.includes("%") && tt.default.IPv6.isValid(e))
    return { family: 6, value: Ls(tt.default.IPv6.parse(e).toByteArray()) };
}
function B(e) {
  let t = e.indexOf("/");
  if (t < 0) return;
  let r = ne(e.slice(0, t)),
    n = e.slice(t + 1);
  if (!r || !/^\d{1,3}$/.test(n)) return;
  let i = Number(n);
  if (i > de(r.family)) return;
  let o = r.value & Su(r.family, i);
  return { cidr: { family: r.family, network: o, prefix: i }, hadHostBits: o !== r.value };
}
function rt(e, t) {
  let r = de(e) / 8,
    n = new Array(r),
    i = t;
  for (let o = r - 1; o >= 0; o--) (n[o] = Number(i & 0xffn)), (i >>= 8n);
  return tt.default.fromByteArray(n).toString();
}
var nt = (e, t) => rt(e.family, e.network + t),
  it = (e) => `${rt(e.family, e.network)}/${e.prefix}`,
  Ot = (e) => 1n << BigInt(de(e.family) - e.prefix),
  Us = (e, t, r) => t === e.family && r >= e.network && r < e.network + Ot(e),
  yr = (e, t) => e.family === t.family && e.network < t.network + Ot(t) && t.network < e.network + Ot(e);
function br(e, t) {
  return e.family !== t.family
    ? e.family - t.family
    : e.network !== t.network
      ? e.network < t.network
        ? -1
        : 1
      : e.prefix - t.prefix;
}
function Su(e, t) {
  let r = BigInt(de(e));
  return ((1n << r) - 1n) ^ ((1n << (r - BigInt(t))) - 1n);
}
function Ls(e) {
  let t = 0n;
  for (let r of e) t = (t << 8n) | BigInt(r);
  return t;
}
var Iu = "/var/lib/cni/ippool",
  Eu = 30,
  Nu = "/ippool",
  Ou = 10,
  Fs = 200,
  Pu = S().check(ue((e) => B(e) !== void 0, { message: "not a valid CIDR" })),
  qs = S().check(ue((e) => ne(e) !== void 0, { message: "not a valid IP address" })),
  Bs = xs([
    Se(),
    mr(
      Qe(["true", "false"]),
      pr((e) => e === "true"),
    ),
  ]),
  Pt = N(dr().check(It())),
  ot = N(L(S())),
  zu = te({ dst: Pu, gw: N(qs), mtu: Pt, advmss: Pt, priority: Pt, table: Pt, scope: Pt }),
  Tu = te({ nameservers: N(L(qs)), domain: N(S()), search: ot, options: ot }),
  zt = () => S().check(ue((e) => e.startsWith("/") && !e.includes("\0"), { message: "must be an absolute path" })),
  Au = () =>
    S().check(
      ue((e) => /^https?:\/\/[^/?#\s]+\/?$/.test(e), {
        message: "must be an http:// or https:// URL with a host and port and no path",
      }),
    ),
  Cu = () =>
    Ss(
      "type",
      [
        te({ type: et("disk") }),
        te({
          type: et("etcd"),
          endpoints: L(Au()).check(yn(1, { message: "needs at least one endpoint" })),
          prefix: D(
            S().check(
              he(/^(\/[^/\0]+)+$/, { message: 'must be an etcd key path such as "/ippool" (no trailing slash)' }),
            ),
            Nu,
          ),
          timeoutSeconds: D(Nt().check(cr(), St(600)), Ou),
          caFile: N(zt()),
          certFile: N(zt()),
          keyFile: N(zt()),
        }).check(
          ue(Ru, {
            message:
              "https endpoints need caFile (and certFile with keyFile for a client certificate); http endpoints take no TLS files; endpoints may not mix http and https",
          }),
        ),
      ],
      { message: 'expected "disk" or "etcd"' },
    ),
  ju,
  Du = () => (ju ??= Cu());
function Ru(e) {
  let t = e.endpoints.map((r) => r.startsWith("https:"));
  return t.some((r) => r !== t[0])
    ? !1
    : t[0]
      ? e.caFile !== void 0 && (e.certFile === void 0) == (e.keyFile === void 0)
      : e.caFile === void 0 && e.certFile === void 0 && e.keyFile === void 0;
}
var Mu = te({
    type: S(),
    dataDir: D(zt(), Iu),
    agentSocket: N(zt()),
    ipPools: D(L(Xe()), []),
    ipv4_pools: ot,
    ipv6_pools: ot,
    assign_ipv4: N(Bs),
    assign_ipv6: N(Bs),
    routes: D(L(zu), []),
    dns: N(Tu),
    gateway: D(Qe(["first-address", "none"]), "first-address"),
    addressPrefix: D(Qe(["pool", "host"]), "pool"),
    nodename: N(Ds),
    lockWaitSeconds: D(Nt().check(cr(), St(600)), Eu),
    datastore: D(
      Es(() => Du()),
      { type: "disk" },
    ),
  }),
  Zs = G({ containerID: S(), ifname: S() }),
  Lu = R({
    cniVersion: S(),
    name: S().check(
      he($e, { message: `network name must match ${$e.source}` }),
      Et(Fs, { message: `network name may be at most ${Fs} characters` }),
    ),
    ipam: Mu,
    runtimeConfig: N(R({ ips: ot })),
    args: N(R({ cni: N(R({ ips: ot })) })),
    prevResult: N(Xe()),
    "cni.dev/valid-attachments": N(_n(L(Zs))),
    "cni.dev/attachments": N(_n(L(Zs))),
  }),
  Vs = 64;
function Uu(e, t) {
  let r = 0,
    n = !1;
  for (let i = 0; i < e.length; i++) {
    let o = e.charCodeAt(i);
    if (n) o === 92 ? i++ : o === 34 && (n = !1);
    else if (o === 34) n = !0;
    else if (o === 91 || o === 123) {
      if (++r > t) return !0;
    } else (o === 93 || o === 125) && r--;
  }
  return !1;
}
function Ks(e) {
  if (Uu(e, Vs))
    throw new w(
      b.decodeFailure,
      `network config on stdin nests deeper than ${Vs} levels`,
      "a network config needs a few; check what generated it",
    );
  let t;
  try {
    t = JSON.parse(e);
  } catch (r) {
    throw new w(b.decodeFailure, "network config on stdin is not valid JSON", r.message);
  }
  if (typeof t != "object" || t === null || Array.isArray(t))
    throw new w(b.decodeFailure, "network config on stdin must be a JSON object");
  return t;
}
function En(e) {
  let t = e.cniVersion ?? "0.1.0";
  if (!In(t))
    throw new w(
      b.incompatibleVersion,
      `unsupported cniVersion ${JSON.stringify(t)}`,
      `ippool supports ${je.join(", ")}`,
    );
  return t;
}
function Js(e) {
  let t = En(e),
    r = M(Lu, { ...e, cniVersion: t }, Jt);
  if (!r.success) {
    let i = wi(r.error) ? b.unsupportedField : b.invalidConfig;
    throw new w(i, `invalid network config: ${Wt(r.error)}`, Fu(e));
  }
  let n = r.data;
  return {
    cniVersion: t,
    name: n.name,
    ipam: n.ipam,
    requestedIps: {
      fromConfig: [...(n.runtimeConfig?.ips ?? []), ...(n.args?.cni?.ips ?? [])],
      argsGiven: n.args !== void 0,
    },
    prevResult: n.prevResult,
    validAttachments: [n["cni.dev/valid-attachments"], n["cni.dev/attachments"]]
      .map((i) => (i === null ? [] : i))
      .find((i) => i !== void 0),
  };
}
function Fu(e) {
  if (!(!Array.isArray(e.plugins) || e.ipam !== void 0))
    return `this is a conflist (a list of plugins under "plugins"); a plugin is given one entry of that list, with the list's name and cniVersion added, as a runtime (libcni) passes it: feed that entry, not the whole list`;
}
function Nn(e) {
  let t = e && e.cniVersion === void 0 ? "0.1.0" : e?.cniVersion;
  return In(t) ? t : Ts;
}
re();
function Ws(e, t) {
  return t === "1.1.0" ? e : { dst: e.dst, ...(e.gw ? { gw: e.gw } : {}) };
}
function Gs(e, t) {
  let r = t.dns ? { dns: t.dns } : {},
    n = As(e);
  if (n === "legacy") {
    let i = { cniVersion: e };
    for (let o of [4, 6]) {
      let s = t.ips.find((c) => c.family === o);
      if (!s) continue;
      let a = t.routes.filter((c) => B(c.dst)?.cidr.family === o);
      i[`ip${o}`] = {
        ip: s.address,
        ...(s.gateway ? { gateway: s.gateway } : {}),
        ...(a.length ? { routes: a.map((c) => Ws(c, e)) } : {}),
      };
    }
    return { ...i, ...r };
  }
  return {
    cniVersion: e,
    ips: t.ips.map((i) => ({
      ...(n === "versioned-ips" ? { version: String(i.family) } : {}),
      address: i.address,
      ...(i.gateway ? { gateway: i.gateway } : {}),
    })),
    ...(t.routes.length ? { routes: t.routes.map((i) => Ws(i, e)) } : {}),
    ...r,
  };
}
var Bu;
function Zu() {
  let e = R({ address: S() }),
    t = N(R({ ip: S() }));
  return R({ ips: N(L(e)), ip4: t, ip6: t });
}
function Hs(e) {
  let t = M((Bu ??= Zu()), e);
  if (!t.success) throw new w(b.decodeFailure, "prevResult is not a CNI result");
  let { ips: r, ip4: n, ip6: i } = t.data;
  return [...(r ?? []).map((s) => s.address), ...[n, i].flatMap((s) => (s ? [s.ip] : []))].map((s) => {
    let a = s.split("/")[0];
    if (!ne(a)) throw new w(b.decodeFailure, `prevResult lists ${JSON.stringify(s)}, which is not an address`);
    return a;
  });
}
var Oe = require("node:fs"),
  V = require("node:path");
q();
at();
var C = require("node:fs"),
  lt = require("node:path");
q();
var Vu = new Uint32Array(256).map((e, t) => {
    let r = t;
    for (let n = 0; n < 8; n++) r = r & 1 ? 3988292384 ^ (r >>> 1) : r >>> 1;
    return r >>> 0;
  }),
  Qs = globalThis.Bun;
function qu(e) {
  let t = 4294967295,
    r = Buffer.from(e, "utf8");
  for (let n = 0; n < r.length; n++) t = Vu[(t ^ r[n]) & 255] ^ (t >>> 8);
  return (t ^ 4294967295) >>> 0;
}
function Pn(e) {
  return (Qs ? Qs.hash.crc32(e) : qu(e)).toString(16).padStart(8, "0");
}
var zn = 1,
  Ku = "the file was left as it is; run 'ippool verify' to list every problem, then restore the file from a backup";
function ye(e, t, r = Ku) {
  return new O("damaged", `state file ${e} is damaged: ${t}`, r);
}
function Ju(e) {
  let t = { ippoolState: zn, crc32: Pn(JSON.stringify(e)), data: e };
  return `${JSON.stringify(t)}
`;
}
function $r(e) {
  let t;
  try {
    t = (0, C.readFileSync)(e, "utf8");
  } catch (n) {
    if (n.code === "ENOENT") return;
    throw n;
  }
  let r;
  try {
    r = JSON.parse(t);
  } catch {
    throw ye(e, "not valid JSON (truncated or overwritten?)");
  }
  if (typeof r != "object" || r === null || r.ippoolState !== zn || typeof r.crc32 != "string")
    throw ye(e, `not an ippool state file of format ${zn}`);
  if (Pn(JSON.stringify(r.data)) !== r.crc32) throw ye(e, "checksum mismatch");
  return r.data;
}
var Wu = 0,
  ea = (e) => Number(e.split(".")[0]);
function Tt(e, t, r, n) {
  let i = (0, lt.dirname)(e);
  (0, C.mkdirSync)(i, { recursive: !0, mode: 448 }), (0, C.mkdirSync)(r, { recursive: !0, mode: 448 });
  let o = (0, lt.join)(r, `${process.pid}.${Wu++}.${(0, lt.basename)(e)}`),
    s = (0, C.openSync)(o, "wx", 384);
  try {
    (0, C.writeSync)(s, Ju(t)), n === "durable" && (0, C.fsyncSync)(s);
  } catch (a) {
    throw ((0, C.closeSync)(s), ie(o), a);
  }
  (0, C.closeSync)(s), (0, C.renameSync)(o, e), n === "durable" && De(i);
}
function ie(e) {
  try {
    (0, C.unlinkSync)(e);
  } catch (t) {
    if (t.code !== "ENOENT") throw t;
  }
}
function De(e) {
  let t;
  try {
    t = (0, C.openSync)(e, "r");
  } catch (r) {
    if (r.code === "ENOENT") return;
    throw r;
  }
  try {
    (0, C.fsyncSync)(t);
  } finally {
    (0, C.closeSync)(t);
  }
}
var xa = yt(ya()),
  z = require("node:fs"),
  Le = require("node:path");
q();
var Sr = require("node:fs"),
  ba,
  wa;
function jt() {
  return ((wa ??= (0, Sr.readFileSync)("/proc/sys/kernel/random/boot_id", "utf8").trim()), wa);
}
function Me() {
  return ((ba ??= { pid: process.pid, start: md(process.pid) ?? "", boot: jt() }), ba);
}
function Dt(e) {
  if (e.boot !== jt()) return !1;
  let t;
  try {
    t = (0, Sr.readFileSync)(`/proc/${e.pid}/stat`, "utf8");
  } catch (n) {
    return n.code !== "ENOENT";
  }
  let r = $a(t);
  return r[0] === "Z" || r[0] === "X" ? !1 : r[19] === e.start;
}
function Ir(e) {
  if (typeof e != "object" || e === null) return;
  let { pid: t, start: r, boot: n } = e;
  if (!(!Number.isSafeInteger(t) || t <= 0 || typeof r != "string" || typeof n != "string"))
    return { pid: t, start: r, boot: n };
}
function md(e) {
  try {
    return $a((0, Sr.readFileSync)(`/proc/${e}/stat`, "utf8"))[19];
  } catch {
    return;
  }
}
var $a = (e) => e.slice(e.lastIndexOf(")") + 2).split(" ");
var Un = "store.lock",
  Sa = "owner.json",
  Ia = `${Un}.stale-`,
  Ea = 1e4,
  hd = 6e4,
  _a = 2 ** 30,
  gd = {
    mkdirSync: z.mkdirSync,
    realpathSync: z.realpathSync,
    statSync: z.statSync,
    rmdirSync: z.rmdirSync,
    utimesSync: z.utimesSync,
  },
  vd = 500,
  yd = 200,
  bd = 250;
async function Na(e, t, r) {
  let n = (0, Le.join)(e, Un),
    i = (0, Le.join)(n, Sa),
    o = await wd(e, n, i, t),
    s = JSON.stringify(Me());
  try {
    return await r(() => {
      if (Mn(i) !== s) throw Fn(e);
    });
  } finally {
    if (Mn(i) === s) {
      ie(i);
      try {
        o();
      } catch {}
    }
  }
}
function Fn(e) {
  return new O(
    "unavailable",
    "lost the store lock to another process; nothing was written; retry",
    `another ippool process committed to the store in ${e} first`,
  );
}
async function wd(e, t, r, n) {
  let i = Date.now(),
    o = i + n,
    s = { lockfilePath: t, realpath: !1, stale: _a, update: _a, fs: gd },
    a,
    c = 0;
  try {
    for (;;) {
      try {
        let f = xa.default.lockSync(e, s);
        if ($d(r, f)) return f;
      } catch (f) {
        if (!["ELOCKED", "ENOENT"].includes(f.code ?? "")) throw f;
      }
      if (_d(e, t)) continue;
      if (Date.now() >= o)
        throw new O(
          "unavailable",
          `the store in ${e} stayed locked by another ippool process for ${n / 1e3}s`,
          `retry later; the lock of a process that died is taken over at once (one left without an owner record after ${Ea / 1e3}s)`,
        );
      let u = o - Date.now();
      Date.now() - i < yd
        ? ((a ??= new Ln(e, t)), await a.next(Math.min(vd, u)))
        : (a?.close(),
          (a = void 0),
          c++,
          await new Promise((f) => setTimeout(f, Math.min(u, Math.min(2 * 1.25 ** c, bd) * (0.5 + Math.random())))));
    }
  } finally {
    a?.close();
  }
}
function $d(e, t) {
  try {
    return ((0, z.writeFileSync)(e, JSON.stringify(Me()), { flag: "wx", mode: 384 }), !0);
  } catch (r) {
    if (r.code !== "EEXIST" && r.code !== "ENOENT") throw (ie(e), t(), r);
    return !1;
  }
}
function Mn(e) {
  try {
    return (0, z.readFileSync)(e, "utf8");
  } catch {
    return;
  }
}
function _d(e, t) {
  let r = ka(t);
  if (r === "gone") return !0;
  if (r === "live") return !1;
  let n = (0, Le.join)(e, `${Ia}${r.ino}`);
  try {
    (0, z.mkdirSync)(n, { mode: 448 });
  } catch (o) {
    if (o.code === "EEXIST") return !1;
    throw o;
  }
  let i = ka(t);
  if (typeof i == "object" && i.ino === r.ino && i.ownerText === r.ownerText)
    try {
      (0, z.renameSync)(t, (0, Le.join)(n, "lock"));
    } catch (o) {
      if (o.code !== "ENOENT") throw o;
    }
  else (0, z.rmSync)(n, { recursive: !0, force: !0 });
  return (kd(e), !0);
}
function ka(e) {
  let t = (0, z.statSync)(e, { throwIfNoEntry: !1 });
  if (!t) return "gone";
  let r = Mn((0, Le.join)(e, Sa)),
    n = r === void 0 ? void 0 : Ir(xd(r));
  return (n ? Dt(n) : Date.now() - t.mtimeMs < Ea) ? "live" : { ino: t.ino, ownerText: r };
}
function kd(e) {
  for (let t of (0, z.readdirSync)(e)) {
    if (!t.startsWith(Ia)) continue;
    let r = (0, Le.join)(e, t);
    Date.now() - ((0, z.statSync)(r, { throwIfNoEntry: !1 })?.mtimeMs ?? Date.now()) > hd &&
      (0, z.rmSync)(r, { recursive: !0, force: !0 });
  }
}
var xd = (e) => {
    try {
      return JSON.parse(e);
    } catch {
      return;
    }
  },
  Sd = 10,
  Ln = class {
    watcher;
    onChange;
    constructor(t, r) {
      try {
        (this.watcher = (0, z.watch)(t, { persistent: !1 }, (n, i) => {
          i === Un && this.onChange?.(!(0, z.existsSync)(r));
        })),
          this.watcher.on("error", () => {});
      } catch {
        this.watcher = void 0;
      }
    }
    next(t) {
      return new Promise((r) => {
        let n = setTimeout(s, Math.max(0, t)),
          i,
          o = this;
        function s() {
          clearTimeout(n), clearTimeout(i), (o.onChange = void 0), r();
        }
        this.onChange = (a) => {
          clearTimeout(i), (i = a ? setTimeout(s, Math.random() * Sd) : void 0);
        };
      });
    }
    close() {
      this.watcher?.close();
    }
  };
var Z = require("node:fs"),
  oe = require("node:path");
q();
var Id = "commit",
  Er = "head.",
  Oa = "init",
  Bn = ".done.json",
  Zn =
    "the file was left as it is; run 'ippool verify' to list every problem, then restore the commit/ directory from a backup. Do not remove it: it holds the store's last commit, which may not be in the state files yet, and an address that commit handed out would be handed out again",
  Nr = class {
    constructor(t, r) {
      this.dataDir = t;
      this.tempDir = r;
      this.dir = (0, oe.join)(t, Id);
    }
    dir;
    head() {
      let t;
      try {
        t = (0, Z.readdirSync)(this.dir);
      } catch (o) {
        if (o.code === "ENOENT") return { n: 0, id: "", names: [] };
        throw o;
      }
      let r = t.find((o) => o.startsWith(Er));
      if (r === void 0) throw ye(this.dir, "no head.<generation> file (removed by hand?)", Zn);
      let [n, ...i] = r.slice(Er.length).split(".");
      return { n: Number(n), id: i.join("."), names: t };
    }
    isCurrent(t) {
      let r;
      try {
        r = (0, Z.readdirSync)(this.dir);
      } catch (n) {
        if (n.code === "ENOENT") return t.id === "";
        throw n;
      }
      return t.id !== "" && r.includes(Rt(t.n, t.id));
    }
    create() {
      let t = (0, oe.join)(this.tempDir, `${process.pid}.commit-${Math.random().toString(16).slice(2, 10)}`);
      (0, Z.mkdirSync)(t, { recursive: !0, mode: 448 }), Tt((0, oe.join)(t, Rt(0, Oa)), null, this.tempDir, "durable");
      try {
        (0, Z.renameSync)(t, this.dir), De(this.dataDir);
      } catch (r) {
        if (((0, Z.rmSync)(t, { recursive: !0, force: !0 }), !["EEXIST", "ENOTEMPTY"].includes(r.code ?? ""))) throw r;
      }
    }
    record(t) {
      let r = this.recordFile(t);
      if (r === void 0) return;
      let n;
      try {
        n = $r(r);
      } catch (s) {
        throw _e(s) ? new O("damaged", s.message, Zn) : s;
      }
      if (n === void 0) return;
      let i = Ir(n.owner);
      if (!(i && Array.isArray(n.writes) && n.writes.every((s) => Array.isArray(s) && typeof s[0] == "string")))
        throw ye(r, "not a commit record (no owner or no list of writes)", Zn);
      return { file: r, applied: r.endsWith(Bn), owner: i, writes: new Map(n.writes) };
    }
    recordFile(t) {
      let r = t.names.find((n) => n.startsWith(`${t.n}.${t.id}.`) && n.endsWith(".json"));
      return r === void 0 ? void 0 : (0, oe.join)(this.dir, r);
    }
    commit(t, r) {
      t.id === "" && this.create();
      let n = t.id === "" ? { ...t, id: Oa } : t,
        i = n.n + 1,
        o = `${process.pid}-${Math.random().toString(16).slice(2, 10)}`,
        s = (0, oe.join)(this.dir, `${i}.${o}.json`);
      Tt(s, { owner: Me(), writes: [...r] }, this.tempDir, "durable");
      try {
        (0, Z.renameSync)((0, oe.join)(this.dir, Rt(n.n, n.id)), (0, oe.join)(this.dir, Rt(i, o)));
      } catch (a) {
        throw (ie(s), a.code === "ENOENT" ? Fn(this.dataDir) : a);
      }
      return (De(this.dir), { n: i, id: o, names: [Rt(i, o), `${i}.${o}.json`] });
    }
    markApplied(t) {
      let r = (0, oe.join)(this.dir, `${t.n}.${t.id}.json`);
      (0, Z.renameSync)(r, r.replace(/\.json$/, Bn));
    }
    drop(t) {
      ie(t.file), ie(t.file.replace(/\.json$/, Bn));
    }
    sweep(t) {
      for (let r of t.names)
        r.startsWith(Er) ||
          r.startsWith(`${t.n}.${t.id}.`) ||
          Number(r.split(".")[0]) > t.n ||
          (0, Z.rmSync)((0, oe.join)(this.dir, r), { recursive: !0, force: !0 });
    }
  },
  Rt = (e, t) => `${Er}${e}.${t}`;
function Pa(e) {
  let t;
  try {
    t = (0, Z.readdirSync)(e);
  } catch {
    return;
  }
  for (let r of t) Ed(ea(r)) || (0, Z.rmSync)((0, oe.join)(e, r), { recursive: !0, force: !0 });
}
function Ed(e) {
  if (!Number.isSafeInteger(e) || e <= 0) return !1;
  try {
    return (process.kill(e, 0), !0);
  } catch (t) {
    return t.code === "EPERM";
  }
}
var Vn = require("node:fs"),
  za = require("node:path");
re();
q();
at();
var qn = (e) => e === "commit" || e === "tmp" || e.startsWith("store.lock");
function Nd(e, t) {
  try {
    return $r(e);
  } catch (r) {
    throw _e(r) ? Ee(r, t) : r;
  }
}
var ut = class extends st {
  constructor(r, n = new Map(), i = "") {
    super();
    this.dataDir = r;
    this.pending = n;
    this.pendingFile = i;
  }
  cache = new Map();
  pathOf(r) {
    return (ve(r), (0, za.join)(this.dataDir, `${r}.json`));
  }
  async get(r, n) {
    if (this.writes.has(r)) return this.writes.get(r) ?? void 0;
    if (this.cache.has(r)) return this.cache.get(r);
    let i = this.pending.has(r),
      o = i ? this.pendingFile : this.pathOf(r),
      s = i ? (this.pending.get(r) ?? void 0) : Nd(o, r),
      a;
    if (s !== void 0) {
      let c = M(n, s);
      if (!c.success) {
        let u = `unexpected content${i ? ` for ${r}` : ""} (${c.error.issues[0]?.message ?? "schema"})`;
        throw i ? ye(o, u) : Ee(ye(o, u), r);
      }
      a = c.data;
    }
    return (this.cache.set(r, a), a);
  }
  async prefetch() {}
  async peek(r, n) {
    let i = [];
    for (let o of r) i.push(await this.get(o, n));
    return i;
  }
  peekList(r) {
    return this.list(r);
  }
  async list(r) {
    let n = r === "" ? this.dataDir : this.pathOf(r.replace(/\/$/, "")).replace(/\.json$/, ""),
      i = [];
    try {
      i = (0, Vn.readdirSync)(n, { withFileTypes: !0 });
    } catch (s) {
      if (s.code !== "ENOENT") throw s;
    }
    let o = i
      .filter((s) => (s.isDirectory() || s.name.endsWith(".json")) && !(r === "" && qn(s.name)))
      .map((s) => r + (s.isDirectory() ? s.name : s.name.slice(0, -5)));
    return On(On(o, r, this.pending), r, this.writes);
  }
  async listAll(r) {
    let n = [];
    for (let i of await this.list(r))
      (await this.list(`${i}/`)).length > 0 || this.isDirectory(i)
        ? n.push(...(await this.listAll(`${i}/`)))
        : n.push(i);
    return n.sort();
  }
  isDirectory(r) {
    try {
      return ((0, Vn.readdirSync)(this.pathOf(r).replace(/\.json$/, "")), !0);
    } catch {
      return !1;
    }
  }
};
var Kn = "tmp",
  Od = 32,
  Pd = 5,
  Or = class {
    constructor(t, r) {
      this.dataDir = t;
      this.lockWaitMs = r;
      this.log = new Nr(t, this.tempDir);
    }
    log;
    get location() {
      return this.dataDir;
    }
    get cliFlags() {
      return `--data-dir ${wr(this.dataDir)}`;
    }
    createDataDir() {
      try {
        (0, Oe.mkdirSync)(this.dataDir, { recursive: !0, mode: 448 });
      } catch (t) {
        let r = t.code;
        if (r === "EEXIST") {
          let n = "give the directory that holds the store";
          throw new O("io", `data dir ${this.dataDir} is not a directory`, n);
        }
        if (r === "ENOTDIR") {
          let n = `cannot create data dir ${this.dataDir}: a part of its path is not a directory`;
          throw new O("io", n);
        }
        throw t;
      }
    }
    conflictsRetried = 0;
    get tempDir() {
      return (0, V.join)(this.dataDir, Kn);
    }
    pathOf(t) {
      return (ve(t), (0, V.join)(this.dataDir, `${t}.json`));
    }
    async update(t) {
      if (!(0, Oe.existsSync)(this.dataDir)) {
        let r = new ut(this.dataDir),
          n = await t(r);
        if (r.writes.size === 0) return n;
      }
      return (
        this.createDataDir(),
        Na(this.dataDir, this.lockWaitMs, async (r) => {
          let n = this.log.head(),
            i = this.settle(n);
          this.log.sweep(n), Pa(this.tempDir);
          let o = new ut(this.dataDir),
            s = await t(o);
          if (o.writes.size === 0) return s;
          r();
          let a = this.log.commit(n, new Map([...i, ...o.writes]));
          try {
            this.apply(o.writes), this.log.markApplied(a);
            let c = this.log.recordFile(n);
            c && ie(c);
          } catch {}
          return s;
        })
      );
    }
    async read(t) {
      let r = Date.now() + this.lockWaitMs;
      for (;;) {
        let n = this.log.head(),
          i = this.log.record(n);
        if (i || this.log.recordFile(n) === void 0) {
          let o = i && (!i.applied || i.owner.boot !== jt()) ? i : void 0,
            s = await t(new ut(this.dataDir, o?.writes, o?.file));
          if (this.log.isCurrent(n)) return s;
        }
        if (Date.now() >= r)
          throw new O(
            "unavailable",
            `the store in ${this.dataDir} changed under every read for ${this.lockWaitMs / 1e3}s`,
            "retry later",
          );
        await new Promise((o) => setTimeout(o, Pd * (0.5 + Math.random())));
      }
    }
    settle(t) {
      let r = this.log.record(t);
      if (!r) return new Map();
      let n = r.owner.boot === jt();
      if (!r.applied && Dt(r.owner) && r.owner.pid !== Me().pid)
        throw new O(
          "unavailable",
          `process ${r.owner.pid} is still applying its commit to the store in ${this.dataDir}; nothing was written`,
          "retry later",
        );
      return !r.applied || !n
        ? (this.apply(r.writes), this.checkpoint(r), new Map())
        : r.writes.size > Od
          ? (this.checkpoint(r), new Map())
          : r.writes;
    }
    checkpoint(t) {
      let r = new Set();
      for (let n of t.writes.keys()) {
        let i = this.pathOf(n);
        t.writes.get(n) !== null && De(i), r.add((0, V.dirname)(i));
      }
      for (let n of r) De(n);
      this.log.drop(t);
    }
    apply(t) {
      for (let [r, n] of t) n === null ? ie(this.pathOf(r)) : Tt(this.pathOf(r), n, this.tempDir, "cached");
    }
    async notes() {
      let t = { notes: [], problems: [] };
      if (!(0, Oe.existsSync)(this.dataDir)) return t;
      let r = [],
        n = [],
        i = (o) => {
          for (let s of (0, Oe.readdirSync)(o, { withFileTypes: !0 })) {
            let a = (0, V.relative)(this.dataDir, (0, V.join)(o, s.name))
              .split(V.sep)
              .join("/");
            if (o === this.dataDir && s.name === Kn)
              n.push(...(0, Oe.readdirSync)((0, V.join)(o, s.name)).map((c) => `${Kn}/${c}`));
            else {
              if (o === this.dataDir && qn(s.name)) continue;
              s.isDirectory() ? i((0, V.join)(o, s.name)) : s.name.endsWith(".json") || r.push(a);
            }
          }
        };
      i(this.dataDir),
        r.length > 0 && t.notes.push(`file(s) that ippool did not write, ignored: ${r.join(", ")}`),
        n.length > 0 &&
          t.notes.push(
            `${n.length} temporary file(s) left by killed writes (never read; the next ippool write removes them): ${n.slice(0, 5).join(", ")}${n.length > 5 ? ", ..." : ""}`,
          );
      try {
        let o = this.log.head(),
          s = this.log.record(o);
        if (s && !s.applied) {
          let a = (0, V.relative)(this.dataDir, s.file),
            c = Dt(s.owner)
              ? `process ${s.owner.pid} is applying it`
              : "its writer died before it was applied; the next ippool write applies it";
          t.notes.push(
            `${a} holds a committed change of ${s.writes.size} write(s) not yet in the files (${c}); it was checked as applied`,
          );
        }
      } catch (o) {
        if (!_e(o)) throw o;
        let s = (0, V.relative)(this.dataDir, this.log.recordFile(this.log.head()) ?? this.log.dir);
        t.problems.push({
          key: s.replace(/\.json$/, ""),
          message: `${o.message} (every ippool call fails until it is restored or removed)`,
        });
      }
      return t;
    }
  };
async function Wa(e) {
  let t = e.datastore;
  if (t.type === "disk") return new Or(e.dataDir, e.lockWaitSeconds * 1e3);
  let { EtcdStore: r } = await Promise.resolve().then(() => (Ja(), Ka)),
    n = {
      ...(t.caFile ? { caFile: t.caFile } : {}),
      ...(t.certFile ? { certFile: t.certFile } : {}),
      ...(t.keyFile ? { keyFile: t.keyFile } : {}),
    },
    i = e.nodename ? { turn: `${t.prefix}@${e.nodename}` } : {};
  return new r({
    endpoints: t.endpoints,
    prefix: t.prefix,
    tls: n,
    timeoutMs: t.timeoutSeconds * 1e3,
    turnWaitMs: e.lockWaitSeconds * 1e3,
    ...i,
  });
}
q();
at();
re();
re();
var Ga = ["always", "cross-subnet"],
  Wd = S().check(ue((e) => B(e) !== void 0, { message: "not a valid IPv4 or IPv6 CIDR" })),
  Yn = te({
    apiVersion: et("v1", { message: 'apiVersion must be "v1" (the Calico v1 ipPool format)' }),
    kind: et("ipPool", { message: 'kind must be "ipPool"' }),
    metadata: te({ cidr: Wd }),
    spec: D(
      te({
        ipip: N(
          te({ enabled: D(Se(), !0), mode: D(Qe(Ga, { message: `mode must be one of ${Ga.join(", ")}` }), "always") }),
        ),
        "nat-outgoing": D(Se(), !1),
        disabled: D(Se(), !1),
      }),
      { "nat-outgoing": !1, disabled: !1 },
    ),
  });
function Ha(e, t) {
  let r = M(Yn, e, Jt);
  if (!r.success) throw new w(b.invalidConfig, `${t}: ${Wt(r.error)}`);
  let n = r.data,
    i = Xn(n);
  if (i.cidr.family === 6 && i.ipip?.enabled)
    throw new w(
      b.invalidConfig,
      `${t}: spec.ipip: IP-in-IP is not supported on an IPv6 pool (${i.id})`,
      "remove spec.ipip or set spec.ipip.enabled: false; IPv6 pool traffic between nodes is routed directly",
    );
  let o = [];
  return (
    B(n.metadata.cidr).hadHostBits && o.push(`${t}: cidr ${n.metadata.cidr} has host bits set; stored as ${i.id}`),
    i.ipip?.enabled &&
      !i.natOutgoing &&
      o.push(
        `${t}: pool ${i.id} has ipip enabled but nat-outgoing off; traffic between containers and hosts may be routed asymmetrically and dropped by reverse-path filtering (set spec.nat-outgoing: true)`,
      ),
    { pool: i, warnings: o }
  );
}
function Xn(e) {
  let { cidr: t } = B(e.metadata.cidr);
  return {
    cidr: t,
    id: it(t),
    ...(e.spec.ipip ? { ipip: { enabled: e.spec.ipip.enabled, mode: e.spec.ipip.mode } } : {}),
    natOutgoing: e.spec["nat-outgoing"],
    disabled: e.spec.disabled,
  };
}
var pt = "pools",
  Ya = G({ pools: L(Yn) }),
  jr = (e) => e.replace("/", "_"),
  Pe = (e) => e.replace("_", "/"),
  Xa = S().check(he(/^[0-9a-f]+$/)),
  Qa = S().check(he(/^\d+$/)),
  el = dr().check(It()),
  Ut = S().check(he($e), Et(253)),
  Ft = "block/",
  mt = (e) => `${Ft}${jr(e)}/`,
  Y = (e, t) => `${mt(e)}${t.toString(16)}`,
  Gd = G({ attachment: S(), handle: S() }),
  ze = G({ pool: S(), node: Ut, seq: el, bitmap: S().check(he(/^[0-9a-f]*$/)), owners: fr(Qa, Gd) }),
  Hd = "block-claim/",
  Qn = (e) => `${Hd}${jr(e)}/`,
  we = (e, t) => `${Qn(e)}${t.toString(16)}`,
  tl = G({ pool: S(), node: Ut }),
  Fe = "pools-with-blocks/",
  ht = (e) => `${Fe}${jr(e)}`,
  rl = G({ pool: S() }),
  Be = "claims/";
var ei = G({ pool: S(), blocks: fr(Xa, Ut) }),
  nl = "node-state/",
  Dr = (e) => `${nl}${e}/`,
  gt = (e, t) => `${Dr(e)}${jr(t)}`,
  ti = G({ pool: S(), node: Ut, cursor: N(Qa), blocks: fr(Xa, el) }),
  Te = (e, t, r) => `${e}/${t}:${r}`,
  Ze = "attachment/",
  fe = (e) => `${Ze}${e}`,
  il = (e) => `${Ze}${e}/`,
  Ve = G({
    network: S(),
    containerId: S(),
    ifname: S(),
    node: Ut,
    handle: S(),
    addresses: L(G({ pool: S(), address: S() })),
    allocatedAt: S(),
    podNamespace: N(S()),
    podName: N(S()),
  }),
  Rr = (e) => Te(e.network, e.containerId, e.ifname);
function pe(e) {
  let t = B(e);
  if (!t || it(t.cidr) !== e) throw new Error(`internal error: bad pool id ${e}`);
  return t.cidr;
}
q();
var qe = (e) => (e === "" ? 0n : BigInt(`0x${e}`)),
  ri = (e) => e.toString(16),
  Ae = (e, t) => ((e >> BigInt(t)) & 1n) === 1n,
  ni = (e, t) => e | (1n << BigInt(t)),
  ol = (e, t) => e & ~(1n << BigInt(t));
function sl(e) {
  let t = [];
  for (let r = 0, n = e; n > 0n; r++, n >>= 1n) n & 1n && t.push(r);
  return t;
}
var al = 64n;
function U(e) {
  let t = Ot(e),
    r = de(e.family) - e.prefix,
    n = new Set(),
    i = r >= 2 ? 1n : void 0;
  i !== void 0 && (n.add(0n), e.family === 4 && n.add(t - 1n), n.add(i));
  let o = t < al ? t : al;
  return { cidr: e, size: t, blockSize: o, blockCount: t / o, gatewayOffset: i, reserved: n };
}
function ll(e, t) {
  if (e.reserved.has(t))
    return t === 0n ? "network address" : t === e.gatewayOffset ? "gateway (network+1)" : "broadcast address";
}
var ii = (e) => e.size - BigInt(e.reserved.size);
function Mr(e, t) {
  let r = Number(e.blockSize);
  for (let n of e.reserved) n / e.blockSize === t && r--;
  return r;
}
at();
var Lr = (e, t) => ne(t).value - pe(e).network;
function Bt(e, t) {
  let { blockSize: r } = U(pe(e));
  return { block: t / r, bit: Number(t % r) };
}
async function vt(e, t, r) {
  return (await e.get(gt(t, r), ti)) ?? { pool: r, node: t, blocks: {} };
}
var cl = (e, t, r) => Ee(new O("damaged", r, "nothing was allocated from it; see 'ippool verify'"), Y(e, t));
function oi(e, t) {
  let r = pe(e),
    { blockSize: n } = U(r),
    i = de(r.family) - (n.toString(2).length - 1);
  return `${nt(r, t * n)}/${i}`;
}
async function Ke(e, t, r) {
  let n = Y(t, r),
    i = await e.get(n, ze);
  if (!i) return;
  let o = (await vt(e, i.node, t)).blocks[r.toString(16)];
  if (o !== void 0 && i.seq < o)
    throw cl(
      t,
      r,
      `block ${n} is older than node ${i.node}'s record of it (the block shows write ${i.seq}, the node recorded write ${o}): it was restored from an earlier copy, so addresses handed out since may look free`,
    );
  return i;
}
async function ul(e, t, r, n) {
  let i = await Ke(e, r, n);
  if (i) return i;
  throw Ur(r, n, `node ${t}'s state ${gt(t, r)}`);
}
var Ur = (e, t, r) => cl(e, t, `block ${Y(e, t)} is missing, but ${r} lists it as claimed`);
function Zt(e, t, r) {
  return e.get(we(t, r), tl);
}
async function Yd(e, t, r, n) {
  let i = await Zt(e, t, r);
  if (i) throw Ur(t, r, `its claim ${we(t, r)} (node ${i.node})`);
  e.put(we(t, r), { pool: t, node: n }), await si(e, t);
}
async function si(e, t) {
  (await e.get(ht(t), rl)) || e.put(ht(t), { pool: t });
}
function Vt(e) {
  let t = qe(e.bitmap);
  for (let r of Object.keys(e.owners)) t = ni(t, Number(r));
  return t;
}
async function dl(e, t, r, n) {
  let i = n.seq + 1;
  e.put(Y(t, r), { ...n, seq: i });
  let o = await vt(e, n.node, t);
  e.put(gt(n.node, t), { ...o, blocks: { ...o.blocks, [r.toString(16)]: i } });
}
async function fl(e, t, r, n, i) {
  let { block: o, bit: s } = Bt(t, r),
    a = await Ke(e, t, o);
  a || (await Yd(e, t, o, i));
  let c = a ?? { pool: t, node: i, seq: 0, bitmap: "", owners: {} };
  if (Ae(Vt(c), s)) throw new Error(`internal error: offset ${r} of pool ${t} is taken`);
  let u = ni(qe(c.bitmap), s);
  await dl(e, t, o, { ...c, bitmap: ri(u), owners: { ...c.owners, [s]: n } });
}
async function pl(e, t, r, n) {
  let i = await vt(e, t, r);
  e.put(gt(t, r), { ...i, cursor: n.toString() });
}
async function ml(e, t, r, n) {
  let { block: i, bit: o } = Bt(t, r),
    s = await Ke(e, t, i);
  if (!s) return !1;
  let a = qe(s.bitmap),
    c = s.owners[o];
  if (!Ae(a, o) || c?.attachment !== n.attachment || c.handle !== n.handle) return !1;
  let { [o]: u, ...f } = s.owners;
  return (await dl(e, t, i, { ...s, bitmap: ri(ol(a, o)), owners: f }), !0);
}
async function hl(e, t, r) {
  let { block: n, bit: i } = Bt(t, r),
    o = await Ke(e, t, n);
  return o && Ae(qe(o.bitmap), i) ? o.owners[i] : void 0;
}
function Xd(e) {
  let t = /^([^/]+)\/([0-9a-f]+)$/.exec(e.startsWith(Ft) ? e.slice(Ft.length) : "");
  return t ? oi(Pe(t[1]), BigInt(`0x${t[2]}`)) : void 0;
}
var Qd = (e, t) => `ippool blocks rebuild ${e} ${t}`;
function ef(e, t) {
  let r = `'ippool verify ${t}' lists every problem`,
    n = Xd(e);
  return n !== void 0
    ? `rebuild it from the attachment records with '${Qd(n, t)}' (every address a record holds stays taken), or put back its newest copy; ${r}`
    : e === pt
      ? `it holds the pool definitions, no address: restore it from a backup, or remove it and apply the pool files again with 'ippool apply -f FILE ${t}'; ${r}`
      : e.startsWith(Ze)
        ? `restore it from a backup; its addresses stay taken until then; ${r}`
        : `restore it from a backup; ${r}`;
}
function gl(e) {
  let t = (r) => {
    let n = Ys(r);
    throw n === void 0 || !_e(r) ? r : Object.assign(new O("damaged", r.message, ef(n, e.cliFlags)), { damagedKey: n });
  };
  return Xs(e, (r) => r().catch(t));
}
var tf = ["K8S_POD_NAMESPACE", "K8S_POD_NAME", "K8S_POD_INFRA_CONTAINER_ID", "K8S_POD_UID"];
function vl(e) {
  let t = new Map();
  for (let o of e.split(";")) {
    if (o === "") continue;
    let s = o.indexOf("=");
    if (s <= 0)
      throw new w(
        b.invalidEnvironment,
        `invalid CNI_ARGS pair ${JSON.stringify(o)}`,
        "expected KEY=VALUE pairs separated by ';'",
      );
    t.set(o.slice(0, s), o.slice(s + 1));
  }
  let r = /^(1|true)$/i.test(t.get("IgnoreUnknown") ?? ""),
    n = [...t.keys()].filter((o) => o !== "IgnoreUnknown" && o !== "IP" && !tf.includes(o));
  if (n.length > 0 && !r)
    throw new w(
      b.invalidEnvironment,
      `unknown CNI_ARGS key ${n.join(", ")}`,
      "ippool reads IP and K8S_POD_*; add IgnoreUnknown=1 to pass other keys",
    );
  let i = t.get("IP");
  return {
    ips: i ? i.split(",").filter((o) => o !== "") : [],
    podNamespace: t.get("K8S_POD_NAMESPACE"),
    podName: t.get("K8S_POD_NAME"),
  };
}
function* ai(e, t, r) {
  let n = e.blockSize,
    i = t === void 0 ? 0n : (t + 1n) % e.size,
    o = i / n,
    s = Number(i % n),
    a = [...new Set(r)].sort((f, x) => (f < x ? -1 : f > x ? 1 : 0)),
    c = (f) => ({ block: f, fromBit: 0, toBit: Number(n) }),
    u = a.includes(o);
  u && (yield { block: o, fromBit: s, toBit: Number(n) });
  for (let f of a) f > o && (yield c(f));
  for (let f of a) f < o && (yield c(f));
  u && s > 0 && (yield { block: o, fromBit: 0, toBit: s });
}
function Fr(e, t, r) {
  let n = t.block * e.blockSize;
  for (let i = t.fromBit; i < t.toBit; i++) {
    let o = n + BigInt(i);
    if (!Ae(r, i) && !e.reserved.has(o)) return o;
  }
}
async function li(e, t) {
  let r = mt(t);
  return (await e.list(r)).map((n) => BigInt(`0x${n.slice(r.length)}`));
}
function rf(e, t, r) {
  let n = U(pe(t)),
    i = r * n.blockSize;
  return sl(qe(e.bitmap)).filter((o) => !n.reserved.has(i + BigInt(o))).length;
}
async function ci(e, t) {
  let r = 0n;
  for (let n of await li(e, t)) {
    let i = await e.get(Y(t, n), ze);
    i && (r += BigInt(rf(i, t, n)));
  }
  return r;
}
re();
var yl = 8,
  nf = 4,
  of = 16,
  bl = (e, t) => BigInt(`0x${t.slice(e.length)}`);
function sf(e) {
  let t = 0xcbf29ce484222325n;
  for (let r of Buffer.from(e, "utf8")) t = ((t ^ BigInt(r)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return t;
}
function af(e, t, r) {
  let n = sf(`${e} ${t}`),
    i = n % r,
    o = ((n >> 32n) % r) | 1n;
  return (s) => (i + s * o) % r;
}
async function wl(e, t, r, n) {
  let i = U(r.cidr),
    o = n.reduce((f, x) => (f !== void 0 && f > x ? f : x), void 0),
    a = !(await e.list(Fe)).includes(ht(r.id)) ? 0n : o !== void 0 ? (o + 1n) % i.blockCount : void 0,
    c = af(t, r.id, i.blockCount),
    u = (f) => (a === void 0 ? c(f) : f === 0n ? a : c(f - 1n));
  for (let f = 0n; f < BigInt(nf); f++) {
    let x = f * BigInt(yl);
    if (x >= i.blockCount) break;
    let h = Math.min(yl, Number(i.blockCount - x)),
      l = Array.from({ length: h }, (g, v) => u(x + BigInt(v))).filter((g) => Mr(i, g) > 0),
      d = l.flatMap((g) => [Y(r.id, g), we(r.id, g)]),
      m = await e.peek(d, Xe()),
      p = l.find((g, v) => m[2 * v] === void 0 && m[2 * v + 1] === void 0);
    if (p !== void 0) return p;
  }
  return lf(e, r.id, i, u(0n));
}
async function lf(e, t, r, n) {
  let i = async (s) => (await e.peekList(s)).map((a) => bl(s, a)),
    o = new Set([...(await i(mt(t))), ...(await i(Qn(t)))]);
  for (let s = 0n; s < r.blockCount && s <= BigInt(o.size) + 3n; s++) {
    let a = (n + s) % r.blockCount;
    if (!o.has(a) && Mr(r, a) > 0) return a;
  }
}
async function ui(e, t, r, n) {
  let i = U(e.cidr),
    o = new Map();
  for (let s of ai(i, t, r)) {
    if (!o.has(s.block)) {
      let u = await n(s.block);
      o.set(s.block, u && Vt(u));
    }
    let a = o.get(s.block);
    if (a === void 0) continue;
    let c = Fr(i, s, a);
    if (c !== void 0) return c;
  }
}
async function $l(e, t, r, n) {
  let i = mt(t.id),
    o = (await e.peekList(i)).map((u) => bl(i, u)).filter((u) => !n.has(u)),
    s = [...new Set([...ai(U(t.cidr), r, o)].map((u) => u.block))],
    a = new Map(s.map((u, f) => [u, f])),
    c = new Map();
  return ui(t, r, o, async (u) => {
    if (!c.has(u)) {
      let f = a.get(u),
        x = s.slice(f, f + of),
        h = await e.peek(
          x.map((l) => Y(t.id, l)),
          ze,
        );
      x.forEach((l, d) => c.set(l, h[d]));
    }
    return c.get(u);
  });
}
function _l(e, t, r) {
  let n = [Fe, Be];
  return e.prefetch({ keys: [fe(t), pt], documentsBelow: [Dr(r)], listings: n });
}
async function kl(e, t) {
  let r = Te(t.network, t.containerId, t.ifname),
    n = { attachment: r, handle: t.handle },
    i = [];
  for (let s of t.families) {
    let a = s.requested === void 0 ? ((await di(e, t.node, s)) ?? (await cf(e, s))) : await uf(e, t.node, s);
    await fl(e, a.pool.id, a.offset, n, t.node),
      s.requested === void 0 && (await pl(e, t.node, a.pool.id, a.offset)),
      i.push({ pool: a.pool.id, address: nt(a.pool.cidr, a.offset) });
  }
  let o = {
    network: t.network,
    containerId: t.containerId,
    ifname: t.ifname,
    node: t.node,
    handle: t.handle,
    addresses: i,
    allocatedAt: t.allocatedAt,
    ...(t.podNamespace ? { podNamespace: t.podNamespace } : {}),
    ...(t.podName ? { podName: t.podName } : {}),
  };
  return (e.put(fe(r), o), o);
}
async function di(e, t, r) {
  for (let n of r.candidates) {
    await xl(e, n);
    let i = await vt(e, t, n.id),
      o = i.cursor === void 0 ? void 0 : BigInt(i.cursor),
      s = Object.keys(i.blocks).map((u) => BigInt(`0x${u}`)),
      a = await ui(n, o, s, async (u) => {
        let f = await ul(e, t, n.id, u);
        return f.node === t ? f : void 0;
      });
    if (a !== void 0) return { pool: n, offset: a, how: "affine" };
    let c = await wl(e, t, n, s);
    if (c !== void 0) {
      let u = U(n.cidr),
        f = Fr(u, { block: c, fromBit: 0, toBit: Number(u.blockSize) }, 0n);
      if (f !== void 0) return { pool: n, offset: f, how: "claim" };
    }
  }
  for (let n of r.candidates) {
    let i = await vt(e, t, n.id),
      o = i.cursor === void 0 ? void 0 : BigInt(i.cursor),
      s = new Set(Object.keys(i.blocks).map((c) => BigInt(`0x${c}`))),
      a = await $l(e, n, o, s);
    if (a !== void 0) return { pool: n, offset: a, how: "borrow" };
  }
}
async function cf(e, t) {
  let r = [];
  for (let n of t.candidates) r.push(`${n.id} (${await ci(e, n.id)} of ${ii(U(n.cidr))} in use)`);
  throw new w(
    b.poolExhausted,
    `no free IPv${t.family} address in pool${r.length > 1 ? "s" : ""} ${r.join(", ")}`,
    "release leaked addresses with 'ippool reclaim' (or a CNI GC from the runtime), or add a pool",
  );
}
async function uf(e, t, r) {
  let n = r.requested,
    i = rt(r.family, n),
    o = r.candidates.find((h) => Us(h.cidr, r.family, n));
  if (!o)
    throw new w(
      b.addressOutsidePools,
      `requested address ${i} is not in any usable IPv${r.family} pool of this network`,
      `usable pools: ${r.candidates.map((h) => h.id).join(", ") || "none"}`,
    );
  await xl(e, o);
  let s = n - o.cidr.network,
    a = U(o.cidr),
    c = ll(a, s);
  if (c !== void 0) throw new w(b.addressUnavailable, `requested address ${i} is the ${c} of pool ${o.id}`);
  let { block: u, bit: f } = Bt(o.id, s),
    x = await Ke(e, o.id, u);
  if (x) {
    if (Ae(Vt(x), f)) {
      let h = x.owners[f]?.attachment ?? "an allocation with no owner recorded";
      throw new w(
        b.addressUnavailable,
        `requested address ${i} is already held by ${h}`,
        "release it first or ask for another",
      );
    }
  } else {
    let h = await Zt(e, o.id, u);
    if (h) throw Ur(o.id, u, `its claim (node ${h.node})`);
  }
  return { pool: o, offset: s, how: x ? (x.node === t ? "affine" : "borrow") : "claim" };
}
async function xl(e, t) {
  let r = (await e.list(Fe)).map((n) => Pe(n.slice(Fe.length)));
  for (let n of r) {
    if (n === t.id || !yr(pe(n), t.cidr)) continue;
    let i = await ci(e, n);
    if (i > 0n)
      throw new w(
        b.invalidConfig,
        `pool ${t.id} overlaps pool ${n}, which still holds ${i} address(es)`,
        "pools may not share addresses; release the other pool's addresses or use the same CIDR",
      );
  }
}
function df(e, t) {
  let r = [...e].sort((n, i) => br(n.cidr, i.cidr));
  for (let n = 1; n < r.length; n++) {
    let [i, o] = [r[n - 1], r[n]];
    if (yr(i.cidr, o.cidr))
      throw new w(b.invalidConfig, `${t}: pool ${o.id} overlaps pool ${i.id}`, "pools may not share addresses");
  }
}
function Sl(e, t) {
  let r = new Set(t.map((i) => i.id)),
    n = [...e.filter((i) => !r.has(i.id)), ...t];
  return (df(n, "pools of this network (stored and ipam.ipPools)"), n.sort((i, o) => br(i.cidr, o.cidr)));
}
function Il(e, t, r) {
  if (!r) return e.filter((i) => i.cidr.family === t && !i.disabled);
  let n = `ipam.ipv${t}_pools`;
  return r.map((i) => {
    let o = B(i);
    if (!o || o.cidr.family !== t) throw new w(b.invalidConfig, `${n}: ${JSON.stringify(i)} is not an IPv${t} CIDR`);
    let s = it(o.cidr),
      a = e.find((c) => c.id === s);
    if (!a)
      throw new w(
        b.noUsablePool,
        `${n} names pool ${s}, which does not exist`,
        "create it with 'ippool apply -f FILE' or list it in ipam.ipPools",
      );
    if (a.disabled)
      throw new w(b.noUsablePool, `${n} names pool ${s}, which is disabled`, "enable it or remove it from the list");
    return a;
  });
}
async function El(e) {
  return ((await e.get(pt, Ya))?.pools ?? []).map(Xn);
}
function Br(e, t) {
  return e.ipam.ipPools.map((r, n) => {
    let i = Ha(r, `ipam.ipPools[${n}]`);
    return (i.warnings.forEach(t), i.pool);
  });
}
async function Zr(e, t) {
  return Sl(await El(e), t);
}
function Vr(e, t, r) {
  let n = [];
  for (let i of [4, 6]) {
    let o = i === 4 ? e.ipam.assign_ipv4 : e.ipam.assign_ipv6,
      s = r.get(i);
    if (o === !1) {
      if (s !== void 0)
        throw new w(b.invalidConfig, `an IPv${i} address was requested but ipam.assign_ipv${i} is false`);
      continue;
    }
    let a = Il(t, i, i === 4 ? e.ipam.ipv4_pools : e.ipam.ipv6_pools);
    if (a.length === 0) {
      if (o === !0 || s !== void 0) throw new w(b.noUsablePool, `network ${e.name} has no enabled IPv${i} pool`, Nl);
      continue;
    }
    n.push({ family: i, candidates: a, ...(s !== void 0 ? { requested: s } : {}) });
  }
  if (n.length === 0) throw new w(b.noUsablePool, `network ${e.name} has no enabled pool`, Nl);
  return n;
}
var Nl = "create one with 'ippool apply -f FILE', enable a disabled one, or list pools in ipam.ipPools";
function Ol(e) {
  let t = new Map();
  for (let r of e) {
    let n = ne(r.split("/")[0]);
    if (!n) throw new w(b.invalidConfig, `requested address ${JSON.stringify(r)} is not an IP address`);
    if (t.has(n.family))
      throw new w(
        b.invalidConfig,
        `more than one IPv${n.family} address requested`,
        "ask for at most one address per family",
      );
    t.set(n.family, n.value);
  }
  return t;
}
var Pl = require("node:os");
function zl(e, t) {
  if (e !== void 0) return e;
  let [r, n] = t.NODENAME
      ? [t.NODENAME, "env variable NODENAME"]
      : [(0, Pl.hostname)().trim().toLowerCase(), "the host name"],
    i = gr(r);
  if (i !== void 0)
    throw new w(
      b.invalidEnvironment,
      `node name ${JSON.stringify(r)} from ${n} cannot name a node record: ${i}`,
      "set ipam.nodename or NODENAME (the CLI: --nodename) to the node's name, the one 'ippool node register' records",
    );
  return r;
}
var qt = ({ conf: e, io: t }) => zl(e.ipam.nodename, t.env);
var Tl = (e) =>
  `${e.getTime().toString(36)}-${Math.floor(Math.random() * 281474976710656)
    .toString(36)
    .padStart(10, "0")}`;
re();
var qr = class extends Error {
    constructor() {
      super("the store has the layout of an earlier ippool version");
    }
  },
  Al = 32;
async function Cl(e) {
  if ((await e.list(Be)).length > 0) throw new qr();
}
async function jl(e, t) {
  try {
    return await e.update(t);
  } catch (r) {
    if (!(r instanceof qr)) throw r;
  }
  return (await ff(e), e.update(t));
}
async function ff(e) {
  let t = 0;
  for (;;) {
    let r = await e.read(async (n) => {
      let i = [];
      for (let o of await n.list(Be)) {
        let s = await n.get(o, ei),
          a = Pe(o.slice(Be.length));
        s && i.push({ key: o, doc: s, blocks: await li(n, a) });
      }
      return i;
    });
    if (r.length === 0) return t;
    for (let { key: n, doc: i, blocks: o } of r) {
      let s = Pe(n.slice(Be.length)),
        a = [...new Set([...Object.keys(i.blocks), ...o.map((c) => c.toString(16))])];
      for (let c = 0; c < a.length; c += Al) t += await e.update((u) => pf(u, s, i, a.slice(c, c + Al)));
      await e.update(async (c) => {
        let u = await c.get(n, ei);
        JSON.stringify(u) === JSON.stringify(i) && (await si(c, s), c.delete(n));
      });
    }
  }
}
async function pf(e, t, r, n) {
  let i = 0;
  for (let o of n) {
    let s = BigInt(`0x${o}`);
    if (await Zt(e, t, s)) continue;
    let c = (await e.get(Y(t, s), Is(N(ze), void 0)))?.node ?? r.blocks[o];
    c !== void 0 && (e.put(we(t, s), { pool: t, node: c }), i++);
  }
  return i;
}
async function Dl(e) {
  let { env: t, conf: r, store: n, io: i } = e,
    o = qt(e),
    s = i.now(),
    a = vl(t.args),
    c = Br(r, i.warn),
    u = Ol([...r.requestedIps.fromConfig, ...(r.requestedIps.argsGiven ? [] : a.ips)]),
    f = Te(r.name, t.containerId, t.ifname),
    x = await jl(n, async (h) => {
      await _l(h, f, o);
      let l = await h.get(fe(f), Ve);
      if (l) return l;
      await Cl(h);
      let d = Vr(r, await Zr(h, c), u);
      return kl(h, {
        network: r.name,
        containerId: t.containerId,
        ifname: t.ifname,
        node: o,
        handle: Tl(s),
        families: d,
        allocatedAt: s.toISOString(),
        ...(a.podNamespace ? { podNamespace: a.podNamespace } : {}),
        ...(a.podName ? { podName: a.podName } : {}),
      });
    });
  return mf(x, r.ipam);
}
function mf(e, t) {
  let r = e.addresses.map(({ pool: o, address: s }) => {
      let a = pe(o),
        { gatewayOffset: c } = U(a),
        u = t.addressPrefix === "host" ? de(a.family) : a.prefix;
      return {
        family: a.family,
        address: `${s}/${u}`,
        ...(t.gateway === "first-address" && c !== void 0 ? { gateway: nt(a, c) } : {}),
      };
    }),
    n = new Set(r.map((o) => o.family)),
    i = t.routes.filter((o) => n.has(B(o.dst).cidr.family));
  return { ips: r, routes: i, ...(t.dns ? { dns: t.dns } : {}) };
}
async function fi(e, t, r) {
  let n = await e.get(fe(t), Ve);
  if (!(!n || (r !== void 0 && n.handle !== r))) {
    for (let { pool: i, address: o } of n.addresses) await ml(e, i, Lr(i, o), { attachment: t, handle: n.handle });
    return (e.delete(fe(t)), n);
  }
}
async function hf(e, t) {
  let r = t !== void 0 ? [t] : (await e.list(Ze)).map((i) => i.slice(Ze.length)),
    n = [];
  for (let i of r)
    for (let o of await e.list(il(i))) {
      let s = await e.get(o, Ve);
      s && n.push(s);
    }
  return n;
}
async function Rl(e, t, r, n) {
  let i = new Set(n.map((o) => `${o.containerId}:${o.ifname}`));
  return (await hf(e, t)).filter((o) => o.node === r && !i.has(`${o.containerId}:${o.ifname}`));
}
function Ml(e) {
  let t = ne(e);
  return t && rt(t.family, t.value);
}
async function Ll({ env: e, conf: t, store: r }) {
  await r.update((n) => fi(n, Te(t.name, e.containerId, e.ifname)));
}
async function Ul({ env: e, conf: t, store: r }) {
  let n = Te(t.name, e.containerId, e.ifname),
    i = Hs(t.prevResult ?? {}).map((o) => Ml(o));
  await r.read(async (o) => {
    let s = await o.get(fe(n), Ve);
    if (!s || s.addresses.length === 0)
      throw new w(
        b.unknownContainer,
        `container ${e.containerId} (ifname ${e.ifname}) holds no address in network ${t.name}`,
      );
    let a = s.addresses.map((c) => c.address);
    for (let c of i)
      if (!a.includes(c))
        throw new w(
          b.checkMismatch,
          `prevResult lists ${c}, which ippool does not hold for ${n}`,
          `it holds ${a.join(", ")}`,
        );
    for (let { pool: c, address: u } of s.addresses) {
      let f = await hl(o, c, Lr(c, u));
      if (f?.attachment !== n || f.handle !== s.handle) {
        let x =
          f === void 0
            ? "free"
            : f.attachment === n
              ? "recorded for another allocation of it"
              : `recorded for ${f.attachment}`;
        throw new w(b.checkMismatch, `${u} of ${n} is ${x} in pool ${c}`, "run 'ippool verify'");
      }
    }
  });
}
async function Fl(e) {
  let { conf: t, store: r } = e,
    n = qt(e);
  if (!t.validAttachments)
    throw new w(
      b.invalidConfig,
      "GC needs cni.dev/valid-attachments in the config",
      "without it every allocation would look stale",
    );
  let i = t.validAttachments.map((c) => ({ containerId: c.containerID, ifname: c.ifname })),
    o = await r.read((c) => Rl(c, t.name, n, i)),
    s = [],
    a = [];
  for (let c of o)
    try {
      await r.update((u) => fi(u, Rr(c), c.handle));
    } catch (u) {
      s.push(Je(u)), a.push(`${Rr(c)}: ${s.at(-1).message}`);
    }
  if (s.length > 0) {
    let c = s.every((f) => f.code === s[0].code) ? s[0].code : b.ioFailure,
      u = [...new Set(s.map((f) => f.details).filter((f) => f !== void 0))];
    throw new w(c, `gc could not release ${s.length} of ${o.length} stale attachment(s)`, [...a, ...u].join("; "));
  }
}
async function Bl(e) {
  let { conf: t, store: r, io: n } = e,
    i = Br(t, n.warn),
    o = qt(e);
  try {
    await r.read(async (s) => {
      for (let a of Vr(t, await Zr(s, i), new Map()))
        if ((await di(s, o, a)) === void 0) {
          let c = a.candidates.map((u) => u.id).join(", ");
          throw new w(b.poolExhausted, `every IPv${a.family} pool of network ${t.name} is full (${c})`);
        }
    });
  } catch (s) {
    let a = Je(s);
    throw a.code === b.invalidConfig || a.code === b.unsupportedField
      ? a
      : new w(b.pluginNotAvailable, `ippool cannot serve ADD for network ${t.name}: ${a.message}`, a.details);
  }
}
function Zl(e, t) {
  let r = (o) => o.replace(/'ippool ([^']*)'/g, (s, a) => (a.includes(t) ? s : `'ippool ${a} ${t}'`)),
    n = r(e.message),
    i = e.details === void 0 ? void 0 : r(e.details);
  return n === e.message && i === e.details ? e : new w(e.code, n, i);
}
async function ql(e, t = Wa) {
  let r, n, i;
  try {
    let o = await e.readStdin(),
      s;
    try {
      r = Ks(o);
    } catch (f) {
      s = f;
    }
    let a = xi(e.env);
    if (a.command === "VERSION") return Vl({ cniVersion: Nn(r), supportedVersions: je });
    if (!r) throw s;
    Cs(a.command, En(r)), (n = Js(r)), (i = gl(await t({ ...n.ipam, nodename: n.ipam.nodename ?? e.env.NODENAME })));
    let c = { env: a, conf: n, store: i, io: e },
      u;
    switch (a.command) {
      case "ADD":
        u = Gs(n.cniVersion, await Dl(c));
        break;
      case "DEL":
        await Ll(c);
        break;
      case "CHECK":
        await Ul(c);
        break;
      case "GC":
        await Fl(c);
        break;
      case "STATUS":
        await Bl(c);
        break;
    }
    return (gf(c), u === void 0 ? { stdout: "", exitCode: 0 } : Vl(u));
  } catch (o) {
    let s = i ? Zl(Je(o), i.cliFlags) : Je(o),
      a = { cniVersion: Nn(r), code: s.code, msg: s.message, ...(s.details ? { details: s.details } : {}) };
    return {
      stdout: `${JSON.stringify(a)}
`,
      exitCode: 1,
    };
  }
}
function gf({ store: e, io: t }) {
  e.conflictsRetried > 0 &&
    t.warn(`committed after ${e.conflictsRetried} conflict(s) with other writers to ${e.location}, each retried`);
}
var Vl = (e) => ({
  stdout: `${JSON.stringify(e)}
`,
  exitCode: 0,
});
var Kr = require("node:fs");
var Kl = 4 * 1024 * 1024,
  vf = 0;
function yf(e) {
  try {
    return (0, Kr.fstatSync)(e).isCharacterDevice();
  } catch {
    return !1;
  }
}
async function Jl(e, t, r = vf) {
  if (yf(r)) return Buffer.alloc(0);
  let n = [],
    i = 0,
    o = (a) => {
      if (((i += a.length), i > e))
        throw new w(b.decodeFailure, `input on stdin is larger than ${e / 1024 / 1024} MiB`, t);
      n.push(a);
    },
    s = Buffer.allocUnsafe(64 * 1024);
  for (;;) {
    let a;
    try {
      a = (0, Kr.readSync)(r, s, 0, s.length, null);
    } catch (c) {
      let u = c.code;
      if (u === "EOF" || u === "EBADF") break;
      if (u !== "EAGAIN") throw c;
      for await (let f of process.stdin) o(f);
      break;
    }
    if (a === 0) break;
    o(Buffer.from(s.subarray(0, a)));
  }
  return Buffer.concat(n);
}
var $f = 1;
async function _f(e, t) {
  let r = await ql({ env: process.env, readStdin: e, now: () => new Date(), warn: t });
  return ((0, Gl.writeSync)($f, r.stdout), r.exitCode);
}
async function kf() {
  let { runCli: e } = await Promise.resolve().then(() => yt(Wl()));
  return e({
    argv: process.argv.slice(2),
    env: process.env,
    readStdin: async () => (await Jl(Kl, "a pool file is a few KiB; pass a larger one with -f FILE")).toString("utf8"),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    now: () => new Date(),
    executable: xf(),
    artifact: Hl()
      ? `standalone executable ${process.platform}-${process.arch}`
      : `Node bundle, node ${process.version}`,
  });
}
function xf() {
  return Hl() ? process.execPath : process.argv[1];
}
var Hl = () => process.argv[1]?.startsWith("/$bunfs/") === !0;
0 && (module.exports = { runCliInProcess, runPluginInProcess });
