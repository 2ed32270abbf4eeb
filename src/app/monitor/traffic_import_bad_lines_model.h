#pragma once
// The bad lines of the last imports, for a table: file, line, JSON path, reason. Capped so a
// log full of garbage does not fill memory; hiddenCount() says how many more there were.

#include "traffic/ingest.h"

#include <QAbstractTableModel>

namespace gw::app {

class TrafficBadLinesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { FileColumn, LineColumn, PathColumn, ReasonColumn, ColumnCount };

    explicit TrafficBadLinesModel(QObject *parent = nullptr, int maxRows = 500);

    void clear();
    // `listed` are the first of `total` bad lines found in `file`.
    void add(const QString &file, const QList<gw::TrafficBadLine> &listed, qint64 total);
    qint64 hiddenCount() const { return m_hidden; } // found but not in the table

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString file;
        gw::TrafficBadLine bad;
    };
    QList<Row> m_rows;
    qint64 m_hidden = 0;
    int m_maxRows;
};

} // namespace gw::app
