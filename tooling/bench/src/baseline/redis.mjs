import net from "node:net";

/**
 * @typedef {object} RedisConnection
 * @property {(...args: string[]) => Promise<unknown>} command Sends one command; replies come back in order.
 * @property {() => void} close
 */

/**
 * The smallest Redis client that serves the baseline and the harness: one connection, commands
 * pipelined, replies matched in order. It reads simple strings, errors, integers and bulk
 * strings (enough for PING, AUTH, SCRIPT LOAD and an EVALSHA answering an integer), no arrays.
 * No reconnect: the baseline fails open on any error, as the API's limiter does.
 *
 * @param {string} url redis://[user:password@]host[:port]
 * @returns {Promise<RedisConnection>}
 */
export function connectRedis(url) {
  const { hostname, port, username, password } = new URL(url);
  const socket = net.connect({ host: hostname, port: Number(port || 6379) });
  socket.setNoDelay(true);
  /** @type {{ resolve: (value: unknown) => void; reject: (error: Error) => void }[]} */
  const waiting = [];
  let buffer = Buffer.alloc(0);

  const failAll = (/** @type {Error} */ error) => {
    for (const waiter of waiting.splice(0)) waiter.reject(error);
  };
  socket.on("data", (chunk) => {
    buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
    for (;;) {
      const reply = parseReply(buffer);
      if (!reply) break;
      buffer = buffer.subarray(reply.end);
      const waiter = waiting.shift();
      if (reply.error) waiter?.reject(new Error(reply.error));
      else waiter?.resolve(reply.value);
    }
  });
  socket.on("error", failAll);
  socket.on("close", () => failAll(new Error("Redis connection closed")));

  /** @param {string[]} args */
  const command = (...args) =>
    new Promise((resolve, reject) => {
      if (socket.destroyed) return reject(new Error("Redis connection closed"));
      waiting.push({ resolve, reject });
      socket.write(encodeCommand(args));
    });

  return new Promise((resolve, reject) => {
    socket.once("error", reject);
    socket.once("connect", async () => {
      socket.off("error", reject);
      try {
        if (password)
          await command(
            ...["AUTH", ...(username ? [decodeURIComponent(username)] : [])],
            decodeURIComponent(password),
          );
        resolve({ command, close: () => socket.destroy() });
      } catch (error) {
        socket.destroy();
        reject(error);
      }
    });
  });
}

/** @param {string[]} args */
export function encodeCommand(args) {
  let text = `*${args.length}\r\n`;
  for (const arg of args) text += `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`;
  return text;
}

/**
 * One complete reply at the start of `buffer`, or undefined when more bytes are needed.
 * @param {Buffer} buffer
 * @returns {{ value?: unknown; error?: string; end: number } | undefined}
 */
export function parseReply(buffer) {
  const lineEnd = buffer.indexOf("\r\n");
  if (lineEnd === -1) return undefined;
  const line = buffer.toString("utf8", 1, lineEnd);
  switch (String.fromCharCode(buffer[0] ?? 0)) {
    case "+":
      return { value: line, end: lineEnd + 2 };
    case "-":
      return { error: line, end: lineEnd + 2 };
    case ":":
      return { value: Number(line), end: lineEnd + 2 };
    case "$": {
      const length = Number(line);
      if (length === -1) return { value: null, end: lineEnd + 2 };
      const end = lineEnd + 2 + length + 2;
      if (buffer.length < end) return undefined;
      return { value: buffer.toString("utf8", lineEnd + 2, end - 2), end };
    }
    default:
      throw new Error(`Unsupported Redis reply type: ${line.slice(0, 20)}`);
  }
}
