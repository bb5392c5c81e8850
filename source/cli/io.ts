/** The process streams and environment a command runs with (`process`, or a stand-in in tests). */
export type Io = {
	stdout: NodeJS.WritableStream & {isTTY?: boolean; columns?: number};
	stderr: NodeJS.WritableStream;
	env: NodeJS.ProcessEnv;
	cwd: string;
};
