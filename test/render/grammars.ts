import {loadLanguageModules} from '../../source/worker/language-modules.js';

// As the render worker and `read` do: the renderer loads each highlight.js grammar when a fence first names it.
loadLanguageModules();
