/** The palette's colours by name, for their labels ("Sky blue"), in the popover and the codebook. */
export const COLOR_NAMES: Record<string, string> = {
  '#E69F00': 'orange',
  '#56B4E9': 'skyBlue',
  '#009E73': 'green',
  '#F0E442': 'yellow',
  '#0072B2': 'blue',
  '#D55E00': 'vermillion',
  '#CC79A7': 'purple',
};

/** The i18n key of a palette colour's name. */
export function colorNameKey(hex: string): string {
  return `colors.${Object.hasOwn(COLOR_NAMES, hex) ? COLOR_NAMES[hex] : 'orange'}`;
}
