/** Commands from the desktop menu (File ▸ Export…, View ▸ Toggle Dark Mode…), each to its action. */
import { useEffect } from 'react';
import type { HostBridge } from '../api/api-client.js';

export type MenuCommand = 'toggle-theme' | 'shortcuts' | 'about' | 'export' | 'import';

export function useMenuCommands(bridge: HostBridge, run: (command: MenuCommand) => void): void {
  useEffect(
    () =>
      bridge.onEvent((event) => {
        if (event.type !== 'menu') return;
        const command = event.command as MenuCommand;
        if (['toggle-theme', 'shortcuts', 'about', 'export', 'import'].includes(command)) run(command);
      }),
    [bridge, run],
  );
}
