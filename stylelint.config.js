// Colours come from desktop/src/renderer/ui/tokens.css only: every other stylesheet uses its
// custom properties. No shared preset: stylelint-config-standard would reorder rules
// (no-descending-specificity) and reformat every file, which Prettier already owns.
export default {
  rules: {
    'color-no-invalid-hex': true,
    'color-no-hex': true,
    'color-named': 'never',
    'function-disallowed-list': [
      'rgb',
      'rgba',
      'hsl',
      'hsla',
      'hwb',
      'lab',
      'lch',
      'oklab',
      'oklch',
    ],
  },
  overrides: [
    {
      files: ['**/renderer/ui/tokens.css'],
      rules: { 'color-no-hex': null, 'function-disallowed-list': null },
    },
  ],
};
