import { defineConfig } from 'vitest/config';

// `npm run test:slurm`: the real single-node Slurm cluster test (needs root; CI runs as root).
export default defineConfig({
  test: {
    include: ['tests/slurm/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
