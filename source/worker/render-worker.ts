import {parentPort, workerData} from 'node:worker_threads';
import type {ArticleSource, RenderOptions} from '../render/article.js';
import {renderArticle} from '../render/render-article.js';
import {loadLanguageModules} from './language-modules.js';
import {tuneEngine} from './tune-engine.js';
import {warmUpStep, warmUpSteps} from './warm-up.js';

/** A render request from the article loader. */
export type RenderJob = {id: number; post: ArticleSource; options: RenderOptions};

/** Set by the loader when it starts the worker ahead of need: warm the renderer up with these options. */
export type RenderWorkerData = {warmUp?: Omit<RenderOptions, 'width'>};

tuneEngine();
loadLanguageModules();
// The loader starts a job's time budget only once the worker has loaded marked and highlight.js.
parentPort?.postMessage({ready: true});
parentPort?.on('message', (job: RenderJob) => {
	parentPort?.postMessage({id: job.id, article: renderArticle(job.post, job.options)});
});

const warmUp = (workerData as RenderWorkerData | undefined)?.warmUp;
if (warmUp) {
	// One small render per turn of the event loop: a job that arrives meanwhile waits for one step
	// (a few milliseconds), never for the whole warm-up.
	let step = 0;
	const next = () => {
		if (step === warmUpSteps) {
			parentPort?.postMessage({warm: step});
			return;
		}

		warmUpStep(step++, warmUp);
		setImmediate(next);
	};

	setImmediate(next);
}
