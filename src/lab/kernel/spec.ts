/**
 * The kernel a tutorial's notebook starts with, among the kernels this Jupyter has.
 *
 * A tutorial names a kernel spec (`kernel: python3`, the default, is what ipykernel
 * installs). Where no spec has that name but one runs the same language, that one is used:
 * JupyterLite's Pyodide kernel is named `python`, and a tutorial written for `python3`
 * should get it rather than a "Select Kernel" dialog before the first step. Where no
 * spec runs the language either, the tutorial's name stays, and JupyterLab asks the
 * learner to choose, as for any notebook whose kernel is missing.
 */
import { kernelLanguage } from '../../format/index.js';
import type { KernelSpec } from '@jupyterlab/services';

/** The parts of JupyterLab's kernel spec manager this reads. */
export interface KernelSpecSource {
  readonly ready: Promise<void>;
  readonly specs: KernelSpec.ISpecModels | null;
}

/** The spec to start for `wanted`: itself when present, else the default or first one of its language. */
export function matchKernelSpec(wanted: string, specs: KernelSpec.ISpecModels | null): string {
  if (!specs || specs.kernelspecs[wanted]) {
    return wanted;
  }
  const language = kernelLanguage(wanted).toLowerCase();
  const sameLanguage = Object.values(specs.kernelspecs)
    .filter((spec): spec is KernelSpec.ISpecModel => spec?.language?.toLowerCase() === language)
    .map(spec => spec.name)
    .sort();
  if (sameLanguage.includes(specs.default)) {
    return specs.default;
  }
  return sameLanguage[0] ?? wanted;
}

/**
 * `matchKernelSpec` once the manager has its specs. Specs that cannot be fetched leave
 * the tutorial's own name: opening the tutorial never fails over it.
 */
export async function kernelNameFor(wanted: string, source: KernelSpecSource | null | undefined): Promise<string> {
  if (!source) {
    return wanted;
  }
  try {
    await source.ready;
  } catch {
    return wanted;
  }
  return matchKernelSpec(wanted, source.specs);
}
