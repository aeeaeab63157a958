// Where the chosen theme lives; absent means "follow the operating system".
export const THEME_STORAGE_KEY = "flowdeck-theme";

export type Theme = "light" | "dark";

/** The theme the operator chose, or null when none was chosen (or storage is blocked). */
export function storedTheme(): Theme | null {
  try {
    const value = window.localStorage.getItem(THEME_STORAGE_KEY);
    return value === "light" || value === "dark" ? value : null;
  } catch {
    return null;
  }
}

export function systemPrefersDark(): boolean {
  return window.matchMedia("(prefers-color-scheme: dark)").matches;
}

export function applyTheme(theme: Theme): void {
  document.documentElement.classList.toggle("dark", theme === "dark");
}

/** Applies the stored theme, or the system's when none is stored. */
export function applyPreferredTheme(): void {
  applyTheme(storedTheme() ?? (systemPrefersDark() ? "dark" : "light"));
}
