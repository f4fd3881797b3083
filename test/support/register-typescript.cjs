// Lets a plain `node` process run the TypeScript sources the way Jest does: the same swc
// options (read from package.json) and the same `#libs/*` mapping onto the sources.
const Module = require('node:module');
const path = require('node:path');
const { addHook } = require('pirates');
const { transformSync } = require('@swc/core');
const { jest } = require('../../package.json');

const root = path.resolve(__dirname, '../..');
const [, swcOptions] = Object.values(jest.transform)[0];

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const library = /^#libs\/(.+)$/.exec(request);
  return resolveFilename.call(this, library ? path.join(root, 'libs', library[1], 'index.ts') : request, ...rest);
};

addHook((code, filename) => transformSync(code, { ...swcOptions, filename }).code, { exts: ['.ts'] });
