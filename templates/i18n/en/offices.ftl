# One unit of the IS organisation on its own page (/offices/{id}), with its facts.
offices-unit-title = { $name }: facts and plots
offices-unit-description = { $name } ({ $level }) in the Islamic State's organisation, as the DIIS report describes it: each fact with its evidence, and the plots that involve the unit.
offices-unit-lede = One unit of the Islamic State's organisation, as the report describes it: a summary, each fact with its evidence, and the plots that involve it.
offices-unit-above = Part of:
offices-unit-below = Units below it:
offices-unit-overview = The whole organisation
offices-unit-summary = Summary
offices-unit-facts = Facts
offices-unit-facts-link = { $count ->
    [one] One fact about { $name }, with its evidence
   *[other] { $count } facts about { $name }, each with its evidence
  }
