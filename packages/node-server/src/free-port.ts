import net from "node:net";

/**
 * A port of 127.0.0.1 nothing listens on now (the OS picks it), for a server started next: the
 * development launcher's apps, test servers, benchmarks. Another process could take it in
 * between; callers that must not fail on that retry.
 */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
