// Import FIRST in a test that runs server actions (formAction) outside Next:
// gives Node what Next's server runtime gives it before any Next module loads.
import { AsyncLocalStorage } from "node:async_hooks";
import { register } from "node:module";

// next/dist/server/node-environment sets this global; Next's request stores read it when they load.
(globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;
// next-auth imports "next/server" without an extension; Next's bundler resolves it, Node needs this hook.
register("./next-esm-resolve.mjs", import.meta.url);
