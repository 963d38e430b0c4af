// Client-side routes over the History API. Seven pages do not need a router library: a location signal, a
// link that pushes state, and a table of path patterns.
import type { ComponentChildren, JSX } from "preact";
import { useEffect, useState } from "preact/hooks";

export { hrefWith, matchPath } from "./paths.js";

export interface Location {
  readonly path: string;
  readonly query: URLSearchParams;
}

type Listener = (location: Location) => void;
const listeners = new Set<Listener>();

function current(): Location {
  return { path: window.location.pathname, query: new URLSearchParams(window.location.search) };
}

function notify(): void {
  const location = current();
  for (const listener of listeners) listener(location);
}

window.addEventListener("popstate", notify);

/** Goes to an in-app address; `replace` rewrites the current history entry (filters, redirects). */
export function navigate(href: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, "", href);
  else window.history.pushState(null, "", href);
  notify();
  if (!options.replace) window.scrollTo(0, 0);
}

export function useLocation(): Location {
  const [location, setLocation] = useState(current);
  useEffect(() => {
    listeners.add(setLocation);
    return () => {
      listeners.delete(setLocation);
    };
  }, []);
  return location;
}

type LinkProps = Omit<JSX.HTMLAttributes<HTMLAnchorElement>, "href"> & {
  href: string;
  children: ComponentChildren;
};

/** A real link (it opens in a new tab, it can be copied) that navigates in place on a plain click. */
export function Link({ href, children, ...rest }: LinkProps): JSX.Element {
  const onClick = (event: MouseEvent): void => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
