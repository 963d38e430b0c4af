// Fetches a URL for ingestion with a size limit, a time limit and only the web's own schemes.
import { TruceError } from "../../errors.js";
import { DEFAULT_MAX_BYTES } from "../files/read-article.js";

export interface Fetched {
  readonly url: string;
  readonly contentType: string;
  readonly body: string;
}

export interface FetchOptions {
  readonly maxBytes?: number;
  readonly timeoutMs?: number;
}

export async function fetchText(url: string, options: FetchOptions = {}): Promise<Fetched> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const fail = (problem: string, cause?: unknown) =>
    new TruceError("TRUCE_E_FETCH_FAILED", `${url}: ${problem}`, { subject: url, cause });
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw fail("not a valid URL.", cause);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    throw fail("only http and https URLs are read.");
  let response: Response;
  try {
    response = await fetch(parsed, {
      redirect: "follow",
      signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
      headers: { "user-agent": "Truce ceasefire monitor", accept: "*/*" },
    });
  } catch (cause) {
    throw fail(
      `the request failed (${cause instanceof Error ? cause.message : String(cause)}). Check the address and the network.`,
      cause,
    );
  }
  if (!response.ok) throw fail(`the server answered ${response.status} ${response.statusText}.`);
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw fail(`the page is ${declared} bytes, more than the ${maxBytes} accepted.`);
  // Read in chunks so that a server lying about (or omitting) its length cannot make us hold more than the limit.
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw fail(`the page is larger than the ${maxBytes} bytes accepted.`);
    }
    chunks.push(value);
  }
  let body: string;
  try {
    body = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch (cause) {
    throw fail("the page is not valid UTF-8 text.", cause);
  }
  return { url: response.url || url, contentType: response.headers.get("content-type") ?? "", body };
}
