# The ISKP Plots Atlas's interface strings in English, the source language.
# Every message here must exist, with the same id, in every other catalogue (`iskp-atlas check`).
# Placeables ({ $name }) are filled by the pages; numbers select plural forms.

## The language itself
language-name = English
language-locale = en_GB
# Thousands separator for whole numbers.
number-group-separator = ,

## Months
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Counts
n-plots = { $count ->
    [one] { $count } plot
   *[other] { $count } plots
}

## Every page: layout, menu, footer
site-name = ISKP Plots Atlas
skip-to-content = Skip to content
search-label = Search the atlas
search-placeholder = Search
search-button = Search
menu-label = Main
menu-plots = Plots
menu-offices = Organisation
menu-map = Map
menu-timeline = Timeline
menu-patterns = Patterns
menu-method = Method
menu-sources = Sources
language-switch-label = Language
footer-built-from = Built from
footer-offered-at = , which its publisher offers at
footer-facts = Facts come from the report or the sources it cites; summaries are the atlas's own words.
cite-this-page = Cite this page: ISKP Plots Atlas, “{ $title }”, dataset version { $version }.
footer-version = Dataset version { $version }
footer-data-as = data as
footer-or = or
footer-schema = schema
footer-how-to-cite = how to cite

## Countries (ISO 3166-1 codes)
country-unknown = unknown
country-AF = Afghanistan
country-AL = Albania
country-AM = Armenia
country-AT = Austria
country-AZ = Azerbaijan
country-BA = Bosnia and Herzegovina
country-BE = Belgium
country-BG = Bulgaria
country-BY = Belarus
country-CH = Switzerland
country-CY = Cyprus
country-CZ = Czechia
country-DE = Germany
country-DK = Denmark
country-EE = Estonia
country-ES = Spain
country-FI = Finland
country-FR = France
country-GB = United Kingdom
country-GE = Georgia
country-GR = Greece
country-HR = Croatia
country-HU = Hungary
country-IE = Ireland
country-IN = India
country-IQ = Iraq
country-IR = Iran
country-IS = Iceland
country-IT = Italy
country-KG = Kyrgyzstan
country-KZ = Kazakhstan
country-LT = Lithuania
country-LU = Luxembourg
country-LV = Latvia
country-MD = Moldova
country-ME = Montenegro
country-MK = North Macedonia
country-MT = Malta
country-MV = Maldives
country-NL = Netherlands
country-NO = Norway
country-PK = Pakistan
country-PL = Poland
country-PT = Portugal
country-QA = Qatar
country-RO = Romania
country-RS = Serbia
country-RU = Russia
country-SE = Sweden
country-SI = Slovenia
country-SK = Slovakia
country-SO = Somalia
country-SY = Syria
country-TJ = Tajikistan
country-TM = Turkmenistan
country-TR = Turkey
country-UA = Ukraine
country-US = United States
country-UZ = Uzbekistan
country-XK = Kosovo

## Dates
date-month = { $month } { $year }
date-day = { $day } { $month } { $year }

## Error pages
error-kicker = Error { $status }
error-asked = The address asked for:
error-search-label = Instead of this address
error-overview = Go to the overview
error-plots = Plots in the atlas
error-not-found-title = Page not found
error-not-found-message = There is no page at this address. A plot's address is its year, month and place, for example /plots/2022-11-strasbourg; the seven plots are listed below.
error-method-not-allowed-title = Method not allowed
error-method-not-allowed-message = The atlas is read-only: its pages answer GET and HEAD requests only.
error-bad-host-title = Bad request
error-bad-host-message = The request named a host that the atlas cannot use in its addresses. Open the atlas at the address your organisation gives for it.
error-bad-request-title = Bad request
error-bad-request-message = The request could not be understood.
error-server-error-title = Something went wrong
error-server-error-message = The atlas could not produce this page. The problem has been logged; please try again later.

## Evidence, data notes, certainty (shared by the pages)
note-mark = see data note { $n }
provenance-source = Source:
certainty-stated = stated
certainty-reported = reported
certainty-presumed = presumed
certainty-suspected = suspected
evidence-n = Evidence { $n }
evidence-back = Back to the sentence
evidence-exception = The sentence states plainly what the report's sentence hedges:
evidence-intro = The sentences are the atlas's own summary of the report. The small number after each leads to its evidence: the report's own words in quotation marks, the section they come from, and the works the report cites there.

## Citation files (/cite/…)
# The language's name for biblatex's langid.
language-bibtex = english
cite-plot-title = { $plot }: foiled ISKP-linked plot
cite-kept-at = kept unchanged at { $url }
cite-based-on = Based on

## The changelog (/changelog)
changelog-title = Changelog
changelog-description = Versions of the ISKP Plots Atlas dataset; the current one is { $version }.
changelog-kicker = About the data
changelog-lede = Every version of the atlas's dataset, newest first. The current version is { $version }, last checked against the report on { $reviewed }. Plot addresses never change between versions.
changelog-version = Version { $version }
changelog-as-released = Version { $version } as it was released
changelog-kept = , kept unchanged
changelog-served-now = ; the atlas serves it now
changelog-current-unreleased = The version the atlas serves now; it is archived when it is released.
changelog-by-page = Corrected, page by page
changelog-field-by-field = field by field
changelog-page-offices = The IS organisation
changelog-page-patterns = Patterns across the plots
changelog-page-method = Method and data notes

## Where something is, as search results and the sources page name it
where-propaganda = ISKP's multilingual propaganda
where-policy = Policy: { $name }
where-definition = Definition: { $name }
where-selection = Which plots are included
where-left-out = Left out: { $name }
where-lull = The 2025 lull
where-data-note = Data note: { $name }
where-organisation = Organisation: { $name }
where-regional-offices = Organisation: the regional offices
where-chronology = Timeline: the organisation's chronology
where-pattern = Patterns: { $name }
where-figures = Patterns: the report's own figures
where-patterns-propaganda = Patterns: multilingual propaganda
where-method = Method: definitions and selection
where-method-lull = Method: the 2025 lull
where-report-notes = Method: notes on the report

## Pages of the report, in evidence notes
pages-range = pp. { $start }–{ $end }
pages-one = p. { $start }
pages-from = from p. { $start }
section-pages = { $title }, { $pages }
section-within-pages = { $title }, within { $pages }

## Small numbers as words, in running text
number-word-0 = no
number-word-1 = one
number-word-2 = two
number-word-3 = three
number-word-4 = four
number-word-5 = five
number-word-6 = six
number-word-7 = seven
number-word-8 = eight
number-word-9 = nine
number-word-10 = ten

## Further countries the maps draw
country-AD = Andorra
country-AE = United Arab Emirates
country-AX = Åland
country-BH = Bahrain
country-CN = China
country-DZ = Algeria
country-EG = Egypt
country-EH = W. Sahara
country-FO = Faeroe Is.
country-IL = Israel
country-IM = Isle of Man
country-JO = Jordan
country-KW = Kuwait
country-LB = Lebanon
country-LI = Liechtenstein
country-LY = Libya
country-MA = Morocco
country-ML = Mali
country-MN = Mongolia
country-MR = Mauritania
country-OM = Oman
country-PS = Palestine
country-SA = Saudi Arabia
country-TN = Tunisia
