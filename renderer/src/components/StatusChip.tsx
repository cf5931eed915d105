import type { CSSProperties } from 'react';
import i18n from 'i18next';
import type { Light, StatusClass } from '../../../shared/status/types';

export const lightColors: Record<Light, string> = {
  green: '#2e7d32',
  yellow: '#f9a825',
  red: '#c62828',
  none: '#9e9e9e',
};

/**
 * Looks like MUI's small Chip, but is one plain element with a style made once per light: the list of 5,000
 * projects renders a chip in every row that scrolls into view, and MUI's Chip with its Tooltip (a styled root,
 * a label, a ripple-less button base, a popper) cost about a sixth of each scrolled frame.
 */
const chipStyles = Object.fromEntries(
  (Object.keys(lightColors) as Light[]).map((light): [Light, CSSProperties] => [
    light,
    {
      display: 'inline-flex',
      alignItems: 'center',
      height: 24,
      padding: '0 8px',
      borderRadius: 12,
      fontSize: '0.8125rem',
      fontWeight: 600,
      lineHeight: 1,
      whiteSpace: 'nowrap',
      verticalAlign: 'middle',
      backgroundColor: lightColors[light],
      color: light === 'yellow' ? 'rgba(0,0,0,0.87)' : '#fff',
    },
  ]),
) as Record<Light, CSSProperties>;

/** The class's words, with 人工 when overridden. The app has one language, so i18n's own `t` is enough here. */
function chipLabel(status: StatusClass, overridden: boolean | undefined): string {
  return `${i18n.t(`status:classes.${status}`)}${overridden ? i18n.t('status:overriddenMark') : ''}`;
}

/** A project's class with its light as the chip's colour; the light is also said in words, on hover and for screen readers. */
export function StatusChip({ status, light, overridden }: { status: StatusClass; light: Light; overridden?: boolean }) {
  const label = chipLabel(status, overridden);
  const lightWords = i18n.t(`status:lights.${light}`);
  return (
    <span className="status-chip" role="img" title={lightWords} aria-label={`${label}，${lightWords}`} style={chipStyles[light]}>
      {label}
    </span>
  );
}
