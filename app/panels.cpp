#include "panels.h"

#include "editing/editpanel.h"
#include "mainwindow.h"
#include "permissions/permissionspanel.h"
#include "presence/presencepanel.h"
#include "session/panelfactory.h"
#include "storage/storagepanel.h"
#include "transact/stepbuilderpanel.h"
#include "users/userspanel.h"

namespace console {

void registerPanels(MainWindow &window)
{
    // Each panel describes itself (id, title, icon, shortcut, how to build it for a tab's session).
    window.addPanel(StepBuilderPanel::factory());
    window.addPanel(EditPanel::factory());
    window.addPanel(UsersPanel::factory());
    window.addPanel(PresencePanel::factory());
    window.addPanel(StoragePanel::factory());
    window.addPanel(PermissionsPanel::factory());
}

} // namespace console
