// `truce users`: accounts for the server, managed from the command line (the first administrator's way in, and
// a way back in when every administrator's password is lost).
import type { Command } from "commander";
import { accountView } from "../../application/accounts/account-view.js";
import { type AccountsDeps, accountsDeps } from "../../application/accounts/accounts-deps.js";
import { createApiToken } from "../../application/accounts/api-tokens.js";
import { createUser } from "../../application/accounts/create-user.js";
import { newSecret } from "../../application/accounts/secrets.js";
import { findUser, type UserUpdate, updateUser } from "../../application/accounts/update-user.js";
import { TruceError } from "../../errors.js";
import type { UserAccount } from "../../ports/accounts.js";
import { DEFAULT_AGREEMENT } from "../../server/config.js";
import { type CliIo, processIo } from "../support/cli-io.js";
import { dbOptionHelp, withSession } from "../support/session.js";

interface UsersOptions {
  readonly db?: string;
  readonly agreement?: string;
}

interface BindingOptions extends UsersOptions {
  readonly party?: string;
  readonly guarantor?: string;
  readonly passwordStdin?: boolean;
}

/** Reads what is piped in (`… | truce users passwd NAME --password-stdin`). */
export async function readPipedPassword(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new TruceError(
      "TRUCE_E_USAGE",
      "--password-stdin reads a password piped in, not typed at a terminal",
    );
  }
  let text = "";
  for await (const chunk of process.stdin) text += String(chunk);
  return text;
}

const agreementHelp =
  "check parties and guarantors against this agreement file (default: Syria 2016, as truce serve)";

/** 24 base64url characters: 144 random bits. */
const randomPassword = (): string => newSecret().slice(0, 24);

const describeAccount = (u: UserAccount): string => {
  const v = accountView(u);
  const binding = v.party ?? v.guarantor;
  return `${v.username}\t${v.role}${binding === null ? "" : ` ${binding}`}${v.disabled ? "\tdisabled" : ""}`;
};

export function registerUsers(
  program: Command,
  setExitCode: (code: number) => void,
  io: CliIo = processIo,
  readPassword: () => Promise<string> = readPipedPassword,
): void {
  const users = program
    .command("users")
    .description("manage the server's accounts: add, list, change, disable, tokens");

  const run = async (
    options: UsersOptions,
    action: (deps: AccountsDeps) => Promise<string>,
  ): Promise<void> => {
    await withSession(
      { db: options.db, agreement: options.agreement ?? DEFAULT_AGREEMENT },
      async (session) => {
        io.out(`${await action(accountsDeps(session.store, session.agreements, { now: session.now }))}\n`);
        setExitCode(0);
      },
    );
  };
  const withDb = (command: Command) =>
    command.option("--db <db>", dbOptionHelp).option("--agreement <file>", agreementHelp);
  const passwordOf = async (options: BindingOptions) =>
    options.passwordStdin === true
      ? // The line end `echo` adds is not part of the password.
        { password: (await readPassword()).replace(/\r?\n$/, ""), shown: false }
      : { password: randomPassword(), shown: true };

  withDb(
    users
      .command("add")
      .description("create an account; without --password-stdin a random password is made and shown once")
      .argument("<username>", "2 to 64 characters: letters, digits, '.', '_' or '-' (case is ignored)")
      .requiredOption("--role <role>", "admin, guarantor, party or observer")
      .option("--party <id>", "for --role party: the party the account speaks for (e.g. SY-GOV)")
      .option("--guarantor <id>", "for --role guarantor: the guarantor state (e.g. RU)")
      .option("--password-stdin", "read the password from standard input"),
  ).action(async (username: string, options: BindingOptions & { role: string }) => {
    const { password, shown } = await passwordOf(options);
    await run(options, async (deps) => {
      const user = await createUser(deps, {
        username,
        password,
        role: options.role,
        party: options.party ?? null,
        guarantor: options.guarantor ?? null,
      });
      return [
        `created ${describeAccount(user)}`,
        ...(shown ? [`password: ${password} (shown once)`] : []),
      ].join("\n");
    });
  });

  withDb(users.command("list").description("every account, its role and what it speaks for")).action(
    async (options: UsersOptions) => {
      await run(options, async (deps) => {
        const all = await deps.store.users.list();
        return all.length === 0 ? "no accounts" : all.map(describeAccount).join("\n");
      });
    },
  );

  withDb(
    users
      .command("set-role")
      .description("change an account's role (and the party or guarantor state it speaks for)")
      .argument("<username>")
      .argument("<role>", "admin, guarantor, party or observer")
      .option("--party <id>", "for the party role: the party")
      .option("--guarantor <id>", "for the guarantor role: the guarantor state"),
  ).action(async (username: string, role: string, options: BindingOptions) => {
    await run(options, async (deps) => {
      const update: UserUpdate = {
        role,
        ...(options.party === undefined ? {} : { party: options.party }),
        ...(options.guarantor === undefined ? {} : { guarantor: options.guarantor }),
      };
      return `changed ${describeAccount(await updateUser(deps, (await findUser(deps.store, username)).id, update))}`;
    });
  });

  withDb(
    users
      .command("passwd")
      .description(
        "set a new password (random and shown once, unless --password-stdin); ends the account's sessions",
      )
      .argument("<username>")
      .option("--password-stdin", "read the password from standard input"),
  ).action(async (username: string, options: BindingOptions) => {
    const { password, shown } = await passwordOf(options);
    await run(options, async (deps) => {
      const user = await updateUser(deps, (await findUser(deps.store, username)).id, { password });
      return [
        `new password for ${user.username}`,
        ...(shown ? [`password: ${password} (shown once)`] : []),
      ].join("\n");
    });
  });

  for (const [name, disabled] of [
    ["disable", true],
    ["enable", false],
  ] as const) {
    withDb(
      users
        .command(name)
        .description(
          disabled
            ? "stop an account signing in: its sessions end, its API tokens stop working"
            : "let a disabled account sign in again",
        )
        .argument("<username>"),
    ).action(async (username: string, options: UsersOptions) => {
      await run(options, async (deps) => {
        const user = await updateUser(deps, (await findUser(deps.store, username)).id, { disabled });
        return `${disabled ? "disabled" : "enabled"} ${describeAccount(user)}`;
      });
    });
  }

  withDb(
    users
      .command("token")
      .description("create an API token acting as the account; the token is shown once")
      .argument("<username>")
      .option("--name <name>", "what the token is for", "command line"),
  ).action(async (username: string, options: UsersOptions & { name: string }) => {
    await run(options, async (deps) => {
      const user = await findUser(deps.store, username);
      if (user.disabledAt !== null) {
        throw new TruceError("TRUCE_E_FORBIDDEN", `${user.username} is disabled: enable it first`);
      }
      const { token, secret } = await createApiToken(deps, user, options.name);
      return [
        `API token ${token.id} (${token.name}) for ${user.username}`,
        `token: ${secret} (shown once: send it as "Authorization: Bearer <token>")`,
      ].join("\n");
    });
  });
}
