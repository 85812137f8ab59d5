import type { BuildOptions } from 'esbuild';

export type NodeBundle = 'cli' | 'cliWorker' | 'main' | 'mainWorker' | 'preload';

/** esbuild options of every Node bundle, written under `outRoot` (normally `dist`). */
export function nodeBundles(outRoot?: string): Record<NodeBundle, BuildOptions>;
