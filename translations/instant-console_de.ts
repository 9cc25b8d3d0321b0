<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>console::CheckResultsModel</name>
    <message>
        <location filename="../app/permissions/checkresultsmodel.cpp" line="+38"/>
        <source>non-boolean</source>
        <extracomment>The rule returned something other than true or false</extracomment>
        <translation>kein Wahrheitswert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pass</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>fail</source>
        <translation>nicht bestanden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(no rule: allowed by default)</source>
        <translation>(keine Regel: standardmäßig erlaubt)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Namespace</source>
        <translation>Namensraum</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Entity</source>
        <translation>Entität</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>console::CommandLine</name>
    <message>
        <location filename="../app/commandline.cpp" line="+21"/>
        <source>Instant Console: a desktop admin console for InstantDB apps.

Without options it reopens the tabs of the last session; on the very first start it opens the built-in demo sandbox.
The admin token is never taken from the command line: it comes from the environment variable INSTANT_ADMIN_TOKEN, from the system keychain, or from a prompt.</source>
        <translation>Instant Console: eine Desktop-Verwaltungskonsole für InstantDB-Apps.

Ohne Optionen öffnet sie die Tabs der letzten Sitzung wieder; beim allerersten Start öffnet sie die eingebaute Demo-Sandbox.
Das Admin-Token wird nie von der Befehlszeile übernommen: Es kommt aus der Umgebungsvariablen INSTANT_ADMIN_TOKEN, aus dem Schlüsselbund des Systems oder aus einer Abfrage.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show this help and exit.</source>
        <translation>Diese Hilfe anzeigen und beenden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the version and exit.</source>
        <translation>Die Version anzeigen und beenden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start the embedded sandbox with the demo data (kept in the application data folder) and connect to it.</source>
        <translation>Die eingebaute Sandbox mit den Demodaten starten (im Datenordner der Anwendung abgelegt) und sich mit ihr verbinden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connect to the Instant server at &lt;url&gt; (e.g. https://api.instantdb.com).</source>
        <translation>Mit dem Instant-Server unter &lt;url&gt; verbinden (z. B. https://api.instantdb.com).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the app with id &lt;uuid&gt; (needs --server).</source>
        <translation>Die App mit der ID &lt;uuid&gt; öffnen (erfordert --server).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>uuid</source>
        <translation>uuid</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name of the connection profile to create or reuse.</source>
        <translation>Name des Verbindungsprofils, das angelegt oder wiederverwendet wird.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Unexpected argument: %1</source>
        <translation>Unerwartetes Argument: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--server and --app-id go together.</source>
        <translation>--server und --app-id gehören zusammen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not a server URL: %1</source>
        <translation>Keine Server-URL: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The app id must be a UUID: %1</source>
        <translation>Die App-ID muss eine UUID sein: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Try &apos;instant-console --help&apos;.</source>
        <translation>Mehr dazu: &apos;instant-console --help&apos;.</translation>
    </message>
</context>
<context>
    <name>console::CommandPalette</name>
    <message>
        <location filename="../app/palette/commandpalette.cpp" line="+66"/>
        <source>Type a command…</source>
        <translation>Befehl eingeben…</translation>
    </message>
</context>
<context>
    <name>console::ConnectionDialog</name>
    <message>
        <location filename="../app/connections/connectiondialog.cpp" line="+32"/>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>My app</source>
        <translation>Meine App</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>00000000-0000-0000-0000-000000000000</source>
        <translation>00000000-0000-0000-0000-000000000000</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Admin token (kept out of the settings file)</source>
        <translation>Admin-Token (wird nicht in der Einstellungsdatei gespeichert)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional PEM file for a self-hosted server&apos;s CA</source>
        <translation>Optionale PEM-Datei mit der CA eines selbst betriebenen Servers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store in the system keychain</source>
        <translation>Im Schlüsselbund des Systems speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask every time</source>
        <translation>Jedes Mal fragen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep for this session only</source>
        <translation>Nur für diese Sitzung behalten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Server URL:</source>
        <translation>&amp;Server-URL:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;App id:</source>
        <translation>&amp;App-ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Admin &amp;token:</source>
        <translation>Admin-&amp;Token:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token storage:</source>
        <translation>Token-Speicherung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CA certificate:</source>
        <translation>CA-Zertifikat:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>The server URL must be an http or https address.</source>
        <translation>Die Server-URL muss eine http- oder https-Adresse sein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The app id is a UUID (see the Instant dashboard).</source>
        <translation>Die App-ID ist eine UUID (siehe Instant-Dashboard).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>CA Certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>console::ConnectionProfile</name>
    <message>
        <location filename="../app/connections/connectionprofile.cpp" line="+20"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>console::ConnectionSession</name>
    <message>
        <location filename="../app/session/connectionsession.cpp" line="+84"/>
        <source>Connecting</source>
        <translation>Verbindungsaufbau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reconnecting</source>
        <translation>Erneuter Verbindungsaufbau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>console::ConnectionView</name>
    <message>
        <location filename="../app/session/connectionview.cpp" line="+70"/>
        <source>Run Query</source>
        <translation>Abfrage ausführen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop Live Query</source>
        <translation>Live-Abfrage beenden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+.</source>
        <translation>Ctrl+.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live Results</source>
        <translation>Live-Ergebnisse</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Format Query</source>
        <translation>Abfrage formatieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complete</source>
        <translation>Vervollständigen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Space</source>
        <translation>Ctrl+Space</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Query History</source>
        <translation>Abfrageverlauf</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save Query As…</source>
        <translation>Abfrage speichern unter…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved Queries</source>
        <translation>Gespeicherte Abfragen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh Schema</source>
        <translation>Schema aktualisieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <location line="+197"/>
        <source>One-shot</source>
        <translation>Einmalig</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+11"/>
        <source>Stopped</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Not running</source>
        <translation>Läuft nicht</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connecting…</source>
        <translation>Verbindung wird aufgebaut…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reconnecting…</source>
        <translation>Verbindung wird erneut aufgebaut…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The query is not valid JSON; see the marked position</source>
        <translation>Die Abfrage ist kein gültiges JSON; siehe die markierte Stelle</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A query is a JSON object, such as {&quot;goals&quot;: {}}</source>
        <translation>Eine Abfrage ist ein JSON-Objekt, etwa {&quot;goals&quot;: {}}</translation>
    </message>
    <message>
        <location line="+139"/>
        <source>No queries yet</source>
        <translation>Noch keine Abfragen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No saved queries</source>
        <translation>Keine gespeicherten Abfragen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Save Query</source>
        <translation>Abfrage speichern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved “%1”</source>
        <translation>„%1“ gespeichert</translation>
    </message>
</context>
<context>
    <name>console::EditPanel</name>
    <message>
        <location filename="../app/editing/editpanel.cpp" line="+87"/>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value:</source>
        <translation>Wert:</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Add entity</source>
        <translation>Entität hinzufügen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Namespace:</source>
        <translation>Namensraum:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attributes (JSON object):</source>
        <translation>Attribute (JSON-Objekt):</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>A namespace is required.</source>
        <translation>Ein Namensraum ist erforderlich.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Invalid JSON at character %1: %2</source>
        <translation>Ungültiges JSON bei Zeichen %1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The attributes must be a JSON object.</source>
        <translation>Die Attribute müssen ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Unlink entities</source>
        <translation>Verknüpfung von Entitäten lösen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Link entities</source>
        <translation>Entitäten verknüpfen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>more ids, separated by spaces or commas</source>
        <translation>weitere IDs, durch Leerzeichen oder Kommas getrennt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Link label:</source>
        <translation>Verknüpfungsname:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entities:</source>
        <translation>Entitäten:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ids:</source>
        <translation>IDs:</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>&quot;%1&quot; is not a UUID.</source>
        <translation>„%1“ ist keine UUID.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a link label.</source>
        <translation>Einen Verknüpfungsnamen wählen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose at least one entity.</source>
        <translation>Mindestens eine Entität wählen.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Staged edits (applied together as one transaction):</source>
        <translation>Vorgemerkte Änderungen (werden gemeinsam als eine Transaktion angewendet):</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Remove edit</source>
        <translation>Änderung entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discard all</source>
        <translation>Alle verwerfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+103"/>
        <source>Undo last apply</source>
        <translation>Letztes Anwenden rückgängig machen</translation>
    </message>
    <message>
        <location line="-101"/>
        <location line="+271"/>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <location line="-227"/>
        <source>Edits</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The id of an entity cannot be edited.</source>
        <translation>Die ID einer Entität kann nicht bearbeitet werden.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Edit %1…</source>
        <translation>%1 bearbeiten…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add entity…</source>
        <translation>Entität hinzufügen…</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Delete %n entity(s)…</source>
        <translation>
            <numerusform>%n Entität löschen…</numerusform>
            <numerusform>%n Entitäten löschen…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Link…</source>
        <translation>Verknüpfen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlink…</source>
        <translation>Verknüpfung lösen…</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Apply %n staged edit(s)</source>
        <translation>
            <numerusform>%n vorgemerkte Änderung anwenden</numerusform>
            <numerusform>%n vorgemerkte Änderungen anwenden</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard staged edits</source>
        <translation>Vorgemerkte Änderungen verwerfen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Edit %1.%2</source>
        <translation>%1.%2 bearbeiten</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Delete entities</source>
        <translation>Entitäten löschen</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Stage the deletion of %n entity(s)? Their links are removed too; Apply sends the deletion.</source>
        <translation>
            <numerusform>Löschen von %n Entität vormerken? Ihre Verknüpfungen werden ebenfalls entfernt; „Anwenden“ sendet die Löschung.</numerusform>
            <numerusform>Löschen von %n Entitäten vormerken? Ihre Verknüpfungen werden ebenfalls entfernt; „Anwenden“ sendet die Löschung.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Undone (tx-id %1).</source>
        <translation>Rückgängig gemacht (tx-id %1).</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Applied %n edit(s) (tx-id %1).</source>
        <translation>
            <numerusform>%n Änderung angewendet (tx-id %1).</numerusform>
            <numerusform>%n Änderungen angewendet (tx-id %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Applied %n edit(s) (tx-id %1). %2</source>
        <translation>
            <numerusform>%n Änderung angewendet (tx-id %1). %2</numerusform>
            <numerusform>%n Änderungen angewendet (tx-id %1). %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Apply %n edit(s)</source>
        <translation>
            <numerusform>%n Änderung anwenden</numerusform>
            <numerusform>%n Änderungen anwenden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>console::EditStage</name>
    <message>
        <location filename="../app/editing/editstage.cpp" line="+83"/>
        <source>Set %1.%2 of %3 to %4</source>
        <translation>%1.%2 von %3 auf %4 setzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create %1 %2 %3</source>
        <translation>%1 %2 %3 anlegen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete %1 %2</source>
        <translation>%1 %2 löschen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Link %1 %2 via %3 to %4</source>
        <translation>%1 %2 über %3 mit %4 verknüpfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unlink %1 %2 via %3 from %4</source>
        <translation>Verknüpfung von %1 %2 über %3 mit %4 lösen</translation>
    </message>
    <message>
        <location line="+173"/>
        <source>Deleting %1 %2 cannot be undone: its system data is not restored by a transaction.</source>
        <translation>Das Löschen von %1 %2 lässt sich nicht rückgängig machen: Seine Systemdaten stellt keine Transaktion wieder her.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deleting %1 %2 cannot be undone: its values were not part of the results.</source>
        <translation>Das Löschen von %1 %2 lässt sich nicht rückgängig machen: Seine Werte waren nicht Teil der Ergebnisse.</translation>
    </message>
</context>
<context>
    <name>console::ErrorPanel</name>
    <message>
        <location filename="../app/editor/errorpanel.cpp" line="+28"/>
        <source>No hint</source>
        <translation>Kein Hinweis</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
</context>
<context>
    <name>console::FileTreeModel</name>
    <message>
        <location filename="../app/storage/filetreemodel.cpp" line="+142"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Content type</source>
        <translation>Inhaltstyp</translation>
    </message>
</context>
<context>
    <name>console::ImpersonationBar</name>
    <message>
        <location filename="../app/impersonation/impersonationbar.cpp" line="+24"/>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As email</source>
        <translation>Per E-Mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As refresh token</source>
        <translation>Per Refresh-Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As guest</source>
        <translation>Als Gast</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who queries, transactions and storage calls of this tab run as</source>
        <translation>Als wer Abfragen, Transaktionen und Speicherzugriffe dieses Tabs laufen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Run as:</source>
        <translation>Ausführen als:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Back to Admin</source>
        <translation>Zurück zu Admin</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>user@example.com</source>
        <translation>user@example.com</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refresh token (UUID)</source>
        <translation>Refresh-Token (UUID)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Enter an email</source>
        <translation>Eine E-Mail-Adresse eingeben</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enter a refresh token</source>
        <translation>Ein Refresh-Token eingeben</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“%1” is not an email address</source>
        <translation>„%1“ ist keine E-Mail-Adresse</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A refresh token is a UUID</source>
        <translation>Ein Refresh-Token ist eine UUID</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+6"/>
        <source>No such user</source>
        <translation>Benutzer nicht gefunden</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Acting as %1 — permission rules apply to everything in this tab</source>
        <translation>Als %1 – für alles in diesem Tab gelten die Berechtigungsregeln</translation>
    </message>
</context>
<context>
    <name>console::JsonChecker</name>
    <message>
        <location filename="../app/editor/jsonchecker.cpp" line="+17"/>
        <source>end of text</source>
        <translation>Textende</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The query is empty; expected a JSON object such as {&quot;goals&quot;: {}}</source>
        <translation>Die Abfrage ist leer; erwartet wird ein JSON-Objekt wie {&quot;goals&quot;: {}}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unexpected %1 after the end of the JSON value</source>
        <translation>Unerwartetes %1 nach dem Ende des JSON-Werts</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The JSON is nested too deeply</source>
        <translation>Das JSON ist zu tief verschachtelt</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+7"/>
        <source>Expected a value but found %1</source>
        <translation>Wert erwartet, aber %1 gefunden</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Strings must use double quotes, not single quotes</source>
        <translation>Zeichenketten brauchen doppelte Anführungszeichen, keine einfachen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Trailing comma before &apos;}&apos;</source>
        <translation>Überzähliges Komma vor &apos;}&apos;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Property names must be in double quotes</source>
        <translation>Eigenschaftsnamen müssen in doppelten Anführungszeichen stehen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expected a property name in double quotes but found %1</source>
        <translation>Eigenschaftsname in doppelten Anführungszeichen erwartet, aber %1 gefunden</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Expected &apos;:&apos; after the property name but found %1</source>
        <translation>&apos;:&apos; nach dem Eigenschaftsnamen erwartet, aber %1 gefunden</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Missing &apos;,&apos; between properties</source>
        <translation>Fehlendes &apos;,&apos; zwischen Eigenschaften</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expected &apos;,&apos; or &apos;}&apos; but found %1</source>
        <translation>&apos;,&apos; oder &apos;}&apos; erwartet, aber %1 gefunden</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Trailing comma before &apos;]&apos;</source>
        <translation>Überzähliges Komma vor &apos;]&apos;</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Expected &apos;,&apos; or &apos;]&apos; but found %1</source>
        <translation>&apos;,&apos; oder &apos;]&apos; erwartet, aber %1 gefunden</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Unterminated string (a string cannot span lines)</source>
        <translation>Nicht abgeschlossene Zeichenkette (eine Zeichenkette kann nicht über mehrere Zeilen gehen)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Control characters must be escaped inside strings</source>
        <translation>Steuerzeichen müssen in Zeichenketten maskiert werden</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Invalid \u escape: expected four hex digits</source>
        <translation>Ungültige \u-Maskierung: vier Hexadezimalziffern erwartet</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Invalid escape sequence \%1</source>
        <translation>Ungültige Escape-Sequenz \%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unterminated string</source>
        <translation>Nicht abgeschlossene Zeichenkette</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Numbers cannot have leading zeros</source>
        <translation>Zahlen dürfen keine führenden Nullen haben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Expected a digit but found %1</source>
        <translation>Ziffer erwartet, aber %1 gefunden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Expected a digit after the decimal point</source>
        <translation>Ziffer nach dem Dezimalpunkt erwartet</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Expected a digit in the exponent</source>
        <translation>Ziffer im Exponenten erwartet</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Unknown word &apos;%1&apos;; strings must be in double quotes</source>
        <translation>Unbekanntes Wort &apos;%1&apos;; Zeichenketten müssen in doppelten Anführungszeichen stehen</translation>
    </message>
</context>
<context>
    <name>console::KeychainError</name>
    <message>
        <location filename="../app/connections/tokenstore.cpp" line="+90"/>
        <source>No admin token is stored for this connection.</source>
        <translation>Für diese Verbindung ist kein Admin-Token gespeichert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No system keychain is available.</source>
        <translation>Kein Schlüsselbund des Systems verfügbar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Access to the system keychain was denied.</source>
        <translation>Der Zugriff auf den Schlüsselbund des Systems wurde verweigert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The system keychain did not answer in time (it may be locked).</source>
        <translation>Der Schlüsselbund des Systems hat nicht rechtzeitig geantwortet (vielleicht ist er gesperrt).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The system keychain failed: %1</source>
        <translation>Fehler im Schlüsselbund des Systems: %1</translation>
    </message>
</context>
<context>
    <name>console::KeychainNotice</name>
    <message>
        <location filename="../app/connections/keychainnotice.cpp" line="+15"/>
        <source>Ask every time</source>
        <translation>Jedes Mal fragen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep for this session only</source>
        <translation>Nur für diese Sitzung behalten</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&lt;b&gt;The admin token of %1 could not be stored in the system keychain.&lt;/b&gt; %2 How should the console handle this token?</source>
        <translation>&lt;b&gt;Das Admin-Token von %1 konnte nicht im Schlüsselbund des Systems gespeichert werden.&lt;/b&gt; %2 Wie soll die Konsole mit diesem Token umgehen?</translation>
    </message>
</context>
<context>
    <name>console::MainWindow</name>
    <message>
        <location filename="../app/mainwindow.cpp" line="+157"/>
        <source>Demo sandbox running at %1</source>
        <translation>Demo-Sandbox läuft unter %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The demo sandbox could not start: %1</source>
        <translation>Die Demo-Sandbox konnte nicht starten: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>New Connection…</source>
        <translation>Neue Verbindung…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open Demo Sandbox</source>
        <translation>Demo-Sandbox öffnen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close Tab</source>
        <translation>Tab schließen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+W</source>
        <translation>Ctrl+W</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Command Palette…</source>
        <translation>Befehlspalette…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Request Log</source>
        <translation>Anfrageprotokoll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next Tab</source>
        <translation>Nächster Tab</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+PgDown</source>
        <translation>Ctrl+PgDown</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous Tab</source>
        <translation>Vorheriger Tab</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+PgUp</source>
        <translation>Ctrl+PgUp</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+32"/>
        <source>About Instant Console</source>
        <translation>Über Instant Console</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Ctrl+F1</source>
        <translation>Ctrl+F1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Follow System Colors</source>
        <translation>Systemfarben folgen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Light Colors</source>
        <translation>Helle Farben</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dark Colors</source>
        <translation>Dunkle Farben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Alt+0</source>
        <translation>Ctrl+Alt+0</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Alt+1</source>
        <translation>Ctrl+Alt+1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Alt+2</source>
        <translation>Ctrl+Alt+2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&lt;b&gt;Instant Console %1&lt;/b&gt;&lt;br&gt;A desktop admin console for InstantDB apps.</source>
        <translation>&lt;b&gt;Instant Console %1&lt;/b&gt;&lt;br&gt;Eine Desktop-Verwaltungskonsole für InstantDB-Apps.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>System Default</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The new language applies when Instant Console starts again.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start von Instant Console.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Query</source>
        <translation>&amp;Abfrage</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No connection open</source>
        <translation>Keine Verbindung offen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Panels</source>
        <translation>&amp;Bereiche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation>A&amp;nsicht</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Open a connection first</source>
        <translation>Zuerst eine Verbindung öffnen</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>%1 — as %2</source>
        <translation>%1 — als %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1
%2
State: %3</source>
        <translation>%1
%2
Status: %3</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Instant Console</source>
        <translation>Instant Console</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 — Instant Console</source>
        <translation>%1 — Instant Console</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 — as %2 — Instant Console</source>
        <translation>%1 — als %2 — Instant Console</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No connection</source>
        <translation>Keine Verbindung</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n entities</source>
        <translation>
            <numerusform>%n Entität</numerusform>
            <numerusform>%n Entitäten</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>The console will ask for this token every time</source>
        <translation>Die Konsole fragt jedes Mal nach diesem Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The token is kept in memory until the console quits</source>
        <translation>Das Token bleibt bis zum Beenden der Konsole im Speicher</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Admin Token</source>
        <translation>Admin-Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Admin token for %1:</source>
        <translation>Admin-Token für %1:</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Demo sandbox</source>
        <translation>Demo-Sandbox</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Open a connection with %1</source>
        <translation>Eine Verbindung mit %1 öffnen</translation>
    </message>
</context>
<context>
    <name>console::PermissionsPanel</name>
    <message>
        <location filename="../app/permissions/permissionspanel.cpp" line="+64"/>
        <source>%1: invalid JSON at line %2, column %3: %4</source>
        <extracomment>%1 names the editor (&quot;Query&quot;, &quot;Rules&quot;), %2/%3 line and column, %4 the reason</extracomment>
        <translation>%1: ungültiges JSON in Zeile %2, Spalte %3: %4</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Query (view rules)</source>
        <translation>Abfrage (view-Regeln)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transaction (create, update, delete rules)</source>
        <translation>Transaktion (create-, update-, delete-Regeln)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Check:</source>
        <translation>&amp;Prüfen:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh token</source>
        <translation>Refresh-Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guest</source>
        <translation>Gast</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>alice@example.com</source>
        <translation>alice@example.com</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the tab&apos;s identity</source>
        <translation>Identität des Tabs verwenden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;As:</source>
        <translation>&amp;Als:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Query or steps (JSON):</source>
        <translation>Abfrage oder Schritte (JSON):</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Override the saved rules with:</source>
        <translation>Gespeicherte Regeln ersetzen durch:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Commit when every check passes</source>
        <translation>Festschreiben, wenn alle Prüfungen bestehen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run check</source>
        <translation>Prüfung ausführen</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Permissions</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+6</source>
        <translation>Ctrl+6</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>&quot;%1&quot; is not an email address.</source>
        <translation>„%1“ ist keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is not a refresh token (a UUID).</source>
        <translation>„%1“ ist kein Refresh-Token (eine UUID).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose whom to check as.</source>
        <translation>Wählen, als wer geprüft wird.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Query</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rules: the override must be a JSON object.</source>
        <translation>Regeln: Der Ersatz muss ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Query: an InstaQL query is a JSON object.</source>
        <translation>Abfrage: Eine InstaQL-Abfrage ist ein JSON-Objekt.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Steps: a transaction is a JSON array of steps.</source>
        <translation>Schritte: Eine Transaktion ist ein JSON-Array von Schritten.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The local sandbox does not evaluate permission rules: it reports no checks, and the result shows every entity unfiltered. Whether these rules allow this user to see them cannot be evaluated here.</source>
        <translation>Die lokale Sandbox wertet keine Berechtigungsregeln aus: Sie meldet keine Prüfungen, und das Ergebnis zeigt alle Entitäten ungefiltert. Ob diese Regeln dem Benutzer erlauben, sie zu sehen, lässt sich hier nicht auswerten.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The server reported no rule checks (%n entity(s) returned). Nothing here says whether a rule allowed or denied them.</source>
        <translation>
            <numerusform>Der Server hat keine Regelprüfungen gemeldet (%n Entität zurückgegeben). Nichts hier sagt, ob eine Regel sie erlaubt oder verweigert hat.</numerusform>
            <numerusform>Der Server hat keine Regelprüfungen gemeldet (%n Entitäten zurückgegeben). Nichts hier sagt, ob eine Regel sie erlaubt oder verweigert hat.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+45"/>
        <source>The rules override was sent but had no visible effect.</source>
        <translation>Der Regelersatz wurde gesendet, hatte aber keine sichtbare Wirkung.</translation>
    </message>
    <message numerus="yes">
        <location line="-42"/>
        <source>%1 passed, %2 failed, %n entity(s) in the result.</source>
        <translation>
            <numerusform>%1 bestanden, %2 nicht bestanden, %n Entität im Ergebnis.</numerusform>
            <numerusform>%1 bestanden, %2 nicht bestanden, %n Entitäten im Ergebnis.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The local sandbox cannot evaluate custom rules. Clear &quot;Override the saved rules&quot; to check the steps against the default rules.</source>
        <translation>Die lokale Sandbox kann keine eigenen Regeln auswerten. „Gespeicherte Regeln ersetzen durch“ leeren, um die Schritte gegen die Standardregeln zu prüfen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>All checks passed (%1 passed, %2 failed).</source>
        <translation>Alle Prüfungen bestanden (%1 bestanden, %2 nicht bestanden).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Some checks failed (%1 passed, %2 failed).</source>
        <translation>Einige Prüfungen sind fehlgeschlagen (%1 bestanden, %2 nicht bestanden).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The transaction was committed (tx-id %1).</source>
        <translation>Die Transaktion wurde festgeschrieben (tx-id %1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was committed.</source>
        <translation>Nichts wurde festgeschrieben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The local sandbox checks only the default rules: your own namespaces allow everything, and system namespaces such as $users and $files use Instant&apos;s built-in rules. It cannot evaluate custom rules, so these results say nothing about the rules saved on a real server.</source>
        <translation>Die lokale Sandbox prüft nur die Standardregeln: Eigene Namensräume erlauben alles, und Systemnamensräume wie $users und $files verwenden die eingebauten Regeln von Instant. Eigene Regeln kann sie nicht auswerten; diese Ergebnisse sagen also nichts über die auf einem echten Server gespeicherten Regeln.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server reported no rule checks for these steps, so &quot;all checks ok&quot; says nothing about the rules.</source>
        <translation>Der Server hat für diese Schritte keine Regelprüfungen gemeldet; „all checks ok“ sagt also nichts über die Regeln.</translation>
    </message>
</context>
<context>
    <name>console::PresenceModel</name>
    <message>
        <location filename="../app/presence/presencemodel.cpp" line="+41"/>
        <source>(anonymous)</source>
        <translation>(anonym)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Peer</source>
        <translation>Peer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Peer data</source>
        <translation>Peer-Daten</translation>
    </message>
</context>
<context>
    <name>console::PresencePanel</name>
    <message>
        <location filename="../app/presence/presencepanel.cpp" line="+34"/>
        <source>e.g. chat</source>
        <translation>z. B. chat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>room id</source>
        <translation>Raum-ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Room &amp;type:</source>
        <translation>Raum&amp;typ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Room &amp;id:</source>
        <translation>Raum-&amp;ID:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh every</source>
        <translation>Aktualisieren alle</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Presence</source>
        <translation>Anwesenheit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+4</source>
        <translation>Ctrl+4</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Enter a room type.</source>
        <translation>Einen Raumtyp eingeben.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enter a room id.</source>
        <translation>Eine Raum-ID eingeben.</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>%n session(s) at %1</source>
        <translation>
            <numerusform>%n Sitzung um %1</numerusform>
            <numerusform>%n Sitzungen um %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>console::QueryEditor</name>
    <message>
        <location filename="../app/editor/queryeditor.cpp" line="+144"/>
        <source>Line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
</context>
<context>
    <name>console::RequestLogDock</name>
    <message>
        <location filename="../app/requestlog/requestlogdock.cpp" line="+25"/>
        <source>Request Log</source>
        <translation>Anfrageprotokoll</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Filter by route, method, status…</source>
        <translation>Nach Route, Methode, Status filtern…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy as curl</source>
        <translation>Als curl kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+U</source>
        <translation>Ctrl+Shift+U</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy as curl with Secrets…</source>
        <translation>Als curl mit Geheimnissen kopieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Alt+Shift+U</source>
        <translation>Ctrl+Alt+Shift+U</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear Request Log</source>
        <translation>Anfrageprotokoll leeren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Alt+L</source>
        <translation>Ctrl+Alt+L</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Copy with Secrets</source>
        <translation>Mit Geheimnissen kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The command will contain the admin token or refresh token in plain text. Anyone who sees it gets full access to the app. Copy it anyway?</source>
        <translation>Der Befehl enthält das Admin-Token oder Refresh-Token im Klartext. Wer ihn sieht, erhält vollen Zugriff auf die App. Trotzdem kopieren?</translation>
    </message>
</context>
<context>
    <name>console::RequestLogModel</name>
    <message>
        <location filename="../app/requestlog/requestlogmodel.cpp" line="+125"/>
        <source>streaming</source>
        <translation>streamt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (closed)</source>
        <translation>%1 (geschlossen)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As</source>
        <translation>Als</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
</context>
<context>
    <name>console::ResultExport</name>
    <message>
        <location filename="../app/results/resultexport.cpp" line="+20"/>
        <location line="+3"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>The result has no namespace %1</source>
        <translation>Das Ergebnis hat keinen Namensraum %1</translation>
    </message>
</context>
<context>
    <name>console::ResultTableModel</name>
    <message numerus="yes">
        <location filename="../app/results/resulttablemodel.cpp" line="+33"/>
        <source>[%n]</source>
        <translation>
            <numerusform>[%n]</numerusform>
            <numerusform>[%n]</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>console::ResultTreeModel</name>
    <message numerus="yes">
        <location filename="../app/results/resulttreemodel.cpp" line="+863"/>
        <source>%n entities</source>
        <translation>
            <numerusform>%n Entität</numerusform>
            <numerusform>%n Entitäten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>[%n items]</source>
        <translation>
            <numerusform>[%n Element]</numerusform>
            <numerusform>[%n Elemente]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>{%n keys}</source>
        <translation>
            <numerusform>{%n Schlüssel}</numerusform>
            <numerusform>{%n Schlüssel}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>console::ResultsView</name>
    <message>
        <location filename="../app/results/resultsview.cpp" line="+96"/>
        <source>Filter rows…</source>
        <translation>Zeilen filtern…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Tree</source>
        <translation>Baum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Copy Value</source>
        <translation>Wert kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy JSON Path</source>
        <translation>JSON-Pfad kopieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy Entity Id</source>
        <translation>Entitäts-ID kopieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Alt+C</source>
        <translation>Ctrl+Alt+C</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export Result as JSON…</source>
        <translation>Ergebnis als JSON exportieren…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export Namespace as CSV…</source>
        <translation>Namensraum als CSV exportieren…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Alt+E</source>
        <translation>Ctrl+Alt+E</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show Result as Tree</source>
        <translation>Ergebnis als Baum zeigen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alt+1</source>
        <translation>Alt+1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show Result as Table</source>
        <translation>Ergebnis als Tabelle zeigen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alt+2</source>
        <translation>Alt+2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show Result as JSON</source>
        <translation>Ergebnis als JSON zeigen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alt+3</source>
        <translation>Alt+3</translation>
    </message>
    <message>
        <location line="+135"/>
        <source>

… cut at %1 MB; export the result to see all of it.</source>
        <translation>

… bei %1 MB abgeschnitten; das Ergebnis exportieren, um alles zu sehen.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Value copied</source>
        <translation>Wert kopiert</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>JSON path copied</source>
        <translation>JSON-Pfad kopiert</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Id copied</source>
        <translation>ID kopiert</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export Result</source>
        <translation>Ergebnis exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing to export</source>
        <translation>Nichts zu exportieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export %1 as CSV</source>
        <translation>%1 als CSV exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Exported %1 (%2 bytes)</source>
        <translation>%1 exportiert (%2 Byte)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
</context>
<context>
    <name>console::StepBuilderPanel</name>
    <message>
        <location filename="../app/transact/stepbuilderpanel.cpp" line="+119"/>
        <source>Transact</source>
        <translation>Transaktion</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Add step</source>
        <translation>Schritt hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move the step up</source>
        <translation>Schritt nach oben verschieben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move the step down</source>
        <translation>Schritt nach unten verschieben</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&amp;Operation:</source>
        <translation>&amp;Operation:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. goals</source>
        <translation>z. B. goals</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Namespace:</source>
        <translation>&amp;Namensraum:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lookup [attr, value]</source>
        <translation>Lookup [Attribut, Wert]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lookup {attr: value}</source>
        <translation>Lookup {Attribut: Wert}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lookup string</source>
        <translation>Lookup-Zeichenkette</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>entity UUID</source>
        <translation>UUID der Entität</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New id</source>
        <translation>Neue ID</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unique attribute, or label.id</source>
        <translation>eindeutiges Attribut oder label.id</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Entity:</source>
        <translation>&amp;Entität:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fail if the entity does not exist (upsert: false)</source>
        <translation>Fehlschlagen, wenn die Entität nicht existiert (upsert: false)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Edit as raw JSON</source>
        <translation>Als rohes JSON bearbeiten</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add attribute</source>
        <translation>Attribut hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove attribute</source>
        <translation>Attribut entfernen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Attributes:</source>
        <translation>&amp;Attribute:</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Steps sent to /admin/transact:</source>
        <translation>An /admin/transact gesendete Schritte:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Fail on unknown attributes</source>
        <translation>Bei unbekannten Attributen fehlschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dry run</source>
        <translation>Probelauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checks the permission rules for the impersonated user and rolls back.</source>
        <translation>Prüft die Berechtigungsregeln für den angenommenen Benutzer und macht alles rückgängig.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Namespace</source>
        <translation>Namensraum</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Entity</source>
        <translation>Entität</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location line="+246"/>
        <source>Step %1 is not valid yet: %2</source>
        <extracomment>%1 is the step number, %2 the reason</extracomment>
        <translation>Schritt %1 ist noch nicht gültig: %2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Runs as admin (rules bypassed)</source>
        <translation>Läuft als Admin (Regeln umgangen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs as %1 (rules enforced)</source>
        <translation>Läuft als %1 (Regeln gelten)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Delete entities</source>
        <translation>Entitäten löschen</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>This transaction deletes %n entity(s), together with their links and anything that cascades.</source>
        <translation>
            <numerusform>Diese Transaktion löscht %n Entität, zusammen mit ihren Verknüpfungen und allem, was kaskadiert.</numerusform>
            <numerusform>Diese Transaktion löscht %n Entitäten, zusammen mit ihren Verknüpfungen und allem, was kaskadiert.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run it as %1?</source>
        <translation>Als %1 ausführen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete and run</source>
        <translation>Löschen und ausführen</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Committed: tx-id %1</source>
        <translation>Festgeschrieben: tx-id %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>All checks passed; the transaction was committed.</source>
        <translation>Alle Prüfungen bestanden; die Transaktion wurde festgeschrieben.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Dry run: all %n check(s) passed; nothing was committed.</source>
        <translation>
            <numerusform>Probelauf: %n Prüfung bestanden; nichts wurde festgeschrieben.</numerusform>
            <numerusform>Probelauf: alle %n Prüfungen bestanden; nichts wurde festgeschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dry run: some checks failed; nothing was committed.</source>
        <translation>Probelauf: Einige Prüfungen sind fehlgeschlagen; nichts wurde festgeschrieben.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(no rule: allowed by default)</source>
        <translation>(keine Regel: standardmäßig erlaubt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pass</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>fail</source>
        <translation>nicht bestanden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server reported no rule checks, so the rules for these steps could not be evaluated.</source>
        <translation>Der Server hat keine Regelprüfungen gemeldet; die Regeln für diese Schritte ließen sich daher nicht auswerten.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Step %1: %2</source>
        <translation>Schritt %1: %2</translation>
    </message>
</context>
<context>
    <name>console::StepEntity</name>
    <message>
        <location filename="../app/transact/stepentity.cpp" line="+48"/>
        <source>An entity id is required; use &quot;New id&quot; to make one.</source>
        <translation>Eine Entitäts-ID ist erforderlich; mit „Neue ID“ lässt sich eine erzeugen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; is not a UUID (expected 8-4-4-4-12 hexadecimal digits).</source>
        <translation>„%1“ ist keine UUID (erwartet werden 8-4-4-4-12 Hexadezimalziffern).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A lookup needs a unique attribute name.</source>
        <translation>Ein Lookup braucht den Namen eines eindeutigen Attributs.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lookup value: %1</source>
        <translation>Lookup-Wert: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A lookup value must be a string, number or boolean.</source>
        <translation>Ein Lookup-Wert muss eine Zeichenkette, eine Zahl oder ein Wahrheitswert sein.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Unknown entity id form.</source>
        <translation>Unbekannte Form der Entitäts-ID.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+7"/>
        <source>Malformed lookup string &quot;%1&quot;.</source>
        <translation>Fehlerhafte Lookup-Zeichenkette „%1“.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>An entity id must be a UUID or a lookup.</source>
        <translation>Eine Entitäts-ID muss eine UUID oder ein Lookup sein.</translation>
    </message>
</context>
<context>
    <name>console::StepsModel</name>
    <message>
        <location filename="../app/transact/stepsmodel.cpp" line="+33"/>
        <source>lookup %1</source>
        <translation>Lookup %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2 %3</source>
        <extracomment>One line per transaction step: &quot;update goals &lt;id&gt;&quot;</extracomment>
        <translation>%1 %2 %3</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(no namespace)</source>
        <translation>(kein Namensraum)</translation>
    </message>
</context>
<context>
    <name>console::StoragePanel</name>
    <message>
        <location filename="../app/storage/storagepanel.cpp" line="+150"/>
        <source>Upload…</source>
        <translation>Hochladen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy URL</source>
        <translation>URL kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rename or move…</source>
        <translation>Umbenennen oder verschieben…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+599"/>
        <source>Select a file to preview it.</source>
        <translation>Eine Datei auswählen, um sie in der Vorschau zu sehen.</translation>
    </message>
    <message>
        <location line="-580"/>
        <source>Transfers (drop files or folders on the tree to upload):</source>
        <translation>Übertragungen (zum Hochladen Dateien oder Ordner auf den Baum ziehen):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel selected</source>
        <translation>Ausgewählte abbrechen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel all</source>
        <translation>Alle abbrechen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Local file</source>
        <translation>Lokale Datei</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Storage</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+5</source>
        <translation>Ctrl+5</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connecting…</source>
        <translation>Verbindung wird aufgebaut…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not live</source>
        <translation>Nicht live</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Reading the dropped files…</source>
        <translation>Abgelegte Dateien werden gelesen…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Nothing to upload: the drop held no readable files.</source>
        <translation>Nichts hochzuladen: Die abgelegten Elemente enthalten keine lesbaren Dateien.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Overwrite files</source>
        <translation>Dateien überschreiben</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n file(s) already exist on the server.</source>
        <translation>
            <numerusform>%n Datei existiert bereits auf dem Server.</numerusform>
            <numerusform>%n Dateien existieren bereits auf dem Server.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Overwrite</source>
        <translation>Überschreiben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skip existing</source>
        <translation>Vorhandene überspringen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Upload cancelled.</source>
        <translation>Hochladen abgebrochen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n upload(s) pending.</source>
        <translation>
            <numerusform>%n Upload ausstehend.</numerusform>
            <numerusform>%n Uploads ausstehend.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Uploading</source>
        <translation>Wird hochgeladen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+47"/>
        <location line="+18"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message numerus="yes">
        <location line="-36"/>
        <source>%n upload(s) failed; see the transfer list.</source>
        <translation>
            <numerusform>%n Upload fehlgeschlagen; siehe Übertragungsliste.</numerusform>
            <numerusform>%n Uploads fehlgeschlagen; siehe Übertragungsliste.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Uploads finished: %1 done, %2 cancelled.</source>
        <translation>Uploads beendet: %1 fertig, %2 abgebrochen.</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Delete files</source>
        <translation>Dateien löschen</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Delete %n file(s) from storage? This cannot be undone.</source>
        <translation>
            <numerusform>%n Datei aus dem Speicher löschen? Das lässt sich nicht rückgängig machen.</numerusform>
            <numerusform>%n Dateien aus dem Speicher löschen? Das lässt sich nicht rückgängig machen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Deleted %n file(s).</source>
        <translation>
            <numerusform>%n Datei gelöscht.</numerusform>
            <numerusform>%n Dateien gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Rename or move folder</source>
        <translation>Ordner umbenennen oder verschieben</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rename or move file</source>
        <translation>Datei umbenennen oder verschieben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New path for %1:</source>
        <translation>Neuer Pfad für %1:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>A path is required.</source>
        <translation>Ein Pfad ist erforderlich.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The path is unchanged.</source>
        <translation>Der Pfad ist unverändert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 already exists.</source>
        <translation>%1 existiert bereits.</translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>Moved %n file(s).</source>
        <translation>
            <numerusform>%n Datei verschoben.</numerusform>
            <numerusform>%n Dateien verschoben.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Save file as</source>
        <translation>Datei speichern unter</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is not on the server.</source>
        <translation>%1 ist nicht auf dem Server.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Downloading</source>
        <translation>Wird heruntergeladen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>HTTP status %1</source>
        <translation>HTTP-Status %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Download of %1 failed: %2</source>
        <translation>Herunterladen von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The URL was copied to the clipboard.</source>
        <translation>Die URL wurde in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Upload files</source>
        <translation>Dateien hochladen</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No preview for %1.</source>
        <translation>Keine Vorschau für %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is too large to preview.</source>
        <translation>%1 ist zu groß für eine Vorschau.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Loading preview…</source>
        <translation>Vorschau wird geladen…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The preview could not be loaded: %1</source>
        <translation>Die Vorschau konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The image could not be decoded.</source>
        <translation>Das Bild konnte nicht dekodiert werden.</translation>
    </message>
</context>
<context>
    <name>console::TxStep</name>
    <message>
        <location filename="../app/transact/txstep.cpp" line="+63"/>
        <source>A namespace is required.</source>
        <translation>Ein Namensraum ist erforderlich.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Invalid JSON at character %1: %2</source>
        <translation>Ungültiges JSON bei Zeichen %1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The attributes must be a JSON object.</source>
        <translation>Die Attribute müssen ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Row %1 has no name.</source>
        <translation>Zeile %1 hat keinen Namen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; appears more than once.</source>
        <translation>„%1“ kommt mehrfach vor.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1: a link target must be an entity id, a lookup__ string, a single-key object or an array of those.</source>
        <translation>%1: Ein Verknüpfungsziel muss eine Entitäts-ID, eine lookup__-Zeichenkette, ein Objekt mit einem einzigen Schlüssel oder ein Array davon sein.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add at least one link label and its target.</source>
        <translation>Mindestens einen Verknüpfungsnamen und sein Ziel hinzufügen.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A step is [op, namespace, id, …].</source>
        <translation>Ein Schritt ist [op, Namensraum, ID, …].</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unsupported step &quot;%1&quot;.</source>
        <translation>Nicht unterstützter Schritt „%1“.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The fourth element of a step must be an object.</source>
        <translation>Das vierte Element eines Schritts muss ein Objekt sein.</translation>
    </message>
</context>
<context>
    <name>console::TypedValue</name>
    <message>
        <location filename="../app/transact/typedvalue.cpp" line="+18"/>
        <source>A number is required.</source>
        <translation>Eine Zahl ist erforderlich.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;%1&quot; is not a number.</source>
        <translation>„%1“ ist keine Zahl.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;%1&quot; is not a boolean; use true or false.</source>
        <translation>„%1“ ist kein Wahrheitswert; true oder false verwenden.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Invalid JSON at character %1: %2</source>
        <translation>Ungültiges JSON bei Zeichen %1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exactly one JSON value is required.</source>
        <translation>Genau ein JSON-Wert ist erforderlich.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unknown value type.</source>
        <translation>Unbekannter Werttyp.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>String</source>
        <translation>Zeichenkette</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Boolean</source>
        <translation>Wahrheitswert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Null</source>
        <translation>Null</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
</context>
<context>
    <name>console::UsersPanel</name>
    <message>
        <location filename="../app/users/userspanel.cpp" line="+60"/>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh token</source>
        <translation>Refresh-Token</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>alice@example.com</source>
        <translation>alice@example.com</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Find user by</source>
        <translation>Benutzer suchen nach</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Attribute</source>
        <translation>Attribut</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This user</source>
        <translation>Dieser Benutzer</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Impersonate</source>
        <translation>Als Benutzer auftreten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create refresh token</source>
        <translation>Refresh-Token erzeugen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign out all sessions</source>
        <translation>Alle Sitzungen abmelden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete user…</source>
        <translation>Benutzer löschen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Refresh tokens</source>
        <translation>Refresh-Tokens</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a new token appears here</source>
        <translation>hier erscheint ein neues Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New token:</source>
        <translation>Neues Token:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>refresh token</source>
        <translation>Refresh-Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign out this token</source>
        <translation>Dieses Token abmelden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign out:</source>
        <translation>Abmelden:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The refresh token was copied to the clipboard.</source>
        <translation>Das Refresh-Token wurde in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Magic codes and guests</source>
        <translation>Magic Codes und Gäste</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email:</source>
        <translation>E-Mail:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>6-digit code</source>
        <translation>6-stelliger Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generate</source>
        <translation>Erzeugen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Creates a code without sending an email.</source>
        <translation>Erzeugt einen Code, ohne eine E-Mail zu senden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verify</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Code:</source>
        <translation>Code:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in a guest</source>
        <translation>Gast anmelden</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Working…</source>
        <translation>In Arbeit…</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+139"/>
        <source>&quot;%1&quot; is not an email address.</source>
        <translation>„%1“ ist keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <location line="-130"/>
        <source>&quot;%1&quot; is not a user id (a UUID).</source>
        <translation>„%1“ ist keine Benutzer-ID (eine UUID).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+61"/>
        <source>&quot;%1&quot; is not a refresh token (a UUID).</source>
        <translation>„%1“ ist kein Refresh-Token (eine UUID).</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>User found.</source>
        <translation>Benutzer gefunden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No user matches.</source>
        <translation>Kein Benutzer passt.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>A new refresh token was created.</source>
        <translation>Ein neues Refresh-Token wurde erzeugt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Every session of this user was signed out.</source>
        <translation>Alle Sitzungen dieses Benutzers wurden abgemeldet.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The token was signed out.</source>
        <translation>Das Token wurde abgemeldet.</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+11"/>
        <source>Delete user</source>
        <translation>Benutzer löschen</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>This deletes the user and their refresh tokens. Type the user id to confirm:</source>
        <translation>Damit werden der Benutzer und seine Refresh-Tokens gelöscht. Zur Bestätigung die Benutzer-ID eingeben:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This deletes the user and their refresh tokens. Type %1 to confirm:</source>
        <translation>Damit werden der Benutzer und seine Refresh-Tokens gelöscht. Zur Bestätigung %1 eingeben:</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The user was deleted.</source>
        <translation>Der Benutzer wurde gelöscht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The user no longer exists.</source>
        <translation>Der Benutzer existiert nicht mehr.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>A magic code was created (no email was sent).</source>
        <translation>Ein Magic Code wurde erzeugt (keine E-Mail gesendet).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>A magic code was sent to %1.</source>
        <translation>Ein Magic Code wurde an %1 gesendet.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Enter the code to verify.</source>
        <translation>Den zu prüfenden Code eingeben.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Code accepted; a new user was created.</source>
        <translation>Code akzeptiert; ein neuer Benutzer wurde angelegt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code accepted; the user is signed in.</source>
        <translation>Code akzeptiert; der Benutzer ist angemeldet.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>A guest user was signed in.</source>
        <translation>Ein Gastbenutzer wurde angemeldet.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This tab now acts as %1.</source>
        <translation>Dieser Tab tritt jetzt als %1 auf.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This tab now acts as this user (by refresh token).</source>
        <translation>Dieser Tab tritt jetzt als dieser Benutzer auf (per Refresh-Token).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This tab now acts as this user (by a new refresh token).</source>
        <translation>Dieser Tab tritt jetzt als dieser Benutzer auf (per neuem Refresh-Token).</translation>
    </message>
</context>
<context>
    <name>instant::AdminClient</name>
    <message>
        <location filename="../lib/adminclient.cpp" line="+172"/>
        <source>An admin token is required to impersonate a user by email.</source>
        <translation>Um per E-Mail als Benutzer aufzutreten, ist ein Admin-Token erforderlich.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An admin token is required for this request. Enter the app&apos;s admin token, or run the request as a user by refresh token or as a guest.</source>
        <translation>Für diese Anfrage ist ein Admin-Token erforderlich. Das Admin-Token der App eingeben oder die Anfrage als Benutzer per Refresh-Token oder als Gast ausführen.</translation>
    </message>
    <message>
        <location line="+182"/>
        <source>A token can only be created by email or id.</source>
        <translation>Ein Token lässt sich nur per E-Mail oder ID erzeugen.</translation>
    </message>
    <message>
        <location line="+103"/>
        <location line="+73"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>The upload source is not readable.</source>
        <translation>Die Quelle des Uploads ist nicht lesbar.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The size of a sequential upload source must be given (Content-Length).</source>
        <translation>Bei einer sequenziellen Upload-Quelle muss die Größe angegeben werden (Content-Length).</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The signed upload URL is not an http(s) URL.</source>
        <translation>Die signierte Upload-URL ist keine http(s)-URL.</translation>
    </message>
</context>
<context>
    <name>instant::Connection</name>
    <message>
        <location filename="../lib/connection.cpp" line="+61"/>
        <source>Cannot read the CA certificate file %1: %2</source>
        <translation>Die CA-Zertifikatsdatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file %1 contains no PEM certificate.</source>
        <translation>Die Datei %1 enthält kein PEM-Zertifikat.</translation>
    </message>
</context>
<context>
    <name>instant::Error</name>
    <message>
        <location filename="../lib/error.cpp" line="+89"/>
        <source>The server refused the connection. Check the server URL and that the server is running.</source>
        <translation>Der Server hat die Verbindung abgelehnt. Die Server-URL prüfen und ob der Server läuft.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server name could not be resolved. Check the server URL.</source>
        <translation>Der Servername konnte nicht aufgelöst werden. Die Server-URL prüfen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server could not be reached: %1</source>
        <translation>Der Server ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+3"/>
        <source>The secure connection could not be established: %1</source>
        <translation>Die sichere Verbindung konnte nicht hergestellt werden: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server did not answer in time.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server&apos;s answer could not be understood: %1</source>
        <translation>Die Antwort des Servers ist unverständlich: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The server does not know this request (HTTP 404). Check the server URL.</source>
        <translation>Der Server kennt diese Anfrage nicht (HTTP 404). Die Server-URL prüfen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server is busy or rate-limiting this app (HTTP 429): %1</source>
        <translation>Der Server ist ausgelastet oder drosselt diese App (HTTP 429): %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server answered with a redirect (HTTP %1), which is not followed. Check the server URL.</source>
        <translation>Der Server hat mit einer Weiterleitung geantwortet (HTTP %1), der nicht gefolgt wird. Die Server-URL prüfen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server failed (HTTP %1): %2</source>
        <translation>Fehler auf dem Server (HTTP %1): %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server rejected the request (HTTP %1).</source>
        <translation>Der Server hat die Anfrage abgelehnt (HTTP %1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server rejected the request: %1</source>
        <translation>Der Server hat die Anfrage abgelehnt: %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>timeout</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not sent</source>
        <translation>nicht gesendet</translation>
    </message>
</context>
<context>
    <name>instant::Identity</name>
    <message>
        <location filename="../lib/identity.cpp" line="+69"/>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>User with token %1…</source>
        <extracomment>%1 is the first characters of a refresh token</extracomment>
        <translation>Benutzer mit Token %1…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Guest</source>
        <translation>Gast</translation>
    </message>
</context>
<context>
    <name>instant::Job</name>
    <message>
        <location filename="../lib/apijob.cpp" line="+245"/>
        <source>The reply is larger than the limit of %1 bytes.</source>
        <translation>Die Antwort ist größer als die Grenze von %1 Byte.</translation>
    </message>
    <message>
        <location line="+87"/>
        <location line="+42"/>
        <source>Invalid JSON at byte %1: %2</source>
        <translation>Ungültiges JSON bei Byte %1: %2</translation>
    </message>
</context>
<context>
    <name>instant::LiveQuery</name>
    <message>
        <location filename="../lib/sse/livequery.cpp" line="+55"/>
        <location line="+41"/>
        <source>The live query was closed.</source>
        <translation>Die Live-Abfrage wurde geschlossen.</translation>
    </message>
    <message>
        <location line="+152"/>
        <source>The server sent an event that is too large.</source>
        <translation>Der Server hat ein zu großes Ereignis gesendet.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The server did not answer with an event stream.</source>
        <translation>Der Server hat nicht mit einem Ereignisstrom geantwortet.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The live query stream went silent.</source>
        <translation>Der Strom der Live-Abfrage ist verstummt.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Results arrived faster than the console could decode them.</source>
        <translation>Die Ergebnisse kamen schneller, als die Konsole sie dekodieren konnte.</translation>
    </message>
</context>
</TS>
