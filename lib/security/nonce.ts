// 128 random bits per response, base64: unguessable, and in the alphabet Next reads nonces with.
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
