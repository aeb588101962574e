<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AdminSentences</name>
    <message>
        <source>Added tenant %1.</source>
        <translation>Mandant %1 hinzugefügt.</translation>
    </message>
    <message>
        <source>Renamed tenant %1.</source>
        <translation>Mandant %1 umbenannt.</translation>
    </message>
    <message>
        <source>Removed tenant %1 and its keys; its past usage stays in the ledger.</source>
        <translation>Mandant %1 und seine Schlüssel entfernt; seine frühere Nutzung bleibt im Konto.</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 ist jetzt %2.</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>%1 entfernt.</translation>
    </message>
    <message>
        <source>Credits reset on day %1 of each month at 00:00 %2.</source>
        <translation>Die Credits werden am %1. jedes Monats um 00:00 %2 zurückgesetzt.</translation>
    </message>
    <message>
        <source>The install is on %1.</source>
        <translation>Die Installation hat den Tarif %1.</translation>
    </message>
    <message>
        <source>Tenants may bring their own keys.</source>
        <translation>Mandanten dürfen eigene Schlüssel verwenden.</translation>
    </message>
    <message>
        <source>Tenant keys are not available on this plan.</source>
        <translation>Mandantenschlüssel gibt es in diesem Tarif nicht.</translation>
    </message>
    <message>
        <source>Typical month on %1: %2.</source>
        <translation>Typischer Monat mit %1: %2.</translation>
    </message>
    <message>
        <source>The install is on %1 until this period ends.</source>
        <translation>Die Installation hat bis zum Ende dieses Zeitraums den Tarif %1.</translation>
    </message>
    <message>
        <source>Credits already reset on day %1 of each month at 00:00 %2; nothing changes.</source>
        <translation>Die Credits werden bereits am %1. jedes Monats um 00:00 %2 zurückgesetzt; nichts ändert sich.</translation>
    </message>
    <message>
        <source>Credits now reset on day %1 of each month at 00:00 %2; no usage is recorded in this period yet, so it runs from %3 to %4.</source>
        <translation>Die Credits werden jetzt am %1. jedes Monats um 00:00 %2 zurückgesetzt; in diesem Zeitraum ist noch keine Nutzung erfasst, daher läuft er vom %3 bis %4.</translation>
    </message>
    <message>
        <source>No usage is recorded in this period yet, so the change takes effect at once: credits will reset on day %1 of each month at 00:00 %2, and this period runs from %3 to %4.</source>
        <translation>In diesem Zeitraum ist noch keine Nutzung erfasst, daher gilt die Änderung sofort: Die Credits werden am %1. jedes Monats um 00:00 %2 zurückgesetzt, und dieser Zeitraum läuft vom %3 bis %4.</translation>
    </message>
    <message>
        <source>The change of billing period that waited for the reset is withdrawn; credits keep resetting on day %1 of each month at 00:00 %2.</source>
        <translation>Die Änderung des Abrechnungszeitraums, die auf das Zurücksetzen wartete, ist zurückgenommen; die Credits werden weiterhin am %1. jedes Monats um 00:00 %2 zurückgesetzt.</translation>
    </message>
    <message>
        <source>This withdraws the change of billing period that waits for the reset; credits keep resetting on day %1 of each month at 00:00 %2.</source>
        <translation>Damit wird die Änderung des Abrechnungszeitraums zurückgenommen, die auf das Zurücksetzen wartet; die Credits werden weiterhin am %1. jedes Monats um 00:00 %2 zurückgesetzt.</translation>
    </message>
    <message>
        <source>From %1, credits reset on day %2 of each month at 00:00 %3. This period keeps its dates (%4) and its allocation; %5 is one period with the plan&apos;s allocation, then %6.</source>
        <translation>Ab dem %1 werden die Credits am %2. jedes Monats um 00:00 %3 zurückgesetzt. Dieser Zeitraum behält seine Daten (%4) und sein Kontingent; %5 ist ein Zeitraum mit dem Kontingent des Tarifs, danach %6.</translation>
    </message>
    <message>
        <source>From %1, credits will reset on day %2 of each month at 00:00 %3. This period keeps its dates (%4) and its allocation; %5 will be one period with the plan&apos;s allocation, then %6.</source>
        <translation>Ab dem %1 werden die Credits am %2. jedes Monats um 00:00 %3 zurückgesetzt. Dieser Zeitraum behält seine Daten (%4) und sein Kontingent; %5 wird ein Zeitraum mit dem Kontingent des Tarifs, danach %6.</translation>
    </message>
    <message>
        <source>%1 %2 instead of %3</source>
        <translation>%1 %2 statt %3</translation>
    </message>
    <message>
        <source>%1 on %2 instead of %3: its runs cost the same credits.</source>
        <translation>%1 mit %2 statt %3: die Läufe kosten gleich viele Credits.</translation>
    </message>
    <message>
        <source>%1 on %2 instead of %3, per run: %4.</source>
        <translation>%1 mit %2 statt %3, je Lauf: %4.</translation>
    </message>
    <message numerus="yes">
        <source>It has no runs in the last %Ln day(s) to compare.</source>
        <translation>
            <numerusform>In den letzten %Ln Tag gab es keine Läufe zum Vergleich.</numerusform>
            <numerusform>In den letzten %Ln Tagen gab es keine Läufe zum Vergleich.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Over the last %Ln day(s) its %1 on credits cost %2 at %3; at %4 they would have cost %5 (%6).</source>
        <translation>
            <numerusform>Im letzten %Ln Tag kosteten ihre %1 auf Credits %2 mit %3; mit %4 hätten sie %5 gekostet (%6).</numerusform>
            <numerusform>In den letzten %Ln Tagen kosteten ihre %1 auf Credits %2 mit %3; mit %4 hätten sie %5 gekostet (%6).</numerusform>
        </translation>
    </message>
    <message>
        <source>the same</source>
        <translation>gleich viel</translation>
    </message>
    <message>
        <source>%1 more</source>
        <translation>%1 mehr</translation>
    </message>
    <message>
        <source>%1 less</source>
        <translation>%1 weniger</translation>
    </message>
    <message>
        <source>They were charged %1, at the models of their day.</source>
        <translation>Berechnet wurden %1, zu den Modellen ihres Tages.</translation>
    </message>
    <message>
        <source>at today&apos;s pace they run out on %1</source>
        <translation>beim heutigen Tempo sind sie am %1 aufgebraucht</translation>
    </message>
    <message>
        <source>at today&apos;s pace they last until then</source>
        <translation>beim heutigen Tempo reichen sie bis dahin</translation>
    </message>
    <message>
        <source>This period&apos;s credits are used up either way; the change shows from the reset on %1.</source>
        <translation>Die Credits dieses Zeitraums sind so oder so aufgebraucht; die Änderung zeigt sich ab der Rücksetzung am %1.</translation>
    </message>
    <message>
        <source>At that pace the credits would run out on %1, before the reset on %2 (%3).</source>
        <translation>Bei diesem Tempo wären die Credits am %1 aufgebraucht, vor der Rücksetzung am %2 (%3).</translation>
    </message>
    <message>
        <source>At that pace the credits would last until the reset on %1 (%2).</source>
        <translation>Bei diesem Tempo reichten die Credits bis zur Rücksetzung am %1 (%2).</translation>
    </message>
    <message>
        <source>%1 input and %2 output at %3</source>
        <translation>%1 Eingabe und %2 Ausgabe bei %3</translation>
    </message>
    <message>
        <source>an unknown price at %1</source>
        <translation>ein unbekannter Preis bei %1</translation>
    </message>
    <message>
        <source>%1&apos;s list prices per million tokens: %2; %3.</source>
        <translation>Listenpreise von %1 je Million Tokens: %2; %3.</translation>
    </message>
    <message>
        <source>Their cost in dollars cannot be estimated: the providers&apos; reports held here count no tokens of %1 on this install&apos;s keys (Provider spend syncs them).</source>
        <translation>Ihre Kosten in Dollar lassen sich nicht schätzen: Die hier gespeicherten Berichte der Anbieter zählen keine Tokens von %1 auf den Schlüsseln dieser Installation (Anbieterausgaben synchronisiert sie).</translation>
    </message>
    <message>
        <source>price unknown</source>
        <translation>Preis unbekannt</translation>
    </message>
    <message>
        <source>By %1&apos;s report, %2 of them from %3 to %4 cost about %5 at %6 and would have cost about %7 at %8: estimated from the %9 tokens counted per run on this install&apos;s keys (input %10, cache writes %11, cache reads %12, output %13) at list prices.</source>
        <translation>Laut dem Bericht von %1 kosteten %2 davon vom %3 bis %4 etwa %5 mit %6 und hätten mit %8 etwa %7 gekostet: geschätzt aus den je Lauf gezählten Tokens von %9 auf den Schlüsseln dieser Installation (Eingabe %10, Cache-Schreiben %11, Cache-Lesen %12, Ausgabe %13) zu Listenpreisen.</translation>
    </message>
    <message>
        <source>The models are of different generations, whose tokenizers may count the same text as more tokens: the estimate may be low.</source>
        <translation>Die Modelle gehören verschiedenen Generationen an, deren Tokenizer denselben Text als mehr Tokens zählen können: Die Schätzung kann zu niedrig sein.</translation>
    </message>
    <message>
        <source>Its %1 on the %2 key cost no credits at either model; %2 bills them.</source>
        <translation>Ihre %1 mit dem %2-Schlüssel kosten bei beiden Modellen keine Credits; %2 rechnet sie ab.</translation>
    </message>
</context>
<context>
    <name>AuditSentences</name>
    <message>
        <source>the install key</source>
        <translation>Installationsschlüssel</translation>
    </message>
    <message>
        <source>the key of tenant %1</source>
        <translation>Schlüssel des Mandanten %1</translation>
    </message>
    <message>
        <source> (request %1)</source>
        <translation> (Anfrage %1)</translation>
    </message>
    <message>
        <source>the default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>%1 …%2</source>
        <translation>%1 …%2</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>%1 entfernt.</translation>
    </message>
    <message>
        <source>Set %1: %2%3.</source>
        <translation>%1 gesetzt: %2%3.</translation>
    </message>
    <message>
        <source>Checked %1: %2%3.</source>
        <translation>%1 geprüft: %2%3.</translation>
    </message>
    <message>
        <source>Replaced %1 …%2 with …%3: %4%5.</source>
        <translation>%1 …%2 durch …%3 ersetzt: %4%5.</translation>
    </message>
    <message>
        <source>Kept %1 …%2; the new key …%3 was not stored: %4%5.</source>
        <translation>%1 …%2 behalten; der neue Schlüssel …%3 wurde nicht gespeichert: %4%5.</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>%1 hinzugefügt.</translation>
    </message>
    <message>
        <source>Renamed %1 to %2.</source>
        <translation>%1 in %2 umbenannt.</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 ist jetzt %2.</translation>
    </message>
    <message>
        <source>Imported %1 of %2 (%3).</source>
        <translation>%1 von %2 importiert (%3).</translation>
    </message>
    <message>
        <source>Imported %1 of %2 (%3) from %4.</source>
        <translation>%1 von %2 importiert (%3) aus %4.</translation>
    </message>
    <message>
        <source>%1 key</source>
        <translation>%1-Schlüssel</translation>
    </message>
    <message>
        <source>Model of %1</source>
        <translation>Modell für %1</translation>
    </message>
    <message>
        <source>%1 address</source>
        <translation>%1-Adresse</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1, from %2</source>
        <translation>%1, ab %2</translation>
    </message>
    <message>
        <source>the usage key</source>
        <translation>den Nutzungsschlüssel</translation>
    </message>
    <message>
        <source>%1 spend</source>
        <translation>Ausgaben bei %1</translation>
    </message>
</context>
<context>
    <name>AuditTrail</name>
    <message>
        <source>Unknown kind %1; expected one of %2.</source>
        <translation>Unbekannte Art %1; erwartet wird eine von %2.</translation>
    </message>
    <message>
        <source>reading the audit trail</source>
        <translation>Lesen des Änderungsprotokolls</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <source>Theme generation</source>
        <translation>Theme-Erstellung</translation>
    </message>
    <message>
        <source>Generate colour palette, typography, and spacing</source>
        <translation>Farbpalette, Typografie und Abstände erzeugen</translation>
    </message>
    <message>
        <source>Content generation</source>
        <translation>Inhaltserstellung</translation>
    </message>
    <message>
        <source>Generate layout with component placements</source>
        <translation>Layout mit platzierten Komponenten erzeugen</translation>
    </message>
    <message>
        <source>Inline text</source>
        <translation>Inline-Text</translation>
    </message>
    <message>
        <source>Generate or rewrite text for a label</source>
        <translation>Text für eine Beschriftung erzeugen oder umschreiben</translation>
    </message>
    <message>
        <source>Image generation</source>
        <translation>Bilderzeugung</translation>
    </message>
    <message>
        <source>Generate an image via DALL-E 3</source>
        <translation>Ein Bild mit DALL-E 3 erzeugen</translation>
    </message>
    <message>
        <source>Data analysis</source>
        <translation>Datenanalyse</translation>
    </message>
    <message>
        <source>Analyse data for patterns and anomalies</source>
        <translation>Daten auf Muster und Auffälligkeiten untersuchen</translation>
    </message>
    <message>
        <source>Trigger generation</source>
        <translation>Trigger-Erstellung</translation>
    </message>
    <message>
        <source>Analyse data and generate conditional triggers</source>
        <translation>Daten analysieren und bedingte Trigger erzeugen</translation>
    </message>
    <message>
        <source>Content &amp; Themes</source>
        <translation>Inhalte &amp; Themes</translation>
    </message>
    <message>
        <source>Analysis &amp; Triggers</source>
        <translation>Analyse &amp; Trigger</translation>
    </message>
    <message>
        <source>Fast, high quality — recommended</source>
        <translation>Schnell, hohe Qualität – empfohlen</translation>
    </message>
    <message>
        <source>Best quality for complex analysis</source>
        <translation>Beste Qualität für komplexe Analysen</translation>
    </message>
    <message>
        <source>Previous generation, fast</source>
        <translation>Vorige Generation, schnell</translation>
    </message>
    <message>
        <source>Previous generation, deep analysis</source>
        <translation>Vorige Generation, gründliche Analyse</translation>
    </message>
    <message>
        <source>Fastest and cheapest for simple tasks</source>
        <translation>Am schnellsten und günstigsten für einfache Aufgaben</translation>
    </message>
    <message>
        <source>Generous allowance for multiple admins and complex deployments</source>
        <translation>Großzügiges Kontingent für mehrere Administratoren und komplexe Installationen</translation>
    </message>
    <message>
        <source>Theme generation</source>
        <comment>in a sentence</comment>
        <translation>Theme-Erstellung</translation>
    </message>
    <message>
        <source>Content generation</source>
        <comment>in a sentence</comment>
        <translation>Inhaltserstellung</translation>
    </message>
    <message>
        <source>Inline text</source>
        <comment>in a sentence</comment>
        <translation>Inline-Text</translation>
    </message>
    <message>
        <source>Image generation</source>
        <comment>in a sentence</comment>
        <translation>Bilderzeugung</translation>
    </message>
    <message>
        <source>Data analysis</source>
        <comment>in a sentence</comment>
        <translation>Datenanalyse</translation>
    </message>
    <message>
        <source>Trigger generation</source>
        <comment>in a sentence</comment>
        <translation>Trigger-Erstellung</translation>
    </message>
</context>
<context>
    <name>CatalogFile</name>
    <message>
        <source>The catalog is not valid JSON (%1 at offset %2).</source>
        <translation>Der Katalog ist kein gültiges JSON (%1 bei Position %2).</translation>
    </message>
    <message>
        <source>The catalog is broken: %1.</source>
        <translation>Der Katalog ist fehlerhaft: %1.</translation>
    </message>
    <message>
        <source>The built-in catalog is missing from the program.</source>
        <translation>Dem Programm fehlt der eingebaute Katalog.</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 oder %2</translation>
    </message>
    <message>
        <source>Unknown provider %1; expected %2.</source>
        <translation>Unbekannter Anbieter %1; erwartet wird %2.</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>0 (BYOK)</source>
        <translation>0 (BYOK)</translation>
    </message>
    <message>
        <source>AI credits: %1 plan, %2</source>
        <translation>KI-Credits: Tarif %1, %2</translation>
    </message>
    <message>
        <source>Period %1 to %2 (%3)</source>
        <translation>Zeitraum %1 bis %2 (%3)</translation>
    </message>
    <message>
        <source>Show the period&apos;s credits: used, remaining, reset date and the per-action breakdown.</source>
        <translation>Die Credits des Zeitraums zeigen: verbraucht, verbleibend, Rücksetzung und die Aufteilung nach Aktion.</translation>
    </message>
    <message>
        <source>  --period YYYY-MM  the billing period that starts in that month (default: the current one)
  --tenant T        only tenant T&apos;s usage (the pool&apos;s remaining credits are still shown)
  --json            machine-readable output on stdout
</source>
        <translation>  --period YYYY-MM  der Abrechnungszeitraum, der in diesem Monat beginnt (Standard: der laufende)
  --tenant T        nur die Nutzung von Mandant T (die verbleibenden Credits des Pools stehen dabei)
  --json            maschinenlesbare Ausgabe auf stdout (immer auf Englisch)
</translation>
    </message>
    <message>
        <source>Authorise and record AI queries, each atomically (credits, rate limit, key state, role).</source>
        <translation>KI-Anfragen prüfen und erfassen, jede für sich atomar (Credits, Ratenlimit, Schlüsselstatus, Rolle).</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>Aufruf: %1</translation>
    </message>
    <message>
        <source>Without a command, opens the Settings &gt; AI window.</source>
        <translation>Ohne Befehl öffnet sich das Fenster Einstellungen &gt; KI.</translation>
    </message>
    <message>
        <source>The database is --db PATH, else $AI_SETTINGS_DB, else %1.</source>
        <translation>Die Datenbank ist --db PFAD, sonst $AI_SETTINGS_DB, sonst %1.</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>Run &quot;ai-settings COMMAND --help&quot; for a command&apos;s options.</source>
        <translation>„ai-settings BEFEHL --help“ zeigt die Optionen eines Befehls.</translation>
    </message>
    <message>
        <source>Exit codes: 0 done; 1 refused by a rule; 2 bad input or usage; 3 storage or keychain unavailable.</source>
        <translation>Exit-Codes: 0 erledigt; 1 von einer Regel abgelehnt; 2 fehlerhafte Eingabe oder falscher Aufruf; 3 Speicher oder Schlüsselbund nicht verfügbar.</translation>
    </message>
    <message>
        <source>Unknown command %1; run &quot;ai-settings --help&quot; for the list.</source>
        <translation>Unbekannter Befehl %1; „ai-settings --help“ zeigt die Liste.</translation>
    </message>
    <message>
        <source>plan takes &quot;show&quot; or &quot;set PLAN&quot;.</source>
        <translation>plan nimmt „show“ oder „set TARIF“.</translation>
    </message>
    <message>
        <source>; add --force to choose it anyway.</source>
        <translation>; mit --force wird es trotzdem gewählt.</translation>
    </message>
    <message>
        <source>tenants takes &quot;list&quot;, &quot;add ID&quot;, &quot;rename ID --name NAME&quot; or &quot;remove ID&quot;.</source>
        <translation>tenants nimmt „list“, „add ID“, „rename ID --name NAME“ oder „remove ID“.</translation>
    </message>
    <message>
        <source>No tenants.</source>
        <translation>Keine Mandanten.</translation>
    </message>
    <message>
        <source>members takes &quot;list&quot;, &quot;add USER --role ROLE&quot; or &quot;remove USER&quot;.</source>
        <translation>members nimmt „list“, „add USER --role ROLLE“ oder „remove USER“.</translation>
    </message>
    <message>
        <source>period takes &quot;show&quot; or &quot;set&quot; with --anchor-day and/or --time-zone.</source>
        <translation>period nimmt „show“ oder „set“ mit --anchor-day und/oder --time-zone.</translation>
    </message>
    <message>
        <source>--anchor-day must be a day of the month from 1 to 28.</source>
        <translation>--anchor-day muss ein Tag des Monats von 1 bis 28 sein.</translation>
    </message>
    <message>
        <source>audit takes no arguments besides its options.</source>
        <translation>audit nimmt außer seinen Optionen keine Argumente.</translation>
    </message>
    <message>
        <source>There is no ledger at %1.</source>
        <translation>Unter %1 gibt es kein Konto.</translation>
    </message>
    <message>
        <source>Copied the ledger %1 to %2 in one transaction: %3.</source>
        <translation>Das Konto %1 wurde in einer Transaktion nach %2 kopiert: %3.</translation>
    </message>
    <message>
        <source>Keys stay in the keychains that hold them; the copy knows only their fingerprints and states.</source>
        <translation>Schlüssel bleiben in den Schlüsselbunden, die sie verwahren; die Kopie kennt nur ihre Kennungen und ihren Status.</translation>
    </message>
    <message>
        <source>Paste the %1 key and press Enter (it is not shown): </source>
        <translation>Den %1-Schlüssel einfügen und die Eingabetaste drücken (er wird nicht angezeigt): </translation>
    </message>
    <message>
        <source>Standard input cannot be read; pipe the key into &quot;keys set&quot;.</source>
        <translation>Die Standardeingabe kann nicht gelesen werden; den Schlüssel per Pipe an „keys set“ übergeben.</translation>
    </message>
    <message>
        <source>Standard input holds far more than a key; pipe only the key.</source>
        <translation>Die Standardeingabe enthält weit mehr als einen Schlüssel; nur den Schlüssel übergeben.</translation>
    </message>
    <message>
        <source>No key arrived on standard input; pipe the key into &quot;keys set&quot;.</source>
        <translation>Auf der Standardeingabe kam kein Schlüssel an; den Schlüssel per Pipe an „keys set“ übergeben.</translation>
    </message>
    <message>
        <source>The %1 key for %2 (%3)</source>
        <translation>Der %1-Schlüssel für %2 (%3)</translation>
    </message>
    <message>
        <source>%1 is saved; it has not been checked with the provider yet.</source>
        <translation>%1 ist gespeichert; er wurde noch nicht beim Anbieter geprüft.</translation>
    </message>
    <message>
        <source>%1 is saved and active (BYOK); its actions cost no credits.</source>
        <translation>%1 ist gespeichert und aktiv (BYOK); seine Aktionen kosten keine Credits.</translation>
    </message>
    <message>
        <source>%1 is stored but invalid: %2</source>
        <translation>%1 ist gespeichert, aber ungültig: %2</translation>
    </message>
    <message>
        <source>%1 is stored but out of budget: %2</source>
        <translation>%1 ist gespeichert, aber ohne Budget: %2</translation>
    </message>
    <message>
        <source>%1 is stored but not verified: %2</source>
        <translation>%1 ist gespeichert, aber nicht bestätigt: %2</translation>
    </message>
    <message>
        <source>The %1 key for %2 is removed from the keychain; its actions use credits again unless another key covers them.</source>
        <translation>Der %1-Schlüssel für %2 ist aus dem Schlüsselbund entfernt; seine Aktionen verbrauchen wieder Credits, sofern kein anderer Schlüssel sie abdeckt.</translation>
    </message>
    <message>
        <source>; to replace it anyway, add --replace-unverified.</source>
        <translation>; um ihn trotzdem zu ersetzen, --replace-unverified angeben.</translation>
    </message>
    <message>
        <source>The line is not a JSON object (%1).</source>
        <translation>Die Zeile ist kein JSON-Objekt (%1).</translation>
    </message>
    <message>
        <source>Unknown field %1; an event has action, tenant, at and id.</source>
        <translation>Unbekanntes Feld %1; ein Ereignis hat action, tenant, at und id.</translation>
    </message>
    <message>
        <source>The field %1 must be a string.</source>
        <translation>Das Feld %1 muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <source>The event has no action.</source>
        <translation>Das Ereignis hat keine Aktion.</translation>
    </message>
    <message>
        <source>at %1 is not an ISO 8601 time with Z or an offset.</source>
        <translation>at %1 ist keine ISO-8601-Zeit mit Z oder einem Versatz.</translation>
    </message>
    <message>
        <source>The line is longer than %1 bytes.</source>
        <translation>Die Zeile ist länger als %1 Bytes.</translation>
    </message>
    <message>
        <source>record --stdin takes its events from standard input, not from options.</source>
        <translation>record --stdin nimmt seine Ereignisse von der Standardeingabe, nicht aus Optionen.</translation>
    </message>
    <message>
        <source>record needs --action (or --stdin) and takes no other arguments.</source>
        <translation>record braucht --action (oder --stdin) und nimmt keine weiteren Argumente.</translation>
    </message>
    <message>
        <source>--at %1 is not an ISO 8601 time with Z or an offset, such as 2026-11-22T10:30:00Z.</source>
        <translation>--at %1 ist keine ISO-8601-Zeit mit Z oder einem Versatz, wie 2026-11-22T10:30:00Z.</translation>
    </message>
    <message>
        <source>Event %1 was already recorded; nothing was charged again.</source>
        <translation>Ereignis %1 war schon erfasst; nichts wurde erneut berechnet.</translation>
    </message>
    <message>
        <source>Recorded %1 for %2 on the tenant&apos;s %3 key (BYOK, 0 credits); id %4.</source>
        <translation>%1 für %2 mit dem %3-Schlüssel des Mandanten erfasst (BYOK, 0 Credits); ID %4.</translation>
    </message>
    <message>
        <source>Recorded %1 for %2 on the install&apos;s %3 key (BYOK, 0 credits); id %4.</source>
        <translation>%1 für %2 mit dem %3-Schlüssel der Installation erfasst (BYOK, 0 Credits); ID %4.</translation>
    </message>
    <message>
        <source>Recorded %1 for %2: %3; id %4.</source>
        <translation>%1 für %2 erfasst: %3; ID %4.</translation>
    </message>
    <message>
        <source>%1 of %2 credits remain in the period %3.</source>
        <translation>%1 von %2 Credits bleiben im Zeitraum %3.</translation>
    </message>
    <message>
        <source>report takes no arguments besides its options.</source>
        <translation>report nimmt außer seinen Optionen keine Argumente.</translation>
    </message>
    <message>
        <source>import needs exactly one file.</source>
        <translation>import braucht genau eine Datei.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lese %1…</translation>
    </message>
    <message>
        <source>export takes no arguments besides its options.</source>
        <translation>export nimmt außer seinen Optionen keine Argumente.</translation>
    </message>
    <message>
        <source>--format must be csv or jsonl.</source>
        <translation>--format muss csv oder jsonl sein.</translation>
    </message>
    <message>
        <source>Import historic usage; all lines or none, and the same id is never added twice.</source>
        <translation>Frühere Nutzung importieren; alle Zeilen oder keine, und dieselbe ID nie zweimal.</translation>
    </message>
    <message>
        <source>  FILE              CSV with a header, or JSON Lines, with the fields
                    id, occurred_at, tenant, action, model, billing, credits
  --dry-run         check everything and say what would be imported, writing nothing
A bad line is reported with its number and nothing is imported.
</source>
        <translation>  DATEI             CSV mit Kopfzeile oder JSON Lines, mit den Feldern
                    id, occurred_at, tenant, action, model, billing, credits
  --dry-run         alles prüfen und sagen, was importiert würde, ohne etwas zu schreiben
Eine fehlerhafte Zeile wird mit ihrer Nummer gemeldet, und nichts wird importiert.
</translation>
    </message>
    <message>
        <source>Write usage events as CSV or JSON Lines.</source>
        <translation>Nutzungsereignisse als CSV oder JSON Lines schreiben.</translation>
    </message>
    <message>
        <source>  --period YYYY-MM  only that billing period (default: everything)
  --format F        csv or jsonl (default: from -o&apos;s extension, else csv)
  -o FILE           write to FILE, replaced only once complete (default: stdout)
</source>
        <translation>  --period YYYY-MM  nur dieser Abrechnungszeitraum (Standard: alles)
  --format F        csv oder jsonl (Standard: nach der Endung von -o, sonst csv)
  -o DATEI          in DATEI schreiben, ersetzt erst, wenn vollständig (Standard: stdout)
</translation>
    </message>
    <message>
        <source>Show or change the install&apos;s plan (essentials, professional, enterprise).</source>
        <translation>Den Tarif der Installation zeigen oder ändern (essentials, professional, enterprise).</translation>
    </message>
    <message>
        <source>  show              the plan, its monthly credits and whether tenants may have their own keys
  set PLAN          essentials, professional or enterprise (Owner only)
</source>
        <translation>  show              der Tarif, seine monatlichen Credits und ob Mandanten eigene Schlüssel haben dürfen
  set TARIF         essentials, professional oder enterprise (nur Inhaber)
</translation>
    </message>
    <message>
        <source>Show or change the Claude model of each workload.</source>
        <translation>Das Claude-Modell jeder Aufgabe zeigen oder ändern.</translation>
    </message>
    <message>
        <source>List, add, rename or remove tenants.</source>
        <translation>Mandanten auflisten, hinzufügen, umbenennen oder entfernen.</translation>
    </message>
    <message>
        <source>  list              the tenants
  add ID            letters, digits, dots, dashes, underscores; --name gives a display name
  rename ID         --name gives the new display name (the id stays)
  remove ID         the tenant&apos;s past usage stays in the ledger
</source>
        <translation>  list              die Mandanten
  add ID            Buchstaben, Ziffern, Punkte, Bindestriche, Unterstriche; --name gibt einen Anzeigenamen
  rename ID         --name gibt den neuen Anzeigenamen (die ID bleibt)
  remove ID         die frühere Nutzung des Mandanten bleibt im Konto
</translation>
    </message>
    <message>
        <source>List, add or remove the people who may use this database.</source>
        <translation>Die Personen auflisten, hinzufügen oder entfernen, die diese Datenbank nutzen dürfen.</translation>
    </message>
    <message>
        <source>Show or change when the monthly credits reset.</source>
        <translation>Zeigen oder ändern, wann die monatlichen Credits zurückgesetzt werden.</translation>
    </message>
    <message>
        <source>  show              the anchor day and time zone of the monthly reset
  set               --anchor-day 1..28 and/or --time-zone such as Europe/London
</source>
        <translation>  show              Stichtag und Zeitzone der monatlichen Rücksetzung
  set               --anchor-day 1..28 und/oder --time-zone wie Europe/Berlin
</translation>
    </message>
    <message>
        <source>Bring your own provider keys: kept in the system keychain, checked with the provider.</source>
        <translation>Eigene Anbieterschlüssel: im Schlüsselbund des Systems verwahrt, beim Anbieter geprüft.</translation>
    </message>
    <message>
        <source>Show who changed what, and when, newest first.</source>
        <translation>Zeigen, wer was wann geändert hat, das Neueste zuerst.</translation>
    </message>
    <message>
        <source>--db needs a path.</source>
        <translation>--db braucht einen Pfad.</translation>
    </message>
    <message>
        <source>Importing %1%: %2</source>
        <translation>Import %1 %: %2</translation>
    </message>
    <message>
        <source>Last checked %1.</source>
        <translation>Zuletzt geprüft %1.</translation>
    </message>
    <message>
        <source>Next check due %1.</source>
        <translation>Nächste Prüfung fällig %1.</translation>
    </message>
    <message>
        <source>keys doctor takes no options.</source>
        <translation>keys doctor nimmt keine Optionen.</translation>
    </message>
    <message>
        <source>The line is JSON, but not an object; an event is one object per line.</source>
        <translation>Die Zeile ist JSON, aber kein Objekt; ein Ereignis ist ein Objekt pro Zeile.</translation>
    </message>
    <message>
        <source>The field %1 is given twice.</source>
        <translation>Das Feld %1 ist doppelt angegeben.</translation>
    </message>
    <message>
        <source>  list              who may use this database, with their roles
  add USER --role R add or change a member (operating-system user name; on PostgreSQL a
                    role of the server); a recorder (a server) may record usage, nothing else
  remove USER       the last Owner cannot be removed
</source>
        <translation>  list              wer diese Datenbank nutzen darf, mit Rollen
  add USER --role R ein Mitglied hinzufügen oder ändern (Benutzername des Betriebssystems; bei
                    PostgreSQL eine Rolle des Servers); ein Erfasser (ein Server) darf nur Nutzung erfassen
  remove USER       der letzte Inhaber kann nicht entfernt werden
</translation>
    </message>
    <message>
        <source>Create or check a shared ledger on PostgreSQL; copy a whole ledger between SQLite and PostgreSQL.</source>
        <translation>Ein gemeinsames Konto auf PostgreSQL anlegen oder prüfen; ein ganzes Konto zwischen SQLite und PostgreSQL kopieren.</translation>
    </message>
    <message>
        <source>  init --owner ROLE creates the shared ledger in the empty PostgreSQL database --db, as a superuser
                    of the server: the schema ai_settings, owned by the role DATABASE_ledger
                    that nobody logs in as, the group roles DATABASE_owner, _admin, _recorder
                    and _viewer, and the functions members write through; ROLE is its Owner
  check             lists what is wrong with the shared ledger&apos;s privileges (a member with
                    direct table rights, CREATE on its path, a missing role); exit 1 if anything
  copy --to URI     copies this ledger (--db) into the empty ledger at URI: a PostgreSQL URI
                    such as postgresql://postgres@db.example:5432/aisettings (a ledger made by
                    db init, copied into as a superuser), or an SQLite file
  copy --from URI   copies the ledger at URI into this one (--db), which must be empty
Settings, tenants, members, usage, totals, key records and the audit trail are copied; a target
that already holds tables is refused (exit 1) and nothing is written. Keys stay in the keychains
that hold them. Owner or Admin of the source.
</source>
        <translation>  init --owner ROLE legt das gemeinsame Konto in der leeren PostgreSQL-Datenbank --db an, als
                    Superuser des Servers: das Schema ai_settings, das der Rolle DATENBANK_ledger
                    gehört, mit der sich niemand anmeldet, die Gruppenrollen DATENBANK_owner,
                    _admin, _recorder und _viewer und die Funktionen, über die Mitglieder schreiben;
                    ROLE ist der Inhaber
  check             nennt, was an den Rechten des gemeinsamen Kontos falsch ist (ein Mitglied mit
                    direkten Tabellenrechten, CREATE auf seinem Pfad, eine fehlende Rolle); Exit 1,
                    wenn etwas gefunden wird
  copy --to URI     kopiert dieses Konto (--db) in das leere Konto unter URI: eine PostgreSQL-URI
                    wie postgresql://postgres@db.example:5432/aisettings (ein mit db init angelegtes
                    Konto, als Superuser kopiert) oder eine SQLite-Datei
  copy --from URI   kopiert das Konto unter URI in dieses (--db), das leer sein muss
Einstellungen, Mandanten, Mitglieder, Nutzung, Summen, Schlüsseleinträge und das Änderungsprotokoll
werden kopiert; ein Ziel, das schon Tabellen enthält, wird abgelehnt (Exit 1) und nichts wird
geschrieben. Schlüssel bleiben in den Schlüsselbunden, die sie halten. Inhaber oder Administrator
der Quelle.
</translation>
    </message>
    <message>
        <source>members add needs --role owner, admin, recorder or viewer.</source>
        <translation>members add braucht --role owner, admin, recorder oder viewer.</translation>
    </message>
    <message>
        <source>Created the shared ledger at %1 with %2 as its Owner.</source>
        <translation>Das gemeinsame Konto unter %1 wurde mit %2 als Inhaber angelegt.</translation>
    </message>
    <message>
        <source>Members are the login roles granted %1, %2, %3 or %4; add them with &quot;ai-settings members add NAME --role admin|recorder|viewer&quot;.</source>
        <translation>Mitglieder sind die Anmelderollen, denen %1, %2, %3 oder %4 gewährt ist; hinzufügen mit „ai-settings members add NAME --role admin|recorder|viewer“.</translation>
    </message>
    <message>
        <source>The ledger&apos;s privileges are as db init made them: members write only through its functions.</source>
        <translation>Die Rechte des Kontos sind so, wie db init sie angelegt hat: Mitglieder schreiben nur über seine Funktionen.</translation>
    </message>
    <message>
        <source>db init takes --owner ROLE, the login role that becomes the ledger&apos;s first Owner.</source>
        <translation>db init nimmt --owner ROLE, die Anmelderolle, die erster Inhaber des Kontos wird.</translation>
    </message>
    <message>
        <source>db check takes no options.</source>
        <translation>db check nimmt keine Optionen.</translation>
    </message>
    <message>
        <source>Use db init --owner ROLE, db check, or db copy with either --to URI or --from URI.</source>
        <translation>Verwenden Sie db init --owner ROLE, db check oder db copy mit entweder --to URI oder --from URI.</translation>
    </message>
    <message>
        <source>  --action A        theme, content, inline_text, image, analysis or trigger
  --tenant T        the tenant that ran it (default: the install itself)
  --at ISO8601      when it ran, with Z or an offset (default: now); record authorises usage
                    as it happens: the time lies in the running period and the rate limit&apos;s
                    hour; older usage is history, for import (Owner or Admin)
  --id ID           an id of your own; recording the same id again charges nothing
  --stdin           JSON Lines in, one event per line with the fields action, tenant, at and id;
                    one JSON line out per event, as soon as it is recorded, on one connection:
                    {&quot;id&quot;,&quot;ok&quot;:true,&quot;billing&quot;,&quot;credits&quot;,&quot;remaining&quot;,&quot;period&quot;,...} or
                    {&quot;id&quot;,&quot;ok&quot;:false,&quot;exit&quot;:1|2|3,&quot;error&quot;}; exit 0 at the end of input
Exit 1 when a rule refuses it: not enough credits, rate limit, invalid key or role.
</source>
        <translation>  --action A        theme, content, inline_text, image, analysis oder trigger
  --tenant T        der Mandant, der sie ausführte (Standard: die Installation selbst)
  --at ISO8601      wann sie lief, mit Z oder einem Versatz (Standard: jetzt); record erfasst
                    Nutzung, während sie geschieht: die Zeit liegt im laufenden Zeitraum und in der
                    Stunde des Ratenlimits; ältere Nutzung ist Verlauf, für import (Inhaber oder Administrator)
  --id ID           eine eigene ID; dieselbe ID noch einmal zu erfassen kostet nichts
  --stdin           JSON Lines herein, ein Ereignis je Zeile mit den Feldern action, tenant, at und id;
                    eine JSON-Zeile heraus je Ereignis, sobald es erfasst ist, über eine Verbindung
                    (auf Englisch): {&quot;id&quot;,&quot;ok&quot;:true,&quot;billing&quot;,&quot;credits&quot;,&quot;remaining&quot;,&quot;period&quot;,...} oder
                    {&quot;id&quot;,&quot;ok&quot;:false,&quot;exit&quot;:1|2|3,&quot;error&quot;}; Exit-Code 0 am Ende der Eingabe
Exit-Code 1, wenn eine Regel sie ablehnt: zu wenige Credits, Ratenlimit, ungültiger Schlüssel oder Rolle.
</translation>
    </message>
    <message>
        <source>Upgraded the shared ledger at %1 from schema version %2 to %3; its events, members and settings are as they were.</source>
        <translation>Das gemeinsame Konto unter %1 wurde von Schemaversion %2 auf %3 aktualisiert; Ereignisse, Mitglieder und Einstellungen sind unverändert.</translation>
    </message>
    <message>
        <source>  show              the model of each workload and its credit multiplier
  set SLOT MODEL    SLOT is content or analysis; MODEL an id such as claude-opus-4-6. While an active
                    Anthropic key is in force, only the models in its list are accepted (exit 1);
                    --force sets another one anyway, and the audit trail says so
  preview SLOT MODEL what choosing MODEL would have done over the last 30 days: a run&apos;s cost, the slot&apos;s
                    runs on credits at both models, the forecast at that pace; changes nothing
</source>
        <translation>  show              das Modell jeder Aufgabe und sein Credit-Faktor
  set SLOT MODELL   SLOT ist content oder analysis; MODELL eine ID wie claude-opus-4-6. Solange ein aktiver
                    Anthropic-Schlüssel gilt, werden nur die Modelle seiner Liste angenommen (Exit-Code 1);
                    --force setzt trotzdem ein anderes, und das Änderungsprotokoll vermerkt es
  preview SLOT MODELL was die Wahl von MODELL in den letzten 30 Tagen bewirkt hätte: die Kosten eines Laufs,
                    die Läufe der Aufgabe auf Credits mit beiden Modellen, die Prognose bei diesem Tempo; ändert nichts
</translation>
    </message>
    <message>
        <source>models takes &quot;show&quot;, &quot;set SLOT MODEL_ID [--force]&quot; or &quot;preview SLOT MODEL_ID [--json]&quot;.</source>
        <translation>models erwartet „show“, „set SLOT MODELL_ID [--force]“ oder „preview SLOT MODELL_ID [--json]“.</translation>
    </message>
    <message>
        <source>Usage keys (read the providers&apos; usage and cost reports):</source>
        <translation>Nutzungsschlüssel (lesen die Nutzungs- und Kostenberichte der Anbieter):</translation>
    </message>
    <message>
        <source>The %1 usage key (%2)</source>
        <translation>Der %1-Nutzungsschlüssel (%2)</translation>
    </message>
    <message>
        <source>%1 is saved and may read the organisation&apos;s usage and cost reports.</source>
        <translation>%1 ist gespeichert und darf die Nutzungs- und Kostenberichte der Organisation lesen.</translation>
    </message>
    <message>
        <source>%1 is stored but may not read the usage reports: %2</source>
        <translation>%1 ist gespeichert, darf die Nutzungsberichte aber nicht lesen: %2</translation>
    </message>
    <message>
        <source>keys takes status or doctor, or set, verify, remove, set-usage, verify-usage or remove-usage with a provider.</source>
        <translation>keys erwartet status oder doctor, oder set, verify, remove, set-usage, verify-usage oder remove-usage mit einem Anbieter.</translation>
    </message>
    <message>
        <source>A usage key is the install&apos;s; --tenant does not go with %1.</source>
        <translation>Ein Nutzungsschlüssel gehört der Installation; --tenant passt nicht zu %1.</translation>
    </message>
    <message>
        <source>--json goes with status, and --no-verify and --replace-unverified with set and set-usage.</source>
        <translation>--json gehört zu status, --no-verify und --replace-unverified zu set und set-usage.</translation>
    </message>
    <message>
        <source>The %1 usage key is removed from the keychain; the usage reports are no longer read.</source>
        <translation>Der %1-Nutzungsschlüssel ist aus dem Schlüsselbund entfernt; die Nutzungsberichte werden nicht mehr gelesen.</translation>
    </message>
    <message>
        <source>What the BYOK keys cost by the providers&apos; own reports, and where the ledger disagrees.</source>
        <translation>Was die BYOK-Schlüssel laut den eigenen Berichten der Anbieter kosten, und wo das Ledger abweicht.</translation>
    </message>
    <message>
        <source>  report            the period&apos;s cost on the install&apos;s and each tenant&apos;s keys, per provider, model
                    and day, tokens by kind, the credits the same runs would have cost, the
                    organisation&apos;s other keys, and the days where the ledger&apos;s BYOK runs and the
                    provider&apos;s report disagree; from what the last sync stored (no network)
  --period YYYY-MM  the billing period that starts in that month (default: the current one)
  --tenant T        only tenant T&apos;s key and runs
  --json            machine-readable output; dollars as exact decimal text
  sync              reads the providers&apos; usage and cost reports and key lists with the usage keys
                    (keys set-usage) into the ledger: the previous and the running period, then
                    on later syncs again from the last two days read (the providers complete
                    those late); each request waits at most 15 s (Owner or Admin)
  --provider P      only anthropic or openai (default: every provider with a usage key)
  --since DATE      from that UTC day (YYYY-MM-DD) on
Keys are matched by the last characters the provider shows of them.
</source>
        <translation>  report            die Kosten des Zeitraums auf dem Schlüssel der Installation und denen der Mandanten,
                    je Anbieter, Modell und Tag, Tokens nach Art, die Credits, die dieselben Läufe
                    gekostet hätten, die anderen Schlüssel der Organisation und die Tage, an denen
                    die BYOK-Läufe des Ledgers und der Bericht des Anbieters nicht übereinstimmen;
                    aus dem, was die letzte Synchronisierung gespeichert hat (ohne Netz)
  --period JJJJ-MM  der Abrechnungszeitraum, der in diesem Monat beginnt (Standard: der laufende)
  --tenant T        nur der Schlüssel und die Läufe des Mandanten T
  --json            maschinenlesbare Ausgabe; Dollarbeträge als exakter Dezimaltext
  sync              liest die Nutzungs- und Kostenberichte und Schlüssellisten der Anbieter mit den
                    Nutzungsschlüsseln (keys set-usage) in das Ledger: den vorigen und den laufenden
                    Zeitraum, bei späteren Synchronisierungen erneut ab den letzten zwei gelesenen
                    Tagen (die Anbieter vervollständigen sie spät); jede Anfrage wartet höchstens
                    15 s (Inhaber oder Administrator)
  --provider P      nur anthropic oder openai (Standard: jeder Anbieter mit Nutzungsschlüssel)
  --since DATUM     ab diesem UTC-Tag (JJJJ-MM-TT)
Schlüssel werden an den letzten Zeichen erkannt, die der Anbieter von ihnen zeigt.
</translation>
    </message>
    <message>
        <source>  --since DATE      from that day (YYYY-MM-DD, in the install&apos;s time zone) or time (ISO 8601) on
  --kind K          key, plan, model, period, tenant, member, import, provider or spend
  --user USER       only that member&apos;s changes
  --json            a JSON array of {at, actor, kind, subject, change} on stdout
Keys appear by their last four characters only.
</source>
        <translation>  --since DATUM     ab diesem Tag (JJJJ-MM-TT, in der Zeitzone der Installation) oder Zeitpunkt (ISO 8601)
  --kind K          key, plan, model, period, tenant, member, import, provider oder spend
  --user USER       nur die Änderungen dieses Mitglieds
  --json            ein JSON-Array aus {at, actor, kind, subject, change} auf stdout (auf Englisch)
Schlüssel erscheinen nur mit ihren letzten vier Zeichen.
</translation>
    </message>
    <message>
        <source>Spend on the BYOK keys by the providers&apos; own reports, period %1 (UTC days %2 to %3)</source>
        <translation>Ausgaben auf den BYOK-Schlüsseln laut den Berichten der Anbieter, Zeitraum %1 (UTC-Tage %2 bis %3)</translation>
    </message>
    <message>
        <source>Nothing is held; read the reports with &quot;spend sync&quot;.</source>
        <translation>Nichts gespeichert; lesen Sie die Berichte mit „spend sync“.</translation>
    </message>
    <message>
        <source>(and usage whose price is unknown)</source>
        <translation>(und Nutzung mit unbekanntem Preis)</translation>
    </message>
    <message>
        <source>input %1, cache write 5 m %2, 1 h %3, cache read %4, output %5</source>
        <translation>Eingabe %1, Cache-Schreiben 5 Min. %2, 1 Std. %3, Cache-Lesen %4, Ausgabe %5</translation>
    </message>
    <message>
        <source>, images %1</source>
        <translation>, Bilder %1</translation>
    </message>
    <message>
        <source>No usage key is set; an Owner sets one with &quot;keys set-usage PROVIDER&quot;.</source>
        <translation>Kein Nutzungsschlüssel ist gesetzt; ein Inhaber setzt einen mit „keys set-usage PROVIDER“.</translation>
    </message>
    <message>
        <source>%1: read %2 to %3 (UTC): %4 usage rows, %5 cost rows, %6 keys of the organisation.</source>
        <translation>%1: %2 bis %3 (UTC) gelesen: %4 Nutzungszeilen, %5 Kostenzeilen, %6 Schlüssel der Organisation.</translation>
    </message>
    <message>
        <source>spend takes report or sync.</source>
        <translation>spend erwartet report oder sync.</translation>
    </message>
    <message>
        <source>spend sync takes --provider and --since.</source>
        <translation>spend sync erwartet --provider und --since.</translation>
    </message>
    <message>
        <source>spend report takes --period, --tenant and --json.</source>
        <translation>spend report erwartet --period, --tenant und --json.</translation>
    </message>
    <message>
        <source>--since takes a day, YYYY-MM-DD (UTC).</source>
        <translation>--since erwartet einen Tag, JJJJ-MM-TT (UTC).</translation>
    </message>
    <message>
        <source>  status            every stored key of the scope: masked, its state (active, invalid, out_of_budget,
                    throttled, not_verified, unused, not_set) and whether it is in force;
                    then the usage keys that are set
  set PROVIDER      reads the key from standard input (never from an argument), stores it in the
                    keychain and checks it with the provider; --no-verify skips the check.
                    A stored key is replaced only once the new one is checked: a rejected key
                    changes nothing (exit 1); without a verdict the stored key is kept unless
                    --replace-unverified is given
  verify PROVIDER   checks the stored key with the provider again
  remove PROVIDER   deletes the key from the keychain; its actions go back to credits
  set-usage PROVIDER  the provider&apos;s usage key: an Admin key (sk-ant-admin01-..., sk-admin-...)
                    that reads the organisation&apos;s usage and cost reports and never runs an
                    action; it can also manage the organisation&apos;s keys and members, so only an
                    Owner sets it. Read from standard input, checked by reading one day&apos;s report
                    (states: active, invalid, no_permission, not_verified); replaced as above.
                    Safer where offered: a read-only analytics key (Anthropic, read:analytics
                    scope), kept only once the provider reads it a report, so an API key never
                    is; its reports count the organisation per model, not per key
  verify-usage PROVIDER, remove-usage PROVIDER   the same for the usage key
  doctor            finds out why no keychain answers (session bus, Secret Service, a locked
                    keyring) and says the fix; exit 3 while keys cannot be kept here
  --tenant T        a tenant&apos;s own key (Professional and Enterprise plans)
  --json            status as JSON: provider, state, in_force, fingerprint, source, scope,
                    checked_at, retry_at, message, models, purpose (inference, or usage
                    for a usage key&apos;s row)
Exit 1 when the provider rejects the key or its account is out of budget; 3 when the keychain or
the provider cannot be reached (a key already saved is kept).
Providers are reached at their public APIs, or at the addresses in $ANTHROPIC_BASE_URL and
$OPENAI_BASE_URL.
</source>
        <translation>  status            jeder gespeicherte Schlüssel des Bereichs: maskiert, sein Status (active, invalid,
                    out_of_budget, throttled, not_verified, unused, not_set) und ob er gilt; danach
                    die gesetzten Nutzungsschlüssel
  set ANBIETER      liest den Schlüssel von der Standardeingabe (nie aus einem Argument), legt ihn im
                    Schlüsselbund ab und prüft ihn beim Anbieter; --no-verify lässt die Prüfung aus.
                    Ein gespeicherter Schlüssel wird erst ersetzt, wenn der neue geprüft ist: ein
                    abgelehnter ändert nichts (Exit-Code 1); ohne Urteil bleibt der gespeicherte, außer
                    mit --replace-unverified
  verify ANBIETER   prüft den gespeicherten Schlüssel erneut beim Anbieter
  remove ANBIETER   löscht den Schlüssel aus dem Schlüsselbund; seine Aktionen kosten wieder Credits
  set-usage ANBIETER  der Nutzungsschlüssel des Anbieters: ein Admin-Schlüssel (sk-ant-admin01-...,
                    sk-admin-...), der die Nutzungs- und Kostenberichte der Organisation liest und nie
                    eine Aktion ausführt; er kann auch die Schlüssel und Mitglieder der Organisation
                    verwalten, daher setzt ihn nur ein Inhaber. Von der Standardeingabe gelesen, geprüft
                    durch das Lesen des Berichts eines Tages (Status: active, invalid, no_permission,
                    not_verified); ersetzt wie oben.
                    Sicherer, wo angeboten: ein schreibgeschützter Analyse-Schlüssel (Anthropic,
                    Bereich read:analytics), nur behalten, wenn der Anbieter ihm einen Bericht liest,
                    sodass ein API-Schlüssel es nie wird; seine Berichte zählen die Organisation je
                    Modell, nicht je Schlüssel
  verify-usage ANBIETER, remove-usage ANBIETER   dasselbe für den Nutzungsschlüssel
  doctor            findet heraus, warum kein Schlüsselbund antwortet (Sitzungsbus, Secret Service,
                    gesperrter Schlüsselbund), und nennt die Abhilfe; Exit-Code 3, solange hier keine
                    Schlüssel aufbewahrt werden können
  --tenant T        der eigene Schlüssel eines Mandanten (Tarife Professional und Enterprise)
  --json            Status als JSON (auf Englisch): provider, state, in_force, fingerprint, source,
                    scope, checked_at, retry_at, message, models, purpose (inference, oder usage in
                    der Zeile eines Nutzungsschlüssels)
Exit-Code 1, wenn der Anbieter den Schlüssel ablehnt oder sein Konto kein Budget mehr hat; 3, wenn
Schlüsselbund oder Anbieter nicht erreichbar sind (ein schon gespeicherter Schlüssel bleibt).
Anbieter werden über ihre öffentlichen APIs erreicht oder über die Adressen in $ANTHROPIC_BASE_URL
und $OPENAI_BASE_URL.
</translation>
    </message>
    <message>
        <source>%1: read %2 to %3 (UTC): %4 usage rows, %5 cost rows, for the whole organisation per model (a read-only analytics key names no key).</source>
        <translation>%1: %2 bis %3 (UTC) gelesen: %4 Nutzungszeilen, %5 Kostenzeilen, für die ganze Organisation je Modell (ein schreibgeschützter Analyse-Schlüssel nennt keinen Schlüssel).</translation>
    </message>
</context>
<context>
    <name>CreditRules</name>
    <message>
        <source>Your organisation&apos;s %1 API key is invalid. Update it in Settings → AI.</source>
        <translation>Der %1-API-Schlüssel Ihrer Organisation ist ungültig. Aktualisieren Sie ihn unter Einstellungen → KI.</translation>
    </message>
    <message>
        <source>Your organisation&apos;s %1 API key is out of budget: raise its spend limit at %2, or update the key in Settings → AI.</source>
        <translation>Der %1-API-Schlüssel Ihrer Organisation hat kein Budget mehr: Erhöhen Sie sein Ausgabenlimit unter %2 oder aktualisieren Sie den Schlüssel unter Einstellungen → KI.</translation>
    </message>
    <message>
        <source>the %1 key is invalid</source>
        <translation>der %1-Schlüssel ist ungültig</translation>
    </message>
    <message>
        <source>the %1 key is out of budget</source>
        <translation>der %1-Schlüssel hat kein Budget mehr</translation>
    </message>
    <message>
        <source>Rate limit reached (%1/hour); the next query is allowed at %2.</source>
        <translation>Ratenlimit erreicht (%1/Stunde); die nächste Anfrage ist um %2 erlaubt.</translation>
    </message>
    <message>
        <source>Not enough AI credits: %1 needs %2 and %3 remain until the reset at %4; add your own %5 API key in Settings → AI to keep going.</source>
        <translation>Nicht genug KI-Credits: %1 braucht %2, und bis zur Rücksetzung am %4 bleiben %3; fügen Sie unter Einstellungen → KI einen eigenen %5-API-Schlüssel hinzu, um weiterzumachen.</translation>
    </message>
    <message>
        <source>the time %1 is before 2000-01-01, when usage records begin</source>
        <translation>die Zeit %1 liegt vor dem 01.01.2000, an dem die Nutzungsaufzeichnung beginnt</translation>
    </message>
    <message>
        <source>the time %1 is in the future; usage can be recorded at most 5 minutes ahead</source>
        <translation>die Zeit %1 liegt in der Zukunft; Nutzung kann höchstens 5 Minuten im Voraus erfasst werden</translation>
    </message>
    <message>
        <source>usage recorded later is history, which an Owner or Admin brings in with `ai-settings import`</source>
        <translation>später erfasste Nutzung ist Verlauf, den ein Inhaber oder Administrator mit `ai-settings import` einspielt</translation>
    </message>
    <message>
        <source>The time %1 is before the running period began at %2; record authorises usage as it happens, and %3.</source>
        <translation>Die Zeit %1 liegt vor dem Beginn des laufenden Zeitraums am %2; record erfasst Nutzung, während sie geschieht, und %3.</translation>
    </message>
    <message>
        <source>The time %1 lies before the rate limit&apos;s window of the last %2 minutes; record authorises usage as it happens, and %3.</source>
        <translation>Die Zeit %1 liegt vor dem Fenster des Ratenlimits, den letzten %2 Minuten; record erfasst Nutzung, während sie geschieht, und %3.</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>Qt&apos;s PostgreSQL driver is not installed (Debian package libqt6sql6-psql).</source>
        <translation>Der PostgreSQL-Treiber von Qt ist nicht installiert (Debian-Paket libqt6sql6-psql).</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2.</source>
        <translation>Keine Verbindung zu %1: %2.</translation>
    </message>
    <message>
        <source>Qt&apos;s SQLite driver is not installed (Debian package libqt6sql6-sqlite).</source>
        <translation>Der SQLite-Treiber von Qt ist nicht installiert (Debian-Paket libqt6sql6-sqlite).</translation>
    </message>
    <message>
        <source>asking the server who is connected</source>
        <translation>Fragen des Servers, wer verbunden ist</translation>
    </message>
    <message>
        <source>writing the audit trail</source>
        <translation>Schreiben des Änderungsprotokolls</translation>
    </message>
    <message>
        <source>reading members</source>
        <translation>Lesen der Mitglieder</translation>
    </message>
    <message>
        <source>%1 is not a member of this database; an Owner or Admin can add them with &quot;ai-settings members add %1 --role viewer&quot;.</source>
        <translation>%1 ist kein Mitglied dieser Datenbank; ein Inhaber oder Administrator kann die Person mit „ai-settings members add %1 --role viewer“ hinzufügen.</translation>
    </message>
    <message>
        <source>%1 needs the Owner role, and %2 is %3.</source>
        <translation>%1 erfordert die Rolle Inhaber, und %2 ist %3.</translation>
    </message>
    <message>
        <source>%1 needs the Owner or Admin role, and %2 is %3.</source>
        <translation>%1 erfordert die Rolle Inhaber oder Administrator, und %2 ist %3.</translation>
    </message>
    <message>
        <source>opening %1</source>
        <translation>Öffnen von %1</translation>
    </message>
    <message>
        <source>opening the database</source>
        <translation>Öffnen der Datenbank</translation>
    </message>
    <message>
        <source>Nothing can be changed while the ledger is being read as one moment; try again once the reading is done.</source>
        <translation>Solange das Konto als ein Moment gelesen wird, lässt sich nichts ändern; versuchen Sie es erneut, wenn das Lesen beendet ist.</translation>
    </message>
    <message>
        <source>%1 is a Recorder, who may record usage and nothing else; an Owner or Admin can make them a Viewer to read the ledger.</source>
        <translation>%1 ist ein Erfasser, der nur Nutzung erfassen darf; ein Inhaber oder Administrator kann ihn zum Betrachter machen, damit er das Konto lesen kann.</translation>
    </message>
    <message>
        <source>%1 needs the Owner, Admin or Recorder role, and %2 is %3.</source>
        <translation>%1 braucht die Rolle Inhaber, Administrator oder Erfasser, und %2 ist %3.</translation>
    </message>
    <message>
        <source>The connection to the database server was lost, and the server does not answer yet (%1).</source>
        <translation>Die Verbindung zum Datenbankserver ist verloren, und der Server antwortet noch nicht (%1).</translation>
    </message>
    <message numerus="yes">
        <source>The connection to the database server was lost, and the server did not answer again within %Ln second(s) (%1).</source>
        <translation>
            <numerusform>Die Verbindung zum Datenbankserver ist verloren, und der Server hat nicht innerhalb von %Ln Sekunde wieder geantwortet (%1).</numerusform>
            <numerusform>Die Verbindung zum Datenbankserver ist verloren, und der Server hat nicht innerhalb von %Ln Sekunden wieder geantwortet (%1).</numerusform>
        </translation>
    </message>
    <message>
        <source>looking for changes</source>
        <translation>Suchen nach Änderungen</translation>
    </message>
</context>
<context>
    <name>DatabaseAddress</name>
    <message>
        <source>%1 is not a PostgreSQL connection URI such as postgresql://user@host:5432/aisettings.</source>
        <translation>%1 ist keine PostgreSQL-Verbindungs-URI wie postgresql://user@host:5432/aisettings.</translation>
    </message>
    <message>
        <source>The database address must not carry a password; put it in ~/.pgpass or PGPASSWORD, where libpq reads it.</source>
        <translation>Die Datenbankadresse darf kein Passwort enthalten; legen Sie es in ~/.pgpass oder PGPASSWORD ab, wo libpq es liest.</translation>
    </message>
    <message>
        <source>The connection parameter %1 is not a libpq keyword with a plain value.</source>
        <translation>Der Verbindungsparameter %1 ist kein libpq-Schlüsselwort mit einfachem Wert.</translation>
    </message>
    <message>
        <source>The database address must not carry the passphrase of a key (%1); use a key file that only you can read, or enter the passphrase when libpq asks for it.</source>
        <translation>Die Datenbankadresse darf die Passphrase eines Schlüssels (%1) nicht enthalten; verwenden Sie eine Schlüsseldatei, die nur Sie lesen können, oder geben Sie die Passphrase ein, wenn libpq danach fragt.</translation>
    </message>
</context>
<context>
    <name>DirectoryStore</name>
    <message>
        <source>reading tenants</source>
        <translation>Lesen der Mandanten</translation>
    </message>
    <message>
        <source>There is no tenant %1; add it with &quot;ai-settings tenants add %2&quot;.</source>
        <translation>Es gibt keinen Mandanten %1; fügen Sie ihn mit „ai-settings tenants add %2“ hinzu.</translation>
    </message>
    <message>
        <source>Tenant id %1 is not valid; use up to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit.</source>
        <translation>Die Mandanten-ID %1 ist ungültig; verwenden Sie bis zu 64 Buchstaben, Ziffern, Punkte, Bindestriche oder Unterstriche, beginnend mit einem Buchstaben oder einer Ziffer.</translation>
    </message>
    <message>
        <source>Adding a tenant</source>
        <translation>Das Hinzufügen eines Mandanten</translation>
    </message>
    <message>
        <source>Tenant %1 already exists.</source>
        <translation>Mandant %1 gibt es schon.</translation>
    </message>
    <message>
        <source>adding a tenant</source>
        <translation>Hinzufügen eines Mandanten</translation>
    </message>
    <message>
        <source>Renaming a tenant</source>
        <translation>Das Umbenennen eines Mandanten</translation>
    </message>
    <message>
        <source>renaming a tenant</source>
        <translation>Umbenennen eines Mandanten</translation>
    </message>
    <message>
        <source>removing a tenant</source>
        <translation>Entfernen eines Mandanten</translation>
    </message>
    <message>
        <source>reading members</source>
        <translation>Lesen der Mitglieder</translation>
    </message>
    <message>
        <source>%1 is not a valid user name; use up to 128 letters, digits or ._@$- characters.</source>
        <translation>%1 ist kein gültiger Benutzername; verwenden Sie bis zu 128 Buchstaben, Ziffern oder die Zeichen ._@$-.</translation>
    </message>
    <message>
        <source>Changing members</source>
        <translation>Das Ändern von Mitgliedern</translation>
    </message>
    <message>
        <source>Only an Owner can grant or take away the Owner role.</source>
        <translation>Nur ein Inhaber kann die Rolle Inhaber vergeben oder entziehen.</translation>
    </message>
    <message>
        <source>%1 is the last Owner; make someone else Owner first.</source>
        <translation>%1 ist der letzte Inhaber; machen Sie zuerst jemand anderen zum Inhaber.</translation>
    </message>
    <message>
        <source>saving a member</source>
        <translation>Speichern eines Mitglieds</translation>
    </message>
    <message>
        <source>%1 is not a member.</source>
        <translation>%1 ist kein Mitglied.</translation>
    </message>
    <message>
        <source>Only an Owner can remove an Owner.</source>
        <translation>Nur ein Inhaber kann einen Inhaber entfernen.</translation>
    </message>
    <message>
        <source>removing a member</source>
        <translation>Entfernen eines Mitglieds</translation>
    </message>
    <message>
        <source>There is no role %1 on the database server; a superuser creates it (createuser %1), then add the member again.</source>
        <translation>Auf dem Datenbankserver gibt es keine Rolle %1; ein Superuser legt sie an (createuser %1), danach fügen Sie das Mitglied erneut hinzu.</translation>
    </message>
</context>
<context>
    <name>Environment</name>
    <message>
        <source>Cannot open the database at %1: %2.</source>
        <translation>Die Datenbank unter %1 lässt sich nicht öffnen: %2.</translation>
    </message>
</context>
<context>
    <name>Identifiers</name>
    <message>
        <source>The name %1 holds a control character; use plain text.</source>
        <translation>Der Name %1 enthält ein Steuerzeichen; verwenden Sie einfachen Text.</translation>
    </message>
    <message>
        <source>The name is %1 characters long; use at most %2.</source>
        <translation>Der Name ist %1 Zeichen lang; erlaubt sind höchstens %2.</translation>
    </message>
</context>
<context>
    <name>KeyFormat</name>
    <message>
        <source>The %1 API key is empty.</source>
        <translation>Der %1-API-Schlüssel ist leer.</translation>
    </message>
    <message>
        <source>The %1 API key may hold only letters, digits, &quot;-&quot; and &quot;_&quot;; check that nothing else was pasted with it.</source>
        <translation>Der %1-API-Schlüssel darf nur Buchstaben, Ziffern, „-“ und „_“ enthalten; prüfen Sie, dass nichts anderes mit eingefügt wurde.</translation>
    </message>
    <message>
        <source>The %1 API key is %2 characters long, which no %1 key is; check that all of it was pasted.</source>
        <translation>Der %1-API-Schlüssel ist %2 Zeichen lang, was kein %1-Schlüssel ist; prüfen Sie, dass er vollständig eingefügt wurde.</translation>
    </message>
    <message>
        <source>This key is for %1 (%2…); enter it in the %1 field, not the %3 one.</source>
        <translation>Dieser Schlüssel gehört zu %1 (%2…); geben Sie ihn im %1-Feld ein, nicht im %3-Feld.</translation>
    </message>
    <message>
        <source>This looks like a key for %1 (%2…); enter it in the %1 field, not the %3 one.</source>
        <translation>Das sieht nach einem Schlüssel für %1 aus (%2…); geben Sie ihn im %1-Feld ein, nicht im %3-Feld.</translation>
    </message>
    <message>
        <source>This is an Admin key of %1, which manages an organisation but cannot run AI actions; create an API key at %2 and enter that.</source>
        <translation>Das ist ein Admin-Schlüssel von %1, der eine Organisation verwaltet, aber keine KI-Aktionen ausführen kann; erstellen Sie unter %2 einen API-Schlüssel und geben Sie diesen ein.</translation>
    </message>
    <message>
        <source>%1 API keys start with &quot;%2&quot;.</source>
        <translation>API-Schlüssel von %1 beginnen mit „%2“.</translation>
    </message>
    <message>
        <source>AI Settings cannot read %1&apos;s usage reports, so it keeps no usage key for it.</source>
        <translation>AI Settings kann die Nutzungsberichte von %1 nicht lesen und bewahrt daher keinen Nutzungsschlüssel dafür auf.</translation>
    </message>
    <message>
        <source>This is an API key of %1, which runs AI actions but cannot read the organisation&apos;s usage reports; create an Admin key at %2 and enter that.</source>
        <translation>Das ist ein API-Schlüssel von %1, der KI-Aktionen ausführt, aber die Nutzungsberichte der Organisation nicht lesen kann; erstellen Sie unter %2 einen Admin-Schlüssel und geben Sie diesen ein.</translation>
    </message>
    <message>
        <source>%1 Admin keys start with &quot;%2&quot;.</source>
        <translation>Admin-Schlüssel von %1 beginnen mit „%2“.</translation>
    </message>
</context>
<context>
    <name>KeySentences</name>
    <message>
        <source>the install</source>
        <translation>die Installation</translation>
    </message>
    <message>
        <source>tenant %1</source>
        <translation>Mandant %1</translation>
    </message>
    <message>
        <source>%1 actions use AI credits.</source>
        <translation>%1-Aktionen verbrauchen KI-Credits.</translation>
    </message>
    <message>
        <source>This tenant&apos;s own %1 key: %2</source>
        <translation>Eigener %1-Schlüssel dieses Mandanten: %2</translation>
    </message>
    <message>
        <source>%1 actions use this tenant&apos;s own key: %2.</source>
        <translation>%1-Aktionen nutzen den eigenen Schlüssel dieses Mandanten: %2.</translation>
    </message>
    <message>
        <source>%1 actions use the install&apos;s key: %2.</source>
        <translation>%1-Aktionen nutzen den Schlüssel der Installation: %2.</translation>
    </message>
    <message>
        <source>(%1, request %2)</source>
        <translation>(%1, Anfrage %2)</translation>
    </message>
    <message>
        <source>Not checked with the provider yet.</source>
        <translation>Noch nicht beim Anbieter geprüft.</translation>
    </message>
    <message>
        <source>%1 rejected the key %2%3.</source>
        <translation>%1 hat den Schlüssel abgelehnt %2%3.</translation>
    </message>
    <message>
        <source>The %1 account behind this key is out of budget %2%3; raise its spend limit or add credit at %4.</source>
        <translation>Das %1-Konto hinter diesem Schlüssel hat kein Budget mehr %2%3; erhöhen Sie sein Ausgabenlimit oder laden Sie unter %4 Guthaben auf.</translation>
    </message>
    <message>
        <source>%1 is limiting requests %2; check again in %3 seconds.</source>
        <translation>%1 begrenzt die Anfragen %2; prüfen Sie in %3 Sekunden erneut.</translation>
    </message>
    <message>
        <source>%1 is limiting requests %2 and did not say when to ask again.</source>
        <translation>%1 begrenzt die Anfragen %2 und hat nicht gesagt, wann wieder gefragt werden darf.</translation>
    </message>
    <message>
        <source>%1 is overloaded %2.</source>
        <translation>%1 ist überlastet %2.</translation>
    </message>
    <message>
        <source>%1 is having trouble %2.</source>
        <translation>%1 hat Probleme %2.</translation>
    </message>
    <message>
        <source>%1 answered %2%3.</source>
        <translation>%1 hat geantwortet %2%3.</translation>
    </message>
    <message>
        <source>%1 answered with something that is not a model list.</source>
        <translation>%1 hat mit etwas geantwortet, das keine Modellliste ist.</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 seconds.</source>
        <translation>%1 hat nicht innerhalb von %2 Sekunden geantwortet.</translation>
    </message>
    <message>
        <source>%1 could not be reached (%2).</source>
        <translation>%1 war nicht erreichbar (%2).</translation>
    </message>
    <message>
        <source>The key is no longer in the keychain; set it again.</source>
        <translation>Der Schlüssel ist nicht mehr im Schlüsselbund; legen Sie ihn erneut fest.</translation>
    </message>
    <message>
        <source>Not used: the %1 plan does not allow tenant keys; the key is kept until it is removed or the plan allows tenant keys again.</source>
        <translation>Nicht verwendet: Der Tarif %1 erlaubt keine Mandantenschlüssel; der Schlüssel bleibt, bis er entfernt wird oder der Tarif Mandantenschlüssel wieder erlaubt.</translation>
    </message>
    <message>
        <source>the usage reports</source>
        <translation>die Nutzungsberichte</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>%1 knows the key but it may not read the organisation&apos;s usage reports %2%3; create an Admin key at %4 and enter that.</source>
        <translation>%1 kennt den Schlüssel, aber er darf die Nutzungsberichte der Organisation nicht lesen %2%3; erstellen Sie unter %4 einen Admin-Schlüssel und geben Sie diesen ein.</translation>
    </message>
    <message>
        <source>%1 answered with something that is not a usage report.</source>
        <translation>%1 hat mit etwas geantwortet, das kein Nutzungsbericht ist.</translation>
    </message>
    <message>
        <source>%1 would not read its usage reports to this key %2%3, so it is not kept: an API key runs AI actions but cannot read them; enter an Admin key (%4…) or a read-only analytics key.</source>
        <translation>%1 liest diesem Schlüssel seine Nutzungsberichte nicht %2%3, daher wird er nicht behalten: Ein API-Schlüssel führt KI-Aktionen aus, kann sie aber nicht lesen; geben Sie einen Admin-Schlüssel (%4…) oder einen schreibgeschützten Analyse-Schlüssel ein.</translation>
    </message>
    <message>
        <source>%1; a usage key that is not an Admin key is kept only once %2 has read it a report, so nothing was stored: try again when %2 answers.</source>
        <translation>%1; ein Nutzungsschlüssel, der kein Admin-Schlüssel ist, wird erst behalten, wenn %2 ihm einen Bericht gelesen hat, daher wurde nichts gespeichert: Versuchen Sie es erneut, wenn %2 antwortet.</translation>
    </message>
    <message>
        <source>A usage key that is not an Admin key is kept only once %1 has read it a report, so it cannot be set without the check.</source>
        <translation>Ein Nutzungsschlüssel, der kein Admin-Schlüssel ist, wird erst behalten, wenn %1 ihm einen Bericht gelesen hat, daher kann er nicht ohne die Prüfung gesetzt werden.</translation>
    </message>
</context>
<context>
    <name>KeyService</name>
    <message>
        <source>the stored key ending %1 is kept</source>
        <translation>der gespeicherte Schlüssel mit der Endung %1 bleibt</translation>
    </message>
    <message>
        <source>A key is already stored for %1 and a new one replaces it only once checked, or when you confirm; %2.</source>
        <translation>Für %1 ist schon ein Schlüssel gespeichert, und ein neuer ersetzt ihn erst nach der Prüfung oder mit Ihrer Bestätigung; %2.</translation>
    </message>
    <message>
        <source>The key is stored in the keychain, but the database could not record it (%1); run &quot;keys verify&quot; once the database is available.</source>
        <translation>Der Schlüssel liegt im Schlüsselbund, aber die Datenbank konnte ihn nicht vermerken (%1); führen Sie „keys verify“ aus, sobald die Datenbank verfügbar ist.</translation>
    </message>
    <message>
        <source>No %1 key is set for %2; set one with &quot;keys set %3&quot;.</source>
        <translation>Für %2 ist kein %1-Schlüssel gesetzt; setzen Sie einen mit „keys set %3“.</translation>
    </message>
    <message>
        <source>The %1 key for %2 is kept in the keychain of %3 on %4; Test and Remove work there.</source>
        <translation>Der %1-Schlüssel für %2 liegt im Schlüsselbund von %3 auf %4; Testen und Entfernen funktionieren dort.</translation>
    </message>
    <message>
        <source>Removing a tenant</source>
        <translation>Das Entfernen eines Mandanten</translation>
    </message>
    <message>
        <source>Replace the key stored for %1 (ending %2) with the new one without checking it?</source>
        <translation>Den für %1 gespeicherten Schlüssel (endet auf %2) durch den neuen ersetzen, ohne ihn zu prüfen?</translation>
    </message>
    <message>
        <source>The new key is not confirmed to work: %1 Replace the stored key ending %2 with it anyway?</source>
        <translation>Dass der neue Schlüssel funktioniert, ist nicht bestätigt: %1 Den gespeicherten Schlüssel, der auf %2 endet, trotzdem durch ihn ersetzen?</translation>
    </message>
    <message>
        <source>No %1 usage key is set; set one with &quot;keys set-usage %2&quot;.</source>
        <translation>Es ist kein %1-Nutzungsschlüssel gesetzt; setzen Sie einen mit „keys set-usage %2“.</translation>
    </message>
</context>
<context>
    <name>KeyState</name>
    <message>
        <source>Not set</source>
        <translation>Nicht gesetzt</translation>
    </message>
    <message>
        <source>Active (BYOK)</source>
        <translation>Aktiv (BYOK)</translation>
    </message>
    <message>
        <source>Invalid key</source>
        <translation>Ungültiger Schlüssel</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>Nicht geprüft</translation>
    </message>
    <message>
        <source>Out of budget</source>
        <translation>Budget erschöpft</translation>
    </message>
    <message>
        <source>Throttled</source>
        <translation>Gedrosselt</translation>
    </message>
    <message>
        <source>Unused</source>
        <translation>Ungenutzt</translation>
    </message>
    <message>
        <source>No permission</source>
        <translation>Keine Berechtigung</translation>
    </message>
</context>
<context>
    <name>KeyStore</name>
    <message>
        <source>reading key states</source>
        <translation>Lesen der Schlüsselstatus</translation>
    </message>
    <message>
        <source>Per-tenant keys need the Professional or Enterprise plan; the install is on %1.</source>
        <translation>Mandantenschlüssel erfordern den Tarif Professional oder Enterprise; die Installation hat %1.</translation>
    </message>
    <message>
        <source>A key fingerprint is at most its last four characters.</source>
        <translation>Eine Schlüsselkennung besteht höchstens aus seinen letzten vier Zeichen.</translation>
    </message>
    <message>
        <source>saving a key state</source>
        <translation>Speichern eines Schlüsselstatus</translation>
    </message>
    <message>
        <source>removing a tenant&apos;s keys</source>
        <translation>Entfernen der Schlüssel eines Mandanten</translation>
    </message>
    <message>
        <source>&quot;Unused&quot; describes a stored key; it is not a check&apos;s verdict.</source>
        <translation>„Nicht verwendet“ beschreibt einen gespeicherten Schlüssel; es ist kein Prüfergebnis.</translation>
    </message>
</context>
<context>
    <name>KeyVault</name>
    <message>
        <source>The key could not be saved</source>
        <translation>Der Schlüssel konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>The key could not be read</source>
        <translation>Der Schlüssel konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>The key could not be removed</source>
        <translation>Der Schlüssel konnte nicht entfernt werden</translation>
    </message>
    <message>
        <source>no keychain service is running (on Linux, start GNOME Keyring or KWallet)</source>
        <translation>es läuft kein Schlüsselbund-Dienst (unter Linux GNOME Keyring oder KWallet starten)</translation>
    </message>
    <message>
        <source>there is no D-Bus session to reach the keychain (log in to a desktop session)</source>
        <translation>es gibt keine D-Bus-Sitzung, um den Schlüsselbund zu erreichen (an einer Desktop-Sitzung anmelden)</translation>
    </message>
    <message>
        <source>access to the keychain was refused at its prompt</source>
        <translation>der Zugriff auf den Schlüsselbund wurde an seiner Abfrage verweigert</translation>
    </message>
    <message>
        <source>the keychain is locked; unlock it and try again</source>
        <translation>der Schlüsselbund ist gesperrt; entsperren Sie ihn und versuchen Sie es erneut</translation>
    </message>
    <message>
        <source>the keychain denied access; unlock it and try again</source>
        <translation>der Schlüsselbund verweigerte den Zugriff; entsperren Sie ihn und versuchen Sie es erneut</translation>
    </message>
    <message>
        <source>this system&apos;s keychain does not support it</source>
        <translation>der Schlüsselbund dieses Systems unterstützt das nicht</translation>
    </message>
    <message>
        <source>the keychain refused to delete the entry</source>
        <translation>der Schlüsselbund weigerte sich, den Eintrag zu löschen</translation>
    </message>
    <message>
        <source>the keychain reported: %1</source>
        <translation>der Schlüsselbund meldete: %1</translation>
    </message>
    <message>
        <source>an unknown error</source>
        <translation>einen unbekannten Fehler</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <comment>what failed: why</comment>
        <translation>%1: %2.</translation>
    </message>
    <message numerus="yes">
        <source>%1: the keychain did not answer within %Ln second(s).</source>
        <translation>
            <numerusform>%1: Der Schlüsselbund hat nicht innerhalb von %Ln Sekunde geantwortet.</numerusform>
            <numerusform>%1: Der Schlüsselbund hat nicht innerhalb von %Ln Sekunden geantwortet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeychainDoctor</name>
    <message>
        <source>Session bus: reachable.</source>
        <translation>Sitzungsbus: erreichbar.</translation>
    </message>
    <message>
        <source>Secret Service: org.freedesktop.secrets is on the session bus.</source>
        <translation>Secret Service: org.freedesktop.secrets ist auf dem Sitzungsbus.</translation>
    </message>
    <message>
        <source>Secret Service: org.freedesktop.secrets starts on the first call.</source>
        <translation>Secret Service: org.freedesktop.secrets startet beim ersten Aufruf.</translation>
    </message>
    <message>
        <source>Default collection: &quot;%1&quot;, unlocked.</source>
        <translation>Standardsammlung: „%1“, entsperrt.</translation>
    </message>
    <message>
        <source>the entry read back was not the one written</source>
        <translation>der zurückgelesene Eintrag war nicht der geschriebene</translation>
    </message>
    <message>
        <source>Round trip: a test entry was stored, read back and deleted.</source>
        <translation>Probelauf: ein Testeintrag wurde gespeichert, zurückgelesen und gelöscht.</translation>
    </message>
    <message>
        <source>The keychain works: keys can be kept here.</source>
        <translation>Der Schlüsselbund funktioniert: Schlüssel können hier aufbewahrt werden.</translation>
    </message>
    <message>
        <source>No D-Bus session bus: DBUS_SESSION_BUS_ADDRESS is not set, as in an SSH login or a service; run the program in your desktop session, or start it as &quot;dbus-run-session -- ai-settings …&quot; with gnome-keyring unlocked inside.</source>
        <translation>Kein D-Bus-Sitzungsbus: DBUS_SESSION_BUS_ADDRESS ist nicht gesetzt, wie bei einer SSH-Anmeldung oder einem Dienst; starten Sie das Programm in Ihrer Desktop-Sitzung oder als „dbus-run-session -- ai-settings …“ mit darin entsperrtem gnome-keyring.</translation>
    </message>
    <message>
        <source>The D-Bus session bus in DBUS_SESSION_BUS_ADDRESS does not answer; log out and in again, or start the program as &quot;dbus-run-session -- ai-settings …&quot;.</source>
        <translation>Der D-Bus-Sitzungsbus in DBUS_SESSION_BUS_ADDRESS antwortet nicht; melden Sie sich ab und wieder an, oder starten Sie das Programm als „dbus-run-session -- ai-settings …“.</translation>
    </message>
    <message>
        <source>Nothing on the session bus offers the Secret Service (org.freedesktop.secrets): install gnome-keyring (sudo apt-get install gnome-keyring) and log in again.</source>
        <translation>Nichts auf dem Sitzungsbus bietet den Secret Service (org.freedesktop.secrets) an: installieren Sie gnome-keyring (sudo apt-get install gnome-keyring) und melden Sie sich neu an.</translation>
    </message>
    <message>
        <source>KWallet runs but does not offer the Secret Service: enable it in System Settings › KWallet (&quot;Use KWallet for the Secret Service interface&quot;) and log in again.</source>
        <translation>KWallet läuft, bietet aber den Secret Service nicht an: aktivieren Sie ihn unter Systemeinstellungen › KWallet („KWallet für die Secret-Service-Schnittstelle verwenden“) und melden Sie sich neu an.</translation>
    </message>
    <message>
        <source>The Secret Service (org.freedesktop.secrets) takes calls but does not answer: restart gnome-keyring, or log out and in again.</source>
        <translation>Der Secret Service (org.freedesktop.secrets) nimmt Aufrufe an, antwortet aber nicht: starten Sie gnome-keyring neu, oder melden Sie sich ab und wieder an.</translation>
    </message>
    <message>
        <source>The keyring has no default collection: create one named &quot;Login&quot; in Passwords and Keys (seahorse), or log out and in again so that the desktop creates it.</source>
        <translation>Der Schlüsselbund hat keine Standardsammlung: legen Sie in „Passwörter und Verschlüsselung“ (seahorse) eine namens „Login“ an, oder melden Sie sich ab und wieder an, damit der Desktop sie anlegt.</translation>
    </message>
    <message>
        <source>The &quot;%1&quot; keyring is locked: unlock it in Passwords and Keys (seahorse), or log out and in again with your password.</source>
        <translation>Der Schlüsselbund „%1“ ist gesperrt: entsperren Sie ihn in „Passwörter und Verschlüsselung“ (seahorse), oder melden Sie sich mit Ihrem Passwort ab und wieder an.</translation>
    </message>
    <message>
        <source>The keychain did not store and read back a test entry (%1); unlock the &quot;Login&quot; keyring or restart gnome-keyring, then try again.</source>
        <translation>Der Schlüsselbund hat einen Testeintrag nicht gespeichert und zurückgelesen (%1); entsperren Sie den Schlüsselbund „Login“ oder starten Sie gnome-keyring neu und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The keychain did not answer within 10 seconds; restart gnome-keyring, or log out and in again.</source>
        <translation>Der Schlüsselbund hat nicht innerhalb von 10 Sekunden geantwortet; starten Sie gnome-keyring neu, oder melden Sie sich ab und wieder an.</translation>
    </message>
</context>
<context>
    <name>Ledger</name>
    <message>
        <source>Unknown model slot %1; expected content or analysis.</source>
        <translation>Unbekannte Modellaufgabe %1; erwartet wird content oder analysis.</translation>
    </message>
    <message>
        <source>Changing models</source>
        <translation>Das Ändern der Modelle</translation>
    </message>
    <message>
        <source>The %1 key in force cannot use %2: it is not in the key&apos;s model list.</source>
        <translation>Der geltende %1-Schlüssel kann %2 nicht verwenden: Es steht nicht in der Modellliste des Schlüssels.</translation>
    </message>
    <message>
        <source>Changing the billing period</source>
        <translation>Das Ändern des Abrechnungszeitraums</translation>
    </message>
    <message>
        <source>Removing a tenant</source>
        <translation>Das Entfernen eines Mandanten</translation>
    </message>
    <message>
        <source>reading usage</source>
        <translation>Lesen der Nutzung</translation>
    </message>
    <message>
        <source>changing the billing period</source>
        <translation>Ändern des Abrechnungszeitraums</translation>
    </message>
    <message>
        <source>Usage is recorded after %1, when the new billing period would start; it can change only where nothing is recorded yet.</source>
        <translation>Nach %1, wenn der neue Abrechnungszeitraum beginnen würde, ist bereits Nutzung erfasst; er kann sich nur ändern, wo noch nichts erfasst ist.</translation>
    </message>
</context>
<context>
    <name>LedgerCopy</name>
    <message>
        <source>Copying the ledger</source>
        <translation>Das Kopieren des Kontos</translation>
    </message>
    <message>
        <source>The copy must go to another database than the one it copies.</source>
        <translation>Die Kopie muss in eine andere Datenbank gehen als die, die sie kopiert.</translation>
    </message>
    <message>
        <source>%1 already holds a ledger; db copy writes only into an empty database.</source>
        <translation>%1 enthält schon ein Konto; db copy schreibt nur in eine leere Datenbank.</translation>
    </message>
    <message>
        <source>reading %1</source>
        <translation>Lesen von %1</translation>
    </message>
    <message>
        <source>writing %1</source>
        <translation>Schreiben von %1</translation>
    </message>
    <message>
        <source>preparing the copy</source>
        <translation>Vorbereiten der Kopie</translation>
    </message>
    <message>
        <source>%1 already holds usage, tenants, keys or an audit trail; db copy writes only into a ledger that holds nothing yet.</source>
        <translation>%1 enthält schon Nutzung, Mandanten, Schlüssel oder ein Änderungsprotokoll; db copy schreibt nur in ein Konto, das noch nichts enthält.</translation>
    </message>
    <message>
        <source>Copying into a shared ledger needs a superuser of the server: the copy writes the history, the members and the audit trail as they are.</source>
        <translation>Das Kopieren in ein gemeinsames Konto braucht einen Superuser des Servers: Die Kopie schreibt die Geschichte, die Mitglieder und das Änderungsprotokoll so, wie sie sind.</translation>
    </message>
    <message>
        <source>reading members</source>
        <translation>Lesen der Mitglieder</translation>
    </message>
    <message>
        <source>reading the ledger&apos;s roles</source>
        <translation>Lesen der Rollen des Kontos</translation>
    </message>
    <message>
        <source>The members %1 have no login role on the server; create them first (createuser NAME), then copy again.</source>
        <translation>Die Mitglieder %1 haben keine Anmelderolle auf dem Server; legen Sie sie zuerst an (createuser NAME) und kopieren Sie dann erneut.</translation>
    </message>
    <message>
        <source>writing members</source>
        <translation>Schreiben der Mitglieder</translation>
    </message>
</context>
<context>
    <name>PageState</name>
    <message>
        <source>%1 is not a member of this database.</source>
        <translation>%1 ist kein Mitglied dieser Datenbank.</translation>
    </message>
</context>
<context>
    <name>PostgresGuard</name>
    <message>
        <source>creating the shared ledger</source>
        <translation>Anlegen des gemeinsamen Kontos</translation>
    </message>
    <message>
        <source>reading the server&apos;s roles</source>
        <translation>Lesen der Rollen des Servers</translation>
    </message>
    <message>
        <source>asking the server who is connected</source>
        <translation>Fragen des Servers, wer verbunden ist</translation>
    </message>
    <message>
        <source>Creating a shared ledger needs a superuser of the server, who creates its roles; connect as one (for example postgres) for db init.</source>
        <translation>Das Anlegen eines gemeinsamen Kontos braucht einen Superuser des Servers, der seine Rollen anlegt; verbinden Sie sich für db init als ein solcher (zum Beispiel postgres).</translation>
    </message>
    <message>
        <source>The database name %1 is too long to name the ledger&apos;s roles after it; use at most %2 characters.</source>
        <translation>Der Datenbankname %1 ist zu lang, um die Rollen des Kontos danach zu benennen; verwenden Sie höchstens %2 Zeichen.</translation>
    </message>
    <message>
        <source>There is no login role %1 on the server to make the ledger&apos;s Owner; create it first (createuser %1).</source>
        <translation>Auf dem Server gibt es keine Anmelderolle %1, die Inhaber des Kontos werden könnte; legen Sie sie zuerst an (createuser %1).</translation>
    </message>
    <message>
        <source>The database %1 already holds a shared ledger; nothing was changed.</source>
        <translation>Die Datenbank %1 enthält schon ein gemeinsames Konto; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>The database %1 holds a ledger of an older AI Settings in the schema public, which every role may write; copy it to a new database with db copy instead.</source>
        <translation>Die Datenbank %1 enthält ein Konto einer älteren AI-Settings-Version im Schema public, in das jede Rolle schreiben darf; kopieren Sie es stattdessen mit db copy in eine neue Datenbank.</translation>
    </message>
    <message>
        <source>The program&apos;s PostgreSQL functions are missing from its resources; reinstall it.</source>
        <translation>Dem Programm fehlen die PostgreSQL-Funktionen in seinen Ressourcen; installieren Sie es neu.</translation>
    </message>
    <message>
        <source>reading the ledger&apos;s roles</source>
        <translation>Lesen der Rollen des Kontos</translation>
    </message>
    <message>
        <source>The ledger&apos;s roles are not recorded (ai_settings.ledger_roles is empty).</source>
        <translation>Die Rollen des Kontos sind nicht verzeichnet (ai_settings.ledger_roles ist leer).</translation>
    </message>
    <message>
        <source>The role %1 is missing; members of it lost their access.</source>
        <translation>Die Rolle %1 fehlt; ihre Mitglieder haben den Zugang verloren.</translation>
    </message>
    <message>
        <source>The ledger&apos;s owning role %1 can log in; nobody should act as it.</source>
        <translation>Die Eigentümerrolle %1 des Kontos kann sich anmelden; niemand sollte als sie handeln.</translation>
    </message>
    <message>
        <source>The schema ai_settings belongs to %1 instead of the ledger&apos;s owning role.</source>
        <translation>Das Schema ai_settings gehört %1 statt der Eigentümerrolle des Kontos.</translation>
    </message>
    <message>
        <source>A role may change the table %1 directly instead of through the ledger&apos;s functions.</source>
        <translation>Eine Rolle darf die Tabelle %1 direkt ändern statt über die Funktionen des Kontos.</translation>
    </message>
    <message>
        <source>The table %1 belongs to another role than the ledger&apos;s.</source>
        <translation>Die Tabelle %1 gehört einer anderen Rolle als der des Kontos.</translation>
    </message>
    <message>
        <source>A role may create objects on the program&apos;s path: %1.</source>
        <translation>Eine Rolle darf Objekte auf dem Pfad des Programms anlegen: %1.</translation>
    </message>
    <message>
        <source>The member %1 is a superuser, whom the server&apos;s privileges do not bind.</source>
        <translation>Das Mitglied %1 ist ein Superuser, den die Rechte des Servers nicht binden.</translation>
    </message>
    <message>
        <source>The role %1 may grant a ledger role to anyone.</source>
        <translation>Die Rolle %1 darf jedem eine Rolle des Kontos gewähren.</translation>
    </message>
    <message>
        <source>The member %1 may act as the ledger&apos;s owning role.</source>
        <translation>Das Mitglied %1 darf als Eigentümerrolle des Kontos handeln.</translation>
    </message>
    <message>
        <source>The audit trail (%1) can be changed: its append-only triggers are missing or disabled.</source>
        <translation>Das Änderungsprotokoll (%1) lässt sich ändern: Seine Nur-Anfügen-Trigger fehlen oder sind abgeschaltet.</translation>
    </message>
    <message>
        <source>checking the ledger&apos;s privileges</source>
        <translation>Prüfen der Rechte des Kontos</translation>
    </message>
    <message>
        <source>Only a shared ledger on PostgreSQL has roles of the server to create or check; %1 is an SQLite file.</source>
        <translation>Nur ein gemeinsames Konto auf PostgreSQL hat Rollen des Servers, die sich anlegen oder prüfen lassen; %1 ist eine SQLite-Datei.</translation>
    </message>
    <message>
        <source>The function %1 runs as the ledger&apos;s role without fixing its search_path.</source>
        <translation>Die Funktion %1 läuft als Rolle des Kontos, ohne ihren search_path festzulegen.</translation>
    </message>
    <message>
        <source>reading the schema version</source>
        <translation>Lesen der Schemaversion</translation>
    </message>
</context>
<context>
    <name>PrivateFile</name>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>%1 lässt sich nicht schreiben: %2.</translation>
    </message>
</context>
<context>
    <name>ProviderBook</name>
    <message>
        <source>storing the provider&apos;s reports</source>
        <translation>beim Speichern der Berichte des Anbieters</translation>
    </message>
    <message>
        <source>Syncing the providers&apos; reports</source>
        <translation>Das Synchronisieren der Anbieterberichte</translation>
    </message>
    <message>
        <source>reading the last sync</source>
        <translation>beim Lesen der letzten Synchronisierung</translation>
    </message>
    <message>
        <source>reading the provider&apos;s reports</source>
        <translation>beim Lesen der Berichte des Anbieters</translation>
    </message>
</context>
<context>
    <name>ProviderReports</name>
    <message>
        <source>it is not a JSON object</source>
        <translation>er ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>it has no list &quot;data&quot;</source>
        <translation>er hat keine Liste „data“</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2, not a count</source>
        <translation>„%1“ ist %2, keine Anzahl</translation>
    </message>
    <message>
        <source>a bucket has no start</source>
        <translation>ein Zeitabschnitt hat keinen Beginn</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2, not an amount</source>
        <translation>„%1“ ist %2, kein Betrag</translation>
    </message>
    <message>
        <source>The %1 is not as its provider documents it: %2.</source>
        <translation>Der %1 entspricht nicht der Dokumentation des Anbieters: %2.</translation>
    </message>
    <message>
        <source>Anthropic usage report</source>
        <translation>Nutzungsbericht von Anthropic</translation>
    </message>
    <message>
        <source>OpenAI usage report</source>
        <translation>Nutzungsbericht von OpenAI</translation>
    </message>
    <message>
        <source>%1 cached input tokens are more than the %2 input tokens that include them</source>
        <translation>%1 zwischengespeicherte Eingabe-Tokens sind mehr als die %2 Eingabe-Tokens, die sie enthalten</translation>
    </message>
    <message>
        <source>Anthropic cost report</source>
        <translation>Kostenbericht von Anthropic</translation>
    </message>
    <message>
        <source>OpenAI cost report</source>
        <translation>Kostenbericht von OpenAI</translation>
    </message>
    <message>
        <source>an entry has no id</source>
        <translation>ein Eintrag hat keine ID</translation>
    </message>
    <message>
        <source>OpenAI images report</source>
        <translation>Bilderbericht von OpenAI</translation>
    </message>
    <message>
        <source>Anthropic key list</source>
        <translation>Schlüsselliste von Anthropic</translation>
    </message>
    <message>
        <source>OpenAI key list</source>
        <translation>Schlüsselliste von OpenAI</translation>
    </message>
    <message>
        <source>OpenAI project list</source>
        <translation>Projektliste von OpenAI</translation>
    </message>
</context>
<context>
    <name>ProviderSync</name>
    <message>
        <source>%1 (while reading %2, page %3).</source>
        <translation>%1 (beim Lesen von %2, Seite %3).</translation>
    </message>
    <message>
        <source>the usage report</source>
        <translation>dem Nutzungsbericht</translation>
    </message>
    <message>
        <source>the cost report</source>
        <translation>dem Kostenbericht</translation>
    </message>
    <message>
        <source>the list of keys</source>
        <translation>der Schlüsselliste</translation>
    </message>
    <message>
        <source>the images report</source>
        <translation>dem Bilderbericht</translation>
    </message>
    <message>
        <source>the list of projects</source>
        <translation>der Projektliste</translation>
    </message>
    <message>
        <source>The sync of %1&apos;s reports was cancelled; nothing of it was stored.</source>
        <translation>Die Synchronisierung der Berichte von %1 wurde abgebrochen; nichts davon wurde gespeichert.</translation>
    </message>
    <message>
        <source>%1&apos;s reports ran past %2 pages; nothing of them was stored.</source>
        <translation>Die Berichte von %1 gingen über %2 Seiten hinaus; nichts davon wurde gespeichert.</translation>
    </message>
    <message>
        <source>the analytics usage report</source>
        <translation>den Analyse-Nutzungsbericht</translation>
    </message>
    <message>
        <source>the analytics cost report</source>
        <translation>den Analyse-Kostenbericht</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Any</source>
        <translation>Beliebig</translation>
    </message>
    <message>
        <source>and </source>
        <translation>und </translation>
    </message>
    <message>
        <source>Used by %1.</source>
        <translation>Genutzt von: %1.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>an Owner</source>
        <translation>ein Inhaber</translation>
    </message>
    <message>
        <source>an Admin</source>
        <translation>ein Administrator</translation>
    </message>
    <message>
        <source>a Viewer</source>
        <translation>ein Betrachter</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>Betrachter</translation>
    </message>
    <message>
        <source>a Recorder</source>
        <translation>ein Erfasser</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>Erfasser</translation>
    </message>
</context>
<context>
    <name>Schema</name>
    <message>
        <source>giving the database its id</source>
        <translation>Vergeben der Datenbank-ID</translation>
    </message>
    <message>
        <source>creating schema version 3</source>
        <translation>Anlegen der Schemaversion 3</translation>
    </message>
    <message>
        <source>creating schema version %1</source>
        <translation>Anlegen der Schemaversion %1</translation>
    </message>
    <message>
        <source>writing the initial settings</source>
        <translation>Schreiben der Anfangseinstellungen</translation>
    </message>
    <message>
        <source>adding the database&apos;s owner</source>
        <translation>Hinzufügen des Inhabers der Datenbank</translation>
    </message>
    <message>
        <source>creating schema version 7</source>
        <translation>Anlegen der Schemaversion 7</translation>
    </message>
    <message>
        <source>reading the plan&apos;s audit trail</source>
        <translation>Lesen des Änderungsprotokolls zum Tarif</translation>
    </message>
    <message>
        <source>dating the plan changes</source>
        <translation>Datieren der Tarifänderungen</translation>
    </message>
    <message>
        <source>This database uses schema version %1, written by a newer AI Settings; update the program to open it.</source>
        <translation>Diese Datenbank verwendet die Schemaversion %1 aus einer neueren AI-Settings-Version; aktualisieren Sie das Programm, um sie zu öffnen.</translation>
    </message>
    <message>
        <source>recording the schema version</source>
        <translation>Vermerken der Schemaversion</translation>
    </message>
    <message>
        <source>%1 is not an AI Settings database: it is not an SQLite file at all; nothing was changed.</source>
        <translation>%1 ist keine AI-Settings-Datenbank: Es ist gar keine SQLite-Datei; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>reading the database&apos;s tables</source>
        <translation>Lesen der Tabellen der Datenbank</translation>
    </message>
    <message>
        <source>%1 is not an AI Settings database: it holds another program&apos;s tables (%2); nothing was changed.</source>
        <translation>%1 ist keine AI-Settings-Datenbank: Sie enthält Tabellen eines anderen Programms (%2); nichts wurde geändert.</translation>
    </message>
    <message>
        <source>reading the schema version</source>
        <translation>Lesen der Schemaversion</translation>
    </message>
    <message>
        <source>%1 is damaged: its schema_version table is empty, so the version that wrote it is unknown; nothing was changed.</source>
        <translation>%1 ist beschädigt: Ihre Tabelle schema_version ist leer, daher ist die Version unbekannt, die sie schrieb; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>%1 is damaged: its schema_version table holds %2, which no version of AI Settings writes; nothing was changed.</source>
        <translation>%1 ist beschädigt: Ihre Tabelle schema_version enthält %2, was keine Version von AI Settings schreibt; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>creating schema version 4</source>
        <translation>Anlegen der Schemaversion 4</translation>
    </message>
    <message>
        <source>creating schema version 5</source>
        <translation>Anlegen der Schemaversion 5</translation>
    </message>
    <message>
        <source>creating schema version 6</source>
        <translation>Anlegen der Schemaversion 6</translation>
    </message>
    <message>
        <source>creating schema version 8</source>
        <translation>Anlegen der Schemaversion 8</translation>
    </message>
    <message>
        <source>%1 holds a ledger of an older AI Settings in the schema public, which every role may write; a superuser creates a guarded one in a new database with db init, and db copy moves the old one there.</source>
        <translation>%1 enthält ein Konto einer älteren AI-Settings-Version im Schema public, in das jede Rolle schreiben darf; ein Superuser legt mit db init ein geschütztes in einer neuen Datenbank an, und db copy bringt das alte dorthin.</translation>
    </message>
    <message>
        <source>%1 holds no AI Settings ledger yet; a superuser of the server creates one with: ai-settings --db URI db init --owner ROLE.</source>
        <translation>%1 enthält noch kein AI-Settings-Konto; ein Superuser des Servers legt eines an mit: ai-settings --db URI db init --owner ROLE.</translation>
    </message>
    <message>
        <source>%1 holds a ledger of schema version %2; a superuser of the server upgrades it with db init.</source>
        <translation>%1 enthält ein Konto der Schemaversion %2; ein Superuser des Servers aktualisiert es mit db init.</translation>
    </message>
    <message>
        <source>creating schema version 11</source>
        <translation>Anlegen der Schemaversion 11</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Unknown plan %1; expected one of %2.</source>
        <translation>Unbekannter Tarif %1; erwartet wird einer von %2.</translation>
    </message>
    <message>
        <source>Unknown model %1; expected one of %2.</source>
        <translation>Unbekanntes Modell %1; erwartet wird eines von %2.</translation>
    </message>
    <message>
        <source>The anchor day must be between 1 and 28, not %1.</source>
        <translation>Der Stichtag muss zwischen 1 und 28 liegen, nicht %1.</translation>
    </message>
    <message>
        <source>Unknown time zone %1; use an IANA name such as Europe/London.</source>
        <translation>Unbekannte Zeitzone %1; verwenden Sie einen IANA-Namen wie Europe/Berlin.</translation>
    </message>
    <message>
        <source>%1 is not an http or https address.</source>
        <translation>%1 ist keine http- oder https-Adresse.</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>Model of %1</source>
        <translation>Modell für %1</translation>
    </message>
    <message>
        <source>Reset day</source>
        <translation>Rücksetzungstag</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>%1 address</source>
        <translation>%1-Adresse</translation>
    </message>
    <message>
        <source>Install id</source>
        <translation>Installations-ID</translation>
    </message>
    <message>
        <source>&amp;Plan:</source>
        <translation>&amp;Tarif:</translation>
    </message>
    <message>
        <source>Credits reset on &amp;day:</source>
        <translation>Credits werden zurückgesetzt am &amp;Tag:</translation>
    </message>
    <message>
        <source>In time &amp;zone:</source>
        <translation>In der &amp;Zeitzone:</translation>
    </message>
    <message>
        <source>%1 &amp;address:</source>
        <translation>&amp;Adresse von %1:</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln credit(s) a month)</source>
        <translation>
            <numerusform>%1 (%Ln Credit im Monat)</numerusform>
            <numerusform>%1 (%Ln Credits im Monat)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1× credit cost</source>
        <translation>%1× Credit-Kosten</translation>
    </message>
    <message>
        <source>List price unknown.</source>
        <translation>Listenpreis unbekannt.</translation>
    </message>
    <message>
        <source>List price since %1, per million tokens: %2 input, %3 output; the cache: %4 to write for five minutes, %5 for an hour, %6 to read.</source>
        <translation>Listenpreis seit %1, je Million Tokens: %2 Eingabe, %3 Ausgabe; der Cache: %4 zum Schreiben für fünf Minuten, %5 für eine Stunde, %6 zum Lesen.</translation>
    </message>
</context>
<context>
    <name>SettingsStore</name>
    <message>
        <source>reading settings</source>
        <translation>Lesen der Einstellungen</translation>
    </message>
    <message>
        <source>The database names plan %1, which this version does not know.</source>
        <translation>Die Datenbank nennt den Tarif %1, den diese Version nicht kennt.</translation>
    </message>
    <message>
        <source>reading the plan history</source>
        <translation>Lesen der Tarifgeschichte</translation>
    </message>
    <message>
        <source>%1 is not a setting that can be changed.</source>
        <translation>%1 ist keine änderbare Einstellung.</translation>
    </message>
    <message>
        <source>saving settings</source>
        <translation>Speichern der Einstellungen</translation>
    </message>
    <message>
        <source>dating the plan change</source>
        <translation>Datieren der Tarifänderung</translation>
    </message>
    <message>
        <source>Changing the plan</source>
        <translation>Das Ändern des Tarifs</translation>
    </message>
    <message>
        <source>Changing provider addresses</source>
        <translation>Das Ändern von Anbieteradressen</translation>
    </message>
    <message>
        <source>The database&apos;s billing period (day %1, zone %2) is not valid.</source>
        <translation>Der Abrechnungszeitraum der Datenbank (Tag %1, Zone %2) ist ungültig.</translation>
    </message>
    <message>
        <source>The period %1 is not a month like 2026-11.</source>
        <translation>Der Zeitraum %1 ist kein Monat wie 2026-11.</translation>
    </message>
    <message>
        <source>The period %1 is before 2000-01, when usage records begin.</source>
        <translation>Der Zeitraum %1 liegt vor 2000-01, wo die Nutzungsaufzeichnung beginnt.</translation>
    </message>
    <message>
        <source>%1 is not a date like 2026-11-01 or a time like 2026-11-01T09:00:00Z.</source>
        <translation>%1 ist kein Datum wie 2026-11-01 und keine Zeit wie 2026-11-01T09:00:00Z.</translation>
    </message>
    <message>
        <source>reading the billing period&apos;s history</source>
        <translation>Lesen der Geschichte des Abrechnungszeitraums</translation>
    </message>
    <message>
        <source>No billing period starts on %1.</source>
        <translation>Am %1 beginnt kein Abrechnungszeitraum.</translation>
    </message>
    <message>
        <source>Changing %1 needs the %2 role.</source>
        <translation>%1 zu ändern erfordert die Rolle %2.</translation>
    </message>
    <message>
        <source>Owner or Admin</source>
        <translation>Inhaber oder Administrator</translation>
    </message>
</context>
<context>
    <name>SpendSentences</name>
    <message>
        <source>&lt;$0.01</source>
        <translation>&lt; 0,01 $</translation>
    </message>
    <message>
        <source>$%1</source>
        <translation>%1 $</translation>
    </message>
    <message>
        <source>never synced</source>
        <translation>nie synchronisiert</translation>
    </message>
    <message>
        <source>synced just now</source>
        <translation>gerade synchronisiert</translation>
    </message>
    <message numerus="yes">
        <source>synced %n min ago</source>
        <translation>
            <numerusform>vor %n Min. synchronisiert</numerusform>
            <numerusform>vor %n Min. synchronisiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>synced %n h ago</source>
        <translation>
            <numerusform>vor %n Std. synchronisiert</numerusform>
            <numerusform>vor %n Std. synchronisiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>synced %n days ago</source>
        <translation>
            <numerusform>vor %n Tag synchronisiert</numerusform>
            <numerusform>vor %n Tagen synchronisiert</numerusform>
        </translation>
    </message>
    <message>
        <source>The install&apos;s key%1</source>
        <translation>Schlüssel der Installation%1</translation>
    </message>
    <message>
        <source>Tenant %1&apos;s key%2</source>
        <translation>Schlüssel des Mandanten %1%2</translation>
    </message>
    <message>
        <source>Other keys of your organisation (not this install&apos;s)</source>
        <translation>Andere Schlüssel Ihrer Organisation (nicht die dieser Installation)</translation>
    </message>
    <message>
        <source>Usage without a key (the Workbench or the console)</source>
        <translation>Nutzung ohne Schlüssel (Workbench oder Konsole)</translation>
    </message>
    <message>
        <source>Keys that fit more than one of the install&apos;s keys</source>
        <translation>Schlüssel, die zu mehr als einem Schlüssel der Installation passen</translation>
    </message>
    <message>
        <source>billed</source>
        <translation>berechnet</translation>
    </message>
    <message>
        <source>at list prices</source>
        <translation>zu Listenpreisen</translation>
    </message>
    <message>
        <source>price unknown</source>
        <translation>Preis unbekannt</translation>
    </message>
    <message>
        <source>%1: %2 reports %3 used, and no BYOK run was recorded: the key was used outside this install, or runs were not recorded.</source>
        <translation>%1: %2 meldet Nutzung für %3, aber kein BYOK-Lauf wurde erfasst: Der Schlüssel wurde außerhalb dieser Installation verwendet, oder Läufe wurden nicht erfasst.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n BYOK run(s) recorded on %2, and %3 reports no usage of it.</source>
        <translation>
            <numerusform>%1: %n BYOK-Lauf auf %2 erfasst, aber %3 meldet keine Nutzung.</numerusform>
            <numerusform>%1: %n BYOK-Läufe auf %2 erfasst, aber %3 meldet keine Nutzung.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n BYOK run(s) recorded on %2, and %3 counts %4 requests.</source>
        <translation>
            <numerusform>%1: %n BYOK-Lauf auf %2 erfasst, und %3 zählt %4 Anfragen.</numerusform>
            <numerusform>%1: %n BYOK-Läufe auf %2 erfasst, und %3 zählt %4 Anfragen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n BYOK run(s) recorded; they would have cost %1 credits without BYOK.</source>
        <translation>
            <numerusform>%n BYOK-Lauf erfasst; ohne BYOK hätte er %1 Credits gekostet.</numerusform>
            <numerusform>%n BYOK-Läufe erfasst; ohne BYOK hätten sie %1 Credits gekostet.</numerusform>
        </translation>
    </message>
    <message>
        <source>the install&apos;s key%1</source>
        <translation>den Schlüssel der Installation%1</translation>
    </message>
    <message>
        <source>tenant %1&apos;s key%2</source>
        <translation>den Schlüssel des Mandanten %1%2</translation>
    </message>
    <message>
        <source>The key …%1 is not one of this organisation&apos;s keys: its usage is not in these reports.</source>
        <translation>Der Schlüssel …%1 gehört nicht zu dieser Organisation: seine Nutzung steht nicht in diesen Berichten.</translation>
    </message>
    <message>
        <source>Billed to the organisation (cost report): %1</source>
        <translation>Der Organisation berechnet (Kostenbericht): %1</translation>
    </message>
    <message>
        <source>Where the ledger and the providers&apos; reports disagree:</source>
        <translation>Wo Ledger und Berichte der Anbieter nicht übereinstimmen:</translation>
    </message>
    <message>
        <source>The ledger and the providers&apos; reports agree on every complete day held.</source>
        <translation>Ledger und Berichte der Anbieter stimmen an jedem vollständigen gespeicherten Tag überein.</translation>
    </message>
    <message>
        <source>The whole organisation (its analytics reports name no key)</source>
        <translation>Die ganze Organisation (ihre Analyseberichte nennen keinen Schlüssel)</translation>
    </message>
    <message>
        <source>not reported per key</source>
        <translation>nicht je Schlüssel berichtet</translation>
    </message>
    <message>
        <source>Read with a read-only analytics key: %1&apos;s analytics reports count the organisation&apos;s usage and cost per model, not per key, so they are neither split by key nor reconciled with the ledger&apos;s runs; an Admin key does both.</source>
        <translation>Mit einem schreibgeschützten Analyse-Schlüssel gelesen: Die Analyseberichte von %1 zählen Nutzung und Kosten der Organisation je Modell, nicht je Schlüssel, daher werden sie weder nach Schlüsseln aufgeteilt noch mit den Läufen des Hauptbuchs abgeglichen; ein Admin-Schlüssel kann beides.</translation>
    </message>
</context>
<context>
    <name>SpendService</name>
    <message>
        <source>A sync of the providers&apos; reports is running.</source>
        <translation>Eine Synchronisierung der Anbieterberichte läuft bereits.</translation>
    </message>
    <message>
        <source>Syncing the providers&apos; reports</source>
        <translation>Das Synchronisieren der Anbieterberichte</translation>
    </message>
    <message>
        <source>There is no provider %1.</source>
        <translation>Es gibt keinen Anbieter %1.</translation>
    </message>
    <message>
        <source>%1 has no usage report this program reads.</source>
        <translation>%1 hat keinen Nutzungsbericht, den dieses Programm liest.</translation>
    </message>
    <message>
        <source>No %1 usage key is set; an Owner sets one with &quot;keys set-usage %2&quot;.</source>
        <translation>Kein Nutzungsschlüssel für %1 ist gesetzt; ein Inhaber setzt einen mit „keys set-usage %2“.</translation>
    </message>
    <message>
        <source>%1 is after today (UTC); the reports hold nothing later.</source>
        <translation>%1 liegt nach heute (UTC); die Berichte enthalten nichts Späteres.</translation>
    </message>
    <message>
        <source>The keychain holds no %1 usage key; an Owner sets it again with &quot;keys set-usage %2&quot;.</source>
        <translation>Der Schlüsselbund enthält keinen Nutzungsschlüssel für %1; ein Inhaber setzt ihn erneut mit „keys set-usage %2“.</translation>
    </message>
    <message>
        <source>The sync was cancelled; nothing of it was stored.</source>
        <translation>Die Synchronisierung wurde abgebrochen; nichts davon wurde gespeichert.</translation>
    </message>
</context>
<context>
    <name>Sql</name>
    <message>
        <source>The database failed while %1: %2.</source>
        <translation>Die Datenbank scheiterte beim %1: %2.</translation>
    </message>
    <message>
        <source>preparing the import</source>
        <translation>Vorbereiten des Imports</translation>
    </message>
    <message>
        <source>importing usage</source>
        <translation>Importieren der Nutzung</translation>
    </message>
    <message>
        <source>The database is busy: another program kept it locked while %1.</source>
        <translation>Die Datenbank ist belegt: Ein anderes Programm hielt sie beim %1 gesperrt.</translation>
    </message>
    <message>
        <source>waiting for the ledger&apos;s write lock</source>
        <translation>Warten auf die Schreibsperre des Kontos</translation>
    </message>
    <message>
        <source>starting a read transaction</source>
        <translation>Beginnen einer Lesetransaktion</translation>
    </message>
    <message>
        <source>starting a transaction</source>
        <translation>Beginnen einer Transaktion</translation>
    </message>
    <message>
        <source>committing</source>
        <translation>Festschreiben</translation>
    </message>
    <message>
        <source>The database failed while %1 and gave no reason; the connection may be lost.</source>
        <translation>Die Datenbank scheiterte beim %1 und nannte keinen Grund; die Verbindung ist vielleicht verloren.</translation>
    </message>
    <message numerus="yes">
        <source>The ledger is busy: another writer held its write lock for more than %Ln second(s); nothing was written.</source>
        <translation>
            <numerusform>Das Konto ist belegt: ein anderer Schreiber hielt seine Schreibsperre länger als %Ln Sekunde; nichts wurde geschrieben.</numerusform>
            <numerusform>Das Konto ist belegt: ein anderer Schreiber hielt seine Schreibsperre länger als %Ln Sekunden; nichts wurde geschrieben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The ledger is busy: %1 held its write lock for more than %Ln second(s); nothing was written.</source>
        <translation>
            <numerusform>Das Konto ist belegt: %1 hielt seine Schreibsperre länger als %Ln Sekunde; nichts wurde geschrieben.</numerusform>
            <numerusform>Das Konto ist belegt: %1 hielt seine Schreibsperre länger als %Ln Sekunden; nichts wurde geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <source>The ledger&apos;s write lock is missing (the row of ledger_lock was deleted); nothing was written. A superuser restores it with: INSERT INTO ai_settings.ledger_lock (id) VALUES (1).</source>
        <translation>Die Schreibsperre des Kontos fehlt (die Zeile von ledger_lock wurde gelöscht); nichts wurde geschrieben. Ein Superuser stellt sie wieder her mit: INSERT INTO ai_settings.ledger_lock (id) VALUES (1).</translation>
    </message>
    <message>
        <source>%1&apos;s import of %2 (started %3)</source>
        <translation>der Import von %2 durch %1 (begonnen %3)</translation>
    </message>
</context>
<context>
    <name>Ui::ActivityPanel</name>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Ab Datum</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Bis Datum</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>Als CSV e&amp;xportieren…</translation>
    </message>
    <message>
        <source>All changes</source>
        <translation>Alle Änderungen</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>&amp;Wer:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>Activity log</source>
        <translation>Aktivitätsprotokoll</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>No changes match.</source>
        <translation>Keine Änderungen passen.</translation>
    </message>
    <message>
        <source>Export Activity</source>
        <translation>Aktivität exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s), newest first.</source>
        <translation>
            <numerusform>%Ln Änderung, die neueste zuerst.</numerusform>
            <numerusform>%Ln Änderungen, die neuesten zuerst.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln change(s) to %1.</source>
        <translation>
            <numerusform>%Ln Änderung nach %1 exportiert.</numerusform>
            <numerusform>%Ln Änderungen nach %1 exportiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Ui::AlertWatcher</name>
    <message>
        <source>AI credits: %1% used</source>
        <translation>KI-Credits: %1 % verbraucht</translation>
    </message>
</context>
<context>
    <name>Ui::AuditModel</name>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Billing period</source>
        <translation>Abrechnungszeitraum</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Provider address</source>
        <translation>Anbieteradresse</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Provider spend</source>
        <translation>Anbieterausgaben</translation>
    </message>
</context>
<context>
    <name>Ui::ByokPanel</name>
    <message>
        <source>Bring Your Own Key</source>
        <translation>Eigener Schlüssel (BYOK)</translation>
    </message>
    <message>
        <source>Use your own provider keys: actions covered by an active key cost no AI credits. Usage on your own key is billed by the provider directly and does not pass through this install&apos;s credits. Keys are kept in the system keychain and are never shown again.</source>
        <translation>Eigene Anbieterschlüssel verwenden: Aktionen, die ein aktiver Schlüssel abdeckt, kosten keine KI-Credits. Die Nutzung über den eigenen Schlüssel rechnet der Anbieter direkt ab, sie läuft nicht über die Credits dieser Installation. Schlüssel liegen im Schlüsselbund des Systems und werden nie wieder angezeigt.</translation>
    </message>
    <message>
        <source>Tenant keys need the Professional or Enterprise plan; on %1 this tenant uses the install&apos;s key or credits.</source>
        <translation>Mandantenschlüssel erfordern den Tarif Professional oder Enterprise; mit %1 nutzt dieser Mandant den Schlüssel der Installation oder Credits.</translation>
    </message>
    <message>
        <source>Keys for the whole install (used by every tenant without its own key).</source>
        <translation>Schlüssel für die ganze Installation (genutzt von jedem Mandanten ohne eigenen Schlüssel).</translation>
    </message>
    <message>
        <source>Keys for tenant %1 only.</source>
        <translation>Schlüssel nur für Mandant %1.</translation>
    </message>
    <message>
        <source>Check Keychain</source>
        <translation>Schlüsselbund prüfen</translation>
    </message>
    <message>
        <source>Check the keychain again</source>
        <translation>Den Schlüsselbund erneut prüfen</translation>
    </message>
    <message>
        <source>⚠ Keychain: %1</source>
        <translation>⚠ Schlüsselbund: %1</translation>
    </message>
    <message>
        <source>Keychain: checking…</source>
        <translation>Schlüsselbund: wird geprüft …</translation>
    </message>
</context>
<context>
    <name>Ui::CreditCostsPanel</name>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>Credit cost of each action</source>
        <translation>Credit-Kosten jeder Aktion</translation>
    </message>
    <message>
        <source> (%1, ×%2)</source>
        <translation> (%1, ×%2)</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>0 credits (your %1 key; %2 otherwise)</source>
        <translation>0 Credits (Ihr %1-Schlüssel; sonst %2)</translation>
    </message>
    <message>
        <source>Credit Costs</source>
        <translation>Credit-Kosten</translation>
    </message>
</context>
<context>
    <name>Ui::CreditsPanel</name>
    <message>
        <source>AI Credits</source>
        <translation>KI-Credits</translation>
    </message>
    <message>
        <source>◀ Earlier</source>
        <translation>◀ Früher</translation>
    </message>
    <message>
        <source>Later ▶</source>
        <translation>Später ▶</translation>
    </message>
    <message>
        <source>Show the previous billing period</source>
        <translation>Den vorigen Abrechnungszeitraum zeigen</translation>
    </message>
    <message>
        <source>Show the next billing period</source>
        <translation>Den nächsten Abrechnungszeitraum zeigen</translation>
    </message>
    <message>
        <source>Show the running billing period</source>
        <translation>Den laufenden Abrechnungszeitraum zeigen</translation>
    </message>
    <message>
        <source>AI credits used</source>
        <translation>Verbrauchte KI-Credits</translation>
    </message>
    <message>
        <source>Credits warning</source>
        <translation>Credit-Warnung</translation>
    </message>
    <message>
        <source>Credits used by action</source>
        <translation>Verbrauchte Credits nach Aktion</translation>
    </message>
    <message>
        <source>&lt;b&gt;By action&lt;/b&gt;</source>
        <translation>&lt;b&gt;Nach Aktion&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;By day&lt;/b&gt;</source>
        <translation>&lt;b&gt;Nach Tag&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1 plan · %2 credits a month</source>
        <translation>Tarif %1 · %2 Credits im Monat</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>The %1 remaining credits still buy, for example: %2.</source>
        <translation>Die %1 verbleibenden Credits reichen zum Beispiel noch für: %2.</translation>
    </message>
    <message>
        <source>With your own keys these cost no credits: %1.</source>
        <translation>Mit eigenen Schlüsseln kosten diese keine Credits: %1.</translation>
    </message>
    <message>
        <source>Refused until the key is fixed: %1.</source>
        <translation>Abgelehnt, bis der Schlüssel in Ordnung ist: %1.</translation>
    </message>
    <message>
        <source>Total of all actions</source>
        <translation>Summe aller Aktionen</translation>
    </message>
    <message>
        <source>Current Period</source>
        <translation>Aktueller Zeitraum</translation>
    </message>
</context>
<context>
    <name>Ui::DailyChart</name>
    <message>
        <source>Credits used per day</source>
        <translation>Verbrauchte Credits pro Tag</translation>
    </message>
    <message>
        <source>No credits were used in this period.</source>
        <translation>In diesem Zeitraum wurden keine Credits verbraucht.</translation>
    </message>
    <message>
        <source> (%1 on your own keys)</source>
        <translation> (%1 mit eigenen Schlüsseln)</translation>
    </message>
    <message>
        <source>%1 in this period; the busiest day was %2.</source>
        <translation>%1 in diesem Zeitraum; der stärkste Tag war %2.</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
    <message>
        <source>credits per day</source>
        <translation>Credits pro Tag</translation>
    </message>
</context>
<context>
    <name>Ui::KeyField</name>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>%1 API key</source>
        <translation>%1-API-Schlüssel</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Zeigen</translation>
    </message>
    <message>
        <source>Show the %1 key being typed</source>
        <translation>Den eingegebenen %1-Schlüssel zeigen</translation>
    </message>
    <message>
        <source>Shows the key you are typing; a saved key is never shown.</source>
        <translation>Zeigt den Schlüssel, den Sie eingeben; ein gespeicherter Schlüssel wird nie gezeigt.</translation>
    </message>
    <message>
        <source>Get, rotate or fund a key at &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;.</source>
        <translation>Schlüssel erhalten, erneuern oder aufladen unter &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <source>Covers %1.</source>
        <translation>Deckt ab: %1.</translation>
    </message>
    <message>
        <source>Last checked %1.</source>
        <translation>Zuletzt geprüft %1.</translation>
    </message>
    <message>
        <source>revoke it at %1, paste a new key here and press Save.</source>
        <translation>widerrufen Sie ihn unter %1, fügen Sie hier einen neuen Schlüssel ein und drücken Sie Speichern.</translation>
    </message>
    <message>
        <source>To rotate it: %1</source>
        <translation>Zum Erneuern: %1</translation>
    </message>
    <message>
        <source>An Owner or Admin can rotate it: %1</source>
        <translation>Ein Inhaber oder Administrator kann ihn erneuern: %1</translation>
    </message>
    <message>
        <source>It is checked again automatically at %1.</source>
        <translation>Er wird um %1 automatisch erneut geprüft.</translation>
    </message>
    <message>
        <source>The provider said to ask again at %1.</source>
        <translation>Der Anbieter bat, es um %1 erneut zu versuchen.</translation>
    </message>
    <message>
        <source>Replace key</source>
        <translation>Schlüssel ersetzen</translation>
    </message>
    <message>
        <source>Replace the active %1 key ending %2?</source>
        <translation>Den aktiven %1-Schlüssel mit der Endung %2 ersetzen?</translation>
    </message>
    <message>
        <source>Remove key</source>
        <translation>Schlüssel entfernen</translation>
    </message>
    <message>
        <source>Remove the %1 key for %2 from the keychain? Its actions will use AI credits again.</source>
        <translation>Den %1-Schlüssel für %2 aus dem Schlüsselbund entfernen? Seine Aktionen verbrauchen dann wieder KI-Credits.</translation>
    </message>
    <message>
        <source>Status: %1.</source>
        <translation>Status: %1.</translation>
    </message>
    <message>
        <source>Status: %1. %2</source>
        <translation>Status: %1. %2</translation>
    </message>
    <message>
        <source>The %1 key being typed</source>
        <translation>Der eingegebene %1-Schlüssel</translation>
    </message>
    <message>
        <source>Paste your key (%1…)</source>
        <translation>Schlüssel einfügen (%1…)</translation>
    </message>
    <message>
        <source>%1 usage key</source>
        <translation>%1-Nutzungsschlüssel</translation>
    </message>
    <message>
        <source>Save the %1</source>
        <translation>%1 speichern</translation>
    </message>
    <message>
        <source>Test the %1 with %2</source>
        <translation>%1 bei %2 prüfen</translation>
    </message>
    <message>
        <source>Remove the %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>%1 status</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Create or revoke Admin keys at &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;.</source>
        <translation>Admin-Schlüssel erstellen oder widerrufen unter &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>Paste an Admin key (%1…)</source>
        <translation>Admin-Schlüssel einfügen (%1…)</translation>
    </message>
    <message>
        <source>Reads the %1 organisation&apos;s usage and cost reports; runs no action.</source>
        <translation>Liest die Nutzungs- und Kostenberichte der %1-Organisation; führt keine Aktion aus.</translation>
    </message>
    <message>
        <source>An Owner can rotate it: %1</source>
        <translation>Ein Inhaber kann ihn erneuern: %1</translation>
    </message>
    <message>
        <source>Replace the active %1 usage key ending %2?</source>
        <translation>Den aktiven %1-Nutzungsschlüssel mit der Endung %2 ersetzen?</translation>
    </message>
    <message>
        <source>Remove the %1 usage key from the keychain? The usage reports will no longer be read.</source>
        <translation>Den %1-Nutzungsschlüssel aus dem Schlüsselbund entfernen? Die Nutzungsberichte werden dann nicht mehr gelesen.</translation>
    </message>
    <message>
        <source>Paste an Admin key (%1…) or a read-only analytics key</source>
        <translation>Admin-Schlüssel (%1…) oder schreibgeschützten Analyse-Schlüssel einfügen</translation>
    </message>
    <message>
        <source>Reads the %1 organisation&apos;s usage and cost reports; runs no action. A read-only analytics key is safer: it reads them per model, not per key.</source>
        <translation>Liest die Nutzungs- und Kostenberichte der %1-Organisation; führt keine Aktion aus. Ein schreibgeschützter Analyse-Schlüssel ist sicherer: Er liest sie je Modell, nicht je Schlüssel.</translation>
    </message>
</context>
<context>
    <name>Ui::LedgerOpener</name>
    <message>
        <source>The database connection could not be handed to the window.</source>
        <translation>Die Datenbankverbindung konnte nicht an das Fenster übergeben werden.</translation>
    </message>
</context>
<context>
    <name>Ui::LedgerTask</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>Ui::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Database…</source>
        <translation>Datenbank ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Import Usage…</source>
        <translation>Nutzung &amp;importieren…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>&amp;Export Usage…</source>
        <translation>Nutzung &amp;exportieren…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About AI Settings</source>
        <translation>&amp;Über AI Settings</translation>
    </message>
    <message>
        <source>Only an Owner or Admin can import usage.</source>
        <translation>Nur ein Inhaber oder Administrator kann Nutzung importieren.</translation>
    </message>
    <message>
        <source>Open Database</source>
        <translation>Datenbank öffnen</translation>
    </message>
    <message>
        <source>Settings › AI — %1</source>
        <translation>Einstellungen › KI — %1</translation>
    </message>
    <message>
        <source>%1 (shared)</source>
        <translation>%1 (gemeinsam)</translation>
    </message>
    <message>
        <source>%1 · signed in as %2 (%3)</source>
        <translation>%1 · angemeldet als %2 (%3)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Waiting for the database…&lt;/h3&gt;&lt;p&gt;Another program is writing to %1 (an import or an upgrade, perhaps) and holds it locked. The page appears as soon as it is free.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Warten auf die Datenbank…&lt;/h3&gt;&lt;p&gt;Ein anderes Programm schreibt in %1 (vielleicht ein Import oder eine Aktualisierung) und hält sie gesperrt. Die Seite erscheint, sobald sie frei ist.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;The database cannot be shown&lt;/h3&gt;&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;Use File › Open Database… to choose another.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Die Datenbank kann nicht angezeigt werden&lt;/h3&gt;&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;Wählen Sie mit Datei › Datenbank öffnen… eine andere.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Settings › AI</source>
        <translation>Einstellungen › KI</translation>
    </message>
    <message>
        <source>AI Settings databases (*.sqlite *.db);;All files (*)</source>
        <translation>AI-Settings-Datenbanken (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import Usage</source>
        <translation>Nutzung importieren</translation>
    </message>
    <message>
        <source>Usage files (*.csv *.jsonl *.ndjson)</source>
        <translation>Nutzungsdateien (*.csv *.jsonl *.ndjson)</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 wird importiert…</translation>
    </message>
    <message>
        <source>Export Usage</source>
        <translation>Nutzung exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON Lines (*.jsonl)</source>
        <translation>CSV (*.csv);;JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Exporting usage…</source>
        <translation>Nutzung wird exportiert…</translation>
    </message>
    <message>
        <source>About AI Settings</source>
        <translation>Über AI Settings</translation>
    </message>
    <message>
        <source>&lt;h3&gt;AI Settings %1&lt;/h3&gt;&lt;p&gt;Monthly AI credits, Bring-Your-Own-Key provider keys and the Claude model for each workload, reviewed offline from a local database.&lt;/p&gt;&lt;p&gt;Keys are kept in the system keychain; the database holds only their last four characters.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;AI Settings %1&lt;/h3&gt;&lt;p&gt;Monatliche KI-Credits, eigene Anbieterschlüssel (BYOK) und das Claude-Modell für jede Aufgabe, offline aus einer lokalen Datenbank geprüft.&lt;/p&gt;&lt;p&gt;Schlüssel liegen im Schlüsselbund des Systems; die Datenbank kennt nur ihre letzten vier Zeichen.&lt;/p&gt;&lt;p&gt;Datenbank: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Connecting to %1…&lt;/h3&gt;&lt;p&gt;The page appears as soon as the server answers.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Verbindung zu %1 wird hergestellt …&lt;/h3&gt;&lt;p&gt;Die Seite erscheint, sobald der Server antwortet.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Reconnecting…&lt;/h3&gt;&lt;p&gt;The connection to the database server was lost: %1&lt;/p&gt;&lt;p&gt;The page comes back with fresh figures as soon as the server answers again; nothing you typed is lost.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Verbindung wird wiederhergestellt …&lt;/h3&gt;&lt;p&gt;Die Verbindung zum Datenbankserver ist verloren: %1&lt;/p&gt;&lt;p&gt;Die Seite kommt mit aktuellen Zahlen zurück, sobald der Server wieder antwortet; nichts, was Sie eingegeben haben, geht verloren.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Waiting for the database to answer; the figures shown are from the last reading.</source>
        <translation>Warten auf die Antwort der Datenbank; die angezeigten Zahlen stammen vom letzten Lesen.</translation>
    </message>
</context>
<context>
    <name>Ui::MembersPanel</name>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Add or Change &amp;Role</source>
        <translation>Hinzufügen oder &amp;Rolle ändern</translation>
    </message>
    <message>
        <source>Remove Mem&amp;ber…</source>
        <translation>Mitglied ent&amp;fernen…</translation>
    </message>
    <message>
        <source>Member&apos;s user name</source>
        <translation>Benutzername des Mitglieds</translation>
    </message>
    <message>
        <source>database role</source>
        <translation>Datenbankrolle</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Remove Member</source>
        <translation>Mitglied entfernen</translation>
    </message>
    <message>
        <source>Remove %1? They can no longer open this database; what they changed stays in the activity log.</source>
        <translation>%1 entfernen? Die Person kann diese Datenbank dann nicht mehr öffnen; was sie geändert hat, bleibt im Aktivitätsprotokoll.</translation>
    </message>
</context>
<context>
    <name>Ui::ModelsPanel</name>
    <message>
        <source>not available with your key</source>
        <translation>mit Ihrem Schlüssel nicht verfügbar</translation>
    </message>
    <message>
        <source>The models your %1 key can use were read from %1 on %2; Test under the key reads them again.</source>
        <translation>Die Modelle, die Ihr %1-Schlüssel nutzen kann, wurden am %2 bei %1 abgefragt; Prüfen beim Schlüssel fragt sie erneut ab.</translation>
    </message>
    <message>
        <source>Saved. New actions are charged at the new models&apos; costs.</source>
        <translation>Gespeichert. Neue Aktionen werden zu den Kosten der neuen Modelle berechnet.</translation>
    </message>
    <message>
        <source>Model Selection</source>
        <translation>Modellauswahl</translation>
    </message>
</context>
<context>
    <name>Ui::OverviewPanel</name>
    <message>
        <source>AI credits used</source>
        <translation>Verbrauchte KI-Credits</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>Credits</translation>
    </message>
    <message>
        <source>&amp;Usage ›</source>
        <translation>&amp;Nutzung ›</translation>
    </message>
    <message>
        <source>%1 key status</source>
        <translation>Status des %1-Schlüssels</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Keys ›</source>
        <translation>&amp;Schlüssel ›</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>&amp;Models ›</source>
        <translation>&amp;Modelle ›</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Ratenlimit</translation>
    </message>
    <message>
        <source>&amp;Rate limit ›</source>
        <translation>&amp;Ratenlimit ›</translation>
    </message>
    <message>
        <source>Getting started: this ledger has no usage and no keys yet</source>
        <translation>Erste Schritte: Dieses Konto hat noch keine Nutzung und keine Schlüssel</translation>
    </message>
    <message>
        <source>1. Import past usage from a CSV or JSON Lines file (File › Import Usage…, Ctrl+I).
2. Let your servers record each AI action: ai-settings record --action content --tenant acme, or one long-running ai-settings record --stdin.
3. Add an Anthropic or OpenAI key of your own: actions it covers cost no credits.</source>
        <translation>1. Frühere Nutzung aus einer CSV- oder JSON-Lines-Datei importieren (Datei › Nutzung importieren…, Strg+I).
2. Ihre Server jede KI-Aktion erfassen lassen: ai-settings record --action content --tenant acme, oder ein dauerhaft laufendes ai-settings record --stdin.
3. Einen eigenen Anthropic- oder OpenAI-Schlüssel hinzufügen: Aktionen, die er abdeckt, kosten keine Credits.</translation>
    </message>
    <message>
        <source>&amp;Import Usage…</source>
        <translation>Nutzung &amp;importieren…</translation>
    </message>
    <message>
        <source>Add a &amp;Key ›</source>
        <translation>&amp;Schlüssel hinzufügen ›</translation>
    </message>
    <message>
        <source>%1: no key; its actions use AI credits.</source>
        <translation>%1: kein Schlüssel; seine Aktionen verbrauchen KI-Credits.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>An Owner or Admin can import past usage, let the servers record each AI action, or add an Anthropic or OpenAI key of your own; the page fills in as they do.</source>
        <translation>Ein Inhaber oder Administrator kann frühere Nutzung importieren, die Server jede KI-Aktion erfassen lassen oder einen eigenen Anthropic- oder OpenAI-Schlüssel hinzufügen; die Seite füllt sich, sobald das geschieht.</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>%1: %2, the install&apos;s key</source>
        <translation>%1: %2, der Schlüssel der Installation</translation>
    </message>
    <message>
        <source>This tenant&apos;s own key (%1) is not used on this plan.</source>
        <translation>Der eigene Schlüssel dieses Mandanten (%1) wird in diesem Tarif nicht verwendet.</translation>
    </message>
</context>
<context>
    <name>Ui::PeriodPanel</name>
    <message>
        <source>Billing Period</source>
        <translation>Abrechnungszeitraum</translation>
    </message>
</context>
<context>
    <name>Ui::PlanPanel</name>
    <message>
        <source>Plan</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Typical</source>
        <translation>Typisch</translation>
    </message>
    <message>
        <source>Typical usage of the plan and runs in the last three periods</source>
        <translation>Typische Nutzung des Tarifs und Ausführungen der letzten drei Zeiträume</translation>
    </message>
    <message>
        <source>An upgrade takes effect at once: this period&apos;s allocation becomes %1.</source>
        <translation>Ein Upgrade gilt sofort: Das Kontingent dieses Zeitraums wird %1.</translation>
    </message>
    <message>
        <source>A downgrade takes effect at the next period; this period keeps its allocation.</source>
        <translation>Ein Downgrade gilt ab dem nächsten Zeitraum; dieser Zeitraum behält sein Kontingent.</translation>
    </message>
    <message>
        <source>%1 (so far)</source>
        <translation>%1 (bisher)</translation>
    </message>
    <message>
        <source>MMM yyyy</source>
        <comment>a period in a column heading</comment>
        <translation>MMM yyyy</translation>
    </message>
    <message>
        <source>Choose one of the plans in the list.</source>
        <translation>Wählen Sie einen der Tarife in der Liste.</translation>
    </message>
    <message>
        <source>The plan changes from %1 to %2. %3</source>
        <translation>Der Tarif wechselt von %1 zu %2. %3</translation>
    </message>
</context>
<context>
    <name>Ui::RateLimitPanel</name>
    <message>
        <source>Limits count per tenant; these are the install&apos;s own queries (no tenant).</source>
        <translation>Limits gelten je Mandant; dies sind die eigenen Anfragen der Installation (kein Mandant).</translation>
    </message>
    <message>
        <source>Limits count per tenant; these are tenant %1&apos;s queries.</source>
        <translation>Limits gelten je Mandant; dies sind die Anfragen von Mandant %1.</translation>
    </message>
    <message>
        <source>Rate Limit</source>
        <translation>Ratenlimit</translation>
    </message>
</context>
<context>
    <name>Ui::Session</name>
    <message>
        <source>trying to reach the server again.</source>
        <translation>Der Server wird erneut angefragt.</translation>
    </message>
    <message numerus="yes">
        <source>the server does not answer yet; the next try is in %n second(s).</source>
        <translation>
            <numerusform>Der Server antwortet noch nicht; der nächste Versuch folgt in %n Sekunde.</numerusform>
            <numerusform>Der Server antwortet noch nicht; der nächste Versuch folgt in %n Sekunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No usage key is set; an Owner sets one in Keys, under Usage keys.</source>
        <translation>Kein Nutzungsschlüssel ist gesetzt; ein Inhaber setzt einen unter Schlüssel, Nutzungsschlüssel.</translation>
    </message>
    <message numerus="yes">
        <source>The providers&apos; reports are read at most once a minute; try again in %n s.</source>
        <translation>
            <numerusform>Die Berichte der Anbieter werden höchstens einmal pro Minute gelesen; versuchen Sie es in %n s erneut.</numerusform>
            <numerusform>Die Berichte der Anbieter werden höchstens einmal pro Minute gelesen; versuchen Sie es in %n s erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: read %2 to %3 (UTC).</source>
        <translation>%1: %2 bis %3 (UTC) gelesen.</translation>
    </message>
</context>
<context>
    <name>Ui::SettingsPage</name>
    <message>
        <source>&lt;h2&gt;Settings › AI&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Einstellungen › KI&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&amp;Showing:</source>
        <translation>&amp;Anzeige:</translation>
    </message>
    <message>
        <source>Install or tenant shown</source>
        <translation>Angezeigte Installation oder angezeigter Mandant</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Nutzung</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Ratenlimit</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>%1 (Alt+%2)</source>
        <translation>%1 (Alt+%2)</translation>
    </message>
    <message>
        <source>Whole install</source>
        <translation>Ganze Installation</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>You are %1, %2 of this database: you can review credits, keys and activity, but only an Owner or Admin can change keys, models, tenants and members, and only an Owner the plan.</source>
        <translation>Sie sind %1, %2 dieser Datenbank: Sie können Credits, Schlüssel und Aktivität einsehen, aber nur ein Inhaber oder Administrator kann Schlüssel, Modelle, Mandanten und Mitglieder ändern, und nur ein Inhaber den Tarif.</translation>
    </message>
    <message>
        <source>%1 *</source>
        <comment>a section with changes not applied</comment>
        <translation>%1 *</translation>
    </message>
    <message>
        <source>Has changes that are not applied.</source>
        <translation>Hat Änderungen, die noch nicht übernommen sind.</translation>
    </message>
    <message>
        <source>Changes Not Applied</source>
        <translation>Nicht übernommene Änderungen</translation>
    </message>
    <message>
        <source>%1: changes are not applied yet. Apply them, discard them, or stay on the page?</source>
        <translation>%1: Änderungen sind noch nicht übernommen. Übernehmen, verwerfen oder auf der Seite bleiben?</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>Apply the changes in this section (Ctrl+S)</source>
        <translation>Die Änderungen in diesem Bereich anwenden (Strg+S)</translation>
    </message>
    <message>
        <source>Show the applied values again</source>
        <translation>Die angewendeten Werte wieder zeigen</translation>
    </message>
    <message>
        <source>Only an Owner or Admin changes this.</source>
        <translation>Nur ein Inhaber oder Administrator ändert das.</translation>
    </message>
    <message>
        <source>Only an Owner changes the plan.</source>
        <translation>Nur ein Inhaber ändert den Tarif.</translation>
    </message>
    <message>
        <source>Apply Changes</source>
        <translation>Änderungen anwenden</translation>
    </message>
    <message>
        <source>Apply these changes?</source>
        <translation>Diese Änderungen anwenden?</translation>
    </message>
    <message>
        <source>Not applied yet: %1.</source>
        <translation>Noch nicht angewendet: %1.</translation>
    </message>
    <message>
        <source>Provider spend</source>
        <translation>Anbieterausgaben</translation>
    </message>
</context>
<context>
    <name>Ui::SpendPanel</name>
    <message>
        <source>Provider Spend</source>
        <translation>Anbieterausgaben</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>Jetzt &amp;synchronisieren</translation>
    </message>
    <message>
        <source>&amp;Cancel sync</source>
        <translation>Synchronisierung &amp;abbrechen</translation>
    </message>
    <message>
        <source>What your own keys cost by the providers&apos; reports, read with the usage keys (Keys, Usage keys) and kept here, beside the credits the same runs would have cost.</source>
        <translation>Was Ihre eigenen Schlüssel laut den Berichten der Anbieter kosten, gelesen mit den Nutzungsschlüsseln (Schlüssel, Nutzungsschlüssel) und hier gespeichert, neben den Credits, die dieselben Läufe gekostet hätten.</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>Whose key</source>
        <translation>Wessen Schlüssel</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Cache write 5 m</source>
        <translation>Cache-Schreiben 5 Min.</translation>
    </message>
    <message>
        <source>Cache write 1 h</source>
        <translation>Cache-Schreiben 1 Std.</translation>
    </message>
    <message>
        <source>Cache read</source>
        <translation>Cache-Lesen</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>%1 spend per key and model</source>
        <translation>Ausgaben bei %1 je Schlüssel und Modell</translation>
    </message>
    <message>
        <source>Day (UTC)</source>
        <translation>Tag (UTC)</translation>
    </message>
    <message>
        <source>This install&apos;s keys</source>
        <translation>Schlüssel dieser Installation</translation>
    </message>
    <message>
        <source>Billed to the organisation</source>
        <translation>Der Organisation berechnet</translation>
    </message>
    <message>
        <source>%1 spend per day</source>
        <translation>Ausgaben bei %1 je Tag</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lese %1 …</translation>
    </message>
    <message>
        <source>Reading the providers&apos; reports…</source>
        <translation>Lese die Berichte der Anbieter …</translation>
    </message>
    <message>
        <source>Read the providers&apos; usage and cost reports now</source>
        <translation>Die Nutzungs- und Kostenberichte der Anbieter jetzt lesen</translation>
    </message>
    <message>
        <source>Only an Owner or Admin syncs the providers&apos; reports.</source>
        <translation>Nur ein Inhaber oder Administrator synchronisiert die Berichte der Anbieter.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>no usage key set</source>
        <translation>kein Nutzungsschlüssel gesetzt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 dollars per day on this install&apos;s keys</source>
        <translation>Dollar pro Tag bei %1 auf den Schlüsseln dieser Installation</translation>
    </message>
    <message>
        <source>%1: %2 on this install&apos;s keys, %3 billed to the organisation</source>
        <translation>%1: %2 auf den Schlüsseln dieser Installation, %3 der Organisation berechnet</translation>
    </message>
    <message>
        <source>dollars per day, this install&apos;s keys</source>
        <translation>Dollar pro Tag, Schlüssel dieser Installation</translation>
    </message>
    <message>
        <source>%1 on this install&apos;s keys in this period; the costliest day was %2.</source>
        <translation>%1 auf den Schlüsseln dieser Installation in diesem Zeitraum; der teuerste Tag war der %2.</translation>
    </message>
    <message>
        <source>Nothing was spent on this install&apos;s keys in this period.</source>
        <translation>Auf den Schlüsseln dieser Installation wurde in diesem Zeitraum nichts ausgegeben.</translation>
    </message>
    <message>
        <source>%1: %2 used by the whole organisation, %3 billed to it</source>
        <translation>%1: %2 von der ganzen Organisation verbraucht, %3 ihr berechnet</translation>
    </message>
    <message>
        <source>%1 used by the whole organisation in this period; the costliest day was %2.</source>
        <translation>%1 von der ganzen Organisation in diesem Zeitraum verbraucht; der teuerste Tag war der %2.</translation>
    </message>
    <message>
        <source>The whole organisation used nothing in this period.</source>
        <translation>Die ganze Organisation hat in diesem Zeitraum nichts verbraucht.</translation>
    </message>
    <message>
        <source>dollars per day, the whole organisation</source>
        <translation>Dollar pro Tag, die ganze Organisation</translation>
    </message>
    <message>
        <source>The whole organisation</source>
        <translation>Die ganze Organisation</translation>
    </message>
</context>
<context>
    <name>Ui::StatusBadge</name>
    <message>
        <source>⟳ Checking…</source>
        <translation>⟳ Wird geprüft…</translation>
    </message>
</context>
<context>
    <name>Ui::TenantsPanel</name>
    <message>
        <source>Tenants</source>
        <translation>Mandanten</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>A&amp;dd Tenant</source>
        <translation>Mandant &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <source>Re&amp;move Tenant…</source>
        <translation>Mandant ent&amp;fernen…</translation>
    </message>
    <message>
        <source>acme</source>
        <translation>acme</translation>
    </message>
    <message>
        <source>Acme Ltd (optional)</source>
        <translation>Acme GmbH (optional)</translation>
    </message>
    <message>
        <source>New &amp;tenant:</source>
        <translation>Neuer &amp;Mandant:</translation>
    </message>
    <message>
        <source>&amp;Selected:</source>
        <translation>&amp;Ausgewählt:</translation>
    </message>
    <message>
        <source>It has no stored keys.</source>
        <translation>Er hat keine gespeicherten Schlüssel.</translation>
    </message>
    <message>
        <source>Remove Tenant</source>
        <translation>Mandant entfernen</translation>
    </message>
    <message>
        <source>Remove tenant %1? %2 %3</source>
        <translation>Mandant %1 entfernen? %2 %3</translation>
    </message>
    <message numerus="yes">
        <source>Its %Ln stored key(s) are deleted from the keychain.</source>
        <translation>
            <numerusform>Sein gespeicherter Schlüssel wird aus dem Schlüsselbund gelöscht.</numerusform>
            <numerusform>Seine %Ln gespeicherten Schlüssel werden aus dem Schlüsselbund gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Its %1 stay in the ledger, so past periods still add up.</source>
        <translation>Seine %1 bleiben im Konto, damit frühere Zeiträume weiter aufgehen.</translation>
    </message>
    <message>
        <source>No tenants yet. A tenant is one of the install&apos;s customers, with its own usage and, on Professional and Enterprise, its own keys: add one below by its id.</source>
        <translation>Noch keine Mandanten. Ein Mandant ist ein Kunde der Installation, mit eigener Nutzung und, bei Professional und Enterprise, eigenen Schlüsseln: unten mit seiner ID hinzufügen.</translation>
    </message>
    <message>
        <source>No tenants yet; an Owner or Admin adds them.</source>
        <translation>Noch keine Mandanten; ein Inhaber oder Administrator fügt sie hinzu.</translation>
    </message>
</context>
<context>
    <name>Ui::UsageKeysPanel</name>
    <message>
        <source>Usage keys</source>
        <translation>Nutzungsschlüssel</translation>
    </message>
    <message>
        <source>Only an Owner can change a usage key.</source>
        <translation>Nur ein Inhaber kann einen Nutzungsschlüssel ändern.</translation>
    </message>
    <message>
        <source>A usage key lets this install read the provider&apos;s own usage and cost reports for your organisation, to show what your keys really cost and whether every run reached the provider. It is an Admin key, which never runs an AI action here but can also manage your organisation&apos;s keys and members: keep it like a master key. Where the provider offers a read-only analytics key for its reports, prefer it: it can change nothing, though its reports count per model, not per key, so they are not reconciled with the runs. Only an Owner can set, test or remove it.</source>
        <translation>Mit einem Nutzungsschlüssel liest diese Installation die eigenen Nutzungs- und Kostenberichte des Anbieters für Ihre Organisation, um zu zeigen, was Ihre Schlüssel wirklich kosten und ob jeder Lauf beim Anbieter ankam. Es ist ein Admin-Schlüssel, der hier nie eine KI-Aktion ausführt, aber auch die Schlüssel und Mitglieder Ihrer Organisation verwalten kann: Bewahren Sie ihn wie einen Generalschlüssel auf. Wo der Anbieter einen schreibgeschützten Analyse-Schlüssel für seine Berichte anbietet, ziehen Sie ihn vor: Er kann nichts ändern, doch seine Berichte zählen je Modell, nicht je Schlüssel, und werden daher nicht mit den Läufen abgeglichen. Nur ein Inhaber kann ihn setzen, prüfen oder entfernen.</translation>
    </message>
</context>
<context>
    <name>UsageBook</name>
    <message>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>Der Import wurde abgebrochen; nichts wurde importiert.</translation>
    </message>
    <message>
        <source>reading daily usage</source>
        <translation>Lesen der täglichen Nutzung</translation>
    </message>
    <message>
        <source>reading usage totals</source>
        <translation>Lesen der Nutzungssummen</translation>
    </message>
    <message>
        <source>reading usage events</source>
        <translation>Lesen der Nutzungsereignisse</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>%1; nothing was imported.</source>
        <translation>%1; nichts wurde importiert.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln more line(s) bad too); nothing was imported.</source>
        <translation>
            <numerusform>%1 (%Ln weitere Zeile ebenfalls fehlerhaft); nichts wurde importiert.</numerusform>
            <numerusform>%1 (%Ln weitere Zeilen ebenfalls fehlerhaft); nichts wurde importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown action %1</source>
        <translation>unbekannte Aktion %1</translation>
    </message>
    <message>
        <source>id %1 is not valid</source>
        <translation>die ID %1 ist ungültig</translation>
    </message>
    <message>
        <source>id %1 appears twice in the file</source>
        <translation>die ID %1 kommt zweimal in der Datei vor</translation>
    </message>
    <message>
        <source>tenant id %1 is not valid</source>
        <translation>die Mandanten-ID %1 ist ungültig</translation>
    </message>
    <message>
        <source>%1 takes no model, but the line names %2</source>
        <translation>%1 hat kein Modell, aber die Zeile nennt %2</translation>
    </message>
    <message>
        <source>unknown model %1</source>
        <translation>unbekanntes Modell %1</translation>
    </message>
    <message>
        <source>BYOK usage costs no credits, but the line says %1</source>
        <translation>BYOK-Nutzung kostet keine Credits, aber die Zeile nennt %1</translation>
    </message>
    <message>
        <source>The file holds no usage events; nothing was imported.</source>
        <translation>Die Datei enthält keine Nutzungsereignisse; nichts wurde importiert.</translation>
    </message>
    <message>
        <source>preparing the import</source>
        <translation>Vorbereiten des Imports</translation>
    </message>
    <message>
        <source>indexing the import</source>
        <translation>Indizieren des Imports</translation>
    </message>
    <message>
        <source>Importing usage</source>
        <translation>Das Importieren von Nutzung</translation>
    </message>
    <message numerus="yes">
        <source>Dry run: would import %1 of %2 (%3); %Ln already recorded.</source>
        <translation>
            <numerusform>Probelauf: würde %1 von %2 importieren (%3); %Ln war schon erfasst.</numerusform>
            <numerusform>Probelauf: würde %1 von %2 importieren (%3); %Ln waren schon erfasst.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %1 of %2 (%3); %Ln already recorded.</source>
        <translation>
            <numerusform>%1 von %2 importiert (%3); %Ln war schon erfasst.</numerusform>
            <numerusform>%1 von %2 importiert (%3); %Ln waren schon erfasst.</numerusform>
        </translation>
    </message>
    <message>
        <source>Would add tenants: %1.</source>
        <translation>Würde Mandanten hinzufügen: %1.</translation>
    </message>
    <message>
        <source>Added tenants: %1.</source>
        <translation>Mandanten hinzugefügt: %1.</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>Nichts wurde geschrieben.</translation>
    </message>
    <message>
        <source>reading recent usage</source>
        <translation>Lesen der jüngsten Nutzung</translation>
    </message>
    <message>
        <source>Unknown action %1; expected one of %2.</source>
        <translation>Unbekannte Aktion %1; erwartet wird eine von %2.</translation>
    </message>
    <message>
        <source>Tenant id %1 is not valid.</source>
        <translation>Die Mandanten-ID %1 ist ungültig.</translation>
    </message>
    <message>
        <source>Event id %1 is not valid; use up to 128 letters, digits or ._:@/+=- characters.</source>
        <translation>Die Ereignis-ID %1 ist ungültig; verwenden Sie bis zu 128 Buchstaben, Ziffern oder die Zeichen ._:@/+=-.</translation>
    </message>
    <message>
        <source>The event was not recorded.</source>
        <translation>Das Ereignis wurde nicht erfasst.</translation>
    </message>
    <message>
        <source>Recording usage</source>
        <translation>Das Erfassen von Nutzung</translation>
    </message>
    <message>
        <source>Event id %1 was already recorded for another action or tenant.</source>
        <translation>Die Ereignis-ID %1 wurde schon für eine andere Aktion oder einen anderen Mandanten erfasst.</translation>
    </message>
    <message>
        <source>recording usage</source>
        <translation>Erfassen der Nutzung</translation>
    </message>
    <message>
        <source>updating the usage totals</source>
        <translation>Aktualisieren der Nutzungssummen</translation>
    </message>
    <message>
        <source>updating the daily totals</source>
        <translation>Aktualisieren der Tagessummen</translation>
    </message>
    <message>
        <source>Reading the file</source>
        <translation>Datei wird gelesen</translation>
    </message>
    <message>
        <source>Checking the events</source>
        <translation>Ereignisse werden geprüft</translation>
    </message>
    <message>
        <source>Writing the events</source>
        <translation>Ereignisse werden geschrieben</translation>
    </message>
    <message>
        <source>Indexing the events</source>
        <translation>Ereignisse werden indiziert</translation>
    </message>
    <message>
        <source>Adding up the totals</source>
        <translation>Summen werden gebildet</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Wird gespeichert</translation>
    </message>
    <message>
        <source>checking the events</source>
        <translation>Prüfen der Ereignisse</translation>
    </message>
    <message>
        <source>This program&apos;s SQLite library is not the one its Qt driver uses, which importing needs.</source>
        <translation>Die SQLite-Bibliothek dieses Programms ist nicht die seines Qt-Treibers; der Import braucht dieselbe.</translation>
    </message>
    <message>
        <source>The import could not use its temporary file in %1: %2.</source>
        <translation>Der Import konnte seine temporäre Datei in %1 nicht verwenden: %2.</translation>
    </message>
    <message>
        <source>it ends in the middle of a row</source>
        <translation>sie endet mitten in einer Zeile</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>der Ordner existiert nicht</translation>
    </message>
    <message>
        <source>Event id %1 was recorded while the file was being imported, and the file gives it other details; nothing was imported. Import the file again to add the rest.</source>
        <translation>Die Ereignis-ID %1 wurde während des Imports der Datei erfasst, und die Datei gibt ihr andere Angaben; nichts wurde importiert. Importieren Sie die Datei erneut, um den Rest hinzuzufügen.</translation>
    </message>
    <message>
        <source>reading the events recorded during an import</source>
        <translation>Lesen der während eines Imports erfassten Ereignisse</translation>
    </message>
    <message>
        <source>emptying the events recorded during an import</source>
        <translation>Leeren der während eines Imports erfassten Ereignisse</translation>
    </message>
</context>
<context>
    <name>UsageExport</name>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>Der Export wurde abgebrochen; keine Datei wurde geschrieben.</translation>
    </message>
</context>
<context>
    <name>UsageFile</name>
    <message>
        <source>the field %1 holds a control character (%2)</source>
        <translation>das Feld %1 enthält ein Steuerzeichen (%2)</translation>
    </message>
    <message>
        <source>the field %1 is not valid UTF-8</source>
        <translation>das Feld %1 ist kein gültiges UTF-8</translation>
    </message>
    <message>
        <source>the id is empty</source>
        <translation>die ID ist leer</translation>
    </message>
    <message>
        <source>occurred_at %1 is not an ISO 8601 time with Z or an offset</source>
        <translation>occurred_at %1 ist keine ISO-8601-Zeit mit Z oder einem Versatz</translation>
    </message>
    <message>
        <source>billing %1 is neither credits nor byok</source>
        <translation>billing %1 ist weder credits noch byok</translation>
    </message>
    <message>
        <source>credits %1 is not a whole number of credits</source>
        <translation>credits %1 ist keine ganze Zahl von Credits</translation>
    </message>
    <message>
        <source>Line %1: %2; nothing was imported.</source>
        <translation>Zeile %1: %2; nichts wurde importiert.</translation>
    </message>
    <message>
        <source>its quote is never closed</source>
        <translation>sein Anführungszeichen wird nie geschlossen</translation>
    </message>
    <message>
        <source>text follows its closing quote</source>
        <translation>nach seinem schließenden Anführungszeichen folgt Text</translation>
    </message>
    <message>
        <source>it has a quote but is not quoted as a whole</source>
        <translation>es enthält ein Anführungszeichen, ist aber nicht als Ganzes in Anführungszeichen</translation>
    </message>
    <message>
        <source>Line 1: header column %1: %2; nothing was imported.</source>
        <translation>Zeile 1: Kopfspalte %1: %2; nichts wurde importiert.</translation>
    </message>
    <message>
        <source>Line 1: the header column %1 is %2; nothing was imported.</source>
        <translation>Zeile 1: Die Kopfspalte %1 ist %2; nichts wurde importiert.</translation>
    </message>
    <message>
        <source>Line 1: the header lacks the column &quot;%1&quot;; nothing was imported.</source>
        <translation>Zeile 1: Der Kopfzeile fehlt die Spalte „%1“; nichts wurde importiert.</translation>
    </message>
    <message>
        <source>the field %1 is not valid CSV: %2</source>
        <translation>das Feld %1 ist kein gültiges CSV: %2</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>a single value</source>
        <translation>ein einzelner Wert</translation>
    </message>
    <message>
        <source>the line is not valid UTF-8</source>
        <translation>die Zeile ist kein gültiges UTF-8</translation>
    </message>
    <message>
        <source>not valid JSON (%1 at character %2)</source>
        <translation>kein gültiges JSON (%1 bei Zeichen %2)</translation>
    </message>
    <message>
        <source>expected a JSON object, found %1</source>
        <translation>JSON-Objekt erwartet, gefunden wurde %1</translation>
    </message>
    <message>
        <source>unknown field %1</source>
        <translation>unbekanntes Feld %1</translation>
    </message>
    <message>
        <source>the field credits must be a whole number such as 5, written without quotes, fraction or exponent</source>
        <translation>das Feld credits muss eine ganze Zahl wie 5 sein, ohne Anführungszeichen, Bruchteil oder Exponent</translation>
    </message>
    <message>
        <source>the field %1 must be text in quotes</source>
        <translation>das Feld %1 muss Text in Anführungszeichen sein</translation>
    </message>
    <message>
        <source>%1 is neither a .csv nor a .jsonl file.</source>
        <translation>%1 ist weder eine .csv- noch eine .jsonl-Datei.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>%1 lässt sich nicht lesen: %2.</translation>
    </message>
    <message>
        <source>unknown</source>
        <comment>a header column</comment>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>repeated</source>
        <comment>a header column</comment>
        <translation>doppelt</translation>
    </message>
    <message>
        <source>expected %1 fields, found %2</source>
        <translation>%1 Felder erwartet, %2 gefunden</translation>
    </message>
    <message>
        <source>the field %1 is given twice</source>
        <translation>das Feld %1 ist doppelt angegeben</translation>
    </message>
</context>
<context>
    <name>UsageSentences</name>
    <message>
        <source>%1 at %2 %3</source>
        <translation>%1 um %2 %3</translation>
    </message>
    <message>
        <source>tenant %1</source>
        <translation>Mandant %1</translation>
    </message>
    <message>
        <source>the whole install</source>
        <translation>die ganze Installation</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1 of %2 credits used in %3 (%4%)</source>
        <translation>%1 von %2 Credits verbraucht im %3 (%4 %)</translation>
    </message>
    <message>
        <source>%1 of %2 credits used this month (%3%)</source>
        <translation>%1 von %2 Credits in diesem Monat verbraucht (%3 %)</translation>
    </message>
    <message>
        <source>%1 were left when the period ended on %2; unused credits did not roll over.</source>
        <translation>%1 waren übrig, als der Zeitraum am %2 endete; ungenutzte Credits wurden nicht übertragen.</translation>
    </message>
    <message>
        <source>%1 remaining; they reset on %2. Unused credits do not roll over.</source>
        <translation>%1 übrig; Rücksetzung am %2. Ungenutzte Credits werden nicht übertragen.</translation>
    </message>
    <message>
        <source>Tenant %1 used %2 of the install&apos;s credits in %3.</source>
        <translation>Mandant %1 hat im %3 %2 der Credits der Installation verbraucht.</translation>
    </message>
    <message>
        <source>Tenant %1 used %2 of the install&apos;s credits this month.</source>
        <translation>Mandant %1 hat in diesem Monat %2 der Credits der Installation verbraucht.</translation>
    </message>
    <message>
        <source>Imported usage exceeded the plan by %1.</source>
        <translation>Importierte Nutzung hat den Tarif um %1 überschritten.</translation>
    </message>
    <message>
        <source>All credits are used: actions on credits are refused until the reset on %1; actions covered by an active key of your own still run.</source>
        <translation>Alle Credits sind verbraucht: Aktionen mit Credits werden bis zur Rücksetzung am %1 abgelehnt; Aktionen, die ein aktiver eigener Schlüssel abdeckt, laufen weiter.</translation>
    </message>
    <message>
        <source>Warning: %1% of the credits are used; when all are used, actions on credits are refused until the reset on %2.</source>
        <translation>Warnung: %1 % der Credits sind verbraucht; sind alle verbraucht, werden Aktionen mit Credits bis zur Rücksetzung am %2 abgelehnt.</translation>
    </message>
    <message>
        <source>At this pace (tenant %1: %2 credits a day; the pool is shared)</source>
        <translation>Bei diesem Tempo (Mandant %1: %2 Credits am Tag; das Kontingent ist gemeinsam)</translation>
    </message>
    <message>
        <source>At this pace (%1 credits a day)</source>
        <translation>Bei diesem Tempo (%1 Credits am Tag)</translation>
    </message>
    <message>
        <source>%1 the credits last until the reset.</source>
        <translation>%1 reichen die Credits bis zur Rücksetzung.</translation>
    </message>
    <message>
        <source>The plan changes to %1 (%2 a month) at the next period, on %3; this period keeps %4.</source>
        <translation>Der Tarif wechselt zum nächsten Zeitraum am %3 auf %1 (%2 im Monat); dieser Zeitraum behält %4.</translation>
    </message>
    <message>
        <source>The plan stays %1.</source>
        <translation>Der Tarif bleibt %1.</translation>
    </message>
    <message>
        <source>Plan changed from %1 to %2: this period&apos;s allocation is %3 from now on.</source>
        <translation>Tarif von %1 auf %2 geändert: Das Kontingent dieses Zeitraums beträgt ab jetzt %3.</translation>
    </message>
    <message>
        <source>Plan changed from %1 to %2.</source>
        <translation>Tarif von %1 auf %2 geändert.</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>%1 (%2 at the default models)</source>
        <translation>%1 (%2 mit den Standardmodellen)</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy</source>
        <comment>date format of a reset</comment>
        <translation>ddd d. MMM yyyy</translation>
    </message>
    <message>
        <source>ddd d MMM</source>
        <comment>date format of a day this month</comment>
        <translation>ddd d. MMM</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <comment>date format</comment>
        <translation>d. MMM yyyy</translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>date format of a period&apos;s first day</comment>
        <translation>d. MMM</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>a time of day and its zone</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 become available on %2.</source>
        <translation>%1 stehen ab %2 zur Verfügung.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln credit(s)</source>
        <translation>
            <numerusform>%Ln Credit</numerusform>
            <numerusform>%Ln Credits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln run(s)</source>
        <translation>
            <numerusform>%Ln Ausführung</numerusform>
            <numerusform>%Ln Ausführungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln Ereignis</numerusform>
            <numerusform>%Ln Ereignisse</numerusform>
        </translation>
    </message>
    <message>
        <source>The current period runs from %1 to %2.</source>
        <translation>Der laufende Zeitraum geht vom %1 bis zum %2.</translation>
    </message>
    <message numerus="yes">
        <source>%1 the credits run out on %2, %Ln day(s) before the reset.</source>
        <translation>
            <numerusform>%1 sind die Credits am %2 aufgebraucht, %Ln Tag vor der Rücksetzung.</numerusform>
            <numerusform>%1 sind die Credits am %2 aufgebraucht, %Ln Tage vor der Rücksetzung.</numerusform>
        </translation>
    </message>
    <message>
        <source>On your own keys: %1 of %2 queries left in the rolling hour.</source>
        <translation>Mit eigenen Schlüsseln: %1 von %2 Anfragen in der gleitenden Stunde übrig.</translation>
    </message>
    <message>
        <source>On AI credits: %1 of %2 queries left in the rolling hour.</source>
        <translation>Mit KI-Credits: %1 von %2 Anfragen in der gleitenden Stunde übrig.</translation>
    </message>
    <message>
        <source>On your own keys: %1 of %2 queries left in the rolling hour; the next slot frees up at %3.</source>
        <translation>Mit eigenen Schlüsseln: %1 von %2 Anfragen in der gleitenden Stunde übrig; der nächste Platz wird um %3 frei.</translation>
    </message>
    <message>
        <source>On AI credits: %1 of %2 queries left in the rolling hour; the next slot frees up at %3.</source>
        <translation>Mit KI-Credits: %1 von %2 Anfragen in der gleitenden Stunde übrig; der nächste Platz wird um %3 frei.</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Ausführungen</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>Credits</translation>
    </message>
    <message>
        <source>Of which BYOK (runs)</source>
        <translation>Davon BYOK (Ausführungen)</translation>
    </message>
    <message>
        <source>Costs now</source>
        <translation>Kostet jetzt</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>abgelehnt: %1</translation>
    </message>
    <message>
        <source>It is too early in the period for a forecast; there is one from %1.</source>
        <translation>Für eine Prognose ist es noch zu früh im Zeitraum; es gibt eine ab %1.</translation>
    </message>
    <message>
        <source>From %1, credits reset on day %2 of each month at 00:00 %3; %4 is one period with the plan&apos;s allocation, and this period keeps its dates.</source>
        <translation>Ab dem %1 werden die Credits am %2. jedes Monats um 00:00 %3 zurückgesetzt; %4 ist ein Zeitraum mit dem Kontingent des Tarifs, und dieser Zeitraum behält seine Daten.</translation>
    </message>
</context>
<context>
    <name>UsageTransfer</name>
    <message>
        <source>Exported %1 to %2.</source>
        <translation>%1 nach %2 exportiert.</translation>
    </message>
</context>
</TS>
