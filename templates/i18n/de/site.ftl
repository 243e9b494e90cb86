# Die Oberflächentexte des ISKP Plots Atlas auf Deutsch.
# Jede Nachricht von en.ftl steht hier mit derselben Kennung (`iskp-atlas check`).

## Die Sprache selbst
language-name = Deutsch
language-locale = de_DE
number-group-separator = .

## Monate
month-1 = Januar
month-2 = Februar
month-3 = März
month-4 = April
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = August
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Dezember

## Zahlen
n-plots = { $count ->
    [one] { $count } Anschlagsplan
   *[other] { $count } Anschlagspläne
}

## Jede Seite: Rahmen, Menü, Fußzeile
site-name = ISKP Plots Atlas
skip-to-content = Zum Inhalt springen
search-label = Den Atlas durchsuchen
search-placeholder = Suche
search-button = Suchen
menu-label = Hauptmenü
menu-plots = Anschlagspläne
menu-offices = Organisation
menu-map = Karte
menu-timeline = Zeitleiste
menu-patterns = Muster
menu-method = Methode
menu-sources = Quellen
language-switch-label = Sprache
footer-built-from = Erstellt auf Grundlage von
footer-offered-at = , den der Herausgeber anbietet unter
footer-facts = Die Fakten stammen aus dem Bericht oder den darin zitierten Quellen; die Zusammenfassungen sind eigene Worte des Atlas.
cite-this-page = Diese Seite zitieren: ISKP Plots Atlas, „{ $title }“, Datensatzversion { $version }.
footer-version = Datensatzversion { $version }
footer-data-as = Daten als
footer-or = oder
footer-schema = Schema
footer-how-to-cite = Zitierweise

## Länder (ISO-3166-1-Codes)
country-unknown = unbekannt
country-AF = Afghanistan
country-AL = Albanien
country-AM = Armenien
country-AT = Österreich
country-AZ = Aserbaidschan
country-BA = Bosnien und Herzegowina
country-BE = Belgien
country-BG = Bulgarien
country-BY = Belarus
country-CH = Schweiz
country-CY = Zypern
country-CZ = Tschechien
country-DE = Deutschland
country-DK = Dänemark
country-EE = Estland
country-ES = Spanien
country-FI = Finnland
country-FR = Frankreich
country-GB = Vereinigtes Königreich
country-GE = Georgien
country-GR = Griechenland
country-HR = Kroatien
country-HU = Ungarn
country-IE = Irland
country-IN = Indien
country-IQ = Irak
country-IR = Iran
country-IS = Island
country-IT = Italien
country-KG = Kirgisistan
country-KZ = Kasachstan
country-LT = Litauen
country-LU = Luxemburg
country-LV = Lettland
country-MD = Moldau
country-ME = Montenegro
country-MK = Nordmazedonien
country-MT = Malta
country-MV = Malediven
country-NL = Niederlande
country-NO = Norwegen
country-PK = Pakistan
country-PL = Polen
country-PT = Portugal
country-QA = Katar
country-RO = Rumänien
country-RS = Serbien
country-RU = Russland
country-SE = Schweden
country-SI = Slowenien
country-SK = Slowakei
country-SO = Somalia
country-SY = Syrien
country-TJ = Tadschikistan
country-TM = Turkmenistan
country-TR = Türkei
country-UA = Ukraine
country-US = Vereinigte Staaten
country-UZ = Usbekistan
country-XK = Kosovo

## Daten
date-month = { $month } { $year }
date-day = { $day }. { $month } { $year }

## Fehlerseiten
error-kicker = Fehler { $status }
error-asked = Die angefragte Adresse:
error-search-label = Statt dieser Adresse
error-overview = Zur Übersicht
error-plots = Anschlagspläne im Atlas
error-not-found-title = Seite nicht gefunden
error-not-found-message = Unter dieser Adresse gibt es keine Seite. Die Adresse eines Anschlagsplans besteht aus Jahr, Monat und Ort, zum Beispiel /de/plots/2022-11-strasbourg; die sieben Anschlagspläne sind unten aufgeführt.
error-method-not-allowed-title = Methode nicht erlaubt
error-method-not-allowed-message = Der Atlas ist schreibgeschützt: Seine Seiten beantworten nur GET- und HEAD-Anfragen.
error-bad-host-title = Ungültige Anfrage
error-bad-host-message = Die Anfrage nannte einen Host, den der Atlas nicht in seinen Adressen verwenden kann. Öffnen Sie den Atlas unter der Adresse, die Ihre Organisation dafür angibt.
error-bad-request-title = Ungültige Anfrage
error-bad-request-message = Die Anfrage war nicht verständlich.
error-server-error-title = Ein Fehler ist aufgetreten
error-server-error-message = Der Atlas konnte diese Seite nicht erstellen. Das Problem wurde protokolliert; bitte versuchen Sie es später erneut.

## Belege, Datenhinweise, Gewissheit (seitenübergreifend)
note-mark = siehe Datenhinweis { $n }
provenance-source = Quelle:
certainty-stated = festgestellt
certainty-reported = berichtet
certainty-presumed = mutmaßlich
certainty-suspected = vermutet
evidence-n = Beleg { $n }
evidence-back = Zurück zum Satz
evidence-exception = Der Satz sagt ohne Vorbehalt, was der Satz des Berichts mit Vorbehalt sagt:
evidence-intro = Die Sätze sind die eigene Zusammenfassung des Berichts durch den Atlas. Die kleine Zahl nach jedem Satz führt zu seinem Beleg: den eigenen Worten des Berichts in Anführungszeichen (auf Englisch), dem Abschnitt, aus dem sie stammen, und den Werken, die der Bericht dort zitiert.

## Citation files (/cite/…)
# The language's name for biblatex's langid.
language-bibtex = ngerman
cite-plot-title = { $plot }: vereitelter Anschlagsplan mit ISKP-Bezug
cite-kept-at = unverändert aufbewahrt unter { $url }
cite-based-on = Auf Grundlage von

## Das Änderungsprotokoll (/de/changelog)
changelog-title = Änderungsprotokoll
changelog-description = Die Versionen des Datensatzes des ISKP Plots Atlas; die aktuelle ist { $version }.
changelog-kicker = Über die Daten
changelog-lede = Jede Version des Datensatzes des Atlas, die neueste zuerst. Die aktuelle Version ist { $version }, zuletzt am { $reviewed } mit dem Bericht abgeglichen. Die Adressen der Anschlagspläne ändern sich zwischen den Versionen nie.
changelog-version = Version { $version }
changelog-as-released = Version { $version }, wie sie veröffentlicht wurde
changelog-kept = , unverändert aufbewahrt
changelog-served-now = ; der Atlas zeigt sie derzeit an
changelog-current-unreleased = Die Version, die der Atlas derzeit anzeigt; sie wird archiviert, sobald sie veröffentlicht wird.
changelog-by-page = Korrekturen, Seite für Seite
changelog-field-by-field = Feld für Feld
changelog-page-offices = Die Organisation des IS
changelog-page-patterns = Muster in den Anschlagsplänen
changelog-page-method = Methode und Datenhinweise

## Wo etwas steht, wie Suchergebnisse und die Quellenseite es nennen
where-propaganda = Die mehrsprachige Propaganda des ISKP
where-policy = Politische Empfehlungen: { $name }
where-definition = Begriffsbestimmung: { $name }
where-selection = Welche Anschlagspläne aufgenommen sind
where-left-out = Nicht aufgenommen: { $name }
where-lull = Die Flaute 2025
where-data-note = Datenhinweis: { $name }
where-organisation = Organisation: { $name }
where-regional-offices = Organisation: die Regionalbüros
where-chronology = Zeitleiste: die Chronologie der Organisation
where-pattern = Muster: { $name }
where-figures = Muster: die eigenen Zahlen des Berichts
where-patterns-propaganda = Muster: mehrsprachige Propaganda
where-method = Methode: Begriffsbestimmungen und Auswahl
where-method-lull = Methode: die Flaute 2025
where-report-notes = Methode: Hinweise zum Bericht

## Seiten des Berichts, in den Belegen
pages-range = S. { $start }–{ $end }
pages-one = S. { $start }
pages-from = ab S. { $start }
section-pages = { $title }, { $pages }
section-within-pages = { $title }, { $pages }

## Small numbers as words, in running text
number-word-0 = kein
number-word-1 = ein
number-word-2 = zwei
number-word-3 = drei
number-word-4 = vier
number-word-5 = fünf
number-word-6 = sechs
number-word-7 = sieben
number-word-8 = acht
number-word-9 = neun
number-word-10 = zehn

## Weitere Länder der Karten
country-AD = Andorra
country-AE = Vereinigte Arabische Emirate
country-AX = Åland
country-BH = Bahrain
country-CN = China
country-DZ = Algerien
country-EG = Ägypten
country-EH = Westsahara
country-FO = Färöer
country-IL = Israel
country-IM = Isle of Man
country-JO = Jordanien
country-KW = Kuwait
country-LB = Libanon
country-LI = Liechtenstein
country-LY = Libyen
country-MA = Marokko
country-ML = Mali
country-MN = Mongolei
country-MR = Mauretanien
country-OM = Oman
country-PS = Palästinensische Gebiete
country-SA = Saudi-Arabien
country-TN = Tunesien
