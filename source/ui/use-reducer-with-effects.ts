import {useEffect, useReducer} from 'react';

type Step<State, Effect> = {state: State; effect?: Effect};

/**
 * A reducer whose keys may also ask for side effects (open, quit). Effects are queued in state and
 * run after render, so a batch of keys (`jj\r`) sees each key's result before the next.
 */
export function useReducerWithEffects<State, Action, Effect>(
	reduce: (state: State, action: Action) => Step<State, Effect>,
	initial: State,
	run: (effect: Effect) => void,
): [State, (action: Action) => void] {
	const [{state, effects}, dispatch] = useReducer(
		(current: {state: State; effects: Effect[]}, action: Action) => {
			const next = reduce(current.state, action);
			if (next.state === current.state && next.effect === undefined) {
				return current;
			}

			return {state: next.state, effects: next.effect === undefined ? current.effects : [...current.effects, next.effect]};
		},
		{state: initial, effects: []},
	);
	useEffect(() => {
		if (effects.length === 0) {
			return;
		}

		effects.splice(0).forEach(effect => {
			run(effect);
		});
	});
	return [state, dispatch];
}
