import wrapAnsi from 'wrap-ansi';
import {type KeyHelp, listKeys} from '../ui/list/list-keys.js';
import {configKeys, flagHelp} from './options-schema.js';

const keyColumn = 30;

/** Key rows as `  keys   what they do`, descriptions wrapped under themselves within 80 columns. */
function keyRows(keys: readonly KeyHelp[]): string {
	return keys.map(({keys: names, does}) => {
		const [first = '', ...rest] = wrapAnsi(does, 80 - keyColumn, {hard: true}).split('\n');
		return [`  ${names.padEnd(keyColumn - 2)}${first}`, ...rest.map(line => ' '.repeat(keyColumn) + line)].join('\n');
	}).join('\n');
}

/** `blog-tui --help`: every command, flag and key, with examples, within 80 columns. */
export const helpText = `blog-tui — browse and read a folder of Markdown blog posts in the terminal

Usage
  blog-tui [path|url…]        the full-screen browser (prints the list when
                              output is not a terminal)
  blog-tui list [path|url…]   print the posts as a table, or as JSON
  blog-tui read <slug|file|url>
                              print one post: styled on a terminal, plain
                              text when piped
  blog-tui serve [path|url…]  let readers browse the posts over SSH
  blog-tui config             the settings in effect, and where each came from
  blog-tui help               this text

  path  a folder (searched recursively) or one post file; default ./posts
        when it exists, else the bundled guide
  url   an http(s) feed (RSS, Atom, JSON Feed), a site that announces one,
        or one post (Markdown or an article page); the last copy is kept
        under $XDG_CACHE_HOME/blog-tui for reading offline. Several paths
        and urls are read as one blog

Options for every command
${flagHelp('every').join('\n')}

the browser (blog-tui [path])
${flagHelp('browser').join('\n')}

list
${flagHelp('list').join('\n')}

read
  <slug|file>                 a slug (any case), a path inside the folder,
                              a Markdown file, or - for standard input
${flagHelp('read').join('\n')}

serve
${flagHelp('serve').join('\n')}

config
${keyRows([
	{keys: 'blog-tui config', does: 'print every setting, and whether it came from a flag, the config file (and its line) or the default'},
	{keys: 'keys of config.toml', does: `${configKeys().join(', ')} (quit = "back": q in an article goes back to the list)`},
])}

Keys in the list
${keyRows(listKeys.list)}
  ?                           help for the screen you are on

Keys while filtering (/)
${keyRows(listKeys.filter)}

Keys in the tag browser (#)
${keyRows(listKeys.tags)}

Keys in full-text search (F)
${keyRows(listKeys.search)}

Keys while reading
  ↑ ↓  j k  ctrl-e ctrl-y     a line        space f PgDn  b PgUp  a page
  d u                         half a page   g Home  G End  top, bottom
  N%  :N enter  Ng            N percent of the way, line N (as in less; a
                              count before j k moves that many lines)
  t                           jump to a heading (type to narrow, enter)
  ] [                         next, previous heading
  tab  shift-tab              move between links; enter follows one (a web
                              link opens in the browser; not over serve)
  /                           search the article; n N next, previous match
  o                           outline beside the text (from 120 columns; it
                              opens by itself at 140)
  r                           read the post (in the list: the folder) again
  y                           copy the highlighted link's address, else the
                              heading's #anchor (OSC 52, also over SSH)
  e                           edit the post in $VISUAL or $EDITOR at the line
                              on top; it is read again when the editor exits
  esc  backspace  h           back through followed links, then to the list
  ?  q  ctrl-c                help, quit (quit = "back": q goes back)

Environment
  NO_COLOR=1                  no colour
  FORCE_COLOR=0..3            this colour depth, even when piped
  TERM=dumb                   plain text; the browser prints the list instead
  COLUMNS=N                   width of printed output
  XDG_STATE_HOME              where reading positions are kept
                              (default ~/.local/state/blog-tui)
  XDG_CACHE_HOME              where the index of each folder is kept
                              (default ~/.cache/blog-tui)
  XDG_CONFIG_HOME             where config.toml is read from
                              (default ~/.config/blog-tui)
  DEBUG=blog-tui              stack traces with errors

Examples
  blog-tui                                browse ./posts or the bundled guide
  blog-tui ~/blog/content/posts --drafts  a Hugo or Astro blog, with drafts
  blog-tui list --tag rust --tag cli      posts tagged both rust and cli
  blog-tui list --json | jq -r '.[].slug' every slug, for scripts
  blog-tui read getting-started | less -R read a post in your pager
  blog-tui read notes/idea.md --width 72  print a file at 72 columns
  pbpaste | blog-tui read -               preview Markdown from the clipboard
  blog-tui https://example.com/feed.xml   browse a feed (offline: its last copy)
  blog-tui https://example.com ~/notes    a site's feed and a folder as one
  blog-tui serve ~/blog --host 0.0.0.0    then: ssh -p 2222 <this host>

Exit status: 0 done, 1 something went wrong, 2 the command line was wrong.
`;
