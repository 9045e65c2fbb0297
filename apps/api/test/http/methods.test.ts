import { describe, expect, it } from "vitest";
import { useApi } from "../support/api";
import { testApiHost } from "../support/api-host";
import { expectRawProblem, sendLine } from "../support/raw-http";

const api = useApi();

const request = (line: string) => sendLine(api.url(), line);
const expectProblem = (line: string, status: number, allow?: string) =>
  expectRawProblem(api.url(), line, status, allow);

// Bytes Node's parser or fetch's Request refuse: `next start` would answer them itself (500,
// a bare 400, or nothing); both production hosts hand them to the pipeline.
describe(`methods and targets a Request cannot carry (host: ${testApiHost()})`, () => {
  it.each([
    ["TRACE /api/v1/todos HTTP/1.1", "GET, POST, HEAD, OPTIONS"],
    ["TRACK /api/v1/todos HTTP/1.1", "GET, POST, HEAD, OPTIONS"],
    ["CONNECT /api/v1/todos HTTP/1.1", "GET, POST, HEAD, OPTIONS"],
    ["PROPFIND /api/v1/todos HTTP/1.1", "GET, POST, HEAD, OPTIONS"],
    ["QUERY /api/health HTTP/1.1", "GET, HEAD, OPTIONS"],
    ["FROB /api/v1/todos HTTP/1.1", "GET, POST, HEAD, OPTIONS"],
    ["get /api/v1/me HTTP/1.1", "GET, DELETE, HEAD, OPTIONS"],
  ])("%s → 405 problem with Allow", (line, allow) => expectProblem(line, 405, allow));

  it.each([
    "CONNECT localhost:443 HTTP/1.1",
    "TRACE /nowhere HTTP/1.1",
    "FROB /nowhere HTTP/1.1",
    "GET * HTTP/1.1",
    "OPTIONS * HTTP/1.1",
  ])("%s → 404 problem", (line) => expectProblem(line, 404));

  it("serves an absolute-form target as its path", async () => {
    const response = await request("GET http://localhost/api/health HTTP/1.1");
    expect(response?.status).toBe(200);
  });
});
