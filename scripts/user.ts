// `npm run user -- <command>`: local accounts from the command line, for the first admin and for when
// nobody can sign in. Every change is audited as cli:<os user>. Passwords are read from standard input
// (typed without echo on a terminal), never from arguments, which other users of the machine can see.
//   add --email E --name N --role viewer|operator|admin
//   set-role --email E --role R     set-password --email E     disable --email E --reason R
//   enable --email E                list
import os from "node:os";
import { parseArgs } from "node:util";
import nextEnv from "@next/env";
import { z } from "zod";
import { disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createLocalUser, disableUser, enableUser, findUserIdByEmail, listUsers, setUserPassword, setUserRole, Email, NewUser, Password, RoleInput } from "@/lib/users";
import { readPassword } from "./user/read-password";

nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });

const USAGE = "usage: npm run user -- add --email E --name N --role viewer|operator|admin | set-role --email E --role R | set-password --email E | disable --email E --reason R | enable --email E | list";
const actor = `cli:${os.userInfo().username}`;

function fail(message: string): never {
  console.error(`user: ${message}`);
  process.exit(1);
}

function parsed<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    fail(`${issue?.path.length ? `--${issue.path.join(".")}` : what}: ${issue?.message ?? "invalid"}`);
  }
  return result.data;
}

async function userId(email: string | undefined): Promise<string> {
  const address = parsed(Email, email ?? "", "--email");
  return (await findUserIdByEmail(address)) ?? fail(`no user with the email ${address}`);
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, reason: { type: "string" } },
  });
  const [command] = positionals;
  switch (command) {
    case "add": {
      const password = await readPassword("Password for the new user: ");
      const user = parsed(NewUser, { email: values.email ?? "", name: values.name ?? "", role: values.role ?? "", password }, "user");
      await createLocalUser(user, actor);
      console.log(`user: added ${user.email} as ${user.role}`);
      return;
    }
    case "set-role": {
      const id = await userId(values.email);
      const role = parsed(RoleInput, values.role ?? "", "--role");
      await setUserRole(id, role, actor);
      console.log(`user: ${values.email} is now ${role}`);
      return;
    }
    case "set-password": {
      const id = await userId(values.email);
      await setUserPassword(id, parsed(Password, await readPassword("New password: "), "password"), actor);
      console.log(`user: password set for ${values.email}; their sessions were ended`);
      return;
    }
    case "disable": {
      const id = await userId(values.email);
      const reason = parsed(z.string().trim().min(3, "say in a few words why"), values.reason ?? "", "--reason");
      await disableUser(id, reason, actor);
      console.log(`user: ${values.email} is disabled and signed out`);
      return;
    }
    case "enable": {
      await enableUser(await userId(values.email), actor);
      console.log(`user: ${values.email} is enabled`);
      return;
    }
    case "list": {
      for (const u of await listUsers()) {
        console.log([u.email, u.role ?? "(no role)", u.sso ? "sso" : "local", u.disabled ? "disabled" : "active", u.name].join("\t"));
      }
      return;
    }
    default:
      fail(USAGE);
  }
}

try {
  await main();
} catch (error) {
  if (error instanceof AppError) fail(error.message);
  throw error;
} finally {
  await disconnectDb();
}
