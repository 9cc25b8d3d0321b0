#include "presencepanel.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>

#include "adminclient.h"
#include "presence_debug.h"
#include "session/connectionsession.h"
#include "session/panelfactory.h"
#include "theme.h"

namespace console {

PresencePanel::PresencePanel(ConnectionSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new PresenceModel(this))
    , m_timer(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_roomType = new QLineEdit(this);
    m_roomType->setObjectName(QStringLiteral("roomType"));
    m_roomType->setPlaceholderText(tr("e.g. chat"));
    m_roomId = new QLineEdit(this);
    m_roomId->setObjectName(QStringLiteral("roomId"));
    m_roomId->setPlaceholderText(tr("room id"));
    form->addRow(tr("Room &type:"), m_roomType);
    form->addRow(tr("Room &id:"), m_roomId);
    layout->addLayout(form);

    auto *controls = new QHBoxLayout;
    auto *refreshButton = new QPushButton(tr("Refresh"), this);
    refreshButton->setObjectName(QStringLiteral("refresh"));
    m_auto = new QCheckBox(tr("Refresh every"), this);
    m_auto->setObjectName(QStringLiteral("autoRefresh"));
    m_interval = new QSpinBox(this);
    m_interval->setObjectName(QStringLiteral("interval"));
    m_interval->setRange(1, 3600);
    m_interval->setValue(5);
    m_interval->setSuffix(tr(" s"));
    controls->addWidget(refreshButton);
    controls->addStretch();
    controls->addWidget(m_auto);
    controls->addWidget(m_interval);
    layout->addLayout(controls);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("sessions"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setVisible(false);
    layout->addWidget(m_table, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    Theme::setTone(m_error, Theme::Tone::Error);
    m_error->setVisible(false);
    layout->addWidget(m_status);
    layout->addWidget(m_error);

    connect(refreshButton, &QPushButton::clicked, this, &PresencePanel::refresh);
    connect(m_roomId, &QLineEdit::returnPressed, this, &PresencePanel::refresh);
    connect(m_auto, &QCheckBox::toggled, this, &PresencePanel::updateTimer);
    connect(m_interval, &QSpinBox::valueChanged, this, &PresencePanel::updateTimer);
    connect(m_timer, &QTimer::timeout, this, &PresencePanel::refresh);
}

PresencePanel::~PresencePanel() = default;

PanelFactory PresencePanel::factory()
{
    return {QStringLiteral("presence"), tr("Presence"), Theme::icon(QStringLiteral("live")), QKeySequence(tr("Ctrl+4")),
        [](ConnectionSession *session, QWidget *parent) -> QWidget * { return new PresencePanel(session, parent); }};
}

bool PresencePanel::isAutoRefreshing() const
{
    return m_timer->isActive();
}

void PresencePanel::updateTimer()
{
    if (m_auto->isChecked()) {
        m_timer->start(m_interval->value() * 1000);
        refresh();
    } else {
        m_timer->stop();
    }
}

void PresencePanel::refresh()
{
    const QString roomType = m_roomType->text().trimmed();
    const QString roomId = m_roomId->text().trimmed();
    if (roomType.isEmpty() || roomId.isEmpty()) {
        m_error->setText(roomType.isEmpty() ? tr("Enter a room type.") : tr("Enter a room id."));
        m_error->setVisible(true);
        Q_EMIT refreshed();
        return;
    }
    // A slow server must not pile up requests from the timer: one refresh at a time.
    if (m_job) {
        return;
    }
    m_job = m_session->client()->presence(roomType, roomId);
    connect(m_job, &instant::ApiJob::finished, this, &PresencePanel::onFinished);
}

void PresencePanel::onFinished(const instant::JsonResult &result)
{
    m_job = nullptr;
    if (!result) {
        qCInfo(lcPresence) << "presence failed:" << result.error().detail();
        m_error->setText(result.error().userMessage());
        m_error->setVisible(true);
        Q_EMIT refreshed();
        return;
    }
    m_error->setVisible(false);
    m_model->setSessions(result->toObject().value(u"sessions"));
    m_status->setText(tr("%n session(s) at %1", nullptr, m_model->rowCount())
                          .arg(QLocale().toString(QTime::currentTime(), QLocale::LongFormat)));
    Q_EMIT refreshed();
}

} // namespace console
