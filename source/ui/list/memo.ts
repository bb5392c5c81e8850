/**
 * Remembers a few results per library object. A reload makes a new library, so its old results
 * go with it; within one library, moving the cursor must not re-sort or re-filter 10,000 posts.
 */
export function memoPerObject<Owner extends object, Value>(compute: (owner: Owner, key: string) => Value, size = 8): (owner: Owner, key: string) => Value {
	const caches = new WeakMap<Owner, Map<string, Value>>();
	return (owner, key) => {
		let cache = caches.get(owner);
		if (!cache) {
			cache = new Map();
			caches.set(owner, cache);
		}

		if (cache.has(key)) {
			return cache.get(key)!;
		}

		const value = compute(owner, key);
		if (cache.size >= size) {
			cache.delete(cache.keys().next().value!);
		}

		cache.set(key, value);
		return value;
	};
}
