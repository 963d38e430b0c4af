// Sign in with a username and password; the server sets the session cookie and returns the CSRF token.
import type { JSX } from "preact";
import { useState } from "preact/hooks";
import { ErrorMessage, usePageTitle } from "../components/status.js";
import { useI18n } from "../i18n/i18n.js";
import { navigate, useLocation } from "../router.js";
import { safeNext } from "../safe-links.js";
import { useSession } from "../session.js";
import { useSubmit } from "../use-submit.js";

export function LoginPage(): JSX.Element {
  const { t, label } = useI18n();
  const { session, signIn, signOut } = useSession();
  const { query } = useLocation();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const { busy, error, run } = useSubmit();
  usePageTitle(t("page.login"));

  const submit = (event: Event): void => {
    event.preventDefault();
    void run(async () => {
      try {
        await signIn(username, password);
      } catch (problem) {
        // After a failed sign-in the password is typed again, never resent as it stood.
        setPassword("");
        throw problem;
      }
      navigate(safeNext(query.get("next")), { replace: true });
    });
  };

  const user = session?.user ?? null;
  return (
    <section class="page page-narrow">
      <h1>{t("page.login")}</h1>
      {user !== null && (
        <div class="notice" role="status">
          <p>{t("login.already", { username: user.username, role: label("role", user.role) })}</p>
          <button type="button" class="button-secondary" onClick={() => void signOut()}>
            {t("nav.signOut")}
          </button>
        </div>
      )}
      <form class="form" onSubmit={submit}>
        <label for="login-username">{t("login.username")}</label>
        <input
          id="login-username"
          name="username"
          autocomplete="username"
          required
          value={username}
          onInput={(e) => setUsername(e.currentTarget.value)}
        />
        <label for="login-password">{t("login.password")}</label>
        <input
          id="login-password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
        {error !== null && <ErrorMessage error={error} />}
        <button type="submit" disabled={busy}>
          {busy ? t("login.signingIn") : t("nav.signIn")}
        </button>
      </form>
    </section>
  );
}
