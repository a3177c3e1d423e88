import { standaloneSuiteConfig } from "./tests/support/vitest-shared.ts";

// `npm run test:faults`: the production build (the standalone server of
// test:scale, same `.next-scale` folder and staleness check, so `npm test`
// builds once) under faults: SMTP down, SIGKILL mid-import and mid-delivery,
// PostgreSQL restarted (tests/faults, decision 0019).
export default standaloneSuiteConfig("faults", 150_000);
