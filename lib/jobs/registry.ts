import "server-only";
import type { ScheduledJob } from "./scheduler.ts";

// Every periodic job of the portal. Each domain adds its own here.
export const SCHEDULED_JOBS: ScheduledJob[] = [];
