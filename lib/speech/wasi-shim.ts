/**
 * A minimal WASI (preview1) host in JavaScript for running a command module like Flite: arguments,
 * stdout/stderr captured as text, and one preopened directory backed by memory (no real files are
 * touched, nothing is left behind). The clock is fixed, so runs are deterministic.
 *
 * Why not node:wasi: on Node 20 it crashes the whole process (SIGSEGV) now and then when one compiled
 * module is instantiated repeatedly (nodejs/node#52402); Flite hits that within a few dozen lines. This
 * host reads the module's memory afresh on every call, so memory growth is safe.
 */

const ERRNO = { SUCCESS: 0, BADF: 8, INVAL: 28, NOENT: 44, NOSYS: 52, SPIPE: 70 } as const;
const FILETYPE = { CHARACTER_DEVICE: 2, DIRECTORY: 3, REGULAR_FILE: 4 } as const;
const OFLAGS = { CREAT: 1, DIRECTORY: 2, EXCL: 4, TRUNC: 8 } as const;
const PREOPEN_FD = 3;

class ProcExit {
  constructor(readonly code: number) {}
}

interface OpenFile {
  name: string;
  position: number;
}

export interface WasiRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Files the program wrote in its preopened directory, by name. */
  files: Map<string, Uint8Array>;
}

/** A growable byte buffer for an in-memory file. */
class MemFile {
  bytes = new Uint8Array(0);
  length = 0;
  write(at: number, data: Uint8Array): void {
    const end = at + data.length;
    if (end > this.bytes.length) {
      const grown = new Uint8Array(Math.max(end, this.bytes.length * 2, 4096));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    this.bytes.set(data, at);
    this.length = Math.max(this.length, end);
  }
  content(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/**
 * Run a WASI command module to completion. `dir` is the name of the one preopened directory
 * (e.g. "/out"); files opened under it live in memory and are returned.
 */
export async function runWasiCommand(module: WebAssembly.Module, args: string[], dir = "/out", inputFiles: Record<string, Uint8Array> = {}): Promise<WasiRun> {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const argBytes = args.map((a) => encoder.encode(`${a}\u0000`));
  const dirName = encoder.encode(dir);
  const store = new Map<string, MemFile>();
  for (const [name, data] of Object.entries(inputFiles)) {
    const f = new MemFile();
    f.write(0, data);
    store.set(name, f);
  }
  const open = new Map<number, OpenFile>();
  let nextFd = PREOPEN_FD + 1;
  const stdout: Uint8Array[] = [];
  const stderr: Uint8Array[] = [];
  let memory: WebAssembly.Memory | undefined;
  const view = () => new DataView(memory!.buffer);
  const bytes = () => new Uint8Array(memory!.buffer);

  const iovecs = (iovs: number, count: number): { ptr: number; len: number }[] => {
    const v = view();
    const out: { ptr: number; len: number }[] = [];
    for (let i = 0; i < count; i++) out.push({ ptr: v.getUint32(iovs + i * 8, true), len: v.getUint32(iovs + i * 8 + 4, true) });
    return out;
  };

  const imports = {
    args_sizes_get(argcPtr: number, bufSizePtr: number): number {
      const v = view();
      v.setUint32(argcPtr, argBytes.length, true);
      v.setUint32(bufSizePtr, argBytes.reduce((s, a) => s + a.length, 0), true);
      return ERRNO.SUCCESS;
    },
    args_get(argvPtr: number, bufPtr: number): number {
      const v = view();
      const b = bytes();
      let at = bufPtr;
      argBytes.forEach((a, i) => {
        v.setUint32(argvPtr + i * 4, at, true);
        b.set(a, at);
        at += a.length;
      });
      return ERRNO.SUCCESS;
    },
    clock_time_get(_id: number, _precision: bigint, timePtr: number): number {
      view().setBigUint64(timePtr, 0n, true);
      return ERRNO.SUCCESS;
    },
    fd_close(fd: number): number {
      if (fd <= PREOPEN_FD) return ERRNO.SUCCESS;
      return open.delete(fd) ? ERRNO.SUCCESS : ERRNO.BADF;
    },
    fd_fdstat_get(fd: number, ptr: number): number {
      const type = fd <= 2 ? FILETYPE.CHARACTER_DEVICE : fd === PREOPEN_FD ? FILETYPE.DIRECTORY : open.has(fd) ? FILETYPE.REGULAR_FILE : 0;
      if (!type) return ERRNO.BADF;
      const v = view();
      v.setUint8(ptr, type);
      v.setUint16(ptr + 2, 0, true);
      v.setBigUint64(ptr + 8, 0xffffffffffffffffn, true);
      v.setBigUint64(ptr + 16, 0xffffffffffffffffn, true);
      return ERRNO.SUCCESS;
    },
    fd_fdstat_set_flags(): number {
      return ERRNO.SUCCESS;
    },
    fd_prestat_get(fd: number, ptr: number): number {
      if (fd !== PREOPEN_FD) return ERRNO.BADF;
      const v = view();
      v.setUint8(ptr, 0);
      v.setUint32(ptr + 4, dirName.length, true);
      return ERRNO.SUCCESS;
    },
    fd_prestat_dir_name(fd: number, ptr: number, len: number): number {
      if (fd !== PREOPEN_FD) return ERRNO.BADF;
      bytes().set(dirName.subarray(0, len), ptr);
      return ERRNO.SUCCESS;
    },
    fd_read(fd: number, iovs: number, count: number, nreadPtr: number): number {
      let total = 0;
      const file = open.get(fd);
      if (fd !== 0 && !file) return ERRNO.BADF;
      if (file) {
        const data = store.get(file.name)!;
        const b = bytes();
        for (const { ptr, len } of iovecs(iovs, count)) {
          const n = Math.max(0, Math.min(len, data.length - file.position));
          b.set(data.bytes.subarray(file.position, file.position + n), ptr);
          file.position += n;
          total += n;
          if (n < len) break;
        }
      }
      view().setUint32(nreadPtr, total, true);
      return ERRNO.SUCCESS;
    },
    fd_seek(fd: number, offset: bigint, whence: number, newPtr: number): number {
      const file = open.get(fd);
      if (!file) return fd <= 2 ? ERRNO.SPIPE : ERRNO.BADF;
      const size = store.get(file.name)!.length;
      const base = whence === 0 ? 0 : whence === 1 ? file.position : whence === 2 ? size : -1;
      const next = base + Number(offset);
      if (base < 0 || next < 0) return ERRNO.INVAL;
      file.position = next;
      view().setBigUint64(newPtr, BigInt(next), true);
      return ERRNO.SUCCESS;
    },
    fd_write(fd: number, iovs: number, count: number, nwrittenPtr: number): number {
      let total = 0;
      const file = open.get(fd);
      if (fd !== 1 && fd !== 2 && !file) return ERRNO.BADF;
      for (const { ptr, len } of iovecs(iovs, count)) {
        const chunk = bytes().slice(ptr, ptr + len);
        if (fd === 1) stdout.push(chunk);
        else if (fd === 2) stderr.push(chunk);
        else {
          store.get(file!.name)!.write(file!.position, chunk);
          file!.position += len;
        }
        total += len;
      }
      view().setUint32(nwrittenPtr, total, true);
      return ERRNO.SUCCESS;
    },
    path_open(dirFd: number, _dirFlags: number, pathPtr: number, pathLen: number, oflags: number, _rightsBase: bigint, _rightsInheriting: bigint, _fdFlags: number, fdPtr: number): number {
      if (dirFd !== PREOPEN_FD) return ERRNO.BADF;
      const name = decoder.decode(bytes().slice(pathPtr, pathPtr + pathLen)).replace(/^\.?\/+/, "");
      if (!name || name.includes("/") || name === "." || name === "..") return ERRNO.NOENT;
      if (oflags & OFLAGS.DIRECTORY) return ERRNO.NOSYS;
      let file = store.get(name);
      if (file && oflags & OFLAGS.EXCL && oflags & OFLAGS.CREAT) return ERRNO.INVAL;
      if (!file) {
        if (!(oflags & OFLAGS.CREAT)) return ERRNO.NOENT;
        file = new MemFile();
        store.set(name, file);
      }
      if (oflags & OFLAGS.TRUNC) file.length = 0;
      const fd = nextFd++;
      open.set(fd, { name, position: 0 });
      view().setUint32(fdPtr, fd, true);
      return ERRNO.SUCCESS;
    },
    proc_exit(code: number): never {
      throw new ProcExit(code);
    },
  };

  const instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: imports });
  memory = instance.exports.memory as WebAssembly.Memory;
  let exitCode = 0;
  try {
    (instance.exports._start as () => void)();
  } catch (error) {
    if (error instanceof ProcExit) exitCode = error.code;
    else throw error;
  }
  const join = (parts: Uint8Array[]) => decoder.decode(Buffer.concat(parts));
  const files = new Map<string, Uint8Array>();
  for (const [name, f] of store) files.set(name, f.content());
  return { exitCode, stdout: join(stdout), stderr: join(stderr), files };
}
