<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>console::CheckResultsModel</name>
    <message>
        <location filename="../app/permissions/checkresultsmodel.cpp" line="+38"/>
        <source>non-boolean</source>
        <extracomment>The rule returned something other than true or false</extracomment>
        <translation>non booléen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pass</source>
        <translation>réussi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>fail</source>
        <translation>échoué</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(no rule: allowed by default)</source>
        <translation>(aucune règle&#xa0;: autorisé par défaut)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Namespace</source>
        <translation>Espace de noms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Entity</source>
        <translation>Entité</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rule</source>
        <translation>Règle</translation>
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
        <translation>Instant Console&#xa0;: une console d’administration de bureau pour les applications InstantDB.

Sans option, elle rouvre les onglets de la dernière session&#xa0;; au tout premier démarrage, elle ouvre le bac à sable de démonstration intégré.
Le jeton d’administration n’est jamais pris sur la ligne de commande&#xa0;: il provient de la variable d’environnement INSTANT_ADMIN_TOKEN, du trousseau système ou d’une saisie.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show this help and exit.</source>
        <translation>Afficher cette aide et quitter.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the version and exit.</source>
        <translation>Afficher la version et quitter.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start the embedded sandbox with the demo data (kept in the application data folder) and connect to it.</source>
        <translation>Démarrer le bac à sable intégré avec les données de démonstration (conservées dans le dossier de données de l’application) et s’y connecter.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connect to the Instant server at &lt;url&gt; (e.g. https://api.instantdb.com).</source>
        <translation>Se connecter au serveur Instant à l’adresse &lt;url&gt; (p. ex. https://api.instantdb.com).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the app with id &lt;uuid&gt; (needs --server).</source>
        <translation>Ouvrir l’application d’id &lt;uuid&gt; (nécessite --server).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>uuid</source>
        <translation>uuid</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name of the connection profile to create or reuse.</source>
        <translation>Nom du profil de connexion à créer ou à réutiliser.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Unexpected argument: %1</source>
        <translation>Argument inattendu&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--server and --app-id go together.</source>
        <translation>--server et --app-id vont ensemble.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not a server URL: %1</source>
        <translation>Pas une URL de serveur&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The app id must be a UUID: %1</source>
        <translation>L’id de l’application doit être un UUID&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Try &apos;instant-console --help&apos;.</source>
        <translation>Essayez &apos;instant-console --help&apos;.</translation>
    </message>
</context>
<context>
    <name>console::CommandPalette</name>
    <message>
        <location filename="../app/palette/commandpalette.cpp" line="+66"/>
        <source>Type a command…</source>
        <translation>Tapez une commande…</translation>
    </message>
</context>
<context>
    <name>console::ConnectionDialog</name>
    <message>
        <location filename="../app/connections/connectiondialog.cpp" line="+32"/>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>My app</source>
        <translation>Mon application</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>00000000-0000-0000-0000-000000000000</source>
        <translation>00000000-0000-0000-0000-000000000000</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Admin token (kept out of the settings file)</source>
        <translation>Jeton d’administration (jamais écrit dans le fichier de paramètres)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional PEM file for a self-hosted server&apos;s CA</source>
        <translation>Fichier PEM facultatif de l’AC d’un serveur auto-hébergé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store in the system keychain</source>
        <translation>Enregistrer dans le trousseau système</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask every time</source>
        <translation>Demander à chaque fois</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep for this session only</source>
        <translation>Conserver pour cette session uniquement</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Server URL:</source>
        <translation>URL du &amp;serveur&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;App id:</source>
        <translation>Id de l’&amp;application&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Admin &amp;token:</source>
        <translation>&amp;Jeton d’administration&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token storage:</source>
        <translation>Stockage du jeton&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CA certificate:</source>
        <translation>Certificat d’AC&#xa0;:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>The server URL must be an http or https address.</source>
        <translation>L’URL du serveur doit être une adresse http ou https.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The app id is a UUID (see the Instant dashboard).</source>
        <translation>L’id de l’application est un UUID (voir le tableau de bord Instant).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>CA Certificate</source>
        <translation>Certificat d’AC</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certificats PEM (*.pem *.crt);;Tous les fichiers (*)</translation>
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
        <translation>Connexion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Live</source>
        <translation>En direct</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reconnecting</source>
        <translation>Reconnexion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
</context>
<context>
    <name>console::ConnectionView</name>
    <message>
        <location filename="../app/session/connectionview.cpp" line="+70"/>
        <source>Run Query</source>
        <translation>Exécuter la requête</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop Live Query</source>
        <translation>Arrêter la requête en direct</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+.</source>
        <translation>Ctrl+.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live Results</source>
        <translation>Résultats en direct</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Format Query</source>
        <translation>Mettre en forme la requête</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complete</source>
        <translation>Compléter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Space</source>
        <translation>Ctrl+Space</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Query History</source>
        <translation>Historique des requêtes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save Query As…</source>
        <translation>Enregistrer la requête sous…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved Queries</source>
        <translation>Requêtes enregistrées</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh Schema</source>
        <translation>Actualiser le schéma</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <location line="+197"/>
        <source>One-shot</source>
        <translation>Ponctuel</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+11"/>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Not running</source>
        <translation>Inactif</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Live</source>
        <translation>En direct</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reconnecting…</source>
        <translation>Reconnexion…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The query is not valid JSON; see the marked position</source>
        <translation>La requête n’est pas du JSON valide&#xa0;; voir la position signalée</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Line %1, column %2: %3</source>
        <translation>Ligne %1, colonne %2&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A query is a JSON object, such as {&quot;goals&quot;: {}}</source>
        <translation>Une requête est un objet JSON, tel que {&quot;goals&quot;: {}}</translation>
    </message>
    <message>
        <location line="+139"/>
        <source>No queries yet</source>
        <translation>Aucune requête pour l’instant</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No saved queries</source>
        <translation>Aucune requête enregistrée</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Save Query</source>
        <translation>Enregistrer la requête</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved “%1”</source>
        <translation>Requête «&#xa0;%1&#xa0;» enregistrée</translation>
    </message>
</context>
<context>
    <name>console::EditPanel</name>
    <message>
        <location filename="../app/editing/editpanel.cpp" line="+87"/>
        <source>Type:</source>
        <translation>Type&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value:</source>
        <translation>Valeur&#xa0;:</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Add entity</source>
        <translation>Ajouter une entité</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Namespace:</source>
        <translation>Espace de noms&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attributes (JSON object):</source>
        <translation>Attributs (objet JSON)&#xa0;:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>A namespace is required.</source>
        <translation>Un espace de noms est requis.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Invalid JSON at character %1: %2</source>
        <translation>JSON invalide au caractère %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The attributes must be a JSON object.</source>
        <translation>Les attributs doivent être un objet JSON.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Unlink entities</source>
        <translation>Délier des entités</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Link entities</source>
        <translation>Lier des entités</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>more ids, separated by spaces or commas</source>
        <translation>autres identifiants, séparés par des espaces ou des virgules</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Link label:</source>
        <translation>Nom du lien&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entities:</source>
        <translation>Entités&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ids:</source>
        <translation>Identifiants&#xa0;:</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>&quot;%1&quot; is not a UUID.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un UUID.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a link label.</source>
        <translation>Choisissez un nom de lien.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose at least one entity.</source>
        <translation>Choisissez au moins une entité.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Staged edits (applied together as one transaction):</source>
        <translation>Modifications en attente (appliquées ensemble en une seule transaction)&#xa0;:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Remove edit</source>
        <translation>Retirer la modification</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discard all</source>
        <translation>Tout abandonner</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+103"/>
        <source>Undo last apply</source>
        <translation>Annuler la dernière application</translation>
    </message>
    <message>
        <location line="-101"/>
        <location line="+271"/>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <location line="-227"/>
        <source>Edits</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The id of an entity cannot be edited.</source>
        <translation>L’identifiant d’une entité ne peut pas être modifié.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Edit %1…</source>
        <translation>Modifier %1…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add entity…</source>
        <translation>Ajouter une entité…</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Delete %n entity(s)…</source>
        <translation>
            <numerusform>Supprimer %n entité…</numerusform>
            <numerusform>Supprimer %n entités…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Link…</source>
        <translation>Lier…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlink…</source>
        <translation>Délier…</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Apply %n staged edit(s)</source>
        <translation>
            <numerusform>Appliquer %n modification en attente</numerusform>
            <numerusform>Appliquer %n modifications en attente</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard staged edits</source>
        <translation>Abandonner les modifications en attente</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Edit %1.%2</source>
        <translation>Modifier %1.%2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Delete entities</source>
        <translation>Supprimer des entités</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Stage the deletion of %n entity(s)? Their links are removed too; Apply sends the deletion.</source>
        <translation>
            <numerusform>Mettre en attente la suppression de %n entité&#xa0;? Ses liens sont aussi supprimés&#xa0;; «&#xa0;Appliquer&#xa0;» envoie la suppression.</numerusform>
            <numerusform>Mettre en attente la suppression de %n entités&#xa0;? Leurs liens sont aussi supprimés&#xa0;; «&#xa0;Appliquer&#xa0;» envoie la suppression.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Undone (tx-id %1).</source>
        <translation>Annulé (tx-id %1).</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Applied %n edit(s) (tx-id %1).</source>
        <translation>
            <numerusform>%n modification appliquée (tx-id %1).</numerusform>
            <numerusform>%n modifications appliquées (tx-id %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Applied %n edit(s) (tx-id %1). %2</source>
        <translation>
            <numerusform>%n modification appliquée (tx-id %1). %2</numerusform>
            <numerusform>%n modifications appliquées (tx-id %1). %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Apply %n edit(s)</source>
        <translation>
            <numerusform>Appliquer %n modification</numerusform>
            <numerusform>Appliquer %n modifications</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>console::EditStage</name>
    <message>
        <location filename="../app/editing/editstage.cpp" line="+83"/>
        <source>Set %1.%2 of %3 to %4</source>
        <translation>Définir %1.%2 de %3 à %4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create %1 %2 %3</source>
        <translation>Créer %1 %2 %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete %1 %2</source>
        <translation>Supprimer %1 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Link %1 %2 via %3 to %4</source>
        <translation>Lier %1 %2 via %3 à %4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unlink %1 %2 via %3 from %4</source>
        <translation>Délier %1 %2 via %3 de %4</translation>
    </message>
    <message>
        <location line="+173"/>
        <source>Deleting %1 %2 cannot be undone: its system data is not restored by a transaction.</source>
        <translation>La suppression de %1 %2 ne peut pas être annulée&#xa0;: ses données système ne sont pas restaurées par une transaction.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deleting %1 %2 cannot be undone: its values were not part of the results.</source>
        <translation>La suppression de %1 %2 ne peut pas être annulée&#xa0;: ses valeurs ne faisaient pas partie des résultats.</translation>
    </message>
</context>
<context>
    <name>console::ErrorPanel</name>
    <message>
        <location filename="../app/editor/errorpanel.cpp" line="+28"/>
        <source>No hint</source>
        <translation>Aucune indication</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dismiss</source>
        <translation>Ignorer</translation>
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
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Content type</source>
        <translation>Type de contenu</translation>
    </message>
</context>
<context>
    <name>console::ImpersonationBar</name>
    <message>
        <location filename="../app/impersonation/impersonationbar.cpp" line="+24"/>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As email</source>
        <translation>Par e-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As refresh token</source>
        <translation>Par jeton de rafraîchissement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As guest</source>
        <translation>En tant qu’invité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who queries, transactions and storage calls of this tab run as</source>
        <translation>Identité sous laquelle s’exécutent les requêtes, transactions et accès au stockage de cet onglet</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Run as:</source>
        <translation>Exécuter en tant que&#xa0;:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Back to Admin</source>
        <translation>Revenir à Admin</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>user@example.com</source>
        <translation>user@example.com</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refresh token (UUID)</source>
        <translation>Jeton de rafraîchissement (UUID)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Enter an email</source>
        <translation>Saisissez une adresse e-mail</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enter a refresh token</source>
        <translation>Saisissez un jeton de rafraîchissement</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“%1” is not an email address</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une adresse e-mail</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A refresh token is a UUID</source>
        <translation>Un jeton de rafraîchissement est un UUID</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+6"/>
        <source>No such user</source>
        <translation>Utilisateur introuvable</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Acting as %1 — permission rules apply to everything in this tab</source>
        <translation>En tant que %1 — les règles de permission s’appliquent à tout dans cet onglet</translation>
    </message>
</context>
<context>
    <name>console::JsonChecker</name>
    <message>
        <location filename="../app/editor/jsonchecker.cpp" line="+17"/>
        <source>end of text</source>
        <translation>fin du texte</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The query is empty; expected a JSON object such as {&quot;goals&quot;: {}}</source>
        <translation>La requête est vide&#xa0;; un objet JSON tel que {&quot;goals&quot;: {}} est attendu</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unexpected %1 after the end of the JSON value</source>
        <translation>%1 inattendu après la fin de la valeur JSON</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The JSON is nested too deeply</source>
        <translation>Le JSON est imbriqué trop profondément</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+7"/>
        <source>Expected a value but found %1</source>
        <translation>Valeur attendue, mais %1 trouvé</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Strings must use double quotes, not single quotes</source>
        <translation>Les chaînes doivent utiliser des guillemets doubles, pas des apostrophes</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Trailing comma before &apos;}&apos;</source>
        <translation>Virgule en trop avant &apos;}&apos;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Property names must be in double quotes</source>
        <translation>Les noms de propriété doivent être entre guillemets doubles</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expected a property name in double quotes but found %1</source>
        <translation>Nom de propriété entre guillemets doubles attendu, mais %1 trouvé</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Expected &apos;:&apos; after the property name but found %1</source>
        <translation>&apos;:&apos; attendu après le nom de propriété, mais %1 trouvé</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Missing &apos;,&apos; between properties</source>
        <translation>&apos;,&apos; manquante entre les propriétés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expected &apos;,&apos; or &apos;}&apos; but found %1</source>
        <translation>&apos;,&apos; ou &apos;}&apos; attendu, mais %1 trouvé</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Trailing comma before &apos;]&apos;</source>
        <translation>Virgule en trop avant &apos;]&apos;</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Expected &apos;,&apos; or &apos;]&apos; but found %1</source>
        <translation>&apos;,&apos; ou &apos;]&apos; attendu, mais %1 trouvé</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Unterminated string (a string cannot span lines)</source>
        <translation>Chaîne non terminée (une chaîne ne peut pas s’étendre sur plusieurs lignes)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Control characters must be escaped inside strings</source>
        <translation>Les caractères de contrôle doivent être échappés dans les chaînes</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Invalid \u escape: expected four hex digits</source>
        <translation>Échappement \u invalide&#xa0;: quatre chiffres hexadécimaux attendus</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Invalid escape sequence \%1</source>
        <translation>Séquence d’échappement \%1 invalide</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unterminated string</source>
        <translation>Chaîne non terminée</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Numbers cannot have leading zeros</source>
        <translation>Les nombres ne peuvent pas commencer par des zéros</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Expected a digit but found %1</source>
        <translation>Chiffre attendu, mais %1 trouvé</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Expected a digit after the decimal point</source>
        <translation>Chiffre attendu après le point décimal</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Expected a digit in the exponent</source>
        <translation>Chiffre attendu dans l’exposant</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Unknown word &apos;%1&apos;; strings must be in double quotes</source>
        <translation>Mot inconnu &apos;%1&apos;&#xa0;; les chaînes doivent être entre guillemets doubles</translation>
    </message>
</context>
<context>
    <name>console::KeychainError</name>
    <message>
        <location filename="../app/connections/tokenstore.cpp" line="+90"/>
        <source>No admin token is stored for this connection.</source>
        <translation>Aucun jeton d’administration n’est enregistré pour cette connexion.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No system keychain is available.</source>
        <translation>Aucun trousseau système n’est disponible.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Access to the system keychain was denied.</source>
        <translation>L’accès au trousseau système a été refusé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The system keychain did not answer in time (it may be locked).</source>
        <translation>Le trousseau système n’a pas répondu à temps (il est peut-être verrouillé).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The system keychain failed: %1</source>
        <translation>Échec du trousseau système&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>console::KeychainNotice</name>
    <message>
        <location filename="../app/connections/keychainnotice.cpp" line="+15"/>
        <source>Ask every time</source>
        <translation>Demander à chaque fois</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep for this session only</source>
        <translation>Conserver pour cette session uniquement</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Dismiss</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&lt;b&gt;The admin token of %1 could not be stored in the system keychain.&lt;/b&gt; %2 How should the console handle this token?</source>
        <translation>&lt;b&gt;Le jeton d’administration de %1 n’a pas pu être enregistré dans le trousseau système.&lt;/b&gt; %2 Que doit faire la console de ce jeton&#xa0;?</translation>
    </message>
</context>
<context>
    <name>console::MainWindow</name>
    <message>
        <location filename="../app/mainwindow.cpp" line="+157"/>
        <source>Demo sandbox running at %1</source>
        <translation>Bac à sable de démonstration actif à %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The demo sandbox could not start: %1</source>
        <translation>Le bac à sable de démonstration n’a pas pu démarrer&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>New Connection…</source>
        <translation>Nouvelle connexion…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open Demo Sandbox</source>
        <translation>Ouvrir le bac à sable de démonstration</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close Tab</source>
        <translation>Fermer l’onglet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+W</source>
        <translation>Ctrl+W</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Command Palette…</source>
        <translation>Palette de commandes…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Request Log</source>
        <translation>Journal des requêtes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next Tab</source>
        <translation>Onglet suivant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+PgDown</source>
        <translation>Ctrl+PgDown</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous Tab</source>
        <translation>Onglet précédent</translation>
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
        <translation>À propos d’Instant Console</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Ctrl+F1</source>
        <translation>Ctrl+F1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Follow System Colors</source>
        <translation>Suivre les couleurs du système</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Light Colors</source>
        <translation>Couleurs claires</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dark Colors</source>
        <translation>Couleurs sombres</translation>
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
        <translation>&lt;b&gt;Instant Console %1&lt;/b&gt;&lt;br&gt;Une console d’administration de bureau pour les applications InstantDB.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>System Default</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The new language applies when Instant Console starts again.</source>
        <translation>La nouvelle langue s’appliquera au prochain démarrage d’Instant Console.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Query</source>
        <translation>&amp;Requête</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No connection open</source>
        <translation>Aucune connexion ouverte</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Panels</source>
        <translation>&amp;Panneaux</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Open a connection first</source>
        <translation>Ouvrez d’abord une connexion</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>%1 — as %2</source>
        <translation>%1 — en tant que %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1
%2
State: %3</source>
        <translation>%1
%2
État&#xa0;: %3</translation>
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
        <translation>%1 — en tant que %2 — Instant Console</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No connection</source>
        <translation>Aucune connexion</translation>
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
            <numerusform>%n entité</numerusform>
            <numerusform>%n entités</numerusform>
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
        <translation>La console demandera ce jeton à chaque fois</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The token is kept in memory until the console quits</source>
        <translation>Le jeton est conservé en mémoire jusqu’à la fermeture de la console</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Admin Token</source>
        <translation>Jeton d’administration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Admin token for %1:</source>
        <translation>Jeton d’administration pour %1&#xa0;:</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Demo sandbox</source>
        <translation>Bac à sable de démonstration</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Open a connection with %1</source>
        <translation>Ouvrez une connexion avec %1</translation>
    </message>
</context>
<context>
    <name>console::PermissionsPanel</name>
    <message>
        <location filename="../app/permissions/permissionspanel.cpp" line="+64"/>
        <source>%1: invalid JSON at line %2, column %3: %4</source>
        <extracomment>%1 names the editor (&quot;Query&quot;, &quot;Rules&quot;), %2/%3 line and column, %4 the reason</extracomment>
        <translation>%1&#xa0;: JSON invalide à la ligne %2, colonne %3&#xa0;: %4</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Query (view rules)</source>
        <translation>Requête (règles view)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transaction (create, update, delete rules)</source>
        <translation>Transaction (règles create, update, delete)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Check:</source>
        <translation>&amp;Vérifier&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh token</source>
        <translation>Jeton de rafraîchissement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guest</source>
        <translation>Invité</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>alice@example.com</source>
        <translation>alice@example.com</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the tab&apos;s identity</source>
        <translation>Utiliser l’identité de l’onglet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;As:</source>
        <translation>&amp;En tant que&#xa0;:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Query or steps (JSON):</source>
        <translation>Requête ou étapes (JSON)&#xa0;:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Override the saved rules with:</source>
        <translation>Remplacer les règles enregistrées par&#xa0;:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Commit when every check passes</source>
        <translation>Valider si toutes les vérifications réussissent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run check</source>
        <translation>Lancer la vérification</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Permissions</source>
        <translation>Permissions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+6</source>
        <translation>Ctrl+6</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>&quot;%1&quot; is not an email address.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une adresse e-mail.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is not a refresh token (a UUID).</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un jeton de rafraîchissement (un UUID).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose whom to check as.</source>
        <translation>Choisissez l’identité pour la vérification.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Query</source>
        <translation>Requête</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Steps</source>
        <translation>Étapes</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rules</source>
        <translation>Règles</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rules: the override must be a JSON object.</source>
        <translation>Règles&#xa0;: le remplacement doit être un objet JSON.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Query: an InstaQL query is a JSON object.</source>
        <translation>Requête&#xa0;: une requête InstaQL est un objet JSON.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Steps: a transaction is a JSON array of steps.</source>
        <translation>Étapes&#xa0;: une transaction est un tableau JSON d’étapes.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The local sandbox does not evaluate permission rules: it reports no checks, and the result shows every entity unfiltered. Whether these rules allow this user to see them cannot be evaluated here.</source>
        <translation>Le bac à sable local n’évalue pas les règles de permission&#xa0;: il ne signale aucune vérification et le résultat montre toutes les entités sans filtre. Il est impossible d’évaluer ici si ces règles permettent à cet utilisateur de les voir.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The server reported no rule checks (%n entity(s) returned). Nothing here says whether a rule allowed or denied them.</source>
        <translation>
            <numerusform>Le serveur n’a signalé aucune vérification de règle (%n entité renvoyée). Rien n’indique ici si une règle l’a autorisée ou refusée.</numerusform>
            <numerusform>Le serveur n’a signalé aucune vérification de règle (%n entités renvoyées). Rien n’indique ici si une règle les a autorisées ou refusées.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+45"/>
        <source>The rules override was sent but had no visible effect.</source>
        <translation>Le remplacement des règles a été envoyé mais n’a eu aucun effet visible.</translation>
    </message>
    <message numerus="yes">
        <location line="-42"/>
        <source>%1 passed, %2 failed, %n entity(s) in the result.</source>
        <translation>
            <numerusform>%1 réussie(s), %2 échouée(s), %n entité dans le résultat.</numerusform>
            <numerusform>%1 réussie(s), %2 échouée(s), %n entités dans le résultat.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The local sandbox cannot evaluate custom rules. Clear &quot;Override the saved rules&quot; to check the steps against the default rules.</source>
        <translation>Le bac à sable local ne peut pas évaluer de règles personnalisées. Videz «&#xa0;Remplacer les règles enregistrées par&#xa0;» pour vérifier les étapes avec les règles par défaut.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>All checks passed (%1 passed, %2 failed).</source>
        <translation>Toutes les vérifications ont réussi (%1 réussie(s), %2 échouée(s)).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Some checks failed (%1 passed, %2 failed).</source>
        <translation>Certaines vérifications ont échoué (%1 réussie(s), %2 échouée(s)).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The transaction was committed (tx-id %1).</source>
        <translation>La transaction a été validée (tx-id %1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was committed.</source>
        <translation>Rien n’a été validé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The local sandbox checks only the default rules: your own namespaces allow everything, and system namespaces such as $users and $files use Instant&apos;s built-in rules. It cannot evaluate custom rules, so these results say nothing about the rules saved on a real server.</source>
        <translation>Le bac à sable local ne vérifie que les règles par défaut&#xa0;: vos propres espaces de noms autorisent tout, et les espaces de noms système tels que $users et $files utilisent les règles intégrées d’Instant. Il ne peut pas évaluer de règles personnalisées&#xa0;; ces résultats ne disent donc rien des règles enregistrées sur un vrai serveur.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server reported no rule checks for these steps, so &quot;all checks ok&quot; says nothing about the rules.</source>
        <translation>Le serveur n’a signalé aucune vérification de règle pour ces étapes&#xa0;; «&#xa0;all checks ok&#xa0;» ne dit donc rien des règles.</translation>
    </message>
</context>
<context>
    <name>console::PresenceModel</name>
    <message>
        <location filename="../app/presence/presencemodel.cpp" line="+41"/>
        <source>(anonymous)</source>
        <translation>(anonyme)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Peer</source>
        <translation>Pair</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Peer data</source>
        <translation>Données du pair</translation>
    </message>
</context>
<context>
    <name>console::PresencePanel</name>
    <message>
        <location filename="../app/presence/presencepanel.cpp" line="+34"/>
        <source>e.g. chat</source>
        <translation>p. ex. chat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>room id</source>
        <translation>id du salon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Room &amp;type:</source>
        <translation>&amp;Type de salon&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Room &amp;id:</source>
        <translation>&amp;Id du salon&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh every</source>
        <translation>Actualiser toutes les</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Presence</source>
        <translation>Présence</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+4</source>
        <translation>Ctrl+4</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Enter a room type.</source>
        <translation>Saisissez un type de salon.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enter a room id.</source>
        <translation>Saisissez un id de salon.</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>%n session(s) at %1</source>
        <translation>
            <numerusform>%n session à %1</numerusform>
            <numerusform>%n sessions à %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>console::QueryEditor</name>
    <message>
        <location filename="../app/editor/queryeditor.cpp" line="+144"/>
        <source>Line %1, column %2: %3</source>
        <translation>Ligne %1, colonne %2&#xa0;: %3</translation>
    </message>
</context>
<context>
    <name>console::RequestLogDock</name>
    <message>
        <location filename="../app/requestlog/requestlogdock.cpp" line="+25"/>
        <source>Request Log</source>
        <translation>Journal des requêtes</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Errors only</source>
        <translation>Erreurs uniquement</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Filter by route, method, status…</source>
        <translation>Filtrer par route, méthode, statut…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy as curl</source>
        <translation>Copier en tant que curl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+U</source>
        <translation>Ctrl+Shift+U</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy as curl with Secrets…</source>
        <translation>Copier en tant que curl avec les secrets…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Alt+Shift+U</source>
        <translation>Ctrl+Alt+Shift+U</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear Request Log</source>
        <translation>Vider le journal des requêtes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Alt+L</source>
        <translation>Ctrl+Alt+L</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Copy with Secrets</source>
        <translation>Copier avec les secrets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The command will contain the admin token or refresh token in plain text. Anyone who sees it gets full access to the app. Copy it anyway?</source>
        <translation>La commande contiendra le jeton d’administration ou de rafraîchissement en clair. Quiconque la voit obtient un accès complet à l’application. La copier quand même&#xa0;?</translation>
    </message>
</context>
<context>
    <name>console::RequestLogModel</name>
    <message>
        <location filename="../app/requestlog/requestlogmodel.cpp" line="+125"/>
        <source>streaming</source>
        <translation>en flux</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (closed)</source>
        <translation>%1 (fermé)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As</source>
        <translation>En tant que</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
</context>
<context>
    <name>console::ResultExport</name>
    <message>
        <location filename="../app/results/resultexport.cpp" line="+20"/>
        <location line="+3"/>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>The result has no namespace %1</source>
        <translation>Le résultat n’a pas d’espace de noms %1</translation>
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
            <numerusform>%n entité</numerusform>
            <numerusform>%n entités</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>[%n items]</source>
        <translation>
            <numerusform>[%n élément]</numerusform>
            <numerusform>[%n éléments]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>{%n keys}</source>
        <translation>
            <numerusform>{%n clé}</numerusform>
            <numerusform>{%n clés}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
</context>
<context>
    <name>console::ResultsView</name>
    <message>
        <location filename="../app/results/resultsview.cpp" line="+96"/>
        <source>Filter rows…</source>
        <translation>Filtrer les lignes…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Tree</source>
        <translation>Arbre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Table</source>
        <translation>Tableau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Copy Value</source>
        <translation>Copier la valeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy JSON Path</source>
        <translation>Copier le chemin JSON</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy Entity Id</source>
        <translation>Copier l’identifiant de l’entité</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Alt+C</source>
        <translation>Ctrl+Alt+C</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export Result as JSON…</source>
        <translation>Exporter le résultat en JSON…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export Namespace as CSV…</source>
        <translation>Exporter l’espace de noms en CSV…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Alt+E</source>
        <translation>Ctrl+Alt+E</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show Result as Tree</source>
        <translation>Afficher le résultat en arbre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alt+1</source>
        <translation>Alt+1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show Result as Table</source>
        <translation>Afficher le résultat en tableau</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alt+2</source>
        <translation>Alt+2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show Result as JSON</source>
        <translation>Afficher le résultat en JSON</translation>
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

… tronqué à %1 Mo&#xa0;; exportez le résultat pour tout voir.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Value copied</source>
        <translation>Valeur copiée</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>JSON path copied</source>
        <translation>Chemin JSON copié</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Id copied</source>
        <translation>Identifiant copié</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export Result</source>
        <translation>Exporter le résultat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>Fichiers JSON (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing to export</source>
        <translation>Rien à exporter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export %1 as CSV</source>
        <translation>Exporter %1 en CSV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Fichiers CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Exported %1 (%2 bytes)</source>
        <translation>%1 exporté (%2 octets)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
</context>
<context>
    <name>console::StepBuilderPanel</name>
    <message>
        <location filename="../app/transact/stepbuilderpanel.cpp" line="+119"/>
        <source>Transact</source>
        <translation>Transaction</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Add step</source>
        <translation>Ajouter une étape</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move the step up</source>
        <translation>Monter l’étape</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move the step down</source>
        <translation>Descendre l’étape</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&amp;Operation:</source>
        <translation>&amp;Opération&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. goals</source>
        <translation>p. ex. goals</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Namespace:</source>
        <translation>Espace de &amp;noms&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lookup [attr, value]</source>
        <translation>Recherche [attribut, valeur]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lookup {attr: value}</source>
        <translation>Recherche {attribut: valeur}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lookup string</source>
        <translation>Chaîne de recherche</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>entity UUID</source>
        <translation>UUID de l’entité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New id</source>
        <translation>Nouvel id</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unique attribute, or label.id</source>
        <translation>attribut unique, ou label.id</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>value</source>
        <translation>valeur</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Entity:</source>
        <translation>&amp;Entité&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fail if the entity does not exist (upsert: false)</source>
        <translation>Échouer si l’entité n’existe pas (upsert: false)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Edit as raw JSON</source>
        <translation>Modifier en JSON brut</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add attribute</source>
        <translation>Ajouter un attribut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove attribute</source>
        <translation>Retirer l’attribut</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Attributes:</source>
        <translation>&amp;Attributs&#xa0;:</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Steps sent to /admin/transact:</source>
        <translation>Étapes envoyées à /admin/transact&#xa0;:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Fail on unknown attributes</source>
        <translation>Échouer sur les attributs inconnus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run</source>
        <translation>Exécuter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dry run</source>
        <translation>Essai à blanc</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checks the permission rules for the impersonated user and rolls back.</source>
        <translation>Vérifie les règles de permission pour l’utilisateur incarné, puis annule tout.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Scope</source>
        <translation>Portée</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Namespace</source>
        <translation>Espace de noms</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Entity</source>
        <translation>Entité</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <location line="+246"/>
        <source>Step %1 is not valid yet: %2</source>
        <extracomment>%1 is the step number, %2 the reason</extracomment>
        <translation>L’étape %1 n’est pas encore valide&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Runs as admin (rules bypassed)</source>
        <translation>S’exécute en tant qu’admin (règles contournées)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs as %1 (rules enforced)</source>
        <translation>S’exécute en tant que %1 (règles appliquées)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Delete entities</source>
        <translation>Supprimer des entités</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>This transaction deletes %n entity(s), together with their links and anything that cascades.</source>
        <translation>
            <numerusform>Cette transaction supprime %n entité, avec ses liens et tout ce qui en dépend en cascade.</numerusform>
            <numerusform>Cette transaction supprime %n entités, avec leurs liens et tout ce qui en dépend en cascade.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run it as %1?</source>
        <translation>L’exécuter en tant que %1&#xa0;?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete and run</source>
        <translation>Supprimer et exécuter</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Committed: tx-id %1</source>
        <translation>Validé&#xa0;: tx-id %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>All checks passed; the transaction was committed.</source>
        <translation>Toutes les vérifications ont réussi&#xa0;; la transaction a été validée.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Dry run: all %n check(s) passed; nothing was committed.</source>
        <translation>
            <numerusform>Essai à blanc&#xa0;: %n vérification réussie&#xa0;; rien n’a été validé.</numerusform>
            <numerusform>Essai à blanc&#xa0;: les %n vérifications ont réussi&#xa0;; rien n’a été validé.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dry run: some checks failed; nothing was committed.</source>
        <translation>Essai à blanc&#xa0;: certaines vérifications ont échoué&#xa0;; rien n’a été validé.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(no rule: allowed by default)</source>
        <translation>(aucune règle&#xa0;: autorisé par défaut)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pass</source>
        <translation>réussi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>fail</source>
        <translation>échoué</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server reported no rule checks, so the rules for these steps could not be evaluated.</source>
        <translation>Le serveur n’a signalé aucune vérification de règle&#xa0;; les règles de ces étapes n’ont donc pas pu être évaluées.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Step %1: %2</source>
        <translation>Étape %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>console::StepEntity</name>
    <message>
        <location filename="../app/transact/stepentity.cpp" line="+48"/>
        <source>An entity id is required; use &quot;New id&quot; to make one.</source>
        <translation>Un identifiant d’entité est requis&#xa0;; utilisez «&#xa0;Nouvel id&#xa0;» pour en créer un.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; is not a UUID (expected 8-4-4-4-12 hexadecimal digits).</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un UUID (8-4-4-4-12 chiffres hexadécimaux attendus).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A lookup needs a unique attribute name.</source>
        <translation>Une recherche nécessite le nom d’un attribut unique.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lookup value: %1</source>
        <translation>Valeur de recherche&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A lookup value must be a string, number or boolean.</source>
        <translation>Une valeur de recherche doit être une chaîne, un nombre ou un booléen.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Unknown entity id form.</source>
        <translation>Forme d’identifiant d’entité inconnue.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+7"/>
        <source>Malformed lookup string &quot;%1&quot;.</source>
        <translation>Chaîne de recherche mal formée «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>An entity id must be a UUID or a lookup.</source>
        <translation>Un identifiant d’entité doit être un UUID ou une recherche.</translation>
    </message>
</context>
<context>
    <name>console::StepsModel</name>
    <message>
        <location filename="../app/transact/stepsmodel.cpp" line="+33"/>
        <source>lookup %1</source>
        <translation>recherche %1</translation>
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
        <translation>(aucun espace de noms)</translation>
    </message>
</context>
<context>
    <name>console::StoragePanel</name>
    <message>
        <location filename="../app/storage/storagepanel.cpp" line="+150"/>
        <source>Upload…</source>
        <translation>Téléverser…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as…</source>
        <translation>Enregistrer sous…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy URL</source>
        <translation>Copier l’URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rename or move…</source>
        <translation>Renommer ou déplacer…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+599"/>
        <source>Select a file to preview it.</source>
        <translation>Sélectionnez un fichier pour l’afficher en aperçu.</translation>
    </message>
    <message>
        <location line="-580"/>
        <source>Transfers (drop files or folders on the tree to upload):</source>
        <translation>Transferts (déposez des fichiers ou dossiers sur l’arborescence pour les téléverser)&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel selected</source>
        <translation>Annuler la sélection</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel all</source>
        <translation>Tout annuler</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Local file</source>
        <translation>Fichier local</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Storage</source>
        <translation>Stockage</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+5</source>
        <translation>Ctrl+5</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Live</source>
        <translation>En direct</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not live</source>
        <translation>Pas en direct</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Reading the dropped files…</source>
        <translation>Lecture des fichiers déposés…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Nothing to upload: the drop held no readable files.</source>
        <translation>Rien à téléverser&#xa0;: le dépôt ne contenait aucun fichier lisible.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Overwrite files</source>
        <translation>Écraser des fichiers</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n file(s) already exist on the server.</source>
        <translation>
            <numerusform>%n fichier existe déjà sur le serveur.</numerusform>
            <numerusform>%n fichiers existent déjà sur le serveur.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Overwrite</source>
        <translation>Écraser</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skip existing</source>
        <translation>Ignorer les existants</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Upload cancelled.</source>
        <translation>Téléversement annulé.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Queued</source>
        <translation>En attente</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n upload(s) pending.</source>
        <translation>
            <numerusform>%n téléversement en attente.</numerusform>
            <numerusform>%n téléversements en attente.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Uploading</source>
        <translation>Téléversement</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+47"/>
        <location line="+18"/>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message numerus="yes">
        <location line="-36"/>
        <source>%n upload(s) failed; see the transfer list.</source>
        <translation>
            <numerusform>%n téléversement a échoué&#xa0;; voir la liste des transferts.</numerusform>
            <numerusform>%n téléversements ont échoué&#xa0;; voir la liste des transferts.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Uploads finished: %1 done, %2 cancelled.</source>
        <translation>Téléversements terminés&#xa0;: %1 réussi(s), %2 annulé(s).</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Delete files</source>
        <translation>Supprimer des fichiers</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Delete %n file(s) from storage? This cannot be undone.</source>
        <translation>
            <numerusform>Supprimer %n fichier du stockage&#xa0;? Cette action est irréversible.</numerusform>
            <numerusform>Supprimer %n fichiers du stockage&#xa0;? Cette action est irréversible.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Deleted %n file(s).</source>
        <translation>
            <numerusform>%n fichier supprimé.</numerusform>
            <numerusform>%n fichiers supprimés.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Rename or move folder</source>
        <translation>Renommer ou déplacer le dossier</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rename or move file</source>
        <translation>Renommer ou déplacer le fichier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New path for %1:</source>
        <translation>Nouveau chemin pour %1&#xa0;:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>A path is required.</source>
        <translation>Un chemin est requis.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The path is unchanged.</source>
        <translation>Le chemin est inchangé.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 already exists.</source>
        <translation>%1 existe déjà.</translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>Moved %n file(s).</source>
        <translation>
            <numerusform>%n fichier déplacé.</numerusform>
            <numerusform>%n fichiers déplacés.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Save file as</source>
        <translation>Enregistrer le fichier sous</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is not on the server.</source>
        <translation>%1 n’est pas sur le serveur.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Downloading</source>
        <translation>Téléchargement</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>HTTP status %1</source>
        <translation>Statut HTTP %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Download of %1 failed: %2</source>
        <translation>Échec du téléchargement de %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved %1.</source>
        <translation>%1 enregistré.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The URL was copied to the clipboard.</source>
        <translation>L’URL a été copiée dans le presse-papiers.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Upload files</source>
        <translation>Téléverser des fichiers</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No preview for %1.</source>
        <translation>Pas d’aperçu pour %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is too large to preview.</source>
        <translation>%1 est trop volumineux pour un aperçu.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Loading preview…</source>
        <translation>Chargement de l’aperçu…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The preview could not be loaded: %1</source>
        <translation>L’aperçu n’a pas pu être chargé&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The image could not be decoded.</source>
        <translation>L’image n’a pas pu être décodée.</translation>
    </message>
</context>
<context>
    <name>console::TxStep</name>
    <message>
        <location filename="../app/transact/txstep.cpp" line="+63"/>
        <source>A namespace is required.</source>
        <translation>Un espace de noms est requis.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Invalid JSON at character %1: %2</source>
        <translation>JSON invalide au caractère %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The attributes must be a JSON object.</source>
        <translation>Les attributs doivent être un objet JSON.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Row %1 has no name.</source>
        <translation>La ligne %1 n’a pas de nom.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; appears more than once.</source>
        <translation>«&#xa0;%1&#xa0;» apparaît plusieurs fois.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1: a link target must be an entity id, a lookup__ string, a single-key object or an array of those.</source>
        <translation>%1&#xa0;: la cible d’un lien doit être un identifiant d’entité, une chaîne lookup__, un objet à clé unique ou un tableau de ceux-ci.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add at least one link label and its target.</source>
        <translation>Ajoutez au moins un nom de lien et sa cible.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A step is [op, namespace, id, …].</source>
        <translation>Une étape est de la forme [op, espace de noms, id, …].</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unsupported step &quot;%1&quot;.</source>
        <translation>Étape «&#xa0;%1&#xa0;» non prise en charge.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The fourth element of a step must be an object.</source>
        <translation>Le quatrième élément d’une étape doit être un objet.</translation>
    </message>
</context>
<context>
    <name>console::TypedValue</name>
    <message>
        <location filename="../app/transact/typedvalue.cpp" line="+18"/>
        <source>A number is required.</source>
        <translation>Un nombre est requis.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;%1&quot; is not a number.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un nombre.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;%1&quot; is not a boolean; use true or false.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un booléen&#xa0;; utilisez true ou false.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Invalid JSON at character %1: %2</source>
        <translation>JSON invalide au caractère %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exactly one JSON value is required.</source>
        <translation>Une seule valeur JSON est requise.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unknown value type.</source>
        <translation>Type de valeur inconnu.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>String</source>
        <translation>Chaîne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Boolean</source>
        <translation>Booléen</translation>
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
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh token</source>
        <translation>Jeton de rafraîchissement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>alice@example.com</source>
        <translation>alice@example.com</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Find user by</source>
        <translation>Rechercher l’utilisateur par</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Attribute</source>
        <translation>Attribut</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This user</source>
        <translation>Cet utilisateur</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Impersonate</source>
        <translation>Emprunter l’identité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create refresh token</source>
        <translation>Créer un jeton de rafraîchissement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign out all sessions</source>
        <translation>Déconnecter toutes les sessions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete user…</source>
        <translation>Supprimer l’utilisateur…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Refresh tokens</source>
        <translation>Jetons de rafraîchissement</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a new token appears here</source>
        <translation>un nouveau jeton apparaît ici</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New token:</source>
        <translation>Nouveau jeton&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>refresh token</source>
        <translation>jeton de rafraîchissement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign out this token</source>
        <translation>Déconnecter ce jeton</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign out:</source>
        <translation>Déconnecter&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The refresh token was copied to the clipboard.</source>
        <translation>Le jeton de rafraîchissement a été copié dans le presse-papiers.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Magic codes and guests</source>
        <translation>Codes magiques et invités</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>email</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email:</source>
        <translation>E-mail&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>6-digit code</source>
        <translation>code à 6 chiffres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generate</source>
        <translation>Générer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Creates a code without sending an email.</source>
        <translation>Crée un code sans envoyer d’e-mail.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verify</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Code:</source>
        <translation>Code&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in a guest</source>
        <translation>Connecter un invité</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Working…</source>
        <translation>En cours…</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+139"/>
        <source>&quot;%1&quot; is not an email address.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une adresse e-mail.</translation>
    </message>
    <message>
        <location line="-130"/>
        <source>&quot;%1&quot; is not a user id (a UUID).</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un identifiant d’utilisateur (un UUID).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+61"/>
        <source>&quot;%1&quot; is not a refresh token (a UUID).</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un jeton de rafraîchissement (un UUID).</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>User found.</source>
        <translation>Utilisateur trouvé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No user matches.</source>
        <translation>Aucun utilisateur ne correspond.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>A new refresh token was created.</source>
        <translation>Un nouveau jeton de rafraîchissement a été créé.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Every session of this user was signed out.</source>
        <translation>Toutes les sessions de cet utilisateur ont été déconnectées.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The token was signed out.</source>
        <translation>Le jeton a été déconnecté.</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+11"/>
        <source>Delete user</source>
        <translation>Supprimer l’utilisateur</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>This deletes the user and their refresh tokens. Type the user id to confirm:</source>
        <translation>Cela supprime l’utilisateur et ses jetons de rafraîchissement. Saisissez l’identifiant de l’utilisateur pour confirmer&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This deletes the user and their refresh tokens. Type %1 to confirm:</source>
        <translation>Cela supprime l’utilisateur et ses jetons de rafraîchissement. Saisissez %1 pour confirmer&#xa0;:</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The user was deleted.</source>
        <translation>L’utilisateur a été supprimé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The user no longer exists.</source>
        <translation>L’utilisateur n’existe plus.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>A magic code was created (no email was sent).</source>
        <translation>Un code magique a été créé (aucun e-mail envoyé).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>A magic code was sent to %1.</source>
        <translation>Un code magique a été envoyé à %1.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Enter the code to verify.</source>
        <translation>Saisissez le code à vérifier.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Code accepted; a new user was created.</source>
        <translation>Code accepté&#xa0;; un nouvel utilisateur a été créé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code accepted; the user is signed in.</source>
        <translation>Code accepté&#xa0;; l’utilisateur est connecté.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>A guest user was signed in.</source>
        <translation>Un utilisateur invité a été connecté.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This tab now acts as %1.</source>
        <translation>Cet onglet agit désormais en tant que %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This tab now acts as this user (by refresh token).</source>
        <translation>Cet onglet agit désormais en tant que cet utilisateur (par jeton de rafraîchissement).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This tab now acts as this user (by a new refresh token).</source>
        <translation>Cet onglet agit désormais en tant que cet utilisateur (par un nouveau jeton de rafraîchissement).</translation>
    </message>
</context>
<context>
    <name>instant::AdminClient</name>
    <message>
        <location filename="../lib/adminclient.cpp" line="+172"/>
        <source>An admin token is required to impersonate a user by email.</source>
        <translation>Un jeton d’administration est requis pour emprunter l’identité d’un utilisateur par e-mail.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An admin token is required for this request. Enter the app&apos;s admin token, or run the request as a user by refresh token or as a guest.</source>
        <translation>Un jeton d’administration est requis pour cette requête. Saisissez le jeton d’administration de l’application, ou exécutez la requête en tant qu’utilisateur par jeton de rafraîchissement ou en tant qu’invité.</translation>
    </message>
    <message>
        <location line="+182"/>
        <source>A token can only be created by email or id.</source>
        <translation>Un jeton ne peut être créé que par e-mail ou par identifiant.</translation>
    </message>
    <message>
        <location line="+103"/>
        <location line="+73"/>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>The upload source is not readable.</source>
        <translation>La source du téléversement n’est pas lisible.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The size of a sequential upload source must be given (Content-Length).</source>
        <translation>La taille d’une source de téléversement séquentielle doit être indiquée (Content-Length).</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The signed upload URL is not an http(s) URL.</source>
        <translation>L’URL de téléversement signée n’est pas une URL http(s).</translation>
    </message>
</context>
<context>
    <name>instant::Connection</name>
    <message>
        <location filename="../lib/connection.cpp" line="+61"/>
        <source>Cannot read the CA certificate file %1: %2</source>
        <translation>Impossible de lire le fichier de certificat d’AC %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file %1 contains no PEM certificate.</source>
        <translation>Le fichier %1 ne contient aucun certificat PEM.</translation>
    </message>
</context>
<context>
    <name>instant::Error</name>
    <message>
        <location filename="../lib/error.cpp" line="+89"/>
        <source>The server refused the connection. Check the server URL and that the server is running.</source>
        <translation>Le serveur a refusé la connexion. Vérifiez l’URL du serveur et que le serveur fonctionne.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server name could not be resolved. Check the server URL.</source>
        <translation>Le nom du serveur n’a pas pu être résolu. Vérifiez l’URL du serveur.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server could not be reached: %1</source>
        <translation>Le serveur est injoignable&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+3"/>
        <source>The secure connection could not be established: %1</source>
        <translation>La connexion sécurisée n’a pas pu être établie&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server did not answer in time.</source>
        <translation>Le serveur n’a pas répondu à temps.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The request was cancelled.</source>
        <translation>La requête a été annulée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server&apos;s answer could not be understood: %1</source>
        <translation>La réponse du serveur est incompréhensible&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The server does not know this request (HTTP 404). Check the server URL.</source>
        <translation>Le serveur ne connaît pas cette requête (HTTP 404). Vérifiez l’URL du serveur.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server is busy or rate-limiting this app (HTTP 429): %1</source>
        <translation>Le serveur est surchargé ou limite le débit de cette application (HTTP 429)&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server answered with a redirect (HTTP %1), which is not followed. Check the server URL.</source>
        <translation>Le serveur a répondu par une redirection (HTTP %1), qui n’est pas suivie. Vérifiez l’URL du serveur.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server failed (HTTP %1): %2</source>
        <translation>Erreur du serveur (HTTP %1)&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server rejected the request (HTTP %1).</source>
        <translation>Le serveur a rejeté la requête (HTTP %1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server rejected the request: %1</source>
        <translation>Le serveur a rejeté la requête&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>network</source>
        <translation>réseau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>timeout</source>
        <translation>délai dépassé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>protocol</source>
        <translation>protocole</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not sent</source>
        <translation>non envoyé</translation>
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
        <translation>Utilisateur %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>User with token %1…</source>
        <extracomment>%1 is the first characters of a refresh token</extracomment>
        <translation>Utilisateur au jeton %1…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Guest</source>
        <translation>Invité</translation>
    </message>
</context>
<context>
    <name>instant::Job</name>
    <message>
        <location filename="../lib/apijob.cpp" line="+245"/>
        <source>The reply is larger than the limit of %1 bytes.</source>
        <translation>La réponse dépasse la limite de %1 octets.</translation>
    </message>
    <message>
        <location line="+87"/>
        <location line="+42"/>
        <source>Invalid JSON at byte %1: %2</source>
        <translation>JSON invalide à l’octet %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>instant::LiveQuery</name>
    <message>
        <location filename="../lib/sse/livequery.cpp" line="+55"/>
        <location line="+41"/>
        <source>The live query was closed.</source>
        <translation>La requête en direct a été fermée.</translation>
    </message>
    <message>
        <location line="+152"/>
        <source>The server sent an event that is too large.</source>
        <translation>Le serveur a envoyé un événement trop volumineux.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The server did not answer with an event stream.</source>
        <translation>Le serveur n’a pas répondu par un flux d’événements.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The live query stream went silent.</source>
        <translation>Le flux de la requête en direct est resté muet.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Results arrived faster than the console could decode them.</source>
        <translation>Les résultats sont arrivés plus vite que la console ne pouvait les décoder.</translation>
    </message>
</context>
</TS>
