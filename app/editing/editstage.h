#pragma once

#include <optional>
#include <vector>

#include <QAbstractListModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

namespace console {

/**
 * Edits made from the results, held until Apply. Each edit keeps what it replaces, so the stage can
 * produce both the forward `steps` and the inverse `steps` that put the prior values back.
 *
 * The model lists the pending edits (one row each) for a "pending changes" view.
 */
class EditStage final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EditStage)

public:
    struct Edit {
        enum class Kind {
            SetAttribute,
            CreateEntity,
            DeleteEntity,
            Link,
            Unlink,
        };
        Kind kind = Kind::SetAttribute;
        QString ns;
        QString id;
        /** Attribute for SetAttribute, link label for Link/Unlink. */
        QString attribute;
        /** New value (SetAttribute), attributes object (CreateEntity), target ids array (Link/Unlink). */
        QJsonValue value;
        /** SetAttribute: the value before the edit; nullopt when the attribute was absent. */
        std::optional<QJsonValue> prior;
        /** DeleteEntity: the entity as the results showed it (attributes and nested link arrays). */
        QJsonObject priorRecord;
    };

    explicit EditStage(QObject *parent = nullptr);
    ~EditStage() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    /** Stages attribute = value; a second edit of the same cell keeps the first prior value. */
    void setAttribute(const QString &ns, const QString &id, const QString &attribute, const QJsonValue &value,
        const std::optional<QJsonValue> &prior);
    /** Stages a new entity and returns its fresh id. */
    QString createEntity(const QString &ns, const QJsonObject &attributes);
    /** Stages deletion of each record (each must carry its "id"). */
    void deleteEntities(const QString &ns, const QList<QJsonObject> &records);
    void link(const QString &ns, const QString &id, const QString &label, const QStringList &targets);
    void unlink(const QString &ns, const QString &id, const QString &label, const QStringList &targets);
    void removeEdit(int row);
    void clear();

    bool isEmpty() const { return m_edits.empty(); }
    const std::vector<Edit> &edits() const { return m_edits; }
    bool containsDeletes() const;

    /** The transaction that applies every staged edit, in staging order. */
    QJsonArray steps() const;
    /** The transaction that restores what the staged edits replace (run after steps()). */
    QJsonArray inverseSteps() const;
    /**
     * Why the inverse cannot restore everything: deleted system entities ($files keeps its bytes elsewhere)
     * and deleted entities whose values were not in the results. Empty when undo is faithful.
     */
    QStringList irreversibleReasons() const;

    /** Splits a result record into plain attributes and link arrays (arrays of objects with an "id"). */
    static void splitRecord(const QJsonObject &record, QJsonObject *attributes, QJsonObject *links);

Q_SIGNALS:
    void stagedChanged();

private:
    void append(Edit edit);
    static QString describe(const Edit &edit);

    std::vector<Edit> m_edits;
};

} // namespace console
