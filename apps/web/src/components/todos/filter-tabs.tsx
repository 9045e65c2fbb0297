"use client";

import { type KeyboardEvent, useRef } from "react";
import type { Filter } from "./todo-list-state";

export const FILTERS: { value: Filter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "active", label: "Active" },
  { value: "completed", label: "Completed" },
];

export const tabId = (filter: Filter) => `filter-tab-${filter}`;

interface Props {
  value: Filter;
  onChange: (filter: Filter) => void;
  /** The id of the panel the tabs control. */
  controls: string;
}

/** All / Active / Completed, as ARIA tabs: one tab stop, arrow keys (and Home/End) move. */
export function FilterTabs({ value, onChange, controls }: Props) {
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const current = FILTERS.findIndex((filter) => filter.value === value);
    const last = FILTERS.length - 1;
    const next = {
      ArrowRight: current === last ? 0 : current + 1,
      ArrowLeft: current === 0 ? last : current - 1,
      Home: 0,
      End: last,
    }[event.key];
    const target = next === undefined ? undefined : FILTERS[next];
    if (next === undefined || !target) return;
    event.preventDefault();
    onChange(target.value);
    tabs.current[next]?.focus();
  }

  return (
    <div role="tablist" aria-label="Filter" className="tabs" onKeyDown={onKeyDown}>
      {FILTERS.map((filter, index) => {
        const selected = filter.value === value;
        return (
          <button
            key={filter.value}
            ref={(element) => {
              tabs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={tabId(filter.value)}
            aria-selected={selected}
            aria-controls={controls}
            tabIndex={selected ? 0 : -1}
            className="tab"
            onClick={() => onChange(filter.value)}
          >
            {filter.label}
          </button>
        );
      })}
    </div>
  );
}
