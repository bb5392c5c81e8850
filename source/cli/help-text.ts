/** `blog-tui --help`: every command, flag and key, with examples. */
export const helpText = `blog-tui — browse and read a folder of Markdown blog posts in the terminal

Usage
  blog-tui [path]                    full-screen browser (prints the list when output is not a terminal)
  blog-tui list [path]               print the posts as a table, or JSON with --json
  blog-tui read <slug|file>          print one post, styled on a terminal, plain when piped
  blog-tui serve [path]              serve the browser to readers over SSH (read-only)
  blog-tui help                      this text

  path   a folder (searched recursively) or one post file;
         default ./posts when it exists, else the bundled guide

Options for every command
  --theme dark|light|auto   colours for dark or light backgrounds (default auto: COLORFGBG, else dark)
  --width N                 text width in columns, at least 20 (default: the terminal's, else 80)
  --ext EXT                 also read files ending in .EXT (repeatable: --ext txt --ext rst)
  --no-color                no colours or other escape sequences (also NO_COLOR=1)
  --no-watch                do not follow changes to the posts on disk
  --no-state                do not remember or restore reading positions
  -h, --help                show this help
  -v, --version             print the version

list
  --json                    one JSON array: posts, then files that could not be read
  -t, --tag TAG             only posts with this tag (repeatable: all must match; any case)
  --drafts                  include drafts (also for the browser and serve)

read
  <slug|file>               a post's slug (any case), its path in the folder, or a file
  --dir PATH                the folder to look the slug up in (default as for path above)

serve
  --host ADDRESS            address to listen on (default 127.0.0.1: this machine only)
  --port N                  TCP port (default 2222)
  --host-key FILE           private host key; made on first start when missing
                            (default $XDG_DATA_HOME/blog-tui/host_ed25519)
  --authorized-keys FILE    only these public keys may connect (default: anyone)
  --max-sessions N          sessions at once (default 100)
  --max-per-ip N            sessions at once from one address (default 5)
  --idle-timeout SECONDS    close a session after this long without a key (default 600, 0 = never)
  --max-duration SECONDS    close any session after this long (default 3600, 0 = no limit)
  --workers N               processes sharing the port, for more cores (default 1)

Keys in the post list
  ↑ ↓  j k                  move                     PgUp PgDn  Home End   page, first, last
  enter                     read the selected post   s                     sort: newest, oldest, title
  /                         filter by title, tags and description (enter keeps, esc clears)
  #                         browse tags; enter filters by a tag (several combine), backspace removes
  F  ctrl-f                 search the text of every post; enter opens at the match
  ?                         help                     q  ctrl-c             quit

Keys while reading
  ↑ ↓  j k                  a line                   space f PgDn / b PgUp a page
  d u                       half a page              g Home / G End        top / bottom
  t                         jump to a heading (type to narrow, enter jumps, esc closes)
  ] [                       next / previous heading  o                     outline beside the text (120+ columns)
  tab  shift-tab            move between links       enter                 follow the highlighted link
  /                         search the article       n N                   next / previous match
  esc  backspace  h         back (through followed links), then to the list
  ?                         help                     q  ctrl-c             quit

Environment
  NO_COLOR=1 no colour · FORCE_COLOR=0-3 force a colour depth, even when piped · TERM=dumb plain output
  COLUMNS=N width for printed output · DEBUG=blog-tui stack traces on errors
  XDG_STATE_HOME where reading positions are kept (default ~/.local/state/blog-tui)

Examples
  blog-tui                                   browse ./posts, or the bundled guide
  blog-tui ~/blog/content/posts --drafts     browse a Hugo or Astro blog, drafts included
  blog-tui list --tag rust --tag async       posts tagged both rust and async
  blog-tui list --json | jq -r '.[].slug'    every slug, for scripts
  blog-tui read getting-started | less -R    read a post in your pager
  blog-tui read notes/draft.md --width 72    print a file at 72 columns
  blog-tui serve ~/blog/posts --host 0.0.0.0 let readers ssh -p 2222 in

Exit status: 0 done, 1 something went wrong, 2 the command line was wrong.
`;
