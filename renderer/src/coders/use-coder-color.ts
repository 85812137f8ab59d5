/**
 * The colours of the open library's coders for the components that paint them (dots, card edges),
 * given once by the shell (`CoderColorsContext`) from the coder list.
 */
import { createContext, useContext } from 'react';
import { coderColor, coderStyle } from './coder-colors.js';

export const CoderColorsContext = createContext<ReadonlyMap<string, string>>(new Map());

/** The style giving an element `coderId`'s colour (see coderStyle). */
export function useCoderStyle(): (coderId: string) => ReturnType<typeof coderStyle> {
  const colors = useContext(CoderColorsContext);
  return (coderId) => coderStyle(colors.get(coderId) ?? coderColor(coderId));
}
