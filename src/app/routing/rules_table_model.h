#pragma once
// The draft's rules as a table: enabled (checkbox), id, match, action, expiry countdown, note.
// Every edit (check, drag to reorder) becomes one undoable command on the document.

#include <QAbstractTableModel>
#include <QDateTime>
#include <QTimer>

namespace gw::app {

class DraftDocument;

class RulesTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Enabled, Id, Match, Action, Expiry, Note, ColumnCount };

    explicit RulesTableModel(DraftDocument *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count, const QModelIndex &destinationParent,
                  int destinationChild) override;

    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

    // The clock of the countdown; invalid: the current time (tests pin it).
    void setNow(const QDateTime &now) { m_now = now; }
    QDateTime now() const { return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc(); }

private:
    void refreshCountdown();

    DraftDocument *m_document;
    QTimer m_tick;
    QDateTime m_now;
};

} // namespace gw::app
