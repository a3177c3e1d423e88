import { standaloneSuiteConfig } from "./tests/support/vitest-shared.ts";

// `npm run test:scale`: two standalone servers on one database (tests/scale);
// scripts/test.ts runs it as its own step.
export default standaloneSuiteConfig("scale", 120_000);
