// Runs once when the server starts: read and validate the configuration now, so a bad
// variable stops `next start` with its name instead of failing the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getDeps } = await import("./src/deps");
    getDeps();
  }
}
