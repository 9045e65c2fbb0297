import { startUp } from "./start-up";

// Next logs an error thrown by `register()` but keeps serving, answering every request with a 500;
// a missing or bad variable ends the process instead, so `next start` visibly refuses to start.
if (!startUp()) process.exit(1);
