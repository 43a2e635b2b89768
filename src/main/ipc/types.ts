/** What a handler is and what it receives: one place for main, the dev server and the tests. */
import type {
  CallName,
  CallOutput,
  CoreCallName,
  EventName,
  Events,
  ParsedInput,
  ShellCallName,
} from '../../shared/contract.js';
import type { SigningKeyStore } from '../archive/signing/keys.js';
import type { JobRegistry } from './jobs.js';
import type { ArchiveSession } from './session.js';

/** Sends an event to the renderer (IPC in Electron, Server-Sent Events in the dev server). */
export type Emit = <E extends EventName>(event: E, payload: Events[E]) => void;

/** Where the app keeps the user's signing key and trusted keys (the shell's; none in the dev server: bundles go unsigned). */
export interface SigningService {
  /** The key store to sign with, and a warning when it is weaker than the OS keychain. */
  keyStore(): Promise<{ store: SigningKeyStore; warning: string | null }>;
  readonly trustFile: string;
}

export interface HandlerContext {
  readonly session: ArchiveSession;
  readonly signing?: SigningService;
  readonly jobs: JobRegistry;
  readonly emit: Emit;
  /** Aborted when a long call's job is cancelled; never aborted for other calls. */
  readonly signal: AbortSignal;
}

/** A handler gets the validated input; what it throws becomes a structured error. */
export type Handler<N extends CallName> = (input: ParsedInput<N>, context: HandlerContext) => Promise<CallOutput<N>>;

export type HandlersFor<N extends CallName> = { [K in N]: Handler<K> };

/** The core's handlers: a call in the contract without its handler here fails to compile. */
export type CoreHandlers = HandlersFor<CoreCallName>;
/** The Electron shell's handlers (dialogs); the dev server answers these with 'unsupported'. */
export type ShellHandlers = HandlersFor<ShellCallName>;
export type HandlerTable = CoreHandlers & ShellHandlers;
