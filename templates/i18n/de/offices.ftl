# Eine Einheit der IS-Organisation auf eigener Seite (/offices/{id}), mit ihren Fakten.
offices-unit-title = { $name }: Fakten und Anschlagspläne
offices-unit-description = { $name } ({ $level }) in der Organisation des Islamischen Staates, wie der DIIS-Bericht sie beschreibt: jede Angabe mit ihrem Beleg und die Anschlagspläne, an denen die Einheit beteiligt ist.
offices-unit-lede = Eine Einheit der Organisation des Islamischen Staates, wie der Bericht sie beschreibt: eine Zusammenfassung, jede Angabe mit ihrem Beleg und die Anschlagspläne, an denen sie beteiligt ist.
offices-unit-above = Teil von:
offices-unit-below = Einheiten darunter:
offices-unit-overview = Die ganze Organisation
offices-unit-summary = Zusammenfassung
offices-unit-facts = Fakten
offices-unit-facts-link = { $count ->
    [one] Eine Angabe zu { $name }, mit ihrem Beleg
   *[other] { $count } Angaben zu { $name }, jede mit ihrem Beleg
  }
