import coreWebVitals from 'eslint-config-next/core-web-vitals';
import typescript from 'eslint-config-next/typescript';

const config = [
  ...coreWebVitals,
  ...typescript,
  {
    files: ['app/**/*.tsx', 'components/**/*.tsx'],
    rules: {
      // Every page is dynamic and per viewer, with no loading boundary: a prefetch buys nothing a
      // click would not, yet each visible link cost the browser two RSC requests and the server two
      // authenticated renders (the header alone: 8 of a page's 19 requests, a third of its script time).
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXOpeningElement[name.name='Link']:not(:has(JSXAttribute[name.name='prefetch']))",
          message: 'Say next/link\'s prefetch explicitly: prefetch={false} unless the target has a static part worth fetching early.',
        },
      ],
    },
  },
  {
    ignores: ['.next/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.data/**', 'next-env.d.ts', 'drizzle/**'],
  },
];

export default config;
