# The plot pages, the plot list with its filters, comparing plots and the briefing pack.

## Enum labels (model/plot.rs)
plots-target-military-facility = military facility
plots-target-police = police
plots-target-religious-site = religious site
plots-target-public-event = public event or crowded place
plots-target-parliament = parliament
plots-target-individual = individual
plots-target-unknown = unknown
plots-status-convicted = convicted
plots-status-charges-dropped = charges dropped or reduced
plots-status-no-indictment = no indictment / deported
plots-status-trial-ongoing = trial ongoing
plots-status-no-information = no information
plots-certainty-stated = stated
plots-certainty-reported = reported
plots-certainty-presumed = presumed
plots-certainty-suspected = suspected
plots-weapon-explosives = explosives
plots-weapon-firearms = firearms
plots-weapon-knife = knife
plots-weapon-missile = missile
plots-prep-partially-procured = partially procured
plots-prep-procurement-failed = procurement failed
plots-prep-prevented-by-arrest = prevented by arrest
plots-prep-unclear = unclear
plots-prep-unknown = unknown

## Nationalities (display only)
plots-nationality-tajik = Tajik
plots-nationality-kyrgyz = Kyrgyz
plots-nationality-turkmen = Turkmen
plots-nationality-chechen = Chechen
plots-nationality-russian = Russian
plots-nationality-afghan = Afghan
plots-nationality-turkish = Turkish
plots-nationality-uzbek = Uzbek
plots-nationality-german-kosovar = German/Kosovar

## Table 1 columns
plots-col-date = Date
plots-col-location = Location
plots-col-target = Target
plots-col-outcome = Outcome
plots-col-international-connection = International connection
plots-col-cell-size = Cell size
plots-col-nationality = Nationality of suspects
plots-col-age = Age of suspects
plots-col-weapons = Weapons and status of preparation
plots-col-other = Other

## Structured readings
plots-field-countries = Countries
plots-field-target-categories = Target categories
plots-field-judicial-status = Judicial status
plots-field-handler-countries = Handler countries
plots-field-channels = Channels named in the text
plots-field-arrests-abroad = Arrests abroad
plots-field-known-ages = Known ages
plots-field-weapons = Weapons

## A plot's page
plots-kicker-foiled = Foiled plot
plots-kicker-plot = Plot
plots-page-title = { $title }: foiled ISKP-linked plot
plots-description = { $outcome } ISKP-linked plot, { $place }, { $date }: { $count ->
    [one] { $count } suspect
   *[other] { $count } suspects
} ({ $nationalities }); Table 1's target: { $target }.
plots-outcome-foiled = Foiled
plots-outcome-carried-out = Carried out
plots-corrected = Corrected in dataset version { $version }:
plots-corrections = { $count ->
    [one] { $count } correction, and why
   *[other] { $count } corrections, and why
}
plots-what-changed = what changed, field by field
plots-summary-h = What the report says
plots-summarised-from = Summarised from:
plots-summarised-report = the report,
plots-own-words = Written in the atlas's own words.
plots-where = Where:
plots-see-map = See all plots on the map
plots-table1-h = Table 1 entry
plots-table1-note = Quoted cells are Table 1 as printed in the report. Below each, the atlas's structured reading of it, with where that comes from.
plots-translation = The atlas's translation:
plots-more-precisely = More precisely:
plots-prov-date = Table 1; a more precise date only where the report's text gives one.
plots-prov-location = Table 1; coordinates added by the atlas (city centres; a region or country at its approximate centre).
plots-prov-target = Table 1; categories are the atlas's classification of Table 1's wording.
plots-prov-outcome = Table 1; the status category is the atlas's classification.
plots-prov-connection = Table 1; channels, and certainty where the text hedges (reported, presumed, suspected), from the report's text.
plots-prov-table1 = Table 1.
plots-prov-nationality = Table 1; counts as Table 1 gives them.
plots-prov-weapons = Table 1; categories are the atlas's classification.
plots-source-label = Source:
plots-place-city = city, { $country }
plots-place-region = region, { $country }
plots-place-country = country
plots-target-categories-label = Target categories
plots-foiled = Foiled
plots-not-foiled = Not foiled
plots-judicial-status = judicial status:
plots-channels = Channels named in the text:
plots-none = none
plots-none-named = none named
plots-arrest-abroad = Arrest outside the plot's countries:
plots-country-unknown = Country unknown
plots-by-nationality = Suspects by nationality
plots-known-ages = Known ages:
plots-unknown-ages = unknown: { $unknown } of { $size }.
plots-weapons = Weapons:
plots-preparation = preparation:
plots-events-h = Course of the case
plots-org-h = In the IS organisation
plots-org-note = The units of the Islamic State this plot touches, as the report describes them.
plots-notes-h = Data notes
plots-notes-note = Where Table 1 and the report's text differ, or a value rests on one of them alone. The atlas shows both and does not choose.
plots-related-h = Related plots
plots-sources-h = Sources
plots-in-report-h = In the report
plots-sections = Sections:
plots-works-h = Works the report cites for this plot
plots-open-source = Open source
plots-in-bibliography = In the bibliography
plots-pager = Previous and next plot
plots-previous = Previous plot
plots-next = Next plot
plots-cite-h = Cite this page
plots-cite-start = ISKP Plots Atlas, “{ $title }”, dataset version { $version }.
plots-cite-add-address = Add the address where you opened this copy
plots-cite-pinned = this version, kept unchanged:
plots-cite-accessed = Accessed { $date }
plots-cite-accessed-static = Accessed: add the date you read it
plots-cite-based-on = Based on
plots-cite-downloads = Download this citation:
plots-cite-report = For the report itself:

## The list of plots
plots-explore = Explore
plots-title = Plots
plots-title-filtered = Plots: { $shown } of { $total } match
plots-list-description = Filter the ISKP-linked plots in Europe by country, year, nationality, target, handler country and judicial status.
plots-lede = Narrow the { $total } plots by any combination of the filters; each option shows how many plots the list would hold if you ticked it. Tick plots to put them side by side or into a printable briefing pack. The address of this page keeps your choices, so it can be pasted into a message.
plots-notices-intro = Some of the address could not be used:
plots-static-copy = This is a static copy of the atlas: filtering, comparing and briefing packs need the atlas server. All plots are listed below.
plots-meta-target = Target:
plots-filters = Filters
plots-apply = Apply filters
plots-clear = Clear all filters
plots-all = All { $total } plots
plots-active-filters = Active filters
plots-remove = Remove
plots-remove-filter = filter
plots-empty = No plot matches all of these filters together. Remove one of the filters above, or
plots-empty-link = start again from all plots
plots-empty-end = The counts beside each option show how many plots it would leave.
plots-select = Select { $title }
plots-with-ticked = With the ticked plots:
plots-compare-button = Compare side by side
plots-briefing-button = Make a briefing pack

## Facets (explore/filters.rs)
plots-facet-country = Country – Location in Table 1
plots-facet-year = Year
plots-facet-nationality = Nationality of suspects
plots-facet-target = Target category
plots-facet-handler = Handler country
plots-facet-outcome = Judicial status
plots-noun-country = country
plots-noun-year = year
plots-noun-nationality = nationality
plots-noun-target = target category
plots-noun-handler = handler country
plots-noun-outcome = judicial status
plots-notice-truncated = The address held more choices than the page reads; only the first { $max } were used.
plots-notice-too-long = A choice in the address was longer than { $max } characters and was left out.
plots-notice-plot-too-long = A plot named in the address was longer than { $max } characters and was left out.
plots-notice-unknown-plot = “{ $slug }” is not the address of a plot in the atlas, so it was left out.
plots-notice-no-value = No plot in the atlas has “{ $value }” as its { $noun }; that choice was left out.
plots-notice-unknown-param = The address asked for “{ $key }”, which this page does not use; it was left out.

## Comparing plots
plots-compare-ticked = Compare the ticked plots
plots-static-choose = This is a static copy of the atlas: choosing plots needs the atlas server. Each plot page can be printed on its own.
plots-field = Field
plots-table1-printed = Table 1, as printed in the report
plots-structured-reading = The atlas's structured reading
plots-differs = (differs)
plots-choose-other = Choose other plots
plots-compare-need-two = Choose at least two plots to compare.
plots-compare-title = Comparing { $count } plots
plots-compare-title-empty = Compare plots
plots-compare-description = The chosen ISKP-linked plots side by side, every Table 1 field on its own row, differences marked.
plots-chooser-legend = Plots

## The briefing pack
plots-briefing = Briefing pack
plots-briefing-lede = A printable pack on the plots you choose: a cover, one page per plot, and the sources. Tick the plots, then print the page (A4).
plots-briefing-make = Make the briefing pack
plots-briefing-kicker = Briefing pack · ISKP Plots Atlas
plots-briefing-h = ISKP-linked terror plots in Europe: { $count ->
    [one] { $count } plot
   *[other] { $count } plots
}
plots-prepared = Prepared
plots-dataset = Dataset
plots-version = version { $version }
plots-source = Source
plots-atlas = Atlas
plots-contents = Contents
plots-briefing-note = Summaries are the atlas's own words; quoted cells are Table 1 as printed in the report. Data notes mark where Table 1 and the report's text disagree. The evidence for each sentence, the report's own words, is on the plot's page at its address.
plots-plot-n-of = Plot { $n } of { $count }
plots-summary = Summary
plots-structured-h = Structured reading
plots-report-sections = Report sections:
plots-works-cited = Works cited:
plots-permanent = Permanent address:
plots-briefing-need-one = Choose at least one plot for the briefing pack.
plots-briefing-title = Briefing pack: { $count } plots
plots-briefing-description = A printable briefing on chosen ISKP-linked plots in Europe: one page per plot with its Table 1 entry, summary, data notes and sources.

## An address that fits several plots
plots-choose-kicker = Several plots
plots-choose-title = Which plot? { $count } fit “{ $asked }”
plots-choose-description = The address names more than one plot of the ISKP Plots Atlas.
plots-choose-lede = fits { $count } plots. Each has its own permanent address:
plots-choose-the-address = The address
plots-choose-all = All plots, with filters
