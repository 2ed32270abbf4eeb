<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
        <source>What this profile cannot express</source>
        <translation>Was dieses Profil nicht ausdrücken kann</translation>
    </message>
    <message>
        <source>Export anyway (lossy)</source>
        <translation>Trotzdem exportieren (verlustbehaftet)</translation>
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
</context>
<context>
    <name>ModelsPage</name>
    <message>
        <source>Filter by model id</source>
        <translation>Nach Modell-ID filtern</translation>
    </message>
    <message>
        <source>Only models not in the config</source>
        <translation>Nur Modelle, die nicht in der Konfiguration stehen</translation>
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
        <source>Only changed since last sync</source>
        <translation>Nur seit der letzten Synchronisierung geänderte</translation>
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
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>This page is not built yet.</source>
        <translation>Diese Seite ist noch nicht gebaut.</translation>
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
    <name>gwapp::BenchResultsModel</name>
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
    <name>gwapp::BenchSummaryModel</name>
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
</context>
<context>
    <name>gwapp::CatalogSync</name>
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
    <name>gwapp::ExportDialog</name>
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
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
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
</context>
<context>
    <name>gwapp::GatewayConnections</name>
    <message>
        <source>the local simulator could not start</source>
        <translation>der lokale Simulator konnte nicht starten</translation>
    </message>
    <message>
        <source>$%1 left</source>
        <translation>$%1 übrig</translation>
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
</context>
<context>
    <name>gwapp::IncidentDialog</name>
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
        <source>Creates rule %1 at the top: %2 → %3, %4.</source>
        <translation>Legt Regel %1 ganz oben an: %2 → %3, %4.</translation>
    </message>
</context>
<context>
    <name>gwapp::KeychainKeyStore</name>
    <message>
        <source>No keychain service is reachable (no D-Bus session).</source>
        <translation>Kein Schlüsselbunddienst erreichbar (keine D-Bus-Sitzung).</translation>
    </message>
</context>
<context>
    <name>gwapp::MainWindow</name>
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
        <source>Cost, error rate, latency and actual versus target share from real traffic logs.</source>
        <translation>Kosten, Fehlerrate, Latenz sowie Ist- gegenüber Sollanteil aus echten Verkehrsprotokollen.</translation>
    </message>
    <message>
        <source>Planner</source>
        <translation>Planer</translation>
    </message>
    <message>
        <source>Plan a share ramp-up and see its cost and risk before you change anything.</source>
        <translation>Eine schrittweise Anteilserhöhung planen und Kosten und Risiko sehen, bevor sich etwas ändert.</translation>
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
</context>
<context>
    <name>gwapp::MappingTableModel</name>
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
    <name>gwapp::ModelsPage</name>
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
</context>
<context>
    <name>gwapp::PreviewModel</name>
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
</context>
<context>
    <name>gwapp::PreviewPanel</name>
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
        <source>Against %1: %2 decisions change gateway (%3 to Vercel, %4 to OpenRouter); %5 users affected.</source>
        <translation>Gegenüber %1: %2 Entscheidungen wechseln das Gateway (%3 zu Vercel, %4 zu OpenRouter); %5 Benutzer betroffen.</translation>
    </message>
</context>
<context>
    <name>gwapp::ProviderTableModel</name>
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
    <name>gwapp::ResultPane</name>
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
        <source>TTFT %1 ms</source>
        <translation>TTFT %1 ms</translation>
    </message>
    <message>
        <source>total %1 ms</source>
        <translation>gesamt %1 ms</translation>
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
        <source>reported $%1</source>
        <translation>gemeldet $%1</translation>
    </message>
    <message>
        <source>estimated $%1</source>
        <translation>geschätzt $%1</translation>
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
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>The body sent to this gateway (headers and key not shown).</source>
        <translation>Der an dieses Gateway gesendete Anfragetext (Header und Schlüssel nicht gezeigt).</translation>
    </message>
    <message>
        <source>The body sent to this gateway. The translation dropped:
%1</source>
        <translation>Der an dieses Gateway gesendete Anfragetext. Die Übersetzung ließ weg:
%1</translation>
    </message>
</context>
<context>
    <name>gwapp::RoutingPage</name>
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
    <name>gwapp::RuleEditor</name>
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
    <name>gwapp::RulesTableModel</name>
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
</context>
<context>
    <name>gwapp::RunHistoryModel</name>
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
    <name>gwapp::SettingsDialog</name>
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
</context>
<context>
    <name>gwapp::TestBenchController</name>
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
    <name>gwapp::TestBenchPage</name>
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
    <message numerus="yes">
        <source>from run &quot;%1&quot; (%n prompts)</source>
        <translation>
            <numerusform>aus Lauf „%1“ (%n Prompt)</numerusform>
            <numerusform>aus Lauf „%1“ (%n Prompts)</numerusform>
        </translation>
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
</context>
<context>
    <name>gwapp::WhyInspector</name>
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
    <message>
        <source>Vercel</source>
        <translation>Vercel</translation>
    </message>
    <message>
        <source>OpenRouter</source>
        <translation>OpenRouter</translation>
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
