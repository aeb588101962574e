<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
        <translation>Großzügiges Kontingent für mehrere Admins und komplexe Installationen</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>refused: %1</source>
        <translation>abgelehnt: %1</translation>
    </message>
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
        <source>BYOK runs</source>
        <translation>BYOK-Ausführungen</translation>
    </message>
    <message>
        <source>Costs now</source>
        <translation>Kostet jetzt</translation>
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
        <source>%1 actions use this tenant&apos;s own key (%2).</source>
        <translation>%1-Aktionen nutzen den eigenen Schlüssel dieses Mandanten (%2).</translation>
    </message>
    <message>
        <source>%1 actions use the install&apos;s key (%2).</source>
        <translation>%1-Aktionen nutzen den Schlüssel der Installation (%2).</translation>
    </message>
    <message>
        <source>%1 actions use AI credits.</source>
        <translation>%1-Aktionen verbrauchen KI-Credits.</translation>
    </message>
    <message>
        <source>This tenant&apos;s own %1 key: %2</source>
        <translation>Eigener %1-Schlüssel dieses Mandanten: %2</translation>
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
        <source>%1× credit cost</source>
        <translation>%1× Credit-Kosten</translation>
    </message>
    <message>
        <source>Used by %1.</source>
        <translation>Genutzt von: %1.</translation>
    </message>
    <message>
        <source>%1: %2 of %3 queries left in the rolling hour</source>
        <translation>%1: %2 von %3 Anfragen in der gleitenden Stunde übrig</translation>
    </message>
    <message>
        <source>; the next slot frees up at %1</source>
        <translation>; der nächste Platz wird um %1 frei</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>an Owner</source>
        <translation>ein Owner</translation>
    </message>
    <message>
        <source>an Admin</source>
        <translation>ein Admin</translation>
    </message>
    <message>
        <source>a Viewer</source>
        <translation>ein Viewer</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>Viewer</translation>
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
        <source>1 change, newest first.</source>
        <translation>1 Änderung, neueste zuerst.</translation>
    </message>
    <message>
        <source>%1 changes, newest first.</source>
        <translation>%1 Änderungen, neueste zuerst.</translation>
    </message>
    <message>
        <source>Exported 1 change to %1.</source>
        <translation>1 Änderung nach %1 exportiert.</translation>
    </message>
    <message>
        <source>Exported %1 changes to %2.</source>
        <translation>%1 Änderungen nach %2 exportiert.</translation>
    </message>
    <message>
        <source>Export Activity</source>
        <translation>Aktivität exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
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
</context>
<context>
    <name>Ui::CreditCostsPanel</name>
    <message>
        <source>Credit costs</source>
        <translation>Credit-Kosten</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>Costs now</source>
        <translation>Kostet jetzt</translation>
    </message>
    <message>
        <source>Credit cost of each action</source>
        <translation>Credit-Kosten jeder Aktion</translation>
    </message>
    <message>
        <source>1 credit</source>
        <translation>1 Credit</translation>
    </message>
    <message>
        <source>%1 credits</source>
        <translation>%1 Credits</translation>
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
        <source>refused: %1</source>
        <translation>abgelehnt: %1</translation>
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
        <source>This month</source>
        <translation>Dieser Monat</translation>
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
        <source>Save the %1 key</source>
        <translation>Den %1-Schlüssel speichern</translation>
    </message>
    <message>
        <source>Test the %1 key with %1</source>
        <translation>Den %1-Schlüssel bei %1 prüfen</translation>
    </message>
    <message>
        <source>Remove the %1 key</source>
        <translation>Den %1-Schlüssel entfernen</translation>
    </message>
    <message>
        <source>%1 key status</source>
        <translation>Status des %1-Schlüssels</translation>
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
        <source>Paste your key (sk-ant-…)</source>
        <translation>Schlüssel einfügen (sk-ant-…)</translation>
    </message>
    <message>
        <source>Paste your key (sk-…)</source>
        <translation>Schlüssel einfügen (sk-…)</translation>
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
        <translation>Ein Owner oder Admin kann ihn erneuern: %1</translation>
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
        <source>%1 Replace the stored key with the new one anyway?</source>
        <translation>%1 Den gespeicherten Schlüssel trotzdem durch den neuen ersetzen?</translation>
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
        <translation>Nur ein Owner oder Admin kann Nutzung importieren.</translation>
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
        <source>Unsaved model changes</source>
        <translation>Ungespeicherte Modelländerungen</translation>
    </message>
    <message>
        <source>The model selection has changes that are not saved. Close anyway and discard them?</source>
        <translation>Die Modellauswahl hat ungespeicherte Änderungen. Trotzdem schließen und sie verwerfen?</translation>
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
        <source>%1 is now %2.</source>
        <translation>%1 ist jetzt %2.</translation>
    </message>
    <message>
        <source>Remove Member</source>
        <translation>Mitglied entfernen</translation>
    </message>
    <message>
        <source>Remove %1? They can no longer open this database; what they changed stays in the activity log.</source>
        <translation>%1 entfernen? Die Person kann diese Datenbank dann nicht mehr öffnen; was sie geändert hat, bleibt im Aktivitätsprotokoll.</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>%1 entfernt.</translation>
    </message>
</context>
<context>
    <name>Ui::ModelsPanel</name>
    <message>
        <source>Model selection</source>
        <translation>Modellauswahl</translation>
    </message>
    <message>
        <source>Save Changes</source>
        <translation>Änderungen speichern</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Model for %1</source>
        <translation>Modell für %1</translation>
    </message>
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
        <source>%1: %2 (%3× credit cost)</source>
        <translation>%1: %2 (%3× Credit-Kosten)</translation>
    </message>
    <message>
        <source>%1 of %2 queries left this hour on credits; %3 of %4 on your own keys.</source>
        <translation>%1 von %2 Anfragen in dieser Stunde mit Credits übrig; %3 von %4 mit eigenen Schlüsseln.</translation>
    </message>
    <message>
        <source>An Owner or Admin can import past usage, let the servers record each AI action, or add an Anthropic or OpenAI key of your own; the page fills in as they do.</source>
        <translation>Ein Owner oder Admin kann frühere Nutzung importieren, die Server jede KI-Aktion erfassen lassen oder einen eigenen Anthropic- oder OpenAI-Schlüssel hinzufügen; die Seite füllt sich, sobald das geschieht.</translation>
    </message>
</context>
<context>
    <name>Ui::PeriodPanel</name>
    <message>
        <source>Billing period</source>
        <translation>Abrechnungszeitraum</translation>
    </message>
    <message>
        <source>&amp;Apply Period</source>
        <translation>Zeitraum &amp;übernehmen</translation>
    </message>
    <message>
        <source>Reset day of the month</source>
        <translation>Tag des Monats für die Rücksetzung</translation>
    </message>
    <message>
        <source>Time zone of the reset</source>
        <translation>Zeitzone der Rücksetzung</translation>
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
        <source>Credits now reset on day %1 of each month at 00:00 %2; every period&apos;s totals were recounted.</source>
        <translation>Credits werden jetzt am %1. jedes Monats um 00:00 %2 zurückgesetzt; die Summen aller Zeiträume wurden neu gezählt.</translation>
    </message>
</context>
<context>
    <name>Ui::PlanPanel</name>
    <message>
        <source>Plan</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>C&amp;hange Plan…</source>
        <translation>Tarif ä&amp;ndern…</translation>
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
        <source>&amp;Plan:</source>
        <translation>&amp;Tarif:</translation>
    </message>
    <message>
        <source>Only an Owner changes the plan.</source>
        <translation>Nur ein Owner ändert den Tarif.</translation>
    </message>
    <message>
        <source>The install is on %1.</source>
        <translation>Die Installation hat den Tarif %1.</translation>
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
        <source>Typical month on %1: %2.</source>
        <translation>Typischer Monat mit %1: %2.</translation>
    </message>
    <message>
        <source>Change Plan</source>
        <translation>Tarif ändern</translation>
    </message>
    <message>
        <source>Change the plan from %1 to %2? %3</source>
        <translation>Den Tarif von %1 auf %2 ändern? %3</translation>
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
</context>
<context>
    <name>Ui::RateLimitPanel</name>
    <message>
        <source>Rate limit</source>
        <translation>Ratenlimit</translation>
    </message>
    <message>
        <source>On AI credits</source>
        <translation>Mit KI-Credits</translation>
    </message>
    <message>
        <source>On your own keys</source>
        <translation>Mit eigenen Schlüsseln</translation>
    </message>
    <message>
        <source>Limits count per tenant; these are the install&apos;s own queries (no tenant).</source>
        <translation>Limits gelten je Mandant; dies sind die eigenen Anfragen der Installation (kein Mandant).</translation>
    </message>
    <message>
        <source>Limits count per tenant; these are tenant %1&apos;s queries.</source>
        <translation>Limits gelten je Mandant; dies sind die Anfragen von Mandant %1.</translation>
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
        <translation>Sie sind %1, %2 dieser Datenbank: Sie können Credits, Schlüssel und Aktivität einsehen, aber nur ein Owner oder Admin kann Schlüssel, Modelle, Mandanten und Mitglieder ändern, und nur ein Owner den Tarif.</translation>
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
        <source>Added tenant %1.</source>
        <translation>Mandant %1 hinzugefügt.</translation>
    </message>
    <message>
        <source>Renamed tenant %1.</source>
        <translation>Mandant %1 umbenannt.</translation>
    </message>
    <message>
        <source>It has no stored keys.</source>
        <translation>Er hat keine gespeicherten Schlüssel.</translation>
    </message>
    <message>
        <source>Its stored key is deleted from the keychain.</source>
        <translation>Sein gespeicherter Schlüssel wird aus dem Schlüsselbund gelöscht.</translation>
    </message>
    <message>
        <source>Its %1 stored keys are deleted from the keychain.</source>
        <translation>Seine %1 gespeicherten Schlüssel werden aus dem Schlüsselbund gelöscht.</translation>
    </message>
    <message>
        <source>Its %1 recorded events stay in the ledger, so past periods still add up.</source>
        <translation>Seine %1 erfassten Ereignisse bleiben im Konto, damit frühere Zeiträume stimmen.</translation>
    </message>
    <message>
        <source>Remove Tenant</source>
        <translation>Mandant entfernen</translation>
    </message>
    <message>
        <source>Remove tenant %1? %2 %3</source>
        <translation>Mandant %1 entfernen? %2 %3</translation>
    </message>
    <message>
        <source>Removed tenant %1 and its keys; its past usage stays in the ledger.</source>
        <translation>Mandant %1 und seine Schlüssel entfernt; seine frühere Nutzung bleibt im Konto.</translation>
    </message>
</context>
<context>
    <name>UsageSentences</name>
    <message>
        <source>1 credit</source>
        <translation>1 Credit</translation>
    </message>
    <message>
        <source>%1 credits</source>
        <translation>%1 Credits</translation>
    </message>
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
        <source>%1 the credits run out on %2, 1 day before the reset.</source>
        <translation>%1 sind die Credits am %2 aufgebraucht, 1 Tag vor der Rücksetzung.</translation>
    </message>
    <message>
        <source>%1 the credits run out on %2, %3 days before the reset.</source>
        <translation>%1 sind die Credits am %2 aufgebraucht, %3 Tage vor der Rücksetzung.</translation>
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
        <source>%1 (%2 a month)</source>
        <translation>%1 (%2 im Monat)</translation>
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
        <source>1 run</source>
        <translation>1 Ausführung</translation>
    </message>
    <message>
        <source>%1 runs</source>
        <translation>%1 Ausführungen</translation>
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
</context>
</TS>
