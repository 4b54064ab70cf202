import type { ClassScheme, ScaleScheme } from './types';

// R1 built-in class schemes. Users may copy and edit them; a workbook stores the schemes it uses.
export const WIPO_CONVENTION: ClassScheme = {
  id: 'wipo-convention',
  name: 'WIPO Convention, Art. 11(4)(b)',
  kind: 'classes',
  classes: [
    { code: 'A', units: '10' },
    { code: 'B', units: '3' },
    { code: 'C', units: '1' },
  ],
};

export const PARIS: ClassScheme = {
  id: 'paris',
  name: 'Paris Convention, Art. 16(4)(a)',
  kind: 'classes',
  classes: [
    { code: 'I', units: '25' },
    { code: 'II', units: '20' },
    { code: 'III', units: '15' },
    { code: 'IV', units: '10' },
    { code: 'V', units: '5' },
    { code: 'VI', units: '3' },
    { code: 'VII', units: '1' },
  ],
};

// Follows WIPO practice since 1994; editable data, not law.
export const WIPO_UNITARY: ClassScheme = {
  id: 'wipo-unitary',
  name: 'WIPO unitary contribution system',
  kind: 'classes',
  classes: [
    { code: 'I', units: '25' },
    { code: 'II', units: '20' },
    { code: 'III', units: '15' },
    { code: 'IV', units: '10' },
    { code: 'IVbis', units: '7.5' },
    { code: 'V', units: '5' },
    { code: 'VI', units: '3' },
    { code: 'VIbis', units: '2' },
    { code: 'VII', units: '1' },
    { code: 'VIII', units: '0.5' },
    { code: 'IX', units: '0.25' },
    { code: 'S', units: '0.125' },
    { code: 'Sbis', units: '0.0625' },
    { code: 'Ster', units: '0.03125' },
  ],
};

/** R2 a scale: each member carries its own weight. */
export const SCALE: ScaleScheme = { id: 'scale', name: 'Scale (own weight per member)', kind: 'scale' };

/** R21–R23 a scale of percentage rates entered by hand: a sum other than 100 is shown with a warning. */
export const PERCENT_SCALE: ScaleScheme = {
  id: 'percent-scale',
  name: 'Scale of assessment (rates in %)',
  kind: 'scale',
  percent: true,
};

export const BUILT_IN_SCHEMES: readonly (ClassScheme | ScaleScheme)[] = [
  WIPO_CONVENTION,
  PARIS,
  WIPO_UNITARY,
  SCALE,
  PERCENT_SCALE,
];

export function builtInScheme(id: string): ClassScheme | ScaleScheme | undefined {
  return BUILT_IN_SCHEMES.find((s) => s.id === id);
}
