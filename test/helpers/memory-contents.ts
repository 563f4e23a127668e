/**
 * A folder tree held in memory that answers as Jupyter's contents API does
 * (404 for a missing file, 400 for a notebook it cannot read, 409 for a
 * rename onto an existing file): for the unit tests of the files the lab
 * makes without ever writing over one.
 */
import type { NotebookContents } from '../../src/lab/notebook/files.js';

/** `run`'s result, or its throw as a rejection: the contents manager's methods answer asynchronously. */
export function settle<T>(run: () => T): Promise<T> {
  return new Promise(resolve => resolve(run()));
}

export function httpError(status: number, message: string): Error {
  return Object.assign(new Error(message), { response: { status } });
}

function parent(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}

/** A folder tree held in memory; `files` maps a path to its text, `dirs` lists the folders. */
export class MemoryContents {
  readonly files = new Map<string, string>();
  readonly dirs = new Set<string>(['']);
  /** Paths the server was asked to write or rename onto, in order. */
  readonly written: string[] = [];
  failListing = false;
  readonly failReading = new Set<string>();
  /** Runs just before a rename, e.g. to make a file appear at its target. */
  beforeRename: ((from: string, to: string) => void) | undefined;

  constructor(files: Record<string, string> = {}) {
    for (const [path, text] of Object.entries(files)) {
      this.files.set(path, text);
      for (let dir = parent(path); dir; dir = parent(dir)) this.dirs.add(dir);
    }
  }

  get api(): NotebookContents {
    return this as unknown as NotebookContents;
  }

  get(path: string, options: { type?: string } = {}): Promise<{ path: string; content: unknown }> {
    return settle(() => {
      if (this.dirs.has(path)) {
        if (options.type !== 'directory') throw httpError(400, `${path} is a directory`);
        if (this.failListing) throw httpError(500, 'Internal Server Error');
        const names = [...this.files.keys()]
          .filter(file => parent(file) === path)
          .map(file => ({ name: file.slice(path ? path.length + 1 : 0), type: 'notebook' }));
        const dirs = [...this.dirs]
          .filter(dir => dir && parent(dir) === path)
          .map(dir => ({ name: dir.slice(path ? path.length + 1 : 0), type: 'directory' }));
        return { path, content: [...names, ...dirs] };
      }
      const text = this.files.get(path);
      if (text === undefined) throw httpError(404, `No such file or directory: ${path}`);
      if (this.failReading.has(path)) throw httpError(500, 'Internal Server Error');
      try {
        return { path, content: JSON.parse(text) as unknown };
      } catch (error) {
        throw httpError(400, `Unreadable Notebook: ${path} ${String(error)}`);
      }
    });
  }

  newUntitled(options: { path?: string } = {}): Promise<{ path: string }> {
    return settle(() => {
      const dir = options.path ?? '';
      let path: string;
      for (let n = 0; ; n++) {
        path = `${dir ? `${dir}/` : ''}Untitled${n === 0 ? '' : n}.ipynb`;
        if (!this.files.has(path)) break;
      }
      this.write(path, '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}');
      return { path };
    });
  }

  save(path: string, options: { content?: unknown } = {}): Promise<{ path: string }> {
    return settle(() => {
      this.write(path, JSON.stringify(options.content));
      return { path };
    });
  }

  rename(from: string, to: string): Promise<{ path: string }> {
    return settle(() => {
      this.beforeRename?.(from, to);
      if (this.files.has(to) || this.dirs.has(to)) throw httpError(409, `File already exists: ${to}`);
      const text = this.files.get(from);
      if (text === undefined) throw httpError(404, `No such file: ${from}`);
      this.files.delete(from);
      this.write(to, text);
      return { path: to };
    });
  }

  delete(path: string): Promise<void> {
    return settle(() => {
      this.files.delete(path);
    });
  }

  private write(path: string, text: string): void {
    this.written.push(path);
    this.files.set(path, text);
  }
}
