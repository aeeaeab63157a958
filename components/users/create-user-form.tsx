"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition, type SubmitEvent } from "react";
import { createUserAction } from "@/app/settings/users/actions";

const inputClass = "w-full rounded-md border border-border bg-surface px-2.5 py-1.5 text-sm";

export function CreateUserForm() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = (name: string) => { const v = data.get(name); return typeof v === "string" ? v : ""; };
    startTransition(async () => {
      const result = await createUserAction({ email: text("email"), name: text("name"), role: text("role") as "viewer", password: text("password") });
      if (result.ok) {
        form.reset();
        setMessage({ ok: true, text: `Added ${text("email")}. Give them the password through a private channel.` });
        router.refresh();
      } else {
        setMessage({ ok: false, text: result.error.message });
      }
    });
  }

  return (
    <form onSubmit={submit} className="grid grid-cols-2 gap-3" data-testid="create-user">
      <label className="text-sm"><span className="mb-1 block text-muted">Name</span><input name="name" required className={inputClass} /></label>
      <label className="text-sm"><span className="mb-1 block text-muted">Email</span><input name="email" type="email" required className={inputClass} /></label>
      <label className="text-sm">
        <span className="mb-1 block text-muted">Role</span>
        <select name="role" defaultValue="viewer" className={inputClass}>
          <option value="viewer">viewer</option><option value="operator">operator</option><option value="admin">admin</option>
        </select>
      </label>
      <label className="text-sm"><span className="mb-1 block text-muted">Password (12+ characters)</span><input name="password" type="password" autoComplete="new-password" required className={inputClass} /></label>
      <div className="col-span-2 flex items-center gap-3">
        <button type="submit" disabled={pending} className="rounded-md bg-accent px-3.5 py-1.5 text-sm font-medium text-surface hover:opacity-90 disabled:opacity-60">Add user</button>
        {message && <p role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-ok" : "text-bad"}`}>{message.text}</p>}
      </div>
    </form>
  );
}
