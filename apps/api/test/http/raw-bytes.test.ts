import { describe, expect, it } from "vitest";
import { useApi } from "../support/api";
import { testApiHost } from "../support/api-host";
import { expectRawProblem, sendLine } from "../support/raw-http";

const api = useApi();
const host = testApiHost();

const request = (line: string) => sendLine(api.url(), line);
const expectProblem = (line: string, status: number, allow?: string) =>
  expectRawProblem(api.url(), line, status, allow);

// Bytes fetch would never send, over a raw socket to the production host of this project.
describe(`whatever bytes arrive, the API answers with its problem (host: ${host})`, () => {
  it.each([
    "GET /api/v1/todos/%ff HTTP/1.1",
    "GET /api/v1/todos/%E0%A4%A HTTP/1.1",
    "GET /api/v1/todos/% HTTP/1.1",
    "GET /api/v1/todos/%zz HTTP/1.1",
    "GET /api/v1/todos/%C0%AF HTTP/1.1",
    "POST /api/v1/todos/%ED%A0%80/restore HTTP/1.1",
    "GET /api/health/%ff HTTP/1.1",
  ])("%s → 404 problem", (line) => expectProblem(line, 404));

  it("checks the token before a well-formed escape that names no todo (401, then 404)", async () => {
    const response = await request("GET /api/v1/todos/%C3%A9 HTTP/1.1");
    expect(response?.status).toBe(401);
  });

  it("serves a well-formed request on the same path", async () => {
    const response = await request("GET /api/health HTTP/1.1");
    expect(response?.status).toBe(200);
    expect(JSON.parse(response?.body ?? "{}")).toEqual({ status: "ok" });
  });
});
