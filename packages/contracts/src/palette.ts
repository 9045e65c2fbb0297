import { z } from "zod";

/** The colours a project or label may have; the web app maps each to its own shades. */
export const COLORS = [
  "gray",
  "red",
  "orange",
  "yellow",
  "green",
  "teal",
  "blue",
  "indigo",
  "purple",
  "pink",
] as const;
export type Color = (typeof COLORS)[number];

export const DEFAULT_COLOR: Color = "gray";

/** One of COLORS; any other value (another case included) is a 422. */
export const colorSchema = z
  .enum(COLORS, { error: `must be one of ${COLORS.join(", ")}` })
  .meta({ maxLength: Math.max(...COLORS.map((color) => color.length)) });

/** `color` in a create or replacement: gray when omitted. */
export const colorOrGray = colorSchema.default(DEFAULT_COLOR);
