// @ts-check
import eslint from '@eslint/js';
import angular from 'angular-eslint';
import tseslint from 'typescript-eslint';

// Import boundaries (see ARCHITECTURE.md). Each is a `no-restricted-imports` pattern; ESLint does not
// merge one rule's options across config objects, so every file group below lists all that apply.

/** The shared contract runs in the browser and the server: zod and its own files, nothing else. */
const sharedImportsOnlyZod = {
  regex: '^(?!zod(/|$)|\\.{1,2}/)',
  message: 'shared/ imports only zod and its own files: it is the contract both sides compile.',
};
/** The web app talks to the backend over HTTP only; the types both use live in shared/. */
const webNeverImportsBackend = {
  regex: '(^|/)backend(/|$)|^@tyoelama/backend|^@nestjs/|^typeorm$|^pg$',
  message: 'The frontend never imports backend code: put what both sides need in @tyoelama/shared.',
};
/**
 * A backend feature uses another only through its index.ts; infrastructure folders are open, and
 * so is backend/test (specs import their harness from there).
 */
const INFRASTRUCTURE = '(database|http|cache|config)/';
const backendFeatureFromFolder = {
  regex: `^\\.\\./(?!${INFRASTRUCTURE})[^./][^/]*/`,
  message: "Import another feature through its index ('../employers'), and export what you need from that index.ts.",
};
const backendFeatureFromRoot = {
  regex: `^\\./(?!${INFRASTRUCTURE})[^./][^/]*/`,
  message: "Import a feature through its index ('./employers').",
};
/**
 * Frontend features: core/, ui/ and testing/ are open; of another feature only its API service
 * (`*-api.ts`) and the components it offers for reuse, named here, may be imported. Specs may
 * compose anything.
 */
const WEB_PUBLIC_FILES = [
  '[^/]+/[^/]+-api',
  'employers/employer-field',
  'contact-entries/log-contact-launcher',
  'search/search-launcher',
  'contact-persons/contact-persons',
  'timeline/employer-timeline',
  'follow-ups/follow-up-row',
  'follow-ups/employer-follow-ups',
  'employer-journey/employer-journey',
  'workplace-learning/employer-workplace-learning',
];
const webFeatureDeepImport = {
  // Any depth of `../` (ui/form/ sits one level deeper), all of it consumed before the folder is checked.
  regex: `^(\\.\\./)+(?!\\.\\./)(?!(core|ui|testing)/)(?!(${WEB_PUBLIC_FILES.join('|')})$)[^/]+/`,
  message:
    "Use another feature's API service or a component listed in WEB_PUBLIC_FILES (eslint.config.mjs), or move the shared piece to core/ or ui/.",
};

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/dist-tools/**',
      '**/node_modules/**',
      '**/.angular/**',
      '**/coverage/**',
      '**/*.js',
      '**/*.mjs',
      'e2e/test-results/**',
    ],
  },
  {
    files: ['**/*.ts'],
    extends: [eslint.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Raw SQL results arrive as `any` from the driver and are typed by the row interfaces at the
      // call site; flagging every access would bury the useful findings.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // Nest modules are classes with decorators only.
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  {
    files: ['frontend/src/**/*.ts'],
    extends: [...angular.configs.tsRecommended],
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/prefer-on-push-component-change-detection': 'error',
    },
  },
  {
    files: ['frontend/src/**/*.html'],
    extends: [...angular.configs.templateRecommended, ...angular.configs.templateAccessibility],
  },
  {
    files: ['shared/src/**/*.ts'],
    ignores: ['shared/src/**/*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [sharedImportsOnlyZod] }] },
  },
  {
    files: ['frontend/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [webNeverImportsBackend] }] },
  },
  {
    files: ['frontend/src/app/*/**/*.ts'],
    ignores: ['frontend/src/**/*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [webNeverImportsBackend, webFeatureDeepImport] }] },
  },
  {
    files: ['backend/src/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [backendFeatureFromRoot] }] },
  },
  {
    files: ['backend/src/*/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [backendFeatureFromFolder] }] },
  },
  // Tests last, so their relaxations win over the feature rules above.
  {
    files: ['**/*.spec.ts', 'backend/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-floating-promises': 'off',
      '@angular-eslint/prefer-on-push-component-change-detection': 'off',
    },
  },
);
