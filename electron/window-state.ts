/** Remembers the window's size, position and maximized state between runs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileDurable } from '../core/files/durable-write.js';

const stateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(10000),
  height: z.number().int().min(300).max(10000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof stateSchema>;

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1360, height: 860, maximized: false };

export function loadWindowState(dir: string): WindowState {
  try {
    return stateSchema.parse(JSON.parse(readFileSync(join(dir, 'window-state.json'), 'utf8')));
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

export async function saveWindowState(dir: string, state: WindowState): Promise<void> {
  await writeFileDurable(join(dir, 'window-state.json'), JSON.stringify(state));
}

/** Keep a remembered position only if it is still on one of the displays. */
export function visibleOn(
  state: WindowState,
  displays: { x: number; y: number; width: number; height: number }[],
): WindowState {
  if (state.x === undefined || state.y === undefined) return state;
  const { x, y } = state;
  const onScreen = displays.some(
    (d) => x >= d.x - 50 && y >= d.y - 50 && x < d.x + d.width - 100 && y < d.y + d.height - 100,
  );
  return onScreen ? state : { ...state, x: undefined, y: undefined };
}
