#pragma once

#include <functional>

#include <QIcon>
#include <QKeySequence>
#include <QString>

class QWidget;

namespace console {

class ConnectionSession;

/**
 * How a tool panel (transact builder, users, storage …) is plugged into the main window.
 *
 * MainWindow::addPanel() turns each factory into an action (menu "Panels", toolbar, command palette,
 * the shortcut). The first time the action is triggered in a connection tab, create() builds the panel
 * for that tab's session (or the tab does so up front, see createWithTab); it is shown in the tab's panel
 * area and kept until the tab closes. A panel asks to be shown with session->requestPanel(id). The panel
 * must follow session->identity() (signal identityChanged) for every call it makes.
 */
struct PanelFactory {
    /** Stable id, used for settings ("transact", "users" …). */
    QString id;
    /** Translated title shown on the panel's tab and in menus. */
    QString title;
    QIcon icon;
    QKeySequence shortcut;
    std::function<QWidget *(ConnectionSession *session, QWidget *parent)> create;
    /**
     * Create the panel, hidden, together with each connection tab instead of on first use. For panels
     * that hook into the results (editing), which must work before the user has ever opened them.
     */
    bool createWithTab = false;
};

} // namespace console
