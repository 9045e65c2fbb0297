import type { Command } from "../command";
import { writeCredentials } from "../config/credentials";
import { formatUserCode, pollForToken, requestDeviceCode } from "../device-login";

// todo login — the device flow: print a code to enter in the browser, wait for approval, store the key.
export const login: Command = {
  name: "login",
  summary: "log in through the browser (device code) and store an API key",
  async run(_, context) {
    const { io, settings } = context;
    const deps = { fetch: context.fetch, sleep: context.sleep };
    const code = await requestDeviceCode(deps, settings.webUrl);
    io.stdout(`Open ${code.verification_uri} and enter ${formatUserCode(code.user_code)}`);
    if (code.verification_uri_complete) io.stdout(`(or open ${code.verification_uri_complete})`);
    io.stdout("Waiting for approval… (Ctrl-C to cancel)");
    const token = await pollForToken(deps, settings.webUrl, code);
    await writeCredentials(context.configDir, {
      apiUrl: settings.apiUrl,
      webUrl: settings.webUrl,
      token,
      createdAt: new Date().toISOString(),
    });
    const me = await context.client(token).me();
    io.stdout(`Logged in as ${me.email ?? me.id}`);
  },
};
