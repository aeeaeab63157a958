import { THEME_STORAGE_KEY } from "./theme-storage";

// Runs while <head> is parsed, before first paint, so a dark-theme operator never sees a white flash.
const script = `try{var t=localStorage.getItem("${THEME_STORAGE_KEY}");if(t==="dark"||(t!=="light"&&matchMedia("(prefers-color-scheme: dark)").matches))document.documentElement.classList.add("dark")}catch(e){}`;

/** The CSP allows inline scripts only with the response's nonce (lib/security). */
export function ThemeScript({ nonce }: { nonce: string | undefined }) {
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: script }} />;
}
