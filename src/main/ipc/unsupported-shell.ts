/** Shell calls where there is no desktop shell (the dev server): a structured 'unsupported'. */
import { CALLS, type ShellCallName } from '../../shared/contract.js';
import { BridgeError } from './errors.js';
import type { ShellHandlers } from './types.js';

function unsupported(name: ShellCallName) {
  return async (): Promise<never> => {
    throw new BridgeError(
      'unsupported',
      `${name}: needs the desktop app (native dialogs are not available in a browser)`,
    );
  };
}

const names = (Object.keys(CALLS) as (keyof typeof CALLS)[]).filter((n): n is ShellCallName => CALLS[n].shell);

export const unsupportedShellHandlers = Object.fromEntries(
  names.map((n) => [n, unsupported(n)]),
) as unknown as ShellHandlers;
