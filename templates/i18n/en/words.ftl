# Reader polish (issue 14, visual review): search snippets, corrections, result lines, archives.

## /search: a passage found through the other edition's words
words-search-found-in = { $lang ->
    [en] Found in the English text:
    [de] Found in the German text:
   *[other] Found in another edition's text:
}

## /search: a misspelt word was corrected; the heading names the corrected search
words-search-typed = You typed “{ $typed }”.
words-search-exactly = Search for exactly that

## /plots: a result line's cell, then Table 1's Nationality cell as printed
words-plots-cell = cell of { $size }: { $nationality }
# The filtered list's heading (the page's heading already gives the count).
words-plots-matching = Matching plots

## The 404 of an archived address in a language the version was not published in (/de/v/1.0.0/…)
words-archive-source-only = Version { $version } of the atlas was published in English only, so there is no page in this language at this address.
words-archive-source-page = This page in version { $version } (English)
words-archive-current-page = This page in the current version
