"use client";

import type { Color } from "@repo/api-client";
import { COLORS } from "@repo/contracts/palette";
import { useId } from "react";

export const colorName = (color: Color) => color[0]?.toUpperCase() + color.slice(1);

/**
 * The palette as a radio group named "Colour": one tab stop, arrow keys move, each swatch
 * named by its colour. The native radios are kept (visually hidden) so all of that is the browser's.
 */
export function ColorPicker({ value, onChange }: { value: Color; onChange: (c: Color) => void }) {
  const name = useId();
  return (
    <fieldset className="color-picker">
      <legend className="visually-hidden">Colour</legend>
      {COLORS.map((color) => (
        <label key={color} className="swatch-option" title={colorName(color)}>
          <input
            type="radio"
            className="swatch-input"
            name={name}
            value={color}
            checked={value === color}
            onChange={() => onChange(color)}
            aria-label={colorName(color)}
          />
          <span className="swatch" data-color={color} aria-hidden="true" />
        </label>
      ))}
    </fieldset>
  );
}

/** A small round mark in a project's or label's colour (decorative: the name is beside it). */
export const ColorDot = ({ color }: { color: Color }) => (
  <span className="dot" data-color={color} aria-hidden="true" />
);
