// This package's tests run with the settings every package shares.
export { default } from '../../vitest.shared.ts';
