<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ChartAxes</name>
    <message>
        <source>%1K</source>
        <comment>thousands on a chart axis</comment>
        <translation>%1 Tsd.</translation>
    </message>
    <message>
        <source>%1M</source>
        <comment>millions on a chart axis</comment>
        <translation>%1 Mio.</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>$%1</source>
        <translation>$%1</translation>
    </message>
</context>
<context>
    <name>ConfigText</name>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>default paid share %1 → %2</source>
        <translation>Standardanteil kostenpflichtig %1 → %2</translation>
    </message>
    <message>
        <source>default free share %1 → %2</source>
        <translation>Standardanteil kostenlos %1 → %2</translation>
    </message>
    <message>
        <source>OpenRouter %1 → %2</source>
        <translation>OpenRouter %1 → %2</translation>
    </message>
    <message>
        <source>Vercel %1 → %2</source>
        <translation>Vercel %1 → %2</translation>
    </message>
    <message>
        <source>cohort %1 → %2</source>
        <translation>Kohorte %1 → %2</translation>
    </message>
    <message>
        <source>sticky key %1 → %2</source>
        <translation>Sticky-Schlüssel %1 → %2</translation>
    </message>
    <message>
        <source>failover settings changed</source>
        <translation>Failover-Einstellungen geändert</translation>
    </message>
    <message>
        <source>rule %1 added (%2)</source>
        <translation>Regel %1 hinzugefügt (%2)</translation>
    </message>
    <message>
        <source>rule %1 enabled</source>
        <translation>Regel %1 aktiviert</translation>
    </message>
    <message>
        <source>rule %1 disabled</source>
        <translation>Regel %1 deaktiviert</translation>
    </message>
    <message>
        <source>rule %1 match %2 → %3</source>
        <translation>Regel %1 Bedingung %2 → %3</translation>
    </message>
    <message>
        <source>rule %1 action %2 → %3</source>
        <translation>Regel %1 Aktion %2 → %3</translation>
    </message>
    <message>
        <source>rule %1 expiry changed</source>
        <translation>Regel %1 Ablauf geändert</translation>
    </message>
    <message>
        <source>rule %1 note changed</source>
        <translation>Regel %1 Notiz geändert</translation>
    </message>
    <message>
        <source>rule %1 removed</source>
        <translation>Regel %1 entfernt</translation>
    </message>
    <message>
        <source>rule order changed: %1</source>
        <translation>Regelreihenfolge geändert: %1</translation>
    </message>
    <message>
        <source>model %1 added</source>
        <translation>Modell %1 hinzugefügt</translation>
    </message>
    <message>
        <source>model %1 mapping changed</source>
        <translation>Zuordnung von Modell %1 geändert</translation>
    </message>
    <message>
        <source>model %1 removed</source>
        <translation>Modell %1 entfernt</translation>
    </message>
    <message>
        <source>provider table changed</source>
        <translation>Anbietertabelle geändert</translation>
    </message>
    <message>
        <source>models %1</source>
        <translation>Modelle %1</translation>
    </message>
    <message>
        <source>providers %1</source>
        <translation>Anbieter %1</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>Klasse %1</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n Benutzer</numerusform>
            <numerusform>%n Benutzer</numerusform>
        </translation>
    </message>
    <message>
        <source>features %1</source>
        <translation>Funktionen %1</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>(nichts)</translation>
    </message>
    <message>
        <source>pin Vercel</source>
        <translation>fest auf Vercel</translation>
    </message>
    <message>
        <source>pin OpenRouter</source>
        <translation>fest auf OpenRouter</translation>
    </message>
    <message>
        <source>Vercel share %1 %</source>
        <translation>Vercel-Anteil %1 %</translation>
    </message>
    <message>
        <source>(no action)</source>
        <translation>(keine Aktion)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>expires in %1 d %2 h</source>
        <translation>läuft ab in %1 T %2 h</translation>
    </message>
    <message>
        <source>expires in %1 h %2 min</source>
        <translation>läuft ab in %1 h %2 min</translation>
    </message>
    <message>
        <source>expires in %1 min</source>
        <translation>läuft ab in %1 min</translation>
    </message>
    <message>
        <source>rule %1 added, disabled (%2)</source>
        <translation>Regel %1 hinzugefügt, deaktiviert (%2)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export routing configuration</source>
        <translation>Routing-Konfiguration exportieren</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>why this change</source>
        <translation>warum diese Änderung</translation>
    </message>
    <message>
        <source>Compared with</source>
        <translation>Verglichen mit</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Canonical JSON diff</source>
        <translation>Kanonischer JSON-Vergleich</translation>
    </message>
    <message>
        <source>Not carried by this profile: dropped if you export</source>
        <translation>Von diesem Profil nicht übernommen: wird beim Export verworfen</translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <source>Incident: move traffic to the other gateway</source>
        <translation>Störung: Verkehr auf das andere Gateway umleiten</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Umleiten</translation>
    </message>
    <message>
        <source>Model or provider</source>
        <translation>Modell oder Anbieter</translation>
    </message>
    <message>
        <source>Route to</source>
        <translation>Leiten an</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Für</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>what happened, ticket link</source>
        <translation>was passiert ist, Ticket-Link</translation>
    </message>
</context>
<context>
    <name>LivePanel</name>
    <message>
        <source>Paid to Vercel</source>
        <translation>Kostenpflichtig zu Vercel</translation>
    </message>
    <message>
        <source>Free to Vercel</source>
        <translation>Kostenlos zu Vercel</translation>
    </message>
    <message>
        <source>Opt-out models</source>
        <translation>Ausgenommene Modelle</translation>
    </message>
    <message>
        <source>Partners (read-only)</source>
        <translation>Partner (schreibgeschützt)</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Read again</source>
        <translation>Erneut lesen</translation>
    </message>
    <message>
        <source>Adopt into draft</source>
        <translation>In den Entwurf übernehmen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Gateway Console</source>
        <translation>Gateway Console</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Routing</source>
        <translation>&amp;Routing</translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation>Arbeitsbereich ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>&amp;Save Draft</source>
        <translation>Entwurf &amp;speichern</translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>Ei&amp;nstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Incident: Move a Model…</source>
        <translation>&amp;Störung: Modell umleiten…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>&amp;Publish to production…</source>
        <translation>In Produktion &amp;veröffentlichen…</translation>
    </message>
</context>
<context>
    <name>ModelsPage</name>
    <message>
        <source>Filter by model id</source>
        <translation>Nach Modell-ID filtern</translation>
    </message>
    <message>
        <source>Confirm proposal</source>
        <translation>Vorschlag bestätigen</translation>
    </message>
    <message>
        <source>Not on Vercel</source>
        <translation>Nicht auf Vercel</translation>
    </message>
    <message>
        <source>Sync catalogs</source>
        <translation>Kataloge synchronisieren</translation>
    </message>
    <message>
        <source>Fetch both gateways&apos; model lists and keep them as new snapshots in the workspace</source>
        <translation>Die Modelllisten beider Gateways abrufen und als neue Schnappschüsse im Arbeitsbereich ablegen</translation>
    </message>
    <message>
        <source>%v of %m gateways</source>
        <translation>%v von %m Gateways</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Models the config&apos;s model table has decided (confirmed, overridden or not on Vercel)</source>
        <translation>Modelle, über die die Modelltabelle der Konfiguration entschieden hat (bestätigt, überschrieben oder nicht auf Vercel)</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Vorgeschlagen</translation>
    </message>
    <message>
        <source>Models the config has no entry for yet: the proposal awaits confirmation</source>
        <translation>Modelle, für die die Konfiguration noch keinen Eintrag hat: der Vorschlag wartet auf Bestätigung</translation>
    </message>
    <message>
        <source>Weaker on Vercel</source>
        <translation>Schwächer auf Vercel</translation>
    </message>
    <message>
        <source>Vercel&apos;s side has less context or lacks a capability</source>
        <translation>Vercel bietet weniger Kontext oder es fehlt eine Fähigkeit</translation>
    </message>
    <message>
        <source>Changed since sync</source>
        <translation>Seit Synchronisierung geändert</translation>
    </message>
    <message>
        <source>Either side changed between the previous catalog sync and the latest</source>
        <translation>Eine der Seiten hat sich zwischen der vorherigen und der letzten Katalogsynchronisierung geändert</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
</context>
<context>
    <name>MonitorPage</name>
    <message>
        <source>Range:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>Gateway:</source>
        <translation>Gateway:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>Anbieter:</translation>
    </message>
    <message>
        <source>Target from:</source>
        <translation>Ziel aus:</translation>
    </message>
    <message>
        <source>Import traffic</source>
        <translation>Verkehr importieren</translation>
    </message>
    <message>
        <source>No traffic yet: import a log</source>
        <translation>Noch kein Verkehr: ein Protokoll importieren</translation>
    </message>
</context>
<context>
    <name>PlannerLeaderboardPanel</name>
    <message>
        <source>Inputs (per day)</source>
        <translation>Eingaben (pro Tag)</translation>
    </message>
    <message>
        <source>Recorded traffic:</source>
        <translation>Aufgezeichneter Verkehr:</translation>
    </message>
    <message>
        <source>Load recorded traffic</source>
        <translation>Aufgezeichneten Verkehr laden</translation>
    </message>
    <message>
        <source>Our tokens:</source>
        <translation>Unsere Tokens:</translation>
    </message>
    <message>
        <source>From recorded traffic</source>
        <translation>Aus aufgezeichnetem Verkehr</translation>
    </message>
    <message>
        <source>Our spend (USD):</source>
        <translation>Unsere Ausgaben (USD):</translation>
    </message>
    <message>
        <source>OpenRouter: strongest other app, tokens:</source>
        <translation>OpenRouter: stärkste andere App, Tokens:</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Vercel: strongest other app, tokens:</source>
        <translation>Vercel: stärkste andere App, Tokens:</translation>
    </message>
    <message>
        <source>Vercel: strongest other app, spend (USD):</source>
        <translation>Vercel: stärkste andere App, Ausgaben (USD):</translation>
    </message>
    <message>
        <source>Vercel ranks us by:</source>
        <translation>Vercel-Rangfolge nach:</translation>
    </message>
    <message>
        <source>Safety margin:</source>
        <translation>Sicherheitsabstand:</translation>
    </message>
    <message>
        <source>Change:</source>
        <translation>Ändern:</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Apply to draft</source>
        <translation>In den Entwurf übernehmen</translation>
    </message>
</context>
<context>
    <name>PlannerPage</name>
    <message>
        <source>Traffic history not open yet.</source>
        <translation>Der Verkehrsverlauf ist noch nicht geöffnet.</translation>
    </message>
</context>
<context>
    <name>PlannerRampPanel</name>
    <message>
        <source>Ramp plan</source>
        <translation>Rampenplan</translation>
    </message>
    <message>
        <source>Scope (default or model):</source>
        <translation>Geltungsbereich (default oder Modell):</translation>
    </message>
    <message>
        <source>Steps (% Vercel):</source>
        <translation>Stufen (% Vercel):</translation>
    </message>
    <message>
        <source>e.g. 2, 5, 10</source>
        <translation>z. B. 2, 5, 10</translation>
    </message>
    <message>
        <source>Current step (0 = first):</source>
        <translation>Aktuelle Stufe (0 = erste):</translation>
    </message>
    <message>
        <source>rolled back (0%)</source>
        <translation>zurückgefahren (0%)</translation>
    </message>
    <message>
        <source>Minimum requests per gateway:</source>
        <translation>Mindestanzahl Anfragen je Gateway:</translation>
    </message>
    <message>
        <source>Error rate margin:</source>
        <translation>Toleranz Fehlerrate:</translation>
    </message>
    <message>
        <source> points</source>
        <translation> Punkte</translation>
    </message>
    <message>
        <source>Confidence:</source>
        <translation>Konfidenz:</translation>
    </message>
    <message>
        <source>TTFT p95 at most worse by:</source>
        <translation>TTFT p95 höchstens schlechter um:</translation>
    </message>
    <message>
        <source>Cost per Mtok at most worse by:</source>
        <translation>Kosten je Mtok höchstens schlechter um:</translation>
    </message>
    <message>
        <source>Window (ending now):</source>
        <translation>Zeitfenster (endet jetzt):</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Load plan…</source>
        <translation>Plan laden…</translation>
    </message>
    <message>
        <source>Save plan…</source>
        <translation>Plan speichern…</translation>
    </message>
    <message>
        <source>Current step</source>
        <translation>Aktuelle Stufe</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Auswerten</translation>
    </message>
    <message>
        <source>Advance</source>
        <translation>Vorrücken</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>Zurückfahren</translation>
    </message>
</context>
<context>
    <name>PlannerReplayPanel</name>
    <message>
        <source>Traffic:</source>
        <translation>Verkehr:</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Nachspielen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Auto-update when the draft changes</source>
        <translation>Automatisch aktualisieren, wenn sich der Entwurf ändert</translation>
    </message>
    <message>
        <source>Replay recorded traffic against the draft to see what it would change.</source>
        <translation>Aufgezeichneten Verkehr mit dem Entwurf nachspielen, um zu sehen, was er ändern würde.</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <source>&lt;b&gt;Live preview&lt;/b&gt;</source>
        <translation>&lt;b&gt;Live-Vorschau&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>ProviderSlugsPanel</name>
    <message>
        <source>Provider slugs: OpenRouter to Vercel (list only those that differ; an unlisted slug is the same on both)</source>
        <translation>Anbieter-Kürzel: OpenRouter zu Vercel (nur abweichende eintragen; ein nicht aufgeführtes Kürzel ist auf beiden gleich)</translation>
    </message>
    <message>
        <source>OpenRouter provider slug</source>
        <translation>OpenRouter-Anbieterkürzel</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>Publish to production</source>
        <translation>In Produktion veröffentlichen</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Based on</source>
        <translation>Basiert auf</translation>
    </message>
    <message>
        <source>Who (e-mail)</source>
        <translation>Wer (E-Mail)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>why this change (required, at most 500 characters)</source>
        <translation>warum diese Änderung (Pflichtfeld, höchstens 500 Zeichen)</translation>
    </message>
    <message>
        <source>What the production record cannot express</source>
        <translation>Was der Produktionsdatensatz nicht ausdrücken kann</translation>
    </message>
    <message>
        <source>Publish anyway (lossy)</source>
        <translation>Trotzdem veröffentlichen (verlustbehaftet)</translation>
    </message>
</context>
<context>
    <name>ResultPane</name>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Request…</source>
        <translation>Anfrage…</translation>
    </message>
    <message>
        <source>The request body this gateway got, and what the translation dropped</source>
        <translation>Der Anfragetext, den dieses Gateway erhielt, und was die Übersetzung weggelassen hat</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>Reasoning</translation>
    </message>
</context>
<context>
    <name>RoutingPage</name>
    <message>
        <source>Default Vercel share (when no rule matches)</source>
        <translation>Standardanteil für Vercel (wenn keine Regel greift)</translation>
    </message>
    <message>
        <source>Paid models</source>
        <translation>Kostenpflichtige Modelle</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Free models</source>
        <translation>Kostenlose Modelle</translation>
    </message>
    <message>
        <source>Gateways</source>
        <translation>Gateways</translation>
    </message>
    <message>
        <source>OpenRouter enabled</source>
        <translation>OpenRouter aktiviert</translation>
    </message>
    <message>
        <source>Vercel enabled</source>
        <translation>Vercel aktiviert</translation>
    </message>
    <message>
        <source>Emergency: all to Vercel</source>
        <translation>Notfall: alles zu Vercel</translation>
    </message>
    <message>
        <source>Emergency: all to OpenRouter</source>
        <translation>Notfall: alles zu OpenRouter</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Incident…</source>
        <translation>Störung…</translation>
    </message>
    <message>
        <source>First match wins. Drag rows to reorder.</source>
        <translation>Der erste Treffer gewinnt. Zeilen zum Umordnen ziehen.</translation>
    </message>
</context>
<context>
    <name>RuleEditor</name>
    <message>
        <source>Rule id</source>
        <translation>Regel-ID</translation>
    </message>
    <message>
        <source>Models (globs)</source>
        <translation>Modelle (Muster)</translation>
    </message>
    <message>
        <source>e.g. anthropic/*, openai/gpt-5</source>
        <translation>z. B. anthropic/*, openai/gpt-5</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>OpenRouter provider slugs, comma separated</source>
        <translation>OpenRouter-Anbieterkürzel, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>exact user ids, comma separated</source>
        <translation>genaue Benutzer-IDs, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>Funktionen</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Vercel share</source>
        <translation>Vercel-Anteil</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Expires at</source>
        <translation>Läuft ab am</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Gateways</source>
        <translation>Gateways</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>OpenRouter</source>
        <translation>OpenRouter</translation>
    </message>
    <message>
        <source>local simulator</source>
        <translation>lokaler Simulator</translation>
    </message>
    <message>
        <source>Vercel AI Gateway</source>
        <translation>Vercel AI Gateway</translation>
    </message>
    <message>
        <source>Attribution headers (OpenRouter)</source>
        <translation>Attributions-Header (OpenRouter)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Production database</source>
        <translation>Produktionsdatenbank</translation>
    </message>
    <message>
        <source>Writer (publishes the record)</source>
        <translation>Schreibzugang (veröffentlicht den Datensatz)</translation>
    </message>
    <message>
        <source>Read-only (usage)</source>
        <translation>Nur lesend (Nutzung)</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>SSL mode</source>
        <translation>SSL-Modus</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>same as the writer</source>
        <translation>wie der Schreibzugang</translation>
    </message>
</context>
<context>
    <name>States</name>
    <message>
        <source>draft (autosaved)</source>
        <translation>Entwurf (automatisch gespeichert)</translation>
    </message>
    <message>
        <source>last export</source>
        <translation>letzter Export</translation>
    </message>
    <message>
        <source>live in production</source>
        <translation>aktiv in Produktion</translation>
    </message>
    <message>
        <source>revision %1, %2, %3</source>
        <translation>Revision %1, %2, %3</translation>
    </message>
</context>
<context>
    <name>TestBenchPage</name>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>OpenRouter ids, comma-separated (anthropic/claude-sonnet-4.5, x-ai/grok-4)</source>
        <translation>OpenRouter-IDs, durch Kommas getrennt (anthropic/claude-sonnet-4.5, x-ai/grok-4)</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>A user message, or open a prompt suite (JSONL)</source>
        <translation>Eine Benutzernachricht, oder eine Prompt-Sammlung (JSONL) öffnen</translation>
    </message>
    <message>
        <source>Suite</source>
        <translation>Sammlung</translation>
    </message>
    <message>
        <source>none: the prompt above</source>
        <translation>keine: der Prompt oben</translation>
    </message>
    <message>
        <source>Open suite…</source>
        <translation>Sammlung öffnen…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>Reasoning</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>OpenRouter provider preferences as JSON, e.g. {&quot;order&quot;: [&quot;anthropic&quot;]}</source>
        <translation>OpenRouter-Anbietervorgaben als JSON, z. B. {&quot;order&quot;: [&quot;anthropic&quot;]}</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Concurrency</source>
        <translation>Parallelität</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>%v of %m requests</source>
        <translation>%v von %m Anfragen</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Export summary CSV…</source>
        <translation>Zusammenfassung als CSV exportieren…</translation>
    </message>
    <message>
        <source>Export results CSV…</source>
        <translation>Ergebnisse als CSV exportieren…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Show results</source>
        <translation>Ergebnisse zeigen</translation>
    </message>
    <message>
        <source>Run again</source>
        <translation>Erneut ausführen</translation>
    </message>
</context>
<context>
    <name>TrafficImportPanel</name>
    <message>
        <source>Import files…</source>
        <translation>Dateien importieren…</translation>
    </message>
    <message>
        <source>Watch folder…</source>
        <translation>Ordner überwachen…</translation>
    </message>
    <message>
        <source>Stop watching</source>
        <translation>Überwachung beenden</translation>
    </message>
    <message>
        <source>Drop traffic logs or folders here (JSONL or CSV, plain or gzip)</source>
        <translation>Verkehrsprotokolle oder Ordner hier ablegen (JSONL oder CSV, unkomprimiert oder gzip)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>WhyInspector</name>
    <message>
        <source>User id</source>
        <translation>Benutzer-ID</translation>
    </message>
    <message>
        <source>Task id</source>
        <translation>Aufgaben-ID</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Provider order</source>
        <translation>Anbieterreihenfolge</translation>
    </message>
    <message>
        <source>comma separated, e.g. anthropic, google-vertex</source>
        <translation>durch Kommas getrennt, z. B. anthropic, google-vertex</translation>
    </message>
    <message>
        <source>OpenRouter error rate</source>
        <translation>Fehlerrate OpenRouter</translation>
    </message>
    <message>
        <source>Vercel error rate</source>
        <translation>Fehlerrate Vercel</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>What it found</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>gw::LeaderboardImport</name>
    <message>
        <source>missing &quot;%1&quot;</source>
        <translation>„%1“ fehlt</translation>
    </message>
    <message>
        <source>expected a number of 0 or more, found %1</source>
        <translation>Zahl ab 0 erwartet, gefunden: %1</translation>
    </message>
    <message>
        <source>expected a string, found %1</source>
        <translation>Zeichenkette erwartet, gefunden: %1</translation>
    </message>
    <message>
        <source>expected an array of rows or {&quot;data&quot;: [...]}, found %1</source>
        <translation>Array von Zeilen oder {&quot;data&quot;: [...]} erwartet, gefunden: %1</translation>
    </message>
    <message>
        <source>expected a row object, found %1</source>
        <translation>Zeilenobjekt erwartet, gefunden: %1</translation>
    </message>
    <message>
        <source>a rank is a whole number from 1</source>
        <translation>ein Rang ist eine ganze Zahl ab 1</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>nicht lesbar: %1</translation>
    </message>
</context>
<context>
    <name>gw::LeaderboardPlan</name>
    <message>
        <source>Vercel can get at most 100% of tokens</source>
        <translation>Vercel kann höchstens 100% der Tokens bekommen</translation>
    </message>
    <message>
        <source>the config can move at most %1% of tokens to Vercel</source>
        <translation>die Konfiguration kann höchstens %1% der Tokens zu Vercel verlagern</translation>
    </message>
    <message>
        <source>OpenRouter needs %1% of our tokens, more than we have</source>
        <translation>OpenRouter braucht %1% unserer Tokens, mehr als wir haben</translation>
    </message>
    <message>
        <source>OpenRouter needs at least %1% of tokens</source>
        <translation>OpenRouter braucht mindestens %1% der Tokens</translation>
    </message>
    <message>
        <source>Vercel needs at least 0%</source>
        <translation>Vercel braucht mindestens 0%</translation>
    </message>
    <message>
        <source>Vercel needs %1% of our spend</source>
        <translation>Vercel braucht %1% unserer Ausgaben</translation>
    </message>
    <message>
        <source>%1% of tokens go to Vercel whatever the default share</source>
        <translation>%1% der Tokens gehen unabhängig vom Standardanteil zu Vercel</translation>
    </message>
    <message>
        <source>Vercel needs %1% of tokens</source>
        <translation>Vercel braucht %1% der Tokens</translation>
    </message>
    <message>
        <source>%1 must be a positive number</source>
        <translation>%1 muss eine positive Zahl sein</translation>
    </message>
    <message>
        <source>our tokens per day</source>
        <translation>unsere Tokens pro Tag</translation>
    </message>
    <message>
        <source>the OpenRouter competitor&apos;s tokens</source>
        <translation>die Tokens des Konkurrenten bei OpenRouter</translation>
    </message>
    <message>
        <source>the Vercel competitor&apos;s tokens</source>
        <translation>die Tokens des Konkurrenten bei Vercel</translation>
    </message>
    <message>
        <source>our spend per day</source>
        <translation>unsere Ausgaben pro Tag</translation>
    </message>
    <message>
        <source>the Vercel competitor&apos;s spend</source>
        <translation>die Ausgaben des Konkurrenten bei Vercel</translation>
    </message>
    <message>
        <source>the safety margin must be 0 or more</source>
        <translation>der Sicherheitsabstand muss 0 oder größer sein</translation>
    </message>
    <message>
        <source>the reachable share must lie within 0..100%</source>
        <translation>der erreichbare Anteil muss innerhalb von 0..100% liegen</translation>
    </message>
    <message>
        <source>A Vercel share from %1% to %2% of all tokens keeps us first on both leaderboards with a %3% margin; the least is %1%.</source>
        <translation>Ein Vercel-Anteil von %1% bis %2% aller Tokens hält uns mit %3% Abstand auf Platz eins beider Ranglisten; das Minimum ist %1%.</translation>
    </message>
    <message>
        <source>%1 but %2: short by %3 points.</source>
        <translation>%1, aber %2: es fehlen %3 Prozentpunkte.</translation>
    </message>
</context>
<context>
    <name>gw::ParityText</name>
    <message>
        <source>No difference worth attention.</source>
        <translation>Kein nennenswerter Unterschied.</translation>
    </message>
    <message>
        <source>Reasoning came back on one gateway only.</source>
        <translation>Reasoning kam nur von einem Gateway zurück.</translation>
    </message>
    <message>
        <source>A gateway reported no cost; an estimate stands in.</source>
        <translation>Ein Gateway meldete keine Kosten; eine Schätzung steht an ihrer Stelle.</translation>
    </message>
    <message>
        <source>One gateway&apos;s time to first token is much slower.</source>
        <translation>Bei einem Gateway kommt das erste Token deutlich später.</translation>
    </message>
    <message>
        <source>One gateway failed, the other did not.</source>
        <translation>Ein Gateway schlug fehl, das andere nicht.</translation>
    </message>
    <message>
        <source>A gateway answered with no text.</source>
        <translation>Ein Gateway antwortete ohne Text.</translation>
    </message>
    <message>
        <source>The gateways ended for different reasons.</source>
        <translation>Die Gateways endeten aus verschiedenen Gründen.</translation>
    </message>
</context>
<context>
    <name>gw::RampGate</name>
    <message>
        <source>error rate: no traffic on %1 yet</source>
        <translation>Fehlerrate: noch kein Verkehr auf %1</translation>
    </message>
    <message>
        <source>error rate: Vercel %1% vs OpenRouter %2% (margin %3 points): z = %4, p = %5 %6 %7</source>
        <translation>Fehlerrate: Vercel %1% gegenüber OpenRouter %2% (Toleranz %3 Prozentpunkte): z = %4, p = %5 %6 %7</translation>
    </message>
    <message>
        <source>%1: waiting for enough requests</source>
        <translation>%1: wartet auf genügend Anfragen</translation>
    </message>
    <message>
        <source>%1: no data recorded on both gateways</source>
        <translation>%1: keine Daten auf beiden Gateways aufgezeichnet</translation>
    </message>
    <message>
        <source>%1: Vercel %2 %3 vs OpenRouter %4 %3 (%5%, allowed +%6%)</source>
        <translation>%1: Vercel %2 %3 gegenüber OpenRouter %4 %3 (%5%, erlaubt +%6%)</translation>
    </message>
    <message>
        <source>TTFT p95</source>
        <translation>TTFT p95</translation>
    </message>
    <message>
        <source>cost per Mtok</source>
        <translation>Kosten je Mtok</translation>
    </message>
    <message>
        <source>Roll back to %1%: %2.</source>
        <translation>Zurückfahren auf %1%: %2.</translation>
    </message>
    <message>
        <source>%1 more requests on Vercel</source>
        <translation>%1 weitere Anfragen auf Vercel</translation>
    </message>
    <message>
        <source>%1 more requests on OpenRouter</source>
        <translation>%1 weitere Anfragen auf OpenRouter</translation>
    </message>
    <message>
        <source>Hold at %1%: not enough data, %2 needed in the window.</source>
        <translation>Bei %1% halten: nicht genügend Daten, im Zeitfenster werden %2 benötigt.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>All gates pass at the last step (%1%): the ramp is complete.</source>
        <translation>Alle Prüfungen bestanden auf der letzten Stufe (%1%): die Rampe ist abgeschlossen.</translation>
    </message>
    <message>
        <source>Advance from %1% to %2%: all gates pass.</source>
        <translation>Von %1% auf %2% vorrücken: alle Prüfungen bestanden.</translation>
    </message>
</context>
<context>
    <name>gw::RampPlan</name>
    <message>
        <source>expected a number, found %1</source>
        <translation>Zahl erwartet, gefunden: %1</translation>
    </message>
    <message>
        <source>%1 is outside (%2..%3]</source>
        <translation>%1 liegt außerhalb von (%2..%3]</translation>
    </message>
    <message>
        <source>%1 is outside %2..%3</source>
        <translation>%1 liegt außerhalb von %2..%3</translation>
    </message>
    <message>
        <source>expected a whole number, found %1</source>
        <translation>ganze Zahl erwartet, gefunden: %1</translation>
    </message>
    <message>
        <source>expected a ramp plan object, found %1</source>
        <translation>Rampenplan-Objekt erwartet, gefunden: %1</translation>
    </message>
    <message>
        <source>unknown member &quot;%1&quot;</source>
        <translation>unbekanntes Feld „%1“</translation>
    </message>
    <message>
        <source>missing &quot;scope&quot; (&quot;default&quot; or a model id)</source>
        <translation>„scope“ fehlt („default“ oder eine Modell-ID)</translation>
    </message>
    <message>
        <source>expected &quot;default&quot; or a model id, found %1</source>
        <translation>„default“ oder eine Modell-ID erwartet, gefunden: %1</translation>
    </message>
    <message>
        <source>missing &quot;steps&quot; (e.g. [2, 5, 10])</source>
        <translation>„steps“ fehlt (z. B. [2, 5, 10])</translation>
    </message>
    <message>
        <source>expected a non-empty array of shares in percent</source>
        <translation>nicht leeres Array von Anteilen in Prozent erwartet</translation>
    </message>
    <message>
        <source>a step is a share above 0 and at most 100</source>
        <translation>eine Stufe ist ein Anteil über 0 und höchstens 100</translation>
    </message>
    <message>
        <source>steps must increase: %1 follows %2</source>
        <translation>Stufen müssen ansteigen: %1 folgt auf %2</translation>
    </message>
    <message>
        <source>step %1 does not exist: the plan has %2 steps (0..%3)</source>
        <translation>Stufe %1 existiert nicht: der Plan hat %2 Stufen (0..%3)</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>nicht lesbar: %1</translation>
    </message>
    <message>
        <source>guarded ramp of %1</source>
        <translation>abgesicherte Rampe von %1</translation>
    </message>
</context>
<context>
    <name>gw::app::BenchResultsModel</name>
    <message>
        <source>skipped: %1</source>
        <translation>übersprungen: %1</translation>
    </message>
    <message>
        <source>%1 (HTTP %2)</source>
        <translation>%1 (HTTP %2)</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>billed</source>
        <translation>abgerechnet</translation>
    </message>
    <message>
        <source>estimated</source>
        <translation>geschätzt</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>läuft…</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Rep.</source>
        <translation>Wdh.</translation>
    </message>
    <message>
        <source>OpenRouter</source>
        <translation>OpenRouter</translation>
    </message>
    <message>
        <source>TTFT</source>
        <translation>TTFT</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Tokens in → out</source>
        <translation>Tokens ein → aus</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Vercel</source>
        <translation>Vercel</translation>
    </message>
    <message>
        <source>Parity flags</source>
        <translation>Paritätshinweise</translation>
    </message>
</context>
<context>
    <name>gw::app::BenchSummaryModel</name>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>TTFT p50</source>
        <translation>TTFT p50</translation>
    </message>
    <message>
        <source>TTFT p95</source>
        <translation>TTFT p95</translation>
    </message>
    <message>
        <source>Latency p50</source>
        <translation>Latenz p50</translation>
    </message>
    <message>
        <source>Latency p95</source>
        <translation>Latenz p95</translation>
    </message>
    <message>
        <source>Mean cost</source>
        <translation>Mittlere Kosten</translation>
    </message>
    <message>
        <source>Tokens/s</source>
        <translation>Tokens/s</translation>
    </message>
    <message>
        <source>Vercel against OpenRouter for this model: p50 latency difference and mean cost difference</source>
        <translation>Vercel gegenüber OpenRouter für dieses Modell: Unterschied der Latenz p50 und der mittleren Kosten</translation>
    </message>
    <message>
        <source>latency %1 ms</source>
        <translation>Latenz %1 ms</translation>
    </message>
    <message>
        <source>cost %1</source>
        <translation>Kosten %1</translation>
    </message>
    <message>
        <source>Vercel vs OpenRouter</source>
        <translation>Vercel gegenüber OpenRouter</translation>
    </message>
</context>
<context>
    <name>gw::app::CatalogSync</name>
    <message>
        <source>No gateway to sync from: check the settings.</source>
        <translation>Kein Gateway zum Synchronisieren: bitte die Einstellungen prüfen.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: the model list had no usable models; the previous snapshot stays in use.</source>
        <translation>%1: Die Modellliste enthielt keine brauchbaren Modelle; der vorherige Schnappschuss bleibt in Gebrauch.</translation>
    </message>
    <message>
        <source>%1: could not write %2: %3</source>
        <translation>%1: %2 konnte nicht geschrieben werden: %3</translation>
    </message>
</context>
<context>
    <name>gw::app::ChartLegend</name>
    <message>
        <source>Show or hide this series</source>
        <translation>Diese Datenreihe ein- oder ausblenden</translation>
    </message>
</context>
<context>
    <name>gw::app::ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>nothing (first export)</source>
        <translation>nichts (erster Export)</translation>
    </message>
    <message>
        <source>no routing changes</source>
        <translation>keine Routing-Änderungen</translation>
    </message>
    <message>
        <source>Invalid:
%1</source>
        <translation>Ungültig:
%1</translation>
    </message>
    <message>
        <source>Valid config v1, revision %1.</source>
        <translation>Gültige Konfiguration v1, Revision %1.</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>Could not write the export: %1</source>
        <translation>Der Export konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Export %1 revision %2</source>
        <translation>Export %1 Revision %2</translation>
    </message>
    <message>
        <source>Preparing the export…</source>
        <translation>Export wird vorbereitet…</translation>
    </message>
    <message>
        <source>rule %1</source>
        <translation>Regel %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>why this change (previous note: %1)</source>
        <translation>warum diese Änderung (vorherige Notiz: %1)</translation>
    </message>
    <message>
        <source>Export is disabled while the export is being prepared.</source>
        <translation>Export ist deaktiviert, solange der Export vorbereitet wird.</translation>
    </message>
    <message>
        <source>Export is disabled: the draft is not a valid config (see above).</source>
        <translation>Export ist deaktiviert: Der Entwurf ist keine gültige Konfiguration (siehe oben).</translation>
    </message>
    <message>
        <source>Export is disabled: this profile cannot write this config (see above).</source>
        <translation>Export ist deaktiviert: Dieses Profil kann diese Konfiguration nicht schreiben (siehe oben).</translation>
    </message>
    <message>
        <source>Export is disabled: Who is required (it is recorded with the export).</source>
        <translation>Export ist deaktiviert: „Wer“ ist erforderlich (wird mit dem Export aufgezeichnet).</translation>
    </message>
    <message numerus="yes">
        <source>Export is disabled: this profile drops %n item(s) listed at the top; confirm dropping them or choose another profile.</source>
        <translation>
            <numerusform>Export ist deaktiviert: Dieses Profil verwirft %n oben aufgeführten Eintrag; bestätigen Sie das Verwerfen oder wählen Sie ein anderes Profil.</numerusform>
            <numerusform>Export ist deaktiviert: Dieses Profil verwirft %n oben aufgeführte Einträge; bestätigen Sie das Verwerfen oder wählen Sie ein anderes Profil.</numerusform>
        </translation>
    </message>
    <message>
        <source>This profile cannot write this config: %1</source>
        <translation>Dieses Profil kann diese Konfiguration nicht schreiben: %1</translation>
    </message>
    <message>
        <source>New in this session: %1</source>
        <translation>Neu in dieser Sitzung: %1</translation>
    </message>
    <message>
        <source>Drop %1 and export the rest</source>
        <translation>%1 verwerfen und den Rest exportieren</translation>
    </message>
    <message numerus="yes">
        <source>Export without %n item(s)</source>
        <translation>
            <numerusform>Ohne %n Eintrag exportieren</numerusform>
            <numerusform>Ohne %n Einträge exportieren</numerusform>
        </translation>
    </message>
    <message>
        <source>Export written</source>
        <translation>Export geschrieben</translation>
    </message>
    <message>
        <source>The export was written to
%1</source>
        <translation>Der Export wurde geschrieben nach
%1</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Datei öffnen</translation>
    </message>
    <message>
        <source>Show folder</source>
        <translation>Ordner anzeigen</translation>
    </message>
</context>
<context>
    <name>gw::app::GatewayConnections</name>
    <message>
        <source>the local simulator could not start</source>
        <translation>der lokale Simulator konnte nicht starten</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <source>no key</source>
        <translation>kein Schlüssel</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>wird geprüft…</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>key rejected</source>
        <translation>Schlüssel abgelehnt</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>(local simulator)</source>
        <translation>(lokaler Simulator)</translation>
    </message>
    <message>
        <source>key %1</source>
        <translation>Schlüssel %1</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 übrig</translation>
    </message>
</context>
<context>
    <name>gw::app::HeadlineTableModel</name>
    <message>
        <source>%1 – %2 UTC</source>
        <translation>%1 – %2 UTC</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1%2 pts</source>
        <translation>%1%2 Pkt.</translation>
    </message>
    <message>
        <source>%1%2 %</source>
        <translation>%1%2 %</translation>
    </message>
    <message>
        <source>Previous period %1: %2</source>
        <translation>Vorheriger Zeitraum %1: %2</translation>
    </message>
    <message>
        <source>no traffic</source>
        <translation>kein Verkehr</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Error rate</source>
        <translation>Fehlerrate</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>TTFT p95</source>
        <translation>TTFT p95</translation>
    </message>
    <message>
        <source>Share (actual)</source>
        <translation>Anteil (tatsächlich)</translation>
    </message>
    <message>
        <source>Share (target)</source>
        <translation>Anteil (Ziel)</translation>
    </message>
</context>
<context>
    <name>gw::app::IncidentDialog</name>
    <message>
        <source>a model</source>
        <translation>ein Modell</translation>
    </message>
    <message>
        <source>a provider</source>
        <translation>einen Anbieter</translation>
    </message>
    <message>
        <source>Vercel</source>
        <translation>Vercel</translation>
    </message>
    <message>
        <source>OpenRouter</source>
        <translation>OpenRouter</translation>
    </message>
    <message>
        <source>incident</source>
        <translation>Störung</translation>
    </message>
    <message>
        <source>Choose what to move.</source>
        <translation>Wählen Sie, was umgeleitet wird.</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>bis %1</translation>
    </message>
    <message>
        <source>Creates rule %1 at the top: %2 → %3, until %4 (%5).</source>
        <translation>Legt Regel %1 ganz oben an: %2 → %3, bis %4 (%5).</translation>
    </message>
    <message>
        <source>The production profile (kilo-gateway export) cannot carry this pin as made: %1. It takes effect only where the native config is read.</source>
        <translation>Das Produktionsprofil (kilo-gateway-Export) kann diese Festlegung so nicht übernehmen: %1. Sie wirkt nur dort, wo die native Konfiguration gelesen wird.</translation>
    </message>
</context>
<context>
    <name>gw::app::KeychainKeyStore</name>
    <message>
        <source>No keychain service is reachable (no D-Bus session).</source>
        <translation>Kein Schlüsselbunddienst erreichbar (keine D-Bus-Sitzung).</translation>
    </message>
</context>
<context>
    <name>gw::app::LeaderboardConstraintModel</name>
    <message>
        <source>OpenRouter: enough tokens left</source>
        <translation>OpenRouter: genug Tokens übrig</translation>
    </message>
    <message>
        <source>Vercel: tokens</source>
        <translation>Vercel: Tokens</translation>
    </message>
    <message>
        <source>Vercel: spend</source>
        <translation>Vercel: Ausgaben</translation>
    </message>
    <message>
        <source>On Vercel whatever the default share</source>
        <translation>Auf Vercel unabhängig vom Standardanteil</translation>
    </message>
    <message>
        <source>The most the default share can move</source>
        <translation>Höchstens so weit kann sich der Standardanteil bewegen</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>höchstens</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>mindestens</translation>
    </message>
    <message>
        <source>sets the upper end</source>
        <translation>bestimmt das obere Ende</translation>
    </message>
    <message>
        <source>sets the lower end</source>
        <translation>bestimmt das untere Ende</translation>
    </message>
    <message>
        <source>Bound</source>
        <translation>Grenze</translation>
    </message>
    <message>
        <source>Vercel share</source>
        <translation>Vercel-Anteil</translation>
    </message>
    <message>
        <source>Share of all tokens</source>
        <translation>Anteil an allen Tokens</translation>
    </message>
    <message>
        <source>Binding</source>
        <translation>Bindend</translation>
    </message>
</context>
<context>
    <name>gw::app::LeaderboardImportModel</name>
    <message>
        <source>tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>us</source>
        <translation>wir</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Ranked by</source>
        <translation>Sortiert nach</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Ours</source>
        <translation>Unsere</translation>
    </message>
</context>
<context>
    <name>gw::app::LivePanel</name>
    <message>
        <source>Waiting for the keychain…</source>
        <translation>Warten auf den Schlüsselbund…</translation>
    </message>
    <message>
        <source>No production database is set up (Settings &gt; Production database).</source>
        <translation>Keine Produktionsdatenbank eingerichtet (Einstellungen &gt; Produktionsdatenbank).</translation>
    </message>
    <message>
        <source>Reading the live record…</source>
        <translation>Aktiver Datensatz wird gelesen…</translation>
    </message>
    <message>
        <source>Cannot read the live record: %1</source>
        <translation>Aktiver Datensatz nicht lesbar: %1</translation>
    </message>
    <message>
        <source>Draft vs live: %1</source>
        <translation>Entwurf vs. aktiv: %1</translation>
    </message>
    <message>
        <source>Changed in production since this workspace published it (web admin?): %1</source>
        <translation>In Produktion geändert, seit dieser Arbeitsbereich veröffentlicht hat (Web-Admin?): %1</translation>
    </message>
    <message>
        <source>Live differs from this workspace&apos;s last export %1 (nothing published from here yet): %2</source>
        <translation>Der aktive Stand weicht vom letzten Export %1 dieses Arbeitsbereichs ab (von hier noch nichts veröffentlicht): %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Perplexity %1</source>
        <translation>Perplexity %1</translation>
    </message>
    <message>
        <source>Friendli %1</source>
        <translation>Friendli %1</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>adopted from the live production record</source>
        <translation>aus dem aktiven Produktionsdatensatz übernommen</translation>
    </message>
    <message>
        <source>Adopt the live production record</source>
        <translation>Aktiven Produktionsdatensatz übernehmen</translation>
    </message>
    <message numerus="yes">
        <source>Adopted. The draft still opts out %n model(s) the live record does not: their rules or model entries are yours to change.</source>
        <translation>
            <numerusform>Übernommen. Der Entwurf nimmt weiterhin %n Modell aus, das der aktive Datensatz nicht ausnimmt: dessen Regeln oder Modelleinträge können Sie selbst ändern.</numerusform>
            <numerusform>Übernommen. Der Entwurf nimmt weiterhin %n Modelle aus, die der aktive Datensatz nicht ausnimmt: deren Regeln oder Modelleinträge können Sie selbst ändern.</numerusform>
        </translation>
    </message>
    <message>
        <source>Adopted into the draft (Undo reverts it).</source>
        <translation>In den Entwurf übernommen („Rückgängig“ nimmt es zurück).</translation>
    </message>
</context>
<context>
    <name>gw::app::MainWindow</name>
    <message>
        <source>Routing</source>
        <translation>Routing</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Test bench</source>
        <translation>Prüfstand</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>Überwachung</translation>
    </message>
    <message>
        <source>Planner</source>
        <translation>Planer</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Gateway Console</source>
        <translation>Gateway Console</translation>
    </message>
    <message>
        <source>Could not create the sample workspace: %1</source>
        <translation>Der Beispiel-Arbeitsbereich konnte nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>%1 is not a valid routing config:
%2</source>
        <translation>%1 ist keine gültige Routing-Konfiguration:
%2</translation>
    </message>
    <message>
        <source>Recover unsaved changes</source>
        <translation>Ungespeicherte Änderungen wiederherstellen</translation>
    </message>
    <message>
        <source>This workspace has unsaved changes from an earlier session. Recover them?</source>
        <translation>Dieser Arbeitsbereich hat ungespeicherte Änderungen aus einer früheren Sitzung. Wiederherstellen?</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Save the draft before opening another workspace?</source>
        <translation>Den Entwurf speichern, bevor ein anderer Arbeitsbereich geöffnet wird?</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>Arbeitsbereich: %1</translation>
    </message>
    <message>
        <source>No workspace</source>
        <translation>Kein Arbeitsbereich</translation>
    </message>
    <message>
        <source>Revision %1</source>
        <translation>Revision %1</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>The draft has unsaved changes. Save them?</source>
        <translation>Der Entwurf hat ungespeicherte Änderungen. Speichern?</translation>
    </message>
    <message>
        <source>Run history not available: %1</source>
        <translation>Laufverlauf nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>%1 was edited outside Gateway Console: its content_sha256 does not match; review it before exporting</source>
        <translation>%1 wurde außerhalb von Gateway Console bearbeitet: content_sha256 stimmt nicht überein; vor dem Export bitte prüfen</translation>
    </message>
    <message>
        <source>Live in production</source>
        <translation>Aktiv in Produktion</translation>
    </message>
    <message>
        <source>Publish history</source>
        <translation>Veröffentlichungsverlauf</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Run the test bench</source>
        <translation>Prüfstand ausführen</translation>
    </message>
    <message>
        <source>Publish to production</source>
        <translation>In Produktion veröffentlichen</translation>
    </message>
    <message>
        <source>No production database is set up: enter it in Settings &gt; Production database.</source>
        <translation>Keine Produktionsdatenbank eingerichtet: Tragen Sie sie unter Einstellungen &gt; Produktionsdatenbank ein.</translation>
    </message>
    <message>
        <source>Workspace in use</source>
        <translation>Arbeitsbereich in Gebrauch</translation>
    </message>
    <message>
        <source>%1

Open it read-only? You can look and try edits, but nothing is saved or exported from this window while the other one holds the workspace.</source>
        <translation>%1

Schreibgeschützt öffnen? Sie können sich alles ansehen und Änderungen ausprobieren, aber aus diesem Fenster wird nichts gespeichert oder exportiert, solange das andere den Arbeitsbereich belegt.</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>Schreibgeschützt öffnen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>(read-only: open in %1)</source>
        <translation>(schreibgeschützt: geöffnet in %1)</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>schreibgeschützt</translation>
    </message>
    <message>
        <source>This window is read-only: its changes cannot be saved. Close and discard them?</source>
        <translation>Dieses Fenster ist schreibgeschützt: Seine Änderungen können nicht gespeichert werden. Schließen und Änderungen verwerfen?</translation>
    </message>
</context>
<context>
    <name>gw::app::MappingTableModel</name>
    <message>
        <source>confirmed</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <source>config says %1</source>
        <translation>Konfiguration sagt %1</translation>
    </message>
    <message>
        <source>not on Vercel</source>
        <translation>nicht auf Vercel</translation>
    </message>
    <message>
        <source>not in config</source>
        <translation>nicht in der Konfiguration</translation>
    </message>
    <message>
        <source>OpenRouter model</source>
        <translation>OpenRouter-Modell</translation>
    </message>
    <message>
        <source>Proposed Vercel model</source>
        <translation>Vorgeschlagenes Vercel-Modell</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>In the config</source>
        <translation>In der Konfiguration</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <source>OpenRouter price per million tokens, input / output</source>
        <translation>OpenRouter-Preis je Million Tokens, Eingabe / Ausgabe</translation>
    </message>
    <message>
        <source>Vercel price per million tokens, input / output</source>
        <translation>Vercel-Preis je Million Tokens, Eingabe / Ausgabe</translation>
    </message>
    <message>
        <source>reasoning</source>
        <translation>Reasoning</translation>
    </message>
    <message>
        <source>tools</source>
        <translation>Tools</translation>
    </message>
    <message>
        <source>as capable</source>
        <translation>gleichwertig</translation>
    </message>
    <message>
        <source>Vercel weaker: %1</source>
        <translation>Vercel schwächer: %1</translation>
    </message>
    <message>
        <source>OpenRouter $/M in / out</source>
        <translation>OpenRouter $/M ein / aus</translation>
    </message>
    <message>
        <source>Vercel $/M in / out</source>
        <translation>Vercel $/M ein / aus</translation>
    </message>
    <message>
        <source>Vercel price difference</source>
        <translation>Preisunterschied Vercel</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>Fähigkeiten</translation>
    </message>
    <message>
        <source>Parity</source>
        <translation>Parität</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>capabilities</source>
        <translation>Fähigkeiten</translation>
    </message>
    <message>
        <source>OpenRouter: %1</source>
        <translation>OpenRouter: %1</translation>
    </message>
    <message>
        <source>Vercel: %1</source>
        <translation>Vercel: %1</translation>
    </message>
    <message>
        <source>Since last sync</source>
        <translation>Seit letzter Synchronisierung</translation>
    </message>
</context>
<context>
    <name>gw::app::ModelsPage</name>
    <message>
        <source>No workspace.</source>
        <translation>Kein Arbeitsbereich.</translation>
    </message>
    <message>
        <source>The workspace has no catalog snapshots (catalogs/openrouter-models-*.json, catalogs/vercel-models-*.json).</source>
        <translation>Der Arbeitsbereich hat keine Katalog-Schnappschüsse (catalogs/openrouter-models-*.json, catalogs/vercel-models-*.json).</translation>
    </message>
    <message>
        <source>%1 OpenRouter models from %2; %3 in the config&apos;s model table.</source>
        <translation>%1 OpenRouter-Modelle aus %2; %3 in der Modelltabelle der Konfiguration.</translation>
    </message>
    <message>
        <source>Confirm mapping of %1</source>
        <translation>Zuordnung von %1 bestätigen</translation>
    </message>
    <message>
        <source>Mark %1 as not on Vercel</source>
        <translation>%1 als nicht auf Vercel markieren</translation>
    </message>
    <message>
        <source>%1 %2 new, %3 removed, %4 with new prices</source>
        <translation>%1 %2 neu, %3 entfernt, %4 mit neuen Preisen</translation>
    </message>
    <message>
        <source>Synced: %1.</source>
        <translation>Synchronisiert: %1.</translation>
    </message>
    <message>
        <source>Since the previous sync (%1): %2; %3.</source>
        <translation>Seit der vorherigen Synchronisierung (%1): %2; %3.</translation>
    </message>
    <message>
        <source>No gateway connections: open the settings.</source>
        <translation>Keine Gateway-Verbindungen: bitte die Einstellungen öffnen.</translation>
    </message>
    <message>
        <source>%1 -&gt; %2</source>
        <translation>%1 -&gt; %2</translation>
    </message>
    <message>
        <source>%1 not on Vercel</source>
        <translation>%1 nicht auf Vercel</translation>
    </message>
    <message>
        <source>Confirmed %1.</source>
        <translation>%1 bestätigt.</translation>
    </message>
    <message>
        <source>Marked %1.</source>
        <translation>%1 markiert.</translation>
    </message>
</context>
<context>
    <name>gw::app::MonitorChartView</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 – %2 UTC</source>
        <translation>%1 – %2 UTC</translation>
    </message>
    <message>
        <source>Could not encode the chart as PNG</source>
        <translation>Das Diagramm konnte nicht als PNG kodiert werden</translation>
    </message>
    <message>
        <source>Cost per %1</source>
        <translation>Kosten pro %1</translation>
    </message>
    <message>
        <source>Errors per %1</source>
        <translation>Fehler pro %1</translation>
    </message>
    <message>
        <source>%1 error rate</source>
        <translation>Fehlerrate %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 % errors of %n request(s)</source>
        <translation>
            <numerusform>%1: %2 % Fehler bei %n Anfrage</numerusform>
            <numerusform>%1: %2 % Fehler bei %n Anfragen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 error(s) of %n request(s), too few for a rate</source>
        <translation>
            <numerusform>%1: %2 Fehler bei %n Anfrage, zu wenige für eine Rate</numerusform>
            <numerusform>%1: %2 Fehler bei %n Anfragen, zu wenige für eine Rate</numerusform>
        </translation>
    </message>
    <message>
        <source>Exports, publishes and incident pins</source>
        <translation>Exporte, Veröffentlichungen und Störungsfestlegungen</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n Änderung</numerusform>
            <numerusform>%n Änderungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Error rate</source>
        <translation>Fehlerrate</translation>
    </message>
</context>
<context>
    <name>gw::app::MonitorController</name>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>USD</source>
        <translation>USD</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>USD/Mtok</source>
        <translation>USD/Mtok</translation>
    </message>
</context>
<context>
    <name>gw::app::MonitorPage</name>
    <message>
        <source>All gateways</source>
        <translation>Alle Gateways</translation>
    </message>
    <message>
        <source>All models</source>
        <translation>Alle Modelle</translation>
    </message>
    <message>
        <source>All providers</source>
        <translation>Alle Anbieter</translation>
    </message>
    <message>
        <source>Config live then</source>
        <translation>Damals aktive Konfiguration</translation>
    </message>
    <message>
        <source>Current draft</source>
        <translation>Aktueller Entwurf</translation>
    </message>
    <message>
        <source>Traffic history not open yet.</source>
        <translation>Der Verkehrsverlauf ist noch nicht geöffnet.</translation>
    </message>
    <message>
        <source>Cost per gateway (reported and estimated)</source>
        <translation>Kosten je Gateway (gemeldet und geschätzt)</translation>
    </message>
    <message>
        <source>TTFT and latency, p50 and p95</source>
        <translation>TTFT und Latenz, p50 und p95</translation>
    </message>
    <message>
        <source>Vercel share: actual against target</source>
        <translation>Vercel-Anteil: tatsächlich gegenüber Ziel</translation>
    </message>
    <message>
        <source>Cost per million tokens per model, and at the other gateway&apos;s prices</source>
        <translation>Kosten je Million Tokens pro Modell, auch zu den Preisen des anderen Gateways</translation>
    </message>
    <message>
        <source>Gateway balances and runway</source>
        <translation>Guthaben und Reichweite der Gateways</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>PNG exportieren…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Traffic history not available.</source>
        <translation>Verkehrsverlauf nicht verfügbar.</translation>
    </message>
    <message>
        <source>Could not read the traffic history: %1</source>
        <translation>Der Verkehrsverlauf konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 – %2 UTC, %3 buckets</source>
        <translation>%1 – %2 UTC, Buckets: %3</translation>
    </message>
    <message>
        <source>no traffic in this range matches the filters</source>
        <translation>kein Verkehr in diesem Zeitraum passt zu den Filtern</translation>
    </message>
    <message>
        <source>Failover threshold</source>
        <translation>Failover-Schwelle</translation>
    </message>
    <message>
        <source>Failover threshold (failover off)</source>
        <translation>Failover-Schwelle (Failover aus)</translation>
    </message>
    <message>
        <source>Dark: cost the gateway reported; light: estimated from the catalog price table.</source>
        <translation>Dunkel: vom Gateway gemeldete Kosten; hell: aus der Preistabelle des Katalogs geschätzt.</translation>
    </message>
    <message>
        <source>Percentiles from bucket histograms, within about 19% of the exact value.</source>
        <translation>Perzentile aus Bucket-Histogrammen, auf etwa 19% genau.</translation>
    </message>
    <message>
        <source>Target from the current draft.</source>
        <translation>Ziel aus dem aktuellen Entwurf.</translation>
    </message>
    <message>
        <source>Failover boosts are not replayed. The gateway and provider filters do not apply.</source>
        <translation>Failover-Verschiebungen werden nicht nachgespielt. Die Gateway- und Anbieterfilter gelten hier nicht.</translation>
    </message>
    <message>
        <source>%1 traffic cost %2; none of its models has a price on %3.</source>
        <translation>Der Verkehr über %1 kostete %2; keines seiner Modelle hat einen Preis bei %3.</translation>
    </message>
    <message>
        <source>%1 traffic cost %2; the models priced on %3 cost %4 there instead of %5.</source>
        <translation>Der Verkehr über %1 kostete %2; die Modelle mit Preis bei %3 kosten dort %4 statt %5.</translation>
    </message>
    <message>
        <source>balance unknown (not connected)</source>
        <translation>Guthaben unbekannt (nicht verbunden)</translation>
    </message>
    <message>
        <source>no credit limit, %1 spent</source>
        <translation>kein Kreditlimit, %1 ausgegeben</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 übrig</translation>
    </message>
    <message>
        <source>burning %1/day (last 7 days of traffic)</source>
        <translation>Verbrauch %1/Tag (Verkehr der letzten 7 Tage)</translation>
    </message>
    <message>
        <source>runway %1 days</source>
        <translation>Reichweite %1 Tage</translation>
    </message>
    <message>
        <source>about to run dry</source>
        <translation>bald aufgebraucht</translation>
    </message>
    <message>
        <source>Export chart as PNG</source>
        <translation>Diagramm als PNG exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Export PNG</source>
        <translation>PNG exportieren</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export chart data as CSV</source>
        <translation>Diagrammdaten als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <source>no traffic in this range; the newest recorded traffic ends %1 UTC</source>
        <translation>kein Verkehr in diesem Zeitraum; der neueste aufgezeichnete Verkehr endet %1 UTC</translation>
    </message>
    <message>
        <source>Errors per class (stacked) and error rate per gateway</source>
        <translation>Fehler je Klasse (gestapelt) und Fehlerrate je Gateway</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Share of requests</source>
        <translation>Anteil der Anfragen</translation>
    </message>
    <message>
        <source>per million tokens</source>
        <translation>je Million Tokens</translation>
    </message>
    <message>
        <source>Loading traffic for the chosen range…</source>
        <translation>Verkehr für den gewählten Zeitraum wird geladen…</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>Export %1</translation>
    </message>
    <message>
        <source>Publish %1</source>
        <translation>Veröffentlichung %1</translation>
    </message>
    <message>
        <source>Pin %1</source>
        <translation>Festlegung %1</translation>
    </message>
    <message>
        <source>Pin expires %1</source>
        <translation>Festlegung läuft ab: %1</translation>
    </message>
    <message>
        <source>Gateway: %1</source>
        <translation>Gateway: %1</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <source>Provider: %1</source>
        <translation>Anbieter: %1</translation>
    </message>
    <message>
        <source>Target from: %1</source>
        <translation>Ziel aus: %1</translation>
    </message>
    <message>
        <source>%1 – %2 UTC</source>
        <translation>%1 – %2 UTC</translation>
    </message>
    <message numerus="yes">
        <source>Target from the config live then (%n exported revision(s)).</source>
        <translation>
            <numerusform>Ziel aus der damals aktiven Konfiguration (%n exportierte Revision).</numerusform>
            <numerusform>Ziel aus der damals aktiven Konfiguration (%n exportierte Revisionen).</numerusform>
        </translation>
    </message>
    <message>
        <source>No export in the history: the whole target is the draft (not exported), not a config that was live.</source>
        <translation>Kein Export im Verlauf: Das gesamte Ziel ist der Entwurf (nicht exportiert), keine Konfiguration, die aktiv war.</translation>
    </message>
    <message>
        <source>No export before %1 UTC: the target before it is the draft (not exported), drawn apart.</source>
        <translation>Kein Export vor %1 UTC: Das Ziel davor ist der Entwurf (nicht exportiert), getrennt gezeichnet.</translation>
    </message>
    <message>
        <source>minute</source>
        <translation>Minute</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>Stunde</translation>
    </message>
    <message>
        <source>day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>No traffic in the last hour; showing the last recorded hour, to %1 UTC</source>
        <translation>Kein Verkehr in der letzten Stunde; gezeigt wird die letzte aufgezeichnete Stunde, bis %1 UTC</translation>
    </message>
    <message>
        <source>No traffic in the last 24 hours; showing the last recorded day, to %1 UTC</source>
        <translation>Kein Verkehr in den letzten 24 Stunden; gezeigt wird der letzte aufgezeichnete Tag, bis %1 UTC</translation>
    </message>
    <message>
        <source>No traffic in the last 7 days; showing the last recorded 7 days, to %1 UTC</source>
        <translation>Kein Verkehr in den letzten 7 Tagen; gezeigt werden die letzten aufgezeichneten 7 Tage, bis %1 UTC</translation>
    </message>
    <message>
        <source>No traffic in the last 30 days; showing the last recorded 30 days, to %1 UTC</source>
        <translation>Kein Verkehr in den letzten 30 Tagen; gezeigt werden die letzten aufgezeichneten 30 Tage, bis %1 UTC</translation>
    </message>
    <message numerus="yes">
        <source>Failover threshold %1 % (from the draft). The rate is drawn only for intervals of at least %n requests: one failed request of one is not a 100 % error rate.</source>
        <translation>
            <numerusform>Failover-Schwelle %1 % (aus dem Entwurf). Die Rate wird nur für Intervalle mit mindestens %n Anfrage gezeichnet: eine fehlgeschlagene von einer Anfrage ist keine Fehlerrate von 100 %.</numerusform>
            <numerusform>Failover-Schwelle %1 % (aus dem Entwurf). Die Rate wird nur für Intervalle mit mindestens %n Anfragen gezeichnet: eine fehlgeschlagene von einer Anfrage ist keine Fehlerrate von 100 %.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gw::app::MonitorTableModel</name>
    <message>
        <source>Actual Vercel share</source>
        <translation>Tatsächlicher Vercel-Anteil</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Guthaben</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Ausgegeben</translation>
    </message>
    <message>
        <source>Burn per day</source>
        <translation>Verbrauch pro Tag</translation>
    </message>
    <message>
        <source>Runway (days)</source>
        <translation>Reichweite (Tage)</translation>
    </message>
    <message>
        <source>%1 reported</source>
        <translation>%1 gemeldet</translation>
    </message>
    <message>
        <source>%1 estimated</source>
        <translation>%1 geschätzt</translation>
    </message>
    <message>
        <source>%1 all errors</source>
        <translation>%1 alle Fehler</translation>
    </message>
    <message>
        <source>%1 TTFT p50</source>
        <translation>%1 TTFT p50</translation>
    </message>
    <message>
        <source>%1 TTFT p95</source>
        <translation>%1 TTFT p95</translation>
    </message>
    <message>
        <source>%1 latency p50</source>
        <translation>%1 Latenz p50</translation>
    </message>
    <message>
        <source>%1 latency p95</source>
        <translation>%1 Latenz p95</translation>
    </message>
    <message>
        <source>%1 actual</source>
        <translation>%1 tatsächlich</translation>
    </message>
    <message>
        <source>%1 traffic at %2 prices</source>
        <translation>Verkehr über %1 zu Preisen von %2</translation>
    </message>
    <message>
        <source>Target: config live then</source>
        <translation>Ziel: damals aktive Konfiguration</translation>
    </message>
    <message>
        <source>Target: draft (not exported)</source>
        <translation>Ziel: Entwurf (nicht exportiert)</translation>
    </message>
    <message>
        <source>Target: current draft</source>
        <translation>Ziel: aktueller Entwurf</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>%1 requests</source>
        <translation>%1 Anfragen</translation>
    </message>
</context>
<context>
    <name>gw::app::PlannerLeaderboardController</name>
    <message>
        <source>No recorded traffic loaded: every token counts as movable.</source>
        <translation>Kein aufgezeichneter Verkehr geladen: jedes Token gilt als verlagerbar.</translation>
    </message>
    <message>
        <source>The range changed: load the recorded traffic again to use it.</source>
        <translation>Der Zeitraum hat sich geändert: den aufgezeichneten Verkehr erneut laden, um ihn zu verwenden.</translation>
    </message>
    <message>
        <source>Reading recorded traffic…</source>
        <translation>Aufgezeichneter Verkehr wird gelesen…</translation>
    </message>
    <message>
        <source>Could not read the recorded traffic: %1</source>
        <translation>Der aufgezeichnete Verkehr konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No traffic recorded in this range.</source>
        <translation>In diesem Zeitraum wurde kein Verkehr aufgezeichnet.</translation>
    </message>
    <message>
        <source>%1 tokens and %2 USD per day over the range&apos;s %3 days.</source>
        <translation>%1 Tokens und %2 USD pro Tag über die %3 Tage des Zeitraums.</translation>
    </message>
    <message>
        <source>Could not import %1:
%2</source>
        <translation>%1 konnte nicht importiert werden:
%2</translation>
    </message>
    <message>
        <source>we rank %1</source>
        <translation>wir stehen auf Rang %1</translation>
    </message>
    <message>
        <source>we are not listed</source>
        <translation>wir sind nicht aufgeführt</translation>
    </message>
    <message>
        <source>%1 (rank %2)</source>
        <translation>%1 (Rang %2)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>OpenRouter (%1): strongest other app %2 (rank %3, %4 tokens); %5.</source>
        <translation>OpenRouter (%1): stärkste andere App %2 (Rang %3, %4 Tokens); %5.</translation>
    </message>
    <message>
        <source>Vercel (%1): strongest other app by tokens %2, by spend %3; %4. Type their daily volumes.</source>
        <translation>Vercel (%1): stärkste andere App nach Tokens %2, nach Ausgaben %3; %4. Tragen Sie deren Tagesvolumen ein.</translation>
    </message>
    <message>
        <source>Enter our tokens per day (or take them from recorded traffic) and the strongest other app&apos;s tokens on each gateway (typed, or imported from a saved rankings file).</source>
        <translation>Geben Sie unsere Tokens pro Tag ein (oder übernehmen Sie sie aus dem aufgezeichneten Verkehr) und die Tokens der stärksten anderen App auf jedem Gateway (eingegeben oder aus einer gespeicherten Ranglistendatei importiert).</translation>
    </message>
    <message>
        <source>without the margin: %1 – %2</source>
        <translation>ohne Sicherheitsabstand: %1 – %2</translation>
    </message>
    <message>
        <source>infeasible even without the margin</source>
        <translation>auch ohne Sicherheitsabstand nicht erreichbar</translation>
    </message>
    <message>
        <source>Minimal Vercel share: %1 of all tokens</source>
        <translation>Minimaler Vercel-Anteil: %1 aller Tokens</translation>
    </message>
    <message>
        <source>Feasible range: %1 – %2 (%3).</source>
        <translation>Machbarer Bereich: %1 – %2 (%3).</translation>
    </message>
    <message>
        <source>No Vercel share keeps us first on both leaderboards.</source>
        <translation>Kein Vercel-Anteil hält uns auf Platz eins beider Ranglisten.</translation>
    </message>
    <message>
        <source>Needed at least %1, allowed at most %2 (%3).</source>
        <translation>Benötigt mindestens %1, erlaubt höchstens %2 (%3).</translation>
    </message>
    <message>
        <source>Recorded traffic: %1 on Vercel whatever the default share, up to %2 more through it (the draft&apos;s rules count only while in force, as if the traffic began now).</source>
        <translation>Aufgezeichneter Verkehr: %1 auf Vercel unabhängig vom Standardanteil, bis zu %2 mehr über ihn (die Regeln des Entwurfs zählen nur, solange sie gelten, als begänne der Verkehr jetzt).</translation>
    </message>
    <message>
        <source>No recorded traffic loaded: every token is assumed to follow the default share.</source>
        <translation>Kein aufgezeichneter Verkehr geladen: für jedes Token wird angenommen, dass es dem Standardanteil folgt.</translation>
    </message>
    <message>
        <source>Default shares: paid %1, free %2; Vercel then gets %3 of the recorded tokens. %4</source>
        <translation>Standardanteile: kostenpflichtig %1, kostenlos %2; Vercel bekommt dann %3 der aufgezeichneten Tokens. %4</translation>
    </message>
    <message>
        <source>The default shares cannot reach %1: the rest of the traffic is pinned or not on Vercel.</source>
        <translation>Die Standardanteile können %1 nicht erreichen: der übrige Verkehr ist fest zugeordnet oder nicht auf Vercel.</translation>
    </message>
    <message>
        <source>Leaderboard plan: default shares %1 / %2</source>
        <translation>Ranglistenplan: Standardanteile %1 / %2</translation>
    </message>
</context>
<context>
    <name>gw::app::PlannerLeaderboardPanel</name>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>Ausgaben</translation>
    </message>
    <message>
        <source>Tokens and spend</source>
        <translation>Tokens und Ausgaben</translation>
    </message>
    <message>
        <source>Paid and free default shares</source>
        <translation>Standardanteile kostenpflichtig und kostenlos</translation>
    </message>
    <message>
        <source>Paid default share only</source>
        <translation>Nur Standardanteil kostenpflichtig</translation>
    </message>
    <message>
        <source>Free default share only</source>
        <translation>Nur Standardanteil kostenlos</translation>
    </message>
    <message>
        <source>Import OpenRouter app rankings</source>
        <translation>OpenRouter-App-Rangliste importieren</translation>
    </message>
    <message>
        <source>Import Vercel leaderboard export</source>
        <translation>Vercel-Ranglisten-Export importieren</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>gw::app::PlannerMarginChart</name>
    <message>
        <source>Lead over the strongest competitor by Vercel share</source>
        <translation>Vorsprung vor dem stärksten Konkurrenten nach Vercel-Anteil</translation>
    </message>
    <message>
        <source>OpenRouter</source>
        <translation>OpenRouter</translation>
    </message>
    <message>
        <source>Vercel tokens</source>
        <translation>Vercel-Tokens</translation>
    </message>
    <message>
        <source>Vercel spend</source>
        <translation>Vercel-Ausgaben</translation>
    </message>
    <message>
        <source>Feasible</source>
        <translation>Machbar</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Vorgeschlagen</translation>
    </message>
    <message>
        <source>Vercel share of all tokens (%)</source>
        <translation>Vercel-Anteil an allen Tokens (%)</translation>
    </message>
    <message>
        <source>Lead (%)</source>
        <translation>Vorsprung (%)</translation>
    </message>
</context>
<context>
    <name>gw::app::PlannerPage</name>
    <message>
        <source>Leaderboard</source>
        <translation>Rangliste</translation>
    </message>
    <message>
        <source>What-if replay</source>
        <translation>Was-wäre-wenn</translation>
    </message>
    <message>
        <source>Guarded ramp</source>
        <translation>Abgesicherte Rampe</translation>
    </message>
    <message>
        <source>Traffic history not available: %1. Recorded traffic, replay and ramp gates need it; the leaderboard planner works with typed volumes.</source>
        <translation>Verkehrsverlauf nicht verfügbar: %1. Aufgezeichneter Verkehr, Nachspielen und Rampenprüfungen brauchen ihn; der Ranglistenplaner arbeitet mit eingegebenen Volumen.</translation>
    </message>
    <message>
        <source>not open</source>
        <translation>nicht geöffnet</translation>
    </message>
</context>
<context>
    <name>gw::app::PlannerRampController</name>
    <message>
        <source>Evaluate the current step on the recorded traffic of the plan&apos;s window.</source>
        <translation>Die aktuelle Stufe am aufgezeichneten Verkehr im Zeitfenster des Plans auswerten.</translation>
    </message>
    <message>
        <source>Could not load %1:
%2</source>
        <translation>%1 konnte nicht geladen werden:
%2</translation>
    </message>
    <message>
        <source>The plan is not valid: check the steps and the current step.</source>
        <translation>Der Plan ist ungültig: bitte die Stufen und die aktuelle Stufe prüfen.</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>The plan is not valid: the steps must be increasing numbers in (0, 100] and the current step one of them.</source>
        <translation>Der Plan ist ungültig: die Stufen müssen ansteigende Zahlen in (0, 100] sein und die aktuelle Stufe eine davon.</translation>
    </message>
    <message>
        <source>Reading the window&apos;s traffic…</source>
        <translation>Verkehr des Zeitfensters wird gelesen…</translation>
    </message>
    <message>
        <source>Could not read the recorded traffic: %1</source>
        <translation>Der aufgezeichnete Verkehr konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Advance: the ramp is complete</source>
        <translation>Vorrücken: die Rampe ist abgeschlossen</translation>
    </message>
    <message>
        <source>Advance</source>
        <translation>Vorrücken</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Halten</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>Zurückfahren</translation>
    </message>
    <message>
        <source>Window %1 – %2 UTC.</source>
        <translation>Zeitfenster %1 – %2 UTC.</translation>
    </message>
    <message>
        <source>Ramp %1: advance to %2%</source>
        <translation>Rampe %1: vorrücken auf %2%</translation>
    </message>
    <message>
        <source>Ramp %1: roll back to %2%</source>
        <translation>Rampe %1: zurückfahren auf %2%</translation>
    </message>
    <message>
        <source>The draft now sends %1% of %2 to Vercel. Export it as usual, then evaluate again once the step has collected data.</source>
        <translation>Der Entwurf schickt jetzt %1% von %2 zu Vercel. Exportieren Sie ihn wie gewohnt und werten Sie erneut aus, sobald die Stufe Daten gesammelt hat.</translation>
    </message>
</context>
<context>
    <name>gw::app::PlannerRampPanel</name>
    <message>
        <source>ramp plan form</source>
        <translation>Rampenplan-Formular</translation>
    </message>
    <message>
        <source>= %1% on Vercel</source>
        <translation>= %1% auf Vercel</translation>
    </message>
    <message>
        <source>(plan not valid)</source>
        <translation>(Plan ungültig)</translation>
    </message>
    <message>
        <source>Load ramp plan</source>
        <translation>Rampenplan laden</translation>
    </message>
    <message>
        <source>Ramp plans (*.json);;All files (*)</source>
        <translation>Rampenpläne (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save ramp plan</source>
        <translation>Rampenplan speichern</translation>
    </message>
    <message>
        <source>Ramp plans (*.json)</source>
        <translation>Rampenpläne (*.json)</translation>
    </message>
</context>
<context>
    <name>gw::app::PlannerReplayController</name>
    <message numerus="yes">
        <source>%n exported revision(s), each from its export time</source>
        <translation>
            <numerusform>%n exportierte Revision, jeweils ab ihrem Exportzeitpunkt</numerusform>
            <numerusform>%n exportierte Revisionen, jeweils ab ihrem Exportzeitpunkt</numerusform>
        </translation>
    </message>
    <message>
        <source>the saved draft file, no native export yet</source>
        <translation>die gespeicherte Entwurfsdatei, noch kein nativer Export</translation>
    </message>
    <message>
        <source>no saved config, the draft itself</source>
        <translation>keine gespeicherte Konfiguration, der Entwurf selbst</translation>
    </message>
    <message>
        <source>No traffic history open.</source>
        <translation>Kein Verkehrsverlauf geöffnet.</translation>
    </message>
    <message>
        <source>Reading recorded traffic…</source>
        <translation>Aufgezeichneter Verkehr wird gelesen…</translation>
    </message>
    <message>
        <source>Replay cancelled.</source>
        <translation>Nachspielen abgebrochen.</translation>
    </message>
    <message>
        <source>Could not read the recorded traffic: %1</source>
        <translation>Der aufgezeichnete Verkehr konnte nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Replaying %n usage row(s)…</source>
        <translation>
            <numerusform>%n Nutzungszeile wird nachgespielt…</numerusform>
            <numerusform>%n Nutzungszeilen werden nachgespielt…</numerusform>
        </translation>
    </message>
    <message>
        <source>The replay stopped without a result.</source>
        <translation>Das Nachspielen endete ohne Ergebnis.</translation>
    </message>
    <message numerus="yes">
        <source>Replay cancelled after %n usage row(s); the previous result stays.</source>
        <translation>
            <numerusform>Nachspielen nach %n Nutzungszeile abgebrochen; das vorherige Ergebnis bleibt.</numerusform>
            <numerusform>Nachspielen nach %n Nutzungszeilen abgebrochen; das vorherige Ergebnis bleibt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Replayed %n usage row(s); live config: %1.</source>
        <translation>
            <numerusform>%n Nutzungszeile nachgespielt; aktive Konfiguration: %1.</numerusform>
            <numerusform>%n Nutzungszeilen nachgespielt; aktive Konfiguration: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gw::app::PlannerReplayPanel</name>
    <message>
        <source>Draft: %1 requests, %2 tokens, %3% of tokens on Vercel, cost %4 USD.</source>
        <translation>Entwurf: %1 Anfragen, %2 Tokens, %3% der Tokens auf Vercel, Kosten %4 USD.</translation>
    </message>
    <message>
        <source>Live config (%1): %2% of tokens on Vercel, cost %3 USD. Difference: %4 USD.</source>
        <translation>Aktive Konfiguration (%1): %2% der Tokens auf Vercel, Kosten %3 USD. Differenz: %4 USD.</translation>
    </message>
    <message>
        <source>Recorded: %1% of tokens were served by Vercel, cost %2 USD.</source>
        <translation>Aufgezeichnet: %1% der Tokens wurden von Vercel bedient, Kosten %2 USD.</translation>
    </message>
    <message>
        <source>Churn: %1 of %2 sticky keys change gateway (%3 to Vercel, %4 to OpenRouter), %5 of %6 requests affected.</source>
        <translation>Wechsel: %1 von %2 Sticky-Schlüsseln wechseln das Gateway (%3 zu Vercel, %4 zu OpenRouter), %5 von %6 Anfragen betroffen.</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) on the draft have neither a recorded nor a catalog price: their cost is missing.</source>
        <translation>
            <numerusform>%n Anfrage im Entwurf hat weder einen aufgezeichneten noch einen Katalogpreis: ihre Kosten fehlen.</numerusform>
            <numerusform>%n Anfragen im Entwurf haben weder einen aufgezeichneten noch einen Katalogpreis: ihre Kosten fehlen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Draft rules count only while they are in force: the traffic is replayed as if it began now, when the draft would go live.</source>
        <translation>Regeln des Entwurfs zählen nur, solange sie gelten: Der Verkehr wird nachgespielt, als begänne er jetzt, wenn der Entwurf aktiv würde.</translation>
    </message>
    <message>
        <source>Rule “%1” expires %2: it counts for %3 of the %4 hours replayed.</source>
        <translation>Regel „%1“ läuft ab (%2): Sie zählt für %3 der %4 nachgespielten Stunden.</translation>
    </message>
    <message>
        <source>Rule “%1” has expired: it counts for none of the traffic.</source>
        <translation>Regel „%1“ ist abgelaufen: Sie zählt für keinen Verkehr.</translation>
    </message>
    <message>
        <source>Rule “%1” is disabled: it counts for none of the traffic.</source>
        <translation>Regel „%1“ ist deaktiviert: Sie zählt für keinen Verkehr.</translation>
    </message>
</context>
<context>
    <name>gw::app::PreviewModel</name>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Vercel</source>
        <translation>Vercel</translation>
    </message>
    <message>
        <source>OpenRouter</source>
        <translation>OpenRouter</translation>
    </message>
    <message>
        <source>Keys changing gateway</source>
        <translation>Schlüssel mit Gateway-Wechsel</translation>
    </message>
    <message>
        <source>%1 of %2 recorded requests (%3 to Vercel, %4 to OpenRouter); %5 of %6 users</source>
        <translation>%1 von %2 aufgezeichneten Anfragen (%3 zu Vercel, %4 zu OpenRouter); %5 von %6 Benutzern</translation>
    </message>
    <message>
        <source>Synthetic sticky keys that land on the other gateway than with the last export</source>
        <translation>Synthetische Sticky-Schlüssel, die auf einem anderen Gateway landen als mit dem letzten Export</translation>
    </message>
    <message>
        <source>Recorded requests of the last days, decided by the draft and by the last export</source>
        <translation>Aufgezeichnete Anfragen der letzten Tage, entschieden vom Entwurf und vom letzten Export</translation>
    </message>
    <message>
        <source>No recorded traffic in the history: import a traffic log to see real requests here</source>
        <translation>Kein aufgezeichneter Verkehr im Verlauf: Importieren Sie ein Verkehrsprotokoll, um hier echte Anfragen zu sehen</translation>
    </message>
    <message>
        <source>Requests moving</source>
        <translation>Wechselnde Anfragen</translation>
    </message>
    <message>
        <source>Users moving</source>
        <translation>Wechselnde Benutzer</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>gw::app::PreviewPanel</name>
    <message>
        <source>computing…</source>
        <translation>wird berechnet…</translation>
    </message>
    <message>
        <source>%1 decisions in %2 s</source>
        <translation>%1 Entscheidungen in %2 s</translation>
    </message>
    <message>
        <source>Overall: Vercel %1 %, OpenRouter %2 % of %3 decisions</source>
        <translation>Gesamt: Vercel %1 %, OpenRouter %2 % von %3 Entscheidungen</translation>
    </message>
    <message>
        <source>No previous export or saved draft to compare against.</source>
        <translation>Kein früherer Export und kein gespeicherter Entwurf zum Vergleich.</translation>
    </message>
    <message>
        <source>Recorded traffic: none in the history yet (the figures above use synthetic users).</source>
        <translation>Aufgezeichneter Verkehr: noch keiner im Verlauf (die Zahlen oben verwenden synthetische Benutzer).</translation>
    </message>
    <message numerus="yes">
        <source>Recorded traffic: none in the last %n day(s) (the figures above use synthetic users).</source>
        <translation>
            <numerusform>Aufgezeichneter Verkehr: keiner im Zeitraum von %n Tag (die Zahlen oben verwenden synthetische Benutzer).</numerusform>
            <numerusform>Aufgezeichneter Verkehr: keiner im Zeitraum von %n Tagen (die Zahlen oben verwenden synthetische Benutzer).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recorded traffic of the last %n day(s): %1 of %2 requests and %3 of %4 users would change gateway against the %5.</source>
        <translation>
            <numerusform>Aufgezeichneter Verkehr im Zeitraum von %n Tag: %1 von %2 Anfragen und %3 von %4 Benutzern würden das Gateway wechseln (Vergleich: %5).</numerusform>
            <numerusform>Aufgezeichneter Verkehr im Zeitraum von %n Tagen: %1 von %2 Anfragen und %3 von %4 Benutzern würden das Gateway wechseln (Vergleich: %5).</numerusform>
        </translation>
    </message>
    <message>
        <source>Against the %1 (%2): %3 decisions change gateway (%4 to Vercel, %5 to OpenRouter); %6 users affected.</source>
        <translation>Vergleich mit %1 (%2): %3 Entscheidungen wechseln das Gateway (%4 zu Vercel, %5 zu OpenRouter); %6 Benutzer betroffen.</translation>
    </message>
    <message>
        <source>saved draft</source>
        <translation>gespeicherter Entwurf</translation>
    </message>
</context>
<context>
    <name>gw::app::ProductionConnection</name>
    <message>
        <source>not set up</source>
        <translation>nicht eingerichtet</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>wird geprüft…</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Production: %1</source>
        <translation>Produktion: %1</translation>
    </message>
    <message>
        <source>No production database in the settings (Settings &gt; Production database).</source>
        <translation>Keine Produktionsdatenbank in den Einstellungen (Einstellungen &gt; Produktionsdatenbank).</translation>
    </message>
    <message>
        <source>Writer: %1</source>
        <translation>Schreibzugang: %1</translation>
    </message>
    <message>
        <source>Reader: same as the writer</source>
        <translation>Lesezugang: wie der Schreibzugang</translation>
    </message>
    <message>
        <source>Reader: %1</source>
        <translation>Lesezugang: %1</translation>
    </message>
</context>
<context>
    <name>gw::app::ProviderTableModel</name>
    <message>
        <source>none on Vercel</source>
        <translation>nicht auf Vercel</translation>
    </message>
    <message>
        <source>Leave empty when Vercel has no such provider: requests naming it stay on OpenRouter.</source>
        <translation>Leer lassen, wenn Vercel diesen Anbieter nicht hat: Anfragen, die ihn nennen, bleiben bei OpenRouter.</translation>
    </message>
    <message>
        <source>Rename provider %1 to %2</source>
        <translation>Anbieter %1 in %2 umbenennen</translation>
    </message>
    <message>
        <source>Map provider %1</source>
        <translation>Anbieter %1 zuordnen</translation>
    </message>
    <message>
        <source>OpenRouter slug</source>
        <translation>OpenRouter-Kürzel</translation>
    </message>
    <message>
        <source>Vercel slug</source>
        <translation>Vercel-Kürzel</translation>
    </message>
    <message>
        <source>Type the OpenRouter provider slug first.</source>
        <translation>Zuerst das OpenRouter-Anbieterkürzel eingeben.</translation>
    </message>
    <message>
        <source>%1 is already in the table.</source>
        <translation>%1 steht bereits in der Tabelle.</translation>
    </message>
    <message>
        <source>Add provider %1</source>
        <translation>Anbieter %1 hinzufügen</translation>
    </message>
    <message>
        <source>Remove provider %1</source>
        <translation>Anbieter %1 entfernen</translation>
    </message>
</context>
<context>
    <name>gw::app::PublishDialog</name>
    <message>
        <source>Publish</source>
        <translation>Veröffentlichen</translation>
    </message>
    <message>
        <source>reading the live record…</source>
        <translation>aktiver Datensatz wird gelesen…</translation>
    </message>
    <message>
        <source>the live record of %1 by %2</source>
        <translation>der aktive Datensatz von %1 durch %2</translation>
    </message>
    <message>
        <source>cannot read the live record: %1</source>
        <translation>aktiver Datensatz nicht lesbar: %1</translation>
    </message>
    <message>
        <source>Publish anyway (lossy)</source>
        <translation>Trotzdem veröffentlichen (verlustbehaftet)</translation>
    </message>
    <message numerus="yes">
        <source>Publish anyway (lossy): drop %n part(s) listed above</source>
        <translation>
            <numerusform>Trotzdem veröffentlichen (verlustbehaftet): %n oben aufgeführten Teil verwerfen</numerusform>
            <numerusform>Trotzdem veröffentlichen (verlustbehaftet): %n oben aufgeführte Teile verwerfen</numerusform>
        </translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>Live -&gt; draft: %1</source>
        <translation>Aktiv -&gt; Entwurf: %1</translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation>Wird veröffentlicht…</translation>
    </message>
    <message>
        <source>Published. The production router has it by %1 UTC.</source>
        <translation>Veröffentlicht. Der Produktionsrouter übernimmt ihn bis spätestens %1 UTC.</translation>
    </message>
    <message>
        <source>The workspace history could not be written: %1</source>
        <translation>Der Verlauf des Arbeitsbereichs konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Not published: the live record changed since this dialog read it. Nothing was written. Read it again (close and reopen) and review the difference.</source>
        <translation>Nicht veröffentlicht: Der aktive Datensatz hat sich geändert, seit dieser Dialog ihn gelesen hat. Es wurde nichts geschrieben. Lesen Sie ihn erneut (schließen und wieder öffnen) und prüfen Sie den Unterschied.</translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>Nicht veröffentlicht: %1</translation>
    </message>
</context>
<context>
    <name>gw::app::PublishHistoryModel</name>
    <message>
        <source>Published (UTC)</source>
        <translation>Veröffentlicht (UTC)</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
</context>
<context>
    <name>gw::app::PublishHistoryPanel</name>
    <message>
        <source>Roll back to this…</source>
        <translation>Hierauf zurückfahren…</translation>
    </message>
    <message>
        <source>Publishes from this workspace, newest first. A rollback republishes the chosen record with compare-and-set against what this workspace last published.</source>
        <translation>Veröffentlichungen aus diesem Arbeitsbereich, neueste zuerst. Ein Zurückfahren veröffentlicht den gewählten Datensatz erneut, mit Compare-and-Set gegen das, was dieser Arbeitsbereich zuletzt veröffentlicht hat.</translation>
    </message>
    <message>
        <source>This window opened the workspace read-only.</source>
        <translation>Dieses Fenster hat den Arbeitsbereich schreibgeschützt geöffnet.</translation>
    </message>
    <message>
        <source>No production database is set up (Settings &gt; Production database).</source>
        <translation>Keine Produktionsdatenbank eingerichtet (Einstellungen &gt; Produktionsdatenbank).</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>Zurückfahren</translation>
    </message>
    <message>
        <source>Who rolls back (e-mail address):</source>
        <translation>Wer fährt zurück (E-Mail-Adresse):</translation>
    </message>
    <message>
        <source>Republish revision %1 (published %2 UTC by %3). Why? (required)</source>
        <translation>Revision %1 erneut veröffentlichen (veröffentlicht %2 UTC von %3). Warum? (Pflichtfeld)</translation>
    </message>
    <message>
        <source>Not rolled back: %1</source>
        <translation>Nicht zurückgefahren: %1</translation>
    </message>
    <message>
        <source>Rolling back to revision %1…</source>
        <translation>Zurückfahren auf Revision %1…</translation>
    </message>
    <message>
        <source>Rolled back to revision %1. The production router has it by %2 UTC.</source>
        <translation>Auf Revision %1 zurückgefahren. Der Produktionsrouter übernimmt sie bis spätestens %2 UTC.</translation>
    </message>
    <message>
        <source>The workspace history could not be written: %1</source>
        <translation>Der Verlauf des Arbeitsbereichs konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Not rolled back: production changed since this workspace last published. Nothing was written.</source>
        <translation>Nicht zurückgefahren: Die Produktion hat sich geändert, seit dieser Arbeitsbereich zuletzt veröffentlicht hat. Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>The change is recorded as drift in the history.</source>
        <translation>Die Änderung ist im Verlauf als Abweichung vermerkt.</translation>
    </message>
</context>
<context>
    <name>gw::app::RampGateTableModel</name>
    <message>
        <source>Error rate</source>
        <translation>Fehlerrate</translation>
    </message>
    <message>
        <source>TTFT p95</source>
        <translation>TTFT p95</translation>
    </message>
    <message>
        <source>Cost per Mtok</source>
        <translation>Kosten je Mtok</translation>
    </message>
    <message>
        <source>not evaluated</source>
        <translation>nicht ausgewertet</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>NICHT BESTANDEN</translation>
    </message>
    <message>
        <source>&lt; %1</source>
        <translation>&lt; %1</translation>
    </message>
    <message>
        <source>p ≥ %1</source>
        <translation>p ≥ %1</translation>
    </message>
    <message>
        <source>≤ %1</source>
        <translation>≤ %1</translation>
    </message>
    <message>
        <source>≤ %1 USD</source>
        <translation>≤ %1 USD</translation>
    </message>
    <message>
        <source>%1 USD</source>
        <translation>%1 USD</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Vercel</source>
        <translation>Vercel</translation>
    </message>
    <message>
        <source>OpenRouter</source>
        <translation>OpenRouter</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>Erlaubt</translation>
    </message>
    <message>
        <source>z</source>
        <translation>z</translation>
    </message>
    <message>
        <source>p-value</source>
        <translation>p-Wert</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>gw::app::RampVolumeModel</name>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Error rate</source>
        <translation>Fehlerrate</translation>
    </message>
    <message>
        <source>More needed before judging</source>
        <translation>Für ein Urteil wird mehr benötigt</translation>
    </message>
</context>
<context>
    <name>gw::app::ReplayTableModel</name>
    <message>
        <source>recorded</source>
        <translation>aufgezeichnet</translation>
    </message>
    <message>
        <source>catalog</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <source>recorded and catalog</source>
        <translation>aufgezeichnet und Katalog</translation>
    </message>
    <message>
        <source>no price</source>
        <translation>kein Preis</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Draft requests</source>
        <translation>Anfragen Entwurf</translation>
    </message>
    <message>
        <source>Draft tokens</source>
        <translation>Tokens Entwurf</translation>
    </message>
    <message>
        <source>Draft cost (USD)</source>
        <translation>Kosten Entwurf (USD)</translation>
    </message>
    <message>
        <source>Draft share (%)</source>
        <translation>Anteil Entwurf (%)</translation>
    </message>
    <message>
        <source>Live requests</source>
        <translation>Anfragen aktiv</translation>
    </message>
    <message>
        <source>Live tokens</source>
        <translation>Tokens aktiv</translation>
    </message>
    <message>
        <source>Live cost (USD)</source>
        <translation>Kosten aktiv (USD)</translation>
    </message>
    <message>
        <source>Live share (%)</source>
        <translation>Anteil aktiv (%)</translation>
    </message>
    <message>
        <source>Cost basis</source>
        <translation>Kostenbasis</translation>
    </message>
</context>
<context>
    <name>gw::app::RequestViewer</name>
    <message>
        <source>Requests sent</source>
        <translation>Gesendete Anfragen</translation>
    </message>
    <message>
        <source>The bodies each gateway got for this case (headers and keys are not part of them).</source>
        <translation>Die Anfragetexte, die jedes Gateway für diesen Fall erhielt (Header und Schlüssel gehören nicht dazu).</translation>
    </message>
    <message>
        <source>Not sent to this gateway.</source>
        <translation>Nicht an dieses Gateway gesendet.</translation>
    </message>
    <message>
        <source>The translation dropped nothing.</source>
        <translation>Die Übersetzung hat nichts weggelassen.</translation>
    </message>
    <message>
        <source>The translation dropped:</source>
        <translation>Die Übersetzung ließ weg:</translation>
    </message>
</context>
<context>
    <name>gw::app::ResultPane</name>
    <message>
        <source>No reasoning</source>
        <translation>Kein Reasoning</translation>
    </message>
    <message numerus="yes">
        <source>Reasoning (%n characters)</source>
        <translation>
            <numerusform>Reasoning (%n Zeichen)</numerusform>
            <numerusform>Reasoning (%n Zeichen)</numerusform>
        </translation>
    </message>
    <message>
        <source>streaming…</source>
        <translation>wird gestreamt…</translation>
    </message>
    <message>
        <source>Not run: %1</source>
        <translation>Nicht ausgeführt: %1</translation>
    </message>
    <message>
        <source>tokens %1 in (%2 cached) → %3 out (%4 reasoning)</source>
        <translation>Tokens %1 ein (%2 aus dem Cache) → %3 aus (%4 Reasoning)</translation>
    </message>
    <message>
        <source>cost %1</source>
        <translation>Kosten %1</translation>
    </message>
    <message>
        <source>provider %1</source>
        <translation>Anbieter %1</translation>
    </message>
    <message>
        <source>finish %1</source>
        <translation>Ende %1</translation>
    </message>
    <message>
        <source>generation %1</source>
        <translation>Generation %1</translation>
    </message>
    <message>
        <source>%1%2: %3 %4</source>
        <translation>%1%2: %3 %4</translation>
    </message>
    <message>
        <source> (mid-stream)</source>
        <translation> (mitten im Stream)</translation>
    </message>
    <message>
        <source>TTFT %1</source>
        <translation>TTFT %1</translation>
    </message>
    <message>
        <source>total %1</source>
        <translation>gesamt %1</translation>
    </message>
    <message>
        <source>reported %1</source>
        <translation>gemeldet %1</translation>
    </message>
    <message>
        <source>estimated %1</source>
        <translation>geschätzt %1</translation>
    </message>
</context>
<context>
    <name>gw::app::RoutingPage</name>
    <message>
        <source>Selected rule</source>
        <translation>Ausgewählte Regel</translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>Warum?</translation>
    </message>
    <message>
        <source>Set default paid share</source>
        <translation>Standardanteil kostenpflichtig setzen</translation>
    </message>
    <message>
        <source>Set default free share</source>
        <translation>Standardanteil kostenlos setzen</translation>
    </message>
    <message>
        <source>At least one gateway must stay enabled.</source>
        <translation>Mindestens ein Gateway muss aktiviert bleiben.</translation>
    </message>
    <message>
        <source>All traffic to Vercel</source>
        <translation>Gesamter Verkehr zu Vercel</translation>
    </message>
    <message>
        <source>All traffic to OpenRouter</source>
        <translation>Gesamter Verkehr zu OpenRouter</translation>
    </message>
    <message>
        <source>Both gateways enabled</source>
        <translation>Beide Gateways aktiviert</translation>
    </message>
    <message>
        <source>Add rule %1</source>
        <translation>Regel %1 hinzufügen</translation>
    </message>
    <message>
        <source>Duplicate rule %1</source>
        <translation>Regel %1 duplizieren</translation>
    </message>
    <message>
        <source>Remove rule %1</source>
        <translation>Regel %1 entfernen</translation>
    </message>
    <message>
        <source>Incident rule %1</source>
        <translation>Störungsregel %1</translation>
    </message>
</context>
<context>
    <name>gw::app::RuleEditor</name>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>kostenpflichtig</translation>
    </message>
    <message>
        <source>free</source>
        <translation>kostenlos</translation>
    </message>
    <message>
        <source>Pin to OpenRouter</source>
        <translation>Fest auf OpenRouter</translation>
    </message>
    <message>
        <source>Pin to Vercel</source>
        <translation>Fest auf Vercel</translation>
    </message>
    <message>
        <source>Vercel share</source>
        <translation>Vercel-Anteil</translation>
    </message>
    <message>
        <source>The id must start with a letter or digit and use only letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;:&apos; and &apos;-&apos;.</source>
        <translation>Die ID muss mit einem Buchstaben oder einer Ziffer beginnen und darf nur Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos;, &apos;:&apos; und &apos;-&apos; enthalten.</translation>
    </message>
    <message>
        <source>Another rule already has the id %1.</source>
        <translation>Eine andere Regel hat bereits die ID %1.</translation>
    </message>
    <message>
        <source>Model pattern &quot;%1&quot;: %2</source>
        <translation>Modellmuster „%1“: %2</translation>
    </message>
    <message>
        <source>The match is empty: name at least models, providers, a class, users or features.</source>
        <translation>Die Bedingung ist leer: nennen Sie mindestens Modelle, Anbieter, eine Klasse, Benutzer oder Funktionen.</translation>
    </message>
    <message>
        <source>A list names the same entry twice.</source>
        <translation>Eine Liste nennt denselben Eintrag zweimal.</translation>
    </message>
    <message>
        <source>The share must be between 0 and 100 %.</source>
        <translation>Der Anteil muss zwischen 0 und 100 % liegen.</translation>
    </message>
    <message>
        <source>Edit rule %1</source>
        <translation>Regel %1 bearbeiten</translation>
    </message>
</context>
<context>
    <name>gw::app::RulesTableModel</name>
    <message>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Enable rule %1</source>
        <translation>Regel %1 aktivieren</translation>
    </message>
    <message>
        <source>Disable rule %1</source>
        <translation>Regel %1 deaktivieren</translation>
    </message>
    <message>
        <source>Move rule %1</source>
        <translation>Regel %1 verschieben</translation>
    </message>
    <message>
        <source>Disabled: this rule matches no request.</source>
        <translation>Deaktiviert: Diese Regel trifft auf keine Anfrage zu.</translation>
    </message>
    <message>
        <source>Expired at %1: this rule matches no request.</source>
        <translation>Abgelaufen am %1: Diese Regel trifft auf keine Anfrage zu.</translation>
    </message>
</context>
<context>
    <name>gw::app::RunHistoryModel</name>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
</context>
<context>
    <name>gw::app::SettingsDialog</name>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>A new language takes effect at the next start.</source>
        <translation>Eine neue Sprache wirkt ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>new key; empty keeps the current one</source>
        <translation>neuer Schlüssel; leer behält den aktuellen</translation>
    </message>
    <message>
        <source>Keychain unavailable: %1 Keys cannot be stored; the app uses the environment variables OPENROUTER_API_KEY and AI_GATEWAY_API_KEY.</source>
        <translation>Schlüsselbund nicht verfügbar: %1 Schlüssel können nicht gespeichert werden; die App verwendet die Umgebungsvariablen OPENROUTER_API_KEY und AI_GATEWAY_API_KEY.</translation>
    </message>
    <message>
        <source>Keys are kept in the system keychain.</source>
        <translation>Schlüssel werden im Schlüsselbund des Systems aufbewahrt.</translation>
    </message>
    <message>
        <source>stored: %1</source>
        <translation>gespeichert: %1</translation>
    </message>
    <message>
        <source>from %1: %2</source>
        <translation>aus %1: %2</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>Keychain error: %1</source>
        <translation>Schlüsselbundfehler: %1</translation>
    </message>
    <message>
        <source>password stored in the keychain</source>
        <translation>Passwort im Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <source>password from PGPASSWORD</source>
        <translation>Passwort aus PGPASSWORD</translation>
    </message>
    <message>
        <source>no password</source>
        <translation>kein Passwort</translation>
    </message>
    <message>
        <source>default (prefer)</source>
        <translation>Standard (prefer)</translation>
    </message>
    <message>
        <source>new password; empty keeps the current one</source>
        <translation>neues Passwort; leer lässt das aktuelle bestehen</translation>
    </message>
    <message>
        <source>keychain unavailable: PGPASSWORD applies</source>
        <translation>Schlüsselbund nicht verfügbar: PGPASSWORD gilt</translation>
    </message>
</context>
<context>
    <name>gw::app::TestBenchController</name>
    <message>
        <source>A batch is running.</source>
        <translation>Ein Lauf ist im Gange.</translation>
    </message>
    <message>
        <source>Pick at least one model.</source>
        <translation>Mindestens ein Modell wählen.</translation>
    </message>
    <message>
        <source>Enter a prompt or open a prompt suite.</source>
        <translation>Einen Prompt eingeben oder eine Prompt-Sammlung öffnen.</translation>
    </message>
    <message>
        <source>No OpenRouter key: set one in the settings, or use the local simulator.</source>
        <translation>Kein OpenRouter-Schlüssel: in den Einstellungen einen hinterlegen oder den lokalen Simulator verwenden.</translation>
    </message>
</context>
<context>
    <name>gw::app::TestBenchPage</name>
    <message>
        <source>per prompt</source>
        <translation>je Prompt</translation>
    </message>
    <message>
        <source>Open prompt suite</source>
        <translation>Prompt-Sammlung öffnen</translation>
    </message>
    <message>
        <source>Prompt suites (*.jsonl);;All files (*)</source>
        <translation>Prompt-Sammlungen (*.jsonl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export summary</source>
        <translation>Zusammenfassung exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export results</source>
        <translation>Ergebnisse exportieren</translation>
    </message>
    <message>
        <source>Cancelled: %1 of %2 requests ended.</source>
        <translation>Abgebrochen: %1 von %2 Anfragen beendet.</translation>
    </message>
    <message>
        <source>Done. Looking up billed costs…</source>
        <translation>Fertig. Abgerechnete Kosten werden abgefragt…</translation>
    </message>
    <message>
        <source>Done. Billed cost known for %1 requests; %2 lookups failed.</source>
        <translation>Fertig. Abgerechnete Kosten für %1 Anfragen bekannt; %2 Abfragen scheiterten.</translation>
    </message>
    <message>
        <source>Done. Billed cost known for %1 requests.</source>
        <translation>Fertig. Abgerechnete Kosten für %1 Anfragen bekannt.</translation>
    </message>
    <message>
        <source>History: %1</source>
        <translation>Verlauf: %1</translation>
    </message>
    <message>
        <source>History is not kept.</source>
        <translation>Der Verlauf wird nicht gespeichert.</translation>
    </message>
    <message>
        <source>Write a Python function that checks whether a string is a palindrome.</source>
        <translation>Schreibe eine Python-Funktion, die prüft, ob eine Zeichenkette ein Palindrom ist.</translation>
    </message>
    <message>
        <source>History is not kept: %1</source>
        <translation>Der Verlauf wird nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>%1 has no prompts.</source>
        <translation>%1 enthält keine Prompts.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n prompts)</source>
        <translation>
            <numerusform>%1 (%n Prompt)</numerusform>
            <numerusform>%1 (%n Prompts)</numerusform>
        </translation>
    </message>
    <message>
        <source>Providers: %1 at character %2</source>
        <translation>Anbieter: %1 bei Zeichen %2</translation>
    </message>
    <message>
        <source>Providers: must be a JSON object</source>
        <translation>Anbieter: muss ein JSON-Objekt sein</translation>
    </message>
    <message numerus="yes">
        <source>%n model(s)</source>
        <translation>
            <numerusform>%n Modell</numerusform>
            <numerusform>%n Modelle</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n prompt(s)</source>
        <translation>
            <numerusform>%n Prompt</numerusform>
            <numerusform>%n Prompts</numerusform>
        </translation>
    </message>
    <message>
        <source>Running %1.</source>
        <translation>%1 läuft.</translation>
    </message>
    <message>
        <source>Running %1. Not on Vercel (OpenRouter only): %2.</source>
        <translation>%1 läuft. Nicht auf Vercel (nur OpenRouter): %2.</translation>
    </message>
    <message>
        <source>Showing run &quot;%1&quot;.</source>
        <translation>Lauf „%1“ wird gezeigt.</translation>
    </message>
    <message>
        <source>Not run on this gateway.</source>
        <translation>Auf diesem Gateway nicht ausgeführt.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation>%1 geschrieben.</translation>
    </message>
    <message>
        <source>%v of %m requests</source>
        <translation>%v von %m Anfragen</translation>
    </message>
    <message>
        <source>Suite %1 replaces the prompt (Clear to use it again).</source>
        <translation>Sammlung %1 ersetzt den Prompt („Leeren“, um ihn wieder zu verwenden).</translation>
    </message>
    <message>
        <source>0 of %1 requests</source>
        <translation>0 von %1 Anfragen</translation>
    </message>
    <message>
        <source>nothing to run</source>
        <translation>nichts auszuführen</translation>
    </message>
    <message numerus="yes">
        <source>%n repetition(s)</source>
        <translation>
            <numerusform>%n Wiederholung</numerusform>
            <numerusform>%n Wiederholungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n gateway(s)</source>
        <translation>
            <numerusform>%n Gateway</numerusform>
            <numerusform>%n Gateways</numerusform>
        </translation>
    </message>
    <message>
        <source>from run &quot;%1&quot;</source>
        <translation>aus Lauf „%1“</translation>
    </message>
</context>
<context>
    <name>gw::app::TimeRangeSelector</name>
    <message>
        <source>Ranges end now; All spans the recorded traffic</source>
        <translation>Zeiträume enden jetzt; „Gesamter aufgezeichneter Verkehr“ umfasst alles Aufgezeichnete</translation>
    </message>
    <message>
        <source>Start of the custom range (UTC)</source>
        <translation>Beginn des eigenen Zeitraums (UTC)</translation>
    </message>
    <message>
        <source>End of the custom range (UTC)</source>
        <translation>Ende des eigenen Zeitraums (UTC)</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>All recorded traffic</source>
        <translation>Gesamter aufgezeichneter Verkehr</translation>
    </message>
    <message>
        <source>Custom (UTC)</source>
        <translation>Eigener (UTC)</translation>
    </message>
</context>
<context>
    <name>gw::app::TrafficBadLinesModel</name>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>JSON path</source>
        <translation>JSON-Pfad</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>gw::app::TrafficImportController</name>
    <message>
        <source>%1: no history database is open, so traffic cannot be imported</source>
        <translation>%1: keine Verlaufsdatenbank geöffnet, daher kann kein Verkehr importiert werden</translation>
    </message>
</context>
<context>
    <name>gw::app::TrafficImportPanel</name>
    <message>
        <source>Import traffic logs</source>
        <translation>Verkehrsprotokolle importieren</translation>
    </message>
    <message>
        <source>Traffic logs (*.jsonl *.jsonl.gz *.ndjson *.csv *.csv.gz *.log *.gz);;All files (*)</source>
        <translation>Verkehrsprotokolle (*.jsonl *.jsonl.gz *.ndjson *.csv *.csv.gz *.log *.gz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Watch a folder of traffic logs</source>
        <translation>Einen Ordner mit Verkehrsprotokollen überwachen</translation>
    </message>
    <message numerus="yes">
        <source>%1: %p% (%n more file(s) queued)</source>
        <translation>
            <numerusform>%1: %p% (%n weitere Datei in der Warteschlange)</numerusform>
            <numerusform>%1: %p% (%n weitere Dateien in der Warteschlange)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %p%</source>
        <translation>%1: %p%</translation>
    </message>
    <message>
        <source>Import failed: %1</source>
        <translation>Import fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Import of %1 cancelled; nothing was added from it.</source>
        <translation>Import von %1 abgebrochen; daraus wurde nichts übernommen.</translation>
    </message>
    <message>
        <source>%1 was already imported; nothing new in it.</source>
        <translation>%1 wurde bereits importiert; nichts Neues darin.</translation>
    </message>
    <message>
        <source>Imported %1 events from %2; %3 bad lines</source>
        <translation>%1 Ereignisse aus %2 importiert; %3 fehlerhafte Zeilen</translation>
    </message>
    <message>
        <source>; an incomplete last line (%1 bytes) was left for the next import</source>
        <translation>; eine unvollständige letzte Zeile (%1 Bytes) bleibt für den nächsten Import liegen</translation>
    </message>
    <message>
        <source>and %1 more bad lines not listed</source>
        <translation>und %1 weitere, nicht aufgeführte fehlerhafte Zeilen</translation>
    </message>
    <message>
        <source>Watching %1</source>
        <translation>%1 wird überwacht</translation>
    </message>
    <message>
        <source>Traffic import is unavailable: the history database is not open.</source>
        <translation>Verkehrsimport nicht verfügbar: die Verlaufsdatenbank ist nicht geöffnet.</translation>
    </message>
</context>
<context>
    <name>gw::app::UsagePullPanel</name>
    <message>
        <source>Pull usage from production</source>
        <translation>Nutzung aus der Produktion abrufen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Aggregated usage from production&apos;s microdollar_usage since the last pull, through the read-only role.</source>
        <translation>Aggregierte Nutzung aus microdollar_usage der Produktion seit dem letzten Abruf, über die schreibgeschützte Rolle.</translation>
    </message>
    <message>
        <source>No production database is set up (Settings &gt; Production database).</source>
        <translation>Keine Produktionsdatenbank eingerichtet (Einstellungen &gt; Produktionsdatenbank).</translation>
    </message>
    <message>
        <source>Connecting to production…</source>
        <translation>Verbindung zur Produktion wird hergestellt…</translation>
    </message>
    <message>
        <source>Not pulled: %1</source>
        <translation>Nicht abgerufen: %1</translation>
    </message>
    <message>
        <source>Cancelled; the history is as it was.</source>
        <translation>Abgebrochen; der Verlauf ist unverändert.</translation>
    </message>
    <message>
        <source>Not pulled (the history is as it was): %1</source>
        <translation>Nicht abgerufen (der Verlauf ist unverändert): %1</translation>
    </message>
    <message numerus="yes">
        <source>Pulled %1 – %2 UTC: %n request(s), %3 in %4 aggregate rows.</source>
        <translation>
            <numerusform>Abgerufen %1 – %2 UTC: %n Anfrage, %3 in %4 aggregierten Zeilen.</numerusform>
            <numerusform>Abgerufen %1 – %2 UTC: %n Anfragen, %3 in %4 aggregierten Zeilen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Production records only error / no error; no finer error class.</source>
        <translation>Die Produktion erfasst nur Fehler / kein Fehler; keine feinere Fehlerklasse.</translation>
    </message>
    <message>
        <source>Reading minute buckets…</source>
        <translation>Minuten-Buckets werden gelesen…</translation>
    </message>
    <message>
        <source>Reading latency histograms…</source>
        <translation>Latenz-Histogramme werden gelesen…</translation>
    </message>
    <message>
        <source>Reading key usage…</source>
        <translation>Schlüsselnutzung wird gelesen…</translation>
    </message>
    <message>
        <source>Writing to the history…</source>
        <translation>In den Verlauf wird geschrieben…</translation>
    </message>
    <message>
        <source>%1 rows read</source>
        <translation>%1 Zeilen gelesen</translation>
    </message>
</context>
<context>
    <name>gw::app::WhyInspector</name>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Choose a model to see where its requests go.</source>
        <translation>Wählen Sie ein Modell, um zu sehen, wohin seine Anfragen gehen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; as &lt;code&gt;%2&lt;/code&gt; (bucket %3, Vercel share %4 %), reason &lt;code&gt;%5&lt;/code&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; als &lt;code&gt;%2&lt;/code&gt; (Bucket %3, Vercel-Anteil %4 %), Grund &lt;code&gt;%5&lt;/code&gt;</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Route LLM traffic between OpenRouter and Vercel AI Gateway.</source>
        <translation>LLM-Verkehr zwischen OpenRouter und Vercel AI Gateway verteilen.</translation>
    </message>
    <message>
        <source>Open this workspace folder.</source>
        <translation>Diesen Arbeitsbereich-Ordner öffnen.</translation>
    </message>
    <message>
        <source>Save a screenshot of every page into DIR and quit.</source>
        <translation>Von jeder Seite ein Bildschirmfoto in DIR speichern und beenden.</translation>
    </message>
    <message>
        <source>Print the time and memory at the first paint and when the preview is ready, then quit (for benchmarks).</source>
        <translation>Zeit und Speicher beim ersten Zeichnen und bei fertiger Vorschau ausgeben, dann beenden (für Benchmarks).</translation>
    </message>
</context>
</TS>
