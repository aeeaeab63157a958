import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

export const MIN_PASSWORD = 12;

export const Email = z.string().trim().toLowerCase().pipe(z.email("expected an email address").max(320));
export const DisplayName = z.string().trim().min(1, "a name is required").max(100, "at most 100 characters");
export const RoleInput = z.enum(ROLES, { error: `expected one of ${ROLES.join(", ")}` });
export const Password = z.string().min(MIN_PASSWORD, `at least ${MIN_PASSWORD} characters`).max(256, "at most 256 characters");
export const UserId = z.string().min(1).max(100);

export const NewUser = z.object({ email: Email, name: DisplayName, role: RoleInput, password: Password });
export type NewUser = z.infer<typeof NewUser>;
