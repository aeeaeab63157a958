// Stands in for `next/headers` when server actions and route handlers are called directly in a test:
// the request carries whatever session cookie signInAs() last obtained from the real Better Auth.
let cookie = "";

export function setRequestCookie(value: string): void {
  cookie = value;
}

export async function headers(): Promise<Headers> {
  return new Headers({ cookie, origin: "http://127.0.0.1:3000", "user-agent": "flowdeck-integration-tests" });
}

export async function cookies(): Promise<{ get: (name: string) => { name: string; value: string } | undefined; getAll: () => { name: string; value: string }[]; set: () => void; delete: () => void }> {
  const all = cookie.split(";").map((part) => part.trim()).filter(Boolean).map((part) => {
    const at = part.indexOf("=");
    return { name: part.slice(0, at), value: part.slice(at + 1) };
  });
  return { get: (name) => all.find((c) => c.name === name), getAll: () => all, set: () => {}, delete: () => {} };
}
