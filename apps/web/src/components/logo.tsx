/** The app's mark: a tick in a rounded square, in the accent colour. */
export function Logo() {
  return (
    <svg
      className="logo"
      width="28"
      height="28"
      viewBox="0 0 28 28"
      aria-hidden="true"
      focusable="false"
    >
      <rect width="28" height="28" rx="8" fill="var(--accent)" />
      <path
        d="m8.5 14.5 3.5 3.5 7.5-8"
        fill="none"
        stroke="var(--on-accent)"
        strokeWidth="2.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
