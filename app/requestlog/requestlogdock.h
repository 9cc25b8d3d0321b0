#pragma once

#include <QDockWidget>
#include <QPointer>

class QAction;
class QCheckBox;
class QLineEdit;
class QTableView;

namespace instant {
class RequestLog;
}

namespace console {

class RequestLogFilter;
class RequestLogModel;

/**
 * A dock listing every HTTP call of the window (method, route, identity, status, time, size),
 * filterable, with "Copy as curl" (secrets redacted) and, only on explicit request, with secrets.
 */
class RequestLogDock final : public QDockWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestLogDock)
public:
    explicit RequestLogDock(instant::RequestLog *log, QWidget *parent = nullptr);
    ~RequestLogDock() override;

    RequestLogModel *model() const { return m_model; }
    RequestLogFilter *filter() const { return m_filter; }
    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    QList<QAction *> dockActions() const;

    /** The curl command of the entry at proxy row (redacted unless includeSecrets). */
    QString curlForRow(int row, bool includeSecrets) const;

public Q_SLOTS:
    void copyCurl();
    void copyCurlWithSecrets();

private:
    QPointer<instant::RequestLog> m_log;
    RequestLogModel *m_model = nullptr;
    RequestLogFilter *m_filter = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QCheckBox *m_errorsOnly = nullptr;
    QAction *m_copyCurl = nullptr;
    QAction *m_copyCurlSecrets = nullptr;
    QAction *m_clear = nullptr;
};

} // namespace console
