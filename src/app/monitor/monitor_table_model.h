#pragma once
// One chart's data as a table: column 0 is the time (UTC) or the category (model, gateway), then
// one column per series, headed by the series' display name. The chart view draws from it (after
// decimation), hovering reads a row of it, and "Export CSV" writes it whole (not decimated).

#include "config/per_gateway.h"
#include "monitor/series.h"

#include <QAbstractTableModel>

namespace gw::app {

QString seriesDisplayName(const gw::SeriesId &id);

class MonitorTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role { RawValueRole = Qt::UserRole }; // double (NaN: none) or qint64 ms for the time

    explicit MonitorTableModel(QObject *parent = nullptr);

    // `valueDecimals`: digits shown; `unit`: appended to shown values (e.g. "ms").
    void setTable(const gw::SeriesTable &table, const QString &firstColumnHeader);
    const gw::SeriesTable &table() const { return m_table; }
    QString seriesName(int series) const { return m_names.value(series); }
    void setValueFormat(int decimals, const QString &unit)
    {
        m_decimals = decimals;
        m_unit = unit;
    }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QString rowLabel(int row) const;                    // the time ("2026-01-01 10:00 UTC") or the category
    QString formatValue(double value) const;            // "–" for NaN
    QString formatCell(int series, double value) const; // counts as counts, the rest as formatValue
    // The row nearest to `x` (time in ms, or category index); -1 when empty.
    int rowNearest(double x) const;
    // "2026-01-01 10:00 UTC\nOpenRouter reported: 0.12 USD\n…" for that row.
    QString hoverText(int row) const;

    // RFC 4180: header row, then every row; times as ISO 8601 UTC, full precision, NaN empty.
    QString toCsv() const;

private:
    gw::SeriesTable m_table;
    QStringList m_names;
    QString m_firstHeader;
    int m_decimals = 2;
    QString m_unit;
};

} // namespace gw::app
