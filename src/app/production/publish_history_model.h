#pragma once
// The workspace's publishes as a table, newest first: when (UTC), the revision, who, the note and
// what each publish changed in words. The rows are the history's "publish" records, so a row is the
// record a rollback republishes.

#include "workspace/workspace.h"

#include <QAbstractTableModel>
#include <QList>

namespace gw::app {

class PublishHistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Published, Revision, By, Note, Change, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    // Keeps the "publish" records of `history` (oldest first, as the file holds them), newest first.
    void setHistory(const QList<gw::ExportRecord> &history);
    const QList<gw::ExportRecord> &publishes() const { return m_publishes; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<gw::ExportRecord> m_publishes;
    QStringList m_changes; // describeChangeLine per row, computed once
};

} // namespace gw::app
