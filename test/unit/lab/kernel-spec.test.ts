import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KernelSpec } from '@jupyterlab/services';
import { kernelNameFor, matchKernelSpec } from '../../../src/lab/kernel/spec.js';

function specs(defaultName: string, ...entries: Array<[name: string, language: string]>): KernelSpec.ISpecModels {
  const kernelspecs: Record<string, KernelSpec.ISpecModel> = {};
  for (const [name, language] of entries) {
    kernelspecs[name] = { name, language, argv: [], display_name: name, resources: {} };
  }
  return { default: defaultName, kernelspecs };
}

/** JupyterLite with the Pyodide kernel: one spec, `python`. */
const LITE = specs('python', ['python', 'python']);

test('a kernel the tutorial names is used when this Jupyter has it', () => {
  assert.equal(matchKernelSpec('python3', specs('python3', ['python3', 'python'], ['ir', 'R'])), 'python3');
  assert.equal(matchKernelSpec('ir', specs('python3', ['python3', 'python'], ['ir', 'R'])), 'ir');
});

test('a python3 tutorial gets the Pyodide kernel, named python, in JupyterLite', () => {
  assert.equal(matchKernelSpec('python3', LITE), 'python');
});

test('among kernels of the same language the default one is preferred, else the first by name', () => {
  const two = specs('xpython', ['xpython', 'python'], ['python', 'python']);
  assert.equal(matchKernelSpec('python3', two), 'xpython');
  assert.equal(matchKernelSpec('python3', { ...two, default: 'ir' }), 'python');
});

test('with no kernel of its language, or no specs at all, the tutorial keeps its own kernel name', () => {
  assert.equal(matchKernelSpec('julia-1.10', LITE), 'julia-1.10');
  assert.equal(matchKernelSpec('python3', specs('ir', ['ir', 'R'])), 'python3');
  assert.equal(matchKernelSpec('python3', null), 'python3');
});

test('kernel specs that cannot be fetched leave the name as it is, without an error', async () => {
  const failing = { ready: Promise.reject(new Error('no server')), specs: null };
  assert.equal(await kernelNameFor('python3', failing), 'python3');
  assert.equal(await kernelNameFor('python3', null), 'python3');
  assert.equal(await kernelNameFor('python3', { ready: Promise.resolve(), specs: LITE }), 'python');
});
