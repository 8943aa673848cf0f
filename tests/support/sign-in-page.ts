import { requestFrom, type BoundResponse } from "../deploy/bound-http";

const decode = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The hidden fields of the sign-in page's form (its server action's id, `next`), as the page renders them. */
export async function signInFormFields(baseUrl: string, query = ""): Promise<[string, string][]> {
  const page = await (await fetch(`${baseUrl}/sign-in${query}`)).text();
  return [...page.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map(([, name, value]) => [
    decode(name!),
    decode(value ?? ""),
  ]);
}

export type PageSignIn = {
  email: string;
  password: string;
  /** The client's own address (any of 127.0.0.0/8): to the server, another machine. */
  from?: string;
  /** Replaces the `next` field the page rendered. */
  next?: string;
  /** The query the page was opened with (`?next=…`). */
  query?: string;
  cookie?: string;
};

/**
 * Signs in through the sign-in page's server action the way a browser does before its JavaScript has run: a
 * multipart POST of the form's fields to /sign-in. A success is a 303 to where `next` says; a refusal is the page
 * again (200) with the message.
 */
export async function signInThroughPage(baseUrl: string, attempt: PageSignIn): Promise<BoundResponse> {
  const form = new FormData();
  for (const [name, value] of await signInFormFields(baseUrl, attempt.query))
    if (name !== "next" || attempt.next === undefined) form.append(name, value);
  if (attempt.next !== undefined) form.append("next", attempt.next);
  form.append("email", attempt.email);
  form.append("password", attempt.password);
  const encoded = new Request(baseUrl, { method: "POST", body: form });
  return requestFrom(attempt.from ?? "127.0.0.1", `${baseUrl}/sign-in`, {
    method: "POST",
    headers: {
      "content-type": encoded.headers.get("content-type")!,
      origin: baseUrl,
      ...(attempt.cookie ? { cookie: attempt.cookie } : {}),
    },
    body: Buffer.from(await encoded.arrayBuffer()),
  });
}
