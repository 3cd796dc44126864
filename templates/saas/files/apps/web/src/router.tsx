import { type MouseEvent, type ReactNode, useEffect, useState } from "react";

const NAVIGATE_EVENT = "app:navigate";

/** Pushes `to` onto the history and re-renders every {@link usePathname} user. */
export function navigate(to: string): void {
  window.history.pushState(null, "", to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** The current pathname, following links, back and forward. */
export function usePathname(initial: string): string {
  const [pathname, setPathname] = useState(initial);
  useEffect(() => {
    const update = () => setPathname(window.location.pathname);
    window.addEventListener("popstate", update);
    window.addEventListener(NAVIGATE_EVENT, update);
    return () => {
      window.removeEventListener("popstate", update);
      window.removeEventListener(NAVIGATE_EVENT, update);
    };
  }, []);
  return pathname;
}

export function Link(props: { to: string; active?: boolean; children: ReactNode }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(props.to);
  };
  return (
    <a href={props.to} onClick={onClick} aria-current={props.active ? "page" : undefined}>
      {props.children}
    </a>
  );
}
