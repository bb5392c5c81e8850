import {Worker} from 'node:worker_threads';
import type {ArticleSource, RenderedText, RenderOptions} from '../render/article.js';
import {plainArticle} from '../render/plain-article.js';
import type {RenderJob, RenderWorkerData} from './render-worker.js';

export type ArticleLoaderOptions = Omit<RenderOptions, 'width'> & {
	/**
	 * How long one render may take before the post is shown as plain text. Default: 3 s, plus 5 ms
	 * per kilobyte of body over 600 KB (a legitimate 1 MB post takes about half a second on a quiet
	 * machine, several on a busy one), at most 15 s.
	 */
	timeBudgetMs?: number;
	/**
	 * Start the worker this long after the loader is created, before any article is asked for, and
	 * warm its renderer up with small renders while it waits: the first real post then renders with
	 * code V8 has already optimised, in about two thirds of the time it takes cold.
	 */
	warmUpAfterMs?: number;
	/** Rendered articles kept (default 24). */
	cacheSize?: number;
};

/** The default time budget for a body of `length` characters (see `timeBudgetMs`). */
export function defaultTimeBudget(length: number): number {
	return Math.round(Math.min(15_000, Math.max(3000, length / 200)));
}

/**
 * One reader's view of a shared loader (a `serve` session): a new request drops that reader's request
 * still waiting in the queue (the screen shows one article, at one width: what it asked for before is
 * no use any more), so each reader has at most one render waiting; `close` drops it when the reader
 * leaves. A request that never renders never settles.
 */
export type SessionLoader = ((post: ArticleSource, width: number) => Promise<RenderedText>) & {close: () => void};

/** Renders a post at a width off the main thread; `close` stops the worker. */
export type ArticleLoader = ((post: ArticleSource, width: number) => Promise<RenderedText>) & {
	close: () => void;
	/** A view for one reader; readers' renders take turns, so one cannot keep the others waiting. */
	forSession: () => SessionLoader;
	/**
	 * Resolves with the number of warm-up renders once the worker started by `warmUpAfterMs` has done
	 * them (0 at once without `warmUpAfterMs`, and when that worker is lost or the loader closed first).
	 */
	whenWarm: () => Promise<number>;
};

/** `waiters`: the readers that want this render; a job nobody wants any more leaves the queue. */
type Pending = {id: number; key: string; post: ArticleSource; options: RenderOptions; resolve: (article: RenderedText) => void; waiters: Set<number>};

/** The caller of the loader itself (the local browser, `read`): one reader, whose requests all stand. */
const ownCaller = 0;

// A post that makes the renderer run out of memory kills the worker (and shows as plain text), not the app.
const resourceLimits = {maxOldGenerationSizeMb: 1024};

/**
 * Starts the worker. In the bundle its code is `dist/render-worker.js`, while this module may be in
 * `dist/` or in `dist/chunks/`. Under tsx (tests, development) the worker does not inherit tsx's
 * loader, so it registers it before importing the TypeScript entry.
 */
function startWorker(workerData: RenderWorkerData): Worker {
	const here = import.meta.url;
	if (here.endsWith('.ts')) {
		const entry = JSON.stringify(new URL('render-worker.ts', here).href);
		return new Worker(`import('tsx/esm/api').then(api => { api.register(); return import(${entry}); });`, {eval: true, resourceLimits, workerData});
	}

	return new Worker(new URL(here.includes('/chunks/') ? '../render-worker.js' : 'render-worker.js', here), {resourceLimits, workerData});
}

/** Only what the renderer reads: a `Post` also carries paths and warnings the worker does not need. */
function slim(post: ArticleSource): ArticleSource {
	const {title, body, headings, date, updated, tags, description, author, cover, readingMinutes, sources} = post;
	return {title, body, headings: headings.map(({depth, text, id, inferred, line, source}) => ({depth, text, id, inferred, line, source})), date, updated, tags, description, author, cover, readingMinutes, ...(sources?.['description'] ? {sources: {description: sources['description']}} : {})};
}

/**
 * An article loader for the UI: renders in a `worker_threads` worker, one post at a time, so hostile
 * Markdown (marked has had ReDoS and stack-overflow bugs) can never freeze the UI. A render that runs
 * past the time budget, throws, or kills the worker gives the post as plain wrapped text with a
 * one-line notice; the worker is replaced. Results are cached per post object and width (an edited
 * post is a new object), least recently used first out. Marked and highlight.js load only in the worker.
 * Waiting renders are taken in turns by reader (see `forSession`): the next is the one of the reader
 * served longest ago.
 */
export function createArticleLoader(options: ArticleLoaderOptions): ArticleLoader {
	const {timeBudgetMs, warmUpAfterMs, cacheSize = 24, ...renderOptions} = options;
	const budgetFor = (post: ArticleSource) => timeBudgetMs ?? defaultTimeBudget(post.body.length);
	const postIds = new WeakMap<object, number>();
	const cache = new Map<string, Promise<RenderedText>>();
	const queue: Pending[] = [];
	// When each reader last had a render started; the queue is served round-robin by these.
	const served = new Map<number, number>();
	let turns = 0;
	let nextSession = ownCaller + 1;
	let nextId = 1;
	let worker: Worker | undefined;
	let ready = false;
	let current: Pending | undefined;
	let timer: NodeJS.Timeout | undefined;
	let closed = false;
	let warmed!: (steps: number) => void;
	const warm = new Promise<number>(resolve => {
		warmed = resolve;
	});
	if (warmUpAfterMs === undefined) {
		warmed(0);
	}

	const finish = (article: RenderedText) => {
		const job = current;
		current = undefined;
		clearTimeout(timer);
		job?.resolve(article);
		startNext();
	};

	const fallback = (reason: string) => {
		const job = current;
		if (job) {
			finish(plainArticle(job.post, job.options, `Shown as plain text: ${reason}.`));
		}
	};

	const discardWorker = () => {
		warmed(0);
		const old = worker;
		worker = undefined;
		ready = false;
		void old?.terminate();
	};

	const spawn = (warmUp = false): Worker => {
		const created = startWorker(warmUp ? {warmUp: renderOptions} : {});
		created.unref();
		created.on('message', (message: {ready?: boolean; warm?: number; id?: number; article?: RenderedText}) => {
			if (created !== worker) {
				return;
			}

			if (message.warm !== undefined) {
				warmed(message.warm);
			} else if (message.ready) {
				ready = true;
				startNext();
			} else if (message.id !== undefined && message.id === current?.id && message.article) {
				finish(message.article);
			}
		});
		const lost = (reason: string) => {
			if (created !== worker) {
				return;
			}

			const started = ready;
			discardWorker();
			if (started) {
				fallback(reason);
				return;
			}

			// It never started (a missing file, a broken install): every waiting post gets plain text.
			for (const job of queue.splice(0)) {
				job.resolve(plainArticle(job.post, job.options, `Shown as plain text: ${reason}.`));
			}
		};

		created.on('error', error => {
			lost(`rendering failed (${error.message})`);
		});
		created.on('exit', () => {
			lost('the renderer stopped');
		});
		return created;
	};

	/** The queued job whose readers were served longest ago (the first queued among equals). */
	function nextTurn(): number {
		let best = 0;
		let bestTurn = Number.POSITIVE_INFINITY;
		for (const [index, job] of queue.entries()) {
			let turn = Number.POSITIVE_INFINITY;
			for (const waiter of job.waiters) {
				turn = Math.min(turn, served.get(waiter) ?? 0);
			}

			if (turn < bestTurn) {
				best = index;
				bestTurn = turn;
			}
		}

		return best;
	}

	/** `session` no longer wants the queued jobs `keep` is not: jobs nobody wants leave the queue and the cache. */
	function withdraw(session: number, keep?: Pending): void {
		for (let index = queue.length - 1; index >= 0; index--) {
			const job = queue[index]!;
			if (job === keep || !job.waiters.delete(session) || job.waiters.size > 0) {
				continue;
			}

			queue.splice(index, 1);
			cache.delete(job.key);
		}
	}

	function startNext(): void {
		if (closed || current || queue.length === 0) {
			return;
		}

		worker ??= spawn();
		if (!ready) {
			return;
		}

		current = queue.splice(nextTurn(), 1)[0]!;
		for (const waiter of current.waiters) {
			served.set(waiter, ++turns);
		}

		const job: RenderJob = {id: current.id, post: slim(current.post), options: current.options};
		worker.postMessage(job);
		const budget = budgetFor(current.post);
		timer = setTimeout(() => {
			discardWorker();
			fallback(`rendering took longer than ${Math.round(budget / 100) / 10} s`);
		}, budget);
		timer.unref();
	}

	const load = (post: ArticleSource, width: number, session = ownCaller): Promise<RenderedText> => {
		let postId = postIds.get(post);
		if (postId === undefined) {
			postId = nextId++;
			postIds.set(post, postId);
		}

		const key = `${postId}:${width}`;
		const cached = cache.get(key);
		if (cached) {
			cache.delete(key);
			cache.set(key, cached);
			const queued = queue.find(job => job.key === key);
			queued?.waiters.add(session);
			if (session !== ownCaller) {
				withdraw(session, queued);
			}

			return cached;
		}

		let job!: Pending;
		const promise = new Promise<RenderedText>(resolve => {
			job = {id: nextId++, key, post, options: {...renderOptions, width}, resolve, waiters: new Set([session])};
		});
		if (session !== ownCaller) {
			withdraw(session);
		}

		queue.push(job);
		cache.set(key, promise);
		if (cache.size > cacheSize) {
			cache.delete(cache.keys().next().value!);
		}

		startNext();
		return promise;
	};

	const forSession = (): SessionLoader => {
		const session = nextSession++;
		return Object.assign((post: ArticleSource, width: number) => load(post, width, session), {
			close() {
				withdraw(session);
				served.delete(session);
			},
		});
	};

	const warmUp = warmUpAfterMs === undefined ? undefined : setTimeout(() => {
		if (closed || worker) {
			warmed(0);
			return;
		}

		worker = spawn(true);
	}, warmUpAfterMs);
	warmUp?.unref();

	return Object.assign((post: ArticleSource, width: number) => load(post, width), {
		forSession,
		whenWarm: () => warm,
		close() {
			closed = true;
			clearTimeout(warmUp);
			clearTimeout(timer);
			discardWorker();
		},
	});
}
