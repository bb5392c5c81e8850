import {parentPort} from 'node:worker_threads';
import type {ArticleSource, RenderOptions} from './article.js';
import {renderArticle} from './render-article.js';

/** A render request from the article loader. */
export type RenderJob = {id: number; post: ArticleSource; options: RenderOptions};

// The loader starts a job's time budget only once the worker has loaded marked and highlight.js.
parentPort?.postMessage({ready: true});
parentPort?.on('message', (job: RenderJob) => {
	parentPort?.postMessage({id: job.id, article: renderArticle(job.post, job.options)});
});
