#pragma once
// The Monitor's headline row: one table row per gateway, one column per figure (requests, error
// rate, cost, p95 TTFT, actual and target share of requests), each shown with its change against
// the previous period of the same length. Raw values through roles, so tests and exports read
// numbers, not text.

#include "monitor/headline.h"

#include <QAbstractTableModel>

namespace gw::app {

class HeadlineTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { GatewayColumn, Requests, ErrorRate, Cost, TtftP95, ShareActual, ShareTarget, ColumnCount };
    enum Role {
        ValueRole = Qt::UserRole, // double: this range's figure; invalid: none
        PreviousRole,             // double: the previous period's figure; invalid: none
        ChangeRole,               // double: relative (0.25: +25 %) for amounts, points for rates and shares
    };

    explicit HeadlineTableModel(QObject *parent = nullptr);

    void setHeadline(const gw::MonitorHeadline &headline);
    const gw::MonitorHeadline &headline() const { return m_headline; }

    // The figure of a cell for either period; none when that period has none.
    std::optional<double> value(gw::Gateway gateway, Column column, bool previous = false) const;
    std::optional<double> change(gw::Gateway gateway, Column column) const;
    // Whether a column changes in points (rates, shares) rather than relatively (amounts).
    static bool changesInPoints(Column column);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString formatValue(Column column, double value) const;
    QString formatChange(Column column, double change) const;

    gw::MonitorHeadline m_headline;
};

} // namespace gw::app
