"use client";

import { SearchIcon } from "./icons";

/** The "Search todos" box; the list follows it after a short pause in typing. */
export function SearchBox({ value, onChange }: { value: string; onChange: (q: string) => void }) {
  return (
    <div className="search">
      <SearchIcon />
      <input
        type="search"
        aria-label="Search todos"
        placeholder="Search"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        maxLength={100}
        autoComplete="off"
        spellCheck={false}
      />
    </div>
  );
}
